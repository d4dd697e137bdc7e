"""dlintro: the NumPy code behind an executable deep-learning primer.

Every function here is shown on a page of the site and tested there.
"""

from dlintro.activations import (
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    tanh,
    tanh_derivative,
)
from dlintro.autograd import Value
from dlintro.classification import (
    accuracy,
    log_softmax,
    one_hot,
    predict,
    softmax,
)
from dlintro.datasets import spiral
from dlintro.depth import bump_network, count_linear_pieces, tent_network
from dlintro.gates import Add, Max, Multiply
from dlintro.gradcheck import (
    GradientCheck,
    check_gradient,
    numerical_gradient,
    relative_error,
)
from dlintro.layers import Linear, ReLU, Sigmoid, Tanh
from dlintro.linear_model import linear
from dlintro.losses import mse, softmax_cross_entropy
from dlintro.mlp import MLP, he_normal, xavier_normal
from dlintro.training import sgd_step, train

__all__ = [
    "accuracy",
    "Add",
    "bump_network",
    "check_gradient",
    "count_linear_pieces",
    "GradientCheck",
    "he_normal",
    "Linear",
    "linear",
    "log_softmax",
    "Max",
    "MLP",
    "mse",
    "Multiply",
    "numerical_gradient",
    "one_hot",
    "predict",
    "relative_error",
    "relu",
    "ReLU",
    "relu_derivative",
    "sgd_step",
    "sigmoid",
    "Sigmoid",
    "sigmoid_derivative",
    "softmax",
    "softmax_cross_entropy",
    "spiral",
    "tanh",
    "Tanh",
    "tanh_derivative",
    "tent_network",
    "train",
    "Value",
    "xavier_normal",
]
__version__ = "0.3.0"
