"""What the three registers have in common: records with an id, a line in their file and
the forms they are named by, kept in the file's order and found by id or by name."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from ..model import Citation
from ..text.normalize import match_key
from .yamlio import LocatedList


class Record(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def forms(self) -> tuple[str, ...]: ...


R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Records(Generic[R]):
    """The records of a register, in the order of its file (``path``)."""

    items: tuple[R, ...]
    path: Path | None = None

    @cached_property
    def by_id(self) -> dict[str, R]:
        return {record.id: record for record in self.items}

    @cached_property
    def by_form(self) -> dict[str, R]:
        """Each record by each of its forms, as names are compared (``match_key``)."""
        return {match_key(form): record for record in self.items for form in record.forms}

    def get(self, record_id: str) -> R | None:
        return self.by_id.get(record_id)

    def __getitem__(self, record_id: str) -> R:
        return self.by_id[record_id]

    def named(self, name: str | None) -> R | None:
        """The record one of whose forms ``name`` is, if any."""
        return self.by_form.get(match_key(name)) if name else None

    def __iter__(self) -> Iterator[R]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def citations(data: LocatedList | None) -> tuple[Citation, ...]:
    """The sources of a record or a note, as written in its file."""
    return tuple(Citation(" ".join(s["title"].split()), s.get("url")) for s in data or ())
