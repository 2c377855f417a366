"""The generator and the site engines on synthetic editions, and the engines' live preview.

Each measurement runs the real command in a copy of the project (seeds, data, templates,
hand-written docs, mkdocs.yml and its hooks), as a child process: its wall time and its peak
memory (that of all its processes together, ``run``).

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
from bs4 import BeautifulSoup

from ..model import Article
from ..publish.engines import CONFIG, DEFAULT_ENGINE, Engine, build_arguments, engine_environment
from ..publish.search import index_bytes
from ..registers import Registers
from ..site.paths import DATA_FOLDER
from ..site.write import MANIFEST
from . import synthetic

ROOT = Path(__file__).resolve().parents[2]
# The published address decides the path the pages are served at: a fixed one.
ENV = {**os.environ, "SITE_URL": "https://example.org/banc/"}  # the engines run in engine_environment(…, ENV)


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


# How often the memory of a measured command's processes is read: reading a process of 1.5 GB
# takes the kernel about 25 ms, which slows the command it measures by a few per cent at 0.1 s.
SAMPLE_SECONDS = 0.5


def run(module: str, args: Sequence[str], cwd: Path, site: str | None = None) -> tuple[float, float, str]:
    """``python -m module args`` in ``cwd`` (an engine building into ``site``): (wall seconds,
    peak memory in MB, output); an error if it fails.

    The peak is the largest memory the command's processes held together, read every
    ``SAMPLE_SECONDS``: the sum of their proportional set sizes, in which a page a forked
    copy shares with the process it was forked from counts once. Where the system does not
    give it, the command's own high-water mark plus its largest copy's (``peak``): an upper
    bound, since it counts the shared pages twice."""
    with tempfile.NamedTemporaryFile(prefix="bench-peak-", delete=False) as peak_file:
        peak = Path(peak_file.name)
    command = [sys.executable, "-m", "build_tools.bench.peak", str(peak), module, *args]
    try:
        with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
            start = time.perf_counter()
            env = engine_environment(None if site is None else Path(site), ENV)
            process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, text=True)
            sampled = 0
            while process.poll() is None:
                sampled = max(sampled, tree_pss_kb(process.pid))
                time.sleep(SAMPLE_SECONDS)
            seconds = time.perf_counter() - start
            out.seek(0)
            output = out.read()
        if process.returncode:
            raise RuntimeError(f"python -m {module} {' '.join(args)} failed ({process.returncode}):\n{output[-3000:]}")
        return seconds, (sampled or int(peak.read_text("utf-8"))) / 1024, output
    finally:
        peak.unlink(missing_ok=True)


def tree_pss_kb(root: int) -> int:
    """The proportional set size of a process and of all its descendants together (kB), or
    0 where /proc does not give it."""
    children: dict[int, list[int]] = {}
    try:
        entries = [entry for entry in os.scandir("/proc") if entry.name.isdigit()]
    except OSError:
        return 0
    for entry in entries:
        try:
            parent = int(Path(entry.path, "stat").read_text("utf-8").rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    total, tree = 0, [root]
    while tree:
        pid = tree.pop()
        tree.extend(children.get(pid, []))
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text("utf-8")
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
    return total


def site_folder(engine: Engine) -> str:
    return f"site-{engine.value}"


def build_project(registers: Registers, articles: Sequence[Article], count: int, folder: Path) -> Path:
    """A copy of the project in ``folder`` with ``count`` synthetic articles for seeds."""
    project = copy_project(folder, seeds=False)
    write_synthetic(project, registers, articles, count)
    return project


def build(registers: Registers, articles: Sequence[Article], count: int, work: Path,
          engines: Sequence[Engine] = (DEFAULT_ENGINE,)) -> dict[str, Any]:
    """``count`` synthetic articles, in a copy of the project made in ``work``, built as
    ``make build`` builds them (``measure_build``)."""
    return measure_build(build_project(registers, articles, count, work / f"site-{count}"), engines)


def measure_build(project: Path, engines: Sequence[Engine] = (DEFAULT_ENGINE,)) -> dict[str, Any]:
    """The stages of ``make build`` in ``project``, each timed apart: the generator, each of
    ``engines`` building its site (``site-<engine>/``) from the same pages, Pagefind indexing
    the first engine's site (``site_s``: that engine's build)."""
    generator_s, generator_mb, _ = run("build_tools", ["build"], project)
    result: dict[str, Any] = {"generator_s": round(generator_s, 2), "generator_peak_mb": round(generator_mb)}
    for engine in engines:
        seconds, mb, log = run(engine.value, build_arguments(Path(CONFIG)), project, site_folder(engine))
        if "WARNING" in log:
            raise RuntimeError(f"{engine} build warned:\n{log[-3000:]}")
        result.update({f"{engine.value}_s": round(seconds, 2), f"{engine.value}_peak_mb": round(mb)})
    site = project / site_folder(engines[0])
    result.update(engine=engines[0].value, site_s=result[f"{engines[0].value}_s"],
                  site_peak_mb=result[f"{engines[0].value}_peak_mb"])
    minify_s, minify_mb, _ = run("build_tools.publish.minify", [site.name], project)
    result.update(minify_s=round(minify_s, 2), minify_peak_mb=round(minify_mb))
    index_s, index_mb, _ = run("build_tools", ["search", site.name], project)
    # The export in parts: a large edition has no edition.json (over its size).
    data = project / "docs" / DATA_FOLDER
    parts = json.loads((data / "index.json").read_text("utf-8"))
    words = sum(len(b["text"].split()) for summary in parts["articles"]
                for b in json.loads((data / summary["file"]).read_text("utf-8"))["article"]["blocks"])
    return {
        "articles": len(parts["articles"]), "entities": len(parts["entities"]),
        "pages": sum(1 for _ in site.rglob("index.html")), "words": words, **result,
        "index_s": round(index_s, 2), "index_peak_mb": round(index_mb),
        # Pagefind's index, which no reader downloads whole (bench --search measures what a query does).
        "search_index_bytes": index_bytes(site),
    }


DATA_SUFFIXES = {".json", ".xml"}  # the export's files and the TEI files (issue 27: none over 20 MB)
PAGE_MAX_BYTES = 200_000  # issue 27's goals: no page over this, a page's navigation at most NAV_MAX_BYTES
NAV_MAX_BYTES = 40_000
NAV_SAMPLE = 200  # pages whose navigation is measured, spread over the site


def site_stats(site: Path) -> dict[str, Any]:
    """What the built ``site`` weighs: in all, its largest page, its pages over
    ``PAGE_MAX_BYTES``, the largest side menu among ``NAV_SAMPLE`` of its pages, its
    largest file of data (the export, the TEI files: ``DATA_SUFFIXES``), and the pages' own
    content (their ``<article>``: what is left without the theme's frame)."""
    sizes = {p.relative_to(site): p.stat().st_size for p in site.rglob("*") if p.is_file()}
    pages = sorted((size, site / path) for path, size in sizes.items() if path.suffix == ".html")
    sample = [p for _, p in sorted(pages, key=lambda sp: str(sp[1]))][::max(1, len(pages) // NAV_SAMPLE)]
    nav = 0
    for page in sample:
        menu = BeautifulSoup(page.read_text("utf-8"), "html.parser").select_one("nav.md-nav--primary")
        nav = max(nav, len(str(menu).encode()) if menu else 0)
    largest_bytes, largest = pages[-1]
    data_bytes, data = max(((size, path) for path, size in sizes.items() if path.suffix in DATA_SUFFIXES),
                           default=(0, None))
    by_folder: dict[str, int] = {}
    content: dict[str, int] = {}  # the pages' own content, their <article>, without the theme's frame
    for path, size in sizes.items():
        top = path.parts[0] if len(path.parts) > 1 else "(racine)"
        by_folder[top] = by_folder.get(top, 0) + size
        if path.suffix == ".html":
            html = (site / path).read_bytes()
            start, end = html.find(b"<article"), html.find(b"</article>")
            content[top] = content.get(top, 0) + (end - start if 0 <= start < end else 0)
    return {"site_bytes": sum(by_folder.values()), "html_pages": len(pages), "largest_page_bytes": largest_bytes,
            "largest_page": str(largest.relative_to(site)),
            "pages_over_limit": sum(size > PAGE_MAX_BYTES for size, _ in pages), "nav_max_bytes": nav,
            "largest_data_bytes": data_bytes, "largest_data": None if data is None else str(data),
            "bytes_by_folder": dict(sorted(by_folder.items(), key=lambda kv: -kv[1])[:8]),
            "content_bytes": sum(content.values()),
            "content_by_folder": dict(sorted(content.items(), key=lambda kv: -kv[1])[:8])}


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


def serve_reload(project: Path, engine: Engine = DEFAULT_ENGINE, runs: int = 3,
                 timeout: float = 600) -> dict[str, Any]:
    """``make serve`` (``python -m build_tools serve``) with ``engine`` in ``project``: the time
    it takes to serve the first page, then, after each edit of a seed, the time until that
    article's page shows the change."""
    data = project / "docs" / DATA_FOLDER / "index.json"
    if not data.is_file():
        run("build_tools", ["build"], project)
    summary = json.loads(data.read_text("utf-8"))["articles"][0]
    article = json.loads((data.parent / summary["file"]).read_text("utf-8"))["article"]
    seed, page_path = project / article["seed"], summary["url"]
    original = seed.read_text("utf-8")
    line = max(original.splitlines(), key=len)  # a paragraph of the article
    port = _free_port()
    command = [sys.executable, "-m", "build_tools", "serve", "--engine", engine.value,
               "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=engine_environment(Path(site_folder(engine)), ENV),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = f"http://127.0.0.1:{port}/banc/{page_path}"
        started = time.perf_counter()
        while _fetch(page) is None:
            if time.perf_counter() - started > timeout or server.poll() is not None:
                raise RuntimeError(f"{engine} serve did not start")
            time.sleep(0.1)
        startup = time.perf_counter() - started
        time.sleep(1.5)  # past the rebuild that the generator's first writes may set off
        times = []
        for number in range(runs):
            marker = f"Zorglub{number}"
            seed.write_text(original.replace(line, f"{line} {marker}", 1), "utf-8")
            edited = time.perf_counter()
            while marker not in (_fetch(page) or ""):
                if time.perf_counter() - edited > timeout:
                    raise RuntimeError(f"the edit never showed in {engine} serve")
                time.sleep(0.05)
            times.append(round(time.perf_counter() - edited, 2))
    finally:
        server.terminate()
        server.wait(timeout=30)
        seed.write_text(original, "utf-8")  # as it was, for the next engine
    return {"engine": engine.value, "startup_s": round(startup, 2), "reload_s": sorted(times)[len(times) // 2],
            "runs": times}
