"""The cleaner scored against a corpus file's labels.

Each labelled line of the page is either kept in the article's body by the cleaner or left
out. An article line (``body``, ``heading``) left out is *lost*, the worst error; any other
line kept is a *leak* (page furniture, or a title, byline or date left in the text). The
title, author and date the cleaner reads from the text are compared with those the page
shows."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from ..editor.report import preview
from ..ingest.clean import clean
from ..ingest.seeds import source_lines
from ..model import CleanResult, MetaField
from .corpus import CorpusFile, Role


class ErrorKind(StrEnum):
    LOST = "lost"  # an article line left out
    LEAK = "leak"  # a line that is not the article kept in it
    TITLE = "title"
    AUTHOR = "author"
    DATE = "date"


@dataclass(frozen=True)
class EvalError:
    file: str  # split/name
    kind: ErrorKind
    line: int | None  # of the page, for a line's error
    expected: str  # what the label or the header says
    got: str  # what the cleaner did or read
    text: str = ""

    def __str__(self) -> str:
        where = f"{self.file}" + (f":{self.line}" if self.line else "")
        shown = f" «{preview(self.text, 90)}»" if self.text else ""
        return f"{where}: {self.kind} ({self.expected}; {self.got}){shown}"


@dataclass
class Counts:
    """What the scores are made of; they add up over files."""

    article_lines: int = 0
    article_kept: int = 0
    other_lines: int = 0  # furniture and metadata lines: the cleaner must leave them out
    other_removed: int = 0
    removed: int = 0  # every line the cleaner left out
    titles: int = 0  # files: all (a page without a title must get none)
    titles_right: int = 0
    authors: int = 0  # files: all (likewise)
    authors_right: int = 0
    authors_misread: int = 0  # files whose author the cleaner reads wrong (not those it finds none in)
    authors_doubted: int = 0  # files whose author the cleaner reads and asks an editor to confirm
    authors_doubted_wrong: int = 0
    dates: int = 0  # files whose page shows a date
    dates_right: int = 0
    undated: int = 0  # files whose page shows none: the cleaner must read none
    undated_right: int = 0

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float | None]:
        """Each score between 0 and 1 (None when there is nothing to score)."""
        def ratio(part: int, whole: int) -> float | None:
            return round(part / whole, 4) if whole else None
        return {
            "article_recall": ratio(self.article_kept, self.article_lines),
            "clutter_recall": ratio(self.other_removed, self.other_lines),
            "clutter_precision": ratio(self.other_removed, self.removed),
            "title": ratio(self.titles_right, self.titles),
            "author": ratio(self.authors_right, self.authors),
            # every misread author doubted (all of none, when none is misread)
            "misread_authors_doubted": ratio(self.authors_doubted_wrong, self.authors_misread)
            if self.authors_misread else 1.0,
            "doubted_authors_wrong": ratio(self.authors_doubted_wrong, self.authors_doubted),
            "date": ratio(self.dates_right, self.dates),
            "no_date": ratio(self.undated_right, self.undated),
        }


@dataclass
class FileScore:
    name: str
    counts: Counts
    errors: list[EvalError] = field(default_factory=list)


def _same(a: str | None, b: str | None) -> bool:
    def norm(s: str | None) -> str:
        return " ".join(unicodedata.normalize("NFKC", s).casefold().split()) if s else ""
    return norm(a) == norm(b)


def cleaned(file: CorpusFile) -> CleanResult:
    """What the cleaner makes of the page, read from its bytes as a seed is."""
    lines, _ = source_lines(file.raw(), file.path)
    return clean(lines)


def score_file(file: CorpusFile) -> FileScore:
    result = cleaned(file)
    kept = {block.line for block in result.blocks}
    counts, errors = Counts(), []
    for gold in file.lines:
        if gold.role is None:
            continue
        is_kept = gold.number in kept
        counts.removed += not is_kept
        if gold.role is Role.ARTICLE:
            counts.article_lines += 1
            counts.article_kept += is_kept
            if not is_kept:
                reason = next((r.reason for r in result.removed if r.line == gold.number), None)
                errors.append(EvalError(file.name, ErrorKind.LOST, gold.number, gold.label or "",
                                        f"left out as {reason}", gold.text))
        else:
            counts.other_lines += 1
            counts.other_removed += not is_kept
            if is_kept:
                errors.append(EvalError(file.name, ErrorKind.LEAK, gold.number, gold.label or "",
                                        "kept in the text", gold.text))
    found = result.detected
    counts.titles, counts.authors = 1, 1
    counts.titles_right = _same(found.title, file.title)
    counts.authors_right = _same(found.author, file.author)
    if not counts.titles_right:
        errors.append(EvalError(file.name, ErrorKind.TITLE, None, repr(file.title), f"read {found.title!r}"))
    counts.authors_misread = found.author is not None and not counts.authors_right
    counts.authors_doubted = any(d.field is MetaField.AUTHOR for d in found.doubts)
    counts.authors_doubted_wrong = counts.authors_doubted and not counts.authors_right
    if not counts.authors_right:
        read = f"read {found.author!r}" + (", doubted" if counts.authors_doubted else "")
        errors.append(EvalError(file.name, ErrorKind.AUTHOR, None, repr(file.author), read))
    if file.date is not None:
        counts.dates = 1
        counts.dates_right = found.date == file.date
    else:
        counts.undated = 1
        counts.undated_right = found.date is None
    if found.date != file.date:
        errors.append(EvalError(file.name, ErrorKind.DATE, None, _date(file.date), f"read {_date(found.date)}"))
    return FileScore(file.name, counts, errors)


def _date(date: dt.date | None) -> str:
    return date.isoformat() if date else "none"


def total(scores: Iterable[FileScore]) -> Counts:
    counts = Counts()
    for one in scores:
        counts.add(one.counts)
    return counts


def errors_of(scores: Sequence[FileScore]) -> list[EvalError]:
    return [error for one in scores for error in one.errors]
