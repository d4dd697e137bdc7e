"""The network diagrams have one node per unit and one arrow per weight of dlintro's layers.

Node and arrow counts, who connects to whom, and the labels are compared
with the ``W.shape`` of a ``Linear`` layer or of an ``MLP``'s ``linears``.
"""

import numpy as np
import pytest
from matplotlib.patches import Circle, FancyArrowPatch

from dlintro import MLP, Linear
from dlintro.figures import FIGURES
from dlintro.figures._diagram import RADIUS
from dlintro.figures._style import colors
from dlintro.figures.networks import activated_layer, mlp_layers, single_layer
from tests.figure_helpers import arrow_ends

C = colors("light")


def w_shape(d, p):
    """The shape of W in a dlintro Linear layer from d inputs to p outputs."""
    return Linear(np.zeros((d, p)), np.zeros(p)).W.shape


def circles(fig):
    return [patch for patch in fig.axes[0].patches if isinstance(patch, Circle)]


def arrows(fig, label):
    return [
        patch
        for patch in fig.axes[0].patches
        if isinstance(patch, FancyArrowPatch) and patch.get_label() == label
    ]


def texts(fig):
    return [text.get_text() for text in fig.axes[0].texts]


def nearest(nodes, point):
    """The node whose rim ``point`` (data coordinates) lies on."""
    distances = [np.hypot(*(point - np.array(node.center))) for node in nodes]
    i = int(np.argmin(distances))
    assert abs(distances[i] - RADIUS) < 0.02  # a head's tip sits just inside the rim
    return nodes[i]


def column(fig, x):
    """The circles centred at ``x``, top to bottom."""
    found = [circle for circle in circles(fig) if np.isclose(circle.center[0], x)]
    return sorted(found, key=lambda circle: -circle.center[1])


def centre_x(fig, label):
    """Where ``label`` is first written: on its node (o_1 also heads a column of W)."""
    text = next(t for t in fig.axes[0].texts if t.get_text() == label)
    return text.get_position()[0]


def connections(fig, label, sources, targets):
    """The (j, k) index pairs of the ``label`` arrows from ``sources[j]`` to ``targets[k]``."""
    nodes = circles(fig)
    index = {id(node): i for i, node in enumerate(nodes)}
    position = {index[id(node)]: j for j, node in enumerate(sources)}
    target = {index[id(node)]: k for k, node in enumerate(targets)}
    pairs = []
    for arrow in arrows(fig, label):
        tail, tip = (index[id(nearest(nodes, point))] for point in arrow_ends(arrow))
        if tail in position and tip in target:
            pairs.append((position[tail], target[tip]))
    return sorted(pairs)


@pytest.mark.parametrize(("d", "p"), [(3, 2), (4, 3), (1, 1)])
def test_single_layer_has_one_arrow_per_weight(d, p):
    shape = w_shape(d, p)
    fig = single_layer(C, d=d, p=p)
    assert len(arrows(fig, "weight")) == shape[0] * shape[1]
    assert len(arrows(fig, "bias")) == shape[1]
    assert len(circles(fig)) == shape[0] + 1 + shape[1]  # x_j, the bias node 1, o_k

    # input j sends exactly one arrow to each output k: the arrows are W's entries
    inputs = column(fig, centre_x(fig, "$x_{1}$"))  # x_1 .. x_d, then the node 1
    outputs = column(fig, centre_x(fig, "$o_{1}$"))
    assert len(inputs) == shape[0] + 1 and len(outputs) == shape[1]
    assert connections(fig, "weight", inputs[:-1], outputs) == list(np.ndindex(shape))
    assert connections(fig, "bias", inputs[-1:], outputs) == [(0, k) for k in range(shape[1])]

    shown = texts(fig)
    for j, k in np.ndindex(shape):
        assert f"$w_{{{j + 1}{k + 1}}}$" in shown  # entry (j, k) of the matrix W
    for k in range(shape[1]):
        assert f"$b_{{{k + 1}}}$" in shown
    assert [t for t in shown if t.startswith("$x_")] == [f"$x_{{{j}}}$" for j in range(1, d + 1)]


def test_single_layer_writes_two_digit_indices_apart():
    shown = texts(single_layer(C, d=10, p=1))
    assert "$w_{10,1}$" in shown and "$x_{10}$" in shown


