"""Activation functions and their derivatives (page: activations).

Each function works element by element, on an array of any shape.
"""

# --8<-- [start:imports]
import numpy as np

from dlintro._validation import as_float_array

# --8<-- [end:imports]


# --8<-- [start:sigmoid]
def sigmoid(z):
    # --8<-- [end:sigmoid]
    r"""Logistic sigmoid, element-wise.

    $$
    \sigma(z) = \frac{1}{1 + e^{-z}}
    $$

    ``exp`` is only ever called on ``-|z|``, so it cannot overflow: for
    ``z < 0`` the equivalent form $e^{z} / (1 + e^{z})$ is used.

    Parameters
    ----------
    z : array_like, any shape
        Pre-activations. Must be finite.

    Returns
    -------
    numpy.ndarray, the shape of ``z``
        Values in ``[0, 1]``.

    Raises
    ------
    TypeError
        If ``z`` is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If ``z`` is empty or holds NaN or infinity.

    Examples
    --------
    >>> from dlintro import sigmoid
    >>> sigmoid([-1000.0, 0.0, 2.0])
    array([0.        , 0.5       , 0.88079708])
    """
    # --8<-- [start:sigmoid-body]
    z = as_float_array(z, "z")
    e = np.exp(-np.abs(z))  # in (0, 1]: no overflow for any finite z
    s = np.where(z >= 0, 1 / (1 + e), e / (1 + e))
    return s[()]  # a scalar for a scalar z, like NumPy's own functions
    # --8<-- [end:sigmoid-body]


# --8<-- [start:sigmoid_derivative]
def sigmoid_derivative(z):
    # --8<-- [end:sigmoid_derivative]
    r"""Derivative of [`sigmoid`][dlintro.activations.sigmoid], element-wise.

    $$
    \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr) = \sigma(z)\,\sigma(-z)
    \le \tfrac14
    $$

    It is computed as $\sigma(z)\,\sigma(-z)$: for large $|z|$ the factor
    $1 - \sigma(z)$ would lose every digit to rounding once $\sigma(z)$
    rounds to 1, while $\sigma(-z)$ keeps them.

    Parameters
    ----------
    z : array_like, any shape
        Pre-activations. Must be finite.

    Returns
    -------
    numpy.ndarray, the shape of ``z``
        Values in ``[0, 0.25]``; the maximum is at ``z = 0``.

    Raises
    ------
    TypeError
        If ``z`` is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If ``z`` is empty or holds NaN or infinity.

    Examples
    --------
    >>> from dlintro import sigmoid_derivative
    >>> sigmoid_derivative([0.0, 10.0])
    array([2.50000000e-01, 4.53958077e-05])
    """
    # --8<-- [start:sigmoid_derivative-body]
    z = as_float_array(z, "z")
    return sigmoid(z) * sigmoid(-z)  # sigmoid(-z) = 1 - sigmoid(z), exactly
    # --8<-- [end:sigmoid_derivative-body]


# --8<-- [start:tanh]
def tanh(z):
    # --8<-- [end:tanh]
    r"""Hyperbolic tangent, element-wise.

    $$
    \tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} = 2\sigma(2z) - 1
    $$

    Parameters
    ----------
    z : array_like, any shape
        Pre-activations. Must be finite.

    Returns
    -------
    numpy.ndarray, the shape of ``z``
        Values in ``[-1, 1]``.

    Raises
    ------
    TypeError
        If ``z`` is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If ``z`` is empty or holds NaN or infinity.

    Examples
    --------
    >>> from dlintro import tanh
    >>> tanh([-1000.0, 0.0, 1.0])
    array([-1.        ,  0.        ,  0.76159416])
    """
    # --8<-- [start:tanh-body]
    z = as_float_array(z, "z")
    return np.tanh(z)  # NumPy's tanh does not overflow
    # --8<-- [end:tanh-body]


# --8<-- [start:tanh_derivative]
def tanh_derivative(z):
    # --8<-- [end:tanh_derivative]
    r"""Derivative of [`tanh`][dlintro.activations.tanh], element-wise.

    $$
    \tanh'(z) = 1 - \tanh^2(z) \le 1
    $$

    Parameters
    ----------
    z : array_like, any shape
        Pre-activations. Must be finite.

    Returns
    -------
    numpy.ndarray, the shape of ``z``
        Values in ``[0, 1]``; the maximum is at ``z = 0``.

    Raises
    ------
    TypeError
        If ``z`` is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If ``z`` is empty or holds NaN or infinity.

    Examples
    --------
    >>> from dlintro import tanh_derivative
    >>> tanh_derivative([0.0, 1.0])
    array([1.        , 0.41997434])
    """
    # --8<-- [start:tanh_derivative-body]
    t = tanh(z)
    return 1 - t**2
    # --8<-- [end:tanh_derivative-body]


# --8<-- [start:relu]
def relu(z):
    # --8<-- [end:relu]
    r"""Rectified linear unit, element-wise.

    $$
    \operatorname{ReLU}(z) = \max(0, z)
    $$

    Parameters
    ----------
    z : array_like, any shape
        Pre-activations. Must be finite.

    Returns
    -------
    numpy.ndarray, the shape of ``z``
        ``z`` where it is positive, 0 elsewhere.

    Raises
    ------
    TypeError
        If ``z`` is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If ``z`` is empty or holds NaN or infinity.

    Examples
    --------
    >>> from dlintro import relu
    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    # --8<-- [start:relu-body]
    z = as_float_array(z, "z")
    return np.maximum(0.0, z)
    # --8<-- [end:relu-body]


# --8<-- [start:relu_derivative]
def relu_derivative(z):
    # --8<-- [end:relu_derivative]
    r"""Derivative of [`relu`][dlintro.activations.relu], element-wise.

    $$
    \operatorname{ReLU}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}
    $$

    ReLU has no derivative at 0; like most libraries, this function uses 0
    there.

    Parameters
    ----------
    z : array_like, any shape
        Pre-activations. Must be finite.

    Returns
    -------
    numpy.ndarray, the shape of ``z``
        1.0 where ``z > 0``, 0.0 elsewhere.

    Raises
    ------
    TypeError
        If ``z`` is not an array of real numbers, or is masked or a
        ``numpy.matrix``.
    ValueError
        If ``z`` is empty or holds NaN or infinity.

    Examples
    --------
    >>> from dlintro import relu_derivative
    >>> relu_derivative([-2.0, 0.0, 3.0])
    array([0., 0., 1.])
    """
    # --8<-- [start:relu_derivative-body]
    z = as_float_array(z, "z")
    return (z > 0).astype(np.float64)
    # --8<-- [end:relu_derivative-body]
