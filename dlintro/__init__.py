"""dlintro: the NumPy code behind an executable deep-learning primer.

Every function here is shown on a page of the site and tested there.
"""

from dlintro.classification import log_softmax, one_hot, predict, softmax
from dlintro.linear_model import linear

__all__ = ["linear", "log_softmax", "one_hot", "predict", "softmax"]
__version__ = "0.1.0"
