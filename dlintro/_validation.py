"""Input checks shared by every public function and class.

Each check converts its input and raises a ``TypeError`` (wrong kind of
data) or ``ValueError`` (wrong shape or value) whose message names the
argument and says what was expected. The package modules import them in
their ``imports`` section, so that code included on a page runs on its own.

Arrays come back as float64 (or int64) arrays: the caller's own array if
it is one already (no check changes it), else a new one. Masked arrays and
``numpy.matrix`` are refused, because a plain array's arithmetic would
silently ignore the mask or turn ``*`` into a matrix product.

Sizes are capped (``MAX_ELEMENTS``, ``MAX_LAYERS``): a size that would
exhaust the memory gets a message that gives the cap instead of a
``MemoryError`` half-way through.
"""

import functools
import math
import numbers
import threading
from contextlib import contextmanager

import numpy as np

MAX_ELEMENTS = 10**8  # the largest array a function makes from given sizes
MAX_LAYERS = 1000  # the most Linear layers an MLP may have


def _short(value, limit=40):
    """``repr(value)``, cut to ``limit`` characters for a one-line message."""
    try:
        text = repr(value)
    except ValueError:  # an int of more digits than Python will print
        text = f"an int of {value.bit_length()} bits"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _with_shape(shape_hint):
    return f" with shape {shape_hint}" if shape_hint else ""


def _asarray(x, name, shape_hint):
    if isinstance(x, np.ma.MaskedArray):
        raise TypeError(
            f"{name} must be a plain array, not a masked array (its mask "
            f"would be ignored): pass {name}.filled(value) or "
            f"{name}.compressed()"
        )
    if isinstance(x, np.matrix):
        raise TypeError(
            f"{name} must be a plain array, not numpy.matrix (whose * is a "
            f"matrix product): pass np.asarray({name})"
        )
    try:
        return np.asarray(x)
    except (ValueError, TypeError, OverflowError):  # ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular array{_with_shape(shape_hint)}, "
            "got nested sequences of different lengths"
        ) from None


def as_float_array(x, name, *, ndim=None, shape_hint=None):
    """Return ``x`` as a finite float64 array with one of the allowed ``ndim``.

    ``ndim`` is an int, a tuple of ints, or None for any number of
    dimensions; ``shape_hint`` (e.g. ``"(n, d)"``) is quoted in the error
    messages.
    """
    arr = _asarray(x, name, shape_hint)
    if arr.dtype == np.bool_ or arr.dtype.kind not in "iuf":
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


def as_labels(labels, name, *, num_classes, source=None):
    """Return ``labels`` as 1-D int64 class indices in ``[0, num_classes)``.

    ``source`` says where ``num_classes`` comes from, for the message, e.g.
    ``"scores has 3 columns"``. The one-hot matrix of the labels, with
    ``len(labels) * num_classes`` entries, must not exceed ``MAX_ELEMENTS``.
    """
    if isinstance(num_classes, bool) or not isinstance(
        num_classes, (int, np.integer)
    ):
        raise TypeError(
            f"num_classes must be an int, got {type(num_classes).__name__}"
        )
    num_classes = as_int(num_classes, "num_classes", minimum=1)
    arr = _asarray(labels, name, "(n,)")
    if arr.dtype == np.bool_ or arr.dtype.kind not in "iu":
        raise TypeError(
            f"{name} must be integer class indices with shape (n,), "
            f"got dtype {arr.dtype}"
        )
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be 1-D with shape (n,), got shape {arr.shape}"
        )
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    check_size(arr.size * num_classes, f"len({name}) * num_classes")
    bad = np.flatnonzero((arr < 0) | (arr >= num_classes))
    if bad.size:
        i = int(bad[0])
        raise ValueError(
            f"{name} must be class indices in [0, {num_classes}), "
            f"found {arr[i]} at position {i} "
            f"({source or f'num_classes is {num_classes}'})"
        )
    return arr.astype(np.int64, copy=False)


