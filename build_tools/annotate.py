"""Stage 3: the annotated layer of every article.

- Entity mentions and glossary terms are found in one pass of one matcher compiled over
  both registers (longest form first, so a term is never found inside an entity's name).
  An editor's pins in data/articles/<seed>.yml then correct single entity occurrences.
- Editorial notes (data/notes/<seed>.yml) are placed right after their quotation, which
  must occur exactly once; the outlets' notes go on the metadata line.
- The first mention of each entity, and the first occurrence of each term, in each section
  (a section starts at each heading) are shown on the page: a link to the entity page, a
  definition on hover. Headings carry neither."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, TypeVar

from .errors import InputError, Problem
from .glossary import Glossary
from .matcher import Matcher
from .model import Article, Block, BlockKind, Mention, MentionPin, PlacedNote, TermUse
from .outlets import Outlets
from .register import Register
from .textnorm import fold, match_key

Kind = Literal["entity", "term"]
Payload = tuple[Kind, str]


@dataclass(frozen=True)
class Registers:
    """The edition-wide editorial data an article is annotated with."""

    entities: Register
    glossary: Glossary
    outlets: Outlets


def compile_matcher(registers: Registers) -> Matcher[Payload]:
    """One matcher for entity names and glossary terms; a form may name only one of them."""
    entity_forms = {match_key(f): e for e in registers.entities.entities for f in e.forms}
    problems = []
    for term in registers.glossary.terms:
        for form in term.forms:
            entity = entity_forms.get(match_key(form))
            if entity is not None:
                problems.append(Problem(
                    registers.glossary.path or "glossary", f"{form!r} (term {term.id!r}) is also a name of entity "
                    f"{entity.id!r} (data/entities.yml line {entity.line})", line=term.line,
                    hint="a named thing belongs in the entity register; remove the form from one of them"))
    if problems:
        raise InputError(problems)
    forms: list[tuple[str, Payload]] = [(f, ("entity", e.id)) for e in registers.entities.entities for f in e.forms]
    forms += [(f, ("term", t.id)) for t in registers.glossary.terms for f in t.forms]
    return Matcher(forms)


def find_all(article: Article, matcher: Matcher[Payload]) -> tuple[list[Mention], list[TermUse]]:
    mentions, terms = [], []
    for block in article.blocks:
        for start, end, (kind, key) in matcher.find(block.text):
            text = block.text[start:end]
            if kind == "entity":
                mentions.append(Mention(key, block.id, start, end, text))
            else:
                terms.append(TermUse(key, block.id, start, end, text))
    return mentions, terms


def quote_places(article: Article, quote: str) -> list[tuple[Block, int]]:
    """Every (block, offset) where ``quote`` occurs, ignoring accents, apostrophe and space kinds."""
    folded = fold(quote)
    places = []
    for block in article.blocks:
        text = fold(block.text)
        start = text.find(folded)
        while start >= 0 and folded:
            places.append((block, start))
            start = text.find(folded, start + 1)
    return places


def _quote_problem(path: Path | str, line: int, key: str, quote: str, *, count: int, what: str) -> Problem:
    found = "is not in the article" if not count else f"occurs {count} times"
    return Problem(path, f"{what}: the quotation {quote!r} {found}", line=line, key=key,
                   hint="copy a longer, exact passage of the article text (it must occur once)")


def apply_pins(article: Article, mentions: list[Mention], register: Register) -> tuple[list[Mention], list[Problem]]:
    problems = []
    path = article.meta_path or article.seed.rel_path
    for pin in article.pins:
        places = quote_places(article, pin.quote)
        if len(places) != 1:
            problems.append(_quote_problem(path, pin.line, "mentions", pin.quote, count=len(places), what="pin"))
            continue
        if pin.entity is not None and register.get(pin.entity) is None:
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


def place_notes(article: Article, outlets: Outlets) -> tuple[list[PlacedNote], list[Problem]]:
    """Outlet notes first (metadata line), then each editor's note after its quotation."""
    placed, problems = outlets.notes(article), []
    path = article.notes_path or article.seed.rel_path
    for note in article.editor_notes:
        places = quote_places(article, note.quote)
        if len(places) != 1:
            problems.append(_quote_problem(path, note.line, "quote", note.quote, count=len(places),
                                           what=f"note {note.id!r}"))
            continue
        block, start = places[0]
        placed.append(PlacedNote(note, block.id, start + len(note.quote)))
    order = {b.id: n for n, b in enumerate(article.blocks)}
    placed.sort(key=lambda p: (-1 if p.block is None else order[p.block], p.position))
    return placed, problems


T = TypeVar("T", Mention, TermUse)


def first_per_section(article: Article, items: Sequence[T], key: Callable[[T], str]) -> list[tuple[T, bool]]:
    """Each item (in text order) with whether it is the first of its key in its section;
    nothing in a heading is ever first."""
    by_block: dict[str, list[T]] = {}
    for item in items:
        by_block.setdefault(item.block, []).append(item)
    result: list[tuple[T, bool]] = []
    seen: set[str] = set()
    for block in article.blocks:
        heading = block.kind is BlockKind.HEADING
        if heading:
            seen = set()
        for item in by_block.get(block.id, ()):
            first = not heading and key(item) not in seen
            if first:
                seen.add(key(item))
            result.append((item, first))
    return result


def link_policy(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    # Most mentions are not the first of their section: those are kept as they are (frozen).
    # The others are made anew, field by field (``dataclasses.replace`` reads the class's
    # fields at each call: 42,000 calls for the 600 articles of the benchmark).
    return [m if m.linked == first else Mention(entity=m.entity, block=m.block, start=m.start, end=m.end, text=m.text,
                                                     linked=first)
            for m, first in first_per_section(article, mentions, lambda m: m.entity)]


def term_policy(article: Article, terms: Sequence[TermUse]) -> list[TermUse]:
    return [t if t.marked == first else TermUse(term=t.term, block=t.block, start=t.start, end=t.end, text=t.text,
                                                   marked=first)
            for t, first in first_per_section(article, terms, lambda t: t.term)]


def annotate(articles: Sequence[Article], registers: Registers) -> list[Article]:
    matcher = compile_matcher(registers)
    problems: list[Problem] = []
    result = []
    for article in articles:
        mentions, terms = find_all(article, matcher)
        mentions, pin_problems = apply_pins(article, mentions, registers.entities)
        notes, note_problems = place_notes(article, registers.outlets)
        problems.extend(pin_problems + note_problems)
        result.append(replace(article, mentions=tuple(link_policy(article, mentions)),
                              terms=tuple(term_policy(article, without_overlaps(terms, mentions))),
                              notes=tuple(notes)))
    if problems:
        raise InputError(problems)
    return result
