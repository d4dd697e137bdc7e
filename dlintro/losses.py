"""Loss functions, each with its gradient (page: loss).

A loss averages over the ``n`` samples of a batch and returns
``(loss, grad)``: the loss as a float and its gradient with respect to the
model's outputs, the shape of those outputs.
"""

# --8<-- [start:imports]
import numpy as np

from dlintro._validation import as_float_array, as_targets, finite_output
from dlintro.classification import log_softmax, softmax

# --8<-- [end:imports]


# --8<-- [start:mse]
@finite_output(blame="outputs or targets")
def mse(outputs, targets):
    # --8<-- [end:mse]
    r"""Mean squared error and its gradient.

    $$
    L = \frac{1}{n} \sum_{i=1}^{n} \tfrac12 \lVert \mathbf{o}_i - \mathbf{y}_i \rVert^2,
    \qquad
    \frac{\partial L}{\partial O} = \frac{1}{n}\,(O - Y)
    $$

    The factor $\tfrac12$ cancels the 2 of the derivative, so the gradient
    is simply the error divided by ``n``.

    Parameters
    ----------
    outputs : array_like, shape (n,) or (n, p)
        Model outputs ``O``, one row per sample.
    targets : array_like, the shape of ``outputs``
        Targets ``Y``.

    Returns
    -------
    loss : float
        The mean over samples of half the squared error.
    grad : numpy.ndarray, the shape of ``outputs``
        $\partial L / \partial O$.

    Raises
    ------
    TypeError
        If an argument is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If a shape is wrong, the shapes differ, a value is not finite, or
        the squared error overflows.

    Examples
    --------
    >>> from dlintro import mse
    >>> loss, grad = mse([[1.0, 2.0], [3.0, 4.0]], [[1.0, 0.0], [3.0, 5.0]])
    >>> loss
    1.25
    >>> grad
    array([[ 0. ,  1. ],
           [ 0. , -0.5]])
    """
    # --8<-- [start:mse-body]
    O = as_float_array(
        outputs, "outputs", ndim=(1, 2), shape_hint="(n,) or (n, p)"
    )
    Y = as_float_array(
        targets, "targets", ndim=(1, 2), shape_hint="(n,) or (n, p)"
    )
    if Y.shape != O.shape:
        raise ValueError(
            f"targets must have the shape of outputs {O.shape}, "
            f"got shape {Y.shape}"
        )
    n = O.shape[0]
    error = O - Y
    loss = 0.5 * np.sum(error**2) / n
    return float(loss), error / n
    # --8<-- [end:mse-body]


# --8<-- [start:softmax_cross_entropy]
@finite_output(blame="scores")
def softmax_cross_entropy(scores, labels):
    # --8<-- [end:softmax_cross_entropy]
    r"""Cross-entropy of softmax probabilities, computed from the scores.

    $$
    L = \frac{1}{n} \sum_{i=1}^{n}
        \Bigl(\log \sum_{k=1}^{p} e^{O_{ik}} - O_{i y_i}\Bigr),
    \qquad
    \frac{\partial L}{\partial O} = \frac{1}{n}\,(P - Y)
    $$

    where $P$ is [`softmax`][dlintro.classification.softmax] of the scores
    and $Y$ the one-hot labels. The loss is computed in log-sum-exp form
    (by [`log_softmax`][dlintro.classification.log_softmax]), never as
    ``log(p + eps)``: it is exact and finite for every finite score, unless
    the scores of a row lie further apart than float64 can count.

    Parameters
    ----------
    scores : array_like, shape (n, p)
        Class scores (logits) ``O``, one row per sample.
    labels : array_like, shape (n,) or (n, p)
        Class indices in ``[0, p)``, or one-hot rows (more generally, rows
        of probabilities: non-negative and summing to 1).

    Returns
    -------
    loss : float
        The mean cross-entropy over the ``n`` samples.
    grad : numpy.ndarray, shape (n, p)
        $\partial L / \partial O = (P - Y) / n$.

    Raises
    ------
    TypeError
        If ``scores`` is not an array of real numbers, 1-D ``labels`` are
        not integers, or either is masked or a ``numpy.matrix``.
    ValueError
        If a shape is wrong, a value is not finite, a class index is out of
        range, a row of 2-D ``labels`` is not a probability distribution, or
        the scores of a row lie so far apart that the loss overflows.

    Examples
    --------
    >>> from dlintro import softmax_cross_entropy
    >>> loss, grad = softmax_cross_entropy([[0.0, 0.0]], [1])
    >>> round(loss, 6)  # log 2: two equally likely classes
    0.693147
    >>> grad
    array([[ 0.5, -0.5]])
    """
    # --8<-- [start:softmax_cross_entropy-body]
    O = as_float_array(scores, "scores", ndim=2, shape_hint="(n, p)")
    n, p = O.shape
    Y = as_targets(labels, n, p)  # (n,) indices or (n, p) rows -> (n, p)
    # -sum_k Y_ik log P_ik, with log P = log_softmax(O) = O - log sum exp O
    loss = -np.sum(Y * log_softmax(O)) / n
    return float(loss), (softmax(O) - Y) / n
    # --8<-- [end:softmax_cross_entropy-body]
