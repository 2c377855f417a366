"""Stage 3: entity mentions in every article.

Every occurrence of a register form in the body goes into ``Article.mentions`` (and so
into the export); an editor's pins in data/articles/<seed>.yml then correct single
occurrences. The link policy decides which mentions become links on the page: the first
mention of each entity in each section (a section starts at each heading), never inside a
heading, so that a page stays readable while every entity is reachable from where it is
first met in each part of the text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .errors import InputError, Problem
from .matcher import Matcher
from .model import Article, BlockKind, Mention, MentionPin
from .register import Register
from .textnorm import fold


def compile_matcher(register: Register) -> Matcher:
    return Matcher((form, entity.id) for entity in register.entities for form in entity.forms)


def find_mentions(article: Article, matcher: Matcher) -> list[Mention]:
    mentions = []
    for block in article.blocks:
        for m in matcher.find(block.text):
            mentions.append(Mention(m.payload, block.id, m.start, m.end, block.text[m.start:m.end]))
    return mentions


def _pin_problem(article: Article, pin: MentionPin, message: str, hint: str) -> Problem:
    return Problem(article.meta_path or article.seed.rel_path, message, line=pin.line, key="mentions", hint=hint)


def apply_pins(article: Article, mentions: list[Mention], register: Register) -> tuple[list[Mention], list[Problem]]:
    problems = []
    folded = [(b, fold(b.text)) for b in article.blocks] if article.pins else []
    for pin in article.pins:
        quote = fold(pin.quote)
        places = [(b, i) for b, text in folded for i in _find_all(text, quote)]
        if len(places) != 1:
            found = "is not in the article" if not places else f"occurs {len(places)} times"
            problems.append(_pin_problem(article, pin, f"the quotation {pin.quote!r} {found}",
                                         "copy a longer, exact passage of the article text"))
            continue
        if pin.entity is not None and register.get(pin.entity) is None:
            problems.append(_pin_problem(article, pin, f"unknown entity {pin.entity!r}",
                                         "use an id from data/entities.yml, or null"))
            continue
        offset = quote.find(fold(pin.text))
        if offset < 0:
            problems.append(_pin_problem(article, pin, f"{pin.text!r} is not inside the quotation",
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


def _find_all(text: str, part: str) -> list[int]:
    found, start = [], text.find(part)
    while start >= 0 and part:
        found.append(start)
        start = text.find(part, start + 1)
    return found


def link_policy(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    """First mention of each entity per section is a link; none inside headings.
    ``mentions`` are in text order."""
    by_block: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_block.setdefault(mention.block, []).append(mention)
    result: list[Mention] = []
    linked_here: set[str] = set()
    for block in article.blocks:
        heading = block.kind is BlockKind.HEADING
        if heading:
            linked_here = set()
        for mention in by_block.get(block.id, ()):
            link = not heading and mention.entity not in linked_here
            if link:
                linked_here.add(mention.entity)
            result.append(replace(mention, linked=link))
    return result


def annotate(articles: Sequence[Article], register: Register) -> list[Article]:
    matcher = compile_matcher(register)
    problems: list[Problem] = []
    result = []
    for article in articles:
        mentions, pin_problems = apply_pins(article, find_mentions(article, matcher), register)
        problems.extend(pin_problems)
        result.append(replace(article, mentions=tuple(link_policy(article, mentions))))
    if problems:
        raise InputError(problems)
    return result
