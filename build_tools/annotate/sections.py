"""What the page shows of the annotations: the first mention of each entity, and the first
occurrence of each term, in each section (a section starts at each heading) are marked (a
link to the entity page, a definition on hover). Headings carry neither."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from ..model import Article, BlockKind, Mention, TermUse

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
    """The mentions, the first of each entity in each section linked."""
    return [m if m.linked == first else replace(m, linked=first)
            for m, first in first_per_section(article, mentions, lambda m: m.entity)]


def term_policy(article: Article, terms: Sequence[TermUse]) -> list[TermUse]:
    """The terms, the first of each in each section marked."""
    return [t if t.marked == first else replace(t, marked=first)
            for t, first in first_per_section(article, terms, lambda t: t.term)]
