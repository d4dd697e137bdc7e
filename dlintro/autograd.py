"""A scalar automatic-differentiation engine that records its graph (page: autograd).

Every operation on a ``Value`` makes a new ``Value`` that remembers its
inputs, its *parents*, and, right beside its forward value, the local
derivative of its output with respect to each parent. ``backward`` lines the
graph up in topological order once and applies the chain rule node by node,
from the output back to the leaves.
"""

# --8<-- [start:imports]
import math

from dlintro._autograd_checks import as_exponent, as_operand, checked
from dlintro._validation import as_real

# --8<-- [end:imports]


# --8<-- [start:Value]
class Value:
    # --8<-- [end:Value]
    r"""One real number that remembers how it was computed.

    A ``Value`` made by the user is a *leaf*. Each operation makes a new
    ``Value`` whose ``parents`` are its inputs, each paired with the local
    derivative of the output with respect to that input:

    $$
    \text{out} = a \cdot b, \qquad
    \frac{\partial\,\text{out}}{\partial a} = b, \quad
    \frac{\partial\,\text{out}}{\partial b} = a
    $$

    Operations: ``+``, ``-``, ``*``, ``/`` with a Value or a number on either
    side (``2 * v``, ``1 - v``), ``-v``, ``v ** n`` for a constant ``n``,
    and the methods ``exp``, ``log``, ``tanh``, ``sigmoid`` and ``relu``.

    Parameters
    ----------
    data : float
        The number: a finite real number (an int is converted to float).

    Attributes
    ----------
    data : float
        The value computed by the forward pass.
    grad : float
        The gradient of the output that ``backward`` was called on, with
        respect to this value; 0 until then.
    parents : tuple of (Value, float)
        The inputs of the operation that made this value, each with the
        local derivative of this value with respect to it; empty for a leaf.
        An input used twice (``x * x``) appears twice.
    op : str
        The operation that made this value (``"+"``, ``"*"``, ``"exp"``,
        ...); ``""`` for a leaf.

    Raises
    ------
    TypeError
        If ``data`` is not a real number (a bool, a string, an array...),
        an operand is neither a real number nor a Value (naming ``other``),
        or the exponent of ``**`` is not a constant real number (naming
        ``exponent``).
    ValueError
        If ``data``, an operand or an exponent is NaN or infinite, or an
        operation has no finite result or local derivative: it overflows
        float64 (``Value(1000.0).exp()``) or leaves its domain
        (``Value(-1.0).log()``, division by 0).

    Notes
    -----
    ``==`` and ``hash`` are those of the object (two Values with the same
    ``data`` are different nodes), so Values can be kept in sets and dicts.
    Every Value is a single number: there is no vector to call ``backward``
    on. To differentiate several outputs, make one Value of them first
    (their sum, or a loss), as in ``sum(outputs).backward()``.

    Examples
    --------
    >>> from dlintro import Value
    >>> x, y, z = Value(-2.0), Value(5.0), Value(-4.0)
    >>> q = x + y
    >>> f = q * z
    >>> f
    Value(data=-12.0, grad=0.0)
    >>> f.op, [(parent.data, local) for parent, local in f.parents]
    ('*', [(3.0, -4.0), (-4.0, 3.0)])
    >>> f.backward()
    >>> x.grad, y.grad, z.grad
    (-4.0, -4.0, 3.0)
    """

    # --8<-- [start:Value-init]
    # NumPy leaves `np.float64(2) * v` to Value: a Value, not an array
    __array_ufunc__ = None

    def __init__(self, data):
        self.data = as_real(data, "data")  # a finite float
        self.grad = 0.0  # d(output)/d(self), filled in by backward
        self.parents = ()  # (input, local derivative) pairs; () for a leaf
        self.op = ""  # the operation that made this value; "" for a leaf

    def __repr__(self):
        return f"Value(data={self.data!r}, grad={self.grad!r})"

    # --8<-- [end:Value-init]

    # --8<-- [start:Value-arithmetic]
    @checked("{a:g} + {b:g}", "the sum overflows")
    def __add__(self, other):
        a, b = self.data, other.data
        # out = a + b; d(out)/da = 1, d(out)/db = 1
        return _node(a + b, "+", (self, 1.0), (other, 1.0))

    @checked("{a:g} - {b:g}", "the difference overflows")
    def __sub__(self, other):
        a, b = self.data, other.data
        # out = a - b; d(out)/da = 1, d(out)/db = -1
        return _node(a - b, "-", (self, 1.0), (other, -1.0))

    @checked("{a:g} * {b:g}", "the product overflows")
    def __mul__(self, other):
        a, b = self.data, other.data
        # out = a b; d(out)/da = b, d(out)/db = a
        return _node(a * b, "*", (self, b), (other, a))

    @checked(
        "{a:g} / {b:g}",
        "the divisor must not be 0 (nor so small that 1/b overflows)",
    )
    def __truediv__(self, other):
        a, b = self.data, other.data
        # out = a / b; d(out)/da = 1 / b, d(out)/db = -a / b**2
        return _node(a / b, "/", (self, 1 / b), (other, -a / (b * b)))

    @checked(
        "({a:g}) ** {b:g}",
        "a negative base needs an integer exponent, and 0 ** n needs n >= 1 "
        "(or n = 0); the power must not overflow",
        operand=as_exponent,
    )
    def __pow__(self, exponent):
        a, n = self.data, exponent
        # out = a**n; d(out)/da = n a**(n - 1) (and 0 for n = 0)
        local = n * math.pow(a, n - 1) if n != 0 else 0.0
        return _node(math.pow(a, n), f"**{n:g}", (self, local))

    def __neg__(self):
        # out = -a; d(out)/da = -1
        return _node(-self.data, "neg", (self, -1.0))

    # A number on the left (2 * v, 1 - v) becomes a constant leaf on the left.
    def __radd__(self, other):
        return as_operand(other, Value) + self

    def __rsub__(self, other):
        return as_operand(other, Value) - self

    def __rmul__(self, other):
        return as_operand(other, Value) * self

    def __rtruediv__(self, other):
        return as_operand(other, Value) / self

    # --8<-- [end:Value-arithmetic]

    # --8<-- [start:Value-functions]
    @checked("exp({a:g})", "exp overflows for data above 709.78")
    def exp(self):
        """``e ** data``; its local derivative is the output itself."""
        e = math.exp(self.data)
        # out = e**a; d(out)/da = e**a, the output itself
        return _node(e, "exp", (self, e))

    @checked("log({a:g})", "log needs data > 0 (and 1/data must not overflow)")
    def log(self):
        """Natural logarithm; local derivative ``1 / data``."""
        a = self.data
        # out = log a; d(out)/da = 1 / a
        return _node(math.log(a), "log", (self, 1 / a))

    def tanh(self):
        """Hyperbolic tangent; local derivative ``1 - tanh**2``."""
        t = math.tanh(self.data)
        # out = tanh a; d(out)/da = 1 - tanh(a)**2
        return _node(t, "tanh", (self, 1 - t * t))

    def sigmoid(self):
        """Logistic sigmoid ``1 / (1 + e**-data)``; local derivative ``s (1 - s)``."""
        a = self.data
        e = math.exp(-abs(a))  # in (0, 1]: no overflow for any finite a
        s = 1 / (1 + e) if a >= 0 else e / (1 + e)
        # out = sigma(a); d(out)/da = sigma(a) (1 - sigma(a))
        return _node(s, "sigmoid", (self, s * (1 - s)))

    def relu(self):
        """``max(data, 0)``; local derivative 1 where ``data > 0``, else 0."""
        a = self.data
        # out = max(a, 0); d(out)/da = 1 for a > 0, else 0 (also at a = 0)
        positive = a > 0
        return _node(a if positive else 0.0, "relu", (self, float(positive)))

    # --8<-- [end:Value-functions]

    # --8<-- [start:Value-topological_order]
    def topological_order(self):
        """Every node of the graph that ends here, each one after its parents.

        Depth-first search from this node, with a list as the stack instead
        of recursion, so that a long chain of operations cannot exceed
        Python's recursion limit. A node is placed once all of its parents
        are placed; a node used twice is placed once.

        Returns
        -------
        list of Value
            The leaves come before the nodes made from them; this Value is last.

        Examples
        --------
        >>> from dlintro import Value
        >>> x = Value(3.0)
        >>> y = x * x + x
        >>> [node.op or node.data for node in y.topological_order()]
        [3.0, '*', '+']
        """
        order, seen = [], set()
        stack = [(self, False)]
        while stack:
            node, parents_placed = stack.pop()
            if parents_placed:
                order.append(node)  # all of its parents are in order already
            elif node not in seen:
                seen.add(node)
                stack.append((node, True))  # come back after its parents
                for parent, _ in reversed(node.parents):  # first one first
                    stack.append((parent, False))
        return order

    # --8<-- [end:Value-topological_order]

    # --8<-- [start:Value-backward]
    def backward(self):
        r"""Fill in every node's ``grad``: the derivative of ``self`` by it.

        The graph is ordered once (`topological_order`); then, from this
        Value back to the leaves, each node passes its gradient to its
        parents, each times its local derivative (the chain rule), and a
        parent used several times adds up what each use sends:

        $$
        \text{parent.grad} \mathrel{+}=
        \frac{\partial\,\text{node}}{\partial\,\text{parent}} \cdot \text{node.grad}
        $$

        Before that, the nodes made by operations start again from 0, so a
        second call gives them the same gradients. Leaves *accumulate*: a
        second call, or a call on another graph that uses the same leaf,
        adds to their ``grad``, which is what a sum of losses needs. Set
        ``leaf.grad = 0.0`` between two steps of gradient descent.

        Raises
        ------
        ValueError
            If a gradient overflows float64 (the gradients are then not
            usable).

        Examples
        --------
        >>> from dlintro import Value
        >>> x = Value(3.0)
        >>> y = x * x  # x is used twice
        >>> y.backward()
        >>> x.grad  # 3 from each use: 2x
        6.0
        >>> y.backward()  # leaves accumulate
        >>> x.grad
        12.0
        """
        order = self.topological_order()  # built once: parents before children
        for node in order:
            if node.parents:
                node.grad = 0.0  # made by an operation: start again
        self.grad += 1.0  # d(self)/d(self) = 1
        for node in reversed(order):  # every node after all of its uses
            for parent, local in node.parents:
                parent.grad += local * node.grad  # chain rule; uses add up
        if not all(math.isfinite(node.grad) for node in order):
            raise ValueError(
                "backward overflowed float64: a gradient is inf or nan "
                "(the Values of this graph are too large)"
            )

    # --8<-- [end:Value-backward]


# --8<-- [start:node]
def _node(data, op, *parents):
    """A new Value ``data`` made by ``op`` from (parent, local derivative) pairs."""
    out = Value(data)
    out.parents, out.op = parents, op
    return out


# --8<-- [end:node]
