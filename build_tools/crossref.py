"""Stage 4: cross-references across the edition, computed once from the mentions.

For each entity: every mention in context (the sentence around it, or a window when the
sentence is long), grouped by article, and the entities most often met in the same
paragraphs."""

from __future__ import annotations

import functools
import heapq
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import NamedTuple

from .model import Article, Block, Mention
from .network import Network
from .register import Entity, Register
from .textnorm import SENTENCE_BREAK

KWIC_MAX_CHARS = 320
KWIC_WINDOW_CHARS = 140
RELATED_ENTITIES = 10
RELATED_ARTICLES = 3
ROUGH_MARGIN = 0.002  # more than rounding to a thousandth and float error can move a score

class InContext(NamedTuple):
    """A mention with the text around it, in its paragraph: ``left`` + ``text`` + ``right``.
    A named tuple: the entity pages of a large edition show tens of thousands."""

    article: Article
    mention: Mention
    left: str
    text: str
    right: str
    paragraph: Block


@dataclass
class EntityIndex:
    entity: Entity
    by_article: list[tuple[Article, list[InContext]]] = field(default_factory=list)
    related: list[tuple[Entity, int]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(items) for _, items in self.by_article)


@functools.lru_cache(maxsize=1 << 14)  # a paragraph's, for each entity it names
def sentence_breaks(text: str) -> tuple[tuple[int, int], ...]:
    """Where the sentences of a text are divided: the spans between them."""
    return tuple(m.span() for m in SENTENCE_BREAK.finditer(text))


def in_context(article: Article, mention: Mention) -> InContext:
    """The mention in its sentence."""
    paragraph = article.block(mention.block)
    text = paragraph.text
    start, end = 0, len(text)
    for break_start, break_end in sentence_breaks(text):
        if break_end <= mention.start:
            start = break_end
        elif break_start >= mention.end:
            end = break_start
            break
    left, right = text[start:mention.start], text[mention.end:end]
    if end - start > KWIC_MAX_CHARS:
        if len(left) > KWIC_WINDOW_CHARS:
            left = "… " + left[-KWIC_WINDOW_CHARS:].split(" ", 1)[-1]
        if len(right) > KWIC_WINDOW_CHARS:
            right = right[:KWIC_WINDOW_CHARS].rsplit(" ", 1)[0] + " …"
    return InContext(article, mention, left, text[mention.start:mention.end], right, paragraph)


Mentioned = list[tuple[Article, list[Mention]]]  # the articles that name an entity, with its mentions


def mentions_by_entity(articles: Sequence[Article]) -> dict[str, Mentioned]:
    """Each entity's mentions, article by article, in the order of ``articles``."""
    found: dict[str, Mentioned] = defaultdict(list)
    for article in articles:
        per_entity: dict[str, list[Mention]] = defaultdict(list)
        for mention in article.mentions:
            per_entity[mention.entity].append(mention)
        for entity_id, mentions in per_entity.items():
            found[entity_id].append((article, mentions))
    return dict(found)


def entity_index(entity: Entity, mentioned: Mentioned, register: Register, network: Network) -> EntityIndex:
    """An entity's mentions in context (``mentioned``: from ``mentions_by_entity``), and the
    entities the network links it to most. Made apart for each entity, so that the entity
    pages of a large edition, which need them, share the work between processes."""
    by_article = [(article, [in_context(article, m) for m in mentions]) for article, mentions in mentioned]
    ranked = sorted(network.partners(entity.id), key=lambda p: (-p[1], register[p[0]].name))
    return EntityIndex(entity, by_article, [(register[other], n) for other, n in ranked[:RELATED_ENTITIES]])


def mention_counts(articles: Sequence[Article]) -> Counter[str]:
    return Counter(m.entity for a in articles for m in a.mentions)


@dataclass(frozen=True)
class Related:
    """Another article and why it is related: the entities both name, rarest first."""

    article: Article
    score: float
    shared: list[Entity]


def related_articles(articles: Sequence[Article], register: Register,
                     limit: int = RELATED_ARTICLES) -> dict[str, list[Related]]:
    """For each article (by slug), the others ranked by the entities they share, each
    weighted by its rarity in the corpus (inverse document frequency: an entity every
    article names weighs nothing).

    Every pair of articles is scored, so the work grows with the square of their number. A
    pair costs one look-up per entity of one article in a table of the other's weights,
    made at C speed by ``map`` and ``sum``; the entities both name, in their exact order,
    are worked out only for the few articles that can make an article's top ``limit``."""
    named = {a.slug: {m.entity for m in a.mentions} for a in articles}
    frequency = Counter(e for entities in named.values() for e in entities)
    weight = {e: math.log(len(articles) / n) for e, n in frequency.items()}
    weighing = [tuple(e for e in named[a.slug] if weight[e] > 0) for a in articles]
    if not any(weighing):  # no entity that some article does not name: nothing relates them
        return {a.slug: [] for a in articles}
    # Every score but 0 is at least the smallest weight (a sum of weights, all positive).
    lightest = min(w for w in weight.values() if w > 0)
    # rows[i][j]: the rough score of articles i and i + 1 + j (summed in no set order), as
    # arrays of doubles: 8 bytes a pair, not a float object each.
    nothing = dict.fromkeys(weight, 0.0)
    rows = []
    for number, entities in enumerate(weighing):
        mine = nothing.copy()
        mine.update((e, weight[e]) for e in entities)
        rows.append(array("d", map(sum, map(map, repeat(mine.__getitem__), weighing[number + 1:]))))
    by_id = register.by_id
    result = {}
    for number, article in enumerate(articles):
        scores = [rows[other][number - other - 1] for other in range(number)]
        scores.append(0.0)  # itself
        scores += rows[number]
        # The exact score (summed rarest first, rounded) differs from the rough one by less
        # than a thousandth: keep every article that may reach the top.
        floor = max(heapq.nlargest(limit, scores)[-1] - ROUGH_MARGIN, lightest)
        ranked = []
        for other in compress(articles, map(floor.__le__, scores)):
            shared = sorted((e for e in named[article.slug] & named[other.slug] if weight[e] > 0),
                            key=lambda e: (-weight[e], by_id[e].name))
            ranked.append(Related(other, round(sum(weight[e] for e in shared), 3), [by_id[e] for e in shared]))
        ranked.sort(key=lambda r: (-r.score, r.article.slug))
        result[article.slug] = ranked[:limit]
    return result
