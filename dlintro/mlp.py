"""Multilayer perceptron and weight initialisation (page: mlp).

An MLP is a list of layers: ``Linear``, activation, ``Linear``, activation,
..., ``Linear``. Forward runs through the list; backward runs back through it.
"""

# --8<-- [start:imports]
import numpy as np

from dlintro._validation import (
    as_generator,
    as_int,
    as_layer_sizes,
    as_output_grad,
    check_size,
    choose,
    finite_output,
)
from dlintro.layers import Linear, ReLU, Sigmoid, Tanh

# --8<-- [end:imports]


# --8<-- [start:xavier_normal]
def xavier_normal(fan_in, fan_out, rng=None):
    # --8<-- [end:xavier_normal]
    r"""Xavier/Glorot initialisation: normal weights with variance $2/(d + p)$.

    $$
    W_{jk} \sim \mathcal{N}\Bigl(0, \frac{2}{d + p}\Bigr),
    \qquad W \in \mathbb{R}^{d \times p}
    $$

    Keeps the variance of activations and of gradients roughly the same
    from layer to layer for sigmoid and tanh (Glorot & Bengio, 2010).

    Parameters
    ----------
    fan_in, fan_out : int
        ``d`` inputs and ``p`` outputs of the layer (at least 1 each).
    rng : numpy.random.Generator or int, optional
        Generator or seed, e.g. ``np.random.default_rng(0)`` or ``0``.

    Returns
    -------
    numpy.ndarray, shape (fan_in, fan_out)

    Raises
    ------
    TypeError
        If a size is not an int, or ``rng`` is neither a Generator nor an int.
    ValueError
        If a size is less than 1, ``W`` would have more than 10**8 entries,
        or the seed ``rng`` is negative.
    """
    # --8<-- [start:xavier_normal-body]
    d = as_int(fan_in, "fan_in", minimum=1)
    p = as_int(fan_out, "fan_out", minimum=1)
    check_size(d * p, "fan_in * fan_out")
    std = np.sqrt(2.0 / (d + p))
    return as_generator(rng).normal(0.0, std, size=(d, p))
    # --8<-- [end:xavier_normal-body]


# --8<-- [start:he_normal]
def he_normal(fan_in, fan_out, rng=None):
    # --8<-- [end:he_normal]
    r"""He initialisation: normal weights with variance $2/d$, for ReLU.

    $$
    W_{jk} \sim \mathcal{N}\Bigl(0, \frac{2}{d}\Bigr),
    \qquad W \in \mathbb{R}^{d \times p}
    $$

    ReLU zeroes half of its inputs on average; doubling the variance makes
    up for it (He et al., 2015).

    Parameters
    ----------
    fan_in, fan_out : int
        ``d`` inputs and ``p`` outputs of the layer (at least 1 each).
    rng : numpy.random.Generator or int, optional
        Generator or seed, e.g. ``np.random.default_rng(0)`` or ``0``.

    Returns
    -------
    numpy.ndarray, shape (fan_in, fan_out)

    Raises
    ------
    TypeError
        If a size is not an int, or ``rng`` is neither a Generator nor an int.
    ValueError
        If a size is less than 1, ``W`` would have more than 10**8 entries,
        or the seed ``rng`` is negative.
    """
    # --8<-- [start:he_normal-body]
    d = as_int(fan_in, "fan_in", minimum=1)
    p = as_int(fan_out, "fan_out", minimum=1)
    check_size(d * p, "fan_in * fan_out")
    std = np.sqrt(2.0 / d)
    return as_generator(rng).normal(0.0, std, size=(d, p))
    # --8<-- [end:he_normal-body]


