"""``python -m build_tools.bench.peak FILE MODULE ARGS…``: run MODULE as ``python -m`` would,
then write this process's peak memory (kB) into FILE.

A child's own figures from ``wait4`` would count the benchmark's memory too (the child is
a copy of it until it starts the command); the kernel's high-water mark of this process,
read at its end, counts only the command. The peak of the largest copy the command forked to
share its work (``build_tools.parallel``) is added: an upper bound, since a copy shares most
of its memory with the process it was forked from."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path


def peak_kb() -> int:
    for line in Path("/proc/self/status").read_text("utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    import resource  # noqa: PLC0415 - where /proc is missing: the process's figure

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    out, module, *args = sys.argv[1:]
    sys.argv = [module, *args]
    status: int | str | None = 0
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        status = exc.code
    import resource  # noqa: PLC0415 - Unix only, as fork is

    forked = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child waited for, kB
    Path(out).write_text(str(peak_kb() + forked), "utf-8")
    return status if isinstance(status, int) else (0 if status is None else 1)


if __name__ == "__main__":
    sys.exit(main())
