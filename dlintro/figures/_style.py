"""How every figure looks: one palette per site theme, and deterministic SVG.

Figures are drawn on a transparent background, once with the light palette
and once with the dark one; the pages show each with Material's
``#only-light`` / ``#only-dark`` image suffixes.
"""

import io
from contextlib import contextmanager

import matplotlib as mpl

# Series colours: Material indigo and deep orange, green and purple; darker
# shades on the white page, lighter ones on the slate page. Text, muted and
# series colours meet WCAG AA on their page (tests/test_figures.py checks).
PALETTES = {
    "light": {
        "text": "#212121",
        "muted": "#5c5c5c",
        "grid": "#dcdcdc",
        "cycle": ["#3949ab", "#bf360c", "#2e7d32", "#8e24aa"],
    },
    "dark": {
        "text": "#e3e4e8",
        "muted": "#a9abb3",
        "grid": "#41434d",
        "cycle": ["#8c9eff", "#ffab40", "#69f0ae", "#ea80fc"],
    },
}


def colors(palette):
    """The named colours of ``palette`` ("light" or "dark")."""
    if palette not in PALETTES:
        raise ValueError(
            f"palette must be one of {sorted(PALETTES)}, got {palette!r}"
        )
    return PALETTES[palette]


@contextmanager
def style(palette):
    """matplotlib settings for drawing and saving a figure in ``palette``."""
    c = colors(palette)
    with mpl.rc_context(
        {
            "svg.hashsalt": "dlintro",  # fixed ids: the same bytes on every run
            "svg.fonttype": "path",  # text as outlines: no font needed to view
            "font.size": 11,
            "mathtext.fontset": "dejavusans",
            "text.color": c["text"],
            "axes.labelcolor": c["text"],
            "axes.edgecolor": c["muted"],
            "axes.facecolor": "none",
            "axes.grid": True,
            "grid.color": c["grid"],
            "axes.prop_cycle": mpl.cycler(color=c["cycle"]),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "xtick.color": c["muted"],
            "ytick.color": c["muted"],
            "xtick.labelcolor": c["text"],
            "ytick.labelcolor": c["text"],
            "legend.frameon": False,
            "figure.facecolor": "none",
            "lines.linewidth": 2,
        }
    ):
        yield c


def to_svg(fig):
    """The SVG bytes of ``fig``, identical from run to run."""
    buffer = io.BytesIO()
    fig.savefig(
        buffer,
        format="svg",
        metadata={"Date": None},  # no timestamp in the file
        bbox_inches="tight",
        transparent=True,
    )
    return buffer.getvalue()
