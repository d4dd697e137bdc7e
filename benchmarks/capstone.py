"""Time and memory of chapter 9's training run: python benchmarks/capstone.py.

Trains each model of the capstone page with the page's settings (the command
line's defaults, ``dlintro.settings.CAPSTONE``), several times, and prints a table:
the best wall-clock time of a training run, the peak of memory allocated
during one (tracemalloc), and the results.
"""

import argparse
import time
import tracemalloc

from dlintro import MLP, accuracy, softmax_cross_entropy, spiral, train
from dlintro.settings import CAPSTONE

SEED = CAPSTONE["seed"]
SETTINGS = {k: CAPSTONE[k] for k in ("learning_rate", "epochs", "batch_size")}


def run(sizes, X, labels):
    """Train a fresh model; return the seconds it took, the model and its losses."""
    model = MLP(sizes, rng=SEED)
    start = time.perf_counter()
    losses = train(model, X, labels, **SETTINGS, rng=SEED)
    return time.perf_counter() - start, model, losses


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per model (best time)")
    repeat = max(1, parser.parse_args().repeat)
    X, labels = spiral(num_classes=3, points_per_class=100, rng=SEED)
    X_new, labels_new = spiral(num_classes=3, points_per_class=100, rng=SEED + 1)
    header = (
        "model",
        "time (best)",
        "peak memory",
        "initial loss",
        "final epoch loss",
        "train acc",
        "new-points acc",
    )
    rows = []
    for sizes in ([2, 3], [2, CAPSTONE["hidden"], 3]):
        start, _ = softmax_cross_entropy(MLP(sizes, rng=SEED).forward(X), labels)
        seconds = min(run(sizes, X, labels)[0] for _ in range(repeat))
        tracemalloc.start()
        _, model, losses = run(sizes, X, labels)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append(
            (
                f"MLP({sizes})",
                f"{seconds:.3f} s",
                f"{peak / 2**20:.2f} MiB",
                f"{start:.4f}",
                f"{losses[-1]:.4f}",
                f"{accuracy(model.forward(X), labels):.3f}",
                f"{accuracy(model.forward(X_new), labels_new):.3f}",
            )
        )
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    print(f"settings: {SETTINGS}, seed {SEED}, {len(labels)} points, best of {repeat} runs")
    for row in [header, ["-" * w for w in widths], *rows]:
        cells = (f"{cell:<{w}}" for cell, w in zip(row, widths, strict=True))
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
