"""Network diagrams whose nodes and arrows come from ``dlintro``'s layers.

Each input, unit and output is a circle and each weight an arrow; how many
of them there are is read from the ``W`` of a ``dlintro.Linear`` layer or of
a ``dlintro.MLP``'s ``linears``, so a diagram has exactly one arrow per
entry of ``W``. The arrows are labelled ``"weight"``, ``"bias"`` or
``"sigma"`` (see ``_diagram``), which the tests count.
"""

import numpy as np

from dlintro import MLP, Linear
from dlintro._validation import as_int
from dlintro.figures._diagram import Diagram
from dlintro.figures._registry import figure

STEP = 0.62  # vertical distance between the centres of neighbouring nodes
DASH = (0, (3, 2))  # the bias arrows, from the node 1


def _sub(symbol, *indices):
    """``w_{32}``; ``w_{10,2}`` once an index has two digits."""
    sep = "," if max(indices) > 9 else ""
    return f"${symbol}_{{{sep.join(str(i) for i in indices)}}}$"


def _column(count, centre=0.0, step=STEP):
    """Heights of ``count`` nodes, top to bottom, centred on ``centre``."""
    return centre + step * ((count - 1) / 2 - np.arange(count))


def _layer(d, p, p_name):
    """A ``Linear`` layer from ``d`` inputs to ``p`` outputs: ``W`` is d x p."""
    d = as_int(d, "d", minimum=1)
    p = as_int(p, p_name, minimum=1)
    return Linear(np.zeros((d, p)), np.zeros(p))


@figure("single-layer", page="linear-model")
def single_layer(c, *, d=3, p=2):
    """``O = XW + b``: ``d`` inputs, ``p`` outputs, an arrow per ``w_jk`` (ch. 1).

    The arrows into output ``k`` (column ``k`` of ``W``, one linear model)
    share a colour, and so does column ``k`` of the matrix drawn on the
    right, whose rows sit at the heights of the inputs they belong to. The
    bias enters as the node ``1`` with weights ``b_k``, as in ``XW + 1_n b``.

    Parameters
    ----------
    c : dict
        The palette's colours.
    d, p : int
        Numbers of inputs and outputs (at least 1): ``W`` is ``d x p``.
    """
    layer = _layer(d, p, "p")
    d, p = layer.W.shape
    colour = [c["cycle"][k % len(c["cycle"])] for k in range(p)]
    ys_in = _column(d)
    y_one = ys_in[-1] - 1.3 * STEP  # the bias node, set apart from the inputs
    # spread the outputs over the inputs' height, but never closer than STEP
    spread = max(STEP, 1.5 * STEP * d / (p + 1))
    ys_out = _column(p, centre=(ys_in[0] + y_one) / 2, step=spread)
    x_in, x_out, x_w = 0.0, 2.6, 3.9  # inputs, outputs, the matrix
    col = 0.62  # width of a matrix column
    top = max(ys_in[0], ys_out[0]) + 0.75
    bottom = min(y_one, ys_out[-1]) - 0.35
    g = Diagram(c, (-0.35, x_w + col * p + 0.25), (bottom, top))

    inputs = [g.node(x_in, y, _sub("x", j + 1)) for j, y in enumerate(ys_in)]
    one = g.node(x_in, y_one, "$1$")
    outputs = [
        g.node(x_out, y, _sub("o", k + 1)) for k, y in enumerate(ys_out)
    ]
    for (j, k), _ in np.ndenumerate(layer.W):
        g.arrow(inputs[j], outputs[k], label="weight", color=colour[k])
    for k in range(p):
        g.arrow(one, outputs[k], label="bias", color=colour[k], linestyle=DASH)
    # name one arrow: the top one, which no other arrow crosses
    x, y = inputs[0] + 0.55 * (outputs[0] - inputs[0])
    g.text(x, y + 0.16, _sub("w", 1, 1), color=colour[0])

    # W stacked on b, row j beside input j: the arrows leaving x_j are row j
    right = x_w + col * p
    for k, x in enumerate(x_w + col * (np.arange(p) + 0.5)):
        g.text(x, ys_in[0] + 0.45, _sub("o", k + 1))
        for j, y in enumerate(ys_in):
            g.text(x, y, _sub("w", j + 1, k + 1), color=colour[k])
        g.text(x, y_one, _sub("b", k + 1), color=colour[k])
    for y0, y1 in [(ys_in[0], ys_in[-1]), (y_one, y_one)]:
        g.bracket(x_w, y0 + 0.22, y1 - 0.22, side="left")
        g.bracket(right, y0 + 0.22, y1 - 0.22, side="right")
    g.text(x_w - 0.12, ys_in.mean(), "$W=$", ha="right")
    g.text(x_w - 0.12, y_one, "$b=$", ha="right")
    return g.fig


