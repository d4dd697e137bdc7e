"""Every figure renders, as the same valid SVG bytes on every run, in both palettes.

What each figure shows is checked against dlintro's own functions further down.
"""

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from matplotlib.lines import Line2D

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
        assert isinstance(curve, Line2D)
