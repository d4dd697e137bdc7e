"""Drawing on a canvas measured in inches: the parts of the site's diagrams.

The network diagrams and the circuit share these nodes, arrows and sizes,
so that they look alike. Every arrow carries a label saying what it stands
for (``"weight"``, ``"bias"``, ``"sigma"``, a variable of the circuit); the
tests find the arrows by it. Labels are not drawn and not written to the SVG.
"""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

RADIUS = 0.2  # of a node, inches: room for a subscripted symbol at 11 pt
LINE = 1.0  # width of node outlines, arrows and brackets, points
HEAD = "-|>,head_length=0.5,head_width=0.22"  # scaled by HEAD_SCALE
HEAD_SCALE = 10  # points: a head 5 pt long and 2.2 pt to each side
ELBOW = "angle,angleA=0,angleB=90,rad=10"  # out sideways, in from above/below


class Diagram:
    """Axes measured in inches (a data unit is an inch) for nodes and arrows.

    Parameters
    ----------
    c : dict
        The palette's colours.
    xlim, ylim : tuple of float
        The canvas, in inches; the figure has exactly this size.
    """

    def __init__(self, c, xlim, ylim):
        self.c = c
        width, height = xlim[1] - xlim[0], ylim[1] - ylim[0]
        self.fig = Figure(figsize=(width, height))
        self.ax = self.fig.add_axes((0, 0, 1, 1))
        self.ax.set_xlim(*xlim)
        self.ax.set_ylim(*ylim)
        self.ax.set_axis_off()

    def node(self, x, y, label, *, color=None, size=11):
        """A circle with ``label`` inside, both in ``color``.

        Parameters
        ----------
        x, y : float
            The centre, in inches.
        label : str
            The symbol inside, e.g. ``"$x_{1}$"``.
        color : str, optional
            Of the outline and the label; the palette's text colour if None.
        size : float, default 11
            Font size of the label, points.

        Returns
        -------
        numpy.ndarray
            The centre ``[x, y]``, for the arrows that join the node.
        """
        color = color or self.c["text"]
        circle = Circle(
            (x, y), RADIUS, fill=False, edgecolor=color, linewidth=LINE
        )
        self.ax.add_patch(circle)
        self.text(x, y, label, color=color, size=size)
        return np.array([x, y])

    def box(self, x, y, label, *, color=None):
        """A rounded square as wide as a node, with ``label`` inside.

        Parameters and return value as for `node`; the outline is in
        ``color`` (muted if None), the label in the text colour.
        """
        side = 2 * RADIUS  # arrows stop RADIUS short of a box as of a node
        square = FancyBboxPatch(
            (x - RADIUS, y - RADIUS),
            side,
            side,
            boxstyle="round,pad=0,rounding_size=0.08",
            fill=False,
            edgecolor=color or self.c["muted"],
            linewidth=LINE,
        )
        self.ax.add_patch(square)
        self.text(x, y, label)
        return np.array([x, y])

    def arrow(
        self,
        a,
        b,
        *,
        label,
        color=None,
        linestyle="-",
        linewidth=LINE,
        gap=RADIUS,
        elbow=False,
    ):
        """An arrow from ``a`` to ``b``, stopping ``gap`` short of each.

        Parameters
        ----------
        a, b : numpy.ndarray
            The points joined, usually node centres returned by `node`.
        label : str
            What the arrow stands for; the tests find arrows by it.
        color : str, optional
            Muted if None; coloured (highlighted) arrows are drawn above
            the muted ones.
        linestyle : str or tuple, default "-"
        linewidth : float, default LINE
        gap : float, default RADIUS
            Inches left free at each end: the rim of a node or a box.
        elbow : bool, default False
            Leave ``a`` to the right and turn to enter ``b`` from above or
            below, as in a circuit diagram; straight if they are level.
        """
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        if elbow and a[1] != b[1]:
            start = a + [gap, 0.0]
            end = b + [0.0, gap * np.sign(a[1] - b[1])]
            path = ELBOW
        else:
            unit = (b - a) / np.hypot(*(b - a))
            start, end = a + gap * unit, b - gap * unit
            path = "arc3"
        arrow = FancyArrowPatch(
            start,
            end,
            connectionstyle=path,
            arrowstyle=HEAD,
            mutation_scale=HEAD_SCALE,
            shrinkA=0,
            shrinkB=0,
            color=color or self.c["muted"],
            linewidth=linewidth,
            linestyle=linestyle,
            zorder=1 if color is None else 1.5,
            label=label,
        )
        self.ax.add_patch(arrow)

    def text(self, x, y, s, *, color=None, ha="center", va="center", size=11):
        """Write ``s`` at ``(x, y)``.

        Parameters
        ----------
        x, y : float
            Where, in inches; ``ha`` and ``va`` say which point of the text
            sits there.
        s : str
            Symbols and numbers only (mathtext), so one SVG serves both
            languages.
        color : str, optional
            The palette's text colour if None.
        ha, va : str, default "center"
            Horizontal and vertical alignment, as for matplotlib's ``text``.
        size : float, default 11
            Font size, points.
        """
        self.ax.text(
            x, y, s, color=color or self.c["text"], ha=ha, va=va, size=size
        )

    def bracket(self, x, top, bottom, *, side):
        """One of a matrix's square brackets, opening towards the entries.

        Parameters
        ----------
        x : float
            Where the bracket's upright stands, inches.
        top, bottom : float
            Its ends, inches.
        side : {"left", "right"}
            Which side of the matrix it closes.
        """
        tick = 0.07 * (1 if side == "left" else -1)
        line = Line2D(
            [x + tick, x, x, x + tick],
            [top, top, bottom, bottom],
            color=self.c["text"],
            linewidth=LINE,
        )
        self.ax.add_line(line)
