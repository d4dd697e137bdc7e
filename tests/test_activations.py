"""dlintro.activations: sigmoid, tanh, ReLU and their derivatives."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from dlintro import (
    numerical_gradient,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    tanh,
    tanh_derivative,
)

ACTIVATIONS = [
    (sigmoid, sigmoid_derivative),
    (tanh, tanh_derivative),
    (relu, relu_derivative),
]
finite = st.floats(-1e300, 1e300, allow_nan=False, allow_infinity=False)
any_arrays = arrays(np.float64, array_shapes(min_dims=0, max_dims=3, max_side=4), elements=finite)


@given(any_arrays)
def test_sigmoid_is_in_0_1_without_overflow_warnings(z):
    # filterwarnings = error: an overflow in exp would fail this test.
    s = sigmoid(z)
    assert s.shape == np.shape(z)
    assert np.all((s >= 0) & (s <= 1))


def test_sigmoid_matches_the_textbook_formula_where_that_is_safe():
    z = np.linspace(-30, 30, 601)
    np.testing.assert_allclose(sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-14)


def test_sigmoid_keeps_tiny_probabilities_for_large_negative_inputs():
    # 1/(1+exp(700)) is about 1e-304: representable, and the stable form keeps it.
    assert sigmoid(-700.0) == pytest.approx(np.exp(-700.0), rel=1e-12)
    assert sigmoid(-1000.0) == 0.0 and sigmoid(1000.0) == 1.0


def test_tanh_is_twice_a_stretched_sigmoid_minus_one():
    z = np.linspace(-20, 20, 401)
    np.testing.assert_allclose(tanh(z), 2 * sigmoid(2 * z) - 1, atol=1e-15)


@pytest.mark.parametrize(("f", "df"), ACTIVATIONS, ids=["sigmoid", "tanh", "relu"])
def test_derivative_matches_central_differences(f, df):
    # Away from ReLU's kink at 0: the grid never comes within 1e-5 of it.
    z = np.linspace(-6, 6, 121) + 0.013
    numeric = numerical_gradient(lambda v: float(np.sum(f(v))), z.copy())
    np.testing.assert_allclose(df(z), numeric, rtol=1e-7, atol=1e-9)


def test_derivative_bounds():
    z = np.linspace(-50, 50, 100_001)
    assert sigmoid_derivative(z).max() == pytest.approx(0.25) == sigmoid_derivative(0.0)
    assert tanh_derivative(z).max() == pytest.approx(1.0) == tanh_derivative(0.0)
    assert np.all(sigmoid_derivative(z) >= 0) and np.all(tanh_derivative(z) >= 0)


def test_relu_and_its_derivative_at_and_around_zero():
    np.testing.assert_array_equal(relu([-1.0, 0.0, 2.0]), [0.0, 0.0, 2.0])
    np.testing.assert_array_equal(relu_derivative([-1.0, 0.0, 2.0]), [0.0, 0.0, 1.0])


@pytest.mark.parametrize("func", [f for pair in ACTIVATIONS for f in pair])
def test_shape_is_kept_and_bad_input_is_rejected(func):
    assert func(np.zeros((2, 3, 4))).shape == (2, 3, 4)
    assert np.ndim(func(0.5)) == 0
    with pytest.raises(ValueError, match=r"z must contain only finite values, found nan"):
        func([0.0, np.nan])
    with pytest.raises(TypeError, match=r"z must be an array of real numbers"):
        func(["x"])
    with pytest.raises(ValueError, match=r"z must not be empty"):
        func([])


def test_sigmoid_derivative_is_symmetric_and_keeps_its_digits_far_out():
    # 1 - sigmoid(37) rounds to 0; sigmoid(-37) does not.
    z = np.array([5.0, 37.0, 700.0])
    np.testing.assert_array_equal(sigmoid_derivative(z), sigmoid_derivative(-z))
    np.testing.assert_allclose(sigmoid_derivative(z), np.exp(-z) / (1 + np.exp(-z)) ** 2)


@pytest.mark.parametrize("func", [f for pair in ACTIVATIONS for f in pair])
def test_a_scalar_gives_a_scalar(func):
    assert isinstance(func(0.5), np.float64)
