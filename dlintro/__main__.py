"""``python -m dlintro``: train the capstone's MLP on the spiral (see dlintro.cli)."""

from dlintro.cli import main

if __name__ == "__main__":
    main(prog="python -m dlintro")
