"""``python -m dlintro.figures OUTDIR``: write every figure, in both palettes, as SVG.

The site's build (docs/hooks/figures.py) runs this in a fresh process, so that
it always draws with the package's code as it is on disk. The figures are
drawn by ``--jobs`` processes side by side.
"""

import argparse
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from dlintro.figures import FIGURES, PALETTES, render


def _draw(name, outdir):
    for palette in PALETTES:
        (outdir / f"{name}-{palette}.svg").write_bytes(render(name, palette))


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m dlintro.figures", description=__doc__
    )
    parser.add_argument(
        "outdir", type=Path, help="where to write <name>-<palette>.svg"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="processes drawing side by side (default: one per CPU)",
    )
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error(f"argument --jobs: must be at least 1, got {args.jobs}")
    if args.outdir.exists() and not args.outdir.is_dir():
        parser.error(f"outdir {args.outdir} exists and is not a directory")
    try:
        args.outdir.mkdir(parents=True, exist_ok=True)
    except OSError as err:  # e.g. a file where a parent directory should be
        parser.error(f"cannot make outdir {args.outdir}: {err.strerror}")
    names = list(FIGURES)
    jobs = min(
        args.jobs, len(names)
    )  # more processes would have nothing to do
    if jobs <= 1:
        for name in names:
            _draw(name, args.outdir)
        return
    with ProcessPoolExecutor(jobs) as pool:
        # list() re-raises the first error of any worker
        list(pool.map(_draw, names, [args.outdir] * len(names)))


if __name__ == "__main__":
    main()
