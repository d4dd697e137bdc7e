"""Every page as a notebook (docs/hooks/notebooks.py): complete, clean, and it runs.

The notebooks are made in-process by the build's own hook, for both languages,
then each runs top to bottom in a fresh kernel (nbclient + ipykernel); every
output the page shows must be what the kernel prints. pytest-xdist spreads
the notebooks over the processes of the run.
"""

import base64
import doctest
import re
import xml.etree.ElementTree as ET
import zipfile
from io import BytesIO

import nbformat
import pytest
from nbclient import NotebookClient

from tests.docs_plugin import DOCTEST_FLAGS, expand_includes
from tests.paths import DOCS, LANGUAGES, ROOT, built_config, hook, pages, site_config
from tests.test_docs import read_page

MKDOCS_SYNTAX = [
    re.compile(r"^(> )?(!!!|\?\?\?|===)", re.M),  # admonitions, collapsed blocks, tabs
    re.compile(r"--8<--"),  # snippet includes
    re.compile(r"#only-(light|dark)"),  # Material's palette images
    re.compile(r"\{\s*[:#.][^}\n]*\}\s*$", re.M),  # attribute lists, { .annotate }
    re.compile(r'markdown="(span|block|1)"|</?figure|</?figcaption'),  # md_in_html
]
LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


# The pages with a notebook: the home page and the chapters.
NOTEBOOK_PAGES = hook("notebooks").notebook_pages(site_config().extra)


@pytest.fixture(scope="module")
def made():
    """``{language: {file name: bytes}}``, as the build writes them (no site URL set)."""
    return {
        language: hook("notebooks", c).notebooks(c)
        for language in LANGUAGES
        for c in [built_config(language)]
    }


def read(made, language, slug):
    return nbformat.reads(made[language][f"{slug}.ipynb"].decode("utf-8"), as_version=4)


def test_every_page_has_a_valid_notebook_and_the_zip_holds_them(made):
    for language in LANGUAGES:
        names = sorted(n for n in made[language] if n.endswith(".ipynb"))
        assert names == sorted(f"{slug}.ipynb" for slug in NOTEBOOK_PAGES)
        for slug in NOTEBOOK_PAGES:
            nb = read(made, language, slug)
            nbformat.validate(nb)
            assert nb.metadata["dlintro"] == {"page": slug, "language": language}
            first, install = nb.cells[:2]
            assert first.cell_type == "markdown" and first.source.startswith("# ")
            assert f"]({slug}.html)" in first.source, "the first cell links back to the page"
            assert install.cell_type == "code" and "import dlintro" in install.source
        archive = zipfile.ZipFile(BytesIO(made[language][f"dlintro-notebooks-{language}.zip"]))
        assert {n.split("/")[-1]: archive.read(n) for n in archive.namelist()} == {
            n: data for n, data in made[language].items() if n.endswith(".ipynb")
        }


def test_no_mkdocs_syntax_is_left(made):
    for language in LANGUAGES:
        for slug in NOTEBOOK_PAGES:
            for cell in read(made, language, slug).cells:
                if cell.cell_type == "markdown":
                    found = [p.pattern for p in MKDOCS_SYNTAX if p.search(cell.source)]
                else:
                    found = ["# (N)!"] if re.search(r"# \(\d+\)!", cell.source) else []
                assert found == [], f"{language}/{slug}: {found} in\n{cell.source[:300]}"


def test_attachments_and_links_resolve(made):
    reference = [f"{p}.html" for p in pages() if p not in NOTEBOOK_PAGES]  # beside the notebooks
    for language in LANGUAGES:
        for slug in NOTEBOOK_PAGES:
            nb = read(made, language, slug)
            anchors = set(re.findall(r'<a id="([^"]+)"></a>', "".join(c.source for c in nb.cells)))
            for cell in nb.cells:
                if cell.cell_type != "markdown":
                    continue
                for name in re.findall(r"\(attachment:([^)\s]+)\)", cell.source):
                    svg = base64.b64decode(cell.attachments[name]["image/svg+xml"])
                    assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"
                for target in LINK.findall(cell.source):
                    if target.startswith(("http://", "https://", "attachment:")):
                        continue
                    if target.startswith("#"):
                        assert target[1:] in anchors, f"{language}/{slug}: no anchor {target}"
                    elif target.endswith(".ipynb"):
                        assert target in made[language], f"{language}/{slug}: {target}"
                    else:  # the link back to the page, or a file the build makes
                        assert target in (f"{slug}.html", *reference, *made[language]), (
                            f"{language}/{slug}: {target}"
                        )


