"""Figures that plot functions of ``dlintro``: activations, softmax, the tent map."""

import numpy as np
from matplotlib.figure import Figure

from dlintro import (
    count_linear_pieces,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    tanh,
    tanh_derivative,
    tent_network,
)

# `softmax` is the name of the figure below
from dlintro import softmax as dlintro_softmax
from dlintro._validation import as_int
from dlintro.figures._registry import figure


@figure("activations", page="activations")
def activations(c):
    """Sigmoid, tanh and ReLU (top) above their derivatives (bottom), chapter 4.

    Each curve is the ``dlintro`` function evaluated on a grid of ``z``.

    Parameters
    ----------
    c : dict
        The palette's colours.

    Returns
    -------
    matplotlib.figure.Figure
    """
    z = np.linspace(-4, 4, 401)
    fig = Figure(figsize=(7.2, 4.2), layout="constrained")
    axes = fig.subplots(2, 3, sharex=True)
    rows = [
        (sigmoid, tanh, relu),
        (sigmoid_derivative, tanh_derivative, relu_derivative),
    ]
    names = [r"\sigma", r"\tanh", r"\mathrm{ReLU}"]
    for col, name in enumerate(names):
        for row, functions in enumerate(rows):
            f, ax = functions[col], axes[row, col]
            label = f"${name}(z)$" if row == 0 else f"${name}'(z)$"
            ax.plot(z, f(z), color=c["cycle"][row])
            ax.set_title(label, fontsize=11)
            ax.axhline(0, color=c["muted"], linewidth=0.8)
            ax.axvline(0, color=c["muted"], linewidth=0.8)
        axes[1, col].set_xlabel("$z$")
    return fig


# The lecture's score matrix O (3 samples, 3 classes), as on softmax.md.
LECTURE_SCORES = np.array(
    [[1.0, 2.0, 0.0], [-1.0, 0.0, 1.0], [-10.0, 0.0, 10.0]]
)


def _probability_label(p):
    """The probability ``p`` as a bar label that reads 0 or 1 only if it is.

    Three decimals, and more while ``p < 1`` would round to ``1.000`` (so
    ``0.99995``); below ``5e-4``, which would round to ``0.000``, a power of
    ten in mathtext (``4.5 × 10^-5``).
    """
    if 0 < p < 5e-4:
        mantissa, exponent = f"{p:.1e}".split("e")
        return rf"${mantissa} \times 10^{{{int(exponent)}}}$"
    decimals = 3
    # 17 decimals tell every float64 below 1 from 1
    while p < 1 and float(f"{p:.{decimals}f}") == 1 and decimals < 17:
        decimals += 1
    return f"{p:.{decimals}f}"


