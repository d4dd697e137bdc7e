"""Every chapter ends with a summary, exercises with solutions, and further reading.

The form (both languages)::

    ## 정리 / Summary              3-6 bullets, each linking to a section of the page
    ## 연습 문제 / Exercises       4-6 exercises, "### 1. Title", "### 2. Title", ...
                                  each with an optional ??? tip "힌트"/"Hint" block and
                                  then one ??? success "풀이"/"Solution" block whose
                                  code runs as a test (a fence in it is collected like
                                  any other: tests/test_docs.py counts them)
    ## 더 읽을거리 / Further reading  the sources, as links

The fences themselves are compared across languages by tests/test_docs.py.
"""

import re

import pytest

from tests.paths import DOCS, LANGUAGES, chapters
from tests.test_docs import TESTED_LANGUAGES, read_page

HEADINGS = {
    "ko": ("정리", "연습 문제", "더 읽을거리"),
    "en": ("Summary", "Exercises", "Further reading"),
}
BLOCKS = {"ko": ("힌트", "풀이"), "en": ("Hint", "Solution")}
EXERCISE = re.compile(r"^### (\d+)\. \S")
BLOCK = re.compile(r'^\?\?\? (tip|success) "([^"]+)"$')
LINK_TO_SECTION = re.compile(r"\]\(#[^)\s]+\)")
WEB_LINK = re.compile(r"\]\(https?://[^)\s]+\)")


def sections(lines, level):
    """``[(heading, [lines])]`` of the headings of ``level`` ``#`` outside fences.

    ``lines`` are ``(number, text)`` pairs, and so are the lines of each section.
    """
    found, fence = [], None
    for number, line in lines:
        stripped = line.strip()
        if fence is None and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif fence is not None and stripped.startswith(fence) and stripped.strip("`~") == "":
            fence = None
        elif fence is None and line.startswith("#" * level + " "):
            found.append((line[level + 1 :].strip(), []))
            continue
        if found:
            found[-1][1].append((number, line))
    return found


def block_body(lines, start):
    """The indented body of the ``???`` block opened at ``lines[start]``."""
    body = []
    for number, line in lines[start + 1 :]:
        if line.strip() and not line.startswith("    "):
            break
        body.append((number, line[4:]))
    return body


def fence_openings(body):
    """The line numbers of the fences opened in ``body``."""
    marks = [number for number, line in body if line.strip().startswith(("```", "~~~"))]
    return marks[0::2]  # each fence is an opening and a closing line


@pytest.fixture(params=LANGUAGES)
def language(request):
    return request.param


@pytest.fixture(params=chapters())
def slug(request):
    return request.param


@pytest.fixture
def page(slug, language):
    """The chapter's lines, as ``(number, text)`` pairs."""
    text = (DOCS / language / f"{slug}.md").read_text(encoding="utf-8")
    return list(enumerate(text.split("\n"), 1))


@pytest.fixture
def tested_lines(slug, language):
    """Lines of the page's fences that run as tests, found as tests/test_docs.py finds them."""
    path = DOCS / language / f"{slug}.md"
    return {f.line for f in read_page(path).fences if f.language in TESTED_LANGUAGES}


def test_the_three_closing_sections_end_the_page_in_order(page, language):
    titles = [title for title, _ in sections(page, 2)]
    assert tuple(titles[-3:]) == HEADINGS[language]


def test_summary_has_3_to_6_bullets_that_link_to_sections(page, language):
    summary = dict(sections(page, 2))[HEADINGS[language][0]]
    bullets = [line for _, line in summary if line.startswith("- ")]
    assert 3 <= len(bullets) <= 6
    for bullet in bullets:
        assert LINK_TO_SECTION.search(bullet), f"bullet links to no section: {bullet}"


def test_exercises_are_numbered_and_each_has_a_solution_that_runs(page, language, tested_lines):
    exercises = sections(dict(sections(page, 2))[HEADINGS[language][1]], 3)
    numbers = [EXERCISE.match(f"### {title}") for title, _ in exercises]
    assert all(numbers), "every exercise is a '### N. Title' heading"
    assert [int(m[1]) for m in numbers] == list(range(1, len(exercises) + 1))
    assert 4 <= len(exercises) <= 6
    hint, solution = BLOCKS[language]
    derivations = 0
    for title, body in exercises:
        blocks = [(i, BLOCK.match(line)) for i, (_, line) in enumerate(body) if BLOCK.match(line)]
        kinds = [(m[1], m[2]) for _, m in blocks]
        assert kinds in ([("success", solution)], [("tip", hint), ("success", solution)]), (
            f"{title}: expected an optional hint, then one solution, got {kinds}"
        )
        start = blocks[-1][0]
        answer = block_body(body, start)
        assert answer and len(answer) == len(body) - start - 1, f"{title}: text after the solution"
        # Every fence of a solution runs: the no-silent-skip count of tests/test_docs.py
        # covers it, because its parser finds it at this line.
        fences = fence_openings(answer)
        assert fences, f"{title}: the solution holds no fence"
        assert set(fences) <= tested_lines, f"{title}: a solution fence is not python or pycon"
        derivations += any(line.strip() == "$$" for _, line in answer)
    assert derivations >= 1, "no solution derives a formula (a $$ display formula)"


def test_further_reading_links_its_sources(page, language):
    reading = dict(sections(page, 2))[HEADINGS[language][2]]
    assert len(WEB_LINK.findall("\n".join(line for _, line in reading))) >= 1
