"""The exceptions the command line prints cleanly (no traceback, exit status 1)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")


@dataclass(frozen=True)
class Problem:
    """One problem in an input file: where it is, what is wrong, how to fix it."""

    path: Path | str
    message: str
    line: int | None = None
    key: str | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = str(self.path) + (f":{self.line}" if self.line else "")
        key = f" [{self.key}]" if self.key else ""
        hint = f"\n    fix: {self.hint}" if self.hint else ""
        return f"{where}{key}: {self.message}{hint}"


class EditionError(Exception):
    """Base class: an error caused by the input, reported without a traceback."""


class InputError(EditionError):
    """One or more problems in seeds or editorial data, collected before failing."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, path: Path | str, message: str, *, line: int | None = None,
               key: str | None = None, hint: str | None = None) -> InputError:
        return cls([Problem(path, message, line=line, key=key, hint=hint)])


def together(first: Callable[[], A], second: Callable[[], B]) -> tuple[A, B]:
    """Both results; if either raises an ``InputError``, one ``InputError`` with the problems
    of both, so that an editor sees every problem at once."""
    problems: list[Problem] = []
    try:
        first_result = first()
    except InputError as exc:
        problems += exc.problems
    try:
        second_result = second()
    except InputError as exc:
        problems += exc.problems
    if problems:
        raise InputError(problems)
    return first_result, second_result
