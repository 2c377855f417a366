"""``python -m build_tools bench``: the matcher against flashtext and pyahocorasick, the
matcher on registers of growing size, the generator and MkDocs on large synthetic
editions, and ``make serve``'s reload on the real one.

Everything is made from the project's own seeds and registers with a fixed random seed
(``synthetic``), so that two runs measure the same work. Times of the annotation are CPU
times of this process (one core: nothing here runs in parallel), the median of
``repeat`` runs; the builds are timed on the wall clock, as a person waits for them.
BENCHMARKS.md records the results and the goals."""

from __future__ import annotations

import datetime as dt
import gc
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from ..annotate.matcher import Matcher
from ..ingest import load_articles
from ..project import Paths
from ..publish.engines import DEFAULT_ENGINE, Engine
from ..registers import load_registers
from . import rivals, search, site, synthetic


@dataclass(frozen=True)
class Sizes:
    corpus_mb: float
    entries: int
    scaling: tuple[int, ...]
    articles: tuple[int, ...]
    repeat: int
    serve_runs: int
    search: tuple[int, ...]  # editions searched by ``bench --search``
    engines: tuple[int, ...]  # synthetic editions each engine builds and serves (``bench --engines``)
    large: tuple[int, ...] = ()  # editions built whole and weighed (``bench --large``)


FULL = Sizes(corpus_mb=10.0, entries=10_000, scaling=(1_000, 10_000, 100_000), articles=(300, 600),
             repeat=3, serve_runs=3, search=(2_000, 5_000), engines=(600, 2_000), large=(600, 2_000, 5_000))
TINY = Sizes(corpus_mb=0.05, entries=400, scaling=(300, 400, 1_000), articles=(3, 6), repeat=1, serve_runs=1,
             search=(6,), engines=(3,), large=(3, 6))

# The goals (issue 8): measured by ``run`` with the FULL sizes.
GOALS = {
    "annotate_mb_per_s": (">=", 10),
    "annotate_vs_flashtext": (">=", 2),
    "register_100000_vs_1000_time": ("<=", 2),
    "generator_600_s": ("<=", 6),
    "generator_600_vs_300": ("<=", 2.3),
    "site_600_s": ("<=", 45),  # the default engine's build
    "peak_memory_mb": ("<=", 1024),
    "serve_reload_s": ("<=", 2),
}
# A large edition's goals (issue 27), measured by ``run(large=True)`` on the largest edition:
# the whole of ``make build`` (generator, engine, minifier, Pagefind; the books are apart).
LARGE_GOALS = {
    "large_site_mb": ("<=", 400),
    "large_pages_over_200_kb": ("<=", 0),
    "large_nav_kb": ("<=", 40),
    "large_data_file_mb": ("<=", 20),
    "large_build_s": ("<=", 150),
    "large_build_peak_mb": ("<=", 1536),
}
# The search's goals (issue 22), measured by ``run(search=True)`` on the largest edition.
SEARCH_GOALS = {
    "search_index_s": ("<=", 60),
    "search_index_peak_mb": ("<=", 2048),
    "search_first_query_kb": ("<=", 300),
    "search_results_ms": ("<=", 300),
}

Log = Callable[[str], None]


def _cpu_seconds(work: Callable[[], object]) -> tuple[float, object]:
    start = time.process_time()
    result = work()
    return time.process_time() - start, result


def _mb(texts: Sequence[str]) -> float:
    return sum(len(t.encode("utf-8")) + 1 for t in texts) / 1e6


