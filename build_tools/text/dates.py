"""French dates: the months and weekdays, a line that is exactly one date, and how the
edition writes a date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .normalize import fold

MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
               "septembre", "octobre", "novembre", "décembre")
# The abbreviations French sites write (followed by a dot in running text), by month number.
MONTH_ABBREVIATIONS = {"janv": 1, "jan": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9, "sep": 9,
                       "oct": 10, "nov": 11, "déc": 12}
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _with_unaccented(forms: dict[str, int]) -> dict[str, int]:
    """Each form, and the same without its accents ("fevrier", "aout"), as many write it."""
    return {**forms, **{fold(form): month for form, month in forms.items()}}


FULL_MONTHS = _with_unaccented({name: number for number, name in enumerate(MONTH_NAMES, start=1)})
ABBREVIATED_MONTHS = _with_unaccented(MONTH_ABBREVIATIONS)
# Every way a month is written, in lower case: its number.
MONTHS = {**FULL_MONTHS, **ABBREVIATED_MONTHS}


def alternatives(forms: Iterable[str]) -> str:
    """A regular expression that matches any of ``forms``, with or without its accents
    ("f[ée]vrier"), the longest first (so that "septembre" is not read as "sept")."""
    forms = set(forms)
    unaccented_twins = {fold(form) for form in forms if fold(form) != form}
    patterns = {"".join(f"[{c}{fold(c)}]" if fold(c) != c else re.escape(c) for c in form): len(form)
                for form in forms - unaccented_twins}
    return "|".join(sorted(patterns, key=lambda pattern: (-patterns[pattern], pattern)))


_MONTH_ALT = alternatives(MONTHS)
_WEEKDAY_ALT = "|".join(WEEKDAYS)
# "mercredi 26 novembre 2025", "1er mars 2025", "6 nov. 2025"
WRITTEN_DATE = re.compile(
    rf"(?:(?:{_WEEKDAY_ALT}),?\s+)?(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH_ALT})\.?"
    rf"\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
# "23 - 01 - 2025", "23/01/2025", "23.01.2025"
NUMERIC_DATE = re.compile(
    r"(?P<day>\d{1,2})\s*(?P<sep>[-/.])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*(?P<year>\d{4})")


def _make(year: str, month: int, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The date of a string that is exactly one French date (surrounding spaces allowed)."""
    text = text.strip().replace("\u00a0", " ")
    if m := WRITTEN_DATE.fullmatch(text):
        return _make(m["year"], MONTHS[m["month"].lower()], m["day"])
    if m := NUMERIC_DATE.fullmatch(text):
        return _make(m["year"], int(m["month"]), m["day"])
    return None


def format_date(date: dt.date) -> str:
    """French display: "23 janvier 2025", "1er mars 2025"."""
    day = "1er" if date.day == 1 else str(date.day)
    return f"{day} {MONTH_NAMES[date.month - 1]} {date.year}"


def date_label(iso: str) -> str:
    """A date of any precision, as the edition writes it: "2026", "mars 2026", "1er août 2023"."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    return format_date(dt.date(*parts))
