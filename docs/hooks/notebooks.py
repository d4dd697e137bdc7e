"""Every page as a Jupyter notebook, generated from the page at build time.

For each page that teaches (the home page and the chapters) ``<slug>.md``,
the build writes ``<slug>.ipynb`` beside it
(nbformat v4), the notebooks of the language as one zip
(``dlintro-notebooks-<lang>.zip``) and the package's wheel, which a notebook
installs when ``dlintro`` is missing. Each page gets a "Download notebook"
link under its title, and an "Open in Colab" link when ``repo_url`` is a
GitHub repository (the deploy workflow publishes the notebooks on its
``notebooks`` branch, where Colab finds them).

What becomes what:

- prose -> markdown cells; ``$...$`` and ``$$...$$`` stay as they are (Jupyter
  renders them with MathJax); links to other pages point to the site when
  ``site_url`` is set, else to the other page's notebook; a heading keeps the
  anchor the site gives it, so links to sections still work;
- a ``python`` fence -> a code cell with exactly the code the page shows
  (snippets expanded, code-annotation markers removed);
- a ``pycon`` fence -> one code cell per printed result, prompts stripped,
  with the page's expected output stored as the cell's output;
- admonitions and collapsed blocks (``!!!``, ``???``) -> a quoted block that
  starts with an icon and the block's title; tabs (``===``) -> a bold title;
- a figure -> its light-palette SVG as a cell attachment, with alt text and caption.
"""

import ast
import base64
import doctest
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import chapters
import figures
import nbformat
import snippets
from _cache import ROOT, cached, key
from markdown.extensions.toc import unique
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

PYTHON = {"python", "py", "python3"}
NOTEBOOK_BRANCH = "notebooks"  # where the deploy workflow publishes them for Colab

CONTAINER = re.compile(
    r'^(?P<kind>!!!|\?\?\?\+?|===\+?) *(?P<type>[\w-]*) *(?:"(?P<title>[^"]*)")?\s*$'
)
FENCE = re.compile(r"^(?P<mark>`{3,}|~{3,})\s*(?P<info>.*)$")
FIGURE = re.compile(
    r'<figure markdown="span">\n'
    r"  !\[(?P<alt>[^\]]*)\]\(assets/figures/(?P<name>[\w-]+)-light\.svg#only-light\)[^\n]*\n"
    r'  <figcaption markdown="span">(?P<caption>[^<]+)</figcaption>\n'
    r"</figure>"
)
ANNOTATION_MARKER = re.compile(r"\s*# \(\d+\)!$")  # Material's code annotations
ATTRIBUTE_LIST = re.compile(r"\s*\{:?\s*[#.][^}\n]*\}\s*$")  # { #id .class } ending a line
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")
ICONS = {
    "note": "ℹ️", "info": "ℹ️", "abstract": "📋", "tip": "💡", "success": "✅", "question": "❓",
    "warning": "⚠️", "failure": "❌", "danger": "⛔", "bug": "🐞", "example": "📝", "quote": "💬",
}  # fmt: skip


def _text(config, key, **values):
    return config.extra["text"][key][config.theme["language"]].format(**values)


# -- the wheel that notebooks install -----------------------------------------


def wheel():
    """The package's wheel, built once per version of its code: the file's path."""
    sources = [ROOT / "pyproject.toml", ROOT / "README.md", ROOT / "LICENSE"]
    sources += sorted((ROOT / "dlintro").rglob("*.py"))

    def build(folder):
        command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
        command += ["--no-build-isolation", "--wheel-dir", str(folder), str(ROOT)]
        subprocess.run(command, check=True, capture_output=True)

    (path,) = cached("wheel", key(sources), build).glob("dlintro-*-py3-none-any.whl")
    return path


# -- markdown to cells ---------------------------------------------------------


class Cells:
    """The cells of a notebook as they are made, markdown lines merged into one cell.

    Cells and outputs are plain NotebookNodes: nbformat's ``new_*`` functions
    would validate each one against the schema (most of the hook's time), and
    ``notebook`` validates the whole notebook once. Ids are numbered, so that
    a page makes the same notebook on every build.
    """

    def __init__(self):
        self.cells, self.markdown, self.attachments = [], [], {}

    def text(self, line):
        self.markdown.append(line)

    def _cell(self, cell_type, source, **fields):
        cell = nbformat.from_dict(
            {
                "id": f"cell-{len(self.cells)}",
                "cell_type": cell_type,
                "metadata": {},
                "source": source,
                **fields,
            }
        )
        self.cells.append(cell)
        return cell

    def code(self, source, outputs=(), tags=()):
        self.flush()
        cell = self._cell("code", source, execution_count=None, outputs=list(outputs))
        if tags:
            cell.metadata["tags"] = list(tags)

    def attach(self, name, svg):
        """Attach ``svg`` to the markdown cell being written."""
        self.attachments[name] = svg

    def flush(self):
        lines = self.markdown
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        if lines:
            cell = self._cell("markdown", "\n".join(lines))
            if self.attachments:
                cell.attachments = nbformat.from_dict(
                    {
                        name: {"image/svg+xml": base64.b64encode(svg).decode("ascii")}
                        for name, svg in self.attachments.items()
                    }
                )
        self.markdown, self.attachments = [], {}