def annotate(corpus: Sequence[str], forms: Sequence[tuple[str, Hashable]], repeat: int, log: Log) -> dict[str, Any]:
    """Our matcher, flashtext and pyahocorasick on ``corpus``: the same mentions, and how
    fast each finds them. The three take turns, ``repeat`` times, so that other work on the
    machine weighs on each alike; each run starts from the same state (a new matcher, no
    results of an earlier run left in memory)."""
    size = _mb(corpus)
    finders: dict[str, Callable[[str], Any]] = {"flashtext": rivals.flashtext_finder(forms, corpus),
                                                "pyahocorasick": rivals.pyahocorasick_finder(forms)}
    reference: list[Any] | None = None  # what all three must find: the matcher's first run
    # The corpus, the registers, the rivals' tables and the reference live on through the
    # runs: kept out of the garbage collector's rounds, which would otherwise weigh on
    # whichever allocates most.
    gc.collect()
    gc.freeze()
    times: dict[str, list[float]] = {"matcher": [], "flashtext": [], "pyahocorasick": []}
    compile_s: list[float] = []
    mentions = 0
    for _ in range(repeat):
        start = time.process_time()
        matcher = Matcher(forms)  # a new one: its memory of pieces starts empty
        compile_s.append(time.process_time() - start)
        # Its trie lives on through the runs as the rivals' tables do, which the freeze above
        # keeps out of the collector's rounds: so is it (else every full collection in its
        # runs would go through it, and through nothing of the rivals').
        gc.collect()
        gc.freeze()
        finders["matcher"] = matcher.find
        for name, runs in times.items():
            gc.collect()
            seconds, found = _cpu_seconds(lambda f=finders[name]: [f(t) for t in corpus])  # type: ignore[misc]
            runs.append(seconds)
            if reference is None:  # the matcher runs first
                reference = cast(list[Any], found)
                gc.freeze()
            elif found != reference:  # a Match is a tuple (start, end, payload)
                raise AssertionError(f"{name} does not find the same mentions as the matcher")
            del found
        del matcher, finders["matcher"]
        mentions = sum(map(len, reference or ()))
        log("matcher {:.1f}, flashtext {:.1f}, pyahocorasick {:.1f} MB/s: the same {} mentions".format(
            *(size / times[name][-1] for name in times), mentions))
    gc.unfreeze()
    speed = {name: round(size / statistics.median(runs), 2) for name, runs in times.items()}
    return {
        "corpus_mb": round(size, 2), "paragraphs": len(corpus), "forms": len({f for f, _ in forms}),
        "mentions": mentions, "same_mentions": True,
        "mb_per_s": speed["matcher"], "flashtext_mb_per_s": speed["flashtext"],
        "pyahocorasick_mb_per_s": speed["pyahocorasick"],
        "best_mb_per_s": {name: round(size / min(runs), 2) for name, runs in times.items()},
        "compile_s": round(statistics.median(compile_s), 3),
        "cpu_s": {name: [round(t, 3) for t in runs] for name, runs in times.items()}, "runs": repeat,
    }


def scaling(corpus: Sequence[str], registers: Any, articles: Sequence[Any], sizes: Sequence[int],
            log: Log) -> dict[str, Any]:
    """The matcher on the same corpus with registers of ``sizes`` entries. Each size is
    measured twice, the sizes in order then in reverse, so that a machine that slows down
    or speeds up during the step weighs on every size alike; each run starts with the
    matcher's memory of pieces empty, as a new matcher's."""
    compiled: dict[int, tuple[int, int, float, Matcher[Hashable]]] = {}
    for entries in sizes:
        register = synthetic.register(registers, articles, entries)
        forms = [(f, e.id) for e in register for f in e.forms]
        compile_s, matcher = _cpu_seconds(lambda forms=forms: Matcher(forms))  # type: ignore[misc]
        compiled[entries] = (len(register), len(forms), compile_s, matcher)  # type: ignore[assignment]
    gc.collect()
    gc.freeze()  # as for the annotation: the long-lived objects stay out of the collector's rounds
    runs: dict[int, list[float]] = {entries: [] for entries in sizes}
    mentions: dict[int, int] = {}
    for entries in [*sizes, *reversed(sizes)]:
        matcher = compiled[entries][3]
        matcher.forget()
        gc.collect()
        find_s, found = _cpu_seconds(lambda m=matcher: [m.find(t) for t in corpus])  # type: ignore[misc]
        runs[entries].append(find_s)
        count = sum(map(len, found))  # type: ignore[call-overload]
        if mentions.setdefault(entries, count) != count:
            raise AssertionError(f"the matcher of {entries} entries found {count} mentions, then {mentions[entries]}")
        del found
    gc.unfreeze()
    result: dict[str, Any] = {}
    for entries, (entry_count, form_count, compile_s, _) in compiled.items():
        find_s = statistics.median(runs[entries])
        result[str(entries)] = {"entries": entry_count, "forms": form_count, "compile_s": round(compile_s, 3),
                                "find_s": round(find_s, 3), "find_runs_s": [round(t, 3) for t in runs[entries]],
                                "mb_per_s": round(_mb(corpus) / find_s, 2), "mentions": mentions[entries]}
        log(f"register of {entries}: {result[str(entries)]['mb_per_s']} MB/s")
    first, last = result[str(sizes[0])], result[str(sizes[-1])]
    result[f"time_{sizes[-1]}_vs_{sizes[0]}"] = round(last["find_s"] / first["find_s"], 2)
    return result


