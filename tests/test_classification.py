"""dlintro.classification: softmax, log_softmax, predict, one_hot."""

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

from dlintro import accuracy, log_softmax, one_hot, predict, softmax

# Finite float64 score matrices, up to 1e4 in magnitude: exp(1e4) overflows
# float64, so only the max-subtraction keeps softmax finite on these.
finite = st.floats(-1e4, 1e4, allow_nan=False, allow_infinity=False)
score_matrices = arrays(
    np.float64, array_shapes(min_dims=2, max_dims=2, max_side=6), elements=finite
)
shifts = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)


@given(score_matrices)
def test_softmax_rows_are_distributions(scores):
    p = softmax(scores)
    assert p.shape == scores.shape
    assert np.all(np.isfinite(p))
    assert np.all((p >= 0) & (p <= 1))
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-12)


@given(score_matrices, st.lists(shifts, min_size=6, max_size=6))
def test_softmax_is_invariant_to_a_constant_per_row(scores, row_shifts):
    c = np.array(row_shifts[: scores.shape[0]])[:, None]
    np.testing.assert_allclose(softmax(scores + c), softmax(scores), rtol=1e-6, atol=1e-12)


@given(score_matrices)
def test_softmax_keeps_the_argmax(scores):
    # Only where the maximum is unique: ties may be broken either way after rounding.
    top2 = np.sort(scores, axis=-1)[:, -2:] if scores.shape[1] > 1 else None
    unique = (
        np.ones(len(scores), bool)
        if top2 is None
        else top2[:, 1] - top2[:, 0] > 1e-6 * (1 + np.abs(top2[:, 1]))
    )
    np.testing.assert_array_equal(predict(softmax(scores))[unique], predict(scores)[unique])


@given(score_matrices)
@example(np.array([[732.0, 0.0]]))  # softmax's second entry is subnormal
def test_log_softmax_equals_log_of_softmax_where_finite(scores):
    p = softmax(scores)
    logp = log_softmax(scores)
    assert np.all(np.isfinite(logp)) and np.all(logp <= 0)
    # Where p underflowed to 0, log(p) is -inf while log_softmax stays finite.
    finite = p > 0
    with np.errstate(divide="ignore"):
        log_of_p = np.log(p)
    # A subnormal p (below 2.2e-308) is only known to within half the
    # subnormal spacing, so log(p) itself is off by up to that over p.
    subnormal_error = np.finfo(np.float64).smallest_subnormal / p[finite]
    tolerance = 1e-9 * np.abs(logp[finite]) + 1e-12 + subnormal_error
    assert np.all(np.abs(logp[finite] - log_of_p[finite]) <= tolerance)


@pytest.mark.parametrize("scores", [[123.0, 456.0, 789.0], [1e4, 0.0, -1e4], [-1e4, -1e4, -1e4]])
def test_large_inputs_give_no_overflow_warning_or_nan(scores):
    # filterwarnings = error (pyproject.toml) turns any overflow warning into a failure.
    p = softmax(scores)
    assert np.all(np.isfinite(p))
    assert p.sum() == pytest.approx(1.0)
    assert np.all(np.isfinite(log_softmax(scores)))


def test_softmax_of_123_456_789_matches_the_page():
    np.testing.assert_allclose(
        softmax([123.0, 456.0, 789.0]), [5.75274406e-290, 2.39848787e-145, 1.0], rtol=1e-8
    )


def test_lecture_example():
    expected = [
        [2.44728471e-01, 6.65240956e-01, 9.00305732e-02],
        [9.00305732e-02, 2.44728471e-01, 6.65240956e-01],
        [2.06106005e-09, 4.53978686e-05, 9.99954600e-01],
    ]
    np.testing.assert_allclose(softmax([[1, 2, 0], [-1, 0, 1], [-10, 0, 10]]), expected, rtol=1e-8)


def test_softmax_normalises_rows_not_columns_of_a_square_input():
    scores = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [5.0, -5.0, 0.0]])
    np.testing.assert_allclose(softmax(scores).sum(axis=1), 1.0)
    assert not np.allclose(softmax(scores).sum(axis=0), 1.0)


def test_one_vector_is_one_sample():
    np.testing.assert_allclose(softmax([0.0, 0.0]), [0.5, 0.5])
    np.testing.assert_allclose(softmax([[0.0, 0.0]]), [[0.5, 0.5]])


def test_integer_scores_are_accepted_as_floats():
    assert softmax([[1, 2]]).dtype == np.float64


@pytest.mark.parametrize("func", [softmax, log_softmax])
@pytest.mark.parametrize(
    ("scores", "error", "message"),
    [
        (np.zeros((2, 2, 2)), ValueError, r"scores must be 1-D or 2-D .*got shape \(2, 2, 2\)"),
        (np.float64(3.0), ValueError, r"scores must be 1-D or 2-D"),
        (np.zeros((2, 0)), ValueError, r"scores must not be empty"),
        (
            [[1.0, np.nan]],
            ValueError,
            r"scores must contain only finite values, found nan at index \(0, 1\)",
        ),
        ([1.0, np.inf], ValueError, r"scores must contain only finite values, found inf"),
        (["a", "b"], TypeError, r"scores must be an array of real numbers .*got dtype <U1"),
        ([True, False], TypeError, r"got dtype bool"),
        ([1 + 2j], TypeError, r"got dtype complex128"),
        (
            [[1.0], [2.0, 3.0]],
            ValueError,
            r"scores must be a rectangular array with shape \(p,\) or \(n, p\)",
        ),
    ],
)
def test_bad_scores_are_rejected_with_a_clear_error(func, scores, error, message):
    with pytest.raises(error, match=message):
        func(scores)


