"""The benchmark runs, in its tiny mode (``python -m build_tools bench --tiny``), so that it
never rots. No timing is checked here: the machines are shared and noisy; BENCHMARKS.md
records the measured figures."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_tools import bench
from build_tools.annotate.matcher import Matcher
from build_tools.bench import rivals, site, synthetic
from build_tools.ingest import load_articles
from build_tools.project import Paths
from build_tools.publish.engines import DEFAULT_ENGINE, Engine
from build_tools.registers import load_registers

from conftest import ROOT


@pytest.fixture(scope="module")
def real():  # type: ignore[no-untyped-def]
    articles, _ = load_articles(Paths.at(ROOT))
    return load_registers(ROOT / "data"), articles


def test_synthetic_inputs_are_the_same_every_time(real) -> None:  # type: ignore[no-untyped-def]
    registers, articles = real
    first = synthetic.register(registers, articles, 500)
    assert first == synthetic.register(registers, articles, 500)
    assert first[:300] == synthetic.register(registers, articles, 300)  # a smaller register is part of a larger one
    assert len(first) == 500 and len({e.id for e in first}) == 500
    corpus = synthetic.corpus(articles, first, 0.02)
    assert corpus == synthetic.corpus(articles, first, 0.02)
    assert sum(len(p.encode("utf-8")) + 1 for p in corpus) >= 20_000


def test_the_three_matchers_find_the_same_mentions(real) -> None:  # type: ignore[no-untyped-def]
    registers, articles = real
    register = synthetic.register(registers, articles, 400)
    corpus = synthetic.corpus(articles, register, 0.03)
    forms = [(f, e.id) for e in register for f in e.forms]
    ours = [Matcher(forms).find(text) for text in corpus]
    assert sum(map(len, ours)) > 100
    assert [rivals.flashtext_finder(forms, corpus)(text) for text in corpus] == ours
    assert [rivals.pyahocorasick_finder(forms)(text) for text in corpus] == ours


def test_flashtext_needs_french_letters_as_word_characters() -> None:
    """Why the benchmark declares them: by default "é" ends a word for flashtext."""
    from flashtext import KeywordProcessor  # noqa: PLC0415

    plain = KeywordProcessor(case_sensitive=True)
    plain.add_keyword("Fran")
    assert plain.extract_keywords("Françoise") == ["Fran"]
    assert rivals.flashtext_finder([("Fran", "x")], ["Françoise"])("Françoise") == []


@pytest.mark.site
def test_a_measured_build_times_each_stage_and_each_engine_builds_the_same_pages(real, tmp_path) -> None:  # type: ignore[no-untyped-def]
    registers, articles = real
    work = tmp_path / "work"
    work.mkdir()
    build = site.build(registers, articles, 3, work, list(Engine))
    assert build["articles"] == 3 and build["generator_s"] > 0 and build["index_s"] > 0
    project = work / "site-3"
    for engine in Engine:
        assert build[f"{engine.value}_s"] > 0 and build[f"{engine.value}_peak_mb"] > 0
        pages = project / site.site_folder(engine) / "articles"
        assert len(list(pages.glob("*/index.html"))) == 3, engine  # the three articles, from the same docs/
    assert (project / site.site_folder(Engine.MKDOCS) / "pagefind" / "pagefind-entry.json").is_file()  # the first's


@pytest.mark.site
def test_the_benchmark_runs_in_tiny_mode() -> None:
    result = subprocess.run([sys.executable, "-m", "build_tools", "bench", "--tiny", "--json"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    annotation = report["annotate"]
    for key in ("mb_per_s", "flashtext_mb_per_s", "pyahocorasick_mb_per_s", "entries", "corpus_mb"):
        assert annotation[key] > 0
    assert annotation["same_mentions"] and annotation["mentions"] > 0
    for size in ("300", "400", "1000"):  # each size measured there and back, the same mentions each time
        scaled = report["register_scaling"][size]
        assert len(scaled["find_runs_s"]) == 2 and scaled["mentions"] > 0
    for count in ("3", "6"):
        build = report["build"][count]
        assert build["articles"] == int(count)
        assert build["generator_s"] > 0 and build["site_s"] > 0 and build["search_index_bytes"] > 0
        assert build["engine"] == DEFAULT_ENGINE.value and build["site_s"] == build[f"{DEFAULT_ENGINE.value}_s"]
    assert report["serve"]["reload_s"] > 0 and report["serve"]["engine"] == DEFAULT_ENGINE.value
    for when in ("speed_at_start", "speed_at_end"):
        assert all(report[when][key] > 0 for key in ("python_loop_s", "python_objects_s", "file_create_ms"))


@pytest.mark.site
def test_the_search_is_measured_as_a_reader_meets_it(real, tmp_path, chromium) -> None:  # type: ignore[no-untyped-def]
    from build_tools.bench import search  # noqa: PLC0415

    registers, articles = real
    work = tmp_path / "work"
    work.mkdir()
    found = search.measure(registers, articles, 6, work, browser=chromium)  # the session's browser
    assert found["articles"] == 6 and found["index_s"] > 0 and found["index_peak_mb"] > 0
    seen = found["reader"]
    assert [q["query"] for q in seen["queries"]] == list(search.QUERIES)
    assert seen["first_query_kb"] > 50  # at least Pagefind's script and WebAssembly
    assert all(q["results_ms"] >= 0 for q in seen["queries"]) and any(q["results"] for q in seen["queries"])


def test_a_site_is_weighed_page_by_page_and_by_its_menu(tmp_path) -> None:  # type: ignore[no-untyped-def]
    built = tmp_path / "site"
    (built / "a").mkdir(parents=True)
    menu = '<nav class="md-nav md-nav--primary">' + "x" * 1000 + "</nav>"
    (built / "index.html").write_text(f"<html><body>{menu}</body></html>", "utf-8")
    article = "<article>" + "z" * 500 + "</article>"  # the page's own content, without its frame
    (built / "a" / "index.html").write_text("<html>" + "y" * (site.PAGE_MAX_BYTES + 1) + article + "</html>", "utf-8")
    (built / "a" / "data.json").write_text("{}", "utf-8")
    stats = site.site_stats(built)
    sizes = [p.stat().st_size for p in built.rglob("*") if p.is_file()]
    assert stats["site_bytes"] == sum(sizes) and stats["html_pages"] == 2
    assert stats["largest_page"] == "a/index.html" and stats["pages_over_limit"] == 1
    assert stats["nav_max_bytes"] == len(menu)
    assert stats["largest_data"] == "a/data.json" and stats["largest_data_bytes"] == 2
    assert stats["bytes_by_folder"] == {"a": sum(p.stat().st_size for p in (built / "a").iterdir()),
                                        "(racine)": (built / "index.html").stat().st_size}
    assert stats["content_bytes"] == len(article) - len("</article>") and stats["content_by_folder"] == {
        "a": len(article) - len("</article>"), "(racine)": 0}


def test_a_large_edition_is_built_whole_and_weighed(real, tmp_path) -> None:  # type: ignore[no-untyped-def]
    registers, articles = real
    lines: list[str] = []
    report = bench.large(registers, articles, (3,), tmp_path, lines.append)["3"]
    assert report["build_s"] == round(sum(report[f"{stage}_s"] for stage in bench.STAGES), 1)
    assert report["minify_s"] > 0 and report["build_peak_mb"] >= report["generator_peak_mb"]
    assert report["html_pages"] > 3 and 0 < report["largest_page_bytes"] < site.PAGE_MAX_BYTES
    assert report["nav_max_bytes"] > 0
    assert lines and "large, 3 articles" in lines[0]


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="reads /proc/<pid>/smaps_rollup")
def test_the_memory_of_a_process_and_its_copy_counts_shared_pages_once() -> None:
    """A process that fills 200 MB, then forks a copy that only reads them: together they
    hold about 200 MB, not the 400 their high-water marks add up to."""
    script = ("import os, time\n"
              "block = bytearray(os.urandom(200 * 2**20))\n"
              "if os.fork() == 0:\n"
              "    sum(block[::4096]); time.sleep(30); os._exit(0)\n"
              "print('ready', flush=True); time.sleep(30)\n")
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                          start_new_session=True) as process:
        try:
            assert process.stdout is not None and process.stdout.readline() == "ready\n"
            time.sleep(1)
            alone = int(next(line.split()[1] for line in Path(f"/proc/{process.pid}/status").read_text().splitlines()
                             if line.startswith("VmRSS:")))
            together = site.tree_pss_kb(process.pid)
            assert alone > 200 * 1024
            assert 200 * 1024 < together < 1.3 * alone
        finally:
            os.killpg(process.pid, signal.SIGKILL)
