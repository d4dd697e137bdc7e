"""Gradient checking by finite differences (page: gradient-check).

A backward pass is only trusted once it agrees with the slope measured by
nudging each parameter up and down and watching the loss.
"""

# --8<-- [start:imports]
from dataclasses import dataclass

import numpy as np

from dlintro._validation import (
    as_float_array,
    as_gradient_of,
    as_index,
    as_nonnegative_float,
    as_real,
    check_difference_args,
    finite_output,
    real_value,
)

# --8<-- [end:imports]


# --8<-- [start:numerical_gradient]
@finite_output(blame="f, x or h")
def numerical_gradient(f, x, *, h=1e-5, method="central"):
    # --8<-- [end:numerical_gradient]
    r"""Gradient of a scalar function by finite differences, entry by entry.

    $$
    \frac{\partial f}{\partial x_i} \approx
    \frac{f(x + h e_i) - f(x - h e_i)}{2h}
    \quad\text{(central)}, \qquad
    \frac{f(x + h e_i) - f(x)}{h}
    \quad\text{(forward)}
    $$

    The central difference is accurate to $O(h^2)$, the one-sided forward
    difference only to $O(h)$.

    ``x`` is changed *in place*, one entry at a time, and each entry is
    restored before the next, also when ``f`` raises an error. This makes
    the checker work on any parameter array, including one held inside a
    model: ``f`` may ignore its argument and read the array from the model
    instead.

    Parameters
    ----------
    f : callable
        ``f(x)`` returns a real number (for example a loss).
    x : numpy.ndarray of float64, any shape
        The point at which to differentiate: finite, writeable, and a plain
        array (not masked, not a ``numpy.matrix``); nudged in place and
        restored.
    h : float, default 1e-5
        Step size: ``x + h`` and ``x - h`` must differ from ``x`` and stay
        finite.
    method : {"central", "forward"}
        Central or one-sided (forward) differences.

    Returns
    -------
    numpy.ndarray, the shape of ``x``
        Entry ``i`` approximates $\partial f / \partial x_i$.

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``x`` is not a float64 ndarray, or ``f``
        does not return a real number.
    ValueError
        If ``x`` is read-only, empty or not finite, ``h`` is not positive
        and finite or too large or too small for ``x``, ``method`` is
        unknown, ``f`` returns a non-finite value, or a difference
        quotient overflows.

    Examples
    --------
    >>> import numpy as np
    >>> from dlintro import numerical_gradient
    >>> x = np.array([1.0, 2.0])
    >>> numerical_gradient(lambda v: np.sum(v**3), x)  # exact: 3 x**2
    array([ 3., 12.])
    """
    # --8<-- [start:numerical_gradient-body]
    h = check_difference_args(f, x, h, method)
    grad = np.zeros_like(x)
    f_x = real_value(f, x) if method == "forward" else None
    for i in np.ndindex(x.shape):
        original = x[i]
        try:
            x[i] = original + h
            f_plus = real_value(f, x)
            if method == "central":
                x[i] = original - h
                grad[i] = (f_plus - real_value(f, x)) / (2 * h)
            else:
                grad[i] = (f_plus - f_x) / h
        finally:
            x[i] = original  # restore the entry, even if f raised
    return grad
    # --8<-- [end:numerical_gradient-body]


# --8<-- [start:relative_error]
def relative_error(analytic, numeric):
    # --8<-- [end:relative_error]
    r"""Entry-wise relative error between two gradients.

    $$
    \operatorname{err}_i = \frac{|a_i - n_i|}{\max(|a_i|, |n_i|)}
    $$

    and 0 where both entries are 0.

    Parameters
    ----------
    analytic, numeric : array_like, the same shape
        The gradient from backpropagation and from finite differences.

    Returns
    -------
    numpy.ndarray, the shape of the inputs
        Values in ``[0, 2]``: about 1e-7 or less is agreement in float64,
        above 1e-2 is almost certainly a bug. Each term is divided by the
        scale before the difference is taken, so that nothing overflows.

    Raises
    ------
    TypeError
        If an argument is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If the shapes differ or a value is not finite.

    Examples
    --------
    >>> from dlintro import relative_error
    >>> relative_error([1.0, 0.0, -2.0], [1.25, 0.0, 2.0])
    array([0.2, 0. , 2. ])
    """
    # --8<-- [start:relative_error-body]
    a = as_float_array(
        analytic, "analytic", ndim=None, shape_hint="of any shape"
    )
    n = as_float_array(
        numeric, "numeric", ndim=None, shape_hint="of any shape"
    )
    if a.shape != n.shape:
        raise ValueError(
            f"numeric must have the shape of analytic {a.shape}, "
            f"got shape {n.shape}"
        )
    scale = np.maximum(np.abs(a), np.abs(n))
    safe = np.where(scale > 0, scale, 1.0)  # 0/0 counts as agreement
    return np.abs(a / safe - n / safe)  # |a - n| / scale, in [0, 2]
    # --8<-- [end:relative_error-body]