def test_predict_returns_one_class_per_row():
    np.testing.assert_array_equal(predict([[0.1, 0.7, 0.2], [3.0, 1.0, 3.0]]), [1, 0])


def test_predict_needs_a_matrix():
    with pytest.raises(
        ValueError, match=r"scores must be 2-D with shape \(n, p\), got shape \(3,\)"
    ):
        predict([0.1, 0.7, 0.2])


def test_one_hot_of_predictions():
    Y = one_hot(predict([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2]]), num_classes=3)
    np.testing.assert_array_equal(Y, [[0, 1, 0], [1, 0, 0]])
    assert Y.dtype == np.float64


@given(st.lists(st.integers(0, 4), min_size=1, max_size=20))
def test_one_hot_rows_hold_a_single_one_at_the_label(labels):
    Y = one_hot(labels, num_classes=5)
    np.testing.assert_array_equal(Y.sum(axis=1), 1.0)
    np.testing.assert_array_equal(Y.argmax(axis=1), labels)


@pytest.mark.parametrize(
    ("labels", "num_classes", "error", "message"),
    [
        ([0, 3], 3, ValueError, r"labels must be class indices in \[0, 3\), found 3 at position 1"),
        ([-1], 3, ValueError, r"found -1 at position 0"),
        ([0.0, 1.0], 3, TypeError, r"labels must be integer class indices .*got dtype float64"),
        ([[0, 1]], 3, ValueError, r"labels must be 1-D with shape \(n,\), got shape \(1, 2\)"),
        ([0], 0, ValueError, r"num_classes must be at least 1, got 0"),
        ([0], 2.0, TypeError, r"num_classes must be an int, got float"),
        ([True], 2, TypeError, r"got dtype bool"),
    ],
)
def test_bad_labels_are_rejected_with_a_clear_error(labels, num_classes, error, message):
    with pytest.raises(error, match=message):
        one_hot(labels, num_classes)


def test_accuracy_counts_correct_predictions():
    assert accuracy([[0.9, 0.1], [0.2, 0.8], [0.6, 0.4]], [0, 1, 1]) == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("scores", "labels", "error", "message"),
    [
        ([[0.9, 0.1]], [0, 1], ValueError, r"labels must have shape \(1,\) to match scores"),
        ([[0.9, 0.1]], [2], ValueError, r"labels must be class indices in \[0, 2\)"),
        ([0.9, 0.1], [0], ValueError, r"scores must be 2-D"),
    ],
)
def test_accuracy_rejects_bad_input(scores, labels, error, message):
    with pytest.raises(error, match=message):
        accuracy(scores, labels)


@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")  # making a np.matrix
@pytest.mark.parametrize("func", [softmax, log_softmax, predict])
def test_masked_arrays_and_matrices_are_refused_not_misread(func):
    # softmax would give the masked 99 a probability of 1, and a matrix's
    # arithmetic is not element-wise.
    with pytest.raises(TypeError, match=r"scores must be a plain array, not a masked array"):
        func(np.ma.array([[1.0, 2.0, 99.0]], mask=[[0, 0, 1]]))
    with pytest.raises(TypeError, match=r"scores must be a plain array, not numpy.matrix"):
        func(np.asmatrix([[1.0, 2.0]]))


@pytest.mark.parametrize("func", [softmax, log_softmax])
def test_scores_too_far_apart_for_float64_are_an_error_not_inf(func):
    # log_softmax's true value, -2e308, is beyond float64; log_softmax gave -inf.
    with pytest.raises(ValueError, match=r"overflowed float64 .*a value in scores is too large"):
        func([1e308, -1e308])
    # 1e308 apart is within float64's range: exact answers, no warning
    assert np.array_equal(softmax([1e308, 0.0]), [1.0, 0.0])
    assert np.array_equal(log_softmax([1e308, 0.0]), [0.0, -1e308])


def test_one_hot_refuses_empty_labels_and_a_matrix_too_large():
    with pytest.raises(ValueError, match=r"labels must not be empty, got shape \(0,\)"):
        one_hot(np.array([], dtype=int), 3)
    with pytest.raises(
        ValueError, match=r"len\(labels\) \* num_classes must be at most 100000000, got 200000000"
    ):
        one_hot([0, 1], 10**8)  # a MemoryError half-way through, before
    for huge in (10**12, 2**63):
        with pytest.raises(ValueError, match=rf"num_classes must be at most 100000000, got {huge}"):
            one_hot([0], huge)


def test_a_label_out_of_range_names_what_sets_the_range():
    with pytest.raises(ValueError, match=r"found 2 at position 1 \(num_classes is 2\)$"):
        one_hot([0, 2], 2)
    with pytest.raises(ValueError, match=r"found 2 at position 0 \(scores has 2 columns\)$"):
        accuracy([[0.9, 0.1]], [2])


@pytest.mark.parametrize(
    "labels, message",
    [
        ([[0, 1], [2]], r"labels must be a rectangular array with shape \(n,\), got nested"),
        (np.ma.array([0, 1]), r"labels must be a plain array, not a masked array"),
        ([2**70], r"labels must be integer class indices .*got dtype object"),
        (np.array([2**64 - 1], dtype=np.uint64), r"found 18446744073709551615 at position 0"),
    ],
)
def test_odd_labels_get_a_clear_error(labels, message):
    with pytest.raises((ValueError, TypeError), match=message):
        one_hot(labels, 3)
