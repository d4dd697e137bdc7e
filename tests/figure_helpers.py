"""What the figure tests share: how to read a drawn arrow and a graph's labels."""

import re

import numpy as np
from matplotlib.path import Path


def arrow_ends(arrow):
    """The tail and the tip of a ``FancyArrowPatch``, in data coordinates."""
    path = arrow.get_path()
    vertices = path.vertices[path.codes != Path.CLOSEPOLY]  # a placeholder vertex
    tip = max(vertices, key=lambda v: np.hypot(*(v - vertices[0])))  # farthest from the tail
    return vertices[0], tip


# A node's label on a graph figure: its value, "$x = -2$", or its gradient,
# "$\partial f / \partial x = -4$".
LABEL = re.compile(r"^\$(?:\\partial f / \\partial )?(?P<name>[a-z]) = (?P<value>-?[\d.e+-]+)\$$")


def labels(fig, color):
    """{name: number} of the figure's labels drawn in ``color``."""
    found = {}
    for text in fig.axes[0].texts:
        match = LABEL.match(text.get_text())
        if match and text.get_color() == color:
            assert match["name"] not in found, f"two labels for {match['name']}"
            found[match["name"]] = float(match["value"])
    return found


def assert_each_value_above_its_gradient(fig, values, grads):
    """Each node's value label sits right above its gradient label."""
    texts = {t.get_text(): t.get_position() for t in fig.axes[0].texts}
    for name in values:
        above = texts[f"${name} = {values[name]:g}$"]
        below = texts[rf"$\partial f / \partial {name} = {grads[name]:g}$"]
        assert above[0] == below[0] and above[1] > below[1], name
