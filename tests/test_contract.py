"""The package's promise, kept by every public name under hostile input.

Every call of a name in ``dlintro.__all__`` (and of the public methods of its
classes) either returns finite values of the documented shape and type, or
raises a ``ValueError`` or ``TypeError`` whose message names the offending
argument; it never changes its inputs, and what it returns shares no memory
with them. Two sources of input:

- a table of hand-picked hostile values (dtypes, layouts, shapes, NaN and
  infinity, +-1e308, subnormals, -0.0, huge ints, wrong types), each tried on
  every argument in turn, the other arguments being valid;
- hypothesis, which generates more of the same kinds (derandomized, so every
  run tries the same inputs).

Each public name has a ``Target`` below: how to call it, valid arguments, the
kind of each argument (which decides the hostile values) and what a correct
result looks like. A name added to ``__all__`` without one fails
``test_every_public_name_has_a_target``.

``python -m tests.test_contract`` prints how many inputs are tried and the
outcome counts (correct / clear error / anything else), without stopping at
the first broken promise.
"""

import copy
import dataclasses
import functools
import inspect
import math
import re
import sys
import warnings
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

import dlintro
from dlintro import (
    MLP,
    Add,
    GradientCheck,
    Linear,
    Max,
    Multiply,
    ReLU,
    Sigmoid,
    Tanh,
    Value,
    softmax_cross_entropy,
)

CORRECT, CLEAR, OTHER = "correct", "clear error", "other"

# Making a numpy.matrix (a hostile value) warns that the class is on its way out.
pytestmark = pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")


class Boom(Exception):
    """Raised by a caller's function: it must come through unchanged."""


# --------------------------------------------------------------------------
# Hostile values, by kind of argument. Each entry is (label, make, expect):
# make(valid) builds the value from the valid one; expect is "same" (must
# return exactly what the valid value gives), "error" (must raise a clear
# error), "either" (a documented result or a clear error) or an exception
# class that must come through (the caller's own, or RuntimeError for a call
# out of order).
# --------------------------------------------------------------------------

HUGE_INTS = [10**12, 2**63, 2**64, 10**30, 10**5000]  # the last has no str()


def _masked(a):
    a = np.asarray(a)
    return np.ma.array(a, mask=np.arange(a.size).reshape(a.shape) == 0)


def _read_only(a):
    a = np.array(a)
    a.flags.writeable = False
    return a


def _negative_strides(a):
    return np.flip(np.flip(np.asarray(a)).copy())  # the same values, strides < 0


def _strided_view(a):
    a = np.asarray(a)
    return np.repeat(a, 2, axis=-1)[..., ::2] if a.ndim else a[()]


def _with(a, value, index=0):
    a = np.array(a, dtype=np.float64)
    a.flat[index] = value
    return a


def _ragged(a):
    rows = np.asarray(a).tolist()
    if not isinstance(rows, list) or not rows:
        return [[1.0], [1.0, 2.0]]
    if isinstance(rows[0], list):
        return [rows[0] + [1.0]] + rows[1:] if len(rows) > 1 else [rows[0], rows[0] + [1]]
    return [rows, rows[:-1]]


def _signs(a, big):
    a = np.asarray(a, dtype=np.float64)
    return np.where(np.arange(a.size).reshape(a.shape) % 2 == 0, big, -big)


ARRAY_CASES = [
    ("list", lambda a: np.asarray(a).tolist(), "same"),
    ("Fortran order", lambda a: np.asfortranarray(a), "same"),
    ("strided view", _strided_view, "same"),
    ("negative strides", _negative_strides, "same"),
    ("read-only", _read_only, "same"),
    ("float32", lambda a: np.asarray(a).astype(np.float32), "either"),
    ("float16", lambda a: np.asarray(a).astype(np.float16), "either"),
    ("int8", lambda a: np.asarray(a).astype(np.int8), "either"),
    ("uint8", lambda a: np.asarray(a).astype(np.uint8), "either"),
    ("int64", lambda a: np.asarray(a).astype(np.int64), "either"),
    ("object dtype", lambda a: np.asarray(a).astype(object), "either"),
    ("bool", lambda a: np.asarray(a).astype(bool), "error"),
    ("complex", lambda a: np.asarray(a).astype(complex), "error"),
    ("str", lambda a: np.asarray(a).astype(str), "error"),
    ("None", lambda a: None, "error"),
    ("np.matrix", lambda a: np.asmatrix(np.atleast_2d(a)), "error"),
    ("masked", _masked, "error"),
    ("masked, nothing masked", lambda a: np.ma.array(a), "error"),
    ("0-d", lambda a: np.asarray(a).flat[0], "either"),
    ("python float", lambda a: float(np.asarray(a).flat[0]), "either"),
    ("empty", lambda a: np.empty((0,) + np.shape(a)[1:]), "error"),
    ("empty last axis", lambda a: np.empty(np.shape(a)[:-1] + (0,)), "error"),
    ("ragged", _ragged, "error"),
    ("extra axis", lambda a: np.asarray(a)[None], "either"),
    ("missing axis", lambda a: np.asarray(a)[0], "either"),
    ("flattened", lambda a: np.asarray(a).ravel(), "either"),
    ("transposed", lambda a: np.asarray(a).T, "either"),
    ("NaN", lambda a: _with(a, np.nan), "error"),
    ("inf", lambda a: _with(a, np.inf, -1), "error"),
    ("-inf", lambda a: _with(a, -np.inf), "error"),
    ("one 1e308", lambda a: _with(a, 1e308), "either"),
    ("all 1e308", lambda a: np.full(np.shape(a), 1e308), "either"),
    ("all -1e308", lambda a: np.full(np.shape(a), -1e308), "either"),
    ("+-1e308", lambda a: _signs(a, 1e308), "either"),
    ("max float", lambda a: _signs(a, np.finfo(np.float64).max), "either"),
    ("subnormal", lambda a: np.full(np.shape(a), 5e-324), "either"),
    ("+-subnormal", lambda a: _signs(a, 5e-324), "either"),
    ("-0.0", lambda a: np.full(np.shape(a), -0.0), "either"),
    ("zeros", lambda a: np.zeros(np.shape(a)), "either"),
    ("huge uint64", lambda a: np.full(np.shape(a), 2**64 - 1, dtype=np.uint64), "either"),
    ("huge python ints", lambda a: np.full(np.shape(a), 2**70, dtype=object).tolist(), "either"),
    ("dict", lambda a: {"a": 1.0}, "error"),
    ("set", lambda a: {1.0, 2.0}, "error"),
    ("string", lambda a: "1.0", "error"),
    ("object", lambda a: object(), "error"),
    ("function", lambda a: np.sum, "error"),
]

