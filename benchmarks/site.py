"""How fast the site builds and tests, and how heavy a first visit is: one table.

    python benchmarks/site.py                  # this checkout
    python benchmarks/site.py --repo /tmp/old  # another checkout (e.g. a git worktree
                                               # of an older commit), same Python

Everything runs in a copy of the checkout's files (tracked and untracked, not
ignored ones) in a temporary folder, so the checkout is never touched and the
copy's figure cache (.cache/figures) starts empty, as in a fresh clone. Rows:

- cold ``mkdocs build --strict``, with an empty figure cache, then again with the
  figures cached (the site folder removed in between);
- a rebuild after a one-word prose edit, done as ``mkdocs serve`` does it: the
  configuration loaded again and a full build, in a process that has built once
  (the word is put back afterwards);
- ``pytest`` (everything), ``pytest -m "not browser"`` and ``pytest -m browser``,
  with the checkout's own options (pytest-xdist's ``-n=auto`` where it has them);
- the heaviest first visit: every page in every language loaded in a fresh
  browser context until the network is idle, raw and gzip bytes of everything
  it fetched, and which page;
- when the formulas on the first screen of the page with the most formulas are
  typeset, after navigation start and after DOMContentLoaded (median of 5 loads);
- optional rows (see EXTRA_ROWS), e.g. the notebooks, when the checkout has them.

A benchmark, not a test: it prints numbers and asserts nothing about them.
"""

import argparse
import functools
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

THIS_REPO = Path(__file__).resolve().parent.parent
TARGETS = {
    "cold build, empty figure cache": "≤ 5 s",
    "cold build, figures cached": "≤ 5 s",
    "rebuild after a prose edit": "≤ 2 s",
    "pytest": "≤ 120 s",
    'pytest -m "not browser"': "≤ 30 s",
    "pytest -m browser": "≤ 90 s",
    "heaviest first visit": "≤ 1.5 MB raw",
    "first-screen math": "≤ 0.3 s",
}
# Rows that need something only newer checkouts have: (label, path that must
# exist in the checkout, command). Timed like the pytest rows.
EXTRA_ROWS = [
    (
        "notebooks (pytest tests/test_notebooks.py)",
        "tests/test_notebooks.py",
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_notebooks.py"],
    ),
]


