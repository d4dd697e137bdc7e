"""The glossary (docs/glossary.yml) is complete and true, and the Korean pages keep to it.

docs/glossary.yml holds every term of the site: the Korean term the pages use,
the English one, a definition in each language, the chapter where the term first
appears and the forms the Korean pages must not use; docs/hooks/glossary.py
makes the glossary page of each language from it. These tests read the prose of
every Korean page, that is everything but its code fences, inline code, math,
URLs and markup, and check that

- no page uses a form of any entry's ``avoid`` list (one quoted or parenthesised
  mention of a ``mention`` form is allowed per page);
- on each page, the first use of a term is followed by its English in
  parentheses, 역전파(backpropagation)는 ..., unless the entry says ``gloss: false``;
- the file is complete and true: every entry has its fields, ``page`` is the
  first chapter in reading order that uses the term, and no term is both used
  and avoided.

A form or term counts where it starts a word (after a space, punctuation or the
start of a line), so 파라미터 is not found in 하이퍼파라미터, and a term inside a
longer term (배치 in 미니배치) is not a use of the shorter one.
"""

import re
from dataclasses import dataclass
from functools import cache

import pytest
import yaml

from tests.paths import DOCS, LANGUAGES, ROOT, chapters, hook, pages, site_config
from tests.test_closing_sections import HEADINGS
from tests.test_docs import FENCE, HANGUL

glossary = hook("glossary")
CHAPTERS_MARKER = hook("chapters").CHAPTERS_MARKER
read_page = hook("chapters").read_page  # a page's (title, front matter), as the build reads it
TERMS = glossary.load()
KOREAN = DOCS / "ko"
KOREAN_PAGES = sorted(path.name for path in KOREAN.glob("*.md"))
HOLE = "◻"  # stands where code, math or an image was: neither a space nor Hangul

# --- reading the prose of a page ---------------------------------------------------


@dataclass
class Block:
    """A paragraph, heading, table row, list item or title of a page, as plain text."""

    path: str  # e.g. docs/ko/softmax.md
    kind: str  # text, heading, title (of an admonition or tab), alt (of an image), description
    text: str
    lines: list  # the source line of each character of ``text``
    named: list  # per character: inside a link whose text is the title of the page it links to

    def line(self, index):
        return self.lines[min(index, len(self.lines) - 1)]


def substitute(block, pattern, replace):
    """``block`` with each match of ``pattern`` replaced by ``replace(match)``.

    ``replace`` returns the new text, or ``(new text, named)``; line numbers follow.
    """
    text, lines, named, end = [], [], [], 0
    for match in pattern.finditer(block.text):
        text.append(block.text[end : match.start()])
        lines += block.lines[end : match.start()]
        named += block.named[end : match.start()]
        new = replace(match)
        new, is_named = new if isinstance(new, tuple) else (new, block.named[match.start()])
        text.append(new)
        lines += [block.lines[match.start()]] * len(new)
        named += [is_named] * len(new)
        end = match.end()
    text.append(block.text[end:])
    lines += block.lines[end:]
    named += block.named[end:]
    return Block(block.path, block.kind, "".join(text), lines, named)


INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
INLINE_MATH = re.compile(r"\$(?!\$)(?:\\.|[^$\\])+?\$")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
PAGE_LINK = re.compile(r"\[([^\]]+)\]\(([\w-]+)\.md(?:#[^)]*)?\)")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
URL = re.compile(r"https?://[^\s)>\]]+")
TAG = re.compile(r"<[^>]*>")
ATTRIBUTES = re.compile(r"\{[:#.][^}]*\}")
HEADING = re.compile(r"^#{1,6}\s+(.*)$")
TITLE = re.compile(r'^(?:!!!|\?\?\?\+?|===)(?:\s+[\w-]+)?(?:\s+"(?P<title>[^"]*)")?\s*$')
# A line that starts a block of its own rather than continuing a paragraph.
BLOCK_START = re.compile(r"^(\||[-*+]\s|\d+\.\s|<|>)")


@cache
def page_titles():
    """``{slug: title}`` of every Korean page: a link with that text names the page."""
    return {slug: read_page(KOREAN, slug)[0] for slug in pages()}


