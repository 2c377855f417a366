"""Editorial notes written by editors: data/notes/<seed file stem>.yml.

Each note is anchored on an exact quotation of the article; ``annotate`` places it (the
quotation must occur exactly once) and the page shows it as a footnote called right after
the quotation."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError, Problem
from .glossary import citations
from .model import Note, NoteKind, Seed
from .validation import unique_ids, validate
from .yamlio import LocatedDict, LocatedList, load_yaml

NOTES_DIR = "notes"
GENERATED_PREFIX = "source-"


def notes_path(data_dir: Path, seed: Seed) -> Path:
    return data_dir / NOTES_DIR / f"{seed.stem}.yml"


def load_notes(path: Path) -> tuple[Note, ...]:
    data = load_yaml(path) if path.exists() else None
    if data is None:
        return ()
    problems = validate(data, "notes", path)
    if not problems:
        assert isinstance(data, LocatedList)
        problems = unique_ids(data, path, "note")
        problems += [Problem(path, f"note ids starting with {GENERATED_PREFIX!r} are reserved for the outlets' "
                                   "notes", line=item.line_of("id"), key="id", hint="choose another id")
                     for item in data if item["id"].startswith(GENERATED_PREFIX)]
    if problems:
        raise InputError(problems)
    notes = []
    for index, item in enumerate(data):
        assert isinstance(item, LocatedDict)
        notes.append(Note(id=item["id"], kind=NoteKind(item["kind"]), quote=item["quote"],
                          text=" ".join(item["text"].split()), sources=citations(item.get("sources")),
                          line=data.line_of(index)))
    return tuple(notes)