def copy_checkout(repo, into):
    """The checkout's tracked and untracked (not ignored) files, copied into ``into``."""
    listed = subprocess.run(
        ["git", "-C", str(repo), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = repo / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    # A commit of its own: the API page's source links name the commit.
    git = ["git", "-C", str(into), "-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    subprocess.run([*git, "commit", "-q", "-m", "copy"], check=True)
    return into


def environment(copy):
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPATH": str(copy),  # the copy's package, not the installed one
        "CI": "",  # the browser tests may skip rather than fail without chromium
    }


def timed(command, copy, check=True):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=copy, env=environment(copy), capture_output=True)
    seconds = time.perf_counter() - start
    if check and result.returncode != 0:
        tail = (result.stdout + result.stderr).decode(errors="replace")[-2000:]
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{tail}")
    return seconds, result


def pytest_summary(result):
    lines = (result.stdout + result.stderr).decode(errors="replace").strip().splitlines()
    found = [line for line in lines if re.search(r"\d+ (passed|failed|skipped|error)", line)]
    summary = found[-1].strip("= ") if found else f"exit {result.returncode}"
    failed = [line.split()[1] for line in lines if line.startswith(("FAILED ", "ERROR "))]
    if result.returncode != 0:  # the copy is deleted afterwards: say why here
        print("\n".join(lines[-60:]), file=sys.stderr)
    return "; ".join([summary, *failed])  # what failed, from -ra's short summary


REBUILD = textwrap.dedent(
    """
    import statistics, sys, tempfile, time
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    page, old, new = sys.argv[1:4]
    site = tempfile.mkdtemp()

    def serve_build():  # what mkdocs serve does on a change (mkdocs 1.6: builder())
        config = load_config("mkdocs.yml", site_dir=site)
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="/")

    serve_build()  # serve's first build, before any edit
    path, text = Path(page), Path(page).read_text(encoding="utf-8")
    times = []
    try:
        for word in (new, old, new):
            path.write_text(text.replace(old, word, 1) if word == new else text, encoding="utf-8")
            start = time.perf_counter()
            serve_build()
            times.append(time.perf_counter() - start)
    finally:
        path.write_text(text, encoding="utf-8")
    print(statistics.median(times))
    """
)


def prose_edit(copy):
    """A page and a word of its running text to change: (page, old, new)."""
    docs = sorted((copy / "docs" / "ko").glob("*.md"), key=lambda p: -p.stat().st_size)
    page = docs[0]
    fence = False
    for line in page.read_text(encoding="utf-8").splitlines():
        fence ^= line.lstrip().startswith(("```", "~~~"))
        words = line.split()
        if fence or not line.strip() or line.startswith(("#", " ", "!", "?", "|", "<", "$", "-")):
            continue
        if len(words) > 3 and re.fullmatch(r"[가-힣]+", words[1]):
            return page, f" {words[1]} ", f" {words[1]}은 "
    raise SystemExit(f"no prose line found in {page}")


def serve(site):
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    class Server(ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass  # a page closed while a file was on its way: not the site's fault

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


FIRST_SCREEN = """window.__firstScreenMath = new Promise(resolve => {
  const check = () => {
    const shown = [...document.querySelectorAll('.arithmatex')].filter(e => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.bottom > 0 && r.top < innerHeight;
    });
    const typeset = e => e.querySelector('mjx-math, svg') && !e.querySelector('mjx-lazy');
    if (document.readyState !== 'loading' && shown.length && shown.every(typeset))
      resolve(performance.now());
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
});"""


def browser_rows(site):
    """(heaviest first visit: page, raw bytes, gzip bytes), (first-screen math: page, ms...)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(THIS_REPO))
    from tests.test_site import CHROMIUM_FLAGS  # the browser the tests drive

    server, base = serve(site)
    pages = [
        str(p.relative_to(site))
        for p in sorted(site.glob("*.html")) + sorted(site.glob("en/*.html"))
        if p.name != "404.html"
    ]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=CHROMIUM_FLAGS,
            )
            heaviest = (None, 0, 0)
            for name in pages:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                responses = []
                context.on("response", lambda response, seen=responses: seen.append(response))
                page = context.new_page()
                page.goto(base + name, wait_until="networkidle")
                bodies = [r.body() for r in responses if r.status == 200]
                raw = sum(map(len, bodies))
                packed = sum(len(gzip.compress(b, 6)) for b in bodies)
                context.close()
                if raw > heaviest[1]:
                    heaviest = (name, raw, packed)
            formulas = {
                name: (site / name).read_text(encoding="utf-8").count('class="arithmatex"')
                for name in pages
                if "/" not in name
            }
            longest = max(formulas, key=formulas.get)
            after_start, after_dcl = [], []
            for _ in range(5):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.add_init_script(FIRST_SCREEN)
                page.goto(base + longest)
                at = page.evaluate("window.__firstScreenMath")
                dcl = page.evaluate(
                    "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
                )
                after_start.append(at)
                after_dcl.append(at - dcl)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return heaviest, (longest, statistics.median(after_start), statistics.median(after_dcl))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repo", type=Path, default=THIS_REPO, help="the checkout to measure")
    parser.add_argument("--no-tests", action="store_true", help="skip the pytest rows")
    args = parser.parse_args()
    repo = args.repo.resolve()
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    rows = []

    with tempfile.TemporaryDirectory(prefix="dlintro-bench-") as scratch:
        copy = copy_checkout(repo, Path(scratch) / "repo")
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
        seconds, _ = timed(build, copy)
        rows.append(("cold build, empty figure cache", f"{seconds:.1f} s", ""))
        shutil.rmtree(copy / "site")
        seconds, _ = timed(build, copy)
        rows.append(("cold build, figures cached", f"{seconds:.1f} s", ""))

        page, old, new = prose_edit(copy)
        _, result = timed([sys.executable, "-c", REBUILD, str(page), old, new], copy)
        seconds = float(result.stdout.decode().split()[-1])
        note = f"{page.name}: '{old.strip()}' -> '{new.strip()}', median of 3"
        rows.append(("rebuild after a prose edit", f"{seconds:.1f} s", note))

        heaviest, first = browser_rows(copy / "site")
        name, raw, packed = heaviest
        rows.append(
            ("heaviest first visit", f"{raw / 1e6:.2f} MB", f"{name}; gzip {packed / 1e6:.2f} MB")
        )
        name, after_start, after_dcl = first
        rows.append(
            (
                "first-screen math",
                f"{after_start / 1000:.2f} s",
                f"{name}, after navigation start; {after_dcl / 1000:.2f} s after "
                "DOMContentLoaded; median of 5",
            )
        )

        if not args.no_tests:
            pytest = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
            for label, options in [
                ("pytest", []),
                ('pytest -m "not browser"', ["-m", "not browser"]),
                ("pytest -m browser", ["-m", "browser"]),
            ]:
                seconds, result = timed([*pytest, *options], copy, check=False)
                rows.append((label, f"{seconds:.0f} s", pytest_summary(result)))
        for label, needs, command in EXTRA_ROWS:
            if not (copy / needs).exists():
                rows.append((label, "n/a", f"no {needs} in this checkout"))
            elif args.no_tests:
                rows.append((label, "skipped", "--no-tests"))
            else:
                seconds, result = timed(command, copy, check=False)
                rows.append((label, f"{seconds:.0f} s", pytest_summary(result)))

    print(f"\nSite benchmark of {repo} ({commit}), {os.cpu_count()} cores\n")
    print("| what | measured | target | notes |")
    print("|---|---|---|---|")
    for label, value, note in rows:
        target = TARGETS.get(label, "")
        print(f"| {label} | {value} | {target} | {note} |")


if __name__ == "__main__":
    main()
