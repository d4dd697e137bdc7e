"""Multilayer perceptron and weight initialisation (chapter 5).

An MLP is a list of layers: ``Linear``, activation, ``Linear``, activation,
..., ``Linear``. Forward runs through the list; backward runs back through it.
"""

# --8<-- [start:imports]
import numpy as np

from dlintro._validation import as_generator, as_int
from dlintro.layers import Linear, ReLU, Sigmoid, Tanh

# --8<-- [end:imports]

ACTIVATIONS = {"sigmoid": Sigmoid, "tanh": Tanh, "relu": ReLU}


# --8<-- [start:xavier_normal]
def xavier_normal(fan_in, fan_out, rng):
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
    rng : numpy.random.Generator
        Source of randomness, e.g. ``np.random.default_rng(0)``.

    Returns
    -------
    numpy.ndarray, shape (fan_in, fan_out)

    Raises
    ------
    TypeError
        If a size is not an int, or ``rng`` is not a ``Generator``.
    ValueError
        If a size is less than 1.
    """
    # --8<-- [start:xavier_normal-body]
    _check_init_args(fan_in, fan_out, rng)
    std = np.sqrt(2.0 / (fan_in + fan_out))
    return rng.normal(0.0, std, size=(fan_in, fan_out))
    # --8<-- [end:xavier_normal-body]


# --8<-- [start:he_normal]
def he_normal(fan_in, fan_out, rng):
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
    rng : numpy.random.Generator
        Source of randomness, e.g. ``np.random.default_rng(0)``.

    Returns
    -------
    numpy.ndarray, shape (fan_in, fan_out)

    Raises
    ------
    TypeError
        If a size is not an int, or ``rng`` is not a ``Generator``.
    ValueError
        If a size is less than 1.
    """
    # --8<-- [start:he_normal-body]
    _check_init_args(fan_in, fan_out, rng)
    std = np.sqrt(2.0 / fan_in)
    return rng.normal(0.0, std, size=(fan_in, fan_out))
    # --8<-- [end:he_normal-body]


INITIALIZERS = {"xavier": xavier_normal, "he": he_normal}
OUTPUT_SCALE = 0.01


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
        The last layer's weights are then scaled by ``OUTPUT_SCALE`` (0.01)
        so that the first predictions are nearly uniform: a fresh
        ``p``-class classifier has a cross-entropy loss close to
        $\ln p$. Biases start at 0.
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
        If ``sizes`` holds a non-int, or ``rng`` is neither a Generator nor
        an int.
    ValueError
        If ``sizes`` has fewer than 2 entries or one below 1, or
        ``activation`` or ``init`` is unknown.

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
        sizes = _check_sizes(sizes)
        if activation not in ACTIVATIONS:
            raise ValueError(
                f"activation must be one of {sorted(ACTIVATIONS)}, "
                f"got {activation!r}"
            )
        if init is None:
            init = "he" if activation == "relu" else "xavier"
        if init not in INITIALIZERS:
            raise ValueError(
                f"init must be one of {sorted(INITIALIZERS)}, got {init!r}"
            )
        rng = as_generator(rng)
        self.layers = []
        for d, p in zip(sizes[:-1], sizes[1:], strict=True):
            W = INITIALIZERS[init](d, p, rng)
            self.layers += [Linear(W, np.zeros(p)), ACTIVATIONS[activation]()]
        self.layers.pop()  # no activation after the last layer: O = Z(L)
        # Small output weights: the first scores are close to 0, softmax
        # is close to uniform, and the initial loss is close to ln p.
        self.layers[-1].W *= OUTPUT_SCALE

    # --8<-- [end:MLP-init]

    # --8<-- [start:MLP-forward]
    def forward(self, X):
        """Scores ``O`` of shape (n, p) for inputs ``X`` of shape (n, d)."""
        H = X
        for layer in self.layers:
            H = layer.forward(H)
        return H

    # --8<-- [end:MLP-forward]

    # --8<-- [start:MLP-backward]
    def backward(self, dO):
        """Backpropagate ``dL/dO`` (n, p), top layer first; return ``dL/dX``.

        Sets ``dW`` and ``db`` of every ``Linear`` layer.
        """
        grad = dO
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


def _check_init_args(fan_in, fan_out, rng):
    as_int(fan_in, "fan_in", minimum=1)
    as_int(fan_out, "fan_out", minimum=1)
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            "rng must be a numpy.random.Generator such as "
            f"np.random.default_rng(0), got {type(rng).__name__}"
        )


def _check_sizes(sizes):
    try:
        sizes = list(sizes)
    except TypeError:
        raise TypeError(
            f"sizes must be a list of ints [d, ..., p], got {sizes!r}"
        ) from None
    if len(sizes) < 2:
        raise ValueError(
            f"sizes must list at least 2 layer sizes [d, ..., p], got {sizes}"
        )
    return [as_int(size, "each of sizes", minimum=1) for size in sizes]
