"""The evaluation corpus: real pages saved as scrapers save them, every line labelled.

A corpus file (``tests/corpus/README.md`` gives the format) holds a header (the page's
address, its outlet, the title, author and date it shows) and the page's lines, each with
its label. ``raw`` writes the page back as the scraper saved it (line ends, byte-order
mark), which is what the cleaner is given."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..errors import InputError, Problem

SUFFIX = ".txt"
SEPARATOR = "---"
SPLITS = ("dev", "test")


class Role(StrEnum):
    """What the cleaner must do with a line: keep it in the article, or leave it out
    (metadata it may read, page furniture it must drop)."""

    ARTICLE = "article"
    METADATA = "metadata"
    FURNITURE = "furniture"


LABELS: dict[str, Role] = {
    "body": Role.ARTICLE, "heading": Role.ARTICLE,
    "title": Role.METADATA, "byline": Role.METADATA, "date": Role.METADATA, "source": Role.METADATA,
    **dict.fromkeys((
        "menu", "breadcrumb", "cookie", "share", "subscribe", "paywall", "newsletter", "ad", "caption",
        "credit", "video", "bio", "tags", "related", "most-read", "comments", "ticker", "reading-time",
        "updated", "other"), Role.FURNITURE),
}
KINDS = ("quotidien-national", "quotidien-regional", "depeche", "site-tech", "site-economique", "magazine",
         "radio-tele", "blog", "agregateur", "institution")
REQUIRED = ("url", "outlet", "kind", "country")
KEYS = (*REQUIRED, "title", "author", "date", "saved", "clutter-from", "note")
NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}
_COUNTRY = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class GoldLine:
    number: int  # 1-based, as in the raw page
    label: str | None  # None: a blank line
    text: str

    @property
    def role(self) -> Role | None:
        return None if self.label is None else LABELS[self.label]


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    split: str
    url: str
    outlet: str
    kind: str
    country: str
    title: str | None
    author: str | None
    date: dt.date | None
    newline: str
    bom: bool
    lines: tuple[GoldLine, ...]

    @property
    def name(self) -> str:
        return f"{self.split}/{self.path.stem}"

    def raw(self) -> bytes:
        """The page as the scraper saved it."""
        text = "".join(line.text + self.newline for line in self.lines)
        return (("\ufeff" if self.bom else "") + text).encode("utf-8")


def _saved(value: str, line: int, path: Path) -> tuple[str, bool]:
    words = value.split()
    newlines = [w for w in words if w in NEWLINES]
    if len(newlines) > 1 or any(w not in NEWLINES and w != "bom" for w in words):
        raise InputError.single(path, f"saved: {value!r} is not a way to save a file", line=line, key="saved",
                                hint="write lf, crlf or cr, with bom added if the file starts with one")
    return NEWLINES[newlines[0] if newlines else "lf"], "bom" in words


def _header(rows: list[str], path: Path, problems: list[Problem]) -> dict[str, tuple[str, int]]:
    """Each header key's value and line."""
    header: dict[str, tuple[str, int]] = {}
    for number, row in enumerate(rows, start=1):
        key, colon, value = row.partition(":")
        key = key.strip()
        if not colon or key not in KEYS:
            problems.append(Problem(path, f"not a header line: {row!r}", line=number,
                                    hint=f"write one of {', '.join(KEYS)}, a colon, and its value"))
        elif key in header:
            problems.append(Problem(path, f"{key!r} given twice", line=number, key=key))
        else:
            header[key] = (value.strip(), number)
    for key in REQUIRED:
        if not header.get(key, ("", 0))[0]:
            problems.append(Problem(path, f"the header has no {key!r}", key=key, hint=f"add '{key}: …'"))
    for key, allowed, what in (("kind", KINDS.__contains__, f"one of {', '.join(KINDS)}"),
                               ("country", _COUNTRY.fullmatch, "two capital letters (FR, BE, CH, CA…)")):
        value, number = header.get(key, ("", 0))
        if value and not allowed(value):
            problems.append(Problem(path, f"{key} {value!r} is not {what}", line=number, key=key))
    return header


def _page_lines(rows: list[str], first: int, path: Path, problems: list[Problem]) -> tuple[GoldLine, ...]:
    """The labelled lines, the first on the file's line ``first``."""
    lines: list[GoldLine] = []
    for number, row in enumerate(rows, start=1):
        if row == "":
            lines.append(GoldLine(number, None, ""))
            continue
        label, tab, text = row.partition("\t")
        if not tab or label not in LABELS or not text.strip():
            problems.append(Problem(path, f"page line {number}: not 'label<TAB>text': {row[:60]!r}",
                                    line=first + number - 1,
                                    hint=f"start it with one of {', '.join(LABELS)} and a tab"))
        else:
            lines.append(GoldLine(number, label, text))
    if not any(line.role is Role.ARTICLE for line in lines):
        problems.append(Problem(path, "no line labelled body or heading", hint="label the article's paragraphs body"))
    return tuple(lines)


def _date(header: dict[str, tuple[str, int]], path: Path, problems: list[Problem]) -> dt.date | None:
    value, number = header.get("date", ("", 0))
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(path, f"date {value!r} is not YYYY-MM-DD", line=number, key="date"))
        return None


def read_file(path: Path, split: str | None = None) -> CorpusFile:
    """One corpus file; every malformed line is reported with its number."""
    rows = path.read_text("utf-8").split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    if SEPARATOR not in rows:
        raise InputError.single(path, f"no line {SEPARATOR!r} between the header and the page's lines",
                                hint="write the header (key: value), then ---, then the labelled lines")
    end = rows.index(SEPARATOR)
    problems: list[Problem] = []
    header = _header(rows[:end], path, problems)
    lines = _page_lines(rows[end + 1:], end + 2, path, problems)
    date = _date(header, path, problems)
    newline, bom = "\n", False
    if "saved" in header:
        try:
            newline, bom = _saved(*header["saved"], path)
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    value = {key: v for key, (v, _) in header.items()}
    return CorpusFile(path=path, split=split or path.parent.name, url=value["url"], outlet=value["outlet"],
                      kind=value["kind"], country=value["country"], title=value.get("title") or None,
                      author=value.get("author") or None, date=date, newline=newline, bom=bom, lines=lines)


def read_split(folder: Path) -> list[CorpusFile]:
    """Every file of one split, in name order; the problems of all of them at once."""
    files, problems = [], []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            files.append(read_file(path, folder.name))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return files
