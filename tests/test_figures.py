"""Every figure renders, as the same valid SVG bytes on every run, in both palettes.

What each figure shows is checked against dlintro's own functions further down.
"""

import xml.etree.ElementTree as ET

import numpy as np
import pytest

from dlintro import (
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    tanh,
    tanh_derivative,
)
from dlintro.figures import FIGURES, render
from dlintro.figures._style import colors
from tests.paths import hook

SVG = "{http://www.w3.org/2000/svg}svg"


@pytest.fixture(scope="module")
def drawn():
    """``{file name: SVG bytes}`` of every figure, as the site's build draws them.

    A fresh process draws them once per version of the package's code
    (docs/hooks/figures.py); when the site has been built, they are cached.
    """
    return {p.name: p.read_bytes() for p in hook("figures").drawn_figures().glob("*.svg")}


@pytest.fixture(params=sorted(FIGURES))
def name(request):
    return request.param


def test_every_figure_is_drawn_in_both_palettes_as_valid_svg(drawn, name):
    light, dark = drawn[f"{name}-light.svg"], drawn[f"{name}-dark.svg"]
    for svg in light, dark:
        assert ET.fromstring(svg).tag == SVG
        assert b"<dc:date>" not in svg  # no timestamp
    assert light != dark


def test_nothing_else_is_drawn(drawn):
    assert sorted(drawn) == sorted(f"{n}-{p}.svg" for n in FIGURES for p in ("light", "dark"))


def test_another_process_draws_the_same_bytes(drawn):
    # The drawings come from another process, with another hash seed. One figure
    # suffices to prove it: every figure is saved by the same to_svg, and this one
    # has text, markers, an image and the numbers of a training run.
    assert render("decision-regions", "light") == drawn["decision-regions-light.svg"]


def test_figures_make_no_request(drawn, name):
    # XML namespaces name hosts but are never fetched; links and styles would be.
    root = ET.fromstring(drawn[f"{name}-dark.svg"])
    for element in root.iter():
        for key, value in element.attrib.items():
            if key.endswith("href"):
                assert value.startswith("#"), f"{element.tag} links to {value}"
        assert "url(http" not in (element.text or "")
        assert "@import" not in (element.text or "")


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="name must be one of"):
        render("no-such-figure", "light")
    with pytest.raises(ValueError, match="palette must be one of"):
        render(sorted(FIGURES)[0], "sepia")


def test_activations_plots_the_package_functions():
    fig = FIGURES["activations"](colors("light"))
    axes = fig.axes
    expected = [sigmoid, tanh, relu, sigmoid_derivative, tanh_derivative, relu_derivative]
    assert len(axes) == len(expected)
    for ax, f in zip(axes, expected, strict=True):
        curve = next(line for line in ax.get_lines() if len(line.get_xdata()) > 2)
        z, y = np.asarray(curve.get_xdata()), np.asarray(curve.get_ydata())
        np.testing.assert_array_equal(y, f(z))


def contrast(foreground, background):
    """The WCAG 2 contrast ratio of two colours given as #rrggbb."""

    def luminance(color):
        rgb = np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)]) / 255
        linear = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
        return linear @ [0.2126, 0.7152, 0.0722]

    high, low = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


# The page behind each palette: Material's white, and its slate hsl(232, 15%, 14%).
BACKGROUNDS = {"light": "#ffffff", "dark": "#1e2029"}


@pytest.mark.parametrize("palette", sorted(BACKGROUNDS))
def test_figure_colours_are_readable_as_text_on_the_page(palette):
    # Every colour that draws text or lines (not the faint grid) meets WCAG AA.
    c = colors(palette)
    for color in [c["text"], c["muted"], *c["cycle"]]:
        assert contrast(color, BACKGROUNDS[palette]) >= 4.5, color


def test_contrast_formula():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # AA's grey
