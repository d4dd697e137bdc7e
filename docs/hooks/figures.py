"""The figures, drawn by ``dlintro.figures`` once per version of the package's code.

They are cached on disk in ``.cache/figures/<key>/`` (git-ignored), where the
key is a hash of the package's code and of the libraries that draw them: a
build after a prose edit, and the English build, read them from there. A
fresh process draws them, so ``mkdocs serve`` picks up edited code.
"""

import hashlib
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "figures"


def cache_key():
    """A hash of everything a figure's bytes depend on."""
    digest = hashlib.sha256()
    for library in ("numpy", "matplotlib"):
        digest.update(f"{library} {version(library)}\n".encode())
    for path in sorted((ROOT / "dlintro").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\n" + path.read_bytes())
    return digest.hexdigest()[:16]


def drawn_figures():
    """The folder of every figure's SVG for the current code, drawn if not cached yet."""
    folder = CACHE / cache_key()
    if not folder.is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
            drawing = Path(scratch) / "svg"
            command = [sys.executable, "-m", "dlintro.figures", str(drawing)]
            subprocess.run(command, check=True, cwd=ROOT)
            for old in CACHE.iterdir():  # other versions of the code, not drawings under way
                if not old.name.startswith("tmp"):
                    shutil.rmtree(old, ignore_errors=True)
            try:
                drawing.rename(folder)  # complete or absent, never half written
            except OSError:  # another build drew the same figures meanwhile
                if not folder.is_dir():
                    raise
    return folder


def on_files(files, config):
    # Pages show these as ![alt](assets/figures/<name>-light.svg#only-light).
    for svg in sorted(drawn_figures().glob("*.svg")):
        files.append(File.generated(config, f"assets/figures/{svg.name}", abs_src_path=str(svg)))
    return files
