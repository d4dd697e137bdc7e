"""Every figure renders, as the same valid SVG bytes on every run, in both palettes.

What each figure shows is checked against dlintro's own functions further down.
"""

import os
import subprocess
import sys
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

SVG = "{http://www.w3.org/2000/svg}svg"


@pytest.fixture(params=sorted(FIGURES))
def name(request):
    return request.param


def test_renders_reproducible_svg_in_each_palette(name):
    light, dark = render(name, "light"), render(name, "dark")
    for svg in light, dark:
        assert ET.fromstring(svg).tag == SVG
        assert b"<dc:date>" not in svg  # no timestamp
    assert render(name, "light") == light  # byte for byte
    assert light != dark


def test_a_fresh_process_draws_the_same_bytes(tmp_path):
    # What the site's build runs; another hash seed must not change a byte.
    env = {**os.environ, "PYTHONHASHSEED": "123"}
    subprocess.run([sys.executable, "-m", "dlintro.figures", str(tmp_path)], check=True, env=env)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(f"{n}-{p}.svg" for n in FIGURES for p in ("light", "dark"))
    for name in FIGURES:
        assert (tmp_path / f"{name}-dark.svg").read_bytes() == render(name, "dark")


def test_figures_make_no_request(name):
    # XML namespaces name hosts but are never fetched; links and styles would be.
    root = ET.fromstring(render(name, "dark"))
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
