"""Classification: probabilities, the predicted class, accuracy (page: softmax).

Softmax turns class scores into probabilities; argmax picks the class,
and accuracy counts how often it is the right one.
"""

# --8<-- [start:imports]
import numpy as np

from dlintro._validation import as_float_array, as_labels, finite_output

# --8<-- [end:imports]


# --8<-- [start:softmax]
@finite_output(blame="scores")
def softmax(scores):
    # --8<-- [end:softmax]
    r"""Turn class scores into probabilities, row by row.

    $$
    \operatorname{softmax}(\mathbf{o})_k = \frac{\exp(o_k)}{\sum_{j=1}^{p} \exp(o_j)}
    $$

    The largest score of each row is subtracted before ``exp``. This changes
    nothing mathematically (softmax is invariant to adding a constant to a
    row) but keeps ``exp`` from overflowing.

    Parameters
    ----------
    scores : array_like, shape (p,) or (n, p)
        Class scores (logits): one row of ``p`` scores per sample.
        Must be finite.

    Returns
    -------
    numpy.ndarray, shape (p,) or (n, p)
        Probabilities, the shape of ``scores``: every entry is in ``[0, 1]``
        and every row sums to 1. Entry ``[i, k]`` is the probability that
        sample ``i`` belongs to class ``k``.

    Raises
    ------
    TypeError
        If ``scores`` is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If ``scores`` is not 1-D or 2-D, is empty, or holds NaN or infinity,
        or its scores lie so far apart that ``scores - max`` overflows.

    Examples
    --------
    >>> from dlintro import softmax
    >>> softmax([1.0, 2.0, 0.0])
    array([0.24472847, 0.66524096, 0.09003057])
    >>> softmax([[123.0, 456.0, 789.0]])
    array([[5.75274406e-290, 2.39848787e-145, 1.00000000e+000]])
    """
    # --8<-- [start:softmax-body]
    scores = as_float_array(
        scores, "scores", ndim=(1, 2), shape_hint="(p,) or (n, p)"
    )
    # Subtract each row's maximum: exp then sees values <= 0 and
    # cannot overflow.
    shifted = scores - scores.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    # keepdims=True keeps the row sums as a column, shape (n, 1), so that
    # each row is divided by its own sum.
    return exp / exp.sum(axis=-1, keepdims=True)
    # --8<-- [end:softmax-body]


# --8<-- [start:log_softmax]
@finite_output(blame="scores")
def log_softmax(scores):
    # --8<-- [end:log_softmax]
    r"""Logarithm of [`softmax`][dlintro.classification.softmax], computed stably.

    $$
    \log \operatorname{softmax}(\mathbf{o})_k = o_k - \log \sum_{j=1}^{p} \exp(o_j)
    $$

    ``log(softmax(x))`` gives ``-inf`` once a probability underflows to 0;
    this log-sum-exp form stays finite, unless the scores of a row lie
    further apart than float64 can count (about 1.8e308).

    Parameters
    ----------
    scores : array_like, shape (p,) or (n, p)
        Class scores (logits), one row per sample. Must be finite.

    Returns
    -------
    numpy.ndarray, shape (p,) or (n, p)
        Log-probabilities, the shape of ``scores``: every entry is ``<= 0``
        and ``exp`` of every row sums to 1.

    Raises
    ------
    TypeError
        If ``scores`` is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If ``scores`` is not 1-D or 2-D, is empty, or holds NaN or infinity,
        or its scores lie so far apart that a result overflows.

    Examples
    --------
    >>> from dlintro import log_softmax
    >>> log_softmax([0.0, 0.0])
    array([-0.69314718, -0.69314718])
    >>> log_softmax([0.0, 1000.0])
    array([-1000.,     0.])
    """
    # --8<-- [start:log_softmax-body]
    scores = as_float_array(
        scores, "scores", ndim=(1, 2), shape_hint="(p,) or (n, p)"
    )
    shifted = scores - scores.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    # --8<-- [end:log_softmax-body]


# --8<-- [start:predict]
def predict(scores):
    # --8<-- [end:predict]
    """Predicted class of each sample: the index of its largest score.

    Softmax keeps the order of the scores, so the argmax of the scores and
    the argmax of the probabilities are the same class.

    Parameters
    ----------
    scores : array_like, shape (n, p)
        Class scores or probabilities, one row per sample.

    Returns
    -------
    numpy.ndarray of int64, shape (n,)
        Class index in ``[0, p)`` of each sample; ties go to the smallest index.

    Raises
    ------
    TypeError
        If ``scores`` is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If ``scores`` is not 2-D, is empty, or holds NaN or infinity.

    Examples
    --------
    >>> from dlintro import predict
    >>> predict([[0.1, 0.7, 0.2],
    ...          [0.5, 0.3, 0.2]])
    array([1, 0])
    """
    # --8<-- [start:predict-body]
    scores = as_float_array(scores, "scores", ndim=2, shape_hint="(n, p)")
    return scores.argmax(axis=-1)  # one class per row
    # --8<-- [end:predict-body]


# --8<-- [start:one_hot]
def one_hot(labels, num_classes):
    # --8<-- [end:one_hot]
    """One-hot vectors: row ``i`` is 1 in column ``labels[i]`` and 0 elsewhere.

    Parameters
    ----------
    labels : array_like of int, shape (n,)
        Class indices in ``[0, num_classes)``.
    num_classes : int
        Number of classes ``p`` (at least 1).

    Returns
    -------
    numpy.ndarray of float64, shape (n, num_classes)
        The one-hot matrix ``Y``.

    Raises
    ------
    TypeError
        If ``labels`` are not integers (or are masked or a ``numpy.matrix``),
        or ``num_classes`` is not an int.
    ValueError
        If ``labels`` is not 1-D or is empty, a label is outside
        ``[0, num_classes)``, or ``Y`` would have more than 10**8 entries.

    Examples
    --------
    >>> from dlintro import one_hot
    >>> one_hot([2, 0], num_classes=3)
    array([[0., 0., 1.],
           [1., 0., 0.]])
    """
    # --8<-- [start:one_hot-body]
    labels = as_labels(labels, "labels", num_classes=num_classes)
    Y = np.zeros((labels.shape[0], num_classes))
    Y[np.arange(labels.shape[0]), labels] = (
        1.0  # row i gets its 1 in column labels[i]
    )
    return Y
    # --8<-- [end:one_hot-body]


# --8<-- [start:accuracy]
def accuracy(scores, labels):
    # --8<-- [end:accuracy]
    """Fraction of samples whose predicted class equals the label.

    Parameters
    ----------
    scores : array_like, shape (n, p)
        Class scores or probabilities, one row per sample.
    labels : array_like of int, shape (n,)
        True class indices in ``[0, p)``.

    Returns
    -------
    float
        In ``[0, 1]``.

    Raises
    ------
    TypeError
        If ``scores`` is not an array of real numbers or ``labels`` are not
        integers, or either is masked or a ``numpy.matrix``.
    ValueError
        If a shape is wrong, the lengths differ, or a label is out of range.

    Examples
    --------
    >>> from dlintro import accuracy
    >>> accuracy([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]], [0, 1, 1])
    0.6666666666666666
    """
    # --8<-- [start:accuracy-body]
    predicted = predict(scores)
    n, p = np.shape(scores)
    labels = as_labels(
        labels, "labels", num_classes=p, source=f"scores has {p} columns"
    )
    if labels.shape != (n,):
        raise ValueError(
            f"labels must have shape ({n},) to match scores, "
            f"got shape {labels.shape}"
        )
    return float(np.mean(predicted == labels))
    # --8<-- [end:accuracy-body]
