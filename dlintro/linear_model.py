"""The linear model ``O = XW + b``: d features, p outputs (page: linear-model)."""

# --8<-- [start:imports]

from dlintro._validation import as_float_array, finite_output

# --8<-- [end:imports]


# --8<-- [start:linear]
@finite_output(blame="X, W or b")
def linear(X, W, b):
    # --8<-- [end:linear]
    """Forward pass of a linear (affine) layer: ``O = X W + b``.

    Row-vector convention: each row of ``X`` is one sample, and ``b`` is
    added to every row (broadcasting).

    Parameters
    ----------
    X : array_like, shape (n, d)
        ``n`` samples with ``d`` features each.
    W : array_like, shape (d, p)
        Weights: column ``k`` holds the ``d`` weights of output ``k``.
    b : array_like, shape (p,) or (1, p)
        Bias (intercept), one per output.

    Returns
    -------
    numpy.ndarray, shape (n, p)
        Outputs: ``O[i, k] = sum_j X[i, j] * W[j, k] + b[k]``.

    Raises
    ------
    TypeError
        If an argument is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If a shape is wrong or the shapes do not match, a value is not
        finite, or ``O`` overflows (a value too large in ``X``, ``W`` or ``b``).

    Examples
    --------
    >>> import numpy as np
    >>> from dlintro import linear
    >>> X = np.array([[1.0, 2.0]])         # n=1 sample, d=2 features
    >>> W = np.array([[1.0, 0.0, -1.0],
    ...               [0.0, 1.0, 1.0]])    # d=2, p=3
    >>> linear(X, W, b=np.array([0.5, 0.0, 0.0]))
    array([[1.5, 2. , 1. ]])
    """
    # --8<-- [start:linear-body]
    X = as_float_array(X, "X", ndim=2, shape_hint="(n, d)")
    W = as_float_array(W, "W", ndim=2, shape_hint="(d, p)")
    b = as_float_array(b, "b", ndim=(1, 2), shape_hint="(p,) or (1, p)")
    n, d = X.shape
    if W.shape[0] != d:
        raise ValueError(
            f"W must have shape (d, p) with d = {d} rows "
            f"to match X of shape {X.shape}, got shape {W.shape}"
        )
    p = W.shape[1]
    if b.shape not in ((p,), (1, p)):
        raise ValueError(
            f"b must have shape ({p},) or (1, {p}) to match W, "
            f"got shape {b.shape}"
        )
    # (n, d) @ (d, p) -> (n, p); b is broadcast over the n rows
    return X @ W + b
    # --8<-- [end:linear-body]
