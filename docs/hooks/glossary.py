"""The glossary page of each language, made from docs/glossary.yml.

Where a page has ``<!-- glossary -->``, its build puts there every entry of
docs/glossary.yml, grouped and sorted for the page's readers: the Korean page
by Korean term in 가나다 order under ㄱ, ㄴ, ㄷ, ... (terms written in Latin
letters last, under A–Z), the English page by English term under A, B, C, ...
Each entry gives the term in both languages, its one-line definition in the
page's language and the chapter where it first appears; the Korean page also
lists the forms that the Korean pages do not use for it.

tests/test_glossary.py checks the file, and every Korean page against it.
"""

from pathlib import Path

import chapters
import yaml

DATA = Path(__file__).resolve().parents[1] / "glossary.yml"
MARKER = "<!-- glossary -->"
LATIN = "A–Z"
# The 19 initial consonants in Unicode's order; a doubled one is listed under its plain one.
INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
PLAIN = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}


def load(path=DATA):
    """The entries of the glossary, as a list of dicts, in the file's order."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: about 10x faster, same data
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)


def is_hangul(character):
    return "가" <= character <= "힣"


def group(term, language):
    """The heading a term is listed under: ㄱ, ㄴ, ... or A–Z (Korean), A, B, ... (English)."""
    first = term[0]
    if language == "ko":
        if not is_hangul(first):
            return LATIN
        initial = INITIALS[(ord(first) - ord("가")) // 588]
        return PLAIN.get(initial, initial)
    return first.upper()


def sort_key(entry, language):
    if language == "ko":
        term = entry["ko"]
        # 가나다 order is Unicode's order of syllables; spaces and hyphens do not count.
        return (not is_hangul(term[0]), term.replace(" ", "").replace("-", "").lower())
    return (entry["en"].lower(),)


def avoided(entry):
    """The forms the Korean pages do not use for this entry, as shown on the Korean page."""
    forms = list(entry.get("avoid", []))
    forms += [f"{form}({when})" for form, when in entry.get("avoid_in_sense", {}).items()]
    return ", ".join(forms)


def render(entries, language, titles, text):
    """The glossary in ``language``, as Markdown: a ``##`` heading per group, an item per term.

    ``titles`` maps a chapter's slug to its title in that language; ``text`` is
    mkdocs.yml's ``extra.text`` (the site's own words in each language).
    """
    parts, heading = [], None
    for entry in sorted(entries, key=lambda e: sort_key(e, language)):
        term = entry["ko"] if language == "ko" else entry["en"]
        if group(term, language) != heading:
            heading = group(term, language)
            parts.append(f"\n## {heading}\n")
        english = entry["en"] + (f", {entry['abbr']}" if "abbr" in entry else "")
        if language == "ko":
            name = f"**{entry['ko']}**" + (f"({english})" if english != entry["ko"] else "")
        else:
            name = f"**{english}**" + (f" · {entry['ko']}" if entry["ko"] != entry["en"] else "")
        lines = [f"- {name}", f"  {entry['definition'][language]}"]
        if entry["page"]:
            link = f"[{titles[entry['page']]}]({entry['page']}.md)"
            lines[-1] += " " + text["first_appears"][language].format(link=link)
        if language == "ko" and avoided(entry):
            lines.append("  " + text["avoided"][language].format(forms=avoided(entry)))
        # Two spaces end a line inside the item without starting a paragraph.
        parts.append("  \n".join(lines))
    return "\n".join(parts).strip() + "\n"


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    entries = load()
    slugs = {entry["page"] for entry in entries if entry["page"]}
    titles = {slug: chapters.read_page(config.docs_dir, slug)[0] for slug in slugs}
    language = config.theme["language"]
    return markdown.replace(MARKER, render(entries, language, titles, config.extra["text"]))
