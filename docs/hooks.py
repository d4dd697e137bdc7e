"""MkDocs hooks: what the site needs beyond Markdown (see ``hooks:`` in mkdocs.yml).

- MathJax is served from the site itself, copied from the ``mathjax`` package
  (PyPI: django-static-mathjax) that the project's install brings.
- Each language is a separate build with its own search index; the Korean
  build builds the English one into ``site/en/``.
- The language switcher points at the current page in the other language.
- The figures are drawn by ``dlintro.figures`` at build time, in both palettes.
"""

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import mathjax
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import File

# What MathJax's tex-chtml component loads: itself, then on demand TeX
# extensions, CHTML fonts, the menu and the accessibility tools.
MATHJAX_ES5 = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
MATHJAX_PARTS = ["tex-chtml.js", "input/tex/extensions", "output/chtml", "ui", "a11y", "sre"]


def on_config(config):
    # Snippet paths are relative to the repository root, wherever mkdocs runs.
    root = Path(config.config_file_path).parent
    snippets = config.mdx_configs["pymdownx.snippets"]
    snippets["base_path"] = [str(root / p) for p in snippets.get("base_path", ["."])]
    # Keep each language's root link; on_page_context derives per-page links from it.
    for alt in config.extra["alternate"]:
        alt.setdefault("root", alt["link"])
    return config


PACKAGE = Path(__file__).resolve().parent.parent / "dlintro"
_figures = {}  # fingerprint of the package's code -> {file name: SVG bytes}


def _draw_figures():
    """Every figure as SVG, drawn again only when the package's code changed.

    A fresh process draws them, so ``mkdocs serve`` picks up edited code; the
    English build, run from the Korean one, reuses the Korean build's figures.
    """
    code = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        code.update(path.read_bytes())
    key = code.hexdigest()
    if key not in _figures:
        with tempfile.TemporaryDirectory() as out:
            command = [sys.executable, "-m", "dlintro.figures", out]
            subprocess.run(command, check=True, cwd=PACKAGE.parent)
            _figures.clear()
            _figures[key] = {p.name: p.read_bytes() for p in sorted(Path(out).glob("*.svg"))}
    return _figures[key]


def on_files(files, config):
    # Pages show these as ![alt](assets/figures/<name>-light.svg#only-light).
    for name, svg in _draw_figures().items():
        files.append(File.generated(config, f"assets/figures/{name}", content=svg))
    return files


def on_page_context(context, page, config, nav):
    # With use_directory_urls off, page.url is e.g. "softmax.html", the same
    # file name in every language.
    for alt in config.extra["alternate"]:
        alt["link"] = alt["root"] + page.url
    return context


def on_post_build(config):
    target = Path(config.site_dir) / "assets" / "mathjax"
    for part in MATHJAX_PARTS:
        source = MATHJAX_ES5 / part
        if source.is_dir():
            shutil.copytree(source, target / part, dirs_exist_ok=True)
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)

    for alt in config.extra["alternate"]:
        if "config" in alt:
            other = load_config(
                str(Path(config.config_file_path).parent / alt["config"]),
                strict=config.strict,
                site_dir=str(Path(config.site_dir) / alt["root"]),
                site_url=config.site_url + alt["root"] if config.site_url else None,
            )
            build(other)