LABEL_CASES = [
    ("list", lambda a: list(np.asarray(a).tolist()), "same"),
    ("tuple", lambda a: tuple(np.asarray(a).tolist()), "same"),
    ("int8", lambda a: np.asarray(a).astype(np.int8), "same"),
    ("uint8", lambda a: np.asarray(a).astype(np.uint8), "same"),
    ("int32", lambda a: np.asarray(a).astype(np.int32), "same"),
    ("negative strides", _negative_strides, "same"),
    ("strided view", _strided_view, "same"),
    ("read-only", _read_only, "same"),
    ("object dtype", lambda a: np.asarray(a).astype(object), "either"),
    ("float", lambda a: np.asarray(a).astype(np.float64), "error"),
    ("bool", lambda a: np.asarray(a) > 0, "error"),
    ("complex", lambda a: np.asarray(a).astype(complex), "error"),
    ("str", lambda a: np.asarray(a).astype(str), "error"),
    ("None", lambda a: None, "error"),
    ("too large", lambda a: np.full(np.shape(a), 10**6), "error"),
    ("negative", lambda a: np.full(np.shape(a), -1), "error"),
    ("huge uint64", lambda a: np.full(np.shape(a), 2**64 - 1, dtype=np.uint64), "error"),
    ("huge python int", lambda a: [2**70] * len(a), "error"),
    ("empty", lambda a: np.array([], dtype=np.int64), "error"),
    ("one fewer", lambda a: np.asarray(a)[:-1], "either"),
    ("0-d", lambda a: np.asarray(a)[0], "error"),
    ("extra axis", lambda a: np.asarray(a)[None], "error"),
    ("ragged", lambda a: [list(a), list(a)[:-1]], "error"),
    ("masked", _masked, "error"),
    ("np.matrix", lambda a: np.asmatrix(a), "error"),
    ("NaN", lambda a: _with(a, np.nan), "error"),
    ("string", lambda a: "012", "error"),
    ("dict", lambda a: {0: 1}, "error"),
]


def _count_cases(minimum, unbounded=False):
    """Cases of a count; an ``unbounded`` one (a batch size) may be huge or None."""
    huge = "either" if unbounded else "error"
    return [
        ("None", lambda v: None, "either" if unbounded else "error"),
        ("np.int64", lambda v: np.int64(v), "same"),
        ("np.uint16", lambda v: np.uint16(v), "same"),
        ("0-d array", lambda v: np.array(v), "either"),
        ("one more", lambda v: v + 1, "either"),
        ("below the minimum", lambda v: minimum - 1, "error"),
        ("-1", lambda v: -1, "error"),
        ("True", lambda v: True, "error"),
        ("float", lambda v: float(v), "error"),
        ("2.5", lambda v: 2.5, "error"),
        ("nan", lambda v: math.nan, "error"),
        ("inf", lambda v: math.inf, "error"),
        ("string", lambda v: str(v), "error"),
        ("list", lambda v: [v], "error"),
        ("complex", lambda v: complex(v), "error"),
    ] + [(f"huge 2**{n.bit_length()}", lambda v, n=n: n, huge) for n in HUGE_INTS]


def _float_cases(minimum, *, open_below):
    """Cases of a float argument that must be > minimum (or >= if not open_below)."""
    at_minimum = "error" if open_below else "either"
    return [
        ("np.float64", lambda v: np.float64(v), "same"),
        ("np.float32", lambda v: np.float32(v), "either"),
        ("np.float16", lambda v: np.float16(v), "either"),
        ("0-d array", lambda v: np.array(v), "either"),
        ("int", lambda v: max(1, round(v)), "either"),
        ("ten times", lambda v: 10 * v, "either"),
        ("1e308", lambda v: 1e308, "either"),
        ("max float", lambda v: float(np.finfo(np.float64).max), "either"),
        ("subnormal", lambda v: 5e-324, "either"),
        ("the minimum", lambda v: float(minimum), at_minimum),
        ("-0.0", lambda v: -0.0, at_minimum),
        ("below the minimum", lambda v: minimum - 1.0, "error"),
        ("nan", lambda v: math.nan, "error"),
        ("inf", lambda v: math.inf, "error"),
        ("-inf", lambda v: -math.inf, "error"),
        ("None", lambda v: None, "error"),
        ("string", lambda v: str(v), "error"),
        ("True", lambda v: True, "error"),
        ("complex", lambda v: complex(v), "error"),
        ("list", lambda v: [v], "error"),
        ("huge int", lambda v: 10**400, "error"),
    ]


SEED_CASES = [
    ("np.int64", lambda v: np.int64(v), "same"),
    ("None", lambda v: None, "either"),
    ("Generator", lambda v: np.random.default_rng(v), "same"),
    ("huge seed", lambda v: 2**200, "either"),
    ("-1", lambda v: -1, "error"),
    ("float", lambda v: 1.5, "error"),
    ("string", lambda v: "0", "error"),
    ("True", lambda v: True, "error"),
    ("RandomState", lambda v: np.random.RandomState(0), "error"),
    ("list", lambda v: [0, 1], "either"),
    ("nan", lambda v: math.nan, "error"),
]


def _choice_cases():
    return [
        ("upper case", lambda v: v.upper() if isinstance(v, str) else "X", "error"),
        ("empty", lambda v: "", "error"),
        ("None", lambda v: None, "either"),
        ("int", lambda v: 3, "error"),
        ("list", lambda v: [v], "error"),
        ("unknown", lambda v: "softmax", "error"),
    ]


def _scalar_function_cases():
    """Hostile ``f`` for the gradient checkers: f(x) must be one real number."""
    return [
        ("not callable", lambda f: 3, "error"),
        ("None", lambda f: None, "error"),
        ("string", lambda f: "sum", "error"),
        ("returns None", lambda f: lambda v: None, "error"),
        ("returns a string", lambda f: lambda v: "1.5", "error"),
        ("returns an array", lambda f: lambda v: v * 1.0, "error"),
        ("returns a list", lambda f: lambda v: [1.0], "error"),
        ("returns inf", lambda f: lambda v: math.inf, "error"),
        ("returns nan", lambda f: lambda v: math.nan, "error"),
        ("returns complex", lambda f: lambda v: 1j, "error"),
        ("returns a huge int", lambda f: lambda v: 10**400, "error"),
        ("returns a bool", lambda f: lambda v: True, "either"),
        ("returns a 0-d array", lambda f: lambda v: np.sum(v**2, keepdims=False), "either"),
        ("returns float32", lambda f: lambda v: np.float32(np.sum(v)), "either"),
        ("returns 1e308", lambda f: lambda v: 1e308, "either"),
        ("overflows", lambda f: lambda v: float(np.sum(v)) * 1e308, "either"),
        ("raises", lambda f: _raises, Boom),
        ("raises on the second call", lambda f: _raises_later(), Boom),
    ]


def _raises(v):
    raise Boom("the caller's own error")


def _raises_later():
    calls = []

    def f(v):
        calls.append(1)
        if len(calls) > 1:
            raise Boom("the caller's own error")
        return float(np.sum(v))

    return f


def _map_function_cases():
    """Hostile ``f`` for bump_network: maps (m,) to (m,)."""
    return [
        ("not callable", lambda f: 3, "error"),
        ("None", lambda f: None, "error"),
        ("returns None", lambda f: lambda c: None, "error"),
        ("returns a scalar", lambda f: lambda c: 1.0, "error"),
        ("returns the wrong shape", lambda f: lambda c: c[:1], "error"),
        ("returns 2-D", lambda f: lambda c: c[:, None], "error"),
        ("returns nan", lambda f: lambda c: c * np.nan, "error"),
        ("returns strings", lambda f: lambda c: c.astype(str), "error"),
        ("returns a list", lambda f: lambda c: list(np.sin(c)), "same"),
        ("returns 1e308", lambda f: lambda c: np.full_like(c, 1e308), "either"),
        ("changes its input", lambda f: _changes_input, "either"),
        ("raises", lambda f: _raises, Boom),
    ]


def _changes_input(c):
    c *= 2  # the argument is the function's own array, not the caller's
    return np.sin(c)


