"""Input checks shared by every public function.

Each check converts its input with :func:`numpy.asarray` and raises a
``TypeError`` (wrong kind of data) or ``ValueError`` (wrong shape or value)
whose message names the argument and says what was expected.
"""

import numpy as np


def _asarray(x, name, shape_hint):
    try:
        return np.asarray(x)
    except ValueError as err:  # ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular array with shape {shape_hint}: {err}"
        ) from None


def as_float_array(x, name, *, ndim, shape_hint):
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
            f"{name} must be an array of real numbers with shape {shape_hint}, "
            f"got dtype {arr.dtype}"
        )
    allowed = (ndim,) if isinstance(ndim, int) else ndim
    if allowed is not None and arr.ndim not in allowed:
        dims = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(
            f"{name} must be {dims} with shape {shape_hint}, got shape {arr.shape}"
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
