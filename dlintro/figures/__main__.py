"""``python -m dlintro.figures OUTDIR``: write every figure, in both palettes, as SVG.

The site's build (docs/hooks.py) runs this in a fresh process, so that it
always draws with the package's code as it is on disk.
"""

import argparse
from pathlib import Path

from dlintro.figures import FIGURES, PALETTES, render


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m dlintro.figures", description=__doc__
    )
    parser.add_argument(
        "outdir", type=Path, help="where to write <name>-<palette>.svg"
    )
    outdir = parser.parse_args(argv).outdir
    outdir.mkdir(parents=True, exist_ok=True)
    for name in FIGURES:
        for palette in PALETTES:
            (outdir / f"{name}-{palette}.svg").write_bytes(
                render(name, palette)
            )


if __name__ == "__main__":
    main()
