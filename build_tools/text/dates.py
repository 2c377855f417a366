"""French dates: the months and weekdays, a line that is exactly one date, and how the
edition writes a date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import NamedTuple

from .normalize import fold

MONTH_NAMES = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
               "septembre", "octobre", "novembre", "décembre")
# The abbreviations French sites write (followed by a dot in running text), by month number.
MONTH_ABBREVIATIONS = {"janv": 1, "jan": 1, "févr": 2, "fév": 2, "mar": 3, "avr": 4, "juil": 7, "aoû": 8,
                       "sept": 9, "sep": 9, "oct": 10, "nov": 11, "déc": 12}  # "mar", "aoû": actu.fr's three letters
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
# "mercredi 26 novembre 2025", "1er mars 2025", "6 nov. 2025", "13 novembre, 2025"
WRITTEN_DATE = re.compile(
    rf"(?:(?:{_WEEKDAY_ALT}),?\s+)?(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH_ALT})\.?"
    rf",?\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
# "23 - 01 - 2025", "23/01/2025", "23.01.2025", "23·01·2025"
NUMERIC_DATE = re.compile(
    r"(?P<day>\d{1,2})\s*(?P<sep>[-/.·])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*(?P<year>\d{4})")


# A date in English, as a platform's page writes it beside a French text (Medium): "Dec 9,
# 2019", "December 9, 2019"; read only on a line that gives a date and nothing else.
ENGLISH_MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for name in names}
ENGLISH_DATE = re.compile(
    rf"\b(?P<month>{alternatives(ENGLISH_MONTHS)})\.?\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})", re.IGNORECASE)


# "27 Mar 20": a written date with a year of two figures, read only in a line that gives a
# date and nothing else ("Publié le 27 Mar 20 à 9:21", actu.fr).
SHORT_WRITTEN_DATE = re.compile(
    rf"(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH_ALT})\.?\s+(?P<year>\d{{2}})(?!\d)", re.IGNORECASE)


# "02/11/23", "07.04.17", "05·09·23": a year of two figures, read in a line that gives a date
# and nothing else ("Publié le 02/11/23 à 16h33"), never in a sentence, where "3/4/25" may be
# anything; with full stops or middle dots, only with two figures each ("1.2.3" numbers a
# section).
SHORT_NUMERIC_DATE = re.compile(r"(?<![\d/.·])(?=\d{1,2}/\d{1,2}/|\d\d\.\d\d\.|\d\d·\d\d·)"
                                r"(?P<day>\d{1,2})(?P<sep>[/.·])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{2})(?![\d/]|\.\d)")
CENTURY = 2000


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


def first_date(text: str) -> dt.date | None:
    """The first French date written in words or figures inside a string ("Par X, le 11
    juin 2024 à 03h28 Durée 4 min.")."""
    text = text.replace("\u00a0", " ")
    found = [(m.start(), _make(m["year"], MONTHS[m["month"].lower()], m["day"])) for m in WRITTEN_DATE.finditer(text)]
    found += [(m.start(), _make(m["year"], int(m["month"]), m["day"])) for m in NUMERIC_DATE.finditer(text)]
    return min(((at, date) for at, date in found if date is not None), default=(0, None))[1]


def tells_when(text: str) -> bool:
    """Whether a string holds a French date or a time of day: "par JPA le 7 mai 2020 -
    12:38", "(22 juin 2018 @11h13)"."""
    return first_date(text) is not None or _TIME.search(text) is not None


# "2025-08-02", "2025-01-25T05:00:00Z", "2025-08-02 14:05:00+02:00"
ISO_DATE = re.compile(
    r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)")
# "14h05", "14 h", "08:57", "14:05:00", with a time zone.
_TIME = re.compile(r"(?<!\d)\d{1,2}\s*(?:h|:)\s*(?:\d{2}(?:\s*:\s*\d{2}|\s*min\b)?)?(?!\d)"
                   r"(?:\s*(?:UTC|GMT|CET|CEST|HNE|HAE))?", re.IGNORECASE)
# Words a date line says around its dates: "Publié le … à …, mis à jour le …", "Date de
# création : …".
_DATE_WORDS = re.compile(
    r"\b(?:publi[ée]e?s?|mise?s?|à|a|jour|modifi[ée]e?|modification|actualis[ée]e?|en|ligne|le|la|du|l'|dernière|derniere|"
    r"édition|edition|semaine|date|de|publication|et|updated|published|on|at|écrit|rédigé|paru|création|créée?|"
    + _WEEKDAY_ALT + r")\b", re.IGNORECASE)
DATE_LINE_MAX_CHARS = 120
# The reading time a date line may end with: "Publié le 27 octobre 2023 à 15h01 Lecture 1 min."
_READING_TIME = re.compile(r"(?:(?:temps de )?lecture\s*:?\s*\d+\s*min(?:utes?)?\.?|\d+\s*min read)\s*$",
                           re.IGNORECASE)


# "Agence de presse Xinhua | 21. 06. 2025": who published it, then the date, apart by a mark.
_PUBLISHER_APART = re.compile(r"\s+[|·•–—-]\s+")
# A date, then a comma, then who published it: "13.10.2020, Yannis Papadaniel"; the words
# of a name written in small letters.
_COMMA = re.compile(r",\s+")
_NAME_PARTICLES = frozenset({"de", "du", "des", "d'", "la", "le", "van", "von", "der", "et"})
PUBLISHER_MAX_WORDS = 5


def date_of_line(text: str) -> dt.date | None:
    """The date a line gives when it gives a date and nothing else, as French sites write
    it: "samedi 2 août 2025", "02/08/2025", "02.08.2025 à 14h05", "2025-08-02T14:05:00Z",
    "Publié le 2 août 2025 Mis à jour le 3 août 2025" (the first: the publication), or
    a date beside the name of who published it, apart by a mark ("Agence de presse
    Xinhua | 21. 06. 2025", "French.china.org.cn | Mis à jour le 21-06-2025")."""
    date = _date_alone(text)
    return date if date is not None else next((date for _, date in _published_by(text)), None)


def publisher_of_line(text: str) -> str | None:
    """Who published it, when a line gives a date beside a name ("Marie Merlet | lundi 9
    décembre 2019 à 09h08", "Agence de presse Xinhua | 21. 06. 2025")."""
    return None if _date_alone(text) is not None else next((name.strip() for name, _ in _published_by(text)), None)


def _published_by(text: str) -> Iterable[tuple[str, dt.date]]:
    """The name and the date of a line that gives both, apart by a mark: the name first, then
    the dates ("Le Monde.fr avec AFP | 05.07.2011 à 22h09 • Mis à jour le …"), or the date
    first, then the name, a comma also parting them ("13.10.2020, Yannis Papadaniel"). Not
    an embedded post's signature, whose name holds its account
    ("David Sacks @DavidSacks – 16:52 UTC · 6 nov. 2025")."""
    marks = list(_PUBLISHER_APART.finditer(text))
    comma = _COMMA.search(text)  # the date first, then a comma and a name: "13.10.2020, Yannis Papadaniel"
    if comma is not None and all(word[:1].isupper() or word in _NAME_PARTICLES for word in text[comma.end():].split()) \
            and _date_alone(text[:comma.start()]) is not None:  # the name's words first: they are cheaper to read
        marks = sorted([*marks, comma], key=lambda m: m.start())
    if not marks:
        return
    first, last = marks[0], marks[-1]
    for name, rest in ((text[:first.start()], text[first.end():]), (text[last.end():], text[:last.start()])):
        if len(name.split()) <= PUBLISHER_MAX_WORDS and not any(c.isdigit() or c == "@" for c in name) \
                and not name.rstrip().endswith((".", "!", "?", ":", "…")):
            date = _date_alone(rest)
            if date is not None:
                yield name, date
                return


# The words a line says its publication's date with, when it gives the update's too.
_PUBLISHED = re.compile(r"\bpubli[ée]|\bmise? en ligne|\bparu", re.IGNORECASE)


def _date_alone(text: str) -> dt.date | None:
    if len(text) > DATE_LINE_MAX_CHARS:
        return None
    rest = text.replace("\u00a0", " ")
    found: list[tuple[int, int, dt.date]] = []
    for pattern, month_of in ((ISO_DATE, int), (WRITTEN_DATE, lambda m: MONTHS[m.lower()]),
                              (ENGLISH_DATE, lambda m: ENGLISH_MONTHS[m.lower()]),
                              (SHORT_WRITTEN_DATE, lambda m: MONTHS[m.lower()]),
                              (NUMERIC_DATE, int), (SHORT_NUMERIC_DATE, int)):
        for m in pattern.finditer(rest):
            year = m["year"] if len(m["year"]) == 4 else str(CENTURY + int(m["year"]))
            date = _make(year, month_of(m["month"]), m["day"])
            if date is None:
                return None
            found.append((m.start(), m.end(), date))
        rest = pattern.sub(lambda m: " " * len(m.group()), rest)
    if not found:
        return None
    words = rest
    rest = _DATE_WORDS.sub(" ", _TIME.sub(" ", _READING_TIME.sub(" ", rest)))
    if any(c.isalnum() for c in rest):
        return None
    found.sort()
    since = [0, *(end for _, end, _ in found[:-1])]  # the words between a date and the one before
    published = next((date for (start, _, date), after in zip(found, since, strict=True)
                      if _PUBLISHED.search(words, after, start)), None)
    return published or found[0][2]  # « Mis à jour le 6 …, publié le 5 … »: the publication's


def glued_date(text: str) -> dt.date | None:
    """A date in words run into the words beside it, as a scraper glues the text of a page's
    head together: "Rédaction K2 septembre 2025 - 13:43" (a name, then the date), "…
    française 20 janvier 202020 janvier 2020évaluation, HCERES" (the date twice, then the
    tags). The first such date."""
    text = text.replace("\u00a0", " ")
    for m in WRITTEN_DATE.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isalnum() or after.isalnum():
            return _make(m["year"], MONTHS[m["month"].lower()], m["day"])
    return None


def leading_date(text: str) -> tuple[dt.date, str] | None:
    """The date a line opens with, and what follows it: "17 juillet 2017 11:13; Act: …",
    "le Lundi 15 juillet 2024 11:00 Nouvelles", "By 15 juillet 2025No Comments". Before
    the date, only the words a date line says ("Publié le", a weekday) or "By"."""
    text = text.replace("\u00a0", " ")
    found = [m for pattern in (ISO_DATE, WRITTEN_DATE, NUMERIC_DATE) if (m := pattern.search(text))]
    if (opening := SHORT_NUMERIC_DATE.match(text, len(text) - len(text.lstrip()))) is not None:
        found.append(opening)  # a year of two figures, only where the line opens with it: "12/06/12 - 09h27 …"
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    before = _DATE_WORDS.sub(" ", re.sub(r"\b(?i:by)\b", " ", text[:m.start()]))
    if any(c.isalnum() for c in before):
        return None
    month, year = m["month"], m["year"]
    year = year if len(year) == 4 else str(CENTURY + int(year))
    date = _make(year, int(month) if month.isdigit() else MONTHS[month.lower()], m["day"])
    return (date, text[m.end():]) if date is not None else None


# The place a dateline names before its date: a capitalised word, then up to three more, with
# hyphens or spaces between ("Montréal", "Rabat- Salé", "La Chaux-de-Fonds"), and a comma.
_PLACE = re.compile(r"[A-ZÀ-ÖØ-Ý][\w'’.]*(?:(?:\s+|\s*-\s*)[\w'’.]+){0,3}?\s*,\s*")
# What closes a dateline before the text: the agency's or the newswire's name in brackets or
# between slashes ("(ACP).-", "/CNW Telbec/ -"), then a dash or a colon.
_DATELINE_CLOSE = re.compile(r"\s*(?:\((?P<agency>[^()]{1,40})\)|/[^/]{1,40}/)?\s*\.?\s*[–—:-]")


class Dateline(NamedTuple):
    """What a dateline says: its date, the agency it names in brackets, if any, and the text
    after it."""

    date: dt.date
    agency: str | None
    rest: str


def dateline(text: str) -> Dateline | None:
    """The dateline of a dispatch or a press release, the place it was written in and its
    date: alone on its line ("Montréal, 11 novembre 2022"), or opening the text's first
    paragraph ("Ouagadougou, 13 nov. 2025 (AIB)- Le comité…", "Paris, le 3 mars 2025 – …")."""
    m = _PLACE.match(text.replace("\u00a0", " "))
    stamp = leading_date(text[m.end():]) if m is not None else None
    if stamp is None:
        return None
    close = _DATELINE_CLOSE.match(stamp[1])
    if close is not None:
        return Dateline(stamp[0], close["agency"], stamp[1][close.end():].strip())
    return Dateline(stamp[0], None, "") if not stamp[1].strip() else None


def time_alone(text: str) -> bool:
    """Whether a line gives a time of day and nothing else: "12h10", "à 14:05", "08:57 UTC"."""
    rest = text.replace("\u00a0", " ")
    return len(rest) <= DATE_LINE_MAX_CHARS and _TIME.search(rest) is not None \
        and not any(c.isalnum() for c in _DATE_WORDS.sub(" ", _TIME.sub(" ", rest)))


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


# A day and a month without the year, as a list of articles stamps them: "Publié le 1er août",
# "10/11 [Communiqué] …".
_DAY_MONTH = re.compile(rf"(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH_ALT})\b\.?"
                        r"|(?P<nday>\d{1,2})/(?P<nmonth>\d{1,2})(?![/\d])", re.IGNORECASE)
# The time a line opens with: "14:44 Accusations de viols…", "14:10", "07h36".
_LEADING_TIME = re.compile(r"(?P<hour>\d{1,2})\s*[h:]\s*(?P<minute>\d{2})(?!\d)", re.IGNORECASE)


class StampKind(StrEnum):
    """What a stamp tells: a whole date, a day of a month (no year), a time of day."""

    DATE = "date"
    DAY = "day"
    TIME = "time"


def stamp(text: str) -> tuple[StampKind, tuple[int, ...]] | None:
    """When a line opens with it, the moment it stamps, as a list of articles or a live feed
    stamps each item: "04.12.2019", "Créé: 12.12.2019, 07h36", "Publié le 2 août", "14:44
    Accusations de viols…", "10/11 [Communiqué] …"; its kind and a key that orders moments
    of one kind. Before it, only the words a date line says ("Publié le", a weekday)."""
    text = text.replace("\u00a0", " ")
    if (found := leading_date(text)) is not None:
        date = found[0]
        return StampKind.DATE, (date.year, date.month, date.day)
    for kind, pattern in ((StampKind.TIME, _LEADING_TIME), (StampKind.DAY, _DAY_MONTH)):
        m = pattern.search(text)
        if m is None or any(c.isalnum() for c in _DATE_WORDS.sub(" ", text[:m.start()])):
            continue
        if kind is StampKind.TIME:
            hour, minute = int(m["hour"]), int(m["minute"])
            if hour < 24 and minute < 60:
                return kind, (hour, minute)
        else:
            month = int(m["nmonth"]) if m["nmonth"] else MONTHS[m["month"].lower()]
            day = int(m["nday"] or m["day"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                return kind, (month, day)
    return None
