"""Time and memory of chapter 9's training run: python benchmarks/capstone.py.

Trains each model of the capstone page with the page's settings, several
times, and prints a table: the best wall-clock time of a training run, the
peak of memory allocated during one (tracemalloc), and the results.
"""

import argparse
import time
import tracemalloc

from dlintro import MLP, accuracy, softmax_cross_entropy, spiral, train

SETTINGS = {"learning_rate": 0.2, "epochs": 300, "batch_size": 32, "rng": 0}


def run(sizes, X, labels):
    model = MLP(sizes, rng=0)
    start = time.perf_counter()
    losses = train(model, X, labels, **SETTINGS)
    return time.perf_counter() - start, model, losses


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per model (best time)")
    repeat = parser.parse_args().repeat
    X, labels = spiral(num_classes=3, points_per_class=100, rng=0)
    X_new, labels_new = spiral(num_classes=3, points_per_class=100, rng=1)
    header = (
        "model",
        "time (best)",
        "peak memory",
        "initial loss",
        "final loss",
        "train acc",
        "new-points acc",
    )
    rows = []
    for sizes in ([2, 3], [2, 100, 3]):
        start, _ = softmax_cross_entropy(MLP(sizes, rng=0).forward(X), labels)
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
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    print(f"settings: {SETTINGS}, {len(labels)} points, best of {repeat} runs")
    for row in [header, ["-" * w for w in widths], *rows]:
        print("| " + " | ".join(f"{cell:<{w}}" for cell, w in zip(row, widths, strict=True)) + " |")


if __name__ == "__main__":
    main()
