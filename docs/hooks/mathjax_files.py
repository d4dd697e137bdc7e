"""MathJax is served from the site itself, copied from the ``mathjax`` package.

(PyPI: django-static-mathjax, brought by the project's install.) The site makes
no request to another host. overrides/main.html loads it, from the head, as
``extra.mathjax`` in mkdocs.yml says.

Only a site whose ``extra.mathjax.root`` is "" gets a copy: the English site
loads the main site's (``../assets/mathjax/``), so a reader who switches
language downloads MathJax once.
"""

import shutil
from pathlib import Path

import mathjax

MATHJAX_ES5 = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
# What the pages load (startup.js, then the components that mathjax-config.js
# lists, with TeX extensions and CHTML fonts on demand), and everything the
# context menu can load: the menu, the accessibility extensions (which need the
# MathML input), the SVG renderer and the speech rules (sre/mathmaps).
MATHJAX_PARTS = [
    "startup.js",
    "core.js",
    "input/tex.js",
    "input/tex",
    "input/mml.js",
    "input/mml",
    "output/chtml.js",
    "output/chtml",
    "output/svg.js",
    "output/svg",
    "ui",
    "a11y",
    "sre",
]


def on_post_build(config):
    if config.extra["mathjax"]["root"]:
        return  # this site loads another's copy
    target = Path(config.site_dir) / "assets" / "mathjax"
    for part in MATHJAX_PARTS:
        source = MATHJAX_ES5 / part
        if source.is_dir():
            shutil.copytree(source, target / part, dirs_exist_ok=True)
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
