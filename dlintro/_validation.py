"""Input checks shared by every public function and class.

Each check converts its input (arrays with :func:`numpy.asarray`) and raises
a ``TypeError`` (wrong kind of data) or ``ValueError`` (wrong shape or value)
whose message names the argument and says what was expected. The package
modules import them in their ``imports`` section, so that code included on a
page runs on its own.
"""

import numpy as np


def _asarray(x, name, shape_hint):
    try:
        return np.asarray(x)
    except ValueError as err:  # ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular array{_with_shape(shape_hint)}: {err}"
        ) from None


def _with_shape(shape_hint):
    return f" with shape {shape_hint}" if shape_hint else ""


def as_float_array(x, name, *, ndim=None, shape_hint=None):
    """Return ``x`` as a finite float64 array with one of the allowed ``ndim``.

    ``ndim`` is an int, a tuple of ints, or None for any number of
    dimensions; ``shape_hint`` (e.g. ``"(n, d)"``) is quoted in the error
    messages.
    """
    arr = _asarray(x, name, shape_hint)
    if arr.dtype == np.bool_ or not (
        np.issubdtype(arr.dtype, np.integer)
        or np.issubdtype(arr.dtype, np.floating)
    ):
        raise TypeError(
            f"{name} must be an array of real numbers{_with_shape(shape_hint)}, "
            f"got dtype {arr.dtype}"
        )
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if allowed is not None and arr.ndim not in allowed:
        dims = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(
            f"{name} must be {dims}{_with_shape(shape_hint)}, "
            f"got shape {arr.shape}"
        )
    if 0 in arr.shape:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    arr = arr.astype(np.float64, copy=False)
    if not np.isfinite(arr).all():
        where = tuple(int(i) for i in np.argwhere(~np.isfinite(arr))[0])
        raise ValueError(
            f"{name} must contain only finite values, "
            f"found {arr[where]} at index {where}"
        )
    return arr


def as_labels(labels, name, *, num_classes):
    """Return ``labels`` as 1-D int64 class indices in ``[0, num_classes)``."""
    if isinstance(num_classes, bool) or not isinstance(
        num_classes, (int, np.integer)
    ):
        raise TypeError(
            f"num_classes must be an int, got {type(num_classes).__name__}"
        )
    if num_classes < 1:
        raise ValueError(f"num_classes must be at least 1, got {num_classes}")
    arr = _asarray(labels, name, "(n,)")
    if arr.dtype == np.bool_ or not np.issubdtype(arr.dtype, np.integer):
        raise TypeError(
            f"{name} must be integer class indices with shape (n,), "
            f"got dtype {arr.dtype}"
        )
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be 1-D with shape (n,), got shape {arr.shape}"
        )
    bad = np.flatnonzero((arr < 0) | (arr >= num_classes))
    if bad.size:
        i = int(bad[0])
        raise ValueError(
            f"{name} must be class indices in [0, {num_classes}), "
            f"found {arr[i]} at position {i}"
        )
    return arr.astype(np.int64, copy=False)


