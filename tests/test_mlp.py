"""dlintro.mlp: the MLP, its initialisation, and its backward pass end to end."""

import numpy as np
import pytest

from dlintro import (
    MLP,
    check_gradient,
    he_normal,
    relu,
    sigmoid_derivative,
    softmax_cross_entropy,
    spiral,
    xavier_normal,
)


def test_forward_is_the_layer_recurrence():
    rng = np.random.default_rng(0)
    net, X = MLP([3, 5, 4, 2], activation="relu", rng=0), rng.normal(size=(7, 3))
    H = X
    for i, lin in enumerate(net.linears):
        Z = H @ lin.W + lin.b
        H = relu(Z) if i < 2 else Z
    np.testing.assert_allclose(net.forward(X), H)


def test_layers_shapes_and_parameter_count():
    net = MLP([2, 100, 50, 3], activation="tanh", rng=0)
    assert [type(layer).__name__ for layer in net.layers] == [
        "Linear",
        "Tanh",
        "Linear",
        "Tanh",
        "Linear",
    ]
    assert [lin.W.shape for lin in net.linears] == [(2, 100), (100, 50), (50, 3)]
    assert net.num_parameters == (2 * 100 + 100) + (100 * 50 + 50) + (50 * 3 + 3)
    assert net.forward(np.zeros((8, 2))).shape == (8, 3)


def test_two_sizes_make_the_linear_model():
    net = MLP([4, 3], rng=0)
    assert [type(layer).__name__ for layer in net.layers] == ["Linear"]


def test_seeded_initialisation_is_reproducible():
    a, b = MLP([2, 8, 3], rng=5), MLP([2, 8, 3], rng=np.random.default_rng(5))
    for la, lb in zip(a.linears, b.linears, strict=True):
        np.testing.assert_array_equal(la.W, lb.W)


@pytest.mark.parametrize(
    ("init", "variance"), [(xavier_normal, 2 / (400 + 600)), (he_normal, 2 / 400)]
)
def test_initialisation_variance(init, variance):
    W = init(400, 600, np.random.default_rng(0))
    assert W.shape == (400, 600)
    assert W.mean() == pytest.approx(0.0, abs=3e-3)
    assert W.var() == pytest.approx(variance, rel=0.02)


def test_default_init_follows_the_activation():
    rng_w = he_normal(2, 64, np.random.default_rng(0))
    np.testing.assert_array_equal(MLP([2, 64, 3], "relu", rng=0).linears[0].W, rng_w)
    rng_w = xavier_normal(2, 64, np.random.default_rng(0))
    np.testing.assert_array_equal(MLP([2, 64, 3], "tanh", rng=0).linears[0].W, rng_w)


@pytest.mark.parametrize(("activation", "tol"), [("sigmoid", 1e-6), ("tanh", 1e-6), ("relu", 1e-4)])
@pytest.mark.parametrize("seed", range(5))
def test_whole_network_gradient_matches_central_differences(activation, tol, seed):
    # Through three layers a gradient entry can be small (sigmoid' <= 1/4
    # per layer), and rounding in f(x +- h) then weighs more: 1e-6 here.
    rng = np.random.default_rng(seed)
    net = MLP([4, 6, 5, 3], activation, rng=seed)
    for lin in net.linears:
        # Weights of order 1 (the fresh output layer is scaled by 0.01) and
        # nonzero biases, so that no unit sits exactly on ReLU's kink.
        lin.W[:] = rng.normal(size=lin.W.shape)
        lin.b[:] = rng.normal(size=lin.b.shape)
    X, G = rng.normal(size=(8, 4)), rng.normal(size=(8, 3))
    net.forward(X)
    dX = net.backward(G)

    def f(_):
        return np.sum(net.forward(X) * G)

    for lin in net.linears:
        for name in ("W", "b"):
            result = check_gradient(f, lin.parameters[name], lin.gradients[name])
            assert result.max_relative_error <= tol, f"{name}: {result}"
    assert check_gradient(f, X, dX).max_relative_error <= tol


def test_backward_is_the_two_layer_matrix_formula():
    rng = np.random.default_rng(0)
    net = MLP([4, 5, 3], activation="sigmoid", rng=0)
    X, labels = rng.normal(size=(6, 4)), rng.integers(0, 3, size=6)
    _, dO = softmax_cross_entropy(net.forward(X), labels)
    net.backward(dO)
    (l1, l2) = net.linears
    Z1 = X @ l1.W + l1.b
    H = 1 / (1 + np.exp(-Z1))
    dZ1 = (dO @ l2.W.T) * sigmoid_derivative(Z1)
    np.testing.assert_allclose(l2.dW, H.T @ dO)
    np.testing.assert_allclose(l1.dW, X.T @ dZ1)
    np.testing.assert_allclose(l1.db, dZ1.sum(axis=0))


