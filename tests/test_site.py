"""The built site in a real browser: headless Debian chromium, driven by Playwright.

The site is built once per run with ``mkdocs build --strict`` (pytest-xdist's
workers share the build) and each worker serves it on 127.0.0.1 under a
sub-path, as a GitHub Pages project site is (``/<repo>/``), with a repository
URL set, so that the links that depend on it are built and checked.

Each (page, language) is visited once, and that visit runs every check of the
page (``test_page``); the few checks that span pages (language switcher,
search, footer, palette across pages, 404 page, lazy math, MathJax's menu)
have tests of their own. Without chromium these tests skip, except under
CI=true where that is a failure. Set DLINTRO_SCREENSHOTS=<dir> to keep a
full-page screenshot of every page in both palettes and at phone width.
"""

import collections
import contextlib
import functools
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from filelock import FileLock

from tests.paths import ROOT, pages, site_prefixes

pytestmark = pytest.mark.browser

LANGUAGES = site_prefixes()  # language -> where its site lives under the site's root
PAGES = pages()
PREFIX = "/dlintro/"  # the sub-path the site is served under in these tests
REPO_URL = "https://github.com/dlintro-tests/dlintro"  # a stand-in: links only, never requested
PHONE = {"width": 390, "height": 844}
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
# Pages whose counts guard the checks against passing because nothing is rendered.
AT_LEAST = {"softmax": {"formulas": 5, "annotations": 2}}


def _missing(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: CI must run the browser tests; install {NEEDS}")
    pytest.skip(f"{reason}; install {NEEDS}")


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id):
    """The built site: one build per test run, which pytest-xdist's workers share."""
    run = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        run = run.parent  # the run's folder, above each worker's own
    out = run / "site"
    with FileLock(run / "site.lock"):
        if not out.is_dir():
            _build(run / "site-building")
            (run / "site-building").rename(out)  # a failed build leaves no site behind
    return out


def _build(out):
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        # Only the path counts (the 404 page's links); no request goes to this host.
        "SITE_URL": f"http://127.0.0.1{PREFIX}",
        "REPO_URL": REPO_URL,
    }
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT,
        check=True,
        env=env,
    )


class _SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site under PREFIX only; a missing file gets the site's 404 page."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(PREFIX):
            self.send_error(404)
            return None
        self.path = "/" + self.path.removeprefix(PREFIX)
        if Path(self.translate_path(self.path)).exists():
            return super().send_head()
        body = (Path(self.directory) / "404.html").read_bytes()  # as GitHub Pages does
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@pytest.fixture(scope="session")
def base_url(site):
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_SubPathHandler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
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


class Recorder:
    """Every request, failed or 4xx response and console error of a browser context."""

    def __init__(self, context):
        self.requests, self.failures, self.errors = [], [], []
        self.pending = set()
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("request", lambda request: self.pending.add(request))
        context.on("requestfinished", lambda request: self.pending.discard(request))
        context.on("requestfailed", lambda request: self.pending.discard(request))
        context.on(
            "requestfailed",
            lambda request: self.failures.append(f"{request.url} ({request.failure})"),
        )
        context.on(
            "response", lambda r: r.status >= 400 and self.failures.append(f"{r.url} ({r.status})")
        )
        context.on("console", lambda m: m.type == "error" and self.errors.append(m.text))

    def wait_for_requests(self, page, timeout=10):
        """Waits until no request is under way (a navigation would abort it)."""
        deadline = time.monotonic() + timeout
        while self.pending and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        assert not self.pending, [request.url for request in self.pending]

    def watch(self, page):
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        return page

    def hosts(self):
        return {urlsplit(u).hostname for u in self.requests if not u.startswith(("data:", "blob:"))}

    def paths(self):
        return [urlsplit(u).path for u in self.requests if u.startswith("http")]

    def fetched(self, suffix):
        """The paths requested that end with ``suffix``."""
        return [p for p in self.paths() if p.endswith(suffix)]


