"""Gates of a computational graph, each with its local backward rule (page: backprop).

A gate's ``forward`` computes its output from its two inputs and remembers
them; its ``backward`` takes the gradient arriving at the output and returns
the gradients of its two inputs (chain rule: upstream times local).

``Multiply`` remembers its inputs themselves, not copies, as the layers of
:mod:`dlintro.layers` do: change ``x`` or ``y`` in place between
``forward`` and ``backward`` and the gradients change too. Every array a
gate returns is new.
"""

# --8<-- [start:imports]
import numpy as np

from dlintro._validation import (
    after_forward,
    as_result,
    as_same_shape,
    as_upstream_grad,
    finite_output,
)

# --8<-- [end:imports]


# --8<-- [start:Add]
class Add:
    # --8<-- [end:Add]
    r"""``out = x + y``. Backward *distributes*: both inputs get ``dout``.

    $$
    \frac{\partial (x + y)}{\partial x} = \frac{\partial (x + y)}{\partial y} = 1
    $$

    ``backward`` returns two new arrays, each a copy of ``dout``.

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

    @finite_output(blame="x or y")
    def forward(self, x, y):
        x, y = as_same_shape(x, y)
        self._shape = x.shape
        return as_result(x + y)

    def backward(self, dout):
        shape = after_forward(self._shape, "Add")
        dout = as_upstream_grad(dout, "dout", shape)
        # Two new arrays: the caller's dout is never handed back.
        return as_result(dout.copy()), as_result(dout.copy())

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
        self._x = self._y = None  # each is the other's gradient

    @finite_output(blame="x or y")
    def forward(self, x, y):
        self._x, self._y = as_same_shape(x, y)
        return as_result(self._x * self._y)

    @finite_output(blame="dout (or the x and y of forward)")
    def backward(self, dout):
        x = after_forward(self._x, "Multiply")
        dout = as_upstream_grad(dout, "dout", x.shape)
        return as_result(dout * self._y), as_result(dout * self._x)

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
        x, y = as_same_shape(x, y)
        self._x_wins = x >= y
        return as_result(np.maximum(x, y))

    def backward(self, dout):
        x_wins = after_forward(self._x_wins, "Max")
        dout = as_upstream_grad(dout, "dout", x_wins.shape)
        dx = np.where(x_wins, dout, 0.0)  # the winner gets it all
        return as_result(dx), as_result(dout - dx)

    # --8<-- [end:Max-body]
