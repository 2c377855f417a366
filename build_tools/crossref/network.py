"""The network of the entities named in the same paragraphs: two entities are linked when
one paragraph names both, and the link weighs the number of paragraphs that do."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import NamedTuple

from ..model import Article


class Link(NamedTuple):
    """Two entities (ids in alphabetical order) and the paragraphs that name both."""

    source: str
    target: str
    paragraphs: int
    articles: tuple[str, ...]  # slugs, in the order of the articles


@dataclass(frozen=True)
class Network:
    mentions: Counter[str]  # entity id -> mentions in the texts
    paragraphs: Counter[str]  # entity id -> paragraphs that name it
    links: list[Link]  # strongest first

    def partners(self, entity_id: str) -> list[tuple[str, int]]:
        """The entities linked to one, strongest link first."""
        return sorted(self._partners.get(entity_id, ()), key=lambda p: (-p[1], p[0]))

    def links_from(self, entity_id: str) -> list[Link]:
        """The links of which an entity is the source (the first of the two ids), strongest first."""
        return self._by_source.get(entity_id, [])

    @functools.cached_property
    def _by_source(self) -> dict[str, list[Link]]:
        found: dict[str, list[Link]] = defaultdict(list)
        for lk in self.links:
            found[lk.source].append(lk)
        return found

    @functools.cached_property
    def _partners(self) -> dict[str, list[tuple[str, int]]]:
        found: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for lk in self.links:
            found[lk.source].append((lk.target, lk.paragraphs))
            found[lk.target].append((lk.source, lk.paragraphs))
        return found


def cooccurrences(articles: Sequence[Article]) -> Network:
    mentions: Counter[str] = Counter()
    paragraphs: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], list[str]] = defaultdict(list)
    for article in articles:
        in_article: set[tuple[str, str]] = set()
        for block_mentions in article.mentions_by_block.values():
            entities = [m.entity for m in block_mentions]
            named = sorted(set(entities))
            mentions.update(entities)
            paragraphs.update(named)
            pairs = list(combinations(named, 2))
            together.update(pairs)
            in_article.update(pairs)
        for pair in in_article:
            where[pair].append(article.slug)
    links = [Link(a, b, n, tuple(where[(a, b)])) for (a, b), n in together.items()]
    links.sort(key=lambda lk: (-lk.paragraphs, lk.source, lk.target))
    return Network(mentions, paragraphs, links)