def _model_cases(before_backward):
    return [
        ("None", lambda m: None, "error"),
        ("string", lambda m: "model", "error"),
        ("int", lambda m: 3, "error"),
        ("a Linear layer", lambda m: Linear(np.ones((2, 3)), np.zeros(3)), "error"),
        ("a list of layers", lambda m: list(m.layers), "error"),
        ("fresh model", lambda m: MLP([2, 4, 3], rng=0), before_backward),
        ("other input size", lambda m: MLP([3, 4, 3], rng=0), before_backward),
    ]


SIZES_CASES = [
    ("tuple", lambda s: tuple(s), "same"),
    ("int array", lambda s: np.array(s), "same"),
    ("numpy ints", lambda s: [np.int64(v) for v in s], "same"),
    ("range", lambda s: range(2, 4), "either"),
    ("dict", lambda s: {2: "a", 3: "b"}, "error"),
    ("set", lambda s: {2, 3}, "error"),
    ("string", lambda s: "23", "error"),
    ("bytes", lambda s: b"\x02\x03", "error"),
    ("one size", lambda s: [2], "error"),
    ("empty", lambda s: [], "error"),
    ("zero", lambda s: [2, 0, 3], "error"),
    ("negative", lambda s: [2, -1, 3], "error"),
    ("float", lambda s: [2, 4.0, 3], "error"),
    ("bool", lambda s: [2, True, 3], "error"),
    ("None", lambda s: None, "error"),
    ("int", lambda s: 3, "error"),
    ("nested", lambda s: [[2, 3]], "error"),
    ("float array", lambda s: np.array(s, dtype=float), "error"),
    ("2-D array", lambda s: np.array([s]), "error"),
    ("masked", lambda s: np.ma.array(s), "error"),
] + [(f"huge 2**{n.bit_length()}", lambda s, n=n: [2, n, 3], "error") for n in HUGE_INTS]

INTERVAL_CASES = [
    ("list", lambda v: list(v), "same"),
    ("array", lambda v: np.array(v), "same"),
    ("ints", lambda v: (0, 3), "same"),
    ("reversed", lambda v: tuple(reversed(v)), "error"),
    ("empty", lambda v: (v[0], v[0]), "error"),
    ("one end", lambda v: (v[0],), "error"),
    ("three ends", lambda v: (0.0, 1.0, 2.0), "error"),
    ("NaN", lambda v: (0.0, math.nan), "error"),
    ("inf", lambda v: (0.0, math.inf), "error"),
    ("None", lambda v: None, "error"),
    ("string", lambda v: "ab", "error"),
    ("2-D", lambda v: [v], "error"),
    ("whole float range", lambda v: (-1e308, 1e308), "either"),
    ("tiny", lambda v: (0.0, 5e-324), "either"),
    ("far away", lambda v: (1e300, 1e300 * (1 + 1e-15)), "either"),
]

INDEX_CASES = [
    ("list", lambda v: list(v), "either"),
    ("numpy ints", lambda v: tuple(np.int64(i) for i in v), "same"),
    ("float", lambda v: (0.5,), "error"),
    ("negative", lambda v: (-1,), "error"),
    ("string", lambda v: "0", "error"),
    ("None", lambda v: None, "error"),
    ("bool", lambda v: (True,), "error"),
]

REAL_CASES = [
    ("np.float64", lambda v: np.float64(v), "same"),
    ("int", lambda v: 1, "either"),
    ("1e308", lambda v: 1e308, "either"),
    ("-0.0", lambda v: -0.0, "either"),
    ("subnormal", lambda v: 5e-324, "either"),
    ("nan", lambda v: math.nan, "error"),
    ("inf", lambda v: math.inf, "error"),
    ("None", lambda v: None, "error"),
    ("string", lambda v: "1.0", "error"),
    ("complex", lambda v: 1j, "error"),
    ("huge int", lambda v: 10**400, "error"),
    ("array", lambda v: np.ones(2), "error"),
]


# --------------------------------------------------------------------------
# Generated values (hypothesis), by kind of argument.
# --------------------------------------------------------------------------

DTYPES = [np.float64, np.float32, np.float16, np.int8, np.uint8, np.int64, np.bool_, np.complex128]
wild_floats = st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True)
tame_floats = st.floats(-10.0, 10.0)


def _array_strategy(valid):
    shape = np.shape(valid)
    same_shape = arrays(np.float64, shape, elements=tame_floats)
    hostile_values = arrays(np.float64, shape, elements=wild_floats)
    any_array = arrays(
        st.sampled_from(DTYPES), array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)
    )
    return st.one_of(same_shape, hostile_values, any_array, st.lists(tame_floats, max_size=4))


def _labels_strategy(valid):
    n = len(valid)
    return st.one_of(
        st.lists(st.integers(-2, 4), min_size=n, max_size=n),
        arrays(
            st.sampled_from(DTYPES), array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=6)
        ),
        st.lists(st.one_of(st.integers(), st.floats(), st.none()), max_size=6),
    )


def _count_strategy(largest):
    return st.one_of(
        st.integers(-3, largest),
        st.sampled_from(HUGE_INTS),
        st.floats(),
        st.none(),
        st.booleans(),
        st.text(max_size=2),
    )


def _float_strategy():
    return st.one_of(
        wild_floats, st.integers(-10, 10), st.none(), st.booleans(), st.text(max_size=2)
    )


def _seed_strategy():
    return st.one_of(st.integers(), st.floats(), st.none(), st.booleans(), st.text(max_size=2))


def _sizes_strategy():
    size = st.one_of(st.integers(-2, 6), st.floats(0, 5), st.booleans(), st.sampled_from(HUGE_INTS))
    return st.one_of(st.lists(size, max_size=4), st.none(), st.integers(), st.text(max_size=3))


def _function_strategy(kind):
    cases = _scalar_function_cases() if kind == "scalar function" else _map_function_cases()
    return st.sampled_from([make for _, make, _ in cases]).map(lambda make: make(None))


# --------------------------------------------------------------------------
# The targets.
# --------------------------------------------------------------------------


@dataclass
class Target:
    """One public function, class or method, and how to call it.

    ``valid()`` returns fresh valid arguments; ``make()`` the object whose
    method is called (``None`` for a function); ``call(obj, args)`` calls;
    ``check(result, args, obj)`` asserts that a result is as documented;
    ``kinds`` gives each argument's kind; ``changes`` names the arguments the
    call changes on purpose (a model being trained).
    """

    valid: callable
    call: callable
    check: callable
    kinds: dict
    make: callable = lambda: None
    changes: tuple = ()
    diverges: bool = False  # an error saying "diverged" may leave `changes` changed
    keeps: tuple = ()  # arguments the object keeps as they are (documented)
    returns_kept: bool = False  # returns the array it keeps (documented)
    hostile: dict = field(default_factory=dict)  # extra cases per argument


def finite_array(result, shape, *, dtype=np.float64):
    assert isinstance(result, np.ndarray) and type(result) is np.ndarray, type(result)
    assert result.dtype == dtype, result.dtype
    assert result.shape == tuple(shape), (result.shape, shape)
    assert np.isfinite(result).all() if result.dtype.kind == "f" else True


def finite_value(result, shape=()):
    """A float for a 0-d input, else a float64 array (what the gates return)."""
    if tuple(shape) == ():
        assert isinstance(result, float | np.floating), type(result)
        assert math.isfinite(result), result
    else:
        finite_array(result, shape)


def expect(condition, what=""):
    """An assert that works inside a lambda."""
    assert condition, what


def loss_and_grad(result, shape):
    """A loss's result: a finite float >= 0 and a gradient of ``shape``."""
    loss, grad = result
    expect(type(loss) is float and math.isfinite(loss) and loss >= 0, loss)
    finite_array(grad, shape)


