"""Toy data sets (page: activations)."""

# --8<-- [start:imports]
import numpy as np

from dlintro._validation import (
    as_generator,
    as_int,
    as_nonnegative_float,
    check_size,
    finite_output,
)

# --8<-- [end:imports]


# --8<-- [start:spiral]
@finite_output(blame="noise")
def spiral(num_classes=3, points_per_class=100, *, noise=0.2, rng=None):
    # --8<-- [end:spiral]
    r"""Points on ``num_classes`` interleaved spiral arms in the plane.

    Arm $k$ has ``points_per_class`` points at radius $r$ from 0 to 1 and
    angle $\theta = 4k + 4r + \varepsilon$ with Gaussian noise
    $\varepsilon \sim \mathcal{N}(0, \text{noise}^2)$:

    $$
    \mathbf{x} = r\,(\sin\theta, \cos\theta)
    $$

    Each arm winds about 230 degrees around the centre, interleaved with the
    others, so a linear classifier fails here while a small MLP succeeds.

    Parameters
    ----------
    num_classes : int, default 3
        Number of arms ``K`` (at least 2).
    points_per_class : int, default 100
        Points per arm ``N`` (at least 1).
    noise : float, default 0.2
        Standard deviation of the angle noise (non-negative).
    rng : numpy.random.Generator or int, optional
        Generator or seed; fix it for reproducible data.

    Returns
    -------
    X : numpy.ndarray, shape (K*N, 2)
        The points, arm by arm.
    labels : numpy.ndarray of int64, shape (K*N,)
        The arm (class) of each point.

    Raises
    ------
    TypeError
        If a count is not an int, ``noise`` is not a number, or ``rng`` is
        neither a Generator nor an int.
    ValueError
        If a count is too small, ``K*N`` is more than 5*10**7, ``noise`` is
        negative, not finite or so large that an angle overflows, or the
        seed ``rng`` is negative.

    Examples
    --------
    >>> from dlintro import spiral
    >>> X, labels = spiral(num_classes=3, points_per_class=100, rng=0)
    >>> X.shape, labels.shape
    ((300, 2), (300,))
    >>> labels[:3], labels[-3:]
    (array([0, 0, 0]), array([2, 2, 2]))
    """
    # --8<-- [start:spiral-body]
    K = as_int(num_classes, "num_classes", minimum=2)
    N = as_int(points_per_class, "points_per_class", minimum=1)
    check_size(2 * K * N, "2 * num_classes * points_per_class")
    noise = as_nonnegative_float(noise, "noise")
    rng = as_generator(rng)
    r = np.tile(np.linspace(0.0, 1.0, N), K)  # radius, arm after arm
    labels = np.repeat(np.arange(K), N)
    theta = 4 * labels + 4 * r + rng.normal(0.0, noise, size=K * N)
    X = r[:, None] * np.column_stack([np.sin(theta), np.cos(theta)])
    return X, labels
    # --8<-- [end:spiral-body]