def as_int(value, name, *, minimum, maximum=MAX_ELEMENTS):
    """Return ``value`` as an int in ``[minimum, maximum]`` (no maximum if None)."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(
            f"{name} must be an int, got {_short(value)} of type "
            f"{type(value).__name__}"
        )
    if value < minimum:
        raise ValueError(
            f"{name} must be at least {minimum}, got {_short(value, 80)}"
        )
    if maximum is not None and value > maximum:
        raise ValueError(
            f"{name} must be at most {maximum}, got {_short(value, 80)}"
        )
    return int(value)


def check_size(count, what):
    """Refuse to make an array of more than ``MAX_ELEMENTS`` entries."""
    if count > MAX_ELEMENTS:
        raise ValueError(f"{what} must be at most {MAX_ELEMENTS}, got {count}")


def as_generator(rng, name="rng"):
    """Return a ``numpy.random.Generator`` from a Generator, an int seed or None."""
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, (int, np.integer)) and not isinstance(rng, bool):
        if rng < 0:
            raise ValueError(
                f"{name} must be a non-negative int seed, got {_short(rng, 80)}"
            )
        return np.random.default_rng(int(rng))
    if rng is None:
        return np.random.default_rng()
    raise TypeError(
        f"{name} must be a numpy.random.Generator or an int seed, "
        f"got {type(rng).__name__}"
    )


def _as_number(value, name):
    """``value`` as a float (maybe inf or nan); it must be one real number."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(
        value, (numbers.Real, np.integer, np.floating)
    ):
        raise TypeError(f"{name} must be a float, got {type(value).__name__}")
    try:
        return float(value)
    except OverflowError:  # an int beyond float64's range
        return math.inf if value > 0 else -math.inf


def as_real(value, name):
    """Return ``value`` as a finite float; it must be one real number."""
    value = _as_number(value, name)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    return value


def as_positive_float(value, name):
    """Return ``value`` as a float, checking it is a finite number ``> 0``."""
    value = _as_number(value, name)
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be positive and finite, got {value}")
    return value


def as_nonnegative_float(value, name):
    """Return ``value`` as a float, checking it is a finite number ``>= 0``."""
    value = _as_number(value, name)
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(
            f"{name} must be non-negative and finite, got {value}"
        )
    return value + 0.0  # -0.0 -> 0.0


def choose(value, name, options):
    """Return ``options[value]``, or say which keys are allowed."""
    if not isinstance(value, str) or value not in options:
        raise ValueError(
            f"{name} must be one of {sorted(options)}, got {_short(value)}"
        )
    return options[value]


def check_callable(f, name="f"):
    if not callable(f):
        raise TypeError(f"{name} must be callable, got {type(f).__name__}")


def as_layer_sizes(sizes):
    """Return ``sizes`` as a list of at least 2 ints, each at least 1."""
    if isinstance(sizes, (str, bytes, np.ma.MaskedArray)) or not isinstance(
        sizes, (list, tuple, range, np.ndarray)
    ):
        raise TypeError(
            "sizes must be a list of ints [d, ..., p], "
            f"got {type(sizes).__name__} {_short(sizes)}"
        )
    if isinstance(sizes, np.ndarray) and sizes.ndim != 1:
        raise TypeError(
            f"sizes must be a list of ints [d, ..., p], got shape {sizes.shape}"
        )
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(
            f"sizes must list at least 2 layer sizes [d, ..., p], got {sizes}"
        )
    if len(sizes) > MAX_LAYERS + 1:
        raise ValueError(
            f"sizes must list at most {MAX_LAYERS + 1} layer sizes, "
            f"got {len(sizes)}"
        )
    sizes = [as_int(size, "each of sizes", minimum=1) for size in sizes]
    count = sum(d * p + p for d, p in zip(sizes[:-1], sizes[1:], strict=True))
    check_size(count, "the number of parameters of sizes")
    return sizes


def as_targets(labels, n, p):
    """Labels as class indices (n,) or probability rows (n, p) -> Y (n, p)."""
    arr = _asarray(labels, "labels", f"({n},) or ({n}, {p})")
    if arr.ndim == 2:
        Y = as_float_array(arr, "labels", ndim=2, shape_hint=f"({n}, {p})")
        if Y.shape != (n, p):
            raise ValueError(
                f"labels must have shape ({n},) or ({n}, {p}) to match "
                f"scores, got shape {Y.shape}"
            )
        if ((Y < 0) | (Y > 1)).any() or not np.allclose(Y.sum(axis=1), 1.0):
            raise ValueError(
                "2-D labels must be one-hot rows (non-negative, each row "
                "summing to 1)"
            )
        return Y
    idx = as_labels(
        arr, "labels", num_classes=p, source=f"scores has {p} columns"
    )
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


