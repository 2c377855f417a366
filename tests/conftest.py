from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from build_tools.publish.engines import DEFAULT_ENGINE, Engine

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files from the current output (review the diff)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


GENERATED = ("articles", "entites", "tei", "donnees", "index.md", "edition.json", ".generated.json", "SUMMARY.md")


# A seed that tries every way text could run or break out: it must show as text everywhere.
HOSTILE_SEED = """\
Un titre <script>alert('titre')</script> piégé
par Jean <img src=x onerror="alert('auteur')"> Piège
Premier paragraphe d’un texte piégé, assez long pour être de la prose : <script>alert('script')</script> \
puis <img src=x onerror="alert('image')"> et <svg onload="alert('svg')"></svg> et \
<iframe src="javascript:alert('iframe')"></iframe> ; un lien [cliquez](javascript:alert('lien')) et \
<a href="javascript:alert('ancre')">ici</a> ; du Jinja {{ config.site_name }} {% raw %} et \
"><script>alert('attribut')</script> puis ' onmouseover='alert(1)' enfin.
Second paragraphe, lui aussi assez long pour être de la prose, qui cite <b onclick="alert('gras')">ceci</b> \
et --8<-- "README.md" et {: onclick="alert('attr_list')" } sans que rien ne s’exécute jamais ici.
"""


# The cleaner's case files: one per rule, short pages with each line's expected class.
CASES = ROOT / "tests" / "golden" / "clean" / "rules"


def pages(path: Path) -> list[list[tuple[str, str]]]:
    """The cases of a file: pages of (expected class, line)."""
    found: list[list[tuple[str, str]]] = [[]]
    for row in path.read_text("utf-8").splitlines():
        if row.startswith("#"):
            continue
        if not row:
            found.append([])
            continue
        expected, _, text = row.partition("\t")
        found[-1].append((expected, text))
    return [page for page in found if page]


def copy_project(dest: Path) -> Path:
    """A copy of the project's inputs (seeds, data, templates, hand-written docs, mkdocs.yml
    and its hooks file) to build in, without touching the working tree."""
    for name in ("seeds", "data", "templates"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns(*GENERATED))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    # mkdocs.yml names the hooks file by its path, and the package must be the one imported
    # from there (a partial copy would shadow it, as a namespace package): linked, not copied.
    (dest / "build_tools").symlink_to(ROOT / "build_tools", target_is_directory=True)
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


# --- The built site, served on 127.0.0.1, and the tools outside Python ---------------------
# Tests marked `tools` need Chromium (/usr/bin/chromium), node_modules/ (`npm ci`, which
# `make test` runs) or java. Outside CI they skip, saying what is missing; in CI (CI set),
# where .ci/run and `make test` install all of them, a skip is a failure.

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
NODE_MODULES = ROOT / "node_modules"
# Debian's Chromium, quiet: no background requests, updates or sync (Playwright gives each
# launch a fresh --user-data-dir of its own).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()  # type: ignore[attr-defined]
    if (os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail")
            and item.get_closest_marker("tools") is not None):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every tool is installed ({reason})"


REPORT_URL = "https://example.org/edition/signalements"  # where the built sites send readers' reports


