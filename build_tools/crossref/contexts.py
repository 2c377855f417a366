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
# An entity page lists every mention up to this many; past it, the page gives a summary and
# the first contexts, and the mentions are listed on pages of this many, each linked, in order
# (Donald Trump at 5,000 synthetic articles: about 10,000 mentions, a 10 MB page).
MENTIONS_PER_PAGE = 100
FIRST_CONTEXTS = 10  # the contexts a summary shows
TOP_ARTICLES = 20  # the articles a summary names, those that name the entity most


class InContext(NamedTuple):
    """A mention with the text around it, in its paragraph: ``left`` + ``text`` + ``right``."""

    article: Article
    mention: Mention
    left: str
    text: str
    right: str
    paragraph: Block


@dataclass(frozen=True)
class MentionPage:
    """One of the pages that list a much-named entity's mentions: its ``number`` (from 1) and
    the numbers of its first and last mentions."""

    number: int
    first: int
    last: int


def mention_pages(count: int, per_page: int | None = None) -> list[MentionPage]:
    """The pages of ``count`` mentions, none when they fit on the entity's page."""
    per_page = per_page or MENTIONS_PER_PAGE
    if count <= per_page:
        return []
    return [MentionPage(number, start + 1, min(start + per_page, count))
            for number, start in enumerate(range(0, count, per_page), start=1)]


@dataclass
class EntityIndex:
    """What an entity's page shows: how often each article names it, its mentions in context
    (all of them, or the first ones when they go on pages of their own), and the entities
    named with it."""

    entity: Entity
    by_article: list[tuple[Article, list[InContext]]] = field(default_factory=list)
    related: list[tuple[Entity, int]] = field(default_factory=list)
    counts: list[tuple[Article, int]] = field(default_factory=list)
    pages: list[MentionPage] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(n for _, n in self.counts)

    @property
    def by_year(self) -> list[tuple[int | None, int]]:
        """Mentions per year of the articles' dates (None: undated), latest first."""
        years: dict[int | None, int] = defaultdict(int)
        for article, n in self.counts:
            years[article.date.year if article.date else None] += n
        return sorted(years.items(), key=lambda item: (item[0] is None, -(item[0] or 0)))

    @property
    def top_articles(self) -> list[tuple[Article, int]]:
        """The articles that name the entity most (``TOP_ARTICLES``), most first, then in
        the articles' order."""
        order = {article.slug: n for n, (article, _) in enumerate(self.counts)}
        ranked = sorted(self.counts, key=lambda item: (-item[1], order[item[0].slug]))
        return ranked[:TOP_ARTICLES]

    def page_of(self, article: Article) -> MentionPage | None:
        """The page where the article's mentions start."""
        seen = 0
        for other, n in self.counts:
            if other.slug == article.slug:
                return next((p for p in self.pages if p.first <= seen + 1 <= p.last), None)
            seen += n
        return None


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
    counts = [(article, len(mentions)) for article, mentions in mentioned]
    pages = mention_pages(sum(n for _, n in counts))
    by_article = page_contexts(mentioned, MentionPage(0, 1, FIRST_CONTEXTS) if pages else None)
    ranked = sorted(network.partners(entity.id), key=lambda p: (-p[1], entities[p[0]].name))
    return EntityIndex(entity, by_article, [(entities[other], n) for other, n in ranked[:RELATED_ENTITIES]],
                       counts, pages)


def page_contexts(mentioned: Mentioned, page: MentionPage | None = None) -> list[tuple[Article, list[InContext]]]:
    """The mentions in context, article by article: all of them, or those of ``page`` (the
    articles before it skipped by their counts: a much-named entity has thousands of
    mentions and hundreds of pages)."""
    grouped: list[tuple[Article, list[InContext]]] = []
    before = 0  # the entity's mentions in the articles before this one
    for article, mentions in mentioned:
        if page is not None and before >= page.last:
            break
        chosen = mentions if page is None else mentions[max(page.first - 1 - before, 0):page.last - before]
        before += len(mentions)
        if chosen:
            grouped.append((article, [in_context(article, mention) for mention in chosen]))
    return grouped
