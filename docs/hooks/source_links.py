"""The API page links each function and class to its source in the repository.

``repo_url`` in mkdocs.yml is the one setting: Griffe (which reads the package
for mkdocstrings) builds each object's link from it, the commit being built and
the object's lines (``<repo_url>/blob/<commit>/dlintro/<module>.py#L<a>-L<b>``);
docs/templates/python/material/ shows the link. Without ``repo_url`` there is
no link, even where the checkout has a git remote.
"""

import os


def on_config(config):
    # Griffe reads these when it loads the package, after on_config.
    if config.repo_url:
        os.environ["GRIFFE_GIT_REMOTE_URL"] = config.repo_url.rstrip("/")
        os.environ.pop("GRIFFE_GIT_SERVICE", None)
    else:
        os.environ.pop("GRIFFE_GIT_REMOTE_URL", None)
        os.environ["GRIFFE_GIT_SERVICE"] = "none"  # not a known service: no source links
    return config