def in_range(result, low, high):
    assert ((low <= np.asarray(result)) & (np.asarray(result) <= high)).all(), result


def shape_of(value):
    return np.shape(np.asarray(value, dtype=np.float64))


def check_model(model, sizes):
    assert type(model) is MLP
    assert [lin.W.shape for lin in model.linears] == list(zip(sizes[:-1], sizes[1:], strict=True))
    for lin in model.linears:
        finite_array(lin.W, lin.W.shape)
        finite_array(lin.b, (lin.W.shape[1],))


def _elementwise(func, low, high):
    def check(result, args, obj):
        finite_value(result, shape_of(args["z"]))
        in_range(result, low, high)

    return Target(
        valid=lambda: {"z": np.linspace(-3.0, 3.0, 12).reshape(3, 4)},
        call=lambda obj, a: func(**a),
        check=check,
        kinds={"z": "array"},
    )


def _scores():
    return np.array([[1.0, 2.0, 0.5], [-1.0, 0.0, 3.0], [0.2, 0.2, 0.2], [5.0, -5.0, 0.0]])


def _labels():
    return np.array([0, 1, 2, 0])


def _softmax_like(func, low, high):
    def check(result, args, obj):
        finite_array(result, shape_of(args["scores"]))
        in_range(result, low, high)

    return Target(
        valid=lambda: {"scores": _scores()},
        call=lambda obj, a: func(**a),
        check=check,
        kinds={"scores": "array"},
    )


def _random_weights(func):
    def check(result, args, obj):
        finite_array(result, (int(args["fan_in"]), int(args["fan_out"])))

    return Target(
        valid=lambda: {"fan_in": 3, "fan_out": 2, "rng": 0},
        call=lambda obj, a: func(**a),
        check=check,
        kinds={"fan_in": ("count", 1, 50), "fan_out": ("count", 1, 50), "rng": "seed"},
    )


def _layer_forward(layer_type, low=-np.inf, high=np.inf):
    def check(result, args, obj):
        finite_value(result, shape_of(args["Z"]))
        in_range(result, low, high)

    return Target(
        make=layer_type,
        valid=lambda: {"Z": np.linspace(-2.0, 2.0, 6).reshape(2, 3)},
        call=lambda obj, a: obj.forward(**a),
        check=check,
        kinds={"Z": "array"},
        keeps=("Z",) if layer_type is ReLU else (),
        returns_kept=layer_type in (Sigmoid, Tanh),
    )


def _layer_backward(layer_type):
    def make():
        layer = layer_type()
        layer.forward(np.linspace(-2.0, 2.0, 6).reshape(2, 3))
        return layer

    return Target(
        make=make,
        valid=lambda: {"dH": np.arange(6.0).reshape(2, 3) - 2.5},
        call=lambda obj, a: obj.backward(**a),
        check=lambda result, args, obj: finite_array(result, (2, 3)),
        kinds={"dH": "array"},
        hostile={"dH": [("before forward", None, RuntimeError)]},
    )


def _gate_forward(gate_type):
    def check(result, args, obj):
        finite_value(result, shape_of(args["x"]))

    return Target(
        make=gate_type,
        valid=lambda: {
            "x": np.array([[1.0, -2.0, 3.0], [0.5, 0.0, -1.0]]),
            "y": np.full((2, 3), 2.0),
        },
        call=lambda obj, a: obj.forward(**a),
        check=check,
        kinds={"x": "array", "y": "array"},
        keeps=("x", "y") if gate_type is Multiply else (),
    )


def _gate_backward(gate_type):
    def make():
        gate = gate_type()
        gate.forward(np.array([[1.0, -2.0, 3.0], [0.5, 0.0, -1.0]]), np.full((2, 3), 2.0))
        return gate

    def check(result, args, obj):
        assert isinstance(result, tuple) and len(result) == 2
        for grad in result:
            finite_array(grad, (2, 3))

    return Target(
        make=make,
        valid=lambda: {"dout": np.arange(6.0).reshape(2, 3) - 2.5},
        call=lambda obj, a: obj.backward(**a),
        check=check,
        kinds={"dout": "array"},
        hostile={"dout": [("before forward", None, RuntimeError)]},
    )


def _forward(make, inputs):
    """A layer's or network's forward pass of a batch ``X`` (from ``inputs()``) to 3 outputs.

    The object keeps ``X`` for its backward pass: documented sharing.
    """
    return Target(
        make=make,
        valid=lambda: {"X": inputs()},
        call=lambda obj, a: obj.forward(**a),
        check=lambda result, args, obj: finite_array(result, (shape_of(args["X"])[0], 3)),
        kinds={"X": "array"},
        keeps=("X",),
    )


def _no_arguments(cls):
    return Target(
        valid=dict,
        call=lambda obj, a: cls(),
        check=lambda result, args, obj: expect(type(result) is cls, type(result)),
        kinds={},
    )


def _cube_sum(v):
    return float(np.sum(v**3))


def _trained_model():
    """A small model after one forward and backward pass: ready for sgd_step."""
    model = MLP([2, 4, 3], rng=0)
    X = np.array([[0.5, -1.0], [1.0, 0.0], [-0.5, 2.0], [0.0, 0.3]])
    _, dO = softmax_cross_entropy(model.forward(X), _labels())
    model.backward(dO)
    return model


def _spiral_check(result, args, obj):
    X, labels = result
    n = int(args["num_classes"]) * int(args["points_per_class"])
    finite_array(X, (n, 2))
    finite_array(labels, (n,), dtype=np.int64)


def _train_data():
    X = np.array([[0.5, -1.0], [1.0, 0.0], [-0.5, 2.0], [0.0, 0.3], [1.5, 1.5], [-1.0, -1.0]])
    return X, np.array([0, 1, 2, 0, 1, 2])


def _train_check(result, args, obj):
    history, model = result
    finite_array(history, (int(args["epochs"]),))
    assert (history >= 0).all()
    check_model(model, [2, 4, 3])


def _gradient_check_check(result, args, obj):
    """GradientCheck built by hand: its fields as floats and a tuple of ints."""
    assert type(result) is GradientCheck
    for value in (result.max_relative_error, result.analytic, result.numeric):
        assert type(value) is float and math.isfinite(value), value
    assert result.max_relative_error >= 0
    assert type(result.worst_index) is tuple
    assert all(type(i) is int and i >= 0 for i in result.worst_index)
    str(result)


def _gradcheck_check(result, args, obj):
    """What check_gradient returns: a GradientCheck of x's gradient."""
    _gradient_check_check(result, args, obj)
    assert result.max_relative_error <= 2
    assert len(result.worst_index) == np.ndim(args["x"])


def _count_pieces_check(result, args, obj):
    assert type(result) is int
    assert 1 <= result <= len(np.asarray(args["x"])) - 1


def _bump_check(result, args, obj):
    check_model(result, [1, 2 * int(args["num_bumps"]), 1])


def _mlp_check(result, args, obj):
    check_model(result, [int(s) for s in args["sizes"]])


def _mlp_forward_make():
    return MLP([2, 4, 3], rng=0)


def _mlp_backward_make():
    model = MLP([2, 4, 3], rng=0)
    model.forward(np.array([[0.5, -1.0], [1.0, 0.0], [-0.5, 2.0], [0.0, 0.3], [1.0, 1.0]]))
    return model


def _linear_backward_make():
    layer = Linear(np.array([[1.0, -1.0, 0.5], [0.0, 2.0, 1.0]]), np.array([0.1, 0.0, -0.1]))
    layer.forward(np.array([[1.0, 2.0], [3.0, 4.0], [-1.0, 0.5], [0.0, 0.0]]))
    return layer