@pytest.fixture
def context(browser):
    """A fresh browser context (closed after the test) with a Recorder as ``.record``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    context.record = Recorder(context)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context):
    return context.record.watch(context.new_page())


def wait_for_mathjax(page):
    page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("() => MathJax.startup.promise")


# A formula is typeset when its container holds MathJax's output (CHTML's
# mjx-math, or SVG when a reader chose it) and no lazy-typesetting placeholder.
IS_TYPESET = """(f) => {
  const containers = f.querySelectorAll(':scope > mjx-container');
  return containers.length === 1 && !f.querySelector('mjx-lazy')
    && !!containers[0].querySelector(':scope > mjx-math, :scope > svg');
}"""
# Each formula under root: 'typeset', or the start of its TeX when it is not.
FORMULA_STATES = f"""(root) => [...(root || document).querySelectorAll('.arithmatex')].map(f =>
  ({IS_TYPESET})(f) ? 'typeset' : f.textContent.trim().slice(0, 60) || '(empty)')"""

TYPESET_ALL = "() => MathJax.startup.document.lazyTypesetAll().then(() => MathJax.startup.promise)"
# Every formula typeset, then in one pass: those not typeset, those a keyboard
# cannot reach (Tab), MathJax's errors and the counts.
TYPESET_REPORT = f"""async () => {{
  await ({TYPESET_ALL})();
  const states = ({FORMULA_STATES})(document);
  return {{
    notTypeset: states.filter(s => s !== 'typeset'),
    notFocusable: [...document.querySelectorAll('.arithmatex > mjx-container:not([tabindex="0"])')]
      .map(c => c.parentElement.textContent.trim().slice(0, 60)),
    errors: [...document.querySelectorAll('mjx-merror')].map(e => e.getAttribute('data-mjx-error')),
    formulas: states.length,
    annotations: document.querySelectorAll('.md-annotation').length,
  }};
}}"""

# Opens every collapsed block of the article (each must be closed, its formulas
# hidden, and open on a click), then scrolls to each of their formulas not yet
# typeset and waits for it (lazy typesetting typesets what comes into view, so
# one scroll often brings several). Returns problems as strings.
OPEN_COLLAPSED = f"""async () => {{
  const problems = [];
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const isTypeset = {IS_TYPESET};
  const blocks = [...document.querySelectorAll('article details')];
  const name = (block) => `block ${{blocks.indexOf(block) + 1}} `
    + `(${{block.querySelector('summary')?.textContent.trim()}})`;
  const closed = blocks.filter(block => !block.open);
  for (const block of blocks.filter(block => block.open))
    problems.push(`${{name(block)}} is open on load`);
  for (const block of closed) {{
    const shown = [...block.querySelectorAll('.arithmatex')].filter(f => f.checkVisibility());
    if (shown.length)
      problems.push(`${{name(block)}}: ${{shown.length}} formulas shown while closed`);
  }}
  for (const block of closed) block.querySelector('summary').click();
  await frame();
  const opened = closed.filter(block => block.open);
  for (const block of closed.filter(block => !block.open))
    problems.push(`${{name(block)}} does not open on click`);
  const formulas = new Set(opened.flatMap(block => [...block.querySelectorAll('.arithmatex')]));
  for (const formula of formulas) {{
    if (isTypeset(formula)) continue;
    formula.scrollIntoView({{block: 'center'}});
    const start = performance.now();
    while (!isTypeset(formula) && performance.now() - start < 5000) await frame();
    if (!isTypeset(formula))
      problems.push(`${{name(opened.findLast(block => block.contains(formula)))}}: `
        + 'not typeset once opened: '
        + formula.textContent.slice(0, 60));
  }}
  window.scrollTo(0, 0);
  return {{problems, blocks: blocks.length}};
}}"""

# MathJax's startup.js is in the head (async), with a preload for each part it
# loads on every page (extra.mathjax.preload in mkdocs.yml); each preload is a script
# that MathJax then loaded (none fetched for nothing).
PRELOADED = """() => {
  const problems = [];
  if (!document.head.querySelector('script[async][src$="mathjax/startup.js"]'))
    problems.push('no async startup.js in the head');
  const preloads = [...document.head.querySelectorAll('link[rel=preload][as=script]')];
  if (!preloads.length) problems.push('no preload');
  const scripts = new Set([...document.scripts].map(script => script.src));
  for (const link of preloads) if (!scripts.has(link.href)) problems.push(`unused: ${link.href}`);
  return problems;
}"""

# Each code block: highlighted by pygments (token spans), and one copy button
# that copies this block's code.
PLAIN_TEXT = ["text", "txt", "plain"]  # fences whose pygments lexer marks no token
CODE_BLOCKS = """(plain) => [...document.querySelectorAll('article pre')].flatMap((pre, i) => {
  const problems = [];
  const code = pre.querySelector(':scope > code');
  const name = `block ${i + 1} (${(code?.textContent || '').trim().slice(0, 40)})`;
  const block = pre.closest('.highlight');
  const language = [...(block?.classList || [])].find(c => c.startsWith('language-'));
  if (!block || !code || !language) problems.push(`${name}: not a highlighted block`);
  else if (!plain.includes(language.slice(9)) && !code.querySelector('span[class]:not(.w)'))
    problems.push(`${name}: no highlighted token (${language})`);
  const buttons = pre.querySelectorAll('button.md-code__button[data-md-type=copy]');
  if (buttons.length !== 1) problems.push(`${name}: ${buttons.length} copy buttons`);
  else if (document.querySelector(buttons[0].dataset.clipboardTarget) !== code)
    problems.push(`${name}: the copy button copies something else`);
  return problems;
})"""

# Each figure shows exactly one image, drawn for this palette, and it loads
# (images load lazily: scroll to each).
FIGURES = """async (scheme) => {
  const problems = [];
  for (const [i, figure] of [...document.querySelectorAll('article figure')].entries()) {
    const shown = [...figure.querySelectorAll('img')].filter(img => img.checkVisibility());
    if (shown.length !== 1) {
      problems.push(`figure ${i + 1}: ${shown.length} images shown`);
      continue;
    }
    const [img] = shown;
    if (!img.getAttribute('src').endsWith(`-${scheme}.svg#only-${scheme}`))
      problems.push(`figure ${i + 1}: shows ${img.getAttribute('src')}`);
    img.scrollIntoView({block: 'center'});
    await img.decode().catch(() => null);
    if (!(img.complete && img.naturalWidth > 0)) problems.push(`figure ${i + 1}: image not loaded`);
  }
  window.scrollTo(0, 0);
  return problems;
}"""

AXE_RULES = ["color-contrast", "link-in-text-block"]

# axe flattens the whole document on every run, maps where every element is,
# and works out each text element's colours one by one: on a chapter (15,000
# elements, 10,000 of them MathJax's, 6,000 code tokens) one run took 5 s.
# It takes a third of a second without checking less:
# - Formulas are taken out of the page for the run: CHTML draws each glyph as
#   CSS-generated content, which axe's contrast rule never reads (it checks the
#   text around them), and a formula has its text's colour (checked here).
# - axe's verdict on a text element depends only on what it reads of it, its
#   key (AXE_KEYS): its colours (text, fill, stroke, shadow, the backgrounds
#   under it up to the first opaque one, the opacity of it and its ancestors),
#   font size, weight (and style), whether its own text is one character or
#   only symbols (axe then says "can't tell", or skips it), whether it is too
#   small to be seen, and whether a pseudo-element with a background covers it.
#   A link's verdict (link-in-text-block) depends on the pair of its style
#   (colour, decoration, borders, font) and that of the block of text around
#   it, and on whether that block has more text than links: that is its key.
#   Same key, same verdict; so axe needs to see each key once. Each key is
#   kept in the element with the fewest text elements that has it, and the
#   elements around that one; every other element of the article is left out
#   of the run (data-axe-same), and what is inside those that are blocks is
#   taken out of the page during the run, their boxes staying as they were.
#   test_axe_leaves_out_only_what_it_checks_elsewhere plants bad styles on a
#   page and proves that the violations found, by key, are the same as in a
#   run on everything.
AXE_KEYS = r"""(leaveOut) => {
  const style = new Map();
  const css = (el) => style.get(el) || style.set(el, getComputedStyle(el)).get(el);
  const memo = (f) => {
    const m = new Map();
    return (el) => m.has(el) ? m.get(el) : m.set(el, f(el)).get(el);
  };
  const alpha = (color) => color === 'transparent' ? 0
    : Number(/rgba\(.*,\s*([\d.]+)\)/.exec(color)?.[1] ?? 1);
  // The backgrounds under an element, up to the first opaque one.
  const background = memo((el) => {
    if (!el) return 'canvas';
    const s = css(el);
    if (alpha(s.backgroundColor) === 0 && s.backgroundImage === 'none')
      return background(el.parentElement);
    const own = `${s.backgroundColor} ${s.backgroundImage} ${s.mixBlendMode}`;
    if (alpha(s.backgroundColor) === 1 && s.backgroundImage === 'none') return own;
    return `${own} / ${background(el.parentElement)}`;
  });
  const opacity = memo((el) => el ? Number(css(el).opacity) * opacity(el.parentElement) : 1);
  // The largest absolutely positioned ::before/::after with a background on the
  // element or an element around it (axe: "pseudo content", can't tell).
  const pseudo = memo((el) => {
    if (!el) return 0;
    let area = 0;
    for (const which of ['::before', '::after']) {
      const s = getComputedStyle(el, which);
      if (s.content === 'none' || s.display === 'none' || s.visibility === 'hidden'
          || s.position !== 'absolute'
          || (alpha(s.backgroundColor) === 0 && s.backgroundImage === 'none')) continue;
      area += s.width.endsWith('px') && s.height.endsWith('px')
        ? parseFloat(s.width) * parseFloat(s.height) : Infinity;
    }
    return Math.max(area, pseudo(el.parentElement));
  });
  const sanitize = (text) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
  const ownText = (el) => sanitize([...el.childNodes].filter(n => n.nodeType === 3)
    .map(n => n.nodeValue).join(''));
  const textKey = (el, text) => {
    const s = css(el);
    const box = el.getBoundingClientRect();
    const kind = /[\p{L}\p{N}]/u.test(text) ? (text.length === 1 ? 'one character' : 'text')
      : `symbols ${text}`;
    return ['text', s.color, s.webkitTextFillColor, s.webkitTextStroke, s.textShadow,
      s.fontSize, s.fontWeight, s.fontStyle, kind, box.width <= 1 || box.height <= 1,
      pseudo(el) > 0.25 * box.width * box.height, opacity(el), background(el)].join(' | ');
  };
  // A link and the block around it, as link-in-text-block compares them.
  const BLOCK = ['block', 'list-item', 'table', 'flex', 'grid'];
  const isBlock = (el, more = []) =>
    [...BLOCK, ...more].includes(css(el).display) || css(el).display.startsWith('table-');
  const WIDGET = 'a[href], button, input, select, textarea, summary, [role=link], [role=button]';
  const textBlock = (link) => {
    let block = link.parentElement;
    while (block && !isBlock(block)) block = block.parentElement;
    return block;
  };
  const inTextBlock = (link) => {  // axe's isInTextBlock: more text than links
    if (isBlock(link)) return 'block';
    if (['inline-block', 'inline-flex', 'inline-grid'].includes(css(link).display))
      return 'inline block';
    const block = textBlock(link);
    let text = '', widgets = '', passed = 0;
    const walk = (node) => {
      if (passed === 2) return;
      if (node.nodeType === 3) text += node.nodeValue;
      if (node.nodeType !== 1) return;
      if (node === link) passed = 1;
      if (['BR', 'HR'].includes(node.nodeName)) {
        if (passed === 0) text = widgets = ''; else passed = 2;
        return;
      }
      const inline = node.style;
      if (inline.display === 'none' || inline.overflow === 'hidden'
          || !['', 'none'].includes(inline.float) || !['', 'relative'].includes(inline.position))
        return;
      if (node !== block && node.matches(WIDGET)) { widgets += node.textContent; return; }
      node.childNodes.forEach(walk);
    };
    if (block) walk(block);
    return sanitize(text).length > sanitize(widgets).length;
  };
  const look = (el) => {
    const s = css(el);
    return [s.color, s.fontFamily.split(/[,;]/)[0].trim().toLowerCase(), s.fontWeight,
      s.fontStyle, s.fontSize, s.textDecoration, background(el), opacity(el)].join(' ');
  };
  const linkKey = (link) => {
    let block = link.parentElement;
    while (block && !isBlock(block, ['inline-block'])) block = block.parentElement;
    const chain = [];
    for (let el = link; el && el !== block; el = el.parentElement) {
      const s = css(el);
      chain.push([s.display, s.backgroundImage, s.textDecorationLine, s.textDecorationStyle,
        ...['borderBottom', 'borderTop', 'outline'].map(edge =>
          `${s[edge + 'Style']} ${s[edge + 'Width']} ${s[edge + 'Color']}`)].join(' '));
    }
    const content = ['::before', '::after'].some(w => getComputedStyle(link, w).content !== 'none');
    return ['link', chain.join(' / '), look(link), block ? look(block) : 'no block', content,
      inTextBlock(link)].join(' | ');
  };

  // Every text element's and link's key (text that is only punctuation: none,
  // axe does not check it).
  const article = document.querySelector('article');
  const elements = [...article.querySelectorAll('*')];
  const keys = new Map(elements.map(el => [el, {}]));
  const PUNCTUATION = /[\s\u2000-\u206F\u2E00-\u2E7F\\'!"#$%&£¢¥§€()*+,\-./:;<=>?@[\]^_`{|}~±]/g;
  for (const el of elements) {
    const text = ownText(el);
    if (text.replace(PUNCTUATION, '') && el.checkVisibility({visibilityProperty: true}))
      keys.get(el)['color-contrast'] = textKey(el, text);
  }
  const links = [...article.querySelectorAll('a[href], [role=link]')].filter(link =>
    sanitize(link.textContent) && link.checkVisibility({visibilityProperty: true}));
  for (const link of links) keys.get(link)['link-in-text-block'] = linkKey(link);
  window.__axeKey = (el, rule) => keys.get(el)?.[rule] ?? '(no key)';
  window.__hollowed = [];
  document.querySelectorAll('[data-axe-same]').forEach(el => el.removeAttribute('data-axe-same'));
  if (!leaveOut) {  // how many elements have each key
    const counts = {};
    for (const el of elements) {
      for (const [rule, key] of Object.entries(keys.get(el))) {
        counts[`${rule} ${key}`] = (counts[`${rule} ${key}`] || 0) + 1;
      }
    }
    return {counts};
  }

  // Each key is kept in the element with the fewest text elements in it that
  // has it, and in the elements around that one (their own text and links are
  // checked, so their keys are too); the elements in a kept one that are not
  // kept are left out: each of their keys is checked in a kept element.
  const size = new Map(elements.map(el => [el, Object.keys(keys.get(el)).length]));
  for (const el of elements.toReversed()) {  // the elements inside one come after it
    const parent = el.parentElement;
    if (parent !== article) size.set(parent, size.get(parent) + size.get(el));
  }
  const best = new Map();
  for (const el of elements) {
    for (const key of Object.values(keys.get(el))) {
      if (!best.has(key) || size.get(el) < size.get(best.get(key))) best.set(key, el);
    }
  }
  const kept = new Set([article]);
  for (const el of best.values()) for (let e = el; !kept.has(e); e = e.parentElement) kept.add(e);
  const left = elements.filter(el => !kept.has(el) && kept.has(el.parentElement));
  left.forEach(el => el.setAttribute('data-axe-same', ''));
  // axe makes its own copy of the whole page and a map of where every element
  // is: what is inside the blocks left out is taken out of the page for the
  // run, and each block keeps its box (size, margins, background), so nothing
  // kept moves or changes. Table parts keep their content (their sizes depend
  // on each other), and so does what is in the block of a kept link (axe
  // weighs the link's text against the block's).
  const blocks = links.filter(link => !link.closest('[data-axe-same]')).map(textBlock);
  for (const el of left) {
    if (!['block', 'list-item', 'flow-root'].includes(css(el).display)) continue;
    if (blocks.some(block => block?.contains(el))) continue;
    const box = el.getBoundingClientRect();
    window.__hollowed.push([el, el.style.cssText, [...el.childNodes]]);
    const [width, height] = [`${box.width}px`, `${box.height}px`];
    Object.assign(el.style, {boxSizing: 'border-box', width, height});
    el.replaceChildren();
  }
  return {keys: best.size, kept: kept.size - 1, left: left.length};
}"""
# Formulas out of the page for axe (see above), once each has been seen to have
# its text's colour; FORMULAS_BACK puts them back.
FORMULA_COLOURS = """() => [...document.querySelectorAll('article mjx-container')]
  .filter(math => getComputedStyle(math).color !== getComputedStyle(math.parentElement).color)
  .map(math => `formula coloured apart from its text: ${math.parentElement.textContent}`)"""
FORMULAS_OUT = """() => {
  window.__formulas = [...document.querySelectorAll('article mjx-container')].map(
    math => [math, math.parentNode, math.nextSibling]);
  for (const [math] of window.__formulas) math.remove();
}"""
FORMULAS_BACK = """() => {  // last first, so that each goes back before the node it was before
  for (const [math, parent, next] of window.__formulas.reverse()) parent.insertBefore(math, next);
  window.__formulas = [];
}"""
# The run, on the article less what AXE_KEYS left out; each violation comes back
# with its key, and what was taken out goes back.
AXE_RUN = """(options) => axe.run({include: [['article']], exclude: [['[data-axe-same]']]},
    {...options, elementRef: true})
  .then(result => result.violations.flatMap(v => v.nodes.map(node =>
    ({rule: v.id, html: node.html, key: window.__axeKey(node.element, v.id)}))))
  .finally(() => {
    for (const [el, style, children] of window.__hollowed) {
      el.replaceChildren(...children);
      el.style.cssText = style;
    }
    window.__hollowed = [];
  })"""
AXE_OPTIONS = {"runOnly": AXE_RULES, "resultTypes": ["violations"]}


def axe_violations(page, leave_out):
    """axe-core's contrast and link checks on the article (not Material's chrome), formulas out.

    Returns ``(keys, violations)``: what AXE_KEYS reports (``counts`` of the
    elements per key; ``left``, how many were left out when ``leave_out``) and
    axe's violations.
    """
    keys = page.evaluate(AXE_KEYS, leave_out)
    return keys, page.evaluate(AXE_RUN, AXE_OPTIONS)


def axe_problems(page):
    _, violations = axe_violations(page, leave_out=True)
    return [f"{v['rule']}: {v['html'][:80]}" for v in violations]


# Two frames, and with transitions=True the end of every CSS transition too
# (Material's links fade to a new palette's colours: axe must not read them
# halfway).
FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
SETTLE = f"""async () => {{
  await ({FRAMES})();
  await Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition)
    .map(a => a.finished.catch(() => null)));
}}"""


def settle(page, transitions=False):
    page.evaluate(SETTLE if transitions else FRAMES)


def toggle_palette(page):
    page.locator("form[data-md-component=palette] label:visible").first.click()
    return page.get_attribute("body", "data-md-color-scheme")


def screenshot(page, name):
    if directory := os.environ.get("DLINTRO_SCREENSHOTS"):
        Path(directory).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{directory}/{name}.png", full_page=True)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page(context, page, base_url, language, name, request):
    """Every check of one page, in one visit; a failure names the page, language and check."""
    from axe_playwright_python.sync_playwright import Axe

    problems = {}

    def check(what, found):
        if found:
            problems[what] = found

    # What the checks need is there at DOMContentLoaded (Material's scripts have
    # run) and when MathJax has started; the requests still on their way are
    # waited for before the request checks.
    response = page.goto(
        f"{base_url}{LANGUAGES[language]}{name}.html", wait_until="domcontentloaded"
    )
    check("page loads", [] if response.ok else [f"HTTP {response.status}"])
    wait_for_mathjax(page)
    lang = page.get_attribute("html", "lang")
    check("lang attribute", [lang] * (lang != language))

    # Collapsed blocks (??? in the source; ???+ is open on purpose) before the
    # rest of the page is typeset, so that their formulas wait for the click.
    written_open = len(re.findall(r"<details[^>]*\sopen", response.text()))
    if written_open:
        page.evaluate(
            "() => document.querySelectorAll('article details[open]').forEach(d => d.open = false)"
        )
    collapsed = page.evaluate(OPEN_COLLAPSED)
    check("collapsed blocks", collapsed["problems"])

    # Every formula typeset (lazy typesetting leaves the unseen ones for later).
    formulas = page.evaluate(TYPESET_REPORT)
    check("formulas typeset", formulas["notTypeset"])
    check("formulas reached with Tab (tabindex 0)", formulas["notFocusable"])
    check("formula errors", formulas["errors"])
    counts = {what: formulas[what] for what in ("formulas", "annotations")}
    for what, least in AT_LEAST.get(name, {}).items():
        check(f"at least {least} {what}", [f"{counts[what]} found"] * (counts[what] < least))

    check("code blocks", page.evaluate(CODE_BLOCKS, PLAIN_TEXT))

    # Both palettes with the formulas out of the page (axe leaves them out, and
    # the palette toggle then restyles a fifth of the elements).
    page.evaluate(Axe().axe_script)
    check("formula colours (light)", page.evaluate(FORMULA_COLOURS))
    page.evaluate(FORMULAS_OUT)
    for scheme in ("light", "dark"):
        if scheme == "dark":
            settled = toggle_palette(page)
            check("palette toggles to dark", [settled] * (settled != "slate"))
            settle(page, transitions=True)
        if scheme == "light":
            dark = context.record.fetched("-dark.svg")
            check("the other palette's figures are not fetched", dark)
        check(f"figures ({scheme})", page.evaluate(FIGURES, scheme))
        check(f"axe ({scheme})", axe_problems(page))
    page.evaluate(FORMULAS_BACK)
    check("formula colours (dark)", page.evaluate(FORMULA_COLOURS))
    if os.environ.get("DLINTRO_SCREENSHOTS"):
        screenshot(page, f"{language}-{name}-dark")
        toggle_palette(page)
        settle(page, transitions=True)
        screenshot(page, f"{language}-{name}-light")

    # Wide code and formulas scroll inside their own boxes; the page itself must not.
    page.set_viewport_size(PHONE)
    settle(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    check(
        f"no sideways scroll at {PHONE['width']} px",
        [f"scrollWidth {width}"] * (width > PHONE["width"]),
    )
    screenshot(page, f"{language}-{name}-phone")

    context.record.wait_for_requests(page)
    record = context.record
    check("requests stay on 127.0.0.1", sorted(record.hosts() - {"127.0.0.1"}))
    check("no failed or 4xx request", record.failures)
    check("no console error", record.errors)
    check("search index waits for a search", record.fetched("search/search_index.json"))
    check(
        "MathJax from the main site's copy",
        [
            p
            for p in record.paths()
            if "/assets/mathjax/" in p and not p.startswith(f"{PREFIX}assets/mathjax/")
        ],
    )
    check("MathJax menu waits for a right-click", record.fetched("ui/menu.js"))
    check("MathJax starts from the head, its parts preloaded", page.evaluate(PRELOADED))

    for key, value in {**counts, "collapsed blocks": collapsed["blocks"]}.items():
        request.node.user_properties.append((key, value))  # counted in the junit xml
    assert problems == {}, f"{language} {name}.html: {problems}"


# Styles that fail the two rules, planted in several kinds of text: running
# text, inline code, code tokens (numbers: some are one character, which axe
# cannot judge), table headings, admonition titles, links in running text.
PLANTED = """
article em, article p code, article th, article .admonition-title { color: #aaa !important; }
article .highlight :is(.mi, .mf) { color: #bbb !important; }
article :is(p, li) a { color: #333 !important; text-decoration: none !important; }
"""


def test_axe_leaves_out_only_what_it_checks_elsewhere(page, base_url):
    """Same key, same verdict; and leaving out what has a key checked elsewhere finds them all."""
    from axe_playwright_python.sync_playwright import Axe

    page.goto(base_url + "backprop.html")
    wait_for_mathjax(page)
    page.evaluate("() => document.querySelectorAll('article details').forEach(d => d.open = true)")
    page.add_style_tag(content=PLANTED)
    settle(page, transitions=True)
    page.evaluate(Axe().axe_script)
    page.evaluate(FORMULAS_OUT)
    keys, everything = axe_violations(page, leave_out=False)
    counts = keys["counts"]
    keys, fewer = axe_violations(page, leave_out=True)
    left = keys["left"]
    page.evaluate(FORMULAS_BACK)

    found = collections.Counter(f"{v['rule']} {v['key']}" for v in everything)
    assert {v["rule"] for v in everything} == set(AXE_RULES)
    assert len(found) >= 5 and not [key for key in found if key.endswith("(no key)")], found
    # Run on everything: every element whose key fails, fails.
    assert dict(found) == {key: counts[key] for key in found}
    # Run on what is left: each failing key fails, in fewer elements.
    assert {f"{v['rule']} {v['key']}" for v in fewer} == set(found)
    assert {v["html"] for v in fewer} < {v["html"] for v in everything}
    assert left > 100


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
    page.goto(base_url + start, wait_until="domcontentloaded")  # Material's scripts have run
    page.hover(".md-header__option .md-select")
    page.click(f"a.md-select__link[hreflang={target_language}]")
    page.wait_for_url(base_url + expected, wait_until="domcontentloaded")
    assert page.get_attribute("html", "lang") == target_language


@pytest.mark.parametrize(
    ("start", "query", "expected"),
    [("index.html", "소프트맥스", "softmax.html"), ("en/index.html", "softmax", "en/softmax.html")],
)
def test_search_finds_the_page_in_the_readers_language(
    context, page, base_url, start, query, expected
):
    page.goto(base_url + start)  # waits for the load event
    index = context.record.fetched("search/search_index.json")
    assert index == [], "the search index was fetched before the reader searched"
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    # Hangul typed through CDP arrives as text input without key events, and
    # Material searches on keyup: press a key that leaves the query as it is.
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for()
    hrefs = [
        urlsplit(h).path.removeprefix(PREFIX)
        for h in results.evaluate_all("links => links.map(a => a.href)")
    ]
    assert expected in hrefs
    in_english = [h for h in hrefs if h.startswith("en/")]
    assert in_english == (hrefs if start.startswith("en/") else []), (
        f"results in the other language: {hrefs}"
    )
    index = context.record.fetched("search/search_index.json")
    assert index == [f"{PREFIX}{start.removesuffix('index.html')}search/search_index.json"]
    assert context.record.failures == []


def test_palette_toggle_switches_and_the_choice_stays_across_pages(page, base_url):
    page.goto(base_url + "index.html", wait_until="domcontentloaded")
    scheme = lambda: page.get_attribute("body", "data-md-color-scheme")  # noqa: E731
    first = scheme()
    assert toggle_palette(page) != first
    assert toggle_palette(page) == first
    dark = toggle_palette(page)
    page.locator(".md-footer__link--next").click()
    page.wait_for_url(base_url + "notation.html", wait_until="domcontentloaded")
    assert scheme() == dark != first


def test_footer_links_to_previous_and_next_page(page, base_url):
    page.goto(base_url + "notation.html", wait_until="domcontentloaded")
    footer = [
        urlsplit(h).path.removeprefix(PREFIX)
        for h in page.locator(".md-footer__link").evaluate_all("a => a.map(x => x.href)")
    ]
    assert footer == ["index.html", "linear-model.html"]


@pytest.mark.parametrize("missing", ["no-such-page.html", "en/no/such/page.html"])
def test_the_404_page_works_under_a_sub_path(context, page, base_url, missing):
    response = page.goto(base_url + missing)
    assert response.status == 404
    assert page.locator("article h1").inner_text().startswith("404")
    # Its styles, scripts and images come from the site, at any depth.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )
    assets = [p for p in context.record.paths() if "/assets/" in p]
    assert assets and all(p.startswith(PREFIX) for p in assets), assets
    # The one failed response is the page itself (Chromium logs it to the console).
    assert [f for f in context.record.failures if missing not in f] == []
    assert context.record.errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]
    assert (
        page.locator("a.md-header__button.md-logo").get_attribute("href") == f"{PREFIX}index.html"
    )


def test_formulas_below_the_first_screen_are_typeset_when_scrolled_to(page, base_url):
    # The longest page: lazy typesetting must leave its far formulas for later
    # and typeset them when the reader gets there.
    page.goto(base_url + "gradient-check.html", wait_until="domcontentloaded")
    wait_for_mathjax(page)
    states = page.evaluate(FORMULA_STATES)
    assert states[0] == "typeset"
    assert states[-1] != "typeset", "the last formula was typeset before it was seen"
    last = page.locator(".arithmatex").last
    last.scroll_into_view_if_needed()
    page.wait_for_function(f"() => ({FORMULA_STATES})(document).at(-1) === 'typeset'", timeout=5000)


def test_api_page_links_every_entry_to_its_source(site):
    html = (site / "api.html").read_text(encoding="utf-8")
    links = re.findall(r'class="mkdocstrings-source"><a href="([^"]+)"', html)
    entries = re.findall(r'class="doc doc-object doc-(?:function|class)"', html)
    assert entries and len(links) == len(entries)
    for link in links:
        found = re.fullmatch(
            rf"{REPO_URL}/blob/([0-9a-f]{{40}})/(dlintro/[a-z_/]+\.py)#L\d+-L\d+", link
        )
        assert found, link
        commit, path = found.groups()  # the commit that was built, and a file of it
        git = subprocess.run(["git", "cat-file", "-e", f"{commit}:{path}"], cwd=ROOT)
        assert git.returncode == 0, link
    assert '<details class="mkdocstrings-source"' not in html, "source panes are back"
    assert len(html.encode()) < 250_000, "the API page is over 250 KB"
    assert f'href="{REPO_URL}"' in html  # the header's repository link


# The menu's items that a reader can use now: [{path: [labels], command: bool}].
MENU_ITEMS = """() => {
  const walk = (menu, path) => menu.items.flatMap(item => {
    if (item.hidden || item.disabled || !item.id || !item.content) return [];
    const here = [...path, item.content];
    if (item.submenu) return walk(item.submenu, here);
    return [{path: here, command: typeof item.command === 'function'}];
  });
  return walk(MathJax.startup.document.menu.menu, []);
}"""

# The menu's item at this path of labels (undefined when there is none).
MENU_ITEM = """(path) => {
  let items = MathJax.startup.document.menu.menu.items, item;
  for (const label of path) {
    item = items?.find(i => i.content === label);
    items = item?.submenu?.items;
  }
  return item;
}"""
# The element of the menu's item at this path (its submenus are open).
MENU_ENTRY = f"(path) => ({MENU_ITEM})(path)?.html || null"

# Presses a setting (radio or check box) of the open menu as a click on it does,
# then waits for what it loads and for the formulas to be typeset again.
PRESS_SETTING = f"""async (path) => {{
  ({MENU_ITEM})(path).press();
  await MathJax.startup.document.menu.loadingPromise;
  await MathJax.startup.promise;
}}"""


def close_menu(page):
    """Closes whatever the menu left open (a menu some settings keep open, a dialog)."""
    frame = page.locator(".CtxtMenu_MenuFrame")
    if frame.count():
        page.keyboard.press("Escape")
    if frame.count():
        frame.first.click(position={"x": 2, "y": 2})
    assert frame.count() == 0


# Where the focus is: the index of the formula it is on (-1: none), and
# whether it is in MathJax's menu.
FOCUS = """() => ({
  formula: [...document.querySelectorAll('.arithmatex')]
    .indexOf(document.activeElement.closest('.arithmatex')),
  onContainer: document.activeElement.matches('.arithmatex > mjx-container'),
  inMenu: !!document.activeElement.closest('.CtxtMenu_Menu'),
})"""
MENU_FORMULA = """() => [...document.querySelectorAll('.arithmatex')]
  .indexOf(MathJax.startup.document.menu.menu.mathItem.typesetRoot.closest('.arithmatex'))"""
KEYS_TO_THE_MENU = ["Space", "Shift+F10", "ContextMenu"]  # MathJax's own, and the browser's


@pytest.mark.parametrize("key", KEYS_TO_THE_MENU[:2])
def test_a_keyboard_reaches_a_formula_and_opens_mathjax_menu(context, page, base_url, key):
    """Tab to a formula; the key loads the menu (first time) and opens it there."""
    page.goto(base_url + "index.html", wait_until="domcontentloaded")
    wait_for_mathjax(page)
    for _ in range(100):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus["formula"] >= 0:
            break
    assert focus["onContainer"], focus
    menu = page.locator(".CtxtMenu_Menu")
    assert menu.count() == 0
    assert not context.record.fetched("ui/menu.js")

    page.keyboard.press(key)
    menu.wait_for(timeout=5000)
    assert page.evaluate(MENU_FORMULA) == focus["formula"]
    assert page.evaluate(FOCUS)["inMenu"]
    page.keyboard.press("Escape")
    assert menu.count() == 0
    assert page.evaluate(FOCUS) == focus  # back on the formula
    # Once loaded, the menu opens with each key (MathJax's Space, the browser's
    # context-menu key and Shift+F10) and closes with Escape.
    for again in KEYS_TO_THE_MENU:
        page.keyboard.press(again)
        menu.wait_for(timeout=5000)
        assert page.evaluate(MENU_FORMULA) == focus["formula"], again
        page.keyboard.press("Escape")
        assert menu.count() == 0 and page.evaluate(FOCUS) == focus, again

    assert len(context.record.fetched("ui/menu.js")) == 1
    assert context.record.hosts() == {"127.0.0.1"}
    assert context.record.failures == []
    assert context.record.errors == []


def test_mathjax_menu_loads_on_demand_and_every_item_stays_on_the_site(context, page, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"])  # "Copy to Clipboard"
    page.on("dialog", lambda dialog: dialog.accept("150%"))  # "Scale All Math..." asks
    # A page with few formulas: many items typeset the whole page again.
    page.goto(base_url + "glossary.html", wait_until="domcontentloaded")
    wait_for_mathjax(page)
    assert not context.record.fetched("ui/menu.js")

    formula = page.locator(".arithmatex mjx-container").first
    formula.click(button="right")
    page.locator(".CtxtMenu_Menu").wait_for()
    page.keyboard.press("Escape")
    # The page was typeset again with the menu: every formula is still there.
    page.evaluate(TYPESET_ALL)
    assert set(page.evaluate(FORMULA_STATES)) == {"typeset"}

    used, rebuilt = [], []
    for _ in range(5):  # a setting (Accessibility > Activate) can enable more items
        new = [item for item in page.evaluate(MENU_ITEMS) if item["path"] not in used]
        if not new:
            break
        for item in new:
            used.append(item["path"])
            close_menu(page)
            formula.click(button="right")
            if not item["command"]:
                page.evaluate(PRESS_SETTING, item["path"])
                continue
            # Commands through the menu itself, as a reader clicks them.
            for depth in range(1, len(item["path"]) + 1):
                entry = page.evaluate_handle(MENU_ENTRY, item["path"][:depth]).as_element()
                if entry is None:  # a submenu that MathJax rebuilds for the formula
                    rebuilt.append(" > ".join(item["path"]))
                    break
                entry.click() if depth == len(item["path"]) else entry.hover()
            close = page.locator(".CtxtMenu_Info .CtxtMenu_InfoClose")  # About, Show, Help
            if close.count():
                close.first.click()
    close_menu(page)
    labels = {" > ".join(path) for path in used}
    assert {"Accessibility > Activate", "Math Settings > Math Renderer > SVG"} <= labels
    assert len(labels) > 40, labels
    # Clearspeak's preferences are offered per formula, in a submenu made when it opens.
    assert rebuilt in ([], ["Accessibility > Speech > Clearspeak Rules > Select Preferences"])

    # The speech rules of every language the explorer can speak.
    locales = page.evaluate("() => [...MathJax._.a11y.sre.Sre.locales.keys()]")
    assert "en" in locales and len(locales) > 5
    for locale in [*locales, "en"]:  # back to English at the end (Nemeth is Braille)
        rules = f"/sre/mathmaps/{locale}.json"
        loaded = any(p.endswith(rules) for p in context.record.paths())
        with (
            page.expect_response(lambda r, rules=rules: r.url.endswith(rules))
            if not loaded
            else (contextlib.nullcontext())
        ):
            page.evaluate(
                "async (locale) => { MathJax.startup.document.menu.menu.pool.lookup('locale')"
                ".setValue(locale); await MathJax._.a11y.sre.Sre.sreReady(); }",
                locale,
            )
    maps = {p.rsplit("/", 1)[1] for p in context.record.paths() if "/sre/mathmaps/" in p}
    assert {f"{locale}.json" for locale in locales} <= maps

    # A setting the reader chose holds on the next page: the menu loads at startup.
    context.record.wait_for_requests(page)
    page.goto(base_url + "en/index.html", wait_until="domcontentloaded")
    wait_for_mathjax(page)
    page.evaluate(TYPESET_ALL)
    assert set(page.evaluate(FORMULA_STATES)) == {"typeset"}
    assert len(context.record.fetched("ui/menu.js")) == 2

    assert context.record.hosts() == {"127.0.0.1"}
    assert context.record.failures == []
    # MathJax 3.2.2's own slip (also with the menu loaded at startup): "Reset to
    # defaults" sets the scale while the page is being typeset again, and logs it.
    reset_slip = "ContextMenu Error: Command of variable scale failed."
    assert [e for e in context.record.errors if e != reset_slip] == []
    assert context.record.errors.count(reset_slip) <= 1
