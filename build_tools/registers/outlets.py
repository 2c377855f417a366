"""The outlets (data/sources.yml): the sites the texts were taken from and the publishers
they credit, each with a factual note on who publishes it.

An article's ``source`` (the outlet it credits) and ``publisher`` (the site it was taken
from) are looked up here by name; the outlet's note becomes a footnote on the article's
metadata line, and the sources page lists them all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import OUTLET_NOTE_PREFIX, Article, Citation, Note, NoteKind, PlacedNote
from .records import Records, citations
from .validation import load_records, unique_forms

OUTLETS_FILE = "sources.yml"
# The fields of an article that name an outlet.
OUTLET_FIELDS = ("source", "publisher")


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
    as_of: str | None = None  # the month the provenance holds for (YYYY-MM)

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def note(self) -> Note:
        return Note(f"{OUTLET_NOTE_PREFIX}{self.id}", NoteKind.SOURCE, self.name, self.provenance, self.sources,
                    self.line, self.as_of)


class Outlets(Records[Outlet]):
    def of(self, article: Article) -> dict[str, Outlet]:
        """The article's outlets by metadata field ("source", "publisher")."""
        found = {f: self.named(getattr(article, f)) for f in OUTLET_FIELDS}
        return {f: o for f, o in found.items() if o is not None}

    def notes(self, article: Article) -> list[PlacedNote]:
        """One note per outlet of the article, called from its metadata line."""
        outlets = list({o.id: o for o in self.of(article).values()}.values())
        return [PlacedNote(o.note(), None, 0) for o in outlets]


def load_outlets(path: Path) -> Outlets:
    data = load_records(path, "sources", "outlet", lambda records: unique_forms(
        records, path, "name", "aliases", hint="keep each name on one outlet"))
    return Outlets(tuple(
        Outlet(id=item["id"], name=item["name"], aliases=tuple(item.get("aliases") or ()),
               provenance=" ".join(item["provenance"].split()), sources=citations(item["sources"]),
               entity=item.get("entity"), website=item.get("website"), line=data.line_of(index),
               as_of=item.get("as_of"))
        for index, item in enumerate(data)), path)
