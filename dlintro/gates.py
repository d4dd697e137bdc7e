"""Gates of a computational graph, each with its local backward rule (chapter 7).

A gate's ``forward`` computes its output from its two inputs and remembers
them; its ``backward`` takes the gradient arriving at the output and returns
the gradients of its two inputs (chain rule: upstream times local).
"""

# --8<-- [start:imports]
import numpy as np

from dlintro._validation import as_float_array

# --8<-- [end:imports]


# --8<-- [start:Add]
class Add:
    # --8<-- [end:Add]
    r"""``out = x + y``. Backward *distributes*: both inputs get ``dout``.

    $$
    \frac{\partial (x + y)}{\partial x} = \frac{\partial (x + y)}{\partial y} = 1
    $$

    Examples
    --------
    >>> from dlintro import Add
    >>> gate = Add()
    >>> gate.forward(-2.0, 5.0)
    3.0
    >>> gate.backward(-4.0)
    (-4.0, -4.0)
    """

    # --8<-- [start:Add-body]
    def __init__(self):
        self._shape = None  # set by forward: the shape of the output

    def forward(self, x, y):
        x, y = _inputs(x, y)
        self._shape = x.shape
        return _value(x + y)

    def backward(self, dout):
        dout = _upstream(dout, self._shape, "Add")
        return _value(dout), _value(dout)

    # --8<-- [end:Add-body]


# --8<-- [start:Multiply]
class Multiply:
    # --8<-- [end:Multiply]
    r"""``out = x * y``. Backward *swaps*: each input gets ``dout`` times the other.

    $$
    \frac{\partial (xy)}{\partial x} = y, \qquad \frac{\partial (xy)}{\partial y} = x
    $$

    Examples
    --------
    >>> from dlintro import Multiply
    >>> gate = Multiply()
    >>> gate.forward(3.0, -4.0)
    -12.0
    >>> gate.backward(1.0)
    (-4.0, 3.0)
    """

    # --8<-- [start:Multiply-body]
    def __init__(self):
        self._x = self._y = (
            None  # set by forward: each is the other's gradient
        )

    def forward(self, x, y):
        self._x, self._y = _inputs(x, y)
        return _value(self._x * self._y)

    def backward(self, dout):
        shape = None if self._x is None else self._x.shape
        dout = _upstream(dout, shape, "Multiply")
        return _value(dout * self._y), _value(dout * self._x)

    # --8<-- [end:Multiply-body]


# --8<-- [start:Max]
class Max:
    # --8<-- [end:Max]
    r"""``out = max(x, y)``. Backward *routes* ``dout`` to the larger input.

    $$
    \frac{\partial \max(x, y)}{\partial x}
      = \begin{cases} 1 & x \ge y \\ 0 & x < y \end{cases}
    $$

    On a tie the gradient goes to ``x``.

    Examples
    --------
    >>> from dlintro import Max
    >>> gate = Max()
    >>> gate.forward(2.0, 7.0)
    7.0
    >>> gate.backward(5.0)
    (0.0, 5.0)
    """

    # --8<-- [start:Max-body]
    def __init__(self):
        self._x_wins = None  # set by forward: where x >= y

    def forward(self, x, y):
        x, y = _inputs(x, y)
        self._x_wins = x >= y
        return _value(np.maximum(x, y))

    def backward(self, dout):
        shape = None if self._x_wins is None else self._x_wins.shape
        dout = _upstream(dout, shape, "Max")
        dx = np.where(self._x_wins, dout, 0.0)  # the winner gets it all
        return _value(dx), _value(dout - dx)

    # --8<-- [end:Max-body]


def _inputs(x, y):
    x = as_float_array(x, "x", ndim=None, shape_hint="of any shape")
    y = as_float_array(y, "y", ndim=None, shape_hint=f"{x.shape} like x")
    if x.shape != y.shape:
        raise ValueError(
            f"y must have the shape of x {x.shape}, got shape {y.shape}"
        )
    return x, y


def _upstream(dout, shape, gate):
    if shape is None:
        raise RuntimeError(f"{gate}.backward called before forward")
    dout = as_float_array(dout, "dout", ndim=None, shape_hint=str(shape))
    if dout.shape != shape:
        raise ValueError(
            f"dout must have the shape of the gate's output {shape}, "
            f"got shape {dout.shape}"
        )
    return dout


def _value(a):
    """A 0-D result as a Python float (prints as -12.0), else the array."""
    return float(a) if np.ndim(a) == 0 else a
