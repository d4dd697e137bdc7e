"""dlintro.layers: every backward pass agrees with central differences.

Each layer is checked with the scalar f(X) = sum(forward(X) * G) for a random
upstream gradient G: its exact gradient is backward(G), entries of order 1,
so the relative error measures the backward pass and not rounding noise.
"""

import numpy as np
import pytest

from dlintro import Linear, ReLU, Sigmoid, Tanh, check_gradient, relu_derivative

SMOOTH_TOL = 1e-7  # float64, smooth functions
KINK_TOL = 1e-4  # ReLU: a nudge of h may cross a kink


def _linear(rng):
    return Linear(rng.normal(size=(4, 3)), rng.normal(size=3))


@pytest.mark.parametrize("seed", range(5))
def test_linear_backward_matches_central_differences(seed):
    rng = np.random.default_rng(seed)
    layer, X, G = _linear(rng), rng.normal(size=(6, 4)), rng.normal(size=(6, 3))
    layer.forward(X)
    dX = layer.backward(G)
    dW, db = layer.dW, layer.db

    def f(_):
        return np.sum(layer.forward(X) * G)

    for param, grad in [(X, dX), (layer.W, dW), (layer.b, db)]:
        result = check_gradient(f, param, grad)
        assert result.max_relative_error <= SMOOTH_TOL, str(result)


@pytest.mark.parametrize(
    ("layer_type", "tol"),
    [(Sigmoid, SMOOTH_TOL), (Tanh, SMOOTH_TOL), (ReLU, KINK_TOL)],
    ids=["sigmoid", "tanh", "relu"],
)
@pytest.mark.parametrize("seed", range(5))
def test_activation_backward_matches_central_differences(layer_type, tol, seed):
    rng = np.random.default_rng(seed)
    layer, Z, G = layer_type(), rng.normal(size=(6, 5)), rng.normal(size=(6, 5))
    layer.forward(Z)
    dZ = layer.backward(G)
    result = check_gradient(lambda z: np.sum(layer.forward(z) * G), Z, dZ)
    assert result.max_relative_error <= tol, str(result)


def test_linear_gradient_formulas():
    rng = np.random.default_rng(0)
    layer, X, dZ = _linear(rng), rng.normal(size=(6, 4)), rng.normal(size=(6, 3))
    np.testing.assert_allclose(layer.forward(X), X @ layer.W + layer.b)
    dX = layer.backward(dZ)
    np.testing.assert_allclose(layer.dW, X.T @ dZ)
    np.testing.assert_allclose(layer.db, dZ.sum(axis=0))
    np.testing.assert_allclose(dX, dZ @ layer.W.T)
    assert layer.parameters["W"] is layer.W and layer.gradients["b"] is layer.db


def test_relu_backward_passes_the_gradient_only_where_z_is_positive():
    layer, Z = ReLU(), np.array([[-1.0, 0.0, 2.0]])
    layer.forward(Z)
    np.testing.assert_array_equal(layer.backward(np.full((1, 3), 7.0)), 7.0 * relu_derivative(Z))


def test_linear_keeps_its_own_copy_of_the_parameters():
    W = np.ones((2, 2))
    layer = Linear(W, np.zeros(2))
    layer.W += 1
    assert W[0, 0] == 1.0


@pytest.mark.parametrize("layer", [Linear(np.ones((2, 2)), np.zeros(2)), Sigmoid(), Tanh(), ReLU()])
def test_backward_before_forward_is_an_error(layer):
    with pytest.raises(RuntimeError, match=r"backward called before forward"):
        layer.backward(np.ones((1, 2)))


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: Linear(np.ones(3), np.zeros(3)), ValueError, r"W must be 2-D with shape \(d, p\)"),
        (
            lambda: Linear(np.ones((2, 3)), np.zeros(2)),
            ValueError,
            r"b must have shape \(3,\) to match W of shape \(2, 3\), got shape \(2,\)",
        ),
        (
            lambda: Linear(np.ones((2, 3)), np.zeros(3)).forward(np.ones((4, 5))),
            ValueError,
            r"X must have shape \(n, 2\) to match W, got shape \(4, 5\)",
        ),
        (lambda: Linear([["a"]], [0.0]), TypeError, r"W must be an array of real numbers"),
    ],
)
def test_linear_rejects_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("layer", [Linear(np.ones((2, 3)), np.zeros(3)), Sigmoid(), Tanh(), ReLU()])
def test_upstream_gradient_must_have_the_output_shape(layer):
    out = layer.forward(np.ones((4, 2)) if isinstance(layer, Linear) else np.ones((4, 3)))
    assert out.shape == (4, 3)
    with pytest.raises(ValueError, match=r"must have the shape of the output \(4, 3\)"):
        layer.backward(np.ones((3, 4)))


def test_sigmoid_and_tanh_return_the_array_they_keep_as_documented():
    # Sharing on purpose: the next Linear of an MLP keeps the same array, so
    # a network keeps one array per sigmoid or tanh layer, not two.
    for layer_type in (Sigmoid, Tanh):
        layer = layer_type()
        H = layer.forward(np.array([[0.5, -1.0]]))
        assert H is layer._H
        assert "copy the" in " ".join(layer_type.__doc__.split())


def test_linear_and_relu_keep_their_input_as_documented():
    X = np.array([[1.0, 2.0]])
    layer = Linear(np.ones((2, 1)), np.zeros(1))
    layer.forward(X)
    X[0, 0] = 5.0  # changed between forward and backward ...
    layer.backward(np.ones((1, 1)))
    np.testing.assert_array_equal(layer.dW, [[5.0], [2.0]])  # ... and dW with it
    relu_layer, Z = ReLU(), np.array([[-1.0, 1.0]])
    relu_layer.forward(Z)
    assert relu_layer._Z is Z
    assert "not a copy" in Linear.__doc__ and "not a copy" in ReLU.__doc__


def test_activation_layers_name_their_own_argument():
    # Sigmoid and Tanh passed Z on to sigmoid(z), whose messages named z.
    for layer_type in (Sigmoid, Tanh, ReLU):
        with pytest.raises(ValueError, match=r"^Z must contain only finite values"):
            layer_type().forward([[np.nan]])


@pytest.mark.parametrize(
    "X, message",
    [
        (np.full((1, 2), 1e200), r"^Linear.forward overflowed .*X \(or the layer's W and b\)"),
        (np.array([[1e308, 1e308]]), r"^Linear.forward overflowed"),
    ],
)
def test_an_overflowing_linear_forward_is_an_error_not_inf(X, message):
    layer = Linear(np.full((2, 2), 1e200), np.zeros(2))
    with pytest.raises(ValueError, match=message):
        layer.forward(X)


def test_an_overflowing_linear_backward_names_dz():
    layer = Linear(np.ones((2, 2)), np.zeros(2))
    layer.forward(np.full((3, 2), 1e300))
    with pytest.raises(ValueError, match=r"^Linear.backward overflowed .*dZ"):
        layer.backward(np.full((3, 2), 1e10))
