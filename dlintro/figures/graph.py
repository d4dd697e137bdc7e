"""Figures of computational graphs, with values computed by ``dlintro.gates``.

Each edge is an arrow labelled with the variable it carries (see
``_diagram``); the tests find the edges by it.
"""

from dlintro import Add, Multiply
from dlintro.figures._diagram import RADIUS, Diagram
from dlintro.figures._registry import figure

GATE_SIZE = 15  # points: an operation reads larger than a variable's name
GAP = 0.09  # inches from an edge to the labels above and below it


def _number(value):
    """``value`` as a short string: ``-2.0`` as ``-2``, ``0.25`` as ``0.25``."""
    return f"{float(value):g}"


def _edge(g, tail, head, name, value, grad):
    """The arrow carrying ``name`` from ``tail`` to ``head``, with both passes.

    It leaves ``tail`` to the right and, if ``head`` is higher or lower,
    turns to enter it from above or below. The forward value is written above
    its horizontal part, and the gradient of ``f`` with respect to it below.
    """
    g.arrow(tail, head, label=name, elbow=True)
    (x_tail, y), (x_head, y_head) = tail, head
    # centre the labels on the horizontal part: from the tail's rim to the
    # turn above or below the head, or to the head's rim if level with it
    end = x_head if y_head != y else x_head - RADIUS
    x = (x_tail + RADIUS + end) / 2
    above = f"${name} = {_number(value)}$"
    below = rf"$\partial f / \partial {name} = {_number(grad)}$"
    g.text(x, y + GAP, above, va="bottom", color=g.c["cycle"][0])
    g.text(x, y - GAP, below, va="top", color=g.c["cycle"][1])


@figure("circuit", page="backprop")
def circuit(c, *, x=-2.0, y=5.0, z=-4.0):
    """The graph of ``f = (x + y) z``, forward values over gradients (chapter 7).

    Every number is computed by running an ``Add`` and a ``Multiply`` gate
    forward, then backward from ``df/df = 1``.

    Parameters
    ----------
    c : dict
        The palette's colours (see ``_style.PALETTES``).
    x, y, z : float
        The three inputs; the page's example is ``(-2, 5, -4)``.

    Returns
    -------
    matplotlib.figure.Figure
    """
    add, mul = Add(), Multiply()
    q = add.forward(x, y)
    f = mul.forward(q, z)
    df = 1.0  # the backward pass starts at the output
    dq, dz = mul.backward(df)
    dx, dy = add.backward(dq)

    g = Diagram(c, (-0.1, 7.1), (-0.1, 2.9))  # room for the outlines
    # Laid out like the text diagram on the page: + joins x and y, then ×
    # joins q and z. Gates are nodes; inputs and the output are boxes.
    plus = g.node(2.6, 2.0, "$+$", size=GATE_SIZE)
    times = g.node(4.9, 1.1, r"$\times$", size=GATE_SIZE)
    edges = [
        (g.box(0.2, 2.6, "$x$"), plus, "x", x, dx),
        (g.box(0.2, 1.4, "$y$"), plus, "y", y, dy),
        (plus, times, "q", q, dq),
        (g.box(0.2, 0.2, "$z$"), times, "z", z, dz),
        (times, g.box(6.8, 1.1, "$f$"), "f", f, df),
    ]
    for tail, head, name, value, grad in edges:
        _edge(g, tail, head, name, value, grad)

    # the key: forward values run to the right, gradients to the left
    key = [("forward", 0, 2.62, 6.3, 6.8), ("backward", 1, 2.38, 6.8, 6.3)]
    for label, colour, height, start, end in key:
        g.arrow(
            (start, height),
            (end, height),
            label=label,
            color=c["cycle"][colour],
            gap=0,
        )
    return g.fig