def _linear_backward_check(result, args, obj):
    finite_array(result, (4, 2))
    finite_array(obj.dW, (2, 3))
    finite_array(obj.db, (3,))


def _value_check(result, args, obj):
    assert type(result) is Value
    assert type(result.data) is float and math.isfinite(result.data)
    assert (result.grad, result.parents, result.op) == (0.0, (), "")


def _value_graph():
    """A small graph with a reused leaf, for the methods of Value."""
    x = Value(1.5)
    return x * x + x.exp()


def _backward_check(result, args, obj):
    assert result is None and obj.grad == 1.0
    assert all(math.isfinite(node.grad) for node in obj.topological_order())


def _order_check(result, args, obj):
    assert type(result) is list and all(type(node) is Value for node in result)
    assert result[-1] is obj and len(set(result)) == len(result) == 4  # x, x * x, exp, +


def _value_function(name, low, high):
    def check(result, args, obj):
        assert type(result) is Value and result.op == name
        assert type(result.data) is float and low <= result.data <= high
        ((parent, local),) = result.parents
        assert parent is obj and math.isfinite(local)

    return Target(
        make=lambda: Value(0.5),
        valid=dict,
        call=lambda obj, a: getattr(obj, name)(),
        check=check,
        kinds={},
    )


TARGETS = {
    "accuracy": Target(
        valid=lambda: {"scores": _scores(), "labels": _labels()},
        call=lambda obj, a: dlintro.accuracy(**a),
        check=lambda result, args, obj: (expect(type(result) is float), in_range(result, 0, 1)),
        kinds={"scores": "array", "labels": "labels"},
    ),
    "Add": _no_arguments(Add),
    "Add.forward": _gate_forward(Add),
    "Add.backward": _gate_backward(Add),
    "bump_network": Target(
        valid=lambda: {"f": np.sin, "num_bumps": 3, "steepness": 50.0, "interval": (0.0, 3.0)},
        call=lambda obj, a: dlintro.bump_network(**a),
        check=_bump_check,
        kinds={
            "f": "map function",
            "num_bumps": ("count", 1, 50),
            "steepness": ("float", 0.0, "open"),
            "interval": "interval",
        },
    ),
    "check_gradient": Target(
        valid=lambda: {
            "f": _cube_sum,
            "x": np.array([1.0, -2.0, 0.5]),
            "analytic": np.array([3.0, 12.0, 0.75]),
            "h": 1e-5,
        },
        call=lambda obj, a: dlintro.check_gradient(**a),
        check=_gradcheck_check,
        kinds={
            "f": "scalar function",
            "x": "nudged array",
            "analytic": "array",
            "h": ("float", 0.0, "open"),
        },
    ),
    "count_linear_pieces": Target(
        valid=lambda: {"x": np.linspace(-1.0, 1.0, 9), "y": np.abs(np.linspace(-1.0, 1.0, 9))},
        call=lambda obj, a: dlintro.count_linear_pieces(**a),
        check=_count_pieces_check,
        kinds={"x": "array", "y": "array", "rtol": ("float", 0.0, "closed")},
        hostile={
            "y": [
                ("kinks of 1e308", lambda y: [0.0, 1e308, -1e308, 0.0, 0, 0, 0, 0, 0], "either"),
            ]
        },
    ),
    "GradientCheck": Target(
        valid=lambda: {
            "max_relative_error": 0.1,
            "worst_index": (0,),
            "analytic": 1.0,
            "numeric": 1.1,
        },
        call=lambda obj, a: GradientCheck(**a),
        check=_gradient_check_check,
        kinds={
            "max_relative_error": ("float", 0.0, "closed"),
            "worst_index": "index",
            "analytic": "real",
            "numeric": "real",
        },
    ),
    "he_normal": _random_weights(dlintro.he_normal),
    "Linear": Target(
        valid=lambda: {"W": np.array([[1.0, -1.0, 0.5], [0.0, 2.0, 1.0]]), "b": np.zeros(3)},
        call=lambda obj, a: Linear(**a),
        check=lambda result, args, obj: (
            finite_array(result.W, shape_of(args["W"])),
            finite_array(result.b, (result.W.shape[1],)),
        ),
        kinds={"W": "array", "b": "array"},
    ),
    "Linear.forward": _forward(
        lambda: Linear(np.array([[1.0, -1.0, 0.5], [0.0, 2.0, 1.0]]), np.array([0.1, 0.0, -0.1])),
        lambda: np.array([[1.0, 2.0], [3.0, 4.0], [-1.0, 0.5], [0.0, 0.0]]),
    ),
    "Linear.backward": Target(
        make=_linear_backward_make,
        valid=lambda: {"dZ": np.arange(12.0).reshape(4, 3) - 6},
        call=lambda obj, a: obj.backward(**a),
        check=_linear_backward_check,
        kinds={"dZ": "array"},
        hostile={"dZ": [("before forward", None, RuntimeError)]},
    ),
    "linear": Target(
        valid=lambda: {
            "X": np.array([[1.0, 2.0], [3.0, 4.0], [-1.0, 0.5], [0.0, 0.0]]),
            "W": np.array([[1.0, -1.0, 0.5], [0.0, 2.0, 1.0]]),
            "b": np.array([0.1, 0.0, -0.1]),
        },
        call=lambda obj, a: dlintro.linear(**a),
        check=lambda result, args, obj: finite_array(result, (shape_of(args["X"])[0], 3)),
        kinds={"X": "array", "W": "array", "b": "array"},
    ),
    "log_softmax": _softmax_like(dlintro.log_softmax, -np.inf, 0.0),
    "Max": _no_arguments(Max),
    "Max.forward": _gate_forward(Max),
    "Max.backward": _gate_backward(Max),
    "MLP": Target(
        valid=lambda: {"sizes": [2, 4, 3], "activation": "tanh", "init": "he", "rng": 0},
        call=lambda obj, a: MLP(**a),
        check=_mlp_check,
        kinds={"sizes": "sizes", "activation": "choice", "init": "choice", "rng": "seed"},
    ),
    "MLP.forward": _forward(
        _mlp_forward_make, lambda: np.array([[0.5, -1.0], [1.0, 0.0], [-0.5, 2.0]])
    ),
    "MLP.backward": Target(
        make=_mlp_backward_make,
        valid=lambda: {"dO": np.arange(15.0).reshape(5, 3) / 10 - 0.7},
        call=lambda obj, a: obj.backward(**a),
        check=lambda result, args, obj: finite_array(result, (5, 2)),
        kinds={"dO": "array"},
        hostile={"dO": [("before forward", None, RuntimeError)]},
    ),
    "mse": Target(
        valid=lambda: {"outputs": _scores(), "targets": _scores()[::-1] / 2},
        call=lambda obj, a: dlintro.mse(**a),
        check=lambda result, args, obj: loss_and_grad(result, shape_of(args["outputs"])),
        kinds={"outputs": "array", "targets": "array"},
    ),
    "Multiply": _no_arguments(Multiply),
    "Multiply.forward": _gate_forward(Multiply),
    "Multiply.backward": _gate_backward(Multiply),
    "numerical_gradient": Target(
        valid=lambda: {"f": _cube_sum, "x": np.array([[1.0, -2.0], [0.5, 3.0]]), "h": 1e-5},
        call=lambda obj, a: dlintro.numerical_gradient(**a),
        check=lambda result, args, obj: finite_array(result, np.shape(args["x"])),
        kinds={
            "f": "scalar function",
            "x": "nudged array",
            "h": ("float", 0.0, "open"),
            "method": "choice",
        },
    ),
    "one_hot": Target(
        valid=lambda: {"labels": _labels(), "num_classes": 3},
        call=lambda obj, a: dlintro.one_hot(**a),
        check=lambda result, args, obj: (
            finite_array(result, (len(args["labels"]), int(args["num_classes"]))),
            in_range(result, 0, 1),
        ),
        kinds={"labels": "labels", "num_classes": ("count", 3, 50)},
    ),
    "predict": Target(
        valid=lambda: {"scores": _scores()},
        call=lambda obj, a: dlintro.predict(**a),
        check=lambda result, args, obj: (
            finite_array(result, shape_of(args["scores"])[:1], dtype=np.int64),
            in_range(result, 0, shape_of(args["scores"])[1] - 1),
        ),
        kinds={"scores": "array"},
    ),
    "relative_error": Target(
        valid=lambda: {
            "analytic": np.array([1.0, 0.0, -2.0]),
            "numeric": np.array([1.25, 0.0, 2.0]),
        },
        call=lambda obj, a: dlintro.relative_error(**a),
        check=lambda result, args, obj: (
            finite_array(result, shape_of(args["analytic"])),
            in_range(result, 0, 2),
        ),
        kinds={"analytic": "array", "numeric": "array"},
    ),
    "relu": _elementwise(dlintro.relu, 0, np.inf),
    "ReLU": _no_arguments(ReLU),
    "ReLU.forward": _layer_forward(ReLU, 0, np.inf),
    "ReLU.backward": _layer_backward(ReLU),
    "relu_derivative": _elementwise(dlintro.relu_derivative, 0, 1),
    "sgd_step": Target(
        valid=lambda: {"model": _trained_model(), "learning_rate": 0.1},
        call=lambda obj, a: (dlintro.sgd_step(**a), a["model"]),
        check=lambda result, args, obj: (
            expect(result[0] is None),
            check_model(result[1], [2, 4, 3]),
        ),
        kinds={"model": ("model", RuntimeError), "learning_rate": ("float", 0.0, "open")},
        changes=("model",),
    ),
    "sigmoid": _elementwise(dlintro.sigmoid, 0, 1),
    "Sigmoid": _no_arguments(Sigmoid),
    "Sigmoid.forward": _layer_forward(Sigmoid, 0, 1),
    "Sigmoid.backward": _layer_backward(Sigmoid),
    "sigmoid_derivative": _elementwise(dlintro.sigmoid_derivative, 0, 0.25),
    "softmax": _softmax_like(dlintro.softmax, 0.0, 1.0),
    "softmax_cross_entropy": Target(
        valid=lambda: {"scores": _scores(), "labels": _labels()},
        call=lambda obj, a: dlintro.softmax_cross_entropy(**a),
        check=lambda result, args, obj: loss_and_grad(result, shape_of(args["scores"])),
        kinds={"scores": "array", "labels": "labels"},
        hostile={
            "labels": [
                ("one-hot rows", lambda y: np.eye(3)[y], "same"),
                ("probability rows", lambda y: np.full((4, 3), 1 / 3), "either"),
                ("rows of 1e308", lambda y: np.full((4, 3), 1e308), "error"),
                ("rows not summing to 1", lambda y: np.full((4, 3), 0.5), "error"),
                ("negative rows", lambda y: np.eye(3)[y] * 2 - np.full((4, 3), 1 / 3), "error"),
                ("ragged rows", lambda y: [[1.0, 0.0, 0.0], [0.0, 1.0]] * 2, "error"),
            ],
            "scores": [
                ("1e308 apart", lambda s: np.array([[1e308, -1e308]] * 4), "either"),
            ],
        },
    ),
    "spiral": Target(
        valid=lambda: {"num_classes": 3, "points_per_class": 5, "noise": 0.2, "rng": 0},
        call=lambda obj, a: dlintro.spiral(**a),
        check=_spiral_check,
        kinds={
            "num_classes": ("count", 2, 50),
            "points_per_class": ("count", 1, 50),
            "noise": ("float", 0.0, "closed"),
            "rng": "seed",
        },
    ),
    "tanh": _elementwise(dlintro.tanh, -1, 1),
    "Tanh": _no_arguments(Tanh),
    "Tanh.forward": _layer_forward(Tanh, -1, 1),
    "Tanh.backward": _layer_backward(Tanh),
    "tanh_derivative": _elementwise(dlintro.tanh_derivative, 0, 1),
    "tent_network": Target(
        valid=lambda: {"depth": 2},
        call=lambda obj, a: dlintro.tent_network(**a),
        check=lambda result, args, obj: check_model(result, [1] + [2] * int(args["depth"]) + [1]),
        kinds={"depth": ("count", 1, 60)},
    ),
    "train": Target(
        valid=lambda: {
            "model": MLP([2, 4, 3], rng=0),
            "X": _train_data()[0],
            "labels": _train_data()[1],
            "learning_rate": 0.5,
            "epochs": 2,
            "batch_size": 4,
            "rng": 0,
        },
        call=lambda obj, a: (dlintro.train(**a), a["model"]),
        check=_train_check,
        kinds={
            "model": ("model", "either"),  # a fresh model is what train trains
            "X": "array",
            "labels": "labels",
            "learning_rate": ("float", 0.0, "open"),
            "epochs": ("count", 1, 30),
            "batch_size": ("count", 1, 30, "unbounded"),
            "rng": "seed",
        },
        changes=("model",),
        diverges=True,
        keeps=("X",),  # the trained model's first layer keeps X, as after a forward
    ),
    "Value": Target(
        valid=lambda: {"data": 1.5},
        call=lambda obj, a: Value(**a),
        check=_value_check,
        kinds={"data": "real"},
    ),
    "Value.backward": Target(
        make=_value_graph,
        valid=dict,
        call=lambda obj, a: obj.backward(),
        check=_backward_check,
        kinds={},
    ),
    "Value.exp": _value_function("exp", 0.0, math.inf),
    "Value.log": _value_function("log", -math.inf, 0.0),
    "Value.relu": _value_function("relu", 0.0, math.inf),
    "Value.sigmoid": _value_function("sigmoid", 0.0, 1.0),
    "Value.tanh": _value_function("tanh", -1.0, 1.0),
    "Value.topological_order": Target(
        make=_value_graph,
        valid=dict,
        call=lambda obj, a: obj.topological_order(),
        check=_order_check,
        kinds={},
    ),
    "xavier_normal": _random_weights(dlintro.xavier_normal),
}

