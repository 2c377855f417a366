"""Editorial notes written by editors: data/notes/<seed file stem>.yml.

Each note is anchored on an exact quotation of the article; ``annotate`` places it (the
quotation must occur exactly once) and the page shows it as a footnote called right after
the quotation."""

from __future__ import annotations

from pathlib import Path

from .errors import Problem
from .glossary import citations
from .model import Note, NoteKind, Seed
from .validation import load_records

NOTES_DIR = "notes"
GENERATED_PREFIX = "source-"


def notes_path(data_dir: Path, seed: Seed) -> Path:
    return data_dir / NOTES_DIR / f"{seed.stem}.yml"


def load_notes(path: Path) -> tuple[Note, ...]:
    data = load_records(path, "notes", "note", lambda records: [
        Problem(path, f"note ids starting with {GENERATED_PREFIX!r} are reserved for the outlets' notes",
                line=item.line_of("id"), key="id", hint="choose another id")
        for item in records if item["id"].startswith(GENERATED_PREFIX)])
    return tuple(Note(id=item["id"], kind=NoteKind(item["kind"]), quote=item["quote"],
                      text=" ".join(item["text"].split()), sources=citations(item.get("sources")),
                      line=data.line_of(index))
                 for index, item in enumerate(data))
