"""MathJax is served from the site itself, copied from the ``mathjax`` package.

(PyPI: django-static-mathjax, brought by the project's install.) The site makes
no request to another host.
"""

import shutil
from pathlib import Path

import mathjax

# What MathJax's tex-chtml component loads: itself, then on demand TeX
# extensions, CHTML fonts, the menu and the accessibility tools.
MATHJAX_ES5 = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
MATHJAX_PARTS = ["tex-chtml.js", "input/tex/extensions", "output/chtml", "ui", "a11y", "sre"]


def on_post_build(config):
    target = Path(config.site_dir) / "assets" / "mathjax"
    for part in MATHJAX_PARTS:
        source = MATHJAX_ES5 / part
        if source.is_dir():
            shutil.copytree(source, target / part, dirs_exist_ok=True)
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
