"""Train the capstone's MLP on the spiral from the command line (page: capstone).

Run ``python -m dlintro --help`` (or ``dlintro-train --help``) for the options.

The exit status says how it went, and a failure is one line on stderr,
never a traceback: 0 when training lowered the loss, 1 when it diverged
(the line names ``--learning-rate``) or failed otherwise, 2 for a bad
option (argparse's usage message), 130 on Ctrl-C. When the reader of the
output goes away (``python -m dlintro | head -1``), it stops silently.
"""

import argparse
import math
import os
import sys
import time

import numpy as np

from dlintro.classification import accuracy
from dlintro.datasets import spiral
from dlintro.losses import softmax_cross_entropy
from dlintro.mlp import MLP
from dlintro.settings import CAPSTONE
from dlintro.training import train

MAX_HIDDEN = 10_000  # a larger layer only fills the memory
MAX_EPOCHS = 1_000_000  # about half an hour of training on a laptop


def _quoted(text, limit=24):
    """``text`` quoted for a one-line message, cut if it is long."""
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _number(kind, low, high=math.inf, *, above=False):
    """An argparse type: a finite number in ``[low, high]`` (``> low`` if above)."""

    def parse(text):
        try:
            value = kind(text)
        except ValueError:  # not a number, or an int of thousands of digits
            raise argparse.ArgumentTypeError(
                f"expected {kind.__name__}, got {_quoted(text)}"
            ) from None
        if not (low <= value <= high and math.isfinite(value)) or (
            above and value == low
        ):
            bound = f"more than {low}" if above else f"at least {low}"
            if high < math.inf:
                bound += f" and at most {high}"
            shown = text if len(text) <= 24 else f"{value:.3g}"
            raise argparse.ArgumentTypeError(f"must be {bound}, got {shown}")
        return value

    return parse


def _parser(prog):
    parser = argparse.ArgumentParser(
        prog=prog,
        description=(
            "Train a 2-layer MLP (ReLU) with mini-batch SGD on the spiral data "
            "set (3 classes, 100 points each) and print its loss and training "
            "accuracy. The defaults are the run of the capstone chapter. "
            "Exit status: 0 when training lowered the loss, 1 when it did not "
            "or diverged, 2 for a bad option, 130 when interrupted."
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
        type=_number(int, 1, MAX_EPOCHS),
        default=CAPSTONE["epochs"],
        help="passes over the data",
    )
    add(
        "--batch-size",
        type=_number(int, 1),
        default=CAPSTONE["batch_size"],
        help="samples per SGD step (300 or more: the whole data set)",
    )
    add(
        "--seed",
        type=_number(int, 0),
        default=CAPSTONE["seed"],
        help="seed of the data, the initial weights and the shuffling",
    )
    return parser


def _joined(argv):
    """``--option -1e5`` as ``--option=-1e5``.

    argparse reads a value that starts with ``-`` as an option unless it
    looks like ``-1`` or ``-.5``, so ``--learning-rate -inf`` would get
    "expected one argument" instead of the range the option needs.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    joined = []
    while argv:
        arg = argv.pop(0)
        if arg == "--":
            return joined + [arg] + argv
        if arg.startswith("--") and "=" not in arg and argv:
            try:
                float(argv[0])
            except ValueError:
                pass
            else:
                arg = f"{arg}={argv.pop(0)}"
        joined.append(arg)
    return joined


def _loss(value):
    """A loss for a progress line: 4 decimals, or 4 digits if it is huge."""
    return f"{value:.4f}" if value < 1e5 else f"{value:.4g}"


class _Failure(Exception):
    """Training did not succeed; the message is the one line to print."""


def _out(line):
    print(line, flush=True)  # each line as it comes, also through a pipe


def _run(args):
    X, labels = spiral(num_classes=3, points_per_class=100, rng=args.seed)
    sizes = [2, args.hidden, 3] if args.hidden else [2, 3]
    model = MLP(sizes, rng=args.seed)
    _out(
        f"MLP({sizes}): {model.num_parameters} parameters, {len(labels)} points"
    )
    width = len(str(args.epochs))
    first, _ = softmax_cross_entropy(model.forward(X), labels)
    _out(f"epoch {0:>{width}}/{args.epochs}  loss {_loss(first)}")
    # Progress after each tenth of the epochs. One generator shuffles
    # throughout, so this is the same run as one train(..., rng=seed).
    rng = np.random.default_rng(args.seed)
    ends = np.unique(np.linspace(0, args.epochs, 11).round().astype(int))[1:]
    start, done = time.perf_counter(), 0
    try:
        for end in ends:
            losses = train(
                model,
                X,
                labels,
                learning_rate=args.learning_rate,
                epochs=int(end - done),
                batch_size=args.batch_size,
                rng=rng,
            )
            done = end
            _out(
                f"epoch {end:>{width}}/{args.epochs}  loss {_loss(losses[-1])}"
            )
        seconds = time.perf_counter() - start
        scores = model.forward(X)
        loss, _ = softmax_cross_entropy(scores, labels)
    except ValueError as err:  # an overflow; train names its epoch
        epoch = done + getattr(err, "epoch", 1)
        raise _Failure(
            f"training diverged in epoch {epoch} (a value overflowed): "
            f"lower --learning-rate (got {args.learning_rate:g})"
        ) from None
    if not loss < first:
        raise _Failure(
            f"training raised the loss from {first:.4f} to {_loss(loss)}: "
            f"lower --learning-rate (got {args.learning_rate:g})"
        )
    _out(
        f"final loss {loss:.4f}, training accuracy {accuracy(scores, labels):.3f}"
    )
    _out(f"trained in {seconds:.2f} s")


def _silence_stdout():
    """Point stdout at /dev/null, so that exiting does not write to a closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file (e.g. captured)
        pass


def main(argv=None, prog=None):
    """Parse ``argv`` (default: the command line), train, print progress and results.

    ``prog`` is the program's name in messages (default: from ``sys.argv[0]``).
    Exits with status 1 (one line on stderr) if training fails, 2 for a bad
    option, 130 if interrupted; returns None on success.
    """
    parser = _parser(prog)

    def fail(status, message):
        parser.exit(status, f"{parser.prog}: {message}\n")

    try:
        args = parser.parse_args(_joined(argv))
        _run(args)
    except _Failure as failure:
        fail(1, failure)
    except KeyboardInterrupt:
        fail(130, "interrupted")
    except BrokenPipeError:  # the reader went away: nothing more to say
        _silence_stdout()
        sys.exit(1)
    except MemoryError:
        fail(1, "out of memory: try a smaller --hidden")
    except Exception as err:  # a bug: still one line, never a traceback
        fail(1, f"unexpected {type(err).__name__}: {err}")