@pytest.mark.parametrize(("d", "h"), [(3, 5), (2, 1), (4, 3)])
def test_activated_layer_has_a_weight_per_entry_and_a_sigma_per_unit(d, h):
    shape = w_shape(d, h)
    fig = activated_layer(C, d=d, h=h)
    assert len(arrows(fig, "weight")) == shape[0] * shape[1]
    assert len(arrows(fig, "bias")) == shape[1]
    assert len(circles(fig)) == shape[0] + 1 + 2 * shape[1]  # x_j, 1, z_k, h_k

    inputs = column(fig, centre_x(fig, "$x_{1}$"))
    units = column(fig, centre_x(fig, "$z_{1}$"))
    hidden = column(fig, centre_x(fig, "$h_{1}$"))
    assert connections(fig, "weight", inputs[:-1], units) == list(np.ndindex(shape))
    # sigma maps each z_k to its own h_k and nothing else
    assert connections(fig, "sigma", units, hidden) == [(k, k) for k in range(shape[1])]

    shown = texts(fig)
    assert shown.count(r"$\sigma$") == shape[1]
    assert f"$1\\times{shape[0]}$" in shown  # x is 1 x d
    assert shown.count(f"$1\\times{shape[1]}$") == 2 + (shape[0] == shape[1])  # z and h


@pytest.mark.parametrize("sizes", [[3, 5, 4, 2], [2, 3], [4, 6, 6, 6, 3]])
def test_mlp_layers_follow_the_networks_linears(sizes):
    shapes = [layer.W.shape for layer in MLP(sizes, rng=0).linears]
    L = len(shapes)
    fig = mlp_layers(C, sizes=sizes)

    # one column of nodes per width; layer l joins column l - 1 to column l
    xs = sorted({round(circle.center[0], 9) for circle in circles(fig)})
    cols = [column(fig, x) for x in xs]
    assert [len(col) for col in cols] == [shapes[0][0]] + [p for _, p in shapes]
    assert len(arrows(fig, "weight")) == sum(r * c for r, c in shapes)
    for l, shape in enumerate(shapes, start=1):
        assert connections(fig, "weight", cols[l - 1], cols[l]) == list(np.ndindex(shape))

    shown = texts(fig)
    for l, (rows, cols_) in enumerate(shapes, start=1):
        assert f"$W^{{({l})}},\\ b^{{({l})}}$" in shown
        assert f"${rows}\\times{cols_}$" in shown
    assert not any(f"W^{{({L + 1})}}" in t for t in shown)
    hidden_nodes = sum(p for _, p in shapes[:-1])
    assert shown.count(r"$\sigma$") == hidden_nodes  # no activation on O
    assert f"$h_{{{L}}}=p={shapes[-1][1]}$" in shown
    assert f"$h_0=d={shapes[0][0]}$" in shown


def test_registered_figures_draw_the_defaults():
    for name, f in [
        ("single-layer", single_layer),
        ("activated-layer", activated_layer),
        ("mlp-layers", mlp_layers),
    ]:
        assert FIGURES[name] is f
    # the pages' sizes: d = 3, p = 2; d = 3, h = 5; and a 3-layer MLP
    assert len(arrows(FIGURES["single-layer"](C), "weight")) == 3 * 2
    assert len(arrows(FIGURES["activated-layer"](C), "weight")) == 3 * 5
    assert len(arrows(FIGURES["mlp-layers"](C), "weight")) == 3 * 5 + 5 * 4 + 4 * 2


@pytest.mark.parametrize(
    ("draw", "kwargs", "error", "message"),
    [
        (single_layer, {"d": 0}, ValueError, "d must be at least 1"),
        (single_layer, {"p": -1}, ValueError, "p must be at least 1"),
        (single_layer, {"d": 2.5}, TypeError, "d must be an int"),
        (activated_layer, {"h": 0}, ValueError, "h must be at least 1"),
        (activated_layer, {"d": True}, TypeError, "d must be an int"),
        (mlp_layers, {"sizes": [3]}, ValueError, "sizes must list at least 2"),
        (mlp_layers, {"sizes": [3, 0, 2]}, ValueError, "each of sizes must be at least 1"),
    ],
)
def test_bad_sizes_are_named(draw, kwargs, error, message):
    with pytest.raises(error, match=message):
        draw(C, **kwargs)
