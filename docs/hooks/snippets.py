"""Code on the pages is included from the package (pymdownx.snippets).

Snippet paths in mkdocs.yml are relative to the repository root; make them
absolute, so that a build, and the tests that expand snippets the same way,
work from any directory.
"""

from pathlib import Path


def on_config(config):
    root = Path(config.config_file_path).parent
    snippets = config.mdx_configs["pymdownx.snippets"]
    snippets["base_path"] = [str(root / p) for p in snippets.get("base_path", ["."])]
    return config