def engines(registers: Any, articles: Sequence[Any], counts: Sequence[int], work: Path, log: Log, *,
            serve_runs: int) -> dict[str, Any]:
    """Each engine on the real edition and on ``counts`` synthetic articles: its cold build of
    the same generated pages, and its live preview's reload after an edited seed (``serve_runs``
    times on the real edition, once on a synthetic one, where a reload takes up to minutes)."""
    result: dict[str, Any] = {}
    for count in (0, *counts):  # 0: the real edition
        name = "real" if count == 0 else str(count)
        project = (site.copy_project(work / "engines-real") if count == 0 else
                   site.build_project(registers, articles, count, work / f"engines-{count}"))
        result[name] = measured = site.measure_build(project, list(Engine))
        runs = serve_runs if count == 0 else 1
        measured["serve"] = {engine.value: site.serve_reload(project, engine, runs) for engine in Engine}
        log(f"engines, {name}: " + "; ".join(
            f"{e.value} build {measured[f'{e.value}_s']} s, reload {measured['serve'][e.value]['reload_s']} s"
            for e in Engine))
    return result


def builds(registers: Any, articles: Sequence[Any], counts: Sequence[int], work: Path, log: Log) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for count in counts:
        result[str(count)] = site.build(registers, articles, count, work)
        log(f"{count} articles: generator {result[str(count)]['generator_s']} s, "
            f"{result[str(count)]['engine']} {result[str(count)]['site_s']} s")
    small, large = result[str(counts[0])], result[str(counts[-1])]
    result[f"generator_{counts[-1]}_vs_{counts[0]}"] = round(large["generator_s"] / small["generator_s"], 2)
    result[f"site_{counts[-1]}_vs_{counts[0]}"] = round(large["site_s"] / small["site_s"], 2)
    return result


STAGES = ("generator", "site", "minify", "index")  # the stages of ``make build`` that ``measure_build`` times


def large(registers: Any, articles: Sequence[Any], counts: Sequence[int], work: Path, log: Log) -> dict[str, Any]:
    """Editions of ``counts`` synthetic articles built as ``make build`` builds them, and
    weighed: the whole build's time and peak, the site's size, its largest page and menu."""
    result: dict[str, Any] = {}
    for count in counts:
        project = site.build_project(registers, articles, count, work / "large" / f"site-{count}")
        measured = site.measure_build(project)
        measured["build_s"] = round(sum(measured[f"{stage}_s"] for stage in STAGES), 1)
        measured["build_peak_mb"] = max(measured[f"{stage}_peak_mb"] for stage in STAGES)
        measured.update(site.site_stats(project / site.site_folder(DEFAULT_ENGINE)))
        # Kept until the run's end (about 4 GB for the three), as bench.site says why: the
        # 5,000-article build, started just after the 2,000-article copy was deleted, took
        # 415 s instead of 297 s, waiting on the file system for new files.
        result[str(count)] = measured
        log(f"large, {count} articles: build {measured['build_s']} s ({measured['build_peak_mb']} MB), "
            f"site {measured['site_bytes'] / 1e6:.0f} MB, largest page {measured['largest_page_bytes'] / 1e3:.0f} KB")
    return result


