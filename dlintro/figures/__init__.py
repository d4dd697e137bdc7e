"""Every figure of the site, drawn from ``dlintro``'s own code with matplotlib.

A figure is a function in a module of this package, registered with
``@figure(name, page=...)``: it takes the palette's colours (see
``_style.PALETTES``) and returns a ``matplotlib.figure.Figure``;
[`render`][dlintro.figures.render] turns it into SVG. When the site is built,
``docs/hooks/figures.py`` runs ``python -m dlintro.figures`` once per version
of the package's code to render all of ``FIGURES`` in both palettes, served as
``assets/figures/<name>-<palette>.svg``.

matplotlib is an optional dependency: ``pip install "dlintro[figures]"``.
"""

import importlib
import pkgutil

try:
    import matplotlib  # noqa: F401
except ImportError as error:  # pragma: no cover - depends on the install
    raise ImportError(
        'dlintro.figures draws with matplotlib: pip install "dlintro[figures]"'
    ) from error

from dlintro.figures._registry import FIGURES
from dlintro.figures._style import PALETTES, style, to_svg

# Importing a module registers its figures: a new module needs no entry here.
for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_module.name}")


def render(name, palette):
    """The SVG of figure ``name`` in ``palette`` ("light" or "dark"), as bytes."""
    if name not in FIGURES:
        raise ValueError(
            f"name must be one of {sorted(FIGURES)}, got {name!r}"
        )
    with style(palette) as c:
        return to_svg(FIGURES[name](c))


__all__ = ["FIGURES", "PALETTES", "render"]