def test_code_cells_hold_exactly_the_code_the_page_shows(made):
    # Checked against the fences as tests/test_docs.py reads them, includes expanded.
    for language in LANGUAGES:
        for slug in NOTEBOOK_PAGES:
            expected = []
            for fence in read_page(DOCS / language / f"{slug}.md").fences:
                code = expand_includes(fence.body)
                if fence.language == "python":
                    expected.append(re.sub(r"\s*# \(\d+\)!$", "", code, flags=re.M))
                elif fence.language == "pycon":
                    examples = doctest.DocTestParser().get_examples(code + "\n")
                    expected.append("\n".join(e.source.rstrip("\n") for e in examples))
            cells = [c.source for c in read(made, language, slug).cells if c.cell_type == "code"]
            # One pycon fence may be cut into several cells: compare statement by statement.
            assert "\n".join(cells[1:]) == "\n".join(expected), f"{language}/{slug}"


def test_languages_have_the_same_code_cells(made):
    for slug in NOTEBOOK_PAGES:
        ko, en = (read(made, language, slug) for language in LANGUAGES)
        code = [
            [(c.source, c.outputs) for c in nb.cells if c.cell_type == "code"] for nb in (ko, en)
        ]
        assert code[0] == code[1], slug


def test_with_a_site_url_links_and_the_install_go_to_the_site():
    config = built_config("en", site_url="https://example.org/dlintro/en/")
    nb = nbformat.reads(
        hook("notebooks", config).notebooks(config)["softmax.ipynb"].decode(), as_version=4
    )
    install = nb.cells[1].source
    assert re.search(
        r"%pip install --quiet https://example\.org/dlintro/en/dlintro-[\d.]+-py3-none-any\.whl$",
        install,
    )
    text = "".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "](https://example.org/dlintro/en/softmax.html)" in text
    assert "](https://example.org/dlintro/en/notation.html" in text
    assert ".ipynb)" not in text


def test_every_page_that_teaches_links_to_its_notebook_and_colab_only_with_a_github_repo():
    for repo, colab in [(None, False), ("https://github.com/someone/dlintro", True)]:
        config = built_config("ko", repo_url=repo)
        for slug in pages():
            page = type("Page", (), {"file": type("File", (), {"src_uri": f"{slug}.md"})})
            markdown = hook("notebooks", config).on_page_markdown("# T\n\ntext", page, config, None)
            has_notebook = slug in NOTEBOOK_PAGES
            assert (f"]({slug}.ipynb){{ .md-button" in markdown) == has_notebook, slug
            link = f"https://colab.research.google.com/github/someone/dlintro/blob/notebooks/ko/{slug}.ipynb"
            assert (link in markdown) == (colab and has_notebook), slug


def run(data):
    """The notebook ``data`` after running top to bottom in a fresh kernel."""
    nb = nbformat.reads(data.decode("utf-8"), as_version=4)
    resources = {"metadata": {"path": str(ROOT)}}
    NotebookClient(nb, kernel_name="python3", timeout=120, resources=resources).execute()
    return nb


def text_of(outputs):
    parts = []
    for output in outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type == "execute_result":
            parts.append(output.data["text/plain"] + "\n")
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}\n")
    return "".join(parts)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", NOTEBOOK_PAGES)
def test_notebook_runs_and_prints_what_the_page_shows(made, language, slug):
    stored = read(made, language, slug)
    ran = run(made[language][f"{slug}.ipynb"])
    checker = doctest.OutputChecker()
    compared = 0
    for before, after in zip(stored.cells, ran.cells, strict=True):
        if before.cell_type != "code" or not before.outputs:
            continue
        want, got = text_of(before.outputs), text_of(after.outputs)
        assert checker.check_output(want, got, DOCTEST_FLAGS), (
            f"{language}/{slug}: cell\n{before.source}\nprinted\n{got}\nthe page shows\n{want}"
        )
        compared += 1
    assert compared == sum(1 for c in stored.cells if c.cell_type == "code" and c.outputs)