def machine() -> dict[str, Any]:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:  # noqa: PTH123 - Linux only, optional
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "")
    except OSError:
        pass
    return {"cpu": model or platform.processor(), "cores": os.cpu_count(), "python": platform.python_version(),
            "system": platform.platform(), "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}  # other work on the machine


REFERENCE_LOOP = 5_000_000
REFERENCE_OBJECTS = 1_000_000
REFERENCE_FILES = 500


def speed(folder: Path) -> dict[str, float]:
    """How fast the machine is now, measured the same way on every run, so that runs on
    different days can be compared: the CPU seconds of a fixed loop of Python (in the
    processor's cache), of making a dictionary of a million strings (in memory, like most
    of the work measured here: a shared machine slows the two differently), and the
    milliseconds to create a small file in ``folder``, a new one (the generator writes one
    per page; the files are left there, see ``site``)."""
    started = time.process_time()
    total = 0
    for number in range(REFERENCE_LOOP):
        total += number
    loop_s = time.process_time() - started
    started = time.process_time()
    table = {number: str(number) for number in range(REFERENCE_OBJECTS)}
    objects_s = time.process_time() - started
    del table
    folder.mkdir()
    started = time.perf_counter()
    for number in range(REFERENCE_FILES):
        (folder / f"{number}.md").write_bytes(b"x" * 100)
    create_ms = (time.perf_counter() - started) / REFERENCE_FILES * 1000
    return {"python_loop_s": round(loop_s, 3), "python_objects_s": round(objects_s, 3),
            "file_create_ms": round(create_ms, 3)}


def goals(report: dict[str, Any]) -> dict[str, Any]:
    """Each goal with what was measured and whether it is met (FULL sizes only)."""
    build, scale, annotation = report.get("build", {}), report.get("register_scaling", {}), report["annotate"]
    measured = {
        "annotate_mb_per_s": annotation["mb_per_s"],
        "annotate_vs_flashtext": round(annotation["mb_per_s"] / annotation["flashtext_mb_per_s"], 2),
        "register_100000_vs_1000_time": scale.get("time_100000_vs_1000"),
        "generator_600_s": build.get("600", {}).get("generator_s"),
        "generator_600_vs_300": build.get("generator_600_vs_300"),
        "site_600_s": build.get("600", {}).get("site_s"),
        "peak_memory_mb": max([report["bench_peak_mb"]] + [b[k] for b in build.values() if isinstance(b, dict)
                                                           for k in ("generator_peak_mb", "site_peak_mb")]),
        "serve_reload_s": report.get("serve", {}).get("reload_s"),
    }
    searched = report.get("search", {})
    if searched:
        largest = searched[max(searched, key=int)]
        measured.update({"search_index_s": largest["index_s"], "search_index_peak_mb": largest["index_peak_mb"],
                         "search_first_query_kb": largest.get("reader", {}).get("first_query_kb"),
                         "search_results_ms": largest.get("reader", {}).get("results_ms_max")})
    result = {}
    weighed = report.get("large", {})
    if weighed:
        largest_edition = weighed[max(weighed, key=int)]
        measured.update({"large_site_mb": round(largest_edition["site_bytes"] / 1e6),
                         "large_pages_over_200_kb": largest_edition["pages_over_limit"],
                         "large_nav_kb": round(largest_edition["nav_max_bytes"] / 1e3, 1),
                         "large_data_file_mb": round(largest_edition["largest_data_bytes"] / 1e6, 1),
                         "large_build_s": largest_edition["build_s"],
                         "large_build_peak_mb": largest_edition["build_peak_mb"]})
    wanted = {**GOALS, **(SEARCH_GOALS if searched else {}), **(LARGE_GOALS if weighed else {})}
    for name, (sense, target) in wanted.items():
        value = measured[name]
        met = None if value is None else (value >= target if sense == ">=" else value <= target)
        result[name] = {"goal": f"{sense} {target}", "measured": value, "met": met}
    return result


def run(sizes: Sizes = FULL, *, build: bool = True, serve: bool = True, search_too: bool = False,
        engines_too: bool = False, large_too: bool = False, log: Log | None = None) -> dict[str, Any]:
    say = log or (lambda line: print(line, file=sys.stderr, flush=True))
    started = time.perf_counter()
    articles, _ = load_articles(Paths.at(site.ROOT))
    registers = load_registers(site.ROOT / "data")
    register = synthetic.register(registers, articles, sizes.entries)
    corpus = synthetic.corpus(articles, register, sizes.corpus_mb)
    say(f"corpus: {_mb(corpus):.1f} MB, {len(register)} entries")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:  # every file the run makes, deleted at its end
        work = Path(tmp)
        report: dict[str, Any] = {"machine": machine(), "sizes": sizes.__dict__,
                                  "speed_at_start": speed(work / "speed-at-start")}
        forms = [(f, e.id) for e in register for f in e.forms]
        report["annotate"] = {"entries": len(register), **annotate(corpus, forms, sizes.repeat, say)}
        report["register_scaling"] = scaling(corpus, registers, articles, sizes.scaling, say)
        if build:
            report["build"] = builds(registers, articles, sizes.articles, work, say)
        if serve:
            report["serve"] = site.serve_reload(site.copy_project(work / "serve"), DEFAULT_ENGINE, sizes.serve_runs)
            say(f"{DEFAULT_ENGINE} serve: an edited seed shows in {report['serve']['reload_s']} s")
        if engines_too:
            report["engines"] = engines(registers, articles, sizes.engines, work, say, serve_runs=sizes.serve_runs)
        if large_too:
            report["large"] = large(registers, articles, sizes.large, work, say)
        if search_too:
            report["search"] = {}
            for count in sizes.search:
                report["search"][str(count)] = found = search.measure(registers, articles, count, work)
                say(f"search, {count} articles: indexed in {found['index_s']} s ({found['index_peak_mb']} MB), "
                    f"first query {found.get('reader', {}).get('first_query_kb')} KB")
        report["speed_at_end"] = speed(work / "speed-at-end")
    report["bench_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    if sizes == FULL:
        report["goals"] = goals(report)
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def summary(report: dict[str, Any]) -> list[str]:
    annotation = report["annotate"]
    lines = [f"annotation: {annotation['corpus_mb']} MB, {annotation['entries']} entries: matcher "
             f"{annotation['mb_per_s']} MB/s, flashtext {annotation['flashtext_mb_per_s']} MB/s, "
             f"pyahocorasick {annotation['pyahocorasick_mb_per_s']} MB/s (same {annotation['mentions']} mentions)"]
    lines += [f"register of {k}: {v['mb_per_s']} MB/s, compiled in {v['compile_s']} s"
              for k, v in report["register_scaling"].items() if isinstance(v, dict)]
    lines += [f"{k} articles: generator {v['generator_s']} s ({v['generator_peak_mb']} MB), "
              f"{v['engine']} {v['site_s']} s ({v['site_peak_mb']} MB), Pagefind {v['index_s']} s "
              f"({v['index_peak_mb']} MB), search index {v['search_index_bytes']:,} bytes"
              for k, v in report.get("build", {}).items() if isinstance(v, dict)]
    for k, v in report.get("search", {}).items():
        seen = v.get("reader", {})
        lines.append(f"search, {k} articles ({v['pages']} pages): indexed in {v['index_s']} s "
                     f"({v['index_peak_mb']} MB, {v['index_mb']} MB of index); "
                     f"first query {seen.get('first_query_kb')} KB, "
                     f"next ones {seen.get('next_queries_kb')} KB; results {seen.get('results_ms_median')} ms after "
                     f"the last key (at most {seen.get('results_ms_max')} ms)")
    if "serve" in report:
        lines.append(f"{report['serve']['engine']} serve: an edited seed shows in {report['serve']['reload_s']} s")
    for name, measured in report.get("engines", {}).items():
        lines.append(f"engines, {name} ({measured['articles']} articles, {measured['pages']} pages): " + "; ".join(
            f"{e} build {measured[f'{e}_s']} s ({measured[f'{e}_peak_mb']} MB), serve reload "
            f"{measured['serve'][e]['reload_s']} s (started in {measured['serve'][e]['startup_s']} s)"
            for e in measured["serve"]))
    for name, measured in report.get("large", {}).items():
        lines.append(f"large, {name} articles ({measured['html_pages']} pages): build {measured['build_s']} s "
                     f"(generator {measured['generator_s']}, {measured['engine']} {measured['site_s']}, minifier "
                     f"{measured['minify_s']}, Pagefind {measured['index_s']}), peak {measured['build_peak_mb']} MB; "
                     f"site {measured['site_bytes'] / 1e6:.0f} MB, largest page {measured['largest_page']} "
                     f"({measured['largest_page_bytes'] / 1e3:.0f} KB), {measured['pages_over_limit']} over "
                     f"{site.PAGE_MAX_BYTES // 1000} KB, largest menu {measured['nav_max_bytes'] / 1e3:.1f} KB, "
                     f"largest data file {measured['largest_data']} ({measured['largest_data_bytes'] / 1e6:.1f} MB)")
    for name, goal in report.get("goals", {}).items():
        verdict = {True: "met", False: "NOT MET", None: "not measured"}[goal["met"]]
        lines.append(f"goal {name} {goal['goal']}: {goal['measured']} ({verdict})")
    for when in ("start", "end"):
        measured = report[f"speed_at_{when}"]
        lines.append(f"machine at the {when}: a fixed Python loop in {measured['python_loop_s']} s, a million "
                     f"objects made in {measured['python_objects_s']} s, a file created in "
                     f"{measured['file_create_ms']} ms")
    lines.append(f"{report['seconds']} s in all")
    return lines
