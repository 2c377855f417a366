"""The outlets (data/sources.yml): the sites the texts were taken from and the publishers
they credit, each with a factual note on who publishes it.

An article's ``source`` and ``publisher`` are looked up here by name; the outlet's note
becomes a footnote on the article's metadata line, and the sources page lists them all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .glossary import citations
from .model import Article, Citation, Note, NoteKind, PlacedNote
from .notes import GENERATED_PREFIX
from .textnorm import match_key
from .validation import load_records, unique_forms

SOURCES_FILE = "sources.yml"
SOURCES_PAGE = "sources.md"
META_FIELDS = ("source", "publisher")


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    aliases: tuple[str, ...]
    provenance: str
    sources: tuple[Citation, ...]
    entity: str | None = None
    website: str | None = None
    line: int = 0

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def note(self) -> Note:
        return Note(f"{GENERATED_PREFIX}{self.id}", NoteKind.SOURCE, self.name, self.provenance, self.sources,
                    self.line)


@dataclass(frozen=True)
class Outlets:
    outlets: tuple[Outlet, ...]
    path: Path | None = None

    @cached_property
    def _by_name(self) -> dict[str, Outlet]:
        return {match_key(form): o for o in self.outlets for form in o.forms}

    def named(self, name: str | None) -> Outlet | None:
        return self._by_name.get(match_key(name)) if name else None

    def of(self, article: Article) -> dict[str, Outlet]:
        """The article's outlets by metadata field ("source", "publisher")."""
        found = {f: self.named(getattr(article, f)) for f in META_FIELDS}
        return {f: o for f, o in found.items() if o is not None}

    def notes(self, article: Article) -> list[PlacedNote]:
        """One note per outlet of the article, called from its metadata line."""
        outlets = list({o.id: o for o in self.of(article).values()}.values())
        return [PlacedNote(o.note(), None, 0) for o in outlets]

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self.outlets)

    def __len__(self) -> int:
        return len(self.outlets)


def load_outlets(path: Path) -> Outlets:
    data = load_records(path, "sources", "outlet", lambda records: unique_forms(
        records, path, "name", "aliases", hint="keep each name on one outlet"))
    return Outlets(tuple(
        Outlet(id=item["id"], name=item["name"], aliases=tuple(item.get("aliases") or ()),
               provenance=" ".join(item["provenance"].split()), sources=citations(item["sources"]),
               entity=item.get("entity"), website=item.get("website"), line=data.line_of(index))
        for index, item in enumerate(data)), path)