def _shows_its_value(statement):
    """Whether Jupyter shows ``statement``'s value: an expression, not a print() call."""
    (node,) = ast.parse(statement).body
    return isinstance(node, ast.Expr) and not (
        isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) == "print"
    )


def pycon_cells(source):
    """``[(code, outputs, tags)]``: a ``>>>`` session cut after each printed result."""
    examples = doctest.DocTestParser().get_examples(source)
    cells, pending = [], []
    for example in examples:
        pending.append(example.source.rstrip("\n"))
        if not (example.want or example.exc_msg):
            continue
        code = "\n".join(pending)
        if example.exc_msg:
            name, _, message = example.exc_msg.rstrip("\n").partition(": ")
            name = name.rsplit(".", 1)[-1]  # numpy.exceptions.AxisError -> AxisError, as Jupyter
            output = {"output_type": "error", "ename": name, "evalue": message, "traceback": []}
            cells.append((code, [output], ["raises-exception"]))
        elif _shows_its_value(example.source):
            data = {"text/plain": example.want.rstrip("\n")}
            output = {
                "output_type": "execute_result",
                "data": data,
                "metadata": {},
                "execution_count": None,
            }
            cells.append((code, [output], []))
        else:  # printed, e.g. by print() or in a loop
            output = {"output_type": "stream", "name": "stdout", "text": example.want}
            cells.append((code, [output], []))
        pending = []
    if pending:
        cells.append(("\n".join(pending), [], []))
    return cells


def unindent(lines):
    """The body of a container: the indented lines after its opening line."""
    body = []
    for line in lines:
        if line.strip() and not line.startswith("    "):
            break
        body.append(line[4:])
    while body and not body[-1].strip():
        body.pop()
    return body


class Converter:
    """Turns one page's markdown (includes expanded) into notebook cells."""

    def __init__(self, config, slug, svgs):
        self.config, self.slug, self.svgs = config, slug, svgs
        self.anchors = set()
        slugify = config.mdx_configs["toc"]["slugify"]
        self.slugify = lambda title: unique(slugify(title, "-"), self.anchors)

    def link(self, match):
        target = match["target"]
        path, _, anchor = target.partition("#")
        if urlsplit(target).scheme or target.startswith("#"):
            return match[0]
        if not path.endswith(".md"):  # a file of the site, e.g. the zip of the notebooks
            return f"]({self.config.site_url}{target})" if self.config.site_url else match[0]
        slug = path.removesuffix(".md")
        if site := self.config.site_url:
            return f"]({site}{slug}.html{'#' + anchor if anchor else ''})"
        if slug in notebook_pages(self.config.extra):
            return f"]({slug}.ipynb)"  # a notebook has no anchors of the site's sections
        return f"]({slug}.html)"  # a reference page, beside the notebooks on the site

    def prose(self, line, quote):
        line = ATTRIBUTE_LIST.sub("", line) if "{" in line else line
        line = LINK.sub(self.link, line)
        if heading := re.match(r"^(#{2,6}) (.*)$", line):
            # The site's anchor, so that [..](#anchor) links keep working.
            line = f'<a id="{self.slugify(heading[2])}"></a>\n\n{line}'
        return f"> {line}".rstrip() if quote else line

    def convert(self, lines, cells, quote=False):
        i = 0
        while i < len(lines):
            line = lines[i]
            if fence := FENCE.match(line):
                end = next(
                    j
                    for j in range(i + 1, len(lines))
                    if lines[j].startswith(fence["mark"]) and not lines[j].strip("`~ ")
                )
                body = "\n".join(lines[i + 1 : end])
                language = fence["info"].strip("{} .").split()[0] if fence["info"].strip() else ""
                if language in PYTHON:
                    code = "\n".join(ANNOTATION_MARKER.sub("", ln) for ln in body.split("\n"))
                    cells.code(code)
                elif language == "pycon":
                    for code, outputs, tags in pycon_cells(body + "\n"):
                        cells.code(code, outputs, tags)
                else:  # shell commands, program output: shown, not run
                    for kept in lines[i : end + 1]:
                        cells.text(f"> {kept}" if quote else kept)
                i = end + 1
                continue
            if container := CONTAINER.match(line):
                body = unindent(lines[i + 1 :])
                title = container["title"] or container["type"].capitalize()
                if container["kind"].startswith("==="):
                    cells.text(f"**{title}**")
                    cells.text("")
                    self.convert(body, cells, quote)
                else:
                    icon = ICONS.get(container["type"], "ℹ️")
                    cells.text(f"> {icon} **{LINK.sub(self.link, title)}**")
                    cells.text(">")
                    start = next((k for k, ln in enumerate(body) if ln.strip()), len(body))
                    self.convert(body[start:], cells, quote=True)  # one ">" after the title
                cells.text("")
                i += 1 + len(body)
                continue
            if line.startswith('<figure markdown="span">'):
                block = "\n".join(lines[i : i + 4])
                figure = FIGURE.match(block)
                name = f"{figure['name']}-light.svg"
                cells.attach(name, self.svgs[name])
                cells.text(f"![{figure['alt']}](attachment:{name})")
                cells.text("")
                cells.text(f"*{figure['caption']}*")
                i += 4
                continue
            cells.text(self.prose(line, quote))
            i += 1


