"""Figures of computational graphs, with values computed by ``dlintro.gates``."""

from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

from dlintro import Add, Multiply

_R = 0.22  # radius of a gate, in inches (the axes are 1 data unit = 1 inch)
_BOX = 0.38  # side of an input or output box
_GAP = 0.09  # from an edge to its labels
_LINE = 1.3  # line width of edges and node outlines


def _number(value):
    """``value`` as a short string: ``-2.0`` as ``-2``, ``0.25`` as ``0.25``."""
    return f"{float(value):g}"


def _gate(ax, xy, symbol, c):
    """A gate: a circle with its operation inside."""
    patch = Circle(xy, _R, facecolor="none", edgecolor=c["text"], lw=_LINE)
    ax.add_patch(patch)
    ax.text(*xy, symbol, ha="center", va="center_baseline", fontsize=15)
    return patch


def _variable(ax, xy, symbol, c):
    """An input or output: a rounded box with its name inside."""
    x, y = xy
    patch = FancyBboxPatch(
        (x - _BOX / 2, y - _BOX / 2),
        _BOX,
        _BOX,
        boxstyle="round,pad=0,rounding_size=0.08",
        facecolor="none",
        edgecolor=c["muted"],
        lw=_LINE,
    )
    ax.add_patch(patch)
    ax.text(x, y, symbol, ha="center", va="center_baseline", fontsize=12)
    return patch


def _center(node):
    """The centre of a node drawn by ``_gate`` or ``_variable``."""
    if isinstance(node, Circle):
        return node.center
    return (
        node.get_x() + node.get_width() / 2,
        node.get_y() + node.get_height() / 2,
    )


def _edge(ax, tail, head, name, value, grad, c):
    """An arrow from ``tail`` to ``head`` that carries both passes.

    The arrow leaves ``tail`` to the right and, if ``head`` is higher or
    lower, turns to enter it from above or below, as in a circuit diagram.
    The forward value is written above its horizontal part and the gradient
    of ``f`` with respect to it below.
    """
    (x0, y0), (x1, y1) = _center(tail), _center(head)
    turns = abs(y1 - y0) > 1e-9
    arrow = FancyArrowPatch(
        (x0, y0),
        (x1, y1),
        patchA=tail,
        patchB=head,
        connectionstyle="angle,angleA=0,angleB=90,rad=10" if turns else "arc3",
        arrowstyle="-|>,head_length=6,head_width=3",
        shrinkA=0,
        shrinkB=1,
        color=c["muted"],
        lw=_LINE,
    )
    arrow.set_gid(f"edge-{name}")  # the tests find the edges by this id
    ax.add_patch(arrow)
    # Centre the labels on the horizontal part, from tail to the turn.
    start = x0 + (_R if isinstance(tail, Circle) else _BOX / 2)
    end = x1 - (0 if turns else _BOX / 2)
    x = (start + end) / 2
    above = f"${name} = {_number(value)}$"
    below = rf"$\partial f / \partial {name} = {_number(grad)}$"
    ax.text(x, y0 + _GAP, above, ha="center", va="bottom", color=c["cycle"][0])
    ax.text(x, y0 - _GAP, below, ha="center", va="top", color=c["cycle"][1])
    return arrow


def _key(ax, xy, c):
    """Which way each colour runs: forward to the right, backward to the left."""
    x, y = xy
    for dy, color, (a, b) in ((0.12, 0, (0, 0.5)), (-0.12, 1, (0.5, 0))):
        ax.add_patch(
            FancyArrowPatch(
                (x + a, y + dy),
                (x + b, y + dy),
                arrowstyle="-|>,head_length=6,head_width=3",
                color=c["cycle"][color],
                lw=_LINE,
                shrinkA=0,
                shrinkB=0,
            )
        )


def circuit(c, x=-2.0, y=5.0, z=-4.0):
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

    width, height = 7.0, 2.9
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_aspect("equal")
    ax.set_axis_off()

    # Laid out like the text diagram on the page: + joins x and y, then x
    # joins q and z.
    plus = _gate(ax, (2.6, 2.0), "$+$", c)
    times = _gate(ax, (4.9, 1.1), r"$\times$", c)
    edges = [
        (_variable(ax, (0.2, 2.6), "$x$", c), plus, "x", x, dx),
        (_variable(ax, (0.2, 1.4), "$y$", c), plus, "y", y, dy),
        (plus, times, "q", q, dq),
        (_variable(ax, (0.2, 0.2), "$z$", c), times, "z", z, dz),
        (times, _variable(ax, (6.8, 1.1), "$f$", c), "f", f, df),
    ]
    for tail, head, name, value, grad in edges:
        _edge(ax, tail, head, name, value, grad, c)
    _key(ax, (6.3, 2.5), c)
    return fig
