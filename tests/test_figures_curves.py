"""The softmax and tent figures show dlintro's own numbers."""

import ast
import re

import numpy as np
import pytest
from matplotlib.patches import Rectangle

from dlintro import count_linear_pieces, softmax, tent_network
from dlintro.figures import FIGURES
from dlintro.figures._style import colors
from dlintro.figures.curves import LECTURE_SCORES, MAX_DEPTH, _probability_label, tent
from tests.paths import DOCS

# the lecture's example: the one top-level O that is passed straight to softmax
LECTURE_EXAMPLE = re.compile(
    r"^>>> O = np\.array\((?P<O>\[\[.*\]\])\)\n>>> P = softmax\(O\)$", re.MULTILINE
)


def page_scores(language):
    """The score matrix O of the lecture's example on docs/<language>/softmax.md."""
    text = (DOCS / language / "softmax.md").read_text(encoding="utf-8")
    found = LECTURE_EXAMPLE.findall(text)
    assert len(found) == 1, f"{language}: expected one lecture example, found {len(found)}"
    return ast.literal_eval(found[0])


def bars(ax):
    return [patch for patch in ax.patches if isinstance(patch, Rectangle)]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_softmax_uses_the_scores_of_the_lecture_example_on_the_page(language):
    np.testing.assert_array_equal(LECTURE_SCORES, page_scores(language))


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_softmax_bars_are_the_scores_and_dlintro_softmax_of_them(palette):
    fig = FIGURES["softmax"](colors(palette))
    n, p = LECTURE_SCORES.shape
    axes = np.array(fig.axes).reshape(n, 2)  # one row per sample: scores, probabilities
    expected = softmax(LECTURE_SCORES)
    for i, (score_ax, prob_ax) in enumerate(axes):
        scores = [bar.get_height() for bar in bars(score_ax)]
        probabilities = np.array([bar.get_height() for bar in bars(prob_ax)])
        np.testing.assert_array_equal(scores, LECTURE_SCORES[i])
        np.testing.assert_array_equal(probabilities, expected[i])
        assert probabilities.sum() == pytest.approx(1.0)
        # the ticks name the entries O_ik and P_ik
        ticks = [t.get_text() for t in prob_ax.get_xticklabels()]
        assert ticks == [f"$P_{{{i + 1}{k + 1}}}$" for k in range(p)]


def test_softmax_bar_labels_are_the_values_shown():
    fig = FIGURES["softmax"](colors("light"))
    axes = np.array(fig.axes).reshape(-1, 2)
    P = softmax(LECTURE_SCORES)
    labels = [[t.get_text() for t in ax.texts] for ax in axes[:, 1]]
    assert labels[0] == ["0.245", "0.665", "0.090"]
    assert labels[1] == ["0.090", "0.245", "0.665"]
    assert labels[2][2] == f"{P[2, 2]:.5f}" == "0.99995"
    # the two tiny ones as powers of ten, not as 0.000
    for text, value in zip(labels[2][:2], P[2, :2], strict=True):
        mantissa, exponent = text.strip("$").split(r" \times 10^")
        assert float(mantissa) * 10.0 ** int(exponent.strip("{}")) == pytest.approx(value, rel=0.05)
    score_labels = [t.get_text().replace("\N{MINUS SIGN}", "-") for t in axes[2, 0].texts]
    assert [float(s) for s in score_labels] == page_scores("en")[2]


@pytest.mark.parametrize(
    ("p", "label"),
    [
        (0.2447, "0.245"),
        (0.09, "0.090"),
        (0.9999546, "0.99995"),
        (1 - 1e-7, "0.9999999"),  # never rounded up to 1
        (np.nextafter(1.0, 0.0), "0.9999999999999999"),
        (1.0, "1.000"),
        (4.54e-5, r"$4.5 \times 10^{-5}$"),  # never rounded down to 0
        (2.06e-9, r"$2.1 \times 10^{-9}$"),
        (0.0, "0.000"),
    ],
)
def test_probability_labels_read_0_or_1_only_if_they_are(p, label):
    assert _probability_label(p) == label


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_tent_curves_are_tent_network_with_2_to_the_k_pieces(palette):
    fig = FIGURES["tent"](colors(palette))
    assert len(fig.axes) == 4
    for k, ax in enumerate(fig.axes, start=1):
        curve = max(ax.get_lines(), key=lambda line: len(line.get_xdata()))
        x, y = np.asarray(curve.get_xdata()), np.asarray(curve.get_ydata())
        assert x[0] == 0.0 and x[-1] == 1.0
        np.testing.assert_array_equal(y, tent_network(k).forward(x[:, None]).ravel())
        pieces = count_linear_pieces(x, y)
        assert pieces == 2**k
        assert ax.get_title() == f"$t^{{({k})}}:\\ N = {pieces}$"
        # the dots are the 2^k + 1 ends of the pieces, where t^(k) is j mod 2
        dots = next(line for line in ax.get_lines() if line.get_linestyle() == "None")
        np.testing.assert_array_equal(dots.get_xdata(), np.arange(2**k + 1) / 2**k)
        np.testing.assert_array_equal(dots.get_ydata(), np.arange(2**k + 1) % 2)


def test_tent_takes_the_depths_to_draw():
    fig = tent(colors("light"), depths=[2, 5])
    assert [ax.get_title() for ax in fig.axes] == [f"$t^{{({k})}}:\\ N = {2**k}$" for k in (2, 5)]


def test_tent_depths_are_checked():
    with pytest.raises(TypeError, match="depths must be a sequence of ints, got 5"):
        tent(colors("light"), depths=5)
    with pytest.raises(TypeError, match="each of depths must be an int"):
        tent(colors("light"), depths=[1.5])
    with pytest.raises(ValueError, match="each of depths must be at least 1"):
        tent(colors("light"), depths=[0, 1])
    with pytest.raises(ValueError, match=f"each of depths must be at most {MAX_DEPTH}, got 30"):
        tent(colors("light"), depths=[2, 30])
    with pytest.raises(ValueError, match="at least one depth"):
        tent(colors("light"), depths=[])
    assert len(tent(colors("light"), depths=[MAX_DEPTH]).axes) == 1
    with pytest.raises(TypeError):
        tent(colors("light"), [1, 2])  # depths is keyword-only
