"""What one wide layer and many narrow layers can represent (page: depth).

Both constructions below are ordinary [`MLP`][dlintro.mlp.MLP] objects whose
weights are set by hand instead of learned.
"""

# --8<-- [start:imports]
import numpy as np

from dlintro._validation import (
    MAX_LAYERS,
    as_float_array,
    as_int,
    as_interval,
    as_nonnegative_float,
    as_positive_float,
    as_samples,
    check_callable,
    finite_output,
)
from dlintro.mlp import MLP

# --8<-- [end:imports]


# --8<-- [start:tent_network]
def tent_network(depth):
    # --8<-- [end:tent_network]
    r"""The tent map composed ``depth`` times, as a ReLU MLP with 2 units per layer.

    $$
    t(x) = 2\,\mathrm{ReLU}(x) - 4\,\mathrm{ReLU}\bigl(x - \tfrac12\bigr),
    \qquad
    t^{(k)} = \underbrace{t \circ t \circ \cdots \circ t}_{k}
    $$

    On $[0, 1]$, $t$ rises from 0 to 1 and falls back to 0. Each extra
    layer doubles the number of linear pieces: $t^{(k)}$ has $2^k$ of them,
    with only $2k$ hidden units (Telgarsky, 2016).

    Parameters
    ----------
    depth : int
        Number of hidden layers ``k`` (at least 1).

    Returns
    -------
    MLP
        Sizes ``[1, 2, ..., 2, 1]``: maps ``x`` of shape (n, 1) to
        $t^{(k)}(x)$ of shape (n, 1).

    Raises
    ------
    TypeError
        If ``depth`` is not an int.
    ValueError
        If ``depth`` is less than 1 or more than 999.

    Examples
    --------
    >>> import numpy as np
    >>> from dlintro import tent_network
    >>> x = np.array([[0.0], [0.25], [0.5], [0.75], [1.0]])
    >>> tent_network(1).forward(x).ravel()
    array([0. , 0.5, 1. , 0.5, 0. ])
    >>> tent_network(2).forward(x).ravel()
    array([0., 1., 0., 1., 0.])
    """
    # --8<-- [start:tent_network-body]
    k = as_int(depth, "depth", minimum=1, maximum=MAX_LAYERS - 1)
    net = MLP([1] + [2] * k + [1], activation="relu", rng=0)
    first, *middle, last = net.linears
    # first layer: the two units ReLU(x) and ReLU(x - 1/2)
    first.W[:] = [[1.0, 1.0]]
    first.b[:] = [0.0, -0.5]
    # t = 2 h1 - 4 h2 feeds the next layer's two units (t and t - 1/2)
    for layer in middle:
        layer.W[:] = [[2.0, 2.0], [-4.0, -4.0]]
        layer.b[:] = [0.0, -0.5]
    last.W[:] = [[2.0], [-4.0]]
    last.b[:] = [0.0]
    return net
    # --8<-- [end:tent_network-body]


# --8<-- [start:count_linear_pieces]
@finite_output(blame="x, y or rtol")
def count_linear_pieces(x, y, *, rtol=1e-6):
    # --8<-- [end:count_linear_pieces]
    """Count the linear pieces of a piecewise-linear function sampled on a grid.

    The slope between neighbouring samples changes at every kink. A kink
    that falls strictly between two grid points changes the slope twice in
    a row; that counts as one kink. So the grid must be fine enough that
    kinks are at least three steps apart (two suffice when the kinks fall
    on grid points); closer kinks may be counted as one.

    Parameters
    ----------
    x : array_like, shape (m,)
        Strictly increasing sample points (at least 2).
    y : array_like, shape (m,)
        Function values at ``x``.
    rtol : float, default 1e-6
        Slopes differing by less than ``rtol`` times the largest slope (or
        than ``rtol``, if no slope is larger than 1) are taken as equal
        (rounding). Non-negative.

    Returns
    -------
    int
        Number of linear pieces: number of kinks + 1.

    Raises
    ------
    TypeError
        If ``x`` or ``y`` is not an array of real numbers (or is masked or a
        ``numpy.matrix``), or ``rtol`` is not a number.
    ValueError
        If a shape is wrong, ``x`` is not strictly increasing, a value is
        not finite, ``rtol`` is negative, or a slope overflows float64.

    Examples
    --------
    >>> import numpy as np
    >>> from dlintro import count_linear_pieces
    >>> x = np.linspace(-1, 1, 9)
    >>> count_linear_pieces(x, np.abs(x))
    2
    """
    # --8<-- [start:count_linear_pieces-body]
    x, y = as_samples(x, y)  # (m,) each, x strictly increasing
    rtol = as_nonnegative_float(rtol, "rtol")
    slopes = np.diff(y) / np.diff(x)
    scale = max(1.0, np.abs(slopes).max())
    kink = np.abs(np.diff(slopes)) > rtol * scale  # slope changes here
    # a run of consecutive changes is a single kink between grid points
    starts = kink & ~np.concatenate([[False], kink[:-1]])
    return int(starts.sum()) + 1
    # --8<-- [end:count_linear_pieces-body]


