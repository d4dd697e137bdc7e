"""``python -m dlintro``: train chapter 9's MLP on the spiral (see dlintro.cli)."""

from dlintro.cli import main

if __name__ == "__main__":
    main(prog="python -m dlintro")
