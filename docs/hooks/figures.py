"""The figures, drawn by ``dlintro.figures`` once per version of the package's code.

They are cached in ``.cache/figures/<key>/`` (see ``_cache.py``), where the key
is a hash of the package's code and of the libraries that draw them: a build
after a prose edit, and the English build, read them from there. A fresh
process draws them, so ``mkdocs serve`` picks up edited code.
"""

import subprocess
import sys
from importlib.metadata import version

from _cache import ROOT, cached, key
from mkdocs.structure.files import File


def drawn_figures():
    """The folder of every figure's SVG for the current code, drawn if not cached yet."""
    libraries = [f"{name} {version(name)}" for name in ("numpy", "matplotlib")]
    code = sorted((ROOT / "dlintro").rglob("*.py"))

    def draw(folder):
        command = [sys.executable, "-m", "dlintro.figures", str(folder)]
        subprocess.run(command, check=True, cwd=ROOT)

    return cached("figures", key(code, *libraries), draw)


def on_files(files, config):
    # Pages show these as ![alt](assets/figures/<name>-light.svg#only-light).
    for svg in sorted(drawn_figures().glob("*.svg")):
        files.append(File.generated(config, f"assets/figures/{svg.name}", abs_src_path=str(svg)))
    return files