def build_site(project: Path, site_url: str, engine: str = DEFAULT_ENGINE.value) -> Path:
    """Build the project's whole site as `make build` does (the pages, the engine's build, the
    search, the books), with ``engine``; fail on any warning."""
    environment = {**os.environ, "SITE_URL": site_url, "REPORT_URL": REPORT_URL}
    result = subprocess.run([sys.executable, "-m", "build_tools", "publish", "--engine", engine, "site"],
                            cwd=project, env=environment, capture_output=True, text=True, check=False)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "WARNING" not in log, log
    (project / "build.log").write_text(log, "utf-8")
    return project / "site"


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: a missing page gets the site's 404.html."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class LocalServer:
    """A folder served on 127.0.0.1 at a port chosen before the site is built (its address
    is the site's site_url, so that the 404 page's absolute links stay local)."""

    def __init__(self) -> None:
        self.server: http.server.ThreadingHTTPServer | None = None
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/"

    def serve(self, folder: Path) -> str:
        handler = functools.partial(_SiteHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(self.socket.getsockname(), handler, bind_and_activate=False)
        server.socket.close()
        server.socket = self.socket
        server.server_activate()
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.server = server
        return self.url

    def close(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
        else:
            self.socket.close()


# --- The site as each engine builds it -------------------------------------------------------
# A test module marked `every_engine` runs its tests on the site each engine builds (MkDocs,
# ProperDocs, Zensical): the reader's tests, which must pass whatever the engine. Other tests
# read the default engine's site. Each engine's site is built once for the session.

ENGINES = [engine.value for engine in Engine]
every_engine = pytest.mark.every_engine


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("every_engine") and "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", ENGINES, indirect=True, scope="session")


@dataclass
class BuiltSite:
    path: Path
    server: LocalServer
    url: str | None = None  # once served


class Sites:
    """The project's site built by each engine asked for, once, each with its own local
    server (its address is the site's site_url)."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.tmp_path_factory = tmp_path_factory
        self.built: dict[str, BuiltSite] = {}

    def get(self, engine: str) -> BuiltSite:
        if engine not in self.built:
            server = LocalServer()
            project = copy_project(self.tmp_path_factory.mktemp(f"built-site-{engine}"))
            self.built[engine] = BuiltSite(build_site(project, server.url, engine), server)
        return self.built[engine]

    def close(self) -> None:
        for built in self.built.values():
            built.server.close()


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    built = Sites(tmp_path_factory)
    yield built
    built.close()


@pytest.fixture(scope="session")
def engine(request: pytest.FixtureRequest) -> str:
    """The engine of the site under test: each in turn in a module marked `every_engine`."""
    return str(getattr(request, "param", DEFAULT_ENGINE.value))


@pytest.fixture(scope="session")
def site_server(sites: Sites, engine: str) -> LocalServer:
    return sites.get(engine).server


@pytest.fixture(scope="session")
def built_site(sites: Sites, engine: str) -> Path:
    """The project's whole site, built once for the session, its site_url the local server."""
    return sites.get(engine).path


@pytest.fixture(scope="session")
def site_url(sites: Sites, engine: str) -> str:
    """The built site, served: its address."""
    built = sites.get(engine)
    if built.url is None:
        built.url = built.server.serve(built.path)
    return built.url


def skip_without(path: Path, reason: str) -> None:
    if not path.exists():
        pytest.skip(f"{path} is missing: {reason}")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, driven by Playwright (which never downloads a browser here)."""
    skip_without(CHROMIUM, "install Debian's chromium (apt-get install chromium; .ci/run does in CI)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]' (make test does)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Reader:
    """A reader's tab, with what a reader would not see: console errors, uncaught
    exceptions, dialogs (alert, confirm) and the address of every request."""

    def __init__(self, context: Any, base_url: str) -> None:
        self.context = context
        self.base_url = base_url
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        self.page = context.new_page()
        self.page.on("console", lambda m: self.errors.append(f"{m.type}: {m.text}") if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def open(self, path: str) -> Any:
        self.page.goto(self.base_url + path, wait_until="load")
        return self.page


@pytest.fixture
def open_reader(chromium: Any) -> Iterator[Callable[..., Reader]]:
    """Opens readers' tabs: open_reader(base_url, width=1280, color_scheme="light"), and a
    phone's touch screen with touch=True."""
    contexts: list[Any] = []

    def open_(base_url: str, *, width: int = 1280, height: int = 900, color_scheme: str = "light",
              touch: bool = False) -> Reader:
        context = chromium.new_context(viewport={"width": width, "height": height}, locale="fr-FR",
                                       color_scheme=color_scheme, service_workers="block",
                                       has_touch=touch, is_mobile=touch)
        contexts.append(context)
        return Reader(context, base_url)

    yield open_
    for context in contexts:
        context.close()


def text_without(element: Any, tag: str) -> str:
    """An XML element's text as a reader reads it, leaving out the elements ``tag`` (with
    their text) but keeping what follows each (their tails)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != tag:
            parts.append(text_without(child, tag))
        parts.append(child.tail or "")
    return "".join(parts)


def axe_violations(page: Any, within: str = "document") -> list[dict[str, Any]]:
    """The serious and critical accessibility violations axe-core finds in the open page, or
    in the part of it ``within`` selects (a CSS selector)."""
    axe = NODE_MODULES / "axe-core" / "axe.min.js"
    skip_without(axe, "run `npm ci --ignore-scripts` (make test does)")
    page.add_script_tag(path=str(axe))
    found: list[dict[str, Any]] = page.evaluate("""async within => (await axe.run(
            within === "document" ? document : within, {resultTypes: ["violations"]}))
        .violations.filter(v => v.impact === "serious" || v.impact === "critical")
        .map(v => ({id: v.id, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")
                                                                        + " " + n.failureSummary)}))""", within)
    return found


def search(reader: Reader, query: str, path: str = "") -> Any:
    """Open the page at ``path``, open the search with "/" and type the query key by key, as a
    reader does; return the page once the results of the whole query are shown."""
    page = reader.open(path)
    page.keyboard.press("/")
    page.locator("input.md-search__input").wait_for()
    page.keyboard.type(query, delay=20)
    page.wait_for_function("q => document.querySelector('[data-recherche-liste]')?.dataset.query === q", arg=query)
    return page


def result_paths(reader: Reader, page: Any) -> list[str]:
    """The results shown, in order, as paths from the site's root (with their #anchor)."""
    hrefs: list[str] = page.locator("[data-recherche-liste] > li > a:first-child").evaluate_all(
        "links => links.map(a => a.href)")
    return [href.removeprefix(reader.base_url) for href in hrefs]


def export(site: Path) -> dict[str, Any]:
    """The built site's data export (edition.json)."""
    record: dict[str, Any] = json.loads((site / "edition.json").read_text("utf-8"))
    return record
