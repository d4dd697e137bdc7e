"""Train the capstone's MLP on the spiral from the command line (page: capstone).

Run ``python -m dlintro --help`` (or ``dlintro-train --help``) for the options.
"""

import argparse
import math
import time

import numpy as np

from dlintro.classification import accuracy
from dlintro.datasets import spiral
from dlintro.losses import softmax_cross_entropy
from dlintro.mlp import MLP
from dlintro.settings import CAPSTONE
from dlintro.training import train

MAX_HIDDEN = 10_000  # a larger layer only fills the memory


def _number(kind, low, high=math.inf, *, above=False):
    """An argparse type: a finite number in ``[low, high]`` (``> low`` if above)."""

    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected {kind.__name__}, got {text!r}"
            ) from None
        if not (low <= value <= high and math.isfinite(value)) or (
            above and value == low
        ):
            bound = f"more than {low}" if above else f"at least {low}"
            if high < math.inf:
                bound += f" and at most {high}"
            raise argparse.ArgumentTypeError(f"must be {bound}, got {text}")
        return value

    return parse


def _parser(prog):
    parser = argparse.ArgumentParser(
        prog=prog,
        description=(
            "Train a 2-layer MLP (ReLU) with mini-batch SGD on the spiral data "
            "set (3 classes, 100 points each) and print its loss and training "
            "accuracy. The defaults are the run of the capstone chapter."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    add = parser.add_argument
    add(
        "--hidden",
        type=_number(int, 0, MAX_HIDDEN),
        default=CAPSTONE["hidden"],
        help="hidden units; 0 trains the linear softmax model instead",
    )
    add(
        "--learning-rate",
        type=_number(float, 0, above=True),
        default=CAPSTONE["learning_rate"],
        help="SGD step size",
    )
    add(
        "--epochs",
        type=_number(int, 1),
        default=CAPSTONE["epochs"],
        help="passes over the data",
    )
    add(
        "--batch-size",
        type=_number(int, 1),
        default=CAPSTONE["batch_size"],
        help="samples per SGD step",
    )
    add(
        "--seed",
        type=_number(int, 0),
        default=CAPSTONE["seed"],
        help="seed of the data, the initial weights and the shuffling",
    )
    return parser


def main(argv=None, prog=None):
    """Parse ``argv`` (default: the command line), train, print progress and results.

    ``prog`` is the program's name in messages (default: from ``sys.argv[0]``).
    """
    parser = _parser(prog)
    args = parser.parse_args(argv)
    X, labels = spiral(num_classes=3, points_per_class=100, rng=args.seed)
    sizes = [2, args.hidden, 3] if args.hidden else [2, 3]
    model = MLP(sizes, rng=args.seed)
    print(
        f"MLP({sizes}): {model.num_parameters} parameters, {len(labels)} points"
    )
    width = len(str(args.epochs))
    loss, _ = softmax_cross_entropy(model.forward(X), labels)
    print(f"epoch {0:>{width}}/{args.epochs}  loss {loss:.4f}")
    # Progress after each tenth of the epochs. One generator shuffles
    # throughout, so this is the same run as one train(..., rng=seed).
    rng = np.random.default_rng(args.seed)
    ends = np.unique(np.linspace(0, args.epochs, 11).round().astype(int))[1:]
    start, done = time.perf_counter(), 0
    with np.errstate(
        over="ignore", invalid="ignore"
    ):  # divergence is reported
        for end in ends:
            try:
                losses = train(
                    model,
                    X,
                    labels,
                    learning_rate=args.learning_rate,
                    epochs=int(end - done),
                    batch_size=args.batch_size,
                    rng=rng,
                )
            except ValueError:  # the scores overflowed to inf or nan
                parser.exit(
                    1, f"diverged before epoch {end}: lower --learning-rate\n"
                )
            done = end
            print(
                f"epoch {end:>{width}}/{args.epochs}  loss {losses[-1]:.4f}",
                flush=True,
            )
    seconds = time.perf_counter() - start
    scores = model.forward(X)
    loss, _ = softmax_cross_entropy(scores, labels)
    print(
        f"final loss {loss:.4f}, training accuracy {accuracy(scores, labels):.3f}"
    )
    print(f"trained in {seconds:.2f} s")
