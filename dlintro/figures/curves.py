"""Figures that plot functions of ``dlintro``: activations, softmax, the tent map."""

import numpy as np
from matplotlib.figure import Figure

from dlintro import (
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    tanh,
    tanh_derivative,
)


def activations(c):
    """Sigmoid, tanh and ReLU (top) above their derivatives (bottom), chapter 4."""
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
