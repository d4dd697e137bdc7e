"""dlintro.linear_model: O = XW + b."""

import numpy as np
import pytest

from dlintro import linear


def test_linear_matches_the_per_entry_formula():
    rng = np.random.default_rng(0)
    X, W, b = rng.normal(size=(5, 4)), rng.normal(size=(4, 3)), rng.normal(size=3)
    O = linear(X, W, b)
    expected = np.array(
        [[sum(X[i, j] * W[j, k] for j in range(4)) + b[k] for k in range(3)] for i in range(5)]
    )
    assert O.shape == (5, 3)
    np.testing.assert_allclose(O, expected)


def test_bias_may_be_a_row_vector():
    X, W = np.ones((2, 3)), np.ones((3, 2))
    np.testing.assert_array_equal(
        linear(X, W, np.array([[1.0, 2.0]])), linear(X, W, np.array([1.0, 2.0]))
    )


@pytest.mark.parametrize(
    ("X", "W", "b", "error", "message"),
    [
        (
            np.ones(3),
            np.ones((3, 2)),
            np.ones(2),
            ValueError,
            r"X must be 2-D with shape \(n, d\), got shape \(3,\)",
        ),
        (
            np.ones((2, 3)),
            np.ones((2, 2)),
            np.ones(2),
            ValueError,
            r"W must have shape \(d, p\) with d = 3 rows to match X of shape \(2, 3\), "
            r"got shape \(2, 2\)",
        ),
        (
            np.ones((2, 3)),
            np.ones((3, 2)),
            np.ones(3),
            ValueError,
            r"b must have shape \(2,\) or \(1, 2\) to match W, got shape \(3,\)",
        ),
        (
            np.ones((2, 3)),
            np.ones((3, 2)),
            np.ones((2, 2)),
            ValueError,
            r"b must have shape \(2,\) or \(1, 2\)",
        ),
        (
            np.ones((2, 3)),
            np.ones((3, 2, 1)),
            np.ones(2),
            ValueError,
            r"W must be 2-D with shape \(d, p\)",
        ),
        (
            [["x", "y"]],
            np.ones((2, 2)),
            np.ones(2),
            TypeError,
            r"X must be an array of real numbers",
        ),
        (
            np.ones((2, 3)),
            np.full((3, 2), np.nan),
            np.ones(2),
            ValueError,
            r"W must contain only finite values",
        ),
    ],
)
def test_bad_shapes_are_rejected_with_a_clear_error(X, W, b, error, message):
    with pytest.raises(error, match=message):
        linear(X, W, b)


@pytest.mark.parametrize(
    "X, W, b",
    [
        ([[1e200]], [[1e200]], [0.0]),  # X @ W overflows
        ([[1.0]], [[1e308]], [1e308]),  # the sum overflows
        ([[1e308, 1e308]], [[1.0], [1.0]], [0.0]),
    ],
)
def test_an_overflowing_output_is_an_error_not_inf(X, W, b):
    # filterwarnings = error: a NumPy overflow warning would fail this test too
    with pytest.raises(ValueError, match=r"^linear overflowed float64 .*X, W or b is too large$"):
        linear(X, W, b)


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")  # making a np.matrix
def test_a_masked_or_matrix_input_is_refused():
    with pytest.raises(TypeError, match=r"W must be a plain array, not a masked array"):
        linear(np.ones((1, 2)), np.ma.array(np.ones((2, 1)), mask=[[1], [0]]), [0.0])
    with pytest.raises(TypeError, match=r"X must be a plain array, not numpy.matrix"):
        linear(np.asmatrix(np.ones((1, 2))), np.ones((2, 1)), [0.0])


def test_overflow_checks_work_in_any_thread():
    import threading

    results = []

    def run():
        try:
            linear([[1e200]], [[1e200]], [0.0])
        except ValueError as err:
            results.append(str(err))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert results and results[0].startswith("linear overflowed float64")
