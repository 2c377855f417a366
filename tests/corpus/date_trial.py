"""A trial: the publication date read from the corpus pages by the cleaner's own reader
(``text.dates.date_of_line``, the first line that is a date and nothing else) against
dateparser, strict and in French, on date-shaped lines only (at most 120 characters, with a
year). Counts, per split, the dates read right where the page shows one, and the dates read
where it shows none. Needs dateparser, which the edition does not depend on:

    pip install dateparser && python tests/corpus/date_trial.py

``--fallback`` asks instead whether dateparser would add to the whole cleaner: where the
cleaner reads no date, dateparser reads one, strict (a date-shaped line that is a date and
nothing else) or searching the line (``search_dates``: a date among other words), in French
and English, on the lines of the page's head (its lines over the article's first block).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import dateparser
from dateparser.search import search_dates

from build_tools.evaluate.corpus import CorpusFile, read_split
from build_tools.evaluate.score import cleaned
from build_tools.model import LineClass
from build_tools.text.dates import date_of_line

CORPUS = Path(__file__).parent
DATE_SHAPED = re.compile(r"\b(?:19|20)\d{2}\b")
SETTINGS = {"STRICT_PARSING": True, "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False}
LANGUAGES = ("fr", "en")  # the pages' dates in English too: "Wednesday, 15 January 2025"
SEARCH_SETTINGS = {"DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past",
                   "REQUIRE_PARTS": ["day", "month", "year"]}


def by_dateparser(lines: Iterable[str], languages: tuple[str, ...] = ("fr",)) -> dt.date | None:
    for line in lines:
        text = line.strip()
        if text and len(text) <= 120 and DATE_SHAPED.search(text):
            found = dateparser.parse(text, languages=list(languages), settings=SETTINGS)  # type: ignore[arg-type]
            if found is not None:
                return found.date()
    return None


def by_the_cleaner(lines: Iterable[str]) -> dt.date | None:
    return next((date for line in lines if line.strip() and (date := date_of_line(line.strip()))), None)


READERS: dict[str, Callable[[Iterable[str]], dt.date | None]] = {
    "the cleaner's date_of_line": by_the_cleaner, "dateparser": by_dateparser}


def head(file: CorpusFile) -> tuple[dt.date | None, list[str]]:
    """The cleaner's date of a page, and the lines of its head (over the article's first block)."""
    result = cleaned(file)
    first = next((i for i, cl in enumerate(result.lines) if cl.cls.is_body), len(result.lines))
    return result.detected.date, [cl.text.strip() for cl in result.lines[:first] if cl.cls is not LineClass.BLANK]


def strict(texts: list[str]) -> dt.date | None:
    return by_dateparser(texts, LANGUAGES)


def searched(texts: list[str]) -> dt.date | None:
    for text in texts:
        if len(text) <= 200 and DATE_SHAPED.search(text):
            found = search_dates(text, languages=list(LANGUAGES), settings=SEARCH_SETTINGS)  # type: ignore[arg-type]
            if found:
                return found[0][1].date()
    return None


def fallback() -> None:
    for split in ("dev", "test"):
        pages = [(file, *head(file)) for file in read_split(CORPUS / split)]
        shown = sum(file.date is not None for file, _, _ in pages)
        for name, read in (("the cleaner alone", None), ("then dateparser, strict", strict),
                           ("then dateparser, search_dates", searched)):
            right = wrong = spurious = 0
            for file, mine, texts in pages:
                date = mine if mine is not None or read is None else read(texts)
                right += file.date is not None and date == file.date
                wrong += file.date is not None and date is not None and date != file.date
                spurious += file.date is None and date is not None
            print(f"{split}: {name}: {right}/{shown} right, {wrong} wrong, "
                  f"{spurious} read of the {len(pages) - shown} pages that show none")


def main() -> None:
    if "--fallback" in sys.argv:
        fallback()
        return
    for split in ("dev", "test"):
        files = read_split(CORPUS / split)
        for name, read in READERS.items():
            right = shown = spurious = 0
            started = time.perf_counter()
            for file in files:
                date = read(line.text for line in file.lines)
                if file.date:
                    shown += 1
                    right += date == file.date
                elif date is not None:
                    spurious += 1
                    print(f"  {file.name}: {name} read {date}, the page shows no date")
            print(f"{split}: {name}: {right}/{shown} right, {spurious} read where the page shows none "
                  f"({(time.perf_counter() - started) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
