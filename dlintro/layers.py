"""Layers with a forward and a backward pass (page: mlp).

``forward`` computes the layer's output and keeps what ``backward`` will
need; ``backward`` takes the gradient of the loss with respect to that
output and returns the gradient with respect to the layer's input.

What ``forward`` keeps is the array itself, not a copy: ``Linear`` and
``ReLU`` keep the input they were given, ``Sigmoid`` and ``Tanh`` keep the
output they return. So a network keeps each activation once (a tanh
layer's output is the very array the next ``Linear`` keeps as its input),
and changing such an array in place between ``forward`` and ``backward``
changes the gradients: copy it first. Every other array a layer returns is
new.
"""

# --8<-- [start:imports]
from dlintro._validation import (
    after_forward,
    as_float_array,
    as_upstream_grad,
    finite_output,
)
from dlintro.activations import relu, sigmoid, tanh

# --8<-- [end:imports]


# --8<-- [start:Linear]
class Linear:
    # --8<-- [end:Linear]
    r"""Linear (affine) layer ``Z = X W + b`` with its backward pass.

    $$
    Z = XW + b, \qquad
    \frac{\partial L}{\partial W} = X^\top \frac{\partial L}{\partial Z}, \quad
    \frac{\partial L}{\partial b}
      = \sum_{i=1}^{n} \Bigl(\frac{\partial L}{\partial Z}\Bigr)_{i,:}, \quad
    \frac{\partial L}{\partial X} = \frac{\partial L}{\partial Z}\, W^\top
    $$

    Parameters
    ----------
    W : array_like, shape (d, p)
        Weights. The layer keeps a float64 copy and updates it in place.
    b : array_like, shape (p,)
        Bias, added to every row of ``X W``.

    Attributes
    ----------
    W, b : numpy.ndarray
        The parameters.
    dW, db : numpy.ndarray or None
        Gradients of the loss with respect to ``W`` and ``b``, set by
        [`backward`][dlintro.layers.Linear.backward].

    ``forward`` keeps ``X`` itself for ``backward``, not a copy (a float64
    array is kept as given): change it in place before ``backward`` and
    ``dW`` changes with it.

    Raises
    ------
    TypeError
        If ``W`` or ``b`` is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If ``W`` is not 2-D, ``b`` is not of shape ``(p,)``, or a value is
        not finite. ``forward`` and ``backward`` raise it too, naming their
        argument, for a wrong shape, a value that is not finite, or a result
        that overflows; ``backward`` before ``forward`` is a RuntimeError.

    Examples
    --------
    >>> import numpy as np
    >>> from dlintro import Linear
    >>> layer = Linear(W=np.array([[1.0, -1.0]]), b=np.array([0.0, 0.5]))
    >>> layer.forward(np.array([[2.0], [3.0]]))  # n=2, d=1 -> p=2
    array([[ 2. , -1.5],
           [ 3. , -2.5]])
    >>> layer.backward(np.ones((2, 2)))          # dL/dX, shape (n, d)
    array([[0.],
           [0.]])
    >>> layer.dW, layer.db
    (array([[5., 5.]]), array([2., 2.]))
    """

    # --8<-- [start:Linear-init]
    def __init__(self, W, b):
        self.W = as_float_array(W, "W", ndim=2, shape_hint="(d, p)").copy()
        p = self.W.shape[1]
        self.b = as_float_array(b, "b", ndim=1, shape_hint=f"({p},)").copy()
        if self.b.shape != (p,):
            raise ValueError(
                f"b must have shape ({p},) to match W of shape "
                f"{self.W.shape}, got shape {self.b.shape}"
            )
        self.dW = self.db = None
        self._X = None  # the input, cached by forward for backward

    # --8<-- [end:Linear-init]

    # --8<-- [start:Linear-forward]
    @finite_output(blame="X (or the layer's W and b)")
    def forward(self, X):
        """``Z = X W + b``: (n, d) -> (n, p). Caches ``X`` for backward."""
        d = self.W.shape[0]
        X = as_float_array(X, "X", ndim=2, shape_hint=f"(n, {d})")
        if X.shape[1] != d:
            raise ValueError(
                f"X must have shape (n, {d}) to match W, got shape {X.shape}"
            )
        self._X = X
        return X @ self.W + self.b

    # --8<-- [end:Linear-forward]

    # --8<-- [start:Linear-backward]
    @finite_output(blame="dZ (or the layer's W and its input X)")
    def backward(self, dZ):
        """Given ``dL/dZ`` (n, p): set ``dW``, ``db``; return ``dL/dX``."""
        X = after_forward(self._X, "Linear")
        dZ = as_upstream_grad(dZ, "dZ", (X.shape[0], self.W.shape[1]))
        self.dW = X.T @ dZ  # (d, n) @ (n, p) -> (d, p)
        self.db = dZ.sum(axis=0)  # b was added to every row -> (p,)
        return dZ @ self.W.T  # (n, p) @ (p, d) -> (n, d)

    # --8<-- [end:Linear-backward]

    @property
    def parameters(self):
        """The parameters, by name: ``{"W": W, "b": b}``."""
        return {"W": self.W, "b": self.b}

    @property
    def gradients(self):
        """Their gradients after ``backward``: ``{"W": dW, "b": db}``."""
        return {"W": self.dW, "b": self.db}


