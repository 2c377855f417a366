"""A trial: the publication date read from the corpus pages by the cleaner's own reader
(``text.dates.date_of_line``, the first line that is a date and nothing else) against
dateparser, strict and in French, on date-shaped lines only (at most 120 characters, with a
year). Counts, per split, the dates read right where the page shows one, and the dates read
where it shows none. Needs dateparser, which the edition does not depend on:

    pip install dateparser && python tests/corpus/date_trial.py
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import dateparser

from build_tools.evaluate.corpus import read_split
from build_tools.text.dates import date_of_line

CORPUS = Path(__file__).parent
DATE_SHAPED = re.compile(r"\b(?:19|20)\d{2}\b")
SETTINGS = {"STRICT_PARSING": True, "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False}


def by_dateparser(lines: Iterable[str]) -> dt.date | None:
    for line in lines:
        text = line.strip()
        if text and len(text) <= 120 and DATE_SHAPED.search(text):
            found = dateparser.parse(text, languages=["fr"], settings=SETTINGS)  # type: ignore[arg-type]
            if found is not None:
                return found.date()
    return None


def by_the_cleaner(lines: Iterable[str]) -> dt.date | None:
    return next((date for line in lines if line.strip() and (date := date_of_line(line.strip()))), None)


READERS: dict[str, Callable[[Iterable[str]], dt.date | None]] = {
    "the cleaner's date_of_line": by_the_cleaner, "dateparser": by_dateparser}


def main() -> None:
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