def read_prose(source, label, titles=None):
    """The prose of a page, in reading order, as blocks without code, math, URLs or markup.

    ``source`` is the page's Markdown; ``label`` names it in messages.
    """
    titles = page_titles() if titles is None else titles
    raw = source.split("\n")
    found, current, fence, math, directive = [], None, None, False, False

    def block(kind, text, number):
        return Block(label, kind, text, [number] * len(text), [False] * len(text))

    start = 0
    if raw[0].strip() == "---":
        start = raw.index("---", 1) + 1
        meta = yaml.safe_load("\n".join(raw[1 : start - 1])) or {}
        for number, line in enumerate(raw[1 : start - 1], 2):
            if line.startswith("description:"):
                found.append(block("description", meta["description"], number))
    for number, line in enumerate(raw[start:], start + 1):
        stripped = line.strip()
        if fence is not None:
            closing = FENCE.match(line)
            if closing and closing["mark"][0] == fence[0] and len(closing["mark"]) >= len(fence):
                fence = None if not closing["info"].strip() else fence
            continue
        if opening := FENCE.match(line):
            fence, current = opening["mark"], None
            continue
        if stripped == "$$":
            math, current = not math, None
            continue
        if math or (directive and line[:1].isspace() and stripped):
            continue
        directive = stripped.startswith(":::")  # mkdocstrings, with its indented options
        if directive or not stripped or stripped.startswith(("--8<--", "<!--")):
            current = None
            continue
        if heading := HEADING.match(stripped):
            found.append(block("heading", ATTRIBUTES.sub("", heading[1]).strip(), number))
            current = None
        elif title := TITLE.match(stripped):
            found.append(block("title", title["title"] or "", number))
            current = None
        elif current is not None and not BLOCK_START.match(stripped):
            current.text += " " + stripped  # a line break is a space
            current.lines += [number] * (len(stripped) + 1)
            current.named += [False] * (len(stripped) + 1)
        else:
            current = block("text", stripped, number)
            found.append(current)
    cleaned = []
    for each in found:
        each = substitute(each, INLINE_CODE, lambda m: HOLE)
        each = substitute(each, INLINE_MATH, lambda m: HOLE)
        for image in IMAGE.finditer(each.text):
            span = slice(image.start(1), image.end(1))
            cleaned.append(Block(label, "alt", image[1], each.lines[span], each.named[span]))
        each = substitute(each, IMAGE, lambda m: HOLE)
        each = substitute(
            each,
            PAGE_LINK,
            lambda m: (f"[{m[1]}]", True) if titles.get(m[2]) == m[1] else f"[{m[1]}]",
        )
        each = substitute(each, LINK_TARGET, lambda m: "]")
        each = substitute(each, URL, lambda m: HOLE)
        each = substitute(each, TAG, lambda m: " ")
        cleaned.append(each)
    return cleaned


