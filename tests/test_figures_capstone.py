"""Chapter 9's figures show the capstone page's own training run."""

import numpy as np
import pytest

from dlintro import MLP, accuracy, predict, softmax_cross_entropy, spiral, train
from dlintro.figures import capstone
from dlintro.figures._style import colors
from tests.test_docs import figures_on


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
    grid = np.linspace(-1.1, 1.1, 40)
    gx, gy = np.meshgrid(grid, grid)
    plane = np.column_stack([gx.ravel(), gy.ravel()])
    for ax, (sizes, (model, _)) in zip(fig.axes, runs.items(), strict=True):
        assert ax.get_title() == f"MLP({sizes}):  {accuracy(model.forward(X), labels):.1%}"
        # the points: one scatter per class, at the data's coordinates
        regions, *points = ax.collections
        assert len(points) == 3
        for k, scatter in enumerate(points):
            np.testing.assert_array_equal(scatter.get_offsets(), X[labels == k])
        # the shaded regions: grid points whose four neighbours the model puts
        # in the same class lie inside that class's region, and no other
        predicted = predict(model.forward(plane)).reshape(gx.shape)
        inner = predicted[1:-1, 1:-1]
        same = (
            (inner == predicted[:-2, 1:-1])
            & (inner == predicted[2:, 1:-1])
            & (inner == predicted[1:-1, :-2])
            & (inner == predicted[1:-1, 2:])
        )
        points_inside = np.column_stack([gx[1:-1, 1:-1][same], gy[1:-1, 1:-1][same]])
        classes = inner[same]
        paths = regions.get_paths()
        assert len(paths) == 3
        for k, path in enumerate(paths):
            inside = path.contains_points(points_inside)
            assert (classes[inside] == k).all() and inside[classes == k].all()
    titles = [ax.get_title() for ax in fig.axes]
    assert titles == ["MLP([2, 3]):  54.3%", "MLP([2, 100, 3]):  98.7%"]
    # the alt text on both pages gives the same accuracies
    name = "decision-regions"
    for language in ("ko", "en"):
        (alt,) = [f["alt"] for f in figures_on(language, "capstone.md") if f["name"] == name]
        accuracies = [f"{accuracy(m.forward(X), labels):.1%}" for m, _ in runs.values()]
        assert all(a in alt for a in accuracies), (language, accuracies)
