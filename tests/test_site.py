"""The built site in a real browser: headless Debian chromium, driven by Playwright.

The site is built once with ``mkdocs build --strict`` and served on 127.0.0.1.
Without chromium these tests skip, except under CI=true where that is a failure.
Set DLINTRO_SCREENSHOTS=<dir> to keep a full-page screenshot of every page in both palettes.
"""

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.paths import ROOT, pages, site_prefixes

pytestmark = pytest.mark.browser

LANGUAGES = site_prefixes()  # language -> where its site lives under /
PAGES = pages()
NEEDS = (
    "Debian's chromium and fonts-nanum (apt-get install chromium fonts-nanum) and playwright (pip)"
)
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: CI must run the browser tests; install {NEEDS}")
    pytest.skip(f"{reason}; install {NEEDS}")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return out


@pytest.fixture(scope="session")
def base_url(site):
    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        _missing("chromium is not installed")
    if shutil.which("fc-list"):  # fontconfig's tool; without it, assume the font is there
        fonts = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True)
        if not fonts.stdout.strip():
            _missing("no font with Hangul is installed (Korean would render as boxes)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records every request, failed response and console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests, page.failures, page.errors = [], [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on(
        "requestfailed", lambda request: page.failures.append(f"{request.url} ({request.failure})")
    )
    page.on("response", lambda r: r.status >= 400 and page.failures.append(f"{r.url} ({r.status})"))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def wait_for_mathjax(page):
    page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("() => MathJax.startup.promise")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_loads_typesets_its_formulas_and_stays_local(page, base_url, language, name):
    url = f"{base_url}{LANGUAGES[language]}{name}.html"
    response = page.goto(url)
    assert response.ok
    wait_for_mathjax(page)

    assert page.get_attribute("html", "lang") == language
    formulas = page.locator(".arithmatex").count()
    typeset = page.locator(".arithmatex > mjx-container").count()
    assert typeset == formulas, f"{formulas - typeset} of {formulas} formulas not typeset"
    assert page.locator("mjx-merror").count() == 0, "MathJax reported an error in a formula"
    if page.locator("pre > code").count():
        assert page.locator(".highlight code span").count() > 0, "code is not highlighted"
        assert page.locator("button.md-code__button[data-md-type=copy]").count() > 0, (
            "code blocks have no copy button"
        )

    hosts = {urlsplit(u).hostname for u in page.requests if not u.startswith("data:")}
    assert hosts == {"127.0.0.1"}, f"requests left the site: {sorted(hosts)}"
    assert page.failures == []
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_text_is_readable_and_figures_follow_the_palette(
    browser, base_url, scheme, language, name
):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{base_url}{LANGUAGES[language]}{name}.html")
    wait_for_mathjax(page)
    if directory := os.environ.get("DLINTRO_SCREENSHOTS"):
        Path(directory).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{directory}/{language}-{name}-{scheme}.png", full_page=True)
    # Each figure shows exactly one image, drawn for this palette, and it loaded.
    for figure in page.locator("article figure").all():
        (image,) = figure.locator("img:visible").all()
        assert image.get_attribute("src").endswith(f"-{scheme}.svg#only-{scheme}")
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    # The page's own content, not Material's header and footer.
    result = Axe().run(
        page,
        context={"include": [["article"]]},
        options={"runOnly": ["color-contrast", "link-in-text-block"]},
    )
    context.close()
    problems = [
        (v["id"], node["html"][:80]) for v in result.response["violations"] for node in v["nodes"]
    ]
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(browser, base_url, language):
    # Wide code and formulas scroll inside their own boxes; the page itself must not.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    too_wide = {}
    for name in PAGES:
        page.goto(f"{base_url}{LANGUAGES[language]}{name}.html")
        wait_for_mathjax(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            too_wide[name] = width
    context.close()
    assert too_wide == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_softmax_page_shows_formulas_and_code_annotations(page, base_url, language):
    # Guards the checks above against passing because nothing is rendered at all.
    page.goto(f"{base_url}{LANGUAGES[language]}softmax.html")
    wait_for_mathjax(page)
    assert page.locator(".arithmatex > mjx-container").count() >= 5
    assert page.locator(".md-annotation").count() >= 2


@pytest.mark.parametrize(
    ("start", "target_language", "expected"),
    [
        ("softmax.html", "en", "en/softmax.html"),
        ("en/softmax.html", "ko", "softmax.html"),
        ("index.html", "en", "en/index.html"),
        ("en/notation.html", "ko", "notation.html"),
    ],
)
def test_language_switcher_lands_on_the_same_page(page, base_url, start, target_language, expected):
    page.goto(base_url + start)
    page.hover(".md-header__option .md-select")
    page.click(f"a.md-select__link[hreflang={target_language}]")
    page.wait_for_url(base_url + expected)
    assert page.get_attribute("html", "lang") == target_language


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [("index.html", "소프트맥스", "softmax.html"), ("en/index.html", "softmax", "en/softmax.html")],
)
def test_search_finds_the_page_in_the_readers_language(page, base_url, start, query, expected):
    page.goto(base_url + start)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    # Hangul typed through CDP arrives as text input without key events, and
    # Material searches on keyup: press a key that leaves the query as it is.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for()
    hrefs = [
        urlsplit(h).path.lstrip("/")
        for h in results.evaluate_all("links => links.map(a => a.href)")
    ]
    assert expected in hrefs
    in_english = [h for h in hrefs if h.startswith("en/")]
    assert in_english == (hrefs if start.startswith("en/") else []), (
        f"results in the other language: {hrefs}"
    )


def test_palette_toggle_switches_to_dark_and_back(page, base_url):
    page.goto(base_url + "index.html")
    scheme = lambda: page.get_attribute("body", "data-md-color-scheme")  # noqa: E731
    first = scheme()
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert scheme() != first
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert scheme() == first


def test_footer_links_to_previous_and_next_page(page, base_url):
    page.goto(base_url + "notation.html")
    footer = [
        urlsplit(h).path.lstrip("/")
        for h in page.locator(".md-footer__link").evaluate_all("a => a.map(x => x.href)")
    ]
    assert footer == ["index.html", "linear-model.html"]
