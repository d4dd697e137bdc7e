"""Train chapter 9's MLP on the spiral data set from the command line.

Run ``python -m dlintro --help`` (or ``dlintro-train --help``) for the options.
The defaults are the run on the capstone page.
"""

import argparse
import math
import time

import numpy as np

from dlintro.classification import accuracy
from dlintro.datasets import spiral
from dlintro.losses import softmax_cross_entropy
from dlintro.mlp import MLP
from dlintro.training import train


def _number(kind, low, *, above=False):
    """An argparse type: a finite int or float, ``>= low`` (``> low`` if above)."""

    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected {kind.__name__}, got {text!r}"
            ) from None
        if not math.isfinite(value) or value < low or (above and value == low):
            bound = f"more than {low}" if above else f"at least {low}"
            raise argparse.ArgumentTypeError(f"must be {bound}, got {text}")
        return value

    return parse


def _parser():
    parser = argparse.ArgumentParser(
        prog="python -m dlintro",
        description=(
            "Train a 2-layer MLP (ReLU) with mini-batch SGD on the spiral data set "
            "(3 classes, 100 points each) and print its loss and training accuracy."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    add = parser.add_argument
    add(
        "--hidden",
        type=_number(int, 0),
        default=100,
        help="hidden units; 0 trains the linear softmax model instead",
    )
    add(
        "--learning-rate",
        type=_number(float, 0, above=True),
        default=0.2,
        help="SGD step size",
    )
    add(
        "--epochs",
        type=_number(int, 1),
        default=300,
        help="passes over the data",
    )
    add(
        "--batch-size",
        type=_number(int, 1),
        default=32,
        help="samples per SGD step",
    )
    add(
        "--seed",
        type=_number(int, 0),
        default=0,
        help="seed of the data, the initial weights and the shuffling",
    )
    return parser


def main(argv=None):
    """Parse ``argv`` (default: the command line), train, print progress and results."""
    args = _parser().parse_args(argv)
    X, labels = spiral(num_classes=3, points_per_class=100, rng=args.seed)
    sizes = [2, args.hidden, 3] if args.hidden else [2, 3]
    model = MLP(sizes, rng=args.seed)
    print(
        f"MLP({sizes}): {model.num_parameters} parameters, {len(labels)} points"
    )
    width = len(str(args.epochs))
    loss, _ = softmax_cross_entropy(model.forward(X), labels)
    print(f"epoch {0:>{width}}/{args.epochs}  loss {loss:.4f}")
    # Ten progress lines: train a tenth of the epochs at a time. One generator
    # shuffles throughout, so this is the same run as one train(..., rng=seed).
    rng = np.random.default_rng(args.seed)
    report_every = max(1, args.epochs // 10)
    start = time.perf_counter()
    for done in range(0, args.epochs, report_every):
        epochs = min(report_every, args.epochs - done)
        losses = train(
            model,
            X,
            labels,
            learning_rate=args.learning_rate,
            epochs=epochs,
            batch_size=args.batch_size,
            rng=rng,
        )
        print(
            f"epoch {done + epochs:>{width}}/{args.epochs}  loss {losses[-1]:.4f}",
            flush=True,
        )
    seconds = time.perf_counter() - start
    scores = model.forward(X)
    loss, _ = softmax_cross_entropy(scores, labels)
    print(
        f"final loss {loss:.4f}, training accuracy {accuracy(scores, labels):.3f}"
    )
    print(f"trained in {seconds:.2f} s")
