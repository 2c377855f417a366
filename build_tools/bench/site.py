"""The generator and MkDocs on synthetic editions, and ``mkdocs serve`` on the real one.

Each measurement runs the real command in a copy of the project (seeds, data, templates,
hand-written docs, mkdocs.yml and its hooks), as a child process: its wall time and its peak
memory (the kernel's high-water mark of its resident memory, ``peak``).

The copies are made in one folder for the whole run (``work``), which the caller deletes at
the end, and nothing of them is deleted on the way: on a file system that keeps recently freed
inodes from being reused (ext4 without a journal skips those freed less than one to five
minutes before, and looks at each of them again for every new file), a command that creates
files soon after many were deleted waits on the kernel, so the harness's own clean-up would
slow what it measures next."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..model import Article
from ..publish.search import index_bytes
from ..registers import Registers
from ..site.paths import DATA_FOLDER
from ..site.write import MANIFEST
from . import synthetic

ROOT = Path(__file__).resolve().parents[2]
# The published address decides the path the pages are served at: a fixed one.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.org/banc/"}


def copy_project(dest: Path, *, seeds: bool = True) -> Path:
    """The project's inputs, without the pages the generator makes (nor, unless ``seeds``,
    the seeds and their per-article data)."""
    generated = set(json.loads((ROOT / "docs" / MANIFEST).read_text("utf-8"))["files"]) \
        if (ROOT / "docs" / MANIFEST).exists() else set()
    per_article = () if seeds else ("articles", "notes")  # data/'s folders of per-article files

    def left_out(folder: str, names: list[str]) -> list[str]:
        return [name for name in names if name in per_article and Path(folder) == ROOT / "data"]

    shutil.copytree(ROOT / "data", dest / "data", ignore=left_out)
    shutil.copytree(ROOT / "templates", dest / "templates")
    if seeds:
        shutil.copytree(ROOT / "seeds", dest / "seeds")
    else:
        (dest / "seeds").mkdir()
        for folder in per_article:
            (dest / "data" / folder).mkdir()
    docs = ROOT / "docs"
    for path in docs.rglob("*"):
        rel = path.relative_to(docs).as_posix()
        if path.is_file() and rel not in generated and rel != MANIFEST and not rel.startswith(".build-"):
            (dest / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, dest / "docs" / rel)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    # mkdocs.yml names the hooks file by its path, and the package must be the one imported
    # from there (a partial copy would shadow it, as a namespace package): linked, not copied.
    (dest / "build_tools").symlink_to(ROOT / "build_tools", target_is_directory=True)
    return dest


def write_synthetic(project: Path, registers: Registers, articles: Sequence[Article], count: int) -> None:
    made, entities = synthetic.site(registers, articles, count)
    for article in made:
        (project / "seeds" / f"{article.stem}.txt").write_text(article.seed, "utf-8")
        (project / "data" / "articles" / f"{article.stem}.yml").write_text(
            yaml.safe_dump(article.meta, allow_unicode=True), "utf-8")
    records = [{"id": e.id, "type": e.type, "name": e.name, "aliases": list(e.aliases),
                "description": "Entité de l’édition synthétique du banc d’essai."} for e in entities]
    with (project / "data" / "entities.yml").open("a", encoding="utf-8") as out:
        out.write("\n" + yaml.safe_dump(records, allow_unicode=True, sort_keys=False))


def run(module: str, args: Sequence[str], cwd: Path) -> tuple[float, float, str]:
    """``python -m module args`` in ``cwd``: (wall seconds, peak memory in MB, output); an
    error if it fails."""
    with tempfile.NamedTemporaryFile(prefix="bench-peak-", delete=False) as peak_file:
        peak = Path(peak_file.name)
    command = [sys.executable, "-m", "build_tools.bench.peak", str(peak), module, *args]
    try:
        start = time.perf_counter()
        result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        output = result.stdout + result.stderr
        if result.returncode:
            raise RuntimeError(f"python -m {module} {' '.join(args)} failed ({result.returncode}):\n{output[-3000:]}")
        return seconds, int(peak.read_text("utf-8")) / 1024, output
    finally:
        peak.unlink(missing_ok=True)


def build(registers: Registers, articles: Sequence[Article], count: int, work: Path) -> dict[str, Any]:
    """The generator, then ``mkdocs build``, on ``count`` synthetic articles, in a copy of
    the project made in ``work``."""
    project = copy_project(work / f"site-{count}", seeds=False)
    write_synthetic(project, registers, articles, count)
    generator_s, generator_mb, _ = run("build_tools", ["build"], project)
    # MkDocs's run makes these pages again, as on a fresh checkout: they are moved out of
    # docs/, not deleted (see above).
    aside = work / f"site-{count}-generated"
    aside.mkdir()
    for folder in ("articles", "entites", "tei", "donnees"):
        (project / "docs" / folder).rename(aside / folder)
    mkdocs_s, mkdocs_mb, log = run("mkdocs", ["build", "--strict"], project)
    if "WARNING" in log:
        raise RuntimeError(f"mkdocs build warned:\n{log[-3000:]}")
    # The export in parts: a large edition has no edition.json (over its size).
    data = project / "docs" / DATA_FOLDER
    parts = json.loads((data / "index.json").read_text("utf-8"))
    words = sum(len(b["text"].split()) for summary in parts["articles"]
                for b in json.loads((data / summary["file"]).read_text("utf-8"))["article"]["blocks"])
    # Pagefind's index, which no reader downloads whole (bench --search measures what a query does).
    index = index_bytes(project / "site")
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    return {
        "articles": len(parts["articles"]), "entities": len(parts["entities"]), "pages": pages,
        "words": words, "generator_s": round(generator_s, 2), "generator_peak_mb": round(generator_mb),
        "mkdocs_s": round(mkdocs_s, 2), "mkdocs_peak_mb": round(mkdocs_mb),
        "search_index_bytes": index,
    }


# As `make serve` runs it.
SERVE_OPTIONS = ("--livereload", "--dirty")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 - a local server we started
            text: str = answer.read().decode("utf-8", "replace")
            return text
    except OSError:
        return None


def serve_reload(work: Path, runs: int = 3, timeout: float = 60) -> dict[str, Any]:
    """``mkdocs serve`` on a copy of the real edition, made in ``work``: after each edit of a
    seed, the time until the article's page shows the change."""
    project = copy_project(work / "serve")
    seed = sorted((project / "seeds").glob("*.txt"))[1]
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *SERVE_OPTIONS,
         "--no-strict"], cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/banc/"
        started = time.perf_counter()
        while _fetch(base) is None:
            if time.perf_counter() - started > timeout or server.poll() is not None:
                raise RuntimeError("mkdocs serve did not start")
            time.sleep(0.1)
        startup = time.perf_counter() - started
        page = base + "articles/offensive-technologique-chine/"
        original = seed.read_text("utf-8")
        times = []
        for number in range(runs):
            marker = f"Zorglub{number}"
            seed.write_text(original.replace("découplage contrôlé", f"découplage {marker}", 1), "utf-8")
            edited = time.perf_counter()
            while marker not in (_fetch(page) or ""):
                if time.perf_counter() - edited > timeout:
                    raise RuntimeError("the edit never showed")
                time.sleep(0.05)
            times.append(round(time.perf_counter() - edited, 2))
    finally:
        server.terminate()
        server.wait(timeout=10)
    return {"startup_s": round(startup, 2), "reload_s": sorted(times)[len(times) // 2], "runs": times}