@figure("softmax", page="softmax")
def softmax(c):
    """The lecture's scores (left) and their softmax probabilities (right), chapter 2.

    One row of panels per sample of ``LECTURE_SCORES``; the probabilities are
    computed by `dlintro.softmax`, and every bar is labelled with its value.

    Parameters
    ----------
    c : dict
        The palette's colours.

    Returns
    -------
    matplotlib.figure.Figure
    """
    probabilities = dlintro_softmax(LECTURE_SCORES)
    n, p = LECTURE_SCORES.shape
    fig = Figure(figsize=(7.2, 1.55 * n + 0.5), layout="constrained")
    fig.get_layout_engine().set(wspace=0.08)  # room between the two columns
    axes = fig.subplots(n, 2)
    k = np.arange(p)
    for i in range(n):
        score_ax, prob_ax = axes[i]
        for ax, values, color, symbol in (
            (score_ax, LECTURE_SCORES[i], c["cycle"][0], "O"),
            (prob_ax, probabilities[i], c["cycle"][1], "P"),
        ):
            ax.bar(k, values, width=0.6, color=color)
            ax.set_xticks(k, [f"${symbol}_{{{i + 1}{j + 1}}}$" for j in k])
            ax.tick_params(axis="x", length=0)
            ax.grid(axis="x", visible=False)
            ax.set_axisbelow(True)  # grid lines behind the bars
            ax.axhline(0, color=c["muted"], linewidth=0.8)
            ax.set_xlim(-0.6, p - 0.4)
        # scores: room for the labels above positive and below negative bars
        low, high = (
            min(LECTURE_SCORES[i].min(), 0),
            max(LECTURE_SCORES[i].max(), 0),
        )
        pad = 0.3 * (high - low)
        score_ax.set_ylim(low - pad * (low < 0), high + pad)
        score_ax.bar_label(
            score_ax.containers[0],
            [
                f"{o:g}".replace("-", "\N{MINUS SIGN}")
                for o in LECTURE_SCORES[i]
            ],
            padding=2,
            fontsize=10,
        )
        prob_ax.set_ylim(0, 1.3)
        prob_ax.set_yticks([0, 0.5, 1])
        prob_ax.bar_label(
            prob_ax.containers[0],
            [_probability_label(q) for q in probabilities[i]],
            padding=2,
            fontsize=10,
        )
    axes[0, 0].set_title(r"$O_{ik}$", fontsize=11)
    axes[0, 1].set_title(
        r"$P_{ik} = \mathrm{softmax}(\mathbf{o}_i)_k$", fontsize=11
    )
    return fig


# 2**8 = 256 pieces already outnumber the pixels across a panel
MAX_DEPTH = 8


def _as_depths(depths):
    """``depths`` as a non-empty list of ints in ``[1, MAX_DEPTH]``."""
    try:
        depths = list(depths)
    except TypeError:
        raise TypeError(
            f"depths must be a sequence of ints, got {depths!r}"
        ) from None
    if not depths:
        raise ValueError("depths must hold at least one depth")
    depths = [as_int(k, "each of depths", minimum=1) for k in depths]
    if max(depths) > MAX_DEPTH:
        raise ValueError(
            f"each of depths must be at most {MAX_DEPTH}, got {max(depths)}"
        )
    return depths


@figure("tent", page="depth")
def tent(c, *, depths=(1, 2, 3, 4)):
    """The tent map composed k times, with its 2**k linear pieces, chapter 6.

    Each curve is ``tent_network(k)`` evaluated on a grid of 8 steps per piece,
    so the kinks fall on grid points; dots mark them and the title gives the
    number of pieces counted by `dlintro.count_linear_pieces`.

    Parameters
    ----------
    c : dict
        The palette's colours.
    depths : sequence of int, default (1, 2, 3, 4)
        The ``k`` of each panel, passed to `dlintro.tent_network`; each
        from 1 to ``MAX_DEPTH``.

    Returns
    -------
    matplotlib.figure.Figure
    """
    depths = _as_depths(depths)
    fig = Figure(figsize=(1.8 * len(depths), 2.2), layout="constrained")
    axes = np.atleast_1d(fig.subplots(1, len(depths), sharey=True))
    for ax, k in zip(axes, depths, strict=True):
        x = np.linspace(0.0, 1.0, 2 ** (k + 3) + 1)  # 8 grid steps per piece
        y = tent_network(k).forward(x[:, None]).ravel()
        pieces = count_linear_pieces(x, y)
        ax.plot(x, y, color=c["cycle"][0])
        # a dot at every kink (and at both ends): 8 grid steps apart
        ax.plot(x[::8], y[::8], "o", color=c["cycle"][0], markersize=3.5)
        ax.set_title(f"$t^{{({k})}}:\\ N = {pieces}$", fontsize=11)
        ax.set_xticks([0, 0.5, 1], ["0", "½", "1"])
        ax.set_xlim(-0.05, 1.05)
        ax.set_ylim(-0.08, 1.1)
        ax.set_xlabel("$x$")
    axes[0].set_yticks([0, 0.5, 1], ["0", "½", "1"])
    return fig