# --8<-- [start:Sigmoid]
class Sigmoid:
    # --8<-- [end:Sigmoid]
    r"""Sigmoid layer: ``H = sigmoid(Z)``; backward uses $\sigma' = H(1 - H)$.

    ``forward`` returns the very array it keeps for ``backward``: copy the
    result before changing it in place.

    Examples
    --------
    >>> import numpy as np
    >>> from dlintro import Sigmoid
    >>> layer = Sigmoid()
    >>> layer.forward(np.array([[0.0, 2.0]]))
    array([[0.5       , 0.88079708]])
    >>> layer.backward(np.array([[1.0, 1.0]]))
    array([[0.25      , 0.10499359]])
    """

    # --8<-- [start:Sigmoid-body]
    def __init__(self):
        self._H = None  # the output, cached by forward for backward

    def forward(self, Z):
        Z = as_float_array(Z, "Z")
        self._H = sigmoid(Z)  # cache the output: sigma' = H (1 - H)
        return self._H

    def backward(self, dH):
        H = after_forward(self._H, "Sigmoid")
        return as_upstream_grad(dH, "dH", H.shape) * H * (1 - H)

    # --8<-- [end:Sigmoid-body]


# --8<-- [start:Tanh]
class Tanh:
    # --8<-- [end:Tanh]
    r"""Tanh layer: ``H = tanh(Z)``; backward uses $\tanh' = 1 - H^2$.

    ``forward`` returns the very array it keeps for ``backward``: copy the
    result before changing it in place.

    Examples
    --------
    >>> import numpy as np
    >>> from dlintro import Tanh
    >>> layer = Tanh()
    >>> layer.forward(np.array([[0.0, 1.0]]))
    array([[0.        , 0.76159416]])
    >>> layer.backward(np.array([[1.0, 1.0]]))
    array([[1.        , 0.41997434]])
    """

    # --8<-- [start:Tanh-body]
    def __init__(self):
        self._H = None  # the output, cached by forward for backward

    def forward(self, Z):
        Z = as_float_array(Z, "Z")
        self._H = tanh(Z)  # cache the output: tanh' = 1 - H**2
        return self._H

    def backward(self, dH):
        H = after_forward(self._H, "Tanh")
        return as_upstream_grad(dH, "dH", H.shape) * (1 - H**2)

    # --8<-- [end:Tanh-body]


# --8<-- [start:ReLU]
class ReLU:
    # --8<-- [end:ReLU]
    r"""ReLU layer: ``H = max(0, Z)``; backward passes the gradient where $Z > 0$.

    ``forward`` keeps ``Z`` itself for ``backward``, not a copy.

    Examples
    --------
    >>> import numpy as np
    >>> from dlintro import ReLU
    >>> layer = ReLU()
    >>> layer.forward(np.array([[-1.0, 0.0, 2.0]]))
    array([[0., 0., 2.]])
    >>> layer.backward(np.array([[5.0, 5.0, 5.0]]))
    array([[0., 0., 5.]])
    """

    # --8<-- [start:ReLU-body]
    def __init__(self):
        self._Z = None  # the input, cached by forward for backward

    def forward(self, Z):
        self._Z = as_float_array(Z, "Z")
        return relu(self._Z)  # cache the input: ReLU' = 1 where Z > 0

    def backward(self, dH):
        Z = after_forward(self._Z, "ReLU")
        return as_upstream_grad(dH, "dH", Z.shape) * (Z > 0)

    # --8<-- [end:ReLU-body]
