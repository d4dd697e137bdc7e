"""Caches of the build (not a hook): a folder per version of what it is made from.

The figures and the wheel are made once per version of the package's code and
kept in ``.cache/<what>/<key>/`` (git-ignored). A folder appears complete or
not at all; a few older versions are kept, because a build of another version
(``mkdocs serve`` while the tests run, say) may be reading one of them.
"""

import hashlib
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEEP = 3  # versions kept of each cache


def key(paths, *extra):
    """A hash of the files ``paths`` (names and bytes) and of the strings ``extra``."""
    digest = hashlib.sha256("\n".join(extra).encode())
    for path in paths:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\n" + path.read_bytes())
    return digest.hexdigest()[:16]


def cached(what, version, make):
    """The folder ``.cache/<what>/<version>/``; ``make(folder)`` fills it if it is missing."""
    root = ROOT / ".cache" / what
    folder = root / version
    if folder.is_dir():
        return folder
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=root, prefix="tmp-") as scratch:
        made = Path(scratch) / "made"
        make(made)
        try:
            made.rename(folder)
        except OSError:  # another build made the same version meanwhile
            if not folder.is_dir():
                raise
    versions = [p for p in root.iterdir() if not p.name.startswith("tmp-")]
    versions.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in versions[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
    return folder
