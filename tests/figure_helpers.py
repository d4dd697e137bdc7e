"""What the figure tests share: how to read a drawn arrow."""

import numpy as np
from matplotlib.path import Path


def arrow_ends(arrow):
    """The tail and the tip of a ``FancyArrowPatch``, in data coordinates."""
    path = arrow.get_path()
    vertices = path.vertices[path.codes != Path.CLOSEPOLY]  # a placeholder vertex
    tip = max(vertices, key=lambda v: np.hypot(*(v - vertices[0])))  # farthest from the tail
    return vertices[0], tip
