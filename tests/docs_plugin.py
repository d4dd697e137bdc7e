"""How the Markdown in docs/ becomes tests (loaded by the root conftest.py).

pytest-markdown-docs collects every ``python`` fence and runs it. This plugin
gives it the parser it uses, with three changes, so that what runs is what the
reader sees:

1. Fences inside admonitions (``!!!``, ``???``) and content tabs (``===``)
   are collected. CommonMark would read their indented bodies as plain
   indented text, so those bodies are unindented first; line numbers are kept.
2. ``--8<--`` include lines are expanded by pymdownx.snippets itself,
   configured from mkdocs.yml, exactly as the site build expands them.
3. ``pycon`` fences (``>>>`` with printed output) run as doctests: the output
   shown on the page must be what the code prints.

The fences of docs/en/ are byte-identical to those of docs/ko/ (tests/test_docs.py
proves it), so only the Korean copy runs, unless an English page is named on
the command line.
"""

import doctest
import functools
import re

from markdown_it import MarkdownIt
from pytest_markdown_docs._runners import DefaultRunner, register_runner

from tests import paths
from tests.paths import DOCS, LANGUAGES, hook

# The opening line of an admonition, a collapsible block or a content tab.
CONTAINER_START = re.compile(r"^(?P<indent> *)(?:!!!|\?\?\?\+?|===\+?)[ \t]")
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def unindent_containers(text):
    """Lift the bodies of admonitions and tabs to the level of their opening line.

    The opening line itself becomes blank, so every line keeps its number.
    Nested containers are lifted one level per pass of the loop.
    """
    lines = text.split("\n")
    for i, line in enumerate(lines):
        start = CONTAINER_START.match(line)
        if not start:
            continue
        indent = len(start.group("indent"))
        body_prefix = " " * (indent + 4)
        lines[i] = ""
        for j in range(i + 1, len(lines)):
            if lines[j].startswith(body_prefix):
                lines[j] = lines[j][:indent] + lines[j][indent + 4 :]
            elif lines[j].strip():
                break
    return "\n".join(lines)


built_config = functools.cache(paths.built_config)  # mkdocs.yml's, as the build sees it


def expand_includes(code):
    return hook("snippets").expand(code, built_config())


def fence_language(info):
    """``python`` from ``python title="x"`` or from ``{.python .extra}``."""
    info = info.strip()
    if info.startswith("{"):
        classes = [part[1:] for part in info.strip("{}").split() if part.startswith(".")]
        return classes[0] if classes else ""
    return info.split()[0] if info else ""


def _unindent_rule(state):
    state.src = unindent_containers(state.src)


def _fence_rule(state):
    for token in state.tokens:
        if token.type != "fence":
            continue
        token.content = expand_includes(token.content)
        if fence_language(token.info) == "pycon":
            options = token.info.strip().strip("{}").split()[1:]
            token.info = " ".join(["python", f"runner:{PyconRunner.__name__}", *options])


@register_runner()
class PyconRunner(DefaultRunner):
    """Runs a ``pycon`` fence as a doctest and compares every printed output."""

    def runtest(self, test, args, **kwargs):
        parser = doctest.DocTestParser()
        case = parser.get_doctest(
            test.source, args, str(test.source_path), str(test.source_path), 0
        )
        if not case.examples:
            raise AssertionError(f"pycon fence at line {test.start_line} holds no >>> example")
        runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
        report = []
        result = runner.run(case, out=report.append, clear_globs=False)
        if result.failed:
            raise AssertionError("".join(report))

    def repr_failure(self, test, excinfo, style=None):
        if excinfo.errisinstance(AssertionError):
            return f"{test.source_path}:{test.start_line}: printed output differs\n{excinfo.value}"
        return super().repr_failure(test, excinfo, style)


def pytest_ignore_collect(collection_path, config):
    translated = collection_path.suffix == ".md" and collection_path.parent.parent == DOCS
    if not translated or collection_path.parent.name == LANGUAGES[0]:
        return None
    named = {(config.invocation_params.dir / a.split("::")[0]).resolve() for a in config.args}
    return collection_path not in named


def pytest_markdown_docs_markdown_it():
    parser = MarkdownIt("commonmark")
    parser.core.ruler.before("block", "unindent_containers", _unindent_rule)
    parser.core.ruler.after("block", "expand_fences", _fence_rule)
    return parser
