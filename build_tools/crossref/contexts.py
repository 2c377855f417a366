"""Each entity's mentions in context: the sentence around each mention (or a window of it
when the sentence is long), article by article, and the entities most often named in the
same paragraphs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Article, Block, Mention
from ..registers.entities import Entities, Entity
from ..text.sentences import sentence_span
from .network import Network

KWIC_MAX_CHARS = 320
KWIC_WINDOW_CHARS = 140
RELATED_ENTITIES = 10


class InContext(NamedTuple):
    """A mention with the text around it, in its paragraph: ``left`` + ``text`` + ``right``."""

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


def in_context(article: Article, mention: Mention) -> InContext:
    """The mention in its sentence."""
    paragraph = article.block(mention.block)
    text = paragraph.text
    start, end = sentence_span(text, mention.start, mention.end)
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


def entity_index(entity: Entity, mentioned: Mentioned, entities: Entities, network: Network) -> EntityIndex:
    """An entity's mentions in context (``mentioned``: from ``mentions_by_entity``), and the
    entities the network links it to most. Made apart for each entity, so that the entity
    pages of a large edition, which need them, share the work between processes."""
    by_article = [(article, [in_context(article, m) for m in mentions]) for article, mentions in mentioned]
    ranked = sorted(network.partners(entity.id), key=lambda p: (-p[1], entities[p[0]].name))
    return EntityIndex(entity, by_article, [(entities[other], n) for other, n in ranked[:RELATED_ENTITIES]])
