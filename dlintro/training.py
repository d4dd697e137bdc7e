"""Training by (mini-batch) stochastic gradient descent (page: capstone)."""

# --8<-- [start:imports]
import numpy as np

from dlintro._validation import (
    as_batch_size,
    as_generator,
    as_int,
    as_positive_float,
    as_training_data,
    check_step,
    stop_if_diverging,
)
from dlintro.losses import softmax_cross_entropy

# --8<-- [end:imports]


# --8<-- [start:sgd_step]
def sgd_step(model, learning_rate):
    # --8<-- [end:sgd_step]
    r"""One gradient-descent update of every ``W`` and ``b`` of ``model``.

    $$
    W \leftarrow W - \eta\,\frac{\partial L}{\partial W}, \qquad
    b \leftarrow b - \eta\,\frac{\partial L}{\partial b}
    $$

    Parameters
    ----------
    model : MLP
        A model whose ``backward`` has just been run.
    learning_rate : float
        The step size $\eta > 0$.

    Raises
    ------
    TypeError
        If ``model`` is not an MLP or ``learning_rate`` is not a number.
    ValueError
        If ``learning_rate`` is not positive and finite, or so large that
        a parameter would overflow; the model is then left unchanged.
    RuntimeError
        If ``model.backward`` has not been run yet.
    """
    # --8<-- [start:sgd_step-body]
    eta = as_positive_float(learning_rate, "learning_rate")
    check_step(model, eta)  # after backward; every W - eta dW finite
    for layer in model.linears:
        layer.W -= eta * layer.dW  # in place: the model holds these arrays
        layer.b -= eta * layer.db
    # --8<-- [end:sgd_step-body]


# --8<-- [start:train]
def train(
    model, X, labels, *, learning_rate, epochs, batch_size=None, rng=None
):
    # --8<-- [end:train]
    """Train a classifier with softmax cross-entropy and mini-batch SGD.

    Each epoch shuffles the samples, cuts them into batches of
    ``batch_size`` and takes one [`sgd_step`][dlintro.training.sgd_step]
    per batch: forward, loss, backward, update.

    Parameters
    ----------
    model : MLP
        The model to train, updated in place.
    X : array_like, shape (n, d)
        Inputs.
    labels : array_like of int, shape (n,)
        Class indices in ``[0, p)``.
    learning_rate : float
        Step size of SGD.
    epochs : int
        Passes over the data (1 to 10**8).
    batch_size : int, optional
        Samples per step; by default, or if larger than ``n``, all ``n``
        (full-batch gradient descent).
    rng : numpy.random.Generator or int, optional
        Generator or seed for the shuffling.

    Returns
    -------
    numpy.ndarray, shape (epochs,)
        The mean training loss of each epoch: each batch's loss, measured
        before its step, weighted by the batch's size.

    Raises
    ------
    TypeError
        If an argument has the wrong type (e.g. non-integer labels, or a
        ``model`` that is not an MLP).
    ValueError
        If an argument has the wrong shape or value (e.g. ``X`` does not
        match the model's input size, or a label is out of range), or if
        training diverges: as soon as a loss, a gradient, a parameter or
        the trained model's scores would overflow, the error names
        ``learning_rate`` and the epoch, and the model keeps the parameters
        of its last step.
    """
    # --8<-- [start:train-body]
    X, labels = as_training_data(model, X, labels)  # (n, d) and (n,)
    n = X.shape[0]
    epochs = as_int(epochs, "epochs", minimum=1)
    batch_size = as_batch_size(batch_size, n)  # None: all n samples
    as_positive_float(learning_rate, "learning_rate")
    rng = as_generator(rng)
    history = np.empty(epochs)
    for epoch in range(epochs):
        order = rng.permutation(n)  # a new shuffle every epoch
        total = 0.0
        with stop_if_diverging(epoch + 1, learning_rate):
            for start in range(0, n, batch_size):
                batch = order[start : start + batch_size]
                loss, dO = softmax_cross_entropy(
                    model.forward(X[batch]), labels[batch]
                )
                model.backward(dO)
                sgd_step(model, learning_rate)
                total += loss * len(batch)  # a mean over samples
        history[epoch] = total / n
    with stop_if_diverging(epochs, learning_rate):
        model.forward(X)  # the trained model's scores are finite too
    return history
    # --8<-- [end:train-body]
