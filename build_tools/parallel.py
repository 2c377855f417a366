"""Independent pieces of work shared with a second core: the one place where the build
uses more than one. Measured on the benchmark's 600 synthetic articles, on two cores (the
median of five builds): the build takes 43 % longer in one process, and 23 % longer with
only the dates read in turn (``start``).

Two ways, both with a copy of this process made by ``fork``, which needs nothing sent to
it (it has the whole state) and sends its result back through a pipe (its results through a
file, for ``run``):

- ``run``: the copy and this process take the jobs of a list in turn, each the next one
  not yet taken when it is free (so that both end at about the same time, whatever each
  job costs), and the results come back in the list's order: the same as with one
  process, byte for byte. The copy writes its results to a file as it goes, which this
  process reads at the end: a pipe would hold the copy up until this process is done. The
  seeds and the pages of a large edition are made so. ``each`` gives the same results one
  at a time as they are done, for a caller that writes them away (the pages, written into
  docs/ as they come, are never all in memory at once).
- ``start``: the copy runs one job while this process goes on with other work, and
  ``Pending.result`` waits for it. The dates of a large edition's texts are read so, while
  the mentions are found and cross-referenced.

It is done only where it is safe and pays:

- the platform forks (Linux; not Windows, and not macOS's default);
- the machine gives this process two cores or more;
- no other thread runs (a fork copies only the calling thread: a lock another thread holds
  would stay locked in the copy). ``mkdocs serve`` runs threads, so its rebuilds stay in
  one process; ``mkdocs build`` and ``python -m build_tools build`` do not;
- there are at least ``MIN_JOBS`` pieces of work: on a small edition the fork and the pipe
  cost more than they save.

Otherwise the jobs run in this process: ``run`` at once, ``start`` when the result is asked.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
import pickle
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, BinaryIO, Generic, TypeVar

T = TypeVar("T")

MIN_JOBS = 400


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_share() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and cores() >= 2 and threading.active_count() == 1


class Pending(Generic[T]):
    """A job started in a forked copy of this process (or, with ``fork`` false, left to run
    here when its result is asked). Used as a context manager, the copy is stopped if the
    result was never asked, on an error in between."""

    def __init__(self, job: Callable[[], T], *, fork: bool) -> None:
        self._job: Callable[[], T] | None = job
        self._value: T | None = None
        self._child: BaseProcess | None = None
        if fork:
            context = multiprocessing.get_context("fork")
            self._receiver, sender = context.Pipe(duplex=False)
            self._child = context.Process(target=_work, args=(job, sender), daemon=True)
            # What exists now is left out of garbage collection in both processes until the
            # result comes: collecting would walk it all again, and in the copy would write
            # to every object, copying its memory.
            gc.freeze()
            try:
                self._child.start()
            except BaseException:
                gc.unfreeze()
                raise
            finally:
                sender.close()

    def result(self) -> T:
        """The job's result, once it is done; an exception in the job is raised here."""
        if self._job is not None:
            job, self._job = self._job, None
            if self._child is None:
                self._value = job()
            else:
                try:
                    outcome, value = self._receiver.recv()
                finally:
                    self._stop()
                if outcome == "error":
                    raise value
                self._value = value
        return self._value  # type: ignore[return-value]  # set above, T may include None

    def _stop(self) -> None:
        if self._child is None:
            return
        child, self._child = self._child, None
        if child.is_alive() and self._job is not None:
            child.terminate()
        child.join()
        self._receiver.close()
        gc.unfreeze()

    def __enter__(self) -> Pending[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop()


def start(job: Callable[[], T], *, pieces: int) -> Pending[T]:
    """``job`` started in a forked copy while this process goes on, when that is safe and
    pays (``pieces``: how many pieces of work it holds; see the module's docstring)."""
    return Pending(job, fork=pieces >= MIN_JOBS and can_share())


def run(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """Each job's result, in order: part of them in a forked copy of this process when
    that is safe and pays (see the module's docstring). An exception in a job is raised
    here, whichever process ran it."""
    results: list[T] = [None] * len(jobs)  # type: ignore[list-item]  # all filled below
    for number, result in each(jobs):
        results[number] = result
    return results


def each(jobs: Sequence[Callable[[], T]]) -> Iterator[tuple[int, T]]:
    """Each job's number and result as soon as it is done, so that the caller holds one at
    a time: this process's as it runs them, then the copy's, read back from its file. The
    same results as ``run``'s, in another order."""
    if len(jobs) < MIN_JOBS or not can_share():
        for number, job in enumerate(jobs):
            yield number, job()
        return
    turn = multiprocessing.get_context("fork").Value("q", 0)  # the next job not yet taken
    with tempfile.TemporaryFile() as spool:
        with Pending(functools.partial(_take, jobs, turn, spool), fork=True) as pending:
            yield from _taken(jobs, turn)
            pending.result()  # the copy is done (or its exception raised here)
        spool.seek(0)
        while True:
            try:
                yield pickle.load(spool)  # noqa: S301 - written by the copy of this process
            except EOFError:
                break


def _taken(jobs: Sequence[Callable[[], T]], turn: Any) -> Iterator[tuple[int, T]]:
    """Each job not yet taken by the other process, taken and run: its number and result."""
    while True:
        with turn.get_lock():
            number = turn.value
            turn.value = number + 1
        if number >= len(jobs):
            return
        yield number, jobs[number]()


def _take(jobs: Sequence[Callable[[], T]], turn: Any, spool: BinaryIO) -> None:
    """In the copy: the jobs it takes, their numbers and results written to ``spool``."""
    for taken in _taken(jobs, turn):
        pickle.dump(taken, spool, protocol=pickle.HIGHEST_PROTOCOL)
    spool.flush()


def _work(job: Callable[[], Any], sender: Connection) -> None:
    """In the forked copy: run the job and send back its result, or the exception."""
    try:
        sender.send(("done", job()))
    except Exception as exc:  # sent to the parent, which raises it
        try:
            sender.send(("error", exc))
        except Exception:  # an exception that cannot be pickled
            sender.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        sender.close()
