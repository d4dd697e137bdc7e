"""Every figure of the site, drawn from ``dlintro``'s own code with matplotlib.

Each figure function takes the palette's colours (see ``_style.PALETTES``)
and returns a ``matplotlib.figure.Figure``; [`render`][dlintro.figures.render]
turns it into SVG. When the site is built, ``docs/hooks.py`` runs
``python -m dlintro.figures`` to render all of ``FIGURES`` in both palettes,
served as ``assets/figures/<name>-<palette>.svg``.

matplotlib is an optional dependency: ``pip install "dlintro[figures]"``.
"""

try:
    import matplotlib  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the install
    raise ImportError(
        'dlintro.figures draws with matplotlib: pip install "dlintro[figures]"'
    ) from error

from dlintro.figures import capstone, curves, graph, networks
from dlintro.figures._style import PALETTES, style, to_svg

# name -> figure function; the page that shows each is in the comment.
FIGURES = {
    "circuit": graph.circuit,  # backprop.md
    "activations": curves.activations,  # activations.md
    "loss-curve": capstone.loss_curve,  # capstone.md
    "decision-regions": capstone.decision_regions,  # capstone.md
    "softmax": curves.softmax,  # softmax.md
    "tent": curves.tent,  # depth.md
    "single-layer": networks.single_layer,  # linear-model.md
    "activated-layer": networks.activated_layer,  # activations.md
    "mlp-layers": networks.mlp_layers,  # mlp.md
}


def render(name, palette):
    """The SVG of figure ``name`` in ``palette`` ("light" or "dark"), as bytes."""
    if name not in FIGURES:
        raise ValueError(
            f"name must be one of {sorted(FIGURES)}, got {name!r}"
        )
    with style(palette) as c:
        return to_svg(FIGURES[name](c))


__all__ = ["FIGURES", "PALETTES", "render"]