# --8<-- [start:bump_network]
@finite_output(blame="f, steepness or interval")
def bump_network(f, num_bumps, *, steepness, interval=(0.0, 1.0)):
    # --8<-- [end:bump_network]
    r"""A one-hidden-layer sigmoid MLP that approximates ``f`` by bumps.

    The interval is cut into ``num_bumps`` equal cells $[a_j, a_{j+1}]$.
    A pair of steep sigmoid units makes a bump of height $f(c_j)$ (the
    value at the centre of the cell) on each cell:

    $$
    g(x) = \sum_{j=1}^{m} f(c_j)\,
    \bigl[\sigma(s(x - a_j)) - \sigma(s(x - a_{j+1}))\bigr]
    $$

    With more bumps and steeper units, $g$ approaches any continuous
    ``f`` on the interval: the idea behind the universal approximation
    theorem. At the two ends of the interval the outer sigmoids are only
    half on, so ``g`` is close to half the height there.

    Parameters
    ----------
    f : callable
        Maps an array of shape (m,) to an array of shape (m,).
    num_bumps : int
        Number of cells ``m`` (1 to 10**7); the MLP has ``2m`` hidden units.
    steepness : float
        Slope ``s`` of the sigmoid units (positive); steeper is closer to a
        step. Should be large compared to ``m / (b - a)``.
    interval : tuple of float, default (0.0, 1.0)
        The interval ``(a, b)`` with ``a < b``.

    Returns
    -------
    MLP
        Sizes ``[1, 2m, 1]``, sigmoid activation: maps ``x`` of shape
        (n, 1) to $g(x)$ of shape (n, 1).

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``num_bumps`` is not an int, or
        ``steepness`` is not a number.
    ValueError
        If ``num_bumps`` is not in ``[1, 10**7]``, ``steepness`` is not
        positive and finite, the interval is not ``a < b``, ``f`` returns
        the wrong shape or a value that is not finite, or the weights
        overflow.

    Examples
    --------
    >>> import numpy as np
    >>> from dlintro import bump_network
    >>> net = bump_network(np.sin, 50, steepness=2000.0, interval=(0.0, 3.0))
    >>> x = np.linspace(0.05, 2.95, 300)[:, None]  # inside the interval
    >>> bool(np.abs(net.forward(x) - np.sin(x)).max() < 0.05)
    True
    """
    # --8<-- [start:bump_network-body]
    check_callable(f, "f")
    m = as_int(num_bumps, "num_bumps", minimum=1, maximum=10**7)
    s = as_positive_float(steepness, "steepness")
    a, b = as_interval(interval, "interval")
    edges = np.linspace(a, b, m + 1)
    centres = (edges[:-1] + edges[1:]) / 2
    heights = as_float_array(f(centres), "f(x)", ndim=1, shape_hint=f"({m},)")
    if heights.shape != (m,):
        raise ValueError(
            f"f must map x of shape ({m},) to shape ({m},), "
            f"got shape {heights.shape}"
        )
    net = MLP([1, 2 * m, 1], activation="sigmoid", rng=0)
    hidden, out = net.linears
    # unit 2j steps up at a_j, unit 2j+1 at a_(j+1): sigma(s x - s a)
    starts = np.column_stack([edges[:-1], edges[1:]]).ravel()  # (2m,)
    hidden.W[:] = s
    hidden.b[:] = -s * starts
    # the bump on cell j is f(c_j) * (unit 2j - unit 2j+1)
    out.W[:, 0] = np.column_stack([heights, -heights]).ravel()
    out.b[:] = 0.0
    return net
    # --8<-- [end:bump_network-body]
