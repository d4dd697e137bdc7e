"""Checks on the pages themselves: nothing skipped silently, both languages alike.

These read docs/ with a small parser of their own, independent of the
markdown-it parser that pytest-markdown-docs collects with.
"""

import re
import subprocess
import sys
from dataclasses import dataclass

import pytest
from mkdocs.utils.meta import get_data

from tests.paths import DOCS, LANGUAGES, ROOT, chapters, hook, pages

TESTED_LANGUAGES = {"python", "py", "python3", "pycon"}

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})(?P<info>.*)$")
HEADING = re.compile(r"^(#{1,6})\s")


@dataclass
class Fence:
    line: int  # 1-based line of the opening ``` line
    info: str
    body: str

    @property
    def language(self):
        info = self.info.strip()
        if info.startswith("{"):
            classes = [w[1:] for w in info.strip("{}").split() if w.startswith(".")]
            return classes[0] if classes else ""
        return info.split()[0] if info else ""

    @property
    def notest(self):
        return "notest" in self.info.strip("{} ").split()


@dataclass
class Page:
    fences: list
    headings: list  # heading levels, in order, outside fences
    display_formulas: int


def read_page(path):
    fences, headings, formulas = [], [], 0
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if opening:
            mark, indent = opening["mark"], len(opening["indent"])
            body = []
            j = i + 1
            while j < len(lines):
                closing = FENCE.match(lines[j])
                if (
                    closing
                    and closing["mark"][0] == mark[0]
                    and len(closing["mark"]) >= len(mark)
                    and not closing["info"].strip()
                ):
                    break
                body.append(lines[j][indent:] if lines[j][:indent].strip() == "" else lines[j])
                j += 1
            fences.append(Fence(i + 1, opening["info"].strip(), "\n".join(body)))
            i = j + 1
            continue
        if heading := HEADING.match(lines[i]):
            headings.append(len(heading.group(1)))
        if lines[i].strip() == "$$":
            formulas += 1
        i += 1
    assert formulas % 2 == 0, f"{path}: a $$ display formula is not closed"
    return Page(fences, headings, formulas // 2)


def page_names(language):
    return sorted(
        p.relative_to(DOCS / language).as_posix() for p in (DOCS / language).rglob("*.md")
    )


ALL_PAGES = sorted(set(page_names("ko")) | set(page_names("en")))


@pytest.fixture(scope="module")
def collected():
    """The markdown items pytest collects from docs/, as {(path, line)}."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    items = re.findall(r"^(docs/\S+\.md)::\[CodeFence#\d+\]\[line:(\d+)\]$", result.stdout, re.M)
    return {(path, int(line)) for path, line in items}


def fences_to_run(language):
    """``({(path, line)} of the fences that must run, [(path, notest fence)])``."""
    expected, notest = set(), []
    for name in page_names(language):
        path = f"docs/{language}/{name}"
        for fence in read_page(DOCS / language / name).fences:
            if fence.language not in TESTED_LANGUAGES:
                continue
            if fence.notest:
                notest.append((path, fence))
            else:
                expected.add((path, fence.line))
    return expected, notest


def test_every_tested_fence_is_collected_and_nothing_else(collected):
    # The first language's fences run; the others' are the same, byte for byte
    # (test_languages_have_the_same_code_formulas_and_headings), so they are
    # counted here and not run twice.
    run, *others = LANGUAGES
    expected, notest = fences_to_run(run)
    assert expected, "no python or pycon fence found in docs/"
    assert sorted(expected - collected) == [], (
        "fences that pytest did not collect (silently skipped)"
    )
    assert sorted(collected - expected) == [], (
        "items collected from something that is not a python/pycon fence of docs/" + run
    )
    for language in others:
        copies, copies_notest = fences_to_run(language)
        assert (len(copies), len(copies_notest)) == (len(expected), len(notest)), language
        notest += copies_notest
    for path, fence in notest:
        # The reason must be visible to the reader: superfences renders title="..." above the block.
        assert 'title="' in fence.info, (
            f'{path}:{fence.line}: notest without a visible title="reason"'
        )


@pytest.mark.parametrize("name", ALL_PAGES)
def test_page_exists_in_both_languages(name):
    missing = [language for language in LANGUAGES if not (DOCS / language / name).exists()]
    assert missing == [], f"{name} is missing in {missing}"


def test_every_page_is_in_the_list_of_pages_once():
    # mkdocs.yml's extra.chapters makes the navs; a page left out of it would
    # be built but not reachable (the strict build fails on it too).
    listed = pages()
    assert len(set(listed)) == len(listed), "a page is listed twice"
    assert sorted(f"{slug}.md" for slug in listed) == ALL_PAGES


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", chapters())
def test_chapter_has_a_title_and_a_description_for_the_home_table(language, slug):
    markdown, meta = get_data((DOCS / language / f"{slug}.md").read_text(encoding="utf-8"))
    assert markdown.startswith("# "), "a chapter starts with its title"
    assert isinstance(meta.get("description"), str) and len(meta["description"]) > 20
    assert bool(HANGUL.search(meta["description"])) == (language == "ko")


def test_every_module_names_the_chapter_that_teaches_it():
    # "(page: <slug>)" on the first line of a module's docstring puts the
    # module in that chapter's section of the API page.
    by_page = hook("chapters").modules_by_page()
    named = sorted(module for modules in by_page.values() for module in modules)
    public = sorted(p.stem for p in (ROOT / "dlintro").glob("[!_]*.py"))
    assert named == public, "a public module of dlintro names no page"
    assert set(by_page) <= set(chapters()), "a module names a page that is not a chapter"


@pytest.mark.parametrize("name", ALL_PAGES)
def test_languages_have_the_same_code_formulas_and_headings(name):
    ko, en = (read_page(DOCS / language / name) for language in LANGUAGES)
    assert [(f.info, f.body) for f in ko.fences] == [(f.info, f.body) for f in en.fences], (
        "code fences differ"
    )
    assert ko.display_formulas == en.display_formulas, "numbers of $$ display formulas differ"
    assert ko.headings == en.headings, "heading levels differ"


def test_the_parser_sees_fences_in_admonitions_and_tabs(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "# T\n\n"
        '!!! note "n"\n\n    ```python\n    x = 1\n    ```\n\n'
        '=== "tab"\n\n    ```pycon\n    >>> 1\n    1\n    ```\n\n'
        "$$\na\n$$\n",
        encoding="utf-8",
    )
    parsed = read_page(page)
    assert [(f.line, f.language, f.body) for f in parsed.fences] == [
        (5, "python", "x = 1"),
        (11, "pycon", ">>> 1\n1"),
    ]
    assert parsed.headings == [1] and parsed.display_formulas == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_escaped_underscore_in_text_mode_math(language):
    # MathJax prints \_ literally inside \text{...} and \texttt{...}; \mathtt{...} is right.
    text_mode = re.compile(r"\\text(?:tt|rm|sf|it|bf)?\{[^{}]*\\_")
    found = [
        f"{name}:{number}"
        for name in page_names(language)
        for number, line in enumerate((DOCS / language / name).read_text().splitlines(), 1)
        if text_mode.search(line)
    ]
    assert found == []


FIGURE = re.compile(
    r'<figure markdown="span">\n'
    r"  !\[(?P<alt>[^\]]*)\]\(assets/figures/(?P<name>[\w-]+)-light\.svg#only-light\)"
    r" !\[(?P<alt_dark>[^\]]*)\]\(assets/figures/(?P<name_dark>[\w-]+)-dark\.svg#only-dark\)\n"
    r'  <figcaption markdown="span">(?P<caption>[^<]+)</figcaption>\n'
    r"</figure>\n"
)
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def figures_on(language, name):
    text = (DOCS / language / name).read_text(encoding="utf-8")
    assert text.count("<figure") == len(FIGURE.findall(text)), (
        f"{language}/{name}: a <figure> is not in the form FIGURE expects"
    )
    return list(FIGURE.finditer(text))


@pytest.mark.parametrize("name", ALL_PAGES)
def test_figures_are_alike_in_both_languages_with_alt_text_and_caption(name):
    ko, en = (figures_on(language, name) for language in LANGUAGES)
    assert [f["name"] for f in ko] == [f["name"] for f in en], "figures differ"
    for language, figures in zip(LANGUAGES, (ko, en), strict=True):
        for f in figures:
            assert f["name"] == f["name_dark"], f"{f['name']}: light and dark differ"
            assert f["alt"] == f["alt_dark"] and len(f["alt"]) > 40, f"{f['name']}: alt text"
            for text in f["alt"], f["caption"]:
                assert bool(HANGUL.search(text)) == (language == "ko"), (
                    f"{language}/{name}, {f['name']}: text not in the page's language"
                )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_figure_is_shown_once_on_its_page(language):
    from dlintro.figures import FIGURES

    shown = {
        f["name"]: page.removesuffix(".md")
        for page in page_names(language)
        for f in figures_on(language, page)
    }
    assert shown == {name: function.page for name, function in FIGURES.items()}
