"""The circuit figure shows what dlintro's Add and Multiply gates compute."""

import re

import pytest
from matplotlib.patches import FancyArrowPatch

from dlintro import Add, Multiply
from dlintro.figures import FIGURES
from dlintro.figures._style import colors

LABEL = re.compile(r"^\$(?:\\partial f / \\partial )?(?P<name>[a-z]) = (?P<value>-?[\d.e+-]+)\$$")


def gates(x, y, z):
    """Forward values and gradients of f = (x + y) z, by the gates themselves."""
    add, mul = Add(), Multiply()
    q = add.forward(x, y)
    f = mul.forward(q, z)
    dq, dz = mul.backward(1.0)
    dx, dy = add.backward(dq)
    values = {"x": x, "y": y, "z": z, "q": q, "f": f}
    grads = {"x": dx, "y": dy, "z": dz, "q": dq, "f": 1.0}
    return values, grads


def labels(fig, color):
    """{name: number} of the figure's labels drawn in ``color``."""
    found = {}
    for text in fig.axes[0].texts:
        match = LABEL.match(text.get_text())
        if match and text.get_color() == color:
            assert match["name"] not in found, f"two labels for {match['name']}"
            found[match["name"]] = float(match["value"])
    return found


def edges(fig):
    return [
        p
        for p in fig.axes[0].patches
        if isinstance(p, FancyArrowPatch) and (p.get_gid() or "").startswith("edge-")
    ]


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_labels_are_the_gates_values_forward_above_and_gradients_below(palette):
    c = colors(palette)
    fig = FIGURES["circuit"](c)
    values, grads = gates(-2.0, 5.0, -4.0)
    forward, backward = labels(fig, c["cycle"][0]), labels(fig, c["cycle"][1])
    assert forward == values
    assert backward == grads
    # the numbers the page prints
    assert forward["q"] == 3 and forward["f"] == -12
    assert (backward["x"], backward["y"], backward["z"]) == (-4, -4, 3)
    assert backward["q"] == -4 and backward["f"] == 1
    # each value sits above its gradient, on the same edge
    texts = {t.get_text(): t for t in fig.axes[0].texts}
    for name in values:
        above = texts[f"${name} = {values[name]:g}$"]
        below = texts[rf"$\partial f / \partial {name} = {grads[name]:g}$"]
        assert above.get_position()[0] == below.get_position()[0]
        assert above.get_position()[1] > below.get_position()[1]


def test_one_edge_per_variable():
    # x and y into +, q and z into ×, f out of ×
    fig = FIGURES["circuit"](colors("light"))
    assert sorted(e.get_gid() for e in edges(fig)) == [f"edge-{name}" for name in "fqxyz"]


@pytest.mark.parametrize("x, y, z", [(1.5, -0.5, 2.0), (3.0, 4.0, 0.25)])
def test_labels_follow_other_inputs(x, y, z):
    c = colors("dark")
    fig = FIGURES["circuit"](c, x=x, y=y, z=z)
    values, grads = gates(x, y, z)
    assert labels(fig, c["cycle"][0]) == values
    assert labels(fig, c["cycle"][1]) == grads
    assert labels(fig, c["cycle"][1])["z"] == x + y  # multiply swaps
    assert len(edges(fig)) == 5
