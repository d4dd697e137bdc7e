"""MathJax is served from the site itself, copied from the ``mathjax`` package.

(PyPI: django-static-mathjax, brought by the project's install.) The site makes
no request to another host.

Only a site whose ``extra_javascript`` loads ``assets/mathjax/startup.js`` gets
a copy: the English site loads the main site's copy (``../assets/mathjax/``),
so a reader who switches language downloads MathJax once.
"""

import shutil
from pathlib import Path

import mathjax

MATHJAX_ES5 = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
STARTUP = "assets/mathjax/startup.js"
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


def _script_path(script):
    return script if isinstance(script, str) else script.path


def on_post_build(config):
    if STARTUP not in [_script_path(script) for script in config.extra_javascript]:
        return
    target = Path(config.site_dir) / "assets" / "mathjax"
    for part in MATHJAX_PARTS:
        source = MATHJAX_ES5 / part
        if source.is_dir():
            shutil.copytree(source, target / part, dirs_exist_ok=True)
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