@cache
def prose(name):
    """The prose of docs/ko/<name>; the home page shows the chapters' descriptions too."""
    path = KOREAN / name
    found = read_prose(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    if name != "index.md":
        return found
    # The home page's table shows each chapter's description where the marker is.
    source = path.read_text(encoding="utf-8").split("\n")
    marker = next(number for number, line in enumerate(source, 1) if CHAPTERS_MARKER in line)
    before = [each for each in found if each.lines and each.lines[0] < marker]
    after = [each for each in found if each not in before]
    described = [
        each for slug in chapters() for each in prose(f"{slug}.md") if each.kind == "description"
    ]
    return before + [Block(d.path, "text", d.text, d.lines, d.named) for d in described] + after


# --- finding forms and terms -------------------------------------------------------


def starts_word(text, index):
    return index == 0 or not HANGUL.match(text[index - 1])


def inside_word(text, index, form, words):
    """Whether ``form`` at ``index`` is part of one of the longer ``words`` (폭 in 폭주)."""
    for word in words:
        offset = word.find(form)
        while offset >= 0:
            if index >= offset and text.startswith(word, index - offset):
                return True
            offset = word.find(form, offset + 1)
    return False


def occurrences(text, form, other_words=()):
    """Where ``form`` starts a word of ``text``, except inside one of ``other_words``."""
    found, index = [], text.find(form)
    while index >= 0:
        if starts_word(text, index) and not inside_word(text, index, form, other_words):
            found.append(index)
        index = text.find(form, index + 1)
    return found


def avoided_forms(text, terms):
    """``[(start, end, entry, form)]``: the avoided forms in ``text``, the longest at a place."""
    found = [
        (start, start + len(form), entry, form)
        for entry in terms
        for form in entry.get("avoid", [])
        for start in occurrences(text, form, entry.get("other_words", []))
    ]
    return sorted(
        (start, end, entry, form)
        for start, end, entry, form in found
        if not any(s <= start and end <= e and e - s > end - start for s, e, _, _ in found)
    )


QUOTED = re.compile(r'"[^"]*"|“[^”]*”|\'[^\']*\'|‘[^’]*’')


def quoted(text, start, end):
    return any(q.start() < start and end < q.end() for q in QUOTED.finditer(text))


def groups(text):
    """``[(open, close)]`` of the parenthesised groups of ``text``, nested ones included."""
    found, stack = [], []
    for index, character in enumerate(text):
        if character == "(":
            stack.append(index)
        elif character == ")" and stack:
            found.append((stack.pop(), index))
    return found + [(open_, len(text)) for open_ in stack]


def after_term(text, open_, term):
    """Whether the group opening at ``open_`` follows ``term`` (past emphasis or a link)."""
    return text[:open_].rstrip(" *_]").endswith(term)


def is_mention(text, start, end, entry):
    """A quoted form ("활성함수") or one in the parentheses after the term: 매개변수(파라미터)."""
    return quoted(text, start, end) or any(
        open_ < start and end <= close and after_term(text, open_, entry["ko"])
        for open_, close in groups(text)
    )


def avoided_in(blocks, terms):
    """Messages, one per avoided form the blocks use (a page's blocks, in order)."""
    problems, mentioned = [], set()
    for block in blocks:
        for start, end, entry, form in avoided_forms(block.text, terms):
            if (
                form in entry.get("mention", [])
                and entry["ko"] not in mentioned
                and is_mention(block.text, start, end, entry)
            ):
                mentioned.add(entry["ko"])  # the one mention this page may make
                continue
            problems.append(
                f"{block.path}:{block.line(start)}: '{form}' (for {entry['en']}, "
                f"write '{entry['ko']}')"
            )
    return problems


def longer_terms(entry, terms):
    return [other for other in terms if entry["ko"] in other["ko"] and other is not entry]


def covering(text, start, entry, terms):
    """The longer term (entry, start) that the term at ``start`` is part of, if any."""
    for other in longer_terms(entry, terms):
        for at in occurrences(text, other["ko"], other.get("other_words", [])):
            if at <= start and start + len(entry["ko"]) <= at + len(other["ko"]):
                return other, at
    return None


def uses(text, entry, terms):
    """Where ``entry``'s term starts a word of ``text``, except inside a longer term."""
    return [
        start
        for start in occurrences(text, entry["ko"], entry.get("other_words", []))
        if covering(text, start, entry, terms) is None
    ]


def english(text):
    return re.sub(r"[\s-]+", " ", text.lower()).replace("iz", "is")


def names(group, entry):
    """Whether a parenthesised group gives the entry's English (or its abbreviation)."""
    given = english(group)
    wanted = [entry["en"]] + ([entry["abbr"]] if "abbr" in entry else [])
    return any(re.search(rf"(?<!\w){re.escape(english(w))}(?!\w)", given) for w in wanted)


def glossed(text, start, entry, naming=None):
    """Whether the term at ``start`` gives the English of ``naming`` (by default, its own).

    The English is in the parentheses right after the term, 역전파(backpropagation),
    or in those around it, 변수(특성, feature).
    """
    end = start + len(entry["ko"])
    for open_, close in groups(text):
        right_after = open_ >= end and re.fullmatch(r"[*_\]]*\s?", text[end:open_])
        around = open_ < start and end <= close
        if (right_after or around) and names(text[open_ + 1 : close], naming or entry):
            return True
    return False


def in_gloss(text, start, entry, terms):
    """Whether the term is another name in another term's parentheses.

    As 기울기 is in 그래디언트(기울기, gradient).
    """
    return any(
        open_ < start < close
        and not names(text[open_ + 1 : close], entry)
        and any(after_term(text, open_, other["ko"]) for other in terms if other is not entry)
        for open_, close in groups(text)
    )


def first_use(blocks, entry, terms):
    """``(block, start, glossed)`` of the first use of the term in running text, or None.

    Headings, titles, image descriptions, quotes and links named after a page's
    title mention a term; they do not use it. Inside a longer term, the term is
    used only if the longer one's English names it too: 가중치 행렬(weight matrix)
    introduces 가중치, 기울기 소실(vanishing gradient) does not introduce 기울기.
    """
    for block in blocks:
        if block.kind != "text":
            continue
        text = block.text
        for start in occurrences(text, entry["ko"], entry.get("other_words", [])):
            if block.named[start] or quoted(text, start, start + len(entry["ko"])):
                continue
            if in_gloss(text, start, entry, terms):
                continue
            if longer := covering(text, start, entry, terms):
                if glossed(text, longer[1], longer[0], naming=entry):
                    return block, start, True
                continue
            return block, start, glossed(text, start, entry)
    return None


PARTICLE = re.compile(r"([가-힣]{1,2})\s?\(")


def unglossed(blocks, terms):
    """Messages, one per term whose first use in the blocks gives no English after it."""
    problems = []
    for entry in terms:
        if not entry.get("gloss", True) or not HANGUL.search(entry["ko"]):
            continue
        if (use := first_use(blocks, entry, terms)) and not use[2]:
            block, start, _ = use
            english_name = entry["en"] + (f", {entry['abbr']}" if "abbr" in entry else "")
            where = f"{block.path}:{block.line(start)}: first use of '{entry['ko']}'"
            after = block.text[start + len(entry["ko"]) :]
            late = PARTICLE.match(after)  # 성분별로(element-wise): after the particle
            if late and glossed(after, len(late[1]), {**entry, "ko": ""}):
                problems.append(
                    f"{where} gives its English after the particle '{late[1]}': "
                    f"{entry['ko']}({english_name}){late[1]}"
                )
            else:
                problems.append(
                    f"{where} without its English after it: {entry['ko']}({english_name})"
                )
    return sorted(problems, key=lambda p: (p.split(":")[0], int(p.split(":")[1])))


def appears(blocks, entry, terms, kinds=("text", "heading", "title", "alt")):
    return any(uses(block.text, entry, terms) for block in blocks if block.kind in kinds)


# --- the Korean pages --------------------------------------------------------------


@pytest.mark.parametrize("name", KOREAN_PAGES)
def test_korean_page_uses_no_avoided_form(name):
    # The home page's descriptions are checked on their own pages.
    own = [block for block in prose(name) if block.path.endswith(f"/{name}")]
    problems = avoided_in(own, TERMS)
    assert not problems, "\n".join(["", *problems])


@pytest.mark.parametrize("name", KOREAN_PAGES)
def test_korean_page_gives_the_english_at_a_terms_first_use(name):
    problems = [
        # The home page shows the chapters' descriptions: they are fixed on their pages.
        problem if problem.startswith(f"docs/ko/{name}:") else f"{problem} (on the home page)"
        for problem in unglossed(prose(name), TERMS)
    ]
    assert not problems, "\n".join(["", *problems])


# --- the data file -----------------------------------------------------------------

FIELDS = {"en", "ko", "abbr", "definition", "page", "avoid", "mention", "other_words"}
FIELDS |= {"avoid_in_sense", "gloss"}
LISTS = ("avoid", "mention", "other_words")


def test_every_entry_is_complete():
    problems = []
    slugs = set(chapters())
    for number, entry in enumerate(TERMS):
        name = f"entry {number} ({entry.get('en')})"
        if missing := {"en", "ko", "definition", "page"} - set(entry):
            problems.append(f"{name}: no {sorted(missing)}")
            continue
        if unknown := set(entry) - FIELDS:
            problems.append(f"{name}: unknown fields {sorted(unknown)}")
        if not (isinstance(entry["en"], str) and entry["en"].strip() and entry["ko"].strip()):
            problems.append(f"{name}: en and ko must be words")
        definition = entry["definition"]
        if not isinstance(definition, dict) or set(definition) != {"ko", "en"}:
            problems.append(f"{name}: definition must have ko and en")
            continue
        for language, text in definition.items():
            one_line = isinstance(text, str) and "\n" not in text.strip()
            if not one_line or not text.strip().endswith((".", ")")):
                problems.append(f"{name}: the {language} definition must be one sentence")
            elif bool(HANGUL.search(text)) != (language == "ko"):
                problems.append(f"{name}: the {language} definition is not in {language}")
        if entry["page"] is not None and entry["page"] not in slugs:
            problems.append(f"{name}: page {entry['page']!r} is not a chapter of mkdocs.yml")
        for key in LISTS:
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                problems.append(f"{name}: {key} must be a list of words")
        sense = entry.get("avoid_in_sense", {})
        if not isinstance(sense, dict) or not all(isinstance(v, str) for v in sense.values()):
            problems.append(f"{name}: avoid_in_sense must map a form to when it is wrong")
        elif any(mark in note for note in sense.values() for mark in "()"):
            problems.append(f"{name}: the page shows avoid_in_sense in parentheses: none inside")
        if not isinstance(entry.get("gloss", True), bool):
            problems.append(f"{name}: gloss must be true or false")
    for key in ("en", "ko"):
        terms = [entry.get(key) for entry in TERMS]
        problems += [
            f"{key} {t!r} has two entries" for t in sorted(set(terms)) if terms.count(t) > 1
        ]
    assert not problems, "\n".join(["", *problems])


def test_no_term_is_both_used_and_avoided():
    problems = []
    forms = [form for entry in TERMS for form in entry.get("avoid", [])]
    problems += [
        f"{f!r} is avoided by two entries" for f in sorted(set(forms)) if forms.count(f) > 1
    ]
    for entry in TERMS:
        name = entry["en"]
        if stray := set(entry.get("mention", [])) - set(entry.get("avoid", [])):
            problems.append(f"{name}: mention {sorted(stray)} is not in avoid")
        for word in entry.get("other_words", []):
            if not any(form in word for form in [entry["ko"], *entry.get("avoid", [])]):
                problems.append(f"{name}: other word {word!r} contains neither ko nor a form")
        if entry["ko"] in entry.get("avoid_in_sense", {}):
            problems.append(f"{name}: its own term is in avoid_in_sense")
        # Each term, written on its own, uses none of the avoided forms.
        for _, _, other, form in avoided_forms(entry["ko"], TERMS):
            problems.append(f"{name}: its term contains {form!r}, avoided for {other['en']}")
    assert not problems, "\n".join(["", *problems])


# Every chapter ends with these sections (tests/test_closing_sections.py): a summary
# and exercises look back and ahead, so where a term first appears is read before them.
CLOSING = HEADINGS["ko"]


def teaching(slug):
    """The blocks of a chapter before its closing sections."""
    blocks = prose(f"{slug}.md")
    for index, block in enumerate(blocks):
        if block.kind == "heading" and block.text in CLOSING:
            return blocks[:index]
    return blocks


def test_every_term_is_on_its_page_and_that_is_the_first_chapter_using_it():
    # ``page`` is the first chapter, in reading order, whose text before its closing
    # sections uses the term. A term with gloss: false is also an everyday word (정리
    # in 정리하면), so where it first appears as a word says little: it must only be
    # on its page, anywhere, and if it has no page, in no chapter's headings or titles.
    problems = []
    for entry in TERMS:
        page, checked = entry["page"], entry.get("gloss", True)
        if checked:
            using = [slug for slug in chapters() if appears(teaching(slug), entry, TERMS)]
        else:
            named = ("heading", "title")
            using = [s for s in chapters() if appears(prose(f"{s}.md"), entry, TERMS, named)]
        if page is None:
            if using:
                problems.append(f"{entry['ko']}: no page, but {using[0]} uses it (set page)")
        elif not appears(teaching(page) if checked else prose(f"{page}.md"), entry, TERMS):
            problems.append(f"{entry['ko']}: not on its page {page}")
        elif checked and using[0] != page:
            problems.append(f"{entry['ko']}: first appears in {using[0]}, not {page}")
    assert not problems, "\n".join(["", *problems])


# --- the glossary pages ------------------------------------------------------------


def rendered(language):
    titles = {slug: read_page(DOCS / language, slug)[0] for slug in chapters()}
    return glossary.render(TERMS, language, titles, site_config().extra["text"])


def listed(markdown):
    """The bold names of the items, in the page's order."""
    return re.findall(r"^- \*\*(.+?)\*\*", markdown, re.M)


def test_the_glossary_pages_have_the_marker_the_hook_replaces():
    for language in LANGUAGES:
        assert glossary.MARKER in (DOCS / language / "glossary.md").read_text(encoding="utf-8")


def test_the_korean_glossary_lists_every_term_in_korean_order():
    markdown = rendered("ko")
    names = listed(markdown)
    assert sorted(names) == sorted(entry["ko"] for entry in TERMS)
    hangul = [name for name in names if HANGUL.match(name[0])]
    assert names[: len(hangul)] == hangul, "terms in Latin letters come last"
    assert hangul == sorted(hangul, key=lambda n: n.replace(" ", "").replace("-", ""))
    headings = re.findall(r"^## (.+)$", markdown, re.M)
    assert headings == sorted(set(headings), key=headings.index), "a group heading twice"
    assert headings[0] == "ㄱ" and headings[-1] == glossary.LATIN


def test_the_english_glossary_lists_every_term_in_english_order():
    names = listed(rendered("en"))
    assert len(names) == len(TERMS)
    assert names == sorted(names, key=str.lower)


def test_the_korean_glossary_uses_no_avoided_form_outside_its_avoid_lines():
    label = site_config().extra["text"]["avoided"]["ko"].split("{")[0]
    markdown = "\n".join(
        "" if line.strip().startswith(label) else line for line in rendered("ko").split("\n")
    )
    assert label not in markdown
    assert avoided_in(read_prose(markdown, "glossary (ko)"), TERMS) == []


def items(markdown):
    """``{bold name: the item's text}`` of a rendered glossary."""
    return {
        item[len("- **") :].split("**")[0]: item
        for item in re.split(r"\n(?=- \*\*)", markdown)
        if item.startswith("- **")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_glossary_item_gives_both_terms_its_definition_and_its_chapter(language):
    listed_items = items(rendered(language))
    for entry in TERMS:
        item = listed_items[
            entry[language] + (f", {entry['abbr']}" if language == "en" and "abbr" in entry else "")
        ]
        assert entry["ko"] in item and entry["en"] in item
        assert entry["definition"][language] in item
        links = re.findall(r"\]\(([\w-]+)\.md\)", item)
        assert links == ([entry["page"]] if entry["page"] else []), entry["en"]


def test_the_build_puts_the_glossary_where_the_marker_is():
    markdown = (KOREAN / "glossary.md").read_text(encoding="utf-8")
    built = glossary.on_page_markdown(markdown, page=None, config=site_config(), files=None)
    assert glossary.MARKER not in built and built.startswith("# 용어집\n")
    assert rendered("ko") in built


# --- the checker itself, on made-up pages ------------------------------------------

TITLES = {"softmax": "소프트맥스와 분류"}
TOY = [  # a few entries, so that these tests do not change with the data file
    {"en": "bias", "ko": "편향", "avoid": ["바이어스"]},
    {"en": "cross-entropy", "ko": "교차 엔트로피", "avoid": ["크로스 엔트로피"]},
    {"en": "width", "ko": "너비", "avoid": ["폭"], "other_words": ["폭주"]},
    {"en": "neural network", "ko": "신경망", "avoid": ["뉴럴"]},
    {"en": "layer", "ko": "층", "avoid": ["레이어"], "gloss": False},
    {"en": "hidden layer", "ko": "은닉층", "avoid": ["숨겨진 레이어"]},
    {"en": "parameter", "ko": "매개변수", "avoid": ["파라미터"], "mention": ["파라미터"]},
    {"en": "activation function", "ko": "활성화 함수", "avoid": ["활성 함수", "활성함수"]},
    {"en": "backpropagation", "ko": "역전파"},
    {"en": "gradient", "ko": "그래디언트"},
    {"en": "batch", "ko": "배치"},
    {"en": "mini-batch", "ko": "미니배치"},
    {"en": "slope", "ko": "기울기"},
    {"en": "vanishing gradient", "ko": "기울기 소실"},
    {"en": "softmax", "ko": "소프트맥스"},
    {"en": "feature", "ko": "특성"},
    {"en": "forward propagation", "ko": "순전파"},
    {"en": "multilayer perceptron", "ko": "다층 퍼셉트론", "abbr": "MLP"},
]
TOY[7]["mention"] = ["활성 함수", "활성함수"]


def check(markdown, terms=TOY):
    blocks = read_prose(markdown, "page.md", TITLES)
    return avoided_in(blocks, terms), unglossed(blocks, terms)


def test_the_checker_finds_a_planted_form_in_prose_and_nowhere_else():
    avoided, _ = check(
        "# 제목\n"
        "\n"
        "편향을 바이어스라고도 부릅니다. 신경망에서는\n"  # 3: found
        "크로스\n"  # 4: found, across the line break
        "엔트로피를 씁니다. 하이퍼파라미터, 기울기 폭주, 폭이\n"  # 5: only 폭
        "`바이어스`, $\\text{바이어스}$, https://example.org/바이어스\n"
        "\n"
        "```python\n"
        "bias = '바이어스'\n"
        "```\n"
        "\n"
        "$$\n"
        "\\text{바이어스}\n"
        "$$\n"
        "\n"
        '!!! note "뉴럴 네트워크"\n'  # 16: titles are prose
        "\n"
        "    숨겨진 레이어를 둡니다.\n"  # 18: the longer form, once
        "\n"
        "    ```python\n"
        "    x = '뉴럴'\n"
        "    ```\n"
        "\n"
        "| 층 | 레이어 |\n"  # 24: tables are prose
    )
    assert [message.split(" (")[0] for message in avoided] == [
        "page.md:3: '바이어스'",
        "page.md:4: '크로스 엔트로피'",
        "page.md:5: '폭'",
        "page.md:16: '뉴럴'",
        "page.md:18: '숨겨진 레이어'",
        "page.md:24: '레이어'",
    ]
    assert avoided[0] == "page.md:3: '바이어스' (for bias, write '편향')"


def test_a_page_may_give_another_name_once_quoted_or_in_the_terms_parentheses():
    avoided, _ = check(
        "매개변수(parameter, 파라미터)는 학습으로 정합니다.\n"
        "\n"
        '강의 노트는 "활성함수"라고 적었습니다.\n'
        "\n"
        "매개변수(파라미터)를 다시 씁니다. 파라미터도 씁니다. 활성 함수도 씁니다.\n"
    )
    assert [message.split(" (")[0] for message in avoided] == [
        "page.md:5: '파라미터'",
        "page.md:5: '파라미터'",
        "page.md:5: '활성 함수'",
    ]


def test_the_checker_asks_for_the_english_at_a_terms_first_use_only():
    _, unglossed_terms = check(
        "# 역전파와 배치\n"  # headings mention terms
        "\n"
        "역전파(backpropagation)는 그래디언트(기울기, gradient)를 구합니다. 역전파는\n"
        "미니배치(mini-batch)마다 합니다. 기울기 소실(vanishing gradient)은 '소프트맥스'나\n"
        "[소프트맥스와 분류](softmax.md)에서처럼 생깁니다. 기울기가 작고 소프트맥스\n"  # 5
        "(softmax)를 씁니다. 변수(특성, feature)를 **순전파**(forward propagation)에서\n"
        "씁니다. 하이퍼파라미터와 매개변수를 바꿉니다. 다층 퍼셉트론(MLP)과 신경망은\n"  # 7
        "| 신경망(neural network) | 층 |\n"  # the first use was on line 7
    )
    assert [message.split(" without")[0] for message in unglossed_terms] == [
        "page.md:5: first use of '기울기'",  # not inside 기울기 소실 or 그래디언트(기울기, ...)
        "page.md:7: first use of '신경망'",
        "page.md:7: first use of '매개변수'",  # not in 하이퍼파라미터, a mention in the title
    ]
    assert unglossed_terms[2].endswith("매개변수(parameter)")
    _, late = check("미니배치로(mini-batch) 나눕니다.\n")
    assert late == [
        "page.md:1: first use of '미니배치' gives its English after the particle '로': "
        "미니배치(mini-batch)로"
    ]


def test_the_data_file_catches_the_forms_machine_translation_uses():
    # The forms learners meet in machine-translated material, planted in a page.
    forms = ["뉴럴", "바이어스", "파라미터", "그라디언트", "크로스 엔트로피", "체인 규칙"]
    forms += ["숨겨진 레이어", "탄 함수", "자동 차별화"]
    markdown = "\n\n".join(f"{form}를 씁니다." for form in forms)
    avoided = avoided_in(read_prose(markdown, "page.md", TITLES), TERMS)
    assert [message.split("'")[1] for message in avoided] == forms


def test_the_home_page_reads_the_chapters_descriptions_where_its_table_is():
    home = prose("index.md")
    described = [block for block in home if not block.path.endswith("/index.md")]
    assert len(described) == len(chapters())
    assert all(block.kind == "text" for block in described)


def test_reading_the_pages_finds_their_prose_and_not_their_code():
    text = " ".join(block.text for block in prose("softmax.md"))
    assert "소프트맥스(softmax)" in text
    for code in ("import numpy", "```", "$", "](", "https://", "<figure"):
        assert code not in text
