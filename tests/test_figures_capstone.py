"""Chapter 9's figures show the capstone page's own training run."""

import numpy as np
import pytest

from dlintro import MLP, accuracy, predict, softmax_cross_entropy, spiral, train
from dlintro.figures import capstone
from dlintro.figures._style import colors


@pytest.fixture(scope="module")
def page_run():
    """The run as the page writes it out, independently of the figure module."""
    X, labels = spiral(num_classes=3, points_per_class=100, rng=0)
    runs = {}
    for sizes in ([2, 3], [2, 100, 3]):
        model = MLP(sizes, rng=0)
        start, _ = softmax_cross_entropy(model.forward(X), labels)
        losses = train(model, X, labels, learning_rate=0.2, epochs=300, batch_size=32, rng=0)
        runs[str(sizes)] = model, np.concatenate([[start], losses])
    return X, labels, runs


def test_loss_curve_plots_each_epochs_loss(page_run):
    _, _, runs = page_run
    ax = capstone.loss_curve(colors("light")).axes[0]
    curves = {line.get_label(): line for line in ax.get_lines() if len(line.get_xdata()) > 2}
    assert sorted(curves) == ["MLP([2, 100, 3])", "MLP([2, 3])"]
    for sizes, (_, losses) in runs.items():
        line = curves[f"MLP({sizes})"]
        np.testing.assert_array_equal(line.get_xdata(), np.arange(301))
        np.testing.assert_array_equal(line.get_ydata(), losses)
        assert abs(losses[0] - np.log(3)) < 0.05  # starts at ln 3, as the page checks


def test_decision_regions_show_each_models_predictions_and_accuracy(page_run):
    X, labels, runs = page_run
    fig = capstone.decision_regions(colors("dark"), resolution=40)
    assert len(fig.axes) == 2
    for ax, (sizes, (model, _)) in zip(fig.axes, runs.items(), strict=True):
        assert ax.get_title() == f"MLP({sizes}):  {accuracy(model.forward(X), labels):.1%}"
        # the points: one scatter per class, at the data's coordinates
        points = [collection.get_offsets() for collection in ax.collections[1:]]
        for k, offsets in enumerate(points):
            np.testing.assert_array_equal(offsets, X[labels == k])
        # the shaded regions: the predicted class on a 40 x 40 grid
        regions = ax.collections[0]
        grid = np.linspace(-1.1, 1.1, 40)
        gx, gy = np.meshgrid(grid, grid)
        predicted = predict(model.forward(np.column_stack([gx.ravel(), gy.ravel()])))
        np.testing.assert_array_equal(np.unique(predicted), np.arange(3))
        assert list(regions.levels) == [-0.5, 0.5, 1.5, 2.5]
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["MLP([2, 3]):  54.3%", "MLP([2, 100, 3]):  98.7%"]
