"""MkDocs's and ProperDocs's live preview (``serve``): the pages generated again at each
rebuild, so that an edited seed, register or template shows at once, and the served site's
search indexed. A build (``make build``, ``python -m build_tools publish``) does both itself,
around the engine, the same for every engine: these hooks do neither then. Zensical runs no
hooks: ``python -m build_tools serve --engine zensical`` watches the inputs itself. In every
build, the hooks also let each page's Markdown go once it is converted (``on_page_content``).

The generator runs only when an input changed since it last ran: the pages it writes set off
one more rebuild, which then renders nothing. For a large edition it runs in a process of its
own (``python -m build_tools build``): the engine's preview runs threads, so in its process the
generator would keep to one core (``parallel.py``); a small edition's pages are made in one
process anyway, and starting another would only add its start (about half a second). The
search is indexed after a rebuild that rendered a page, in the background (``python -m
build_tools search``), one index at a time: the page shows the edit without waiting for it.

Measured with ``python -m build_tools bench --engines`` (BENCHMARKS.md, "Engines")."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from build_tools.build import build
from build_tools.editor.report import summary
from build_tools.errors import EditionError
from build_tools.parallel import MIN_JOBS
from build_tools.project import Paths
from build_tools.site.paths import NAV_FILE
from build_tools.site.write import MANIFEST, touch_pages

log = logging.getLogger("mkdocs.hooks.edition")
INPUTS = ("seeds", "data", "templates", "mkdocs.yml")  # what the generator reads, under the project's root
PROCESS_MIN_SEEDS = MIN_JOBS  # from this many seeds, the generator can share its work with a second core

_serving: list[bool] = [False]
_generated: list[object] = [None]  # the inputs as they were when the pages were last generated
_rendered: list[int] = [0]  # pages the engine rendered in this rebuild


def on_startup(command: str, dirty: bool) -> None:
    _serving[0] = command == "serve"


def _inputs(root: Path) -> frozenset[tuple[str, int, int]]:
    """Each input file's path, modification time and size: what tells that one changed."""
    found = set()
    for name in INPUTS:
        top = root / name
        paths = [top] if top.is_file() else (Path(folder) / file for folder, _, files in os.walk(top) for file in files)
        for path in paths:
            try:
                stat = path.stat()
            except OSError:  # deleted meanwhile: the next rebuild sees it
                continue
            found.add((str(path), stat.st_mtime_ns, stat.st_size))
    return frozenset(found)


def _stamp(path: Path) -> int | None:
    return path.stat().st_mtime_ns if path.exists() else None


def on_config(config: Any) -> Any:
    if not _serving[0]:
        return config
    _rendered[0] = 0
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    inputs = _inputs(root)
    if inputs == _generated[0]:
        return config
    before = (_stamp(docs / NAV_FILE), _stamp(docs / MANIFEST))
    _generate(root, docs)
    _generated[0] = inputs
    if (_stamp(docs / NAV_FILE), _stamp(docs / MANIFEST)) != before:
        # The navigation is in every page: `serve --dirty` rebuilds only the pages modified,
        # so all are marked so when it, or the list of pages, changed.
        touch_pages(docs)
    return config


def _generate(root: Path, docs: Path) -> None:
    """The pages generated into ``docs``, in this process or, for a large edition, in one of its own."""
    seeds = root / "seeds"
    if not seeds.is_dir() or sum(1 for _ in os.scandir(seeds)) < PROCESS_MIN_SEEDS:
        try:
            edition, report = build(Paths.at(root, docs=docs))
        except EditionError as exc:
            raise PluginError(f"the edition cannot be built:\n{exc}") from None
        for line in summary(edition, report):
            log.info(line)
        return
    done = subprocess.run([sys.executable, "-m", "build_tools", "build", "--docs", str(docs)],  # noqa: S603 - ours
                          cwd=root, capture_output=True, text=True, check=False)
    for line in done.stdout.splitlines():
        log.info(line)
    if done.returncode:
        raise PluginError(f"the edition cannot be built:\n{done.stderr.strip()}")


def on_post_page(output: str, page: Any, config: Any) -> str:
    _rendered[0] += 1
    return output


class _Indexer:
    """Pagefind on the served site, in the background, one run at a time: a rebuild that
    ends while the search is being indexed has it indexed again once that run is done. The
    run under way ends with the preview (``stop``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running = False
        self._pending: Path | None = None
        self._process: subprocess.Popen[str] | None = None
        self._stopped = False

    def request(self, site: Path, root: Path) -> None:
        with self._lock:
            if self._running:
                self._pending = site
                return
            self._running = True
        threading.Thread(target=self._run, args=(site, root), daemon=True).start()

    def _run(self, site: Path, root: Path) -> None:
        next_site: Path | None = site
        while next_site is not None:
            with self._lock:
                self._process = subprocess.Popen(  # noqa: S603 - ours
                    [sys.executable, "-m", "build_tools", "search", str(next_site)], cwd=root,
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
            output, _ = self._process.communicate()
            if self._stopped:
                return
            if self._process.returncode:
                log.warning(f"search: not indexed:\n{output.strip()}")
            else:
                log.info(f"search: {output.strip()}")
            with self._lock:
                self._process = None
                next_site, self._pending = self._pending, None
                if next_site is None:
                    self._running = False

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            self._pending = None
            if self._process is not None:  # the command and its Pagefind, a group of their own
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self._process.pid, signal.SIGTERM)


_indexer = _Indexer()


def on_post_build(config: Any) -> None:
    if _serving[0] and _rendered[0]:
        _indexer.request(Path(config.site_dir), Path(config.config_file_path).parent)


def on_shutdown() -> None:
    _indexer.stop()


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """A page's Markdown is not read again once converted, but the engine converts every page
    before it renders any, holding every page's source until then: let it go (in every build,
    not only the preview's). The pages built are the same, byte for byte; the engine's peak
    memory on the benchmark's 600 synthetic articles, 300 MB → 204 MB."""
    page.markdown = ""  # not None: the engine gives a page without Markdown no title
    return html