def test_fresh_three_class_loss_is_within_0_05_of_ln_3():
    X, labels = spiral(3, 100, rng=0)
    for activation in ("relu", "tanh", "sigmoid"):
        loss, _ = softmax_cross_entropy(MLP([2, 100, 3], activation, rng=0).forward(X), labels)
        assert abs(loss - np.log(3)) < 0.05


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"sizes": [3]}, ValueError, r"sizes must list at least 2 layer sizes"),
        ({"sizes": 3}, TypeError, r"sizes must be a list of ints"),
        ({"sizes": [2, 0, 1]}, ValueError, r"each of sizes must be at least 1, got 0"),
        ({"sizes": [2, 2.5, 1]}, TypeError, r"each of sizes must be an int, got 2.5"),
        ({"sizes": [2, 1], "activation": "elu"}, ValueError, r"activation must be one of"),
        ({"sizes": [2, 1], "init": "zeros"}, ValueError, r"init must be one of \['he', 'xavier'\]"),
        (
            {"sizes": [2, 1], "rng": "seed"},
            TypeError,
            r"rng must be a numpy.random.Generator or an int",
        ),
    ],
)
def test_mlp_rejects_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        MLP(**kwargs)


@pytest.mark.parametrize("init", [xavier_normal, he_normal])
def test_init_rejects_bad_arguments(init):
    with pytest.raises(ValueError, match=r"fan_in must be at least 1, got 0"):
        init(0, 3, np.random.default_rng(0))
    with pytest.raises(TypeError, match=r"rng must be a numpy.random.Generator or an int seed"):
        init(2, 3, "seed")
    np.testing.assert_array_equal(init(2, 3, 7), init(2, 3, np.random.default_rng(7)))


def test_mlp_backward_names_do_and_itself():
    # Every error came from the last Linear's backward and named dZ.
    net = MLP([2, 4, 3], rng=0)
    with pytest.raises(RuntimeError, match=r"^MLP.backward called before forward$"):
        net.backward(np.ones((5, 3)))
    net.forward(np.ones((5, 2)))
    for dO, message in [
        (np.ones((3, 5)), r"^dO must have the shape of the output \(5, 3\), got shape \(3, 5\)"),
        (np.full((5, 3), np.nan), r"^dO must contain only finite values"),
        (np.full((5, 3), "a"), r"^dO must be an array of real numbers"),
        (np.full((5, 3), 1e308), r"^MLP.backward overflowed .*dO"),
    ]:
        with pytest.raises((ValueError, TypeError), match=message):
            net.backward(dO)


def test_an_overflowing_mlp_forward_is_an_error_not_inf():
    net = MLP([2, 4, 3], rng=0)
    with pytest.raises(ValueError, match=r"^MLP.forward overflowed .*X \(or the model's weights\)"):
        net.forward(np.full((1, 2), 1e308))


@pytest.mark.parametrize(
    "sizes, error, message",
    [
        ({2: "a", 3: "b"}, TypeError, r"sizes must be a list of ints \[d, ..., p\], got dict"),
        ({2, 3}, TypeError, r"sizes must be a list of ints \[d, ..., p\], got set"),
        ("23", TypeError, r"sizes must be a list of ints \[d, ..., p\], got str"),
        (np.array([[2, 3]]), TypeError, r"sizes must be a list of ints .*got shape \(1, 2\)"),
        ([2, 10**12], ValueError, r"each of sizes must be at most 100000000, got 1000000000000"),
        ([2, 2**63], ValueError, r"each of sizes must be at most 100000000"),
        ([20_000, 20_000], ValueError, r"the number of parameters of sizes must be at most 10+"),
        ([2] * 1003, ValueError, r"sizes must list at most 1001 layer sizes, got 1003"),
    ],
)
def test_sizes_that_are_no_list_or_too_large_are_refused(sizes, error, message):
    with pytest.raises(error, match=message):
        MLP(sizes)


def test_a_tuple_or_array_of_sizes_is_a_list_of_sizes():
    for sizes in ((2, 4, 3), np.array([2, 4, 3]), range(2, 5)):
        assert MLP(sizes, rng=0).linears[0].W.shape[0] == 2


@pytest.mark.parametrize(
    "make",
    [
        lambda rng: MLP([2, 3], rng=rng),
        lambda rng: xavier_normal(2, 3, rng),
        lambda rng: he_normal(2, 3, rng),
    ],
)
def test_a_negative_seed_names_rng(make):
    with pytest.raises(ValueError, match=r"^rng must be a non-negative int seed, got -1$"):
        make(-1)


@pytest.mark.parametrize("init", [xavier_normal, he_normal])
def test_init_caps_the_size_of_w(init):
    with pytest.raises(ValueError, match=r"fan_in \* fan_out must be at most 100000000"):
        init(10**6, 10**6)
    with pytest.raises(
        ValueError, match=r"fan_in must be at most 100000000, got 9223372036854775808"
    ):
        init(2**63, 1)