@figure("activated-layer", page="activations")
def activated_layer(c, *, d=3, h=5):
    """``h = σ(xW + b)`` for one sample: ``x_j`` -> ``z_k`` -> ``h_k`` (ch. 4).

    Each unit sums its ``d`` weighted inputs and its bias into the
    pre-activation ``z_k``; ``σ`` then maps ``z_k`` to ``h_k`` on its own,
    one short arrow per unit. The arrows into ``z_1`` are highlighted.

    Parameters
    ----------
    c : dict
        The palette's colours.
    d, h : int
        Numbers of inputs and hidden units (at least 1): ``W`` is ``d x h``.
    """
    layer = _layer(d, h, "h")
    d, h = layer.W.shape
    ys_z = _column(h)
    # the inputs and the bias node 1 together are centred on the units
    ys_in = _column(d, centre=1.3 * STEP / 2)
    y_one = ys_in[-1] - 1.3 * STEP
    x_in, x_z, x_h = 0.0, 2.4, 3.6
    top = max(ys_in[0], ys_z[0]) + 0.45
    bottom = min(y_one, ys_z[-1]) - 0.75
    g = Diagram(c, (-0.45, x_h + 0.45), (bottom, top + 0.3))

    inputs = [g.node(x_in, y, _sub("x", j + 1)) for j, y in enumerate(ys_in)]
    one = g.node(x_in, y_one, "$1$")
    units = [g.node(x_z, y, _sub("z", k + 1)) for k, y in enumerate(ys_z)]
    hidden = [g.node(x_h, y, _sub("h", k + 1)) for k, y in enumerate(ys_z)]
    colour = [c["cycle"][0]] + [None] * (h - 1)  # unit 1's arrows stand out
    sigma = c["cycle"][1]
    for (j, k), _ in np.ndenumerate(layer.W):
        g.arrow(inputs[j], units[k], label="weight", color=colour[k])
    for k in range(h):
        g.arrow(one, units[k], label="bias", color=colour[k], linestyle=DASH)
        g.arrow(units[k], hidden[k], label="sigma", color=sigma)
        g.text((x_z + x_h) / 2, ys_z[k] + 0.14, r"$\sigma$", color=sigma)

    # the row vectors above, their shapes (from W's) below
    for x, name, width in [(x_in, "x", d), (x_z, "z", h), (x_h, "h", h)]:
        g.text(x, top, rf"$\mathbf{{{name}}}$")
        g.text(x, bottom + 0.3, rf"$1\times{width}$", color=c["muted"])
    g.text((x_in + x_z) / 2, top, r"$W,\ b$")
    return g.fig


@figure("mlp-layers", page="mlp")
def mlp_layers(c, *, sizes=(3, 5, 4, 2)):
    """``MLP(sizes)``: columns of nodes joined by its ``L`` weights (ch. 5).

    One column per entry of ``sizes`` (``X = H^{(0)}``, the hidden layers
    ``H^{(l)}``, whose nodes apply ``σ``, and ``O``), and between columns
    ``l - 1`` and ``l`` one arrow per entry of ``W^{(l)}``. The widths
    ``h_l`` are printed below the columns and the shape of each ``W^{(l)}``
    below its arrows, all read from the network's ``linears``.

    Parameters
    ----------
    c : dict
        The palette's colours.
    sizes : sequence of int
        ``[d, h_1, ..., h_{L-1}, p]``, as for ``dlintro.MLP``.
    """
    shapes = [layer.W.shape for layer in MLP(sizes, rng=0).linears]
    widths = [shapes[0][0]] + [p for _, p in shapes]
    L = len(shapes)
    gap = 1.9  # between columns: room for the labels of W and of the widths
    columns = [_column(width) for width in widths]
    top = max(ys[0] for ys in columns)
    bottom = min(ys[-1] for ys in columns)
    g = Diagram(c, (-0.7, gap * L + 0.7), (bottom - 0.85, top + 0.95))

    nodes = [
        [g.node(0.0, y, _sub("x", j + 1)) for j, y in enumerate(columns[0])]
    ]
    for l, ys in enumerate(columns[1:-1], start=1):  # hidden: σ, no index
        nodes.append(
            [g.node(gap * l, y, r"$\sigma$", color=c["cycle"][1]) for y in ys]
        )
    nodes.append(
        [
            g.node(gap * L, y, _sub("o", k + 1))
            for k, y in enumerate(columns[-1])
        ]
    )

    highlight = c["cycle"][0]
    for l, (rows, cols) in enumerate(shapes, start=1):
        for j, k in np.ndindex(rows, cols):
            g.arrow(nodes[l - 1][j], nodes[l][k], label="weight")
        x = gap * (l - 0.5)
        g.text(x, top + 0.2, rf"$W^{{({l})}},\ b^{{({l})}}$", color=highlight)
        g.text(x, bottom - 0.55, rf"${rows}\times{cols}$", color=highlight)

    names = ["X=H^{(0)}"] + [f"H^{{({l})}}" for l in range(1, L)] + ["O"]
    width_names = ["h_0=d"] + [f"h_{{{l}}}" for l in range(1, L)]
    width_names.append(f"h_{{{L}}}=p")
    for l, (name, width_name) in enumerate(
        zip(names, width_names, strict=True)
    ):
        g.text(gap * l, top + 0.65, f"${name}$")
        label = f"${width_name}={widths[l]}$"
        g.text(gap * l, bottom - 0.55, label, color=c["muted"])
    return g.fig
