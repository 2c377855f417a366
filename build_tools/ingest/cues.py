"""The phrases of page furniture (``cues.yml``), compiled for the cleaner.

The list is data: each phrase has the reason a line it removes is recorded with, and where
in a line it must stand (``Where``); beside them, the marks between a breadcrumb's items,
the words a menu's item opens with, the headings over an article's notes. A malformed file
is an error naming the entry. And the news agencies, whose name in a source line or a rights
notice is the author of a dispatch that has no byline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import yaml

from ..errors import InputError, Problem
from ..model import Reason

CUES_FILE = Path(__file__).with_name("cues.yml")


class Where(StrEnum):
    LINE = "line"  # the whole line is the phrase: removed wherever it stands
    START = "start"  # a short line begins with it: removed wherever it stands
    WITHIN = "within"  # a short line contains it, outside quotations: removed around the article only
    RUN = "run"  # the whole line is the phrase, in a run of such lines: removed wherever the run stands


SEPARATORS = "separators"  # the key of the breadcrumbs' separators, beside the reasons
AGENCIES = "agencies"  # the key of the news agencies: their usual name, the forms pages write
OPENERS = "item_openers"  # the key of the words a menu's item opens with
NOTES = "notes_headings"  # the key of the headings over an article's notes


@dataclass(frozen=True)
class Cues:
    """One regular expression per ``Where``, each phrase a named group (``c<n>``), and the
    marks between the items of a breadcrumb."""

    patterns: dict[Where, re.Pattern[str]]
    reasons: dict[str, Reason]  # group name: reason
    separators: str = ""
    agencies: dict[str, re.Pattern[str]] = field(default_factory=dict)  # usual name: its forms
    within: dict[Reason, re.Pattern[str]] = field(default_factory=dict)  # the ``within`` phrases of one reason
    openers: re.Pattern[str] = re.compile("(?!)")  # the words a menu's item opens with, matched with case
    notes: re.Pattern[str] = re.compile("(?!)")  # the headings over an article's notes, the whole line

    def has_within(self, reason: Reason, text: str) -> bool:
        """Whether ``text`` holds a ``within`` phrase of ``reason``, wherever it stands: one
        reason's phrases alone, where the cleaner asks about that reason only (a cookie notice
        however long), faster than all the phrases together."""
        pattern = self.within.get(reason)
        return pattern is not None and pattern.search(text) is not None

    def reason(self, match: re.Match[str]) -> Reason:
        assert match.lastgroup is not None
        return self.reasons[match.lastgroup]

    def agency(self, text: str) -> str | None:
        """The usual name of the news agency that ``text`` starts with ("AFP. Note : …")."""
        found = self.agency_at_start(text)
        return found[0] if found else None

    def agency_named(self, text: str) -> str | None:
        """The usual name of the news agency that ``text`` is, whatever its case: a source
        line's value written in small letters ("Source: belga")."""
        value = text.strip(" .")
        return next((name for name, forms in self.agencies.items()
                     if re.fullmatch(forms.pattern, value, re.IGNORECASE)), None)

    def agency_at_start(self, text: str) -> tuple[str, int] | None:
        """The usual name of the news agency that ``text`` starts with, and where its name ends."""
        return next(((name, m.end()) for name, forms in self.agencies.items() if (m := forms.match(text))), None)


def _alternatives(path: Path, key: str, entries: object, flags: int, problems: list[Problem]) -> re.Pattern[str]:
    """One pattern of a list of regular expressions, any of them; a malformed list is a problem."""
    entries = entries or []
    if not isinstance(entries, list) or not all(isinstance(entry, str) for entry in entries):
        problems.append(Problem(path, f"{key}: not a list of regular expressions", key=key,
                                hint="write each on its own line, quoted: - 'notes?'"))
        return re.compile("(?!)")
    try:
        return re.compile("|".join(f"(?:{entry})" for entry in entries) or "(?!)", flags)
    except re.error as exc:
        problems.append(Problem(path, f"{key}: {exc}", key=key))
        return re.compile("(?!)")


def load_cues(path: Path = CUES_FILE) -> Cues:
    data = yaml.safe_load(path.read_text("utf-8"))
    problems: list[Problem] = []
    parts: dict[Where, list[str]] = {where: [] for where in Where}
    within: dict[Reason, list[str]] = {}
    reasons: dict[str, Reason] = {}
    data = dict(data or {})
    separators = data.pop(SEPARATORS, None) or []
    if not all(isinstance(mark, str) and len(mark) == 1 for mark in separators):
        problems.append(Problem(path, f"{SEPARATORS}: each is one character", key=SEPARATORS,
                                hint="write each mark on its own line, quoted: - '>'"))
    opener = _alternatives(path, OPENERS, data.pop(OPENERS, None), 0, problems)
    notes = _alternatives(path, NOTES, data.pop(NOTES, None), re.IGNORECASE, problems)
    agencies: dict[str, re.Pattern[str]] = {}
    for name, forms in (data.pop(AGENCIES, None) or {}).items():
        try:
            agencies[str(name)] = re.compile(rf"(?:{forms})\b")
        except (re.error, TypeError) as exc:
            problems.append(Problem(path, f"{forms!r} is not a regular expression: {exc}", key=f"{AGENCIES}.{name}"))
    for reason_name, by_where in data.items():
        try:
            reason = Reason(reason_name)
        except ValueError:
            problems.append(Problem(path, f"{reason_name!r} is not a reason", key=reason_name,
                                    hint=f"use one of {', '.join(r.value for r in Reason)}"))
            continue
        for where_name, phrases in by_where.items():
            if where_name not in set(Where):
                problems.append(Problem(path, f"{where_name!r} is not line, start, within or run",
                                        key=f"{reason_name}.{where_name}"))
                continue
            for phrase in phrases:
                try:
                    re.compile(phrase)
                except re.error as exc:
                    problems.append(Problem(path, f"{phrase!r} is not a regular expression: {exc}",
                                            key=f"{reason_name}.{where_name}"))
                    continue
                group = f"c{len(reasons)}"
                reasons[group] = reason
                parts[Where(where_name)].append(f"(?P<{group}>{phrase})")
                if where_name == Where.WITHIN:
                    within.setdefault(reason, []).append(f"(?:{phrase})")
    if problems:
        raise InputError(problems)
    return Cues({where: re.compile("|".join(alternatives) or "(?!)", re.IGNORECASE)
                 for where, alternatives in parts.items()}, reasons, "".join(separators), agencies,
                {reason: re.compile("|".join(phrases), re.IGNORECASE) for reason, phrases in within.items()},
                opener, notes)


CUES = load_cues()
