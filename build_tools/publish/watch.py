"""The live preview with any engine (``make serve``): the engine's own ``serve`` watches docs/,
and the pages are generated again when an input changes.

MkDocs and ProperDocs do the second part in their hook (``mkdocs_hooks.py``), since they
watch the inputs too (``watch:`` in mkdocs.yml). Zensical runs no hooks: the inputs are
watched here (watchdog, which MkDocs already uses), and the generator writes only the pages
that changed, which Zensical then rebuilds."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ..build import build
from ..editor.report import summary
from ..errors import EditionError
from ..project import Paths
from .engines import CONFIG, Engine, engine_environment, serve_command

SETTLE_SECONDS = 0.2  # an editor's save writes a file in several steps: wait for the last
STOP_SECONDS = 10  # an engine asked to end has this long before it is made to


class _Regenerate(FileSystemEventHandler):
    """Calls ``regenerate`` once the inputs have been quiet for ``SETTLE_SECONDS``, one call
    at a time: an edit made while the pages are being generated waits for them."""

    def __init__(self, regenerate: Callable[[], None]) -> None:
        self.regenerate = regenerate
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()
        self.generating = threading.Lock()

    def _regenerate(self) -> None:
        with self.generating:
            self.regenerate()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(SETTLE_SECONDS, self._regenerate)
            self.timer.daemon = True
            self.timer.start()


def generate(paths: Paths) -> None:
    """The pages generated again; a problem in the inputs is printed and the preview goes on
    with the last pages that built."""
    try:
        edition, report = build(paths)
    except EditionError as exc:
        print(f"error: {exc}", file=sys.stderr, flush=True)
        return
    for line in summary(edition, report):
        print(line, flush=True)


def _run_engine(command: list[str], paths: Paths) -> int:
    """The engine's preview, until it ends or this process is asked to: Ctrl-C reaches both,
    a termination (``kill``, a test's or the benchmark's ``terminate``) is passed on as a
    Ctrl-C, so that the engine ends as it does then (its hooks' ``on_shutdown`` stops the
    search's indexing) and no preview outlives this command."""
    engine = subprocess.Popen(command, cwd=paths.root, env=engine_environment())
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: _stop(engine))
    try:
        return engine.wait()
    except KeyboardInterrupt:  # the engine had it too
        _stop(engine, interrupted=True)
        engine.wait()
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stop(engine: subprocess.Popen[bytes], *, interrupted: bool = False) -> None:
    """Ask the engine to end as Ctrl-C does (unless it was just given one), and end it if it
    has not within ``STOP_SECONDS``."""
    if not interrupted:
        engine.send_signal(signal.SIGINT)
    timer = threading.Timer(STOP_SECONDS, engine.terminate)
    timer.daemon = True
    timer.start()


def serve(paths: Paths, engine: Engine, address: str) -> int:
    """Preview the edition at ``address`` with ``engine`` until interrupted."""
    command = serve_command(engine, paths.root / CONFIG, address)
    if engine is not Engine.ZENSICAL:  # the hook generates the pages at each rebuild
        return _run_engine(command, paths)
    generate(paths)
    observer = Observer()
    handler = _Regenerate(lambda: generate(paths))
    for folder in (paths.seeds, paths.data, paths.templates):
        observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    try:
        return _run_engine(command, paths)
    finally:
        observer.stop()
        observer.join()
