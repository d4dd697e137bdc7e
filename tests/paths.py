"""Where things are, for every test: the repository, the pages and the site's list of pages."""

import functools
from pathlib import Path

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ("ko", "en")  # the first is the site's main language, at /


@functools.cache
def site_config():
    """mkdocs.yml, loaded as the build loads it (the English site inherits it)."""
    return load_config(str(ROOT / "mkdocs.yml"))


def built_config(language=LANGUAGES[0], **overrides):
    """The configuration of ``language``'s site as its build sees it.

    Loaded from its file (``extra.alternate``'s ``config``, else mkdocs.yml),
    with ``overrides``, and its hooks' ``on_config`` run.
    """
    files = {
        alt["lang"]: alt.get("config", "mkdocs.yml") for alt in site_config().extra["alternate"]
    }
    config = load_config(str(ROOT / files[language]), **overrides)
    return config.plugins.on_config(config)


def hook(name, config=None):
    """The build's hook ``docs/hooks/<name>.py``: the module mkdocs loaded for ``config``.

    ``config`` is mkdocs.yml's by default.
    """
    hooks = (config or site_config()).hooks
    (module,) = [m for path, m in hooks.items() if Path(path).stem == name]
    return module


def chapters():
    """The chapters' slugs, in reading order (``extra.chapters`` of mkdocs.yml)."""
    return hook("chapters").chapters(site_config().extra)


def pages():
    """Every page's slug in nav order: home, chapters, reference pages."""
    return hook("chapters").pages(site_config().extra)


def site_prefixes():
    """``{language: where its site lives under /}``, e.g. ``{"ko": "", "en": "en/"}``."""
    return {alt["lang"]: alt["link"].removeprefix("./") for alt in site_config().extra["alternate"]}
