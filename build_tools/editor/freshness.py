"""What the editors wrote that time may have made wrong: ``check`` warns about it.

- A statement in the future tense about a date that has passed ("doit être adopté en mars
  2026", read in December 2026): it happened or not, and the text should say which.
- A date of validity (``as_of``, the month a description, definition, provenance or note
  holds for) more than ``MAX_AGE_MONTHS`` old: what it says should be checked again.

Both are warnings: the build goes on, the editor decides."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Note
from ..registers import Registers
from ..registers.entities import ENTITIES_FILE
from ..registers.glossary import GLOSSARY_FILE
from ..registers.outlets import OUTLETS_FILE
from ..text.date_expressions import extract
from ..text.dates import date_label
from ..text.sentences import sentences

MAX_AGE_MONTHS = 12
# What says that something is still to come: the simple future ("sera", "adoptera"), the
# near future and the modal verbs that announce ("va", "doit être", "devrait"), and words
# of what comes ("prochain", "à venir", "prévu pour").
FUTURE = re.compile(
    r"\b(?:\w+(?:era|eront|ira|iront|ra|ront)"
    r"|va|vont|doit|doivent|devra|devront|devrait|devraient|prochaine?s?|prévue?s? pour|à venir)\b",
    re.IGNORECASE)
# What someone else said, quoted: « … » (nested ones too) or “ … ”.
QUOTED = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»|“[^”]*”")
# Words that end like a verb in the future tense and are not verbs.
NOT_FUTURE = frozenset({"extra", "ultra", "intra", "contra", "opéra", "opera", "caméra", "camera", "mantra", "cobra",
                        "tiara", "sahara", "chimera", "riviera", "vera", "front", "affront", "lira", "mira"})


@dataclass(frozen=True)
class Dated:
    """A text an editor wrote, where it is, and the month it holds for."""

    path: Path | str
    line: int
    key: str
    text: str
    as_of: str | None


def editorial_texts(articles: Sequence[Article], registers: Registers, data: Path) -> Iterator[Dated]:
    """Every text the editors wrote: descriptions, definitions, provenances and notes."""
    for entity in registers.entities:
        yield Dated(data / ENTITIES_FILE, entity.line, f"{entity.id}.description", entity.description, entity.as_of)
    for term in registers.glossary:
        yield Dated(data / GLOSSARY_FILE, term.line, f"{term.id}.definition", term.definition, term.as_of)
    for outlet in registers.outlets:
        yield Dated(data / OUTLETS_FILE, outlet.line, f"{outlet.id}.provenance", outlet.provenance, outlet.as_of)
    for article in articles:
        for note in article.editor_notes:
            yield _note(article, note)


def _note(article: Article, note: Note) -> Dated:
    return Dated(article.notes_path or article.seed.rel_path, note.line, f"{note.id}.text", note.text, note.as_of)


def _month(iso: str) -> tuple[int, int]:
    parts = [int(p) for p in iso.split("-")]
    return parts[0], parts[1] if len(parts) > 1 else 12


def has_passed(iso: str, today: dt.date) -> bool:
    """Whether a date of any precision ("2026", "2026-03", "2026-03-12") is over."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return dt.date(*parts) < today
    return _month(iso) < (today.year, today.month)


def future_of_the_past(text: str, today: dt.date, as_of: str | None = None) -> list[tuple[str, str]]:
    """Each sentence of ``text`` in the future tense about a date that has passed, with that
    date. A relative date ("en mars prochain") is read against ``as_of`` when there is one."""
    reference = dt.date(*_month(as_of), 1) if as_of else None
    found = []
    for sentence in sentences(text):
        own_words = QUOTED.sub(" ", sentence)  # a quotation's future is the quoted person's
        if not any(m.group().lower() not in NOT_FUTURE for m in FUTURE.finditer(own_words)):
            continue
        passed = [e.date for e in extract(sentence, reference) if has_passed(e.date, today)]
        if passed:
            found.append((sentence, max(passed)))
    return found


def months_between(as_of: str, today: dt.date) -> int:
    year, month = _month(as_of)
    return (today.year - year) * 12 + today.month - month


def _shown(path: Path | str) -> str:
    """A path as the editor types it: from the current folder when it is below it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def freshness_warnings(articles: Sequence[Article], registers: Registers, data: Path,
                       today: dt.date) -> list[str]:
    warnings = []
    for dated in editorial_texts(articles, registers, data):
        where = f"{_shown(dated.path)}:{dated.line} [{dated.key}]"
        for sentence, date in future_of_the_past(dated.text, today, dated.as_of):
            warnings.append(f"{where}: speaks in the future of {date_label(date)}, which has passed: "
                            f"« {sentence} » — say what happened, with a source, or take it out")
        if dated.as_of and months_between(dated.as_of, today) > MAX_AGE_MONTHS:
            warnings.append(f"{where}: holds for {date_label(dated.as_of)} (as_of), more than {MAX_AGE_MONTHS} "
                            "months ago — check that it still holds, then update as_of")
    return warnings
