"""dlintro.gradcheck: finite differences, relative error, and the report."""

import numpy as np
import pytest

from dlintro import GradientCheck, check_gradient, numerical_gradient, relative_error


def cube_sum(v):
    return float(np.sum(v**3))


def test_central_differences_are_second_order_and_forward_first_order():
    x = np.array([0.5, -1.5, 2.0])
    exact = 3 * x**2
    central = numerical_gradient(cube_sum, x, h=1e-3)
    forward = numerical_gradient(cube_sum, x, h=1e-3, method="forward")
    # f''' = 6: central error h**2 f'''/6 = 1e-6; forward error h f''/2 = 3 x h.
    np.testing.assert_allclose(central - exact, 1e-6, rtol=1e-3)
    np.testing.assert_allclose(forward - exact, 3 * x * 1e-3, rtol=1e-2)


def test_x_is_restored_exactly():
    x = np.random.default_rng(0).normal(size=(3, 4))
    before = x.copy()
    numerical_gradient(cube_sum, x)
    np.testing.assert_array_equal(x, before)


def test_f_may_read_the_array_from_elsewhere():
    W = np.array([[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_allclose(numerical_gradient(lambda _: float(np.sum(W**2)), W), 2 * W)


def test_relative_error_definition():
    np.testing.assert_allclose(
        relative_error([1.0, 0.0, -2.0, 4.0], [1.25, 0.0, 2.0, 2.0]), [0.2, 0.0, 2.0, 0.5]
    )


def test_check_gradient_reports_the_worst_entry():
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    analytic = 3 * x**2
    analytic[1, 0] *= 1.1  # one wrong entry
    result = check_gradient(cube_sum, x, analytic)
    assert isinstance(result, GradientCheck)
    assert result.worst_index == (1, 0)
    assert result.max_relative_error == pytest.approx(0.1 / 1.1, rel=1e-6)
    assert result.analytic == pytest.approx(29.7) and result.numeric == pytest.approx(27.0)
    assert str(result) == ("max relative error 9.1e-02 at index (1, 0): analytic 29.7, numeric 27")


def test_correct_gradient_passes_the_float64_threshold():
    x = np.random.default_rng(0).normal(size=5) + 2.0
    assert check_gradient(cube_sum, x, 3 * x**2).max_relative_error < 1e-9


@pytest.mark.parametrize(
    ("f", "x", "kwargs", "error", "message"),
    [
        (None, np.ones(2), {}, TypeError, r"f must be callable, got NoneType"),
        (cube_sum, [1.0, 2.0], {}, TypeError, r"x must be a numpy.ndarray of float64"),
        (cube_sum, np.ones(2, dtype=np.float32), {}, TypeError, r"of dtype float32"),
        (cube_sum, np.ones(0), {}, ValueError, r"x must not be empty"),
        (cube_sum, np.ones(2), {"h": 0.0}, ValueError, r"h must be positive and finite, got 0.0"),
        (cube_sum, np.ones(2), {"h": "1e-5"}, TypeError, r"h must be a float"),
        (
            cube_sum,
            np.ones(2),
            {"method": "backward"},
            ValueError,
            r"method must be one of \['central', 'forward'\], got 'backward'",
        ),
        (
            lambda v: v,
            np.ones(2),
            {},
            TypeError,
            r"f must return a real number, got ndarray with shape \(2,\)",
        ),
        (lambda v: np.inf, np.ones(2), {}, ValueError, r"f returned inf"),
    ],
)
def test_numerical_gradient_rejects_bad_input(f, x, kwargs, error, message):
    with pytest.raises(error, match=message):
        numerical_gradient(f, x, **kwargs)


def test_relative_error_needs_equal_shapes():
    with pytest.raises(
        ValueError, match=r"numeric must have the shape of analytic \(2,\), got shape \(3,\)"
    ):
        relative_error(np.ones(2), np.ones(3))
