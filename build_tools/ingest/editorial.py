"""What editors write about one article, beside its seed: its metadata
(``data/articles/<seed stem>.yml``) and its notes (``data/notes/<seed stem>.yml``).

Text alone cannot always tell an article's title, date or publisher: anything given in the
metadata file overrides what the cleaner detected; its ``keep`` and ``remove`` lists name
lines of the seed (by an exact quotation) the cleaner got wrong, and its ``mentions`` pin
single occurrences of entities. Each note is anchored on an exact quotation of the article
(``annotate`` places it). A file whose seed does not exist is an error: it would be
silently ignored otherwise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import InputError, Problem
from ..model import OUTLET_NOTE_PREFIX, ArticleMeta, Genre, LineQuote, MentionPin, Note, NoteKind, Seed
from ..registers.records import citations
from ..registers.validation import load_records, validate
from ..registers.yamlio import LocatedDict, LocatedList, load_yaml

EDITORIAL_SUFFIX = ".yml"
META_DIR = "articles"
NOTES_DIR = "notes"


def meta_path(data_dir: Path, seed: Seed) -> Path:
    return data_dir / META_DIR / f"{seed.stem}{EDITORIAL_SUFFIX}"


def notes_path(data_dir: Path, seed: Seed) -> Path:
    return data_dir / NOTES_DIR / f"{seed.stem}{EDITORIAL_SUFFIX}"


def load_meta(path: Path) -> ArticleMeta:
    if not path.exists():
        return ArticleMeta()
    data = load_yaml(path)
    if data is None:
        return ArticleMeta(path=path)
    problems = validate(data, "article-meta", path)
    date = None
    if isinstance(data, LocatedDict) and not problems and "date" in data:
        try:
            date = dt.date.fromisoformat(data["date"])
        except ValueError:
            problems.append(Problem(path, f"{data['date']!r} is not a real date", line=data.line_of("date"),
                                    key="date", hint="write the date as YYYY-MM-DD"))
    if problems:
        raise InputError(problems)
    pins_data = data.get("mentions") or LocatedList()
    pins = tuple(MentionPin(p["quote"], p["text"], p["entity"], pins_data.line_of(i))
                 for i, p in enumerate(pins_data))
    def quotes(key: str) -> tuple[LineQuote, ...]:
        items = data.get(key) or LocatedList()
        return tuple(LineQuote(quote, items.line_of(i)) for i, quote in enumerate(items))

    return ArticleMeta(title=data.get("title"), slug=data.get("slug"), date=date,
                       author=data.get("author"), source=data.get("source"),
                       publisher=data.get("publisher"), original_url=data.get("original_url"),
                       genre=Genre(data.get("genre", Genre.NEWS)),
                       path=path, pins=pins, keep=quotes("keep"), remove=quotes("remove"))


def load_notes(path: Path) -> tuple[Note, ...]:
    data = load_records(path, "notes", "note", lambda records: [
        Problem(path, f"note ids starting with {OUTLET_NOTE_PREFIX!r} are reserved for the outlets' notes",
                line=item.line_of("id"), key="id", hint="choose another id")
        for item in records if item["id"].startswith(OUTLET_NOTE_PREFIX)])
    return tuple(Note(id=item["id"], kind=NoteKind(item["kind"]), quote=item["quote"],
                      text=" ".join(item["text"].split()), sources=citations(item.get("sources")),
                      line=data.line_of(index), as_of=item.get("as_of"))
                 for index, item in enumerate(data))


def orphan_files(data_dir: Path, seeds: list[Seed]) -> list[Problem]:
    """A problem for each metadata or notes file whose seed does not exist."""
    stems = {seed.stem for seed in seeds}
    problems = []
    for folder, what in ((META_DIR, "metadata"), (NOTES_DIR, "notes")):
        if (data_dir / folder).is_dir():
            problems += [Problem(p, f"no seed named {p.stem}.txt for this {what} file",
                                 hint="rename it after its seed file, or delete it")
                         for p in sorted((data_dir / folder).glob(f"*{EDITORIAL_SUFFIX}")) if p.stem not in stems]
    return problems
