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


class Stop(Exception):
    pass


def _stop(v):
    raise Stop


@pytest.mark.parametrize(
    ("f", "x", "kwargs", "error", "message"),
    [
        (cube_sum, [1.0, np.nan], {}, ValueError, r"x must contain only finite values, found nan"),
        (lambda v: None, [1.0, 2.0], {}, TypeError, r"f must return a real number, got NoneType"),
        (lambda v: "1.5", [1.0, 2.0], {}, TypeError, r"f must return a real number, got str"),
        (lambda v: 10**400, [1.0, 2.0], {}, ValueError, r"f returned inf"),
        (lambda v: v, [1.0, 2.0], {}, TypeError, r"f must return a real number, got ndarray"),
        (cube_sum, [1e308, 2.0], {"h": 1e308}, ValueError, r"h is too large for x"),
        (cube_sum, [1.0, 2.0], {"h": 1e308}, ValueError, r"overflowed .*f, x or h"),  # in f
        (cube_sum, [1e20, 2.0], {}, ValueError, r"h is too small for x: x \+ h rounds to x"),
        (_stop, [1.0, 2.0], {}, Stop, None),
        (cube_sum, [1.0, 2.0], {"h": 5e-324}, ValueError, r"h is too small for x"),
        (lambda v: float(v[0] > 0), [0.0], {"h": 1e-310}, ValueError, r"overflowed .*f, x or h"),
    ],
)
def test_x_is_restored_on_every_exit(f, x, kwargs, error, message):
    # An error inside the loop skipped the restore: x stayed nudged.
    x = np.array(x)
    before = x.copy()
    with pytest.raises(error, match=message):
        numerical_gradient(f, x, **kwargs)
    np.testing.assert_array_equal(x, before)


def test_f_raising_on_the_second_call_leaves_x_restored():
    x, calls = np.array([1.0, 2.0]), []

    def f(v):
        calls.append(v.copy())
        if len(calls) == 2:  # x[0] is nudged down now
            raise Stop
        return cube_sum(v)

    with pytest.raises(Stop):
        numerical_gradient(f, x)
    np.testing.assert_array_equal(x, [1.0, 2.0])


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")  # making a np.matrix
@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: np.ones(4)[::2], None, None),  # a writeable view is fine
        (
            lambda: np.frombuffer(b"\0" * 16),
            ValueError,
            r"x must be writeable \(it is nudged in place\)",
        ),
        (lambda: np.ma.array([1.0, 2.0]), TypeError, r"x must be a numpy.ndarray .*MaskedArray"),
        (lambda: np.asmatrix([[1.0, 2.0]]), TypeError, r"x must be a numpy.ndarray .*got matrix"),
    ],
)
def test_x_must_be_a_plain_writeable_array(make, error, message):
    x = make()
    if error is None:
        np.testing.assert_allclose(numerical_gradient(cube_sum, x), 3 * x**2, rtol=1e-8)
        return
    with pytest.raises(error, match=message):
        numerical_gradient(cube_sum, x)


def test_a_float32_step_is_used_as_a_float64():
    # h = np.float32(1e-5) made the quotient float32: check_gradient then saw
    # 0 error between two float32-rounded gradients.
    x = np.array([0.3, 1.7])
    h = np.float32(1e-5)
    np.testing.assert_array_equal(
        numerical_gradient(cube_sum, x, h=h), numerical_gradient(cube_sum, x, h=float(h))
    )
    assert numerical_gradient(cube_sum, x, h=h).dtype == np.float64
    assert check_gradient(cube_sum, x, 3 * x**2, h=h).max_relative_error > 0


def test_check_gradient_blames_analytic_not_numeric():
    # numeric is computed inside; the caller never passed it.
    x = np.ones(2)
    with pytest.raises(
        ValueError, match=r"^analytic must have the shape of x \(2,\), got shape \(3,\)"
    ):
        check_gradient(cube_sum, x, np.ones(3))
    with pytest.raises(ValueError, match=r"^analytic must contain only finite values"):
        check_gradient(cube_sum, x, [np.inf, 1.0])


def test_relative_error_stays_in_0_2_for_the_largest_floats():
    # |a - n| overflowed to inf for opposite signs near the float64 maximum.
    np.testing.assert_array_equal(relative_error([1e308, -1.7e308], [-1e308, 1.7e308]), [2.0, 2.0])
    np.testing.assert_array_equal(relative_error([5e-324], [0.0]), [1.0])


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"max_relative_error": -1.0}, ValueError, r"max_relative_error must be non-negative"),
        ({"max_relative_error": "a"}, TypeError, r"max_relative_error must be a float"),
        ({"worst_index": (0.5,)}, TypeError, r"each of worst_index must be an int"),
        ({"worst_index": 0}, TypeError, r"worst_index must be a tuple of ints"),
        ({"analytic": np.nan}, ValueError, r"analytic must be finite, got nan"),
        ({"numeric": None}, TypeError, r"numeric must be a float, got NoneType"),
    ],
)
def test_gradient_check_holds_checked_numbers(kwargs, error, message):
    fields = {"max_relative_error": 0.5, "worst_index": (1,), "analytic": 1.0, "numeric": 2.0}
    with pytest.raises(error, match=message):
        GradientCheck(**(fields | kwargs))
    result = GradientCheck(np.float32(0.5), [np.int64(1)], np.int8(1), 2)
    assert result == GradientCheck(**fields)
    assert type(result.max_relative_error) is float and type(result.worst_index[0]) is int
