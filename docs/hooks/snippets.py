"""Code on the pages is included from the package (pymdownx.snippets).

Snippet paths in mkdocs.yml are relative to the repository root; make them
absolute, so that a build, and the tests that expand snippets the same way,
work from any directory. ``expand`` expands the includes of a text exactly as
the site does: the tests and the notebooks use it.
"""

from pathlib import Path

import markdown


def on_config(config):
    root = Path(config.config_file_path).parent
    snippets = config.mdx_configs["pymdownx.snippets"]
    snippets["base_path"] = [str(root / p) for p in snippets.get("base_path", ["."])]
    return config


def expand(text, config):
    """``text`` with its ``--8<--`` lines replaced by what they include.

    ``config`` is a loaded mkdocs config on which ``on_config`` has run.
    """
    if "--8<--" not in text:
        return text
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": config.mdx_configs["pymdownx.snippets"]},
    )
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))
