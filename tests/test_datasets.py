"""dlintro.datasets: the spiral."""

import numpy as np
import pytest

from dlintro import spiral


def test_shapes_labels_and_radius():
    X, labels = spiral(num_classes=4, points_per_class=50, rng=0)
    assert X.shape == (200, 2) and labels.shape == (200,)
    np.testing.assert_array_equal(np.bincount(labels), [50] * 4)
    np.testing.assert_allclose(np.linalg.norm(X[:50], axis=1), np.linspace(0, 1, 50))


def test_seed_makes_it_reproducible():
    a, b = spiral(rng=3), spiral(rng=3)
    np.testing.assert_array_equal(a[0], b[0])
    assert not np.array_equal(a[0], spiral(rng=4)[0])


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"num_classes": 1}, ValueError, r"num_classes must be at least 2, got 1"),
        ({"points_per_class": 0}, ValueError, r"points_per_class must be at least 1"),
        ({"points_per_class": 2.5}, TypeError, r"points_per_class must be an int"),
        ({"noise": -0.1}, ValueError, r"noise must be non-negative and finite"),
        ({"rng": 1.5}, TypeError, r"rng must be a numpy.random.Generator or an int seed"),
    ],
)
def test_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        spiral(**kwargs)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"noise": 1e308}, ValueError, r"^spiral overflowed .*noise is too large"),
        ({"noise": np.nan}, ValueError, r"noise must be non-negative and finite, got nan"),
        ({"noise": "0.1"}, TypeError, r"noise must be a float, got str"),
        ({"rng": -1}, ValueError, r"^rng must be a non-negative int seed, got -1$"),
        ({"points_per_class": 10**12}, ValueError, r"points_per_class must be at most 100000000"),
        ({"points_per_class": 2**63}, ValueError, r"points_per_class must be at most"),
        (
            {"num_classes": 10**4, "points_per_class": 10**4},
            ValueError,
            r"2 \* num_classes \* points_per_class must be at most 100000000, got 200000000",
        ),
    ],
)
def test_hostile_arguments_get_a_clear_error(kwargs, error, message):
    with pytest.raises(error, match=message):
        spiral(**kwargs)


def test_numpy_numbers_are_numbers():
    a = spiral(np.int64(3), np.uint8(5), noise=np.float32(0.25), rng=np.int64(1))
    b = spiral(3, 5, noise=float(np.float32(0.25)), rng=1)
    np.testing.assert_array_equal(a[0], b[0])
