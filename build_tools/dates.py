"""French dates: the strict forms that make up a dateline or a date line, and display."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "janvier": 1, "janv": 1, "jan": 1,
    "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2,
    "mars": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "août": 8, "aout": 8,
    "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}
MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
               "septembre", "octobre", "novembre", "décembre")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
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
