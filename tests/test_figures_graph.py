"""The circuit figure shows what dlintro's Add and Multiply gates compute."""

import ast
import re

import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.patches import Circle, FancyArrowPatch

from dlintro import Add, Multiply
from dlintro.figures import FIGURES
from dlintro.figures._diagram import HEAD_SCALE, LINE, RADIUS
from dlintro.figures._style import colors
from dlintro.figures.graph import circuit
from dlintro.figures.networks import single_layer
from tests.figure_helpers import arrow_ends, assert_each_value_above_its_gradient, labels
from tests.paths import DOCS

VARIABLES = "xyzqf"


def page_numbers(language):
    """The inputs, forward values and gradients in the pycon session of the page.

    It is the session of the section "The circuit f = (x + y) z" of
    docs/<language>/backprop.md.
    """
    text = (DOCS / language / "backprop.md").read_text(encoding="utf-8")
    section = re.search(r"^## .*f = \(x \+ y\) z$(.*?)^## ", text, re.MULTILINE | re.DOTALL)[1]
    session = re.search(r"```pycon\n(.*?)```", section, re.DOTALL)[1]

    def shown(statement):
        """What the session prints for ``statement``."""
        return ast.literal_eval(re.search(rf"^>>> {statement}\n(.*)$", session, re.M)[1])

    x, y, z = ast.literal_eval(re.search(r"^>>> x, y, z = (.*)$", session, re.M)[1])
    q, f = shown("q, f")
    dq, dz = shown("dq, dz")
    dx, dy = shown("dx, dy")
    values = {"x": x, "y": y, "z": z, "q": q, "f": f}
    grads = {"x": dx, "y": dy, "z": dz, "q": dq, "f": 1.0}  # df/df, where backward starts
    return values, grads


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


def all_arrows(fig):
    return [p for p in fig.axes[0].patches if isinstance(p, FancyArrowPatch)]


def arrows(fig):
    """{label: arrow} of the circuit's arrows, each label once."""
    found = {arrow.get_label(): arrow for arrow in all_arrows(fig)}
    assert len(found) == len(all_arrows(fig)), "two arrows with one label"
    return found


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_labels_are_the_gates_values_forward_above_and_gradients_below(palette):
    c = colors(palette)
    fig = FIGURES["circuit"](c)
    values, grads = gates(-2.0, 5.0, -4.0)
    forward, backward = labels(fig, c["cycle"][0]), labels(fig, c["cycle"][1])
    assert forward == values
    assert backward == grads
    assert_each_value_above_its_gradient(fig, values, grads)  # on the same edge


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_figure_shows_the_numbers_the_pages_session_prints(language):
    values, grads = page_numbers(language)
    c = colors("light")
    fig = FIGURES["circuit"](c)
    assert labels(fig, c["cycle"][0]) == values
    assert labels(fig, c["cycle"][1]) == grads


def test_one_edge_per_variable_and_a_key_for_each_pass():
    c = colors("light")
    found = arrows(FIGURES["circuit"](c))
    assert sorted(found) == sorted([*VARIABLES, "forward", "backward"])
    # the key: forward values run to the right in blue, gradients to the left in orange
    for name, colour, direction in [("forward", 0, 1), ("backward", 1, -1)]:
        tail, tip = arrow_ends(found[name])
        assert np.sign(tip[0] - tail[0]) == direction and tip[1] == pytest.approx(tail[1])
        assert found[name].get_edgecolor() == pytest.approx(to_rgba(c["cycle"][colour]))


def test_gates_and_arrows_look_like_the_network_diagrams():
    c = colors("light")
    for fig in circuit(c), single_layer(c):
        nodes = [p for p in fig.axes[0].patches if isinstance(p, Circle)]
        assert nodes and all(node.radius == RADIUS for node in nodes)
        assert all(node.get_linewidth() == LINE for node in nodes)
        for arrow in all_arrows(fig):
            assert arrow.get_mutation_scale() == HEAD_SCALE
            assert arrow.get_linewidth() == LINE


@pytest.mark.parametrize(("x", "y", "z"), [(1.5, -0.5, 2.0), (3.0, 4.0, 0.25)])
def test_labels_follow_other_inputs(x, y, z):
    c = colors("dark")
    fig = circuit(c, x=x, y=y, z=z)
    values, grads = gates(x, y, z)
    assert labels(fig, c["cycle"][0]) == values
    assert labels(fig, c["cycle"][1]) == grads
    assert labels(fig, c["cycle"][1])["z"] == x + y  # multiply swaps


def test_inputs_are_keyword_only():
    with pytest.raises(TypeError):
        circuit(colors("light"), 1.0, 2.0, 3.0)
