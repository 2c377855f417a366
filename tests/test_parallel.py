"""Pages rendered on two cores are the pages rendered on one."""

from __future__ import annotations

import functools
import gc
import os
import threading
import time
from pathlib import Path

import pytest

from build_tools import parallel
from build_tools.build import build_edition
from build_tools.errors import InputError
from build_tools.ingest import load_articles
from build_tools.project import Paths

from conftest import ROOT

needs_fork = pytest.mark.skipif(not hasattr(os, "fork") or parallel.cores() < 2,
                                reason="forks only where there is fork and a second core")


@pytest.fixture
def sharing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Share even small work, even though the test session runs a server thread."""
    monkeypatch.setattr(parallel, "MIN_JOBS", 0)
    monkeypatch.setattr(parallel, "can_share", lambda: True)


def numbered(n: int, seconds: float = 0.02) -> tuple[int, int]:
    time.sleep(seconds)
    return n, os.getpid()


@needs_fork
def test_the_jobs_are_shared_with_a_copy_and_the_results_keep_their_order(sharing: None) -> None:
    results = parallel.run([functools.partial(numbered, n) for n in range(20)])
    assert [n for n, _ in results] == list(range(20))
    pids = [pid for _, pid in results]
    assert os.getpid() in pids and len(set(pids)) == 2


@needs_fork
def test_each_result_comes_once_as_soon_as_it_is_done(sharing: None) -> None:
    """``each``: this process's results as it runs its jobs, then the copy's, read back."""
    ran: list[int] = []  # the jobs run in this process

    def job(n: int) -> tuple[int, int]:
        ran.append(n)
        return numbered(n)

    given = parallel.each([functools.partial(job, n) for n in range(20)])
    first = next(given)
    assert ran == [first[0]]  # given before the next job is run
    given_all = [first, *given]
    assert sorted(number for number, _ in given_all) == list(range(20))
    assert all(number == n for number, (n, _) in given_all)
    here = [pid == os.getpid() for _, (_, pid) in given_all]
    assert here[0] and not all(here)
    assert not any(here[here.index(False):])  # the copy's come after all of this process's


@needs_fork
def test_whoever_is_free_takes_the_next_job(sharing: None) -> None:
    """A long first job keeps one process busy: the other takes the rest meanwhile."""
    jobs = [functools.partial(numbered, 0, 1.0)] + [functools.partial(numbered, n) for n in range(1, 20)]
    results = parallel.run(jobs)
    first_pid = results[0][1]
    assert [n for n, _ in results] == list(range(20))
    assert sum(pid != first_pid for _, pid in results) >= 15


@needs_fork
def test_what_existed_before_the_fork_goes_back_to_garbage_collection(sharing: None) -> None:
    frozen = parallel.run([gc.get_freeze_count for _ in range(4)])
    assert all(n > 0 for n in frozen)  # left out of collection while the copy runs, in both
    assert gc.get_freeze_count() == 0


def fails(message: str) -> str:
    raise ValueError(message)


@needs_fork
@pytest.mark.parametrize("where", [0, 1], ids=["here", "in-the-copy"])
def test_an_error_in_a_job_is_raised_wherever_it_ran(sharing: None, where: int) -> None:
    jobs = [lambda: "a", lambda: "b", lambda: "c"]
    jobs[where] = functools.partial(fails, f"job {where} failed")
    with pytest.raises(ValueError, match=f"job {where} failed"):
        parallel.run(jobs)


def test_a_process_running_threads_does_not_fork() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not parallel.can_share()
    finally:
        stop.set()
        thread.join()


def test_small_work_stays_in_one_process() -> None:
    assert parallel.run([os.getpid] * 3) == [os.getpid()] * 3


@needs_fork
def test_a_started_job_runs_in_a_copy_while_this_process_goes_on(sharing: None) -> None:
    with parallel.start(os.getpid, pieces=1) as pending:
        assert gc.get_freeze_count() > 0
        assert pending.result() != os.getpid()
        assert pending.result() == pending.result()  # the result is kept
    assert gc.get_freeze_count() == 0


def test_a_small_started_job_runs_here_when_its_result_is_asked() -> None:
    ran: list[int] = []
    with parallel.start(lambda: ran.append(os.getpid()) or "fait", pieces=parallel.MIN_JOBS - 1) as pending:
        assert ran == []
        assert pending.result() == "fait"
    assert ran == [os.getpid()]


@needs_fork
def test_an_error_in_a_started_job_is_raised_when_its_result_is_asked(sharing: None) -> None:
    with parallel.start(functools.partial(fails, "the copy failed"), pieces=1) as pending, \
            pytest.raises(ValueError, match="the copy failed"):
        pending.result()


@needs_fork
def test_a_copy_whose_result_is_never_asked_is_stopped(sharing: None) -> None:
    with pytest.raises(KeyError), parallel.start(functools.partial(time.sleep, 600), pieces=1) as pending:
        child = pending._child
        assert child is not None and child.is_alive()
        raise KeyError("an error while the copy runs")
    assert not child.is_alive()
    assert gc.get_freeze_count() == 0


@needs_fork
def test_the_edition_rendered_on_two_cores_is_the_same_byte_for_byte(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    alone = build_edition(Paths.at(ROOT, docs=tmp_path / "docs")).files
    monkeypatch.setattr(parallel, "MIN_JOBS", 0)
    monkeypatch.setattr(parallel, "can_share", lambda: True)
    shared = build_edition(Paths.at(ROOT, docs=tmp_path / "docs")).files
    assert list(shared) == list(alone)
    assert shared == alone


@needs_fork
def test_seeds_read_on_two_cores_give_the_same_articles_warnings_and_problems(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    seeds.mkdir()
    (seeds / "a.txt").write_text("Un titre clair\n\nUn paragraphe de texte qui se termine.\n", encoding="utf-8")
    (seeds / "b.txt").write_bytes("Le président parle\n\nCorps du texte à lire.\n".encode("cp1252"))  # a warning
    (seeds / "c.txt").write_text("\n\n", encoding="utf-8")  # empty: a warning
    (seeds / "d.txt").write_bytes(b"ok\nbad\x00")  # a problem
    (seeds / "e.txt").write_text("Un autre titre\n\nDu texte.\n", encoding="utf-8")
    (data / "articles" / "e.yml").write_text("date: [\n", encoding="utf-8")  # a problem
    (data / "articles" / "zz.yml").write_text("title: Orphelin\n", encoding="utf-8")  # a problem
    paths = Paths.at(tmp_path)

    def problems() -> list[str]:
        with pytest.raises(InputError) as caught:
            load_articles(paths)
        return [str(p) for p in caught.value.problems]

    alone = problems()
    monkeypatch.setattr(parallel, "MIN_JOBS", 0)
    monkeypatch.setattr(parallel, "can_share", lambda: True)
    assert problems() == alone
    assert [p.split(":")[0].rsplit("/", 1)[-1] for p in alone] == ["d.txt", "zz.yml", "e.yml"]

    (data / "articles" / "e.yml").unlink()
    (data / "articles" / "zz.yml").unlink()
    (seeds / "d.txt").unlink()
    shared = load_articles(paths)
    monkeypatch.setattr(parallel, "MIN_JOBS", 10**9)
    assert load_articles(paths) == shared
    articles, warnings = shared
    assert [a.seed.rel_path for a in articles] == ["seeds/a.txt", "seeds/b.txt", "seeds/e.txt"]
    assert len(warnings) == 2 and "Windows-1252" in warnings[0] and "empty file" in warnings[1]