def as_int(value, name, *, minimum):
    """Return ``value`` as an int, checking it is an integer ``>= minimum``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(
            f"{name} must be an int, got {value!r} of type "
            f"{type(value).__name__}"
        )
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def as_generator(rng, name="rng"):
    """Return a ``numpy.random.Generator`` from a Generator, an int seed or None."""
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None or (
        isinstance(rng, (int, np.integer)) and not isinstance(rng, bool)
    ):
        return np.random.default_rng(rng)
    raise TypeError(
        f"{name} must be a numpy.random.Generator or an int seed, "
        f"got {type(rng).__name__}"
    )


def as_positive_float(value, name):
    """Return ``value`` as a float, checking it is a finite number ``> 0``."""
    if isinstance(value, bool) or not isinstance(
        value, (int, float, np.integer, np.floating)
    ):
        raise TypeError(f"{name} must be a float, got {type(value).__name__}")
    if not (np.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be positive and finite, got {value}")
    return float(value)


def choose(value, name, options):
    """Return ``options[value]``, or say which keys are allowed."""
    if not isinstance(value, str) or value not in options:
        raise ValueError(
            f"{name} must be one of {sorted(options)}, got {value!r}"
        )
    return options[value]


def as_layer_sizes(sizes):
    """Return ``sizes`` as a list of at least 2 ints, each at least 1."""
    try:
        sizes = list(sizes)
    except TypeError:
        raise TypeError(
            f"sizes must be a list of ints [d, ..., p], got {sizes!r}"
        ) from None
    if len(sizes) < 2:
        raise ValueError(
            f"sizes must list at least 2 layer sizes [d, ..., p], got {sizes}"
        )
    return [as_int(size, "each of sizes", minimum=1) for size in sizes]


def as_targets(labels, n, p):
    """Labels as class indices (n,) or probability rows (n, p) -> Y (n, p)."""
    if np.ndim(labels) == 2:
        Y = as_float_array(labels, "labels", ndim=2, shape_hint=f"({n}, {p})")
        if Y.shape != (n, p):
            raise ValueError(
                f"labels must have shape ({n},) or ({n}, {p}) to match "
                f"scores, got shape {Y.shape}"
            )
        if (Y < 0).any() or not np.allclose(Y.sum(axis=1), 1.0):
            raise ValueError(
                "2-D labels must be one-hot rows (non-negative, each row "
                "summing to 1)"
            )
        return Y
    idx = as_labels(labels, "labels", num_classes=p)
    if idx.shape != (n,):
        raise ValueError(
            f"labels must have shape ({n},) or ({n}, {p}) to match scores, "
            f"got shape {idx.shape}"
        )
    Y = np.zeros((n, p))
    Y[np.arange(n), idx] = 1.0
    return Y


def after_forward(cached, owner):
    """Return what ``forward`` cached; before any ``forward`` it is None."""
    if cached is None:
        raise RuntimeError(f"{owner}.backward called before forward")
    return cached


def as_upstream_grad(grad, name, shape):
    """The gradient arriving from above: finite, of the output's ``shape``."""
    grad = as_float_array(grad, name, shape_hint=str(shape))
    if grad.shape != shape:
        raise ValueError(
            f"{name} must have the shape of the output {shape}, "
            f"got shape {grad.shape}"
        )
    return grad


def as_same_shape(x, y):
    """``x`` and ``y`` as float arrays of one shape (a gate's two inputs)."""
    x = as_float_array(x, "x")
    y = as_float_array(y, "y", shape_hint=f"{x.shape} like x")
    if x.shape != y.shape:
        raise ValueError(
            f"y must have the shape of x {x.shape}, got shape {y.shape}"
        )
    return x, y


def as_result(a):
    """A 0-D result as a Python float (prints as -12.0), else the array."""
    return float(a) if np.ndim(a) == 0 else a


def check_difference_args(f, x, h, method):
    """Arguments of a finite-difference gradient."""
    if not callable(f):
        raise TypeError(f"f must be callable, got {type(f).__name__}")
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        raise TypeError(
            "x must be a numpy.ndarray of float64 (it is nudged in place), "
            f"got {type(x).__name__} of dtype {getattr(x, 'dtype', None)}"
        )
    if x.size == 0:
        raise ValueError(f"x must not be empty, got shape {x.shape}")
    as_positive_float(h, "h")
    choose(method, "method", {"central": None, "forward": None})


def real_value(f, x):
    """``f(x)`` as a float, checking it is one finite real number."""
    value = f(x)
    if np.ndim(value) != 0 or not np.isrealobj(value):
        raise TypeError(
            f"f must return a real number, got {type(value).__name__} "
            f"with shape {np.shape(value)}"
        )
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"f returned {value}; it must return a finite number")
    return value
