"""Independent pieces of work shared with a second core.

Rendering the pages of a large edition is most of the generator's time, and each page
needs only what is already in memory (the articles, the registers, the cross-references).
So, when it is worth it, a copy of this process is forked: it renders every other page
while this process renders the rest, and sends its pages back through a pipe. The copy
needs nothing sent to it (the fork gives it the whole state) and its pages come back in
the same order, so the result is the same as with one process, byte for byte.

It is done only where it is safe and pays:

- the platform forks (Linux; not Windows, and not macOS's default);
- the machine gives this process two cores or more;
- no other thread runs (a fork copies only the calling thread: a lock another thread holds
  would stay locked in the copy). ``mkdocs serve`` runs threads, so its rebuilds stay in
  one process; ``mkdocs build`` and ``python -m build_tools build`` do not;
- there are at least ``MIN_JOBS`` pieces: on a small edition the fork and the pipe cost
  more than they save.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")

MIN_JOBS = 400


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_share() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and cores() >= 2 and threading.active_count() == 1


def run(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """Each job's result, in order: half of them in a forked copy of this process when
    that is safe and pays (see the module's docstring). An exception in a job is raised
    here, whichever process ran it."""
    if len(jobs) < MIN_JOBS or not can_share():
        return [job() for job in jobs]
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    theirs = jobs[1::2]  # every other job: big and small pages spread evenly
    child = context.Process(target=_work, args=(theirs, sender), daemon=True)
    # What exists now is left out of garbage collection in both processes: collecting would
    # walk it all again, and in the copy would write to every object, copying its memory.
    gc.freeze()
    try:
        child.start()
        sender.close()
        mine = [job() for job in jobs[0::2]]
        outcome, value = receiver.recv()
    except BaseException:
        child.terminate()
        raise
    finally:
        gc.unfreeze()
        child.join()
        receiver.close()
    if outcome == "error":
        raise value
    results: list[Any] = [None] * len(jobs)
    results[0::2], results[1::2] = mine, value
    return results


def _work(jobs: Sequence[Callable[[], Any]], sender: Connection) -> None:
    """In the forked copy: run the jobs and send back their results, or the exception."""
    try:
        sender.send(("done", [job() for job in jobs]))
    except Exception as exc:  # sent to the parent, which raises it
        try:
            sender.send(("error", exc))
        except Exception:  # an exception that cannot be pickled
            sender.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        sender.close()