# Arguments with a default that the valid call leaves out: their valid value.
DEFAULTS = {("count_linear_pieces", "rtol"): 1e-6, ("numerical_gradient", "method"): "central"}


def _valid_args(name):
    args = TARGETS[name].valid()
    for (target, arg), value in DEFAULTS.items():
        if target == name:
            args[arg] = value
    return args


def _nudged_array_cases():
    """``x`` of the gradient checkers: a float64 ndarray, nudged in place."""
    return [
        ("Fortran order", lambda a: np.asfortranarray(a), "same"),
        ("negative strides", _negative_strides, "same"),
        ("strided view", _strided_view, "same"),
        ("0-d", lambda a: np.array(a.flat[0]), "either"),
        ("list", lambda a: a.tolist(), "error"),
        ("float32", lambda a: a.astype(np.float32), "error"),
        ("int64", lambda a: a.astype(np.int64), "error"),
        ("read-only", _read_only, "error"),
        ("np.matrix", lambda a: np.asmatrix(np.atleast_2d(a)), "error"),
        ("masked", _masked, "error"),
        ("masked, nothing masked", lambda a: np.ma.array(a), "error"),
        ("empty", lambda a: np.empty((0,)), "error"),
        ("NaN", lambda a: _with(a, np.nan), "error"),
        ("inf", lambda a: _with(a, np.inf), "error"),
        ("1e308", lambda a: _with(a, 1e308), "either"),
        ("max float", lambda a: _with(a, np.finfo(np.float64).max), "either"),
        ("subnormal", lambda a: np.full(a.shape, 5e-324), "either"),
        ("-0.0", lambda a: np.full(a.shape, -0.0), "either"),
        ("1e20", lambda a: _with(a, 1e20), "either"),
        ("None", lambda a: None, "error"),
        ("string", lambda a: "x", "error"),
    ]