def notebook(config, slug, svgs, wheel_name):
    """The notebook of page ``slug`` in the language of ``config``, as a NotebookNode.

    ``svgs`` are the figures' light SVGs by file name; ``wheel_name`` is the
    file name of the package's wheel, which the install cell takes from the site.
    """
    source = Path(config.docs_dir, f"{slug}.md").read_text(encoding="utf-8")
    markdown, _ = get_data(source)
    markdown = markdown.replace(chapters.CHAPTERS_MARKER, chapters.chapter_table(config))
    markdown = snippets.expand(markdown, config)
    lines = markdown.split("\n")
    title_line = next(i for i, line in enumerate(lines) if line.startswith("# "))
    title = lines[title_line][2:].strip()

    cells = Cells()
    converter = Converter(config, slug, svgs)
    converter.slugify(title)  # the title's anchor is taken, as on the site
    cells.text(converter.prose(lines[title_line], quote=False))
    page = f"{config.site_url}{slug}.html" if config.site_url else f"{slug}.html"
    cells.text("")
    cells.text(_text(config, "notebook_intro", title=title, url=page))
    cells.flush()
    version = wheel_name.split("-")[1]
    if config.site_url:
        install = f"    %pip install --quiet {config.site_url}{wheel_name}"
    else:
        install = (
            "    raise ImportError(\n"
            f'        "dlintro is not installed: pip install dlintro-{version}-py3-none-any.whl "\n'
            '        "(the wheel is on the site, beside the notebooks), "\n'
            '        "or pip install -e . in a clone of the repository"\n'
            "    ) from None"
        )
    cells.code(
        "# Makes `import dlintro` work here: nothing to do where it is installed.\n"
        f"try:\n    import dlintro\nexcept ImportError:\n{install}"
    )
    converter.convert(lines[title_line + 1 :], cells)
    cells.flush()
    nb = nbformat.from_dict(
        {
            "nbformat": nbformat.v4.nbformat,
            "nbformat_minor": nbformat.v4.nbformat_minor,
            "metadata": {
                "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                "language_info": {"name": "python"},
                "dlintro": {"page": slug, "language": config.theme["language"]},
            },
            "cells": cells.cells,
        }
    )
    nbformat.validate(nb)  # the one check of the schema: an invalid notebook fails the build
    return nb


def notebook_pages(extra):
    """The pages that teach: the home page and the chapters (not the API or the glossary)."""
    return ["index", *chapters.chapters(extra)]


def notebooks(config):
    """``{file name: bytes}``: every page's notebook of this language, and their zip."""
    svgs = {p.name: p.read_bytes() for p in figures.drawn_figures().glob("*-light.svg")}
    wheel_name = wheel().name
    made = {}
    for slug in notebook_pages(config.extra):
        nb = notebook(config, slug, svgs, wheel_name)
        made[f"{slug}.ipynb"] = nbformat.v4.writes(nb).encode("utf-8") + b"\n"  # validated
    language = config.theme["language"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in made.items():
            archive.writestr(f"dlintro-notebooks-{language}/{name}", data)
    made[f"dlintro-notebooks-{language}.zip"] = buffer.getvalue()
    return made


# -- mkdocs events ---------------------------------------------------------------


def colab_url(config, slug):
    """Where Colab opens this page's notebook, or None without a GitHub ``repo_url``."""
    repo = urlsplit(config.repo_url or "")
    if repo.hostname != "github.com":
        return None
    # .github/workflows/ci.yml publishes them there, a folder per language.
    path = f"{repo.path.rstrip('/')}/blob/{NOTEBOOK_BRANCH}/{config.theme['language']}/{slug}.ipynb"
    return f"https://colab.research.google.com/github{path}"


def on_files(files, config):
    for name, data in notebooks(config).items():
        files.append(File.generated(config, name, content=data))
    path = wheel()
    files.append(File.generated(config, path.name, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown, page, config, files):
    # The links go right under the page's title.
    slug = page.file.src_uri.removesuffix(".md")
    if slug not in notebook_pages(config.extra):
        return markdown
    language = config.theme["language"]
    download = f'download="dlintro-{slug}-{language}.ipynb"'
    links = [f"[{_text(config, 'download_notebook')}]({slug}.ipynb){{ .md-button {download} }}"]
    if colab := colab_url(config, slug):
        links.append(f"[{_text(config, 'open_in_colab')}]({colab}){{ .md-button }}")
    title = re.search(r"^# .*$", markdown, re.M)
    return f"{markdown[: title.end()]}\n\n{' '.join(links)}\n{markdown[title.end() :]}"
