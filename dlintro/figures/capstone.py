"""Figures of chapter 9: the capstone's training run, drawn from the run itself."""

from functools import cache

import numpy as np
from matplotlib.figure import Figure

from dlintro import (
    MLP,
    accuracy,
    predict,
    softmax_cross_entropy,
    spiral,
    train,
)
from dlintro._validation import as_int
from dlintro.figures._registry import figure
from dlintro.settings import CAPSTONE

# The capstone page's run (the command line's defaults): the linear model and the MLP.
SIZES = {"linear": [2, 3], "mlp": [2, CAPSTONE["hidden"], 3]}
MARKERS = ["o", "s", "^"]  # classes differ in shape too, not only in colour


@cache
def capstone_run():
    """Train both models of the capstone page: the data and ``{name: (model, losses)}``.

    ``losses[0]`` is the loss before training, ``losses[t]`` the mean loss of
    epoch ``t``. Cached: the two figures show the same run.
    """
    seed = CAPSTONE["seed"]
    X, labels = spiral(num_classes=3, points_per_class=100, rng=seed)
    settings = {
        k: CAPSTONE[k] for k in ("learning_rate", "epochs", "batch_size")
    }
    runs = {}
    for name, sizes in SIZES.items():
        model = MLP(sizes, rng=seed)
        start, _ = softmax_cross_entropy(model.forward(X), labels)
        losses = train(model, X, labels, **settings, rng=seed)
        runs[name] = model, np.concatenate([[start], losses])
    return X, labels, runs


@figure("loss-curve", page="capstone")
def loss_curve(c):
    """Mean training loss per epoch of the MLP and of the linear model.

    Parameters
    ----------
    c : dict
        The palette's colours (``dlintro.figures._style.PALETTES``).
    """
    _, _, runs = capstone_run()
    epochs = CAPSTONE["epochs"]
    fig = Figure(figsize=(6.4, 3.4), layout="constrained")
    ax = fig.subplots()
    for (name, (_, losses)), color in zip(
        runs.items(), c["cycle"], strict=False
    ):
        ax.plot(
            np.arange(len(losses)),
            losses,
            color=color,
            label=f"MLP({SIZES[name]})",
        )
    ax.axhline(np.log(3), color=c["muted"], linewidth=1, linestyle="--")
    ax.annotate(
        r"$\ln 3$",
        (epochs, np.log(3)),
        xytext=(0, 4),
        textcoords="offset points",
        ha="right",
        va="bottom",
        color=c["muted"],
    )
    ax.set_xlim(0, epochs)
    ax.set_ylim(0, 1.2)
    ax.set_ylabel("$L$")
    ax.legend(loc="upper right", bbox_to_anchor=(1, 0.92))
    return fig


@figure("decision-regions", page="capstone")
def decision_regions(c, *, resolution=80):
    """The class each model predicts over the plane, beside the training points.

    Parameters
    ----------
    c : dict
        The palette's colours (``dlintro.figures._style.PALETTES``).
    resolution : int, optional
        Grid points per axis at which the models are evaluated (at least 2).
    """
    resolution = as_int(resolution, "resolution", minimum=2)
    X, labels, runs = capstone_run()
    grid = np.linspace(-1.1, 1.1, resolution)
    gx, gy = np.meshgrid(grid, grid)
    plane = np.column_stack([gx.ravel(), gy.ravel()])
    fig = Figure(figsize=(7.2, 3.7), layout="constrained")
    axes = fig.subplots(1, 2, sharey=True)
    for ax, (name, (model, _)) in zip(axes, runs.items(), strict=True):
        regions = predict(model.forward(plane)).reshape(gx.shape)
        ax.contourf(
            gx,
            gy,
            regions,
            levels=[-0.5, 0.5, 1.5, 2.5],
            colors=c["cycle"][:3],
            alpha=0.3,
        )
        for k in range(3):
            ax.scatter(
                *X[labels == k].T,
                s=14,
                marker=MARKERS[k],
                color=c["cycle"][k],
                edgecolors=c["text"],
                linewidths=0.4,
            )
        acc = accuracy(model.forward(X), labels)
        ax.set_title(f"MLP({SIZES[name]}):  {acc:.1%}", fontsize=11)
        ax.set_aspect("equal")
        ax.grid(False)
        ax.set_xlabel("$x_1$")
    axes[0].set_ylabel("$x_2$")
    return fig