def hand_picked(name):
    """Every hand-picked case of a target: (argument, label, value, expect)."""
    target = TARGETS[name]
    valid = _valid_args(name)
    cases = []
    for arg, kind in target.kinds.items():
        kind_name = kind[0] if isinstance(kind, tuple) else kind
        if kind_name == "array":
            table = ARRAY_CASES
        elif kind_name == "nudged array":
            table = _nudged_array_cases()
        elif kind_name == "labels":
            table = LABEL_CASES
        elif kind_name == "count":
            table = _count_cases(kind[1], unbounded=kind[3:] == ("unbounded",))
        elif kind_name == "float":
            table = _float_cases(kind[1], open_below=kind[2] == "open")
        elif kind_name == "seed":
            table = SEED_CASES
        elif kind_name == "choice":
            table = _choice_cases()
        elif kind_name == "scalar function":
            table = _scalar_function_cases()
        elif kind_name == "map function":
            table = _map_function_cases()
        elif kind_name == "model":
            table = _model_cases(kind[1])
        elif kind_name == "sizes":
            table = SIZES_CASES
        elif kind_name == "interval":
            table = INTERVAL_CASES
        elif kind_name == "index":
            table = INDEX_CASES
        elif kind_name == "real":
            table = REAL_CASES
        else:
            raise AssertionError(f"{name}: unknown kind {kind!r} of {arg}")
        for label, make, expect in table + target.hostile.get(arg, []):
            if make is None:  # a call out of order: no valid object first
                cases.append((arg, label, None, expect))
                continue
            cases.append((arg, label, make(copy.deepcopy(valid[arg])), expect))
    return cases


@functools.cache
def generated(name):
    """A hypothesis strategy of (argument, value) for a target."""
    target = TARGETS[name]
    valid = _valid_args(name)
    options = []
    for arg, kind in target.kinds.items():
        kind_name = kind[0] if isinstance(kind, tuple) else kind
        if kind_name in ("array", "nudged array"):
            strategy = _array_strategy(valid[arg])
        elif kind_name == "labels":
            strategy = _labels_strategy(valid[arg])
        elif kind_name == "count":
            strategy = _count_strategy(kind[2])
        elif kind_name in ("float", "real"):
            strategy = _float_strategy()
        elif kind_name == "seed":
            strategy = _seed_strategy()
        elif kind_name == "sizes":
            strategy = _sizes_strategy()
        elif kind_name in ("scalar function", "map function"):
            strategy = _function_strategy(kind_name)
        elif kind_name == "choice":
            strategy = st.one_of(st.text(max_size=8), st.none(), st.integers())
        elif kind_name == "model":
            strategy = st.sampled_from([None, "model", 0])
        elif kind_name == "interval":
            strategy = st.one_of(
                st.tuples(wild_floats, wild_floats), st.lists(tame_floats, max_size=3)
            )
        elif kind_name == "index":
            strategy = st.one_of(st.tuples(st.integers()), st.lists(st.integers(-1, 5), max_size=2))
        else:
            raise AssertionError(f"{name}: no strategy for the kind {kind!r} of {arg}")
        options.append(st.tuples(st.just(arg), strategy))
    return st.one_of(options) if options else st.just((None, None))


# --------------------------------------------------------------------------
# One call, judged.
# --------------------------------------------------------------------------


def names(message, arg):
    """Whether ``message`` names the argument ``arg`` (as a word)."""
    return re.search(rf"(?<![\w.]){re.escape(arg)}(?!\w)", message) is not None


def arrays_in(value, depth=0):
    """Every ndarray reachable from ``value`` (results, dlintro objects)."""
    if depth > 4:
        return
    if isinstance(value, np.ndarray):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from arrays_in(item, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            yield from arrays_in(item, depth + 1)
    elif type(value).__module__.startswith("dlintro"):
        for item in vars(value).values():
            yield from arrays_in(item, depth + 1)


def same(a, b):
    """Whether ``a`` is unchanged from its copy ``b``, bit for bit."""
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ma.MaskedArray):
        return same(a.data, b.data) and same(np.ma.getmaskarray(a), np.ma.getmaskarray(b))
    if isinstance(a, np.ndarray):
        if a.dtype != b.dtype or a.shape != b.shape:
            return False
        if a.dtype == object:
            return same(a.tolist(), b.tolist())
        return np.ascontiguousarray(a).tobytes() == np.ascontiguousarray(b).tobytes()
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, np.random.Generator | np.random.RandomState):
        return True  # a generator is there to be advanced
    if isinstance(a, float | np.floating):
        return np.asarray(a).tobytes() == np.asarray(b).tobytes()
    if type(a).__module__.startswith("dlintro"):  # public state, not caches
        public = [k for k in vars(a) if not k.startswith("_")]
        return same([vars(a)[k] for k in public], [vars(b).get(k) for k in public])
    if isinstance(a, set):
        return a == b
    if type(a) is object:  # no state to change
        return True
    try:
        return bool(a == b) or a is b
    except Exception:
        return a is b


