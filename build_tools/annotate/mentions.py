"""Entity mentions and glossary terms, found in one pass of one matcher compiled over both
registers (the longest form first, so a term is never found inside an entity's name); an
editor's pins in data/articles/<seed>.yml then correct single entity occurrences."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from ..errors import InputError, Problem
from ..model import Article, Mention, MentionPin, TermUse
from ..registers import Registers
from ..registers.entities import Entities
from ..text.normalize import fold, match_key
from .matcher import Matcher
from .notes import quote_places, quote_problem


class Named(Enum):
    """What a form of the matcher names."""

    ENTITY = "entity"
    TERM = "term"


Payload = tuple[Named, str]  # what a form names, and its id


def compile_matcher(registers: Registers) -> Matcher[Payload]:
    """One matcher for entity names and glossary terms; a form may name only one of them."""
    problems = []
    for term in registers.glossary:
        for form in term.forms:
            entity = registers.entities.by_form.get(match_key(form))
            if entity is not None:
                problems.append(Problem(
                    registers.glossary.path or "glossary", f"{form!r} (term {term.id!r}) is also a name of entity "
                    f"{entity.id!r} (data/entities.yml line {entity.line})", line=term.line,
                    hint="a named thing belongs in the entity register; remove the form from one of them"))
    if problems:
        raise InputError(problems)
    forms: list[tuple[str, Payload]] = [(f, (Named.ENTITY, e.id)) for e in registers.entities for f in e.forms]
    forms += [(f, (Named.TERM, t.id)) for t in registers.glossary for f in t.forms]
    return Matcher(forms)


def find_all(article: Article, matcher: Matcher[Payload]) -> tuple[list[Mention], list[TermUse]]:
    mentions, terms = [], []
    for block in article.blocks:
        for start, end, (named, key) in matcher.find(block.text):
            text = block.text[start:end]
            if named is Named.ENTITY:
                mentions.append(Mention(key, block.id, start, end, text))
            else:
                terms.append(TermUse(key, block.id, start, end, text))
    return mentions, terms


def apply_pins(article: Article, mentions: list[Mention], entities: Entities) -> tuple[list[Mention], list[Problem]]:
    """The mentions with the editor's pins applied: each pinned occurrence named as the pin
    says (or not an entity)."""
    problems = []
    path = article.meta_path or article.seed.rel_path
    for pin in article.pins:
        places = quote_places(article, pin.quote)
        if len(places) != 1:
            problems.append(quote_problem(path, pin.line, "mentions", pin.quote, count=len(places), what="pin"))
            continue
        if pin.entity is not None and entities.get(pin.entity) is None:
            problems.append(_pin_problem(path, pin, f"unknown entity {pin.entity!r}",
                                         "use an id from data/entities.yml, or null"))
            continue
        offset = fold(pin.quote).find(fold(pin.text))
        if offset < 0:
            problems.append(_pin_problem(path, pin, f"{pin.text!r} is not inside the quotation",
                                         "the mention must be part of the quoted passage"))
            continue
        block, start = places[0]
        start += offset
        end = start + len(pin.text)
        mentions = [m for m in mentions if m.block != block.id or m.end <= start or m.start >= end]
        if pin.entity is not None:
            mentions.append(Mention(pin.entity, block.id, start, end, block.text[start:end]))
    order = {b.id: n for n, b in enumerate(article.blocks)}
    mentions.sort(key=lambda m: (order[m.block], m.start))
    return mentions, problems


def _pin_problem(path: Path | str, pin: MentionPin, message: str, hint: str) -> Problem:
    return Problem(path, message, line=pin.line, key="mentions", hint=hint)


def without_overlaps(terms: list[TermUse], mentions: Sequence[Mention]) -> list[TermUse]:
    """Terms that do not overlap a mention (after pins, a mention may cover a term)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        spans.setdefault(m.block, []).append((m.start, m.end))
    return [t for t in terms if all(t.end <= a or t.start >= b for a, b in spans.get(t.block, ()))]