def as_output_grad(dO, model):
    """``dO`` for ``model.backward``: the shape of the last forward's output."""
    last = model.layers[-1]  # a Linear: O = H W + b
    H = after_forward(last._X, type(model).__name__)
    return as_upstream_grad(dO, "dO", (H.shape[0], last.W.shape[1]))


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
    """A 0-D result as a Python float (prints as -12.0), else the array itself."""
    return float(a) if np.ndim(a) == 0 else a


class NotFiniteError(ValueError):
    """A result overflowed float64: it would be inf or NaN.

    ``where`` names the computation that overflowed.
    """

    def __init__(self, message, where):
        super().__init__(message)
        self.where = where


def _check_finite(result):
    if isinstance(result, tuple):
        for item in result:
            _check_finite(item)
    elif isinstance(result, (float, np.floating, np.ndarray)):
        if not np.isfinite(result).all():
            raise FloatingPointError("a result is not finite")


def finite_output(blame):
    """Decorator: a result that overflows is an error naming ``blame``.

    The function runs with NumPy's floating-point errors raised (underflow
    to 0 is harmless and allowed). An overflow, or an inf or NaN among the
    results, becomes a ``ValueError`` saying which arguments hold values
    too large, instead of a warning and an inf or NaN passed on. Within
    another decorated call, the outer call's arguments are the ones named.
    """

    def decorate(func):
        @functools.wraps(func)
        def checked(*args, **kwargs):
            if _checking.active:  # the outer call checks, and names its own
                return func(*args, **kwargs)
            _checking.active = True
            try:
                with np.errstate(
                    over="raise",
                    invalid="raise",
                    divide="raise",
                    under="ignore",
                ):
                    result = func(*args, **kwargs)
                    _check_finite(result)
            except (FloatingPointError, NotFiniteError) as err:
                where = getattr(err, "where", func.__qualname__)
                raise NotFiniteError(
                    f"{func.__qualname__} overflowed float64 (inf or nan): "
                    f"a value in {blame} is too large",
                    where,
                ) from None
            finally:
                _checking.active = False
            return result

        return checked

    return decorate


class _Checking(threading.local):
    active = False  # inside a call decorated with finite_output, this thread?


_checking = _Checking()


def as_model(model):
    """``model`` checked to be an MLP: its ``linears`` are its Linear layers."""
    linears = getattr(model, "linears", None)
    if not (
        isinstance(linears, list)
        and linears
        and all(hasattr(lin, "dW") and hasattr(lin, "W") for lin in linears)
    ):
        raise TypeError(
            "model must be an MLP (a model with Linear layers in "
            f".linears), got {type(model).__name__}"
        )
    return model


def check_step(model, eta):
    """Check an SGD step on ``model`` before it changes anything.

    Raises RuntimeError before any ``backward``, and ValueError naming
    ``learning_rate`` if a parameter would overflow: then the model is left
    as it was.
    """
    linears = as_model(model).linears
    if any(layer.dW is None for layer in linears):
        raise RuntimeError("sgd_step called before model.backward")
    with np.errstate(over="ignore", invalid="ignore"):
        finite = all(
            np.isfinite(layer.W - eta * layer.dW).all()
            and np.isfinite(layer.b - eta * layer.db).all()
            for layer in linears
        )
    if not finite:
        raise NotFiniteError(
            f"sgd_step: W - learning_rate * dW overflows float64 "
            f"(inf or nan): learning_rate {eta:g} is too large",
            "sgd_step",
        )


def as_training_data(model, X, labels):
    """``X`` (n, d) and ``labels`` (n,) checked against ``model``'s sizes.

    One forward pass checks that the model's scores for ``X`` are finite, so
    that an overflow later on is the training's doing.
    """
    first, last = as_model(model).linears[0], model.linears[-1]
    d, p = first.W.shape[0], last.W.shape[1]
    X = as_float_array(X, "X", ndim=2, shape_hint=f"(n, {d})")
    if X.shape[1] != d:
        raise ValueError(
            f"X must have shape (n, {d}) to match W of the model's first "
            f"layer, got shape {X.shape}"
        )
    labels = as_labels(
        labels, "labels", num_classes=p, source=f"model has {p} outputs"
    )
    if labels.shape != (X.shape[0],):
        raise ValueError(
            f"labels must have shape ({X.shape[0]},) to match X, "
            f"got shape {labels.shape}"
        )
    try:
        model.forward(X)
    except NotFiniteError as err:
        raise NotFiniteError(
            "the model's scores for X overflow float64 before training: "
            "X (or the model's weights) holds values too large",
            err.where,
        ) from None
    return X, labels