def _equal_results(a, b):
    """Whether two results are equal (for values that must give the same result)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (
            isinstance(a, np.ndarray)
            and isinstance(b, np.ndarray)
            and a.dtype == b.dtype
            and np.array_equal(a, b)
        )
    if isinstance(a, list | tuple):
        return (
            isinstance(b, list | tuple)
            and len(a) == len(b)
            and all(_equal_results(x, y) for x, y in zip(a, b, strict=True))
        )
    if type(a).__module__.startswith("dlintro"):
        return type(a) is type(b) and _equal_results(
            [vars(a)[k] for k in sorted(vars(a))], [vars(b)[k] for k in sorted(vars(b))]
        )
    if isinstance(a, dict):
        return _equal_results(list(a.values()), list(b.values()))
    return a == b or a is b


@dataclass
class Verdict:
    outcome: str
    why: str = ""
    kind: str = ""  # of a broken promise: what python -m tests.test_contract counts


SILENT, UNCLEAR, CHANGED, SHARED = (
    "silently wrong",
    "unclear error",
    "input changed",
    "shared memory",
)


def _fresh(name):
    """The object of a method before any forward: for a backward called too early."""
    cls = name.split(".")[0]
    if cls == "Linear":
        return Linear(np.array([[1.0, -1.0, 0.5], [0.0, 2.0, 1.0]]), np.zeros(3))
    if cls == "MLP":
        return MLP([2, 4, 3], rng=0)
    return getattr(dlintro, cls)()


def judge(name, args, varied, expect, reference=None, *, early=False):
    """Call target ``name`` with ``args``, ``varied`` being the hostile argument.

    ``early`` calls a method on an object that has not run ``forward``.
    """
    target = TARGETS[name]
    obj = _fresh(name) if early else target.make()
    before = copy.deepcopy(args)
    inputs = [value for key, value in args.items() if key not in target.changes]
    writeable = [a.flags.writeable for a in arrays_in(inputs)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            warnings.simplefilter("ignore", PendingDeprecationWarning)  # np.matrix
            result = target.call(obj, args)
    except (ValueError, TypeError, RuntimeError, Boom) as err:
        message = f"{type(err).__name__}: {err}"
        if type(err) is Boom or expect is Boom:  # the caller's own error
            ok = type(err) is Boom
        elif expect is RuntimeError:
            ok = type(err) is RuntimeError and "before" in str(err)
        else:
            ok = isinstance(err, ValueError | TypeError) and names(str(err), varied)
        if not ok:
            return Verdict(OTHER, message, UNCLEAR)
        changed = [key for key in args if not same(args[key], before[key])]
        if target.diverges and "diverged" in str(err):
            changed = [key for key in changed if key not in target.changes]
        if changed or writeable != [a.flags.writeable for a in arrays_in(inputs)]:
            return Verdict(OTHER, f"changed {changed} and raised {message}", CHANGED)
        return Verdict(CLEAR)
    except Exception as err:  # a NumPy warning means an inf or nan on its way out
        kind = SILENT if isinstance(err, Warning) else UNCLEAR
        return Verdict(OTHER, f"{type(err).__name__}: {err}", kind)
    if expect in ("error", Boom, RuntimeError):
        expected = getattr(expect, "__name__", "an error")
        return Verdict(OTHER, f"accepted (expected {expected})", SILENT)
    try:
        target.check(result, args, obj)
    except Exception as err:
        return Verdict(OTHER, f"wrong result ({type(err).__name__}: {err!s:.200})", SILENT)
    changed = [k for k in args if k not in target.changes and not same(args[k], before[k])]
    if changed or writeable != [a.flags.writeable for a in arrays_in(inputs)]:
        return Verdict(OTHER, f"changed its input {changed}", CHANGED)
    given = {
        key: list(arrays_in(value)) for key, value in args.items() if key not in target.changes
    }
    changed = {id(a) for key in target.changes for a in arrays_in(args[key])}
    returned = [a for a in arrays_in(result) if id(a) not in changed]  # not the model
    kept = list(arrays_in(obj)) + [a for key in target.changes for a in arrays_in(args[key])]
    for key, inputs in given.items():
        for out in returned + ([] if key in target.keeps else kept):
            if any(np.shares_memory(out, a) for a in inputs):
                return Verdict(OTHER, f"returns or keeps a view of its input {key}", SHARED)
    for i, out in enumerate(returned):
        if any(out is not a and np.shares_memory(out, a) for a in returned[i + 1 :]):
            return Verdict(OTHER, "returns one array twice", SHARED)
        if not target.returns_kept and any(np.shares_memory(out, a) for a in kept):
            return Verdict(OTHER, "returns an array that it also keeps", SHARED)
    if expect == "same" and reference is not None and not _equal_results(result, reference):
        return Verdict(OTHER, "gives another result than for the plain valid value", SILENT)
    return Verdict(CORRECT)


def reference(name):
    """The result of the valid call, for values that must give the same."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return TARGETS[name].call(TARGETS[name].make(), _valid_args(name))


def run_hand_picked(name):
    """Every hand-picked case of ``name``: a list of ((argument, label), Verdict)."""
    ref = reference(name)
    verdicts = []
    for arg, label, value, expect in hand_picked(name):
        args = _valid_args(name)
        early = value is None and expect is RuntimeError  # backward before forward
        if not early:
            args[arg] = value
        verdicts.append(((arg, label), judge(name, args, arg, expect, ref, early=early)))
    return verdicts


# --------------------------------------------------------------------------
# The tests.
# --------------------------------------------------------------------------


def public_names():
    """Every name of ``__all__``, and ``Class.method`` for its classes' public methods."""
    found = []
    for name in dlintro.__all__:
        found.append(name)
        obj = getattr(dlintro, name)
        if inspect.isclass(obj):
            for attr, value in vars(obj).items():
                if not attr.startswith("_") and inspect.isfunction(value):
                    found.append(f"{name}.{attr}")
    return found


def test_every_public_name_has_a_target():
    missing = sorted(set(public_names()) - set(TARGETS))
    assert not missing, (
        f"add a Target (how to call it, valid arguments, argument kinds, the documented "
        f"result) to tests/test_contract.py for: {missing}"
    )
    stale = sorted(set(TARGETS) - set(public_names()))
    assert not stale, f"targets of names that are no longer public: {stale}"


def test_every_argument_has_a_kind():
    for name, target in TARGETS.items():
        func = getattr(dlintro, name.split(".")[0])
        if "." in name:
            func = getattr(func, name.split(".")[1])
        elif inspect.isclass(func) and not dataclasses.is_dataclass(func):
            func = func.__init__
        params = [p for p in inspect.signature(func).parameters if p != "self"]
        assert sorted(params) == sorted(target.kinds), name


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_hand_picked_hostile_input(name):
    broken = [
        f"{arg}={label}: {v.why}" for (arg, label), v in run_hand_picked(name) if v.outcome == OTHER
    ]
    assert not broken, f"{name}: {len(broken)} broken promises:\n" + "\n".join(broken)


GENERATED = settings(
    max_examples=10,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
RECORD = None  # a list while python -m tests.test_contract counts outcomes


@pytest.mark.parametrize("name", sorted(TARGETS))
@GENERATED
@given(data=st.data())
def test_generated_hostile_input(name, data):
    arg, value = data.draw(generated(name), label="argument, value")
    args = _valid_args(name)
    if arg is not None:
        args[arg] = value
    verdict = judge(name, args, arg, "either")
    if RECORD is not None:
        RECORD.append((arg, value, verdict))
        return
    assert verdict.outcome != OTHER, f"{name}({arg}={value!r}): {verdict.why}"


def count(names_to_run=None, show=20):
    """Run every hand-picked and generated input; print the outcome counts.

    Broken promises are counted by kind, and the first ``show`` are listed.
    """
    global RECORD
    totals, kinds, broken = Counter(), Counter(), []
    for name in names_to_run or sorted(TARGETS):
        tried = [("hand-picked", arg, label, v) for (arg, label), v in run_hand_picked(name)]
        RECORD = []
        test_generated_hostile_input(name=name)
        tried += [("generated", arg, f"{value!r:.60}", v) for arg, value, v in RECORD]
        RECORD = None
        for source, arg, label, verdict in tried:
            totals[source, verdict.outcome] += 1
            if verdict.outcome == OTHER:
                kinds[verdict.kind] += 1
                broken.append(f"{name}({arg}={label}): {verdict.why}")
    for source in ("hand-picked", "generated"):
        n = sum(v for (s, _), v in totals.items() if s == source)
        parts = ", ".join(f"{o} {totals[source, o]}" for o in (CORRECT, CLEAR, OTHER))
        print(f"{source}: {n} inputs: {parts}")
    print(f"total: {sum(totals.values())} inputs; broken promises: {dict(kinds)}")
    for line in broken[:show]:
        print("  ", " ".join(line.split())[:300])
    return totals, broken


if __name__ == "__main__":
    chosen = [arg for arg in sys.argv[1:] if arg != "-v"]
    count(chosen or None, show=10**9 if "-v" in sys.argv else 40)
