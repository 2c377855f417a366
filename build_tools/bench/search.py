"""``bench --search``: the search on large synthetic editions, as a reader meets it.

For each size, the edition is built as ``make build`` does (the generator, then ``mkdocs
build``, whose hooks index the site), then indexed again alone (``python -m build_tools
search``) to time Pagefind's work and its peak memory. Then a reader, in Chromium, opens an
article list and types queries key by key, at a typist's pace: the bytes the page downloads
for the first query (Pagefind's script, its worker and WebAssembly, the index's entry and the
parts of it the query needs, the fragments of the results shown) and for each next one, as
the browser reports them (headers and bodies of every request, the worker's included), and the
time from the last key to the results on the screen."""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import statistics
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..model import Article
from ..publish.engines import DEFAULT_ENGINE
from ..registers import Registers
from . import site

# The first query loads the search; the next ones reuse what it loaded where they can.
QUERIES = ("chine", "terres rares", "Donald Trump", "découplage", "OTAN", "semi-conducteurs", "sanctions")
TYPING_MS = 80  # between two keys
LARGEST = 4  # the largest downloads of each query, named in the report
CHROMIUM = "/usr/bin/chromium"
COMPRESSED = {".html", ".js", ".css", ".json", ".svg", ".xml", ".txt"}  # as GitHub Pages sends them
# GitHub Pages lets browsers keep every file ten minutes (https://ja.stackoverflow.com/posts/47280/revisions):
# a file the page asks for twice, Pagefind's script in each worker of the search, comes once.
CACHE_CONTROL = "max-age=600"

# Installed in the page: when the reader's last key went down, and when each query's results
# were shown (the search marks its list with the query it shows).
WATCH = """() => {
  window.__lastKey = 0; window.__shown = {};
  document.addEventListener("keydown", () => { window.__lastKey = performance.now(); }, true);
  const list = document.querySelector("[data-recherche-liste]");
  new MutationObserver(() => {
    if (list.dataset.query) window.__shown[list.dataset.query] = performance.now();
  }).observe(list, {attributes: true, attributeFilter: ["data-query"]});
}"""


class _AsPagesServes(http.server.SimpleHTTPRequestHandler):
    """The site served as GitHub Pages serves it: text files gzipped for a browser that accepts
    it (Pagefind's own files are compressed already and are sent as they are)."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", CACHE_CONTROL)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def _bytes(request: Any) -> int:
    sizes = request.sizes()
    return int(sizes["responseHeadersSize"] + sizes["responseBodySize"])


def reader(folder: Path, queries: Sequence[str] = QUERIES, browser: Any = None) -> dict[str, Any]:
    """A reader's queries on the site in ``folder``, served on 127.0.0.1, in ``browser`` (a
    Playwright browser; without one, Chromium is started for them: a process that already
    drives a browser, as the tests do, cannot start a second Playwright)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_AsPagesServes, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        if browser is not None:
            runs = _queries(browser, base, queries)
        else:
            from playwright.sync_api import sync_playwright  # noqa: PLC0415 - the 'test' extra

            with sync_playwright() as playwright:
                started = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
                runs = _queries(started, base, queries)
                started.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"first_query_kb": runs[0]["kb"], "next_queries_kb": round(statistics.median(r["kb"] for r in runs[1:]), 1),
            "results_ms_median": statistics.median(r["results_ms"] for r in runs),
            "results_ms_max": max(r["results_ms"] for r in runs), "queries": runs}


def _queries(browser: Any, base: str, queries: Sequence[str]) -> list[dict[str, Any]]:
    context = browser.new_context(service_workers="block")
    finished: list[Any] = []

    def keep(request: Any) -> None:  # Playwright takes no built-in method as a handler
        finished.append(request)

    context.on("requestfinished", keep)
    page = context.new_page()
    page.goto(base + "articles/", wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate(WATCH)
    counted = len(finished)
    page.keyboard.press("/")
    runs = []
    for query in queries:
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        page.keyboard.type(query, delay=TYPING_MS)
        page.wait_for_function("q => window.__shown[q] !== undefined", arg=query, timeout=60_000)
        page.wait_for_load_state("networkidle")  # the fragments of the results shown
        new, counted = finished[counted:], len(finished)
        sizes = sorted(((_bytes(request), urlsplit(request.url).path) for request in new), reverse=True)
        downloaded = sum(size for size, _ in sizes)
        shown_ms = page.evaluate("q => window.__shown[q] - window.__lastKey", query)
        runs.append({"query": query, "kb": round(downloaded / 1024, 1), "requests": len(new),
                     "largest": [f"{path} {size / 1024:.1f} KB" for size, path in sizes[:LARGEST]],
                     "results_ms": round(shown_ms), "results": page.locator("[data-recherche-liste] > li").count()})
    context.close()
    return runs


def measure(registers: Registers, articles: Sequence[Article], count: int, work: Path,
            browser: Any = None) -> dict[str, Any]:
    """The edition of ``count`` synthetic articles built, indexed alone, and searched (in
    ``browser`` if given: see ``reader``)."""
    built = site.build(registers, articles, count, work)
    folder = work / f"site-{count}" / site.site_folder(DEFAULT_ENGINE)
    bundle = folder / "pagefind"
    result = {"articles": built["articles"], "pages": built["pages"], "engine": built["engine"],
              "site_s": built["site_s"], "site_peak_mb": built["site_peak_mb"], "index_s": built["index_s"],
              "index_peak_mb": built["index_peak_mb"],
              "index_mb": round(sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()) / 2**20, 1)}
    if browser is not None or shutil.which(CHROMIUM):
        result["reader"] = reader(folder, browser=browser)
    return result