# --8<-- [start:MLP]
class MLP:
    # --8<-- [end:MLP]
    r"""Multilayer perceptron: affine layers with an activation between them.

    $$
    Z^{(l)} = H^{(l-1)} W^{(l)} + b^{(l)}, \qquad
    H^{(l)} = \sigma\bigl(Z^{(l)}\bigr), \qquad
    H^{(0)} = X, \quad O = Z^{(L)}
    $$

    for $l = 1, \dots, L$; the last layer has no activation, so ``O`` holds
    raw scores (logits). Layer ``l`` has $W^{(l)}$ of shape
    ``(sizes[l-1], sizes[l])`` and $b^{(l)}$ of shape ``(sizes[l],)``.

    Parameters
    ----------
    sizes : sequence of int
        ``[d, h_1, ..., h_{L-1}, p]``: inputs, hidden widths, outputs. With
        two sizes ``[d, p]`` the MLP is the linear model ``O = XW + b``.
    activation : {"relu", "tanh", "sigmoid"}
        Activation after every layer but the last.
    init : {"he", "xavier"}, optional
        Weight initialisation; by default He for ReLU, Xavier otherwise.
        The last layer's weights are then scaled by 0.01 so that the
        first predictions are nearly uniform: a fresh ``p``-class
        classifier has a cross-entropy loss close to $\ln p$. Biases start
        at 0.
    rng : numpy.random.Generator or int, optional
        Generator or seed for the initial weights.

    Attributes
    ----------
    layers : list
        ``[Linear, activation, Linear, ..., Linear]``.
    linears : list of Linear
        The ``L`` affine layers, whose ``W`` and ``b`` are the parameters.

    Raises
    ------
    TypeError
        If ``sizes`` is not a list (or tuple, or 1-D array) of ints, or
        ``rng`` is neither a Generator nor an int.
    ValueError
        If ``sizes`` has fewer than 2 entries or one below 1, makes more
        than 1000 layers or 10**8 parameters, ``activation`` or ``init`` is
        unknown, or the seed ``rng`` is negative. ``forward`` and
        ``backward`` raise it too, naming ``X`` or ``dO``, for a wrong
        shape, a value that is not finite, or a result that overflows;
        ``backward`` before ``forward`` is a RuntimeError.

    Examples
    --------
    >>> from dlintro import MLP
    >>> net = MLP([2, 4, 3], activation="relu", rng=0)
    >>> [type(layer).__name__ for layer in net.layers]
    ['Linear', 'ReLU', 'Linear']
    >>> net.num_parameters  # (2*4 + 4) + (4*3 + 3)
    27
    """

    # --8<-- [start:MLP-init]
    def __init__(self, sizes, activation="relu", *, init=None, rng=None):
        sizes = as_layer_sizes(sizes)  # [d, h_1, ..., p]
        Activation = choose(
            activation,
            "activation",
            {"relu": ReLU, "tanh": Tanh, "sigmoid": Sigmoid},
        )
        if init is None:
            init = "he" if activation == "relu" else "xavier"
        init_weights = choose(
            init, "init", {"he": he_normal, "xavier": xavier_normal}
        )
        rng = as_generator(rng)
        self.layers = []
        for d, p in zip(sizes[:-1], sizes[1:], strict=True):
            W = init_weights(d, p, rng)  # (d, p); biases start at 0
            self.layers += [Linear(W, np.zeros(p)), Activation()]
        self.layers.pop()  # no activation after the last layer: O = Z(L)
        # Small output weights: the first scores are close to 0, softmax is
        # close to uniform, and the first loss is close to ln p.
        self.layers[-1].W *= 0.01

    # --8<-- [end:MLP-init]

    # --8<-- [start:MLP-forward]
    @finite_output(blame="X (or the model's weights)")
    def forward(self, X):
        """Scores ``O`` of shape (n, p) for inputs ``X`` of shape (n, d)."""
        H = X
        for layer in self.layers:
            H = layer.forward(H)
        return H

    # --8<-- [end:MLP-forward]

    # --8<-- [start:MLP-backward]
    @finite_output(blame="dO (or the model's weights)")
    def backward(self, dO):
        """Backpropagate ``dL/dO`` (n, p) from the top layer down.

        Sets ``dW`` and ``db`` of every ``Linear`` layer; returns ``dL/dX``.
        """
        grad = as_output_grad(dO, self)  # the shape of forward's output
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        return grad

    # --8<-- [end:MLP-backward]

    @property
    def linears(self):
        return [layer for layer in self.layers if isinstance(layer, Linear)]

    @property
    def num_parameters(self):
        """Number of weights and biases: sum over layers of ``d*p + p``."""
        return sum(lin.W.size + lin.b.size for lin in self.linears)
