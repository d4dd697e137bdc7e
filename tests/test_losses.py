"""dlintro.losses: mean squared error and softmax cross-entropy, with gradients."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from dlintro import MLP, mse, numerical_gradient, one_hot, softmax, softmax_cross_entropy, spiral


def test_mse_value_and_gradient_by_hand():
    O = np.array([[1.0, 2.0], [3.0, 4.0]])
    Y = np.array([[1.0, 0.0], [3.0, 5.0]])
    loss, grad = mse(O, Y)
    assert loss == pytest.approx((0 + 4 + 0 + 1) / 2 / 2)
    np.testing.assert_allclose(grad, (O - Y) / 2)


def test_mse_gradient_matches_central_differences():
    rng = np.random.default_rng(0)
    O, Y = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
    numeric = numerical_gradient(lambda o: mse(o, Y)[0], O.copy())
    np.testing.assert_allclose(mse(O, Y)[1], numeric, rtol=1e-7)


def test_cross_entropy_gradient_is_p_minus_y_over_n():
    rng = np.random.default_rng(1)
    O, labels = rng.normal(size=(6, 4)), rng.integers(0, 4, size=6)
    loss, grad = softmax_cross_entropy(O, labels)
    np.testing.assert_allclose(grad, (softmax(O) - one_hot(labels, 4)) / 6)
    numeric = numerical_gradient(lambda o: softmax_cross_entropy(o, labels)[0], O.copy())
    np.testing.assert_allclose(grad, numeric, rtol=1e-7)


def test_curriculum_example_p_minus_y():
    # softmax(log p) = p, so these scores give p = [.2, .3, .5]; true class 1.
    _, grad = softmax_cross_entropy(np.log([[0.2, 0.3, 0.5]]), [1])
    np.testing.assert_allclose(grad, [[0.2, -0.7, 0.5]])


def test_cross_entropy_is_minus_log_probability_of_the_true_class():
    O = np.array([[1.0, 2.0, 0.0], [-1.0, 0.0, 1.0]])
    loss, _ = softmax_cross_entropy(O, [1, 0])
    P = softmax(O)
    assert loss == pytest.approx(-(np.log(P[0, 1]) + np.log(P[1, 0])) / 2)


def test_cross_entropy_is_exact_where_the_probability_underflows():
    # softmax gives p = 0 for class 0 here; log(p + 1e-7) would cap the loss near 16.
    loss, grad = softmax_cross_entropy([[0.0, 800.0]], [0])
    assert loss == 800.0
    np.testing.assert_allclose(grad, [[-1.0, 1.0]])


@given(
    arrays(np.float64, (4, 3), elements=st.floats(-50, 50)),
    st.lists(st.integers(0, 2), min_size=4, max_size=4),
)
def test_one_hot_labels_give_the_same_loss_as_indices(scores, labels):
    by_index = softmax_cross_entropy(scores, labels)
    by_one_hot = softmax_cross_entropy(scores, one_hot(labels, 3))
    assert by_index[0] == pytest.approx(by_one_hot[0], rel=1e-12)
    np.testing.assert_allclose(by_index[1], by_one_hot[1])
    assert by_index[0] >= 0


@pytest.mark.parametrize("K", [2, 3, 5, 10])
def test_fresh_classifier_loss_is_near_log_k(K):
    X, labels = spiral(num_classes=K, points_per_class=100, rng=0)
    net = MLP([2, 64, K], activation="relu", rng=0)
    loss, _ = softmax_cross_entropy(net.forward(X), labels)
    assert abs(loss - np.log(K)) < 0.1


@pytest.mark.parametrize(
    ("scores", "labels", "error", "message"),
    [
        (np.zeros(3), [0], ValueError, r"scores must be 2-D with shape \(n, p\)"),
        (np.zeros((2, 3)), [0, 3], ValueError, r"labels must be class indices in \[0, 3\)"),
        (np.zeros((2, 3)), [0, 1, 2], ValueError, r"labels must have shape \(2,\) or \(2, 3\)"),
        (np.zeros((2, 3)), [0.0, 1.0], TypeError, r"labels must be integer class indices"),
        (
            np.zeros((2, 3)),
            np.zeros((2, 2)),
            ValueError,
            r"labels must have shape \(2,\) or \(2, 3\)",
        ),
        (np.zeros((2, 3)), np.ones((2, 3)), ValueError, r"2-D labels must be one-hot rows"),
        (np.zeros((2, 3)), [[1, 0, 0], [-1, 1, 1]], ValueError, r"one-hot rows"),
        ([[np.inf, 0.0]], [0], ValueError, r"scores must contain only finite values"),
    ],
)
def test_cross_entropy_rejects_bad_input(scores, labels, error, message):
    with pytest.raises(error, match=message):
        softmax_cross_entropy(scores, labels)


@pytest.mark.parametrize(
    ("outputs", "targets", "error", "message"),
    [
        (
            np.zeros((2, 3)),
            np.zeros((3, 2)),
            ValueError,
            r"targets must have the shape of outputs \(2, 3\), got shape \(3, 2\)",
        ),
        (np.zeros((2, 3, 1)), np.zeros((2, 3, 1)), ValueError, r"outputs must be 1-D or 2-D"),
        (np.zeros(2), ["a", "b"], TypeError, r"targets must be an array of real numbers"),
    ],
)
def test_mse_rejects_bad_input(outputs, targets, error, message):
    with pytest.raises(error, match=message):
        mse(outputs, targets)


def test_cross_entropy_of_scores_too_far_apart_is_an_error_not_nan():
    # It was NaN: 0 * -inf in Y * log_softmax. log P of the second class,
    # -2e308, is beyond float64, so there is no finite log_softmax to use.
    with pytest.raises(ValueError, match=r"a value in scores is too large"):
        softmax_cross_entropy([[1e308, -1e308]], [0])
    loss, grad = softmax_cross_entropy([[1e308, 0.0]], [0])  # within range: exact
    assert loss == 0.0 and np.array_equal(grad, [[0.0, 0.0]])


@pytest.mark.parametrize(
    "labels, error, message",
    [
        (
            np.full((1, 2), 1e308),
            ValueError,
            r"2-D labels must be one-hot rows",
        ),  # the sum overflowed
        (
            [[1.0, 0.0], [0.0]],
            ValueError,
            r"labels must be a rectangular array",
        ),  # NumPy's raw message
        (np.ma.array([0]), TypeError, r"labels must be a plain array, not a masked array"),
    ],
)
def test_odd_labels_are_refused_clearly(labels, error, message):
    with pytest.raises(error, match=message):
        softmax_cross_entropy([[0.0, 1.0]], labels)


@pytest.mark.parametrize(
    "outputs, targets", [([[1e200]], [[0.0]]), ([[1e308]], [[-1e308]]), ([1e300, 1e300], [0, 0])]
)
def test_an_overflowing_mse_is_an_error_not_inf(outputs, targets):
    with pytest.raises(ValueError, match=r"^mse overflowed .*outputs or targets is too large"):
        mse(outputs, targets)
