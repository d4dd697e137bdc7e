"""The one list of pages (``extra.chapters`` in mkdocs.yml) and what follows from it.

Each language's build makes from that list:

- its nav (home, the chapters by section, the reference pages);
- the home page's chapter table, where the page has ``<!-- chapters -->``: a
  row per chapter, numbered in reading order, with the chapter's heading and
  the ``description`` of its front matter;
- the API page's sections, where it has ``<!-- modules -->``: a section per
  chapter with the modules of ``dlintro`` whose docstring names that chapter's
  page, as ``(page: <slug>)`` on its first line (the tag itself is left out of
  the rendered page: the section's heading links the chapter).

The tests and the notebooks read the same list through these functions.
"""

import ast
import re
from pathlib import Path

from mkdocs.utils.meta import get_data

PACKAGE = Path(__file__).resolve().parents[2] / "dlintro"
CHAPTERS_MARKER = "<!-- chapters -->"
MODULES_MARKER = "<!-- modules -->"
PAGE_TAG = re.compile(r"\(page: ([a-z0-9-]+)\)")


def chapters(extra):
    """The chapters' slugs in reading order."""
    return [slug for section in extra["chapters"] for slug in section["pages"]]


def pages(extra):
    """Every page's slug in nav order: the home page, the chapters, the reference pages."""
    return ["index", *chapters(extra), *extra["reference"]["pages"]]


def nav(extra, language):
    """The nav of one language, in the form of mkdocs.yml's ``nav``."""
    entries = [{extra["home"][language]: "index.md"}]
    for section in [*extra["chapters"], extra["reference"]]:
        title, slugs = section["section"][language], section["pages"]
        # A section of one page is a link to it, titled by the section.
        entries.append({title: f"{slugs[0]}.md" if len(slugs) == 1 else [f"{s}.md" for s in slugs]})
    return entries


def read_page(docs_dir, slug):
    """A page's title (its ``# `` heading) and its front matter, as a dict."""
    markdown, meta = get_data(Path(docs_dir, f"{slug}.md").read_text(encoding="utf-8"))
    title = next(line[2:].strip() for line in markdown.splitlines() if line.startswith("# "))
    return title, meta


def modules_by_page():
    """``{slug: [module, ...]}``: the public modules of dlintro by the page they name."""
    found = {}
    for path in sorted(PACKAGE.glob("[!_]*.py")):
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if tag := PAGE_TAG.search(docstring.split("\n", 1)[0]):
            found.setdefault(tag[1], []).append(path.stem)
    return found


def chapter_table(config):
    rows = []
    for number, slug in enumerate(chapters(config.extra)):
        title, meta = read_page(config.docs_dir, slug)
        rows.append(f"| {number} | [{title}]({slug}.md) | {meta['description']} |")
    return "\n".join(rows)


def module_sections(config):
    language = config.theme["language"]
    by_page = modules_by_page()
    sections = []
    for slug in chapters(config.extra):
        if slug not in by_page:
            continue
        title, _ = read_page(config.docs_dir, slug)
        taught_in = config.extra["text"]["taught_in"][language].format(link=f"[{title}]({slug}.md)")
        sections.append(f"## {title}\n\n{taught_in}\n")
        for module in by_page[slug]:
            sections.append(f"::: dlintro.{module}\n    options:\n      heading_level: 3\n")
    return "\n".join(sections)


def on_config(config):
    config.nav = nav(config.extra, config.theme["language"])
    return config


def on_page_markdown(markdown, page, config, files):
    if CHAPTERS_MARKER in markdown:
        markdown = markdown.replace(CHAPTERS_MARKER, chapter_table(config))
    if MODULES_MARKER in markdown:
        markdown = markdown.replace(MODULES_MARKER, module_sections(config))
    return markdown


def on_page_content(html, page, config, files):
    # On the API page the section above each module links its chapter; the
    # "(page: <slug>)" tag of the module's docstring would only repeat it.
    if page.file.src_uri == "api.md":
        html = re.sub(r"\s*" + PAGE_TAG.pattern, "", html)
    return html
