"""MathJax is served from the site itself, copied from the ``mathjax`` package,
and starts loading while the page is read.

(PyPI: django-static-mathjax, brought by the project's install.) The site makes
no request to another host.

Only a site whose ``extra_javascript`` loads ``assets/mathjax/startup.js`` gets
a copy: the English site loads the main site's copy (``../assets/mathjax/``),
so a reader who switches language downloads MathJax once.

Material writes ``extra_javascript`` at the end of the body, after its own
bundle, so MathJax only started loading its parts once the whole page was read
and the bundle had run, and the first formulas appeared about 0.35 s after
DOMContentLoaded on the longest page. Each page's head now asks for those parts
at once (``<link rel="preload">``) and holds MathJax's configuration and
``startup.js`` (``async``: it does not hold the reading of the page back), so
MathJax is ready when the page is, and typesets the first screen then.
"""

import re
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


# The parts every page loads, after startup.js: the core, then the components
# that mathjax-config.js lists (TeX input, CHTML output, lazy typesetting, the
# hidden MathML copy) and the CHTML font data. Extensions loaded on demand
# (e.g. TeX's boldsymbol, the menu) are not in it. tests/test_site.py checks
# that each is one that MathJax loads.
PRELOAD = [
    "core.js",
    "input/tex.js",
    "output/chtml.js",
    "output/chtml/fonts/tex.js",
    "ui/lazy.js",
    "a11y/assistive-mml.js",
]
CONFIG_TAG = re.compile(r'\s*<script src="([^"]*/mathjax-config\.js)"></script>')
STARTUP_TAG = re.compile(r'\s*<script src="(([^"]*/)startup\.js)"></script>')


def on_post_page(output, page, config):
    """Moves MathJax's configuration and startup.js to the head, with preloads."""
    config_tag, startup_tag = CONFIG_TAG.search(output), STARTUP_TAG.search(output)
    if not (config_tag and startup_tag and "</head>" in output):
        return output
    (config_src,), (startup_src, mathjax) = config_tag.groups(), startup_tag.groups()
    head = [f'<link rel="preload" href="{mathjax}{part}" as="script">' for part in PRELOAD]
    head.append(f'<script src="{config_src}"></script>')
    head.append(f'<script async src="{startup_src}"></script>')
    for tag in (startup_tag, config_tag):  # the later one first: the other's place stays
        output = output[: tag.start()] + output[tag.end() :]
    return output.replace("</head>", "".join(f"  {line}\n" for line in head) + "</head>", 1)