# --8<-- [start:GradientCheck]
@dataclass(frozen=True)
class GradientCheck:
    """Result of [`check_gradient`][dlintro.gradcheck.check_gradient].

    Attributes
    ----------
    max_relative_error : float
        The largest entry-wise relative error.
    worst_index : tuple of int
        Where it occurs.
    analytic, numeric : float
        The two gradients at that entry.

    Raises
    ------
    TypeError
        If a field is not a number, or ``worst_index`` is not a tuple of
        ints.
    ValueError
        If a number is not finite, ``max_relative_error`` is negative, or
        an index is negative.
    """

    max_relative_error: float
    worst_index: tuple
    analytic: float
    numeric: float

    def __post_init__(self):  # checked, as floats and a tuple of ints
        set_field = object.__setattr__  # the dataclass is frozen
        error = as_nonnegative_float(
            self.max_relative_error, "max_relative_error"
        )
        set_field(self, "max_relative_error", error)
        set_field(
            self, "worst_index", as_index(self.worst_index, "worst_index")
        )
        set_field(self, "analytic", as_real(self.analytic, "analytic"))
        set_field(self, "numeric", as_real(self.numeric, "numeric"))

    def __str__(self):
        return (
            f"max relative error {self.max_relative_error:.1e} "
            f"at index {self.worst_index}: "
            f"analytic {self.analytic:.8g}, numeric {self.numeric:.8g}"
        )


# --8<-- [end:GradientCheck]


# --8<-- [start:check_gradient]
def check_gradient(f, x, analytic, *, h=1e-5):
    # --8<-- [end:check_gradient]
    """Compare an analytic gradient with central differences; report the worst entry.

    Parameters
    ----------
    f : callable
        ``f(x)`` returns a real number; see
        [`numerical_gradient`][dlintro.gradcheck.numerical_gradient].
    x : numpy.ndarray of float64, any shape
        The parameter array (nudged in place and restored), as for
        [`numerical_gradient`][dlintro.gradcheck.numerical_gradient].
    analytic : array_like, the shape of ``x``
        The gradient to check, e.g. ``dW`` from a backward pass.
    h : float, default 1e-5
        Step size.

    Returns
    -------
    GradientCheck
        The largest relative error, where it is, and both values there.

    Raises
    ------
    TypeError
        If ``f`` is not callable or does not return a real number, ``x`` is
        not a plain float64 ndarray, or ``analytic`` is not an array of real
        numbers.
    ValueError
        If ``analytic`` does not have the shape of ``x``, a value is not
        finite, or ``x`` or ``h`` is refused as by
        [`numerical_gradient`][dlintro.gradcheck.numerical_gradient].

    Examples
    --------
    >>> import numpy as np
    >>> from dlintro import check_gradient
    >>> x = np.array([1.0, 2.0])
    >>> result = check_gradient(lambda v: np.sum(v**3), x, 3 * x**2)
    >>> result.max_relative_error < 1e-9
    True
    >>> wrong = check_gradient(lambda v: np.sum(v**3), x, 2 * x**2)
    >>> print(wrong)
    max relative error 3.3e-01 at index (0,): analytic 2, numeric 3
    """
    # --8<-- [start:check_gradient-body]
    analytic = as_gradient_of(analytic, x)  # finite, the shape of x
    numeric = numerical_gradient(f, x, h=h)
    errors = relative_error(analytic, numeric)
    worst = np.unravel_index(np.argmax(errors), errors.shape)
    return GradientCheck(
        max_relative_error=float(errors[worst]),
        worst_index=tuple(int(i) for i in worst),
        analytic=float(analytic[worst]),
        numeric=float(numeric[worst]),
    )
    # --8<-- [end:check_gradient-body]