def as_batch_size(batch_size, n):
    """Samples per SGD step: an int of at least 1 (any size), or None for all ``n``."""
    if batch_size is None:
        return n
    return as_int(batch_size, "batch_size", minimum=1, maximum=None)


@contextmanager
def stop_if_diverging(epoch, learning_rate):
    """Turn an overflow during ``epoch`` into an error naming ``learning_rate``."""
    try:
        yield
    except NotFiniteError as err:
        diverged = NotFiniteError(
            f"training diverged in epoch {epoch} ({err.where} overflowed "
            f"float64): lower learning_rate (got {learning_rate:g}) or "
            "scale X down",
            err.where,
        )
        diverged.epoch = epoch
        raise diverged from None


def check_difference_args(f, x, h, method):
    """Arguments of a finite-difference gradient; returns ``h`` as a float."""
    check_callable(f)
    if type(x) is not np.ndarray or x.dtype != np.float64:
        raise TypeError(
            "x must be a numpy.ndarray of float64 (it is nudged in place), "
            f"got {type(x).__name__} of dtype {getattr(x, 'dtype', None)}"
        )
    if not x.flags.writeable:
        raise ValueError(
            "x must be writeable (it is nudged in place), got a read-only array"
        )
    as_float_array(x, "x")  # not empty, finite
    h = as_positive_float(h, "h")
    choose(method, "method", {"central": None, "forward": None})
    with np.errstate(over="ignore"):
        up, down = x + h, x - h
    if not (np.isfinite(up).all() and np.isfinite(down).all()):
        raise ValueError(
            f"h is too large for x: x + h or x - h overflows float64 (h = {h:g})"
        )
    lost = (up == x) | (down == x)
    if lost.any():
        i = tuple(int(k) for k in np.argwhere(lost)[0])
        raise ValueError(
            f"h is too small for x: x + h rounds to x at index {i} "
            f"(x = {x[i]:g}, h = {h:g})"
        )
    return h


def real_value(f, x):
    """``f(x)`` as a float, checking it is one finite real number."""
    value = f(x)
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value[()]
    try:
        number = _as_number(value, "f(x)")
    except TypeError:
        raise TypeError(
            f"f must return a real number, got {type(value).__name__} "
            f"with shape {np.shape(value)}"
        ) from None
    if not math.isfinite(number):
        raise ValueError(
            f"f returned {number}; it must return a finite number"
        )
    return number


def as_gradient_of(analytic, x):
    """``analytic`` as a finite float array of the shape of ``x``."""
    analytic = as_float_array(
        analytic, "analytic", shape_hint="the shape of x"
    )
    if isinstance(x, np.ndarray) and analytic.shape != x.shape:
        raise ValueError(
            f"analytic must have the shape of x {x.shape}, "
            f"got shape {analytic.shape}"
        )
    return analytic


def as_index(index, name):
    """``index`` as a tuple of non-negative ints."""
    if not isinstance(index, (tuple, list)):
        raise TypeError(
            f"{name} must be a tuple of ints, got {type(index).__name__}"
        )
    return tuple(
        as_int(i, f"each of {name}", minimum=0, maximum=None) for i in index
    )


def as_samples(x, y):
    """``x`` strictly increasing and ``y`` of its shape (m,), m >= 2."""
    x = as_float_array(x, "x", ndim=1, shape_hint="(m,)")
    y = as_float_array(y, "y", ndim=1, shape_hint=f"({x.shape[0]},)")
    if y.shape != x.shape or x.shape[0] < 2:
        raise ValueError(
            f"x and y must have the same shape (m,) with m >= 2, "
            f"got {x.shape} and {y.shape}"
        )
    if not (np.diff(x) > 0).all():
        raise ValueError("x must be strictly increasing")
    return x, y


def as_interval(interval, name="interval"):
    """``interval`` as two finite floats ``(a, b)`` with ``a < b``."""
    ends = as_float_array(interval, name, ndim=1, shape_hint="(2,)")
    if ends.shape != (2,) or not ends[0] < ends[1]:
        raise ValueError(
            f"{name} must be (a, b) with a < b, got {_short(interval)}"
        )
    return float(ends[0]), float(ends[1])
