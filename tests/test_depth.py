"""dlintro.depth: the tent map's 2**k pieces and a bump approximation."""

import numpy as np
import pytest

from dlintro import MLP, bump_network, count_linear_pieces, relu, tent_network


@pytest.mark.parametrize("k", range(1, 7))
def test_tent_map_composed_k_times_has_2_to_the_k_pieces(k):
    net = tent_network(k)
    assert [lin.W.shape[1] for lin in net.linears[:-1]] == [2] * k  # 2 units per layer
    x = np.linspace(0.0, 1.0, 2 ** (k + 3) + 1)
    assert count_linear_pieces(x, net.forward(x[:, None]).ravel()) == 2**k


def test_one_tent_is_2_relu_x_minus_4_relu_x_minus_half():
    x = np.linspace(-0.5, 1.5, 201)
    np.testing.assert_allclose(
        tent_network(1).forward(x[:, None]).ravel(), 2 * relu(x) - 4 * relu(x - 0.5)
    )


def test_tent_network_is_the_composition():
    x = np.linspace(0.0, 1.0, 101)[:, None]
    once = tent_network(1).forward
    np.testing.assert_allclose(tent_network(3).forward(x), once(once(once(x))))


@pytest.mark.parametrize("m", [1, 2, 5, 10, 40])
@pytest.mark.parametrize("seed", range(5))
def test_one_hidden_layer_of_m_relu_units_has_at_most_m_plus_1_pieces(m, seed):
    net = MLP([1, m, 1], activation="relu", rng=seed)
    hidden = net.linears[0]
    # Fresh biases are 0 (every kink at x = 0); a separate stream moves them.
    hidden.b[:] = np.random.default_rng(1000 + seed).uniform(-1, 1, size=m)
    x = np.linspace(-3.0, 3.0, 200_001)
    pieces = count_linear_pieces(x, net.forward(x[:, None]).ravel())
    kinks = np.sort(-hidden.b / hidden.W[0])  # unit j bends where x w_j + b_j = 0
    kinks = kinks[np.abs(kinks) < 3.0]
    # Kinks at least three grid steps apart are always told apart; closer
    # ones may count as one.
    clusters = 1 + np.count_nonzero(np.diff(kinks) >= 3 * (x[1] - x[0])) if kinks.size else 0
    assert 1 + clusters <= pieces <= 1 + kinks.size
    assert pieces <= m + 1


def test_count_linear_pieces_on_known_functions():
    x = np.linspace(-2.0, 2.0, 4001)
    assert count_linear_pieces(x, 3 * x + 1) == 1
    assert count_linear_pieces(x, np.abs(x)) == 2
    # kinks at -1.0005 and 0.3337 fall between grid points: still one each
    assert count_linear_pieces(x, relu(x + 1.0005) + relu(x - 0.3337)) == 3


def test_bump_approximation_improves_with_more_bumps():
    x = np.linspace(0.05, 2.95, 1000)[:, None]
    errors = [
        np.abs(
            bump_network(np.sin, m, steepness=40.0 * m, interval=(0, 3)).forward(x) - np.sin(x)
        ).max()
        for m in (5, 20, 80)
    ]
    assert errors[0] > errors[1] > errors[2]
    assert errors[2] < 0.02
    assert bump_network(np.sin, 5, steepness=1.0).num_parameters == 3 * 10 + 1


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: tent_network(0), ValueError, r"depth must be at least 1, got 0"),
        (lambda: tent_network(2.0), TypeError, r"depth must be an int"),
        (lambda: count_linear_pieces([0.0, 1.0], [0.0]), ValueError, r"same shape \(m,\)"),
        (lambda: count_linear_pieces([1.0, 0.0], [0.0, 1.0]), ValueError, r"strictly increasing"),
        (lambda: bump_network(0, 3, steepness=1.0), TypeError, r"f must be callable"),
        (
            lambda: bump_network(np.sin, 0, steepness=1.0),
            ValueError,
            r"num_bumps must be at least 1",
        ),
        (
            lambda: bump_network(np.sin, 3, steepness=-1.0),
            ValueError,
            r"steepness must be positive and finite, got -1.0",
        ),
        (
            lambda: bump_network(np.sin, 3, steepness=1.0, interval=(1, 0)),
            ValueError,
            r"interval must be \(a, b\) with a < b, got \(1, 0\)",
        ),
        (lambda: bump_network(lambda x: 1.0, 3, steepness=1.0), ValueError, r"f\(x\) must be 1-D"),
    ],
)
def test_depth_rejects_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_kinks_between_grid_points_three_steps_apart_are_told_apart():
    x = np.arange(0.0, 12.0)  # grid step 1
    assert count_linear_pieces(x, relu(x - 3.5) - 2 * relu(x - 6.6)) == 3  # 3.1 steps apart


@pytest.mark.parametrize(
    ("rtol", "error", "message"),
    [
        (-1.0, ValueError, r"rtol must be non-negative and finite, got -1.0"),  # gave 2 pieces
        (np.nan, ValueError, r"rtol must be non-negative and finite, got nan"),  # gave 1
        (None, TypeError, r"rtol must be a float, got NoneType"),  # NumPy's own error
    ],
)
def test_count_linear_pieces_checks_rtol(rtol, error, message):
    x = np.linspace(0.0, 1.0, 5)
    with pytest.raises(error, match=message):
        count_linear_pieces(x, 2 * x, rtol=rtol)
    assert count_linear_pieces(x, 2 * x, rtol=0.0) == 1


def test_slopes_that_overflow_are_an_error_not_a_miscount():
    # [0, 1e308, -1e308, 0] has 3 pieces; its slopes overflowed and it gave 1.
    with pytest.raises(ValueError, match=r"^count_linear_pieces overflowed .*x, y or rtol"):
        count_linear_pieces([0.0, 1.0, 2.0, 3.0], [0.0, 1e308, -1e308, 0.0])
    x = np.arange(10.0)  # kinks at 3 and 6, three steps apart
    assert count_linear_pieces(x, 1e307 * np.array([0, 1, 2, 3, 2, 1, 0, 1, 2, 3])) == 3


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"steepness": 1e308}, ValueError, r"^bump_network overflowed .*steepness"),  # -inf biases
        ({"interval": (-1e308, 1e308)}, ValueError, r"^bump_network overflowed .*interval"),
        ({"interval": (0.0, np.nan)}, ValueError, r"interval must contain only finite values"),
        ({"steepness": "1"}, TypeError, r"steepness must be a float, got str"),
        ({"num_bumps": 10**12}, ValueError, r"num_bumps must be at most 10000000"),
        ({"f": lambda c: c * np.nan}, ValueError, r"f\(x\) must contain only finite values"),
    ],
)
def test_bump_network_refuses_what_would_overflow(kwargs, error, message):
    args = {"f": np.sin, "num_bumps": 2, "steepness": 10.0, "interval": (0.0, 3.0)} | kwargs
    with pytest.raises(error, match=message):
        bump_network(args.pop("f"), args.pop("num_bumps"), **args)


def test_tent_network_depth_is_capped():
    with pytest.raises(ValueError, match=r"depth must be at most 999, got 1000000000000"):
        tent_network(10**12)
