"""What each template is given: views of the articles and registers, assembled from the
annotated articles and the cross-references. The templates decide how they look; the
annotations inside a paragraph (a linked mention, a defined term, a note's call) are written
by the patterns of ``templates/_inline.md.j2``."""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any, Generic, TypeVar

from ..crossref import CrossReferences, reading_order
from ..crossref.contexts import MentionPage
from ..crossref.timeline import TimelineEntry
from ..model import Article, Block, BlockKind, LineClass, Mention, Rule, TermUse
from ..registers import Registers
from ..registers.entities import Entity, EntityType
from ..registers.glossary import Term
from ..registers.outlets import Outlet
from ..text.dates import date_label
from ..text.normalize import fold
from ..text.sentences import first_sentence
from .markdown import LinkReferences, SafeMarkdown, anchor, md_escape
from .paths import GLOSSARY_PAGE, SOURCES_PAGE, month_page, relative

DESCRIPTION_MAX_CHARS = 160
MOST_CITED = 12
INLINE_TEMPLATE = "_inline.md.j2"
# The glossary page lists, for each term, the paragraphs of at most this many articles; a term
# used in more has pages of its own listing them all, this many articles each (at 2,000
# synthetic articles the glossary page, listing every use, weighed 8.7 MB).
GLOSSARY_ARTICLES_SHOWN = 5
USES_PER_PAGE = 100
# The timeline is one page up to this many dates; past it, the page gives each year's count and
# links to the year's pages, of TIMELINE_PER_PAGE dates each (2,000 synthetic articles: 6.6 MB).
TIMELINE_ONE_PAGE = 200
TIMELINE_PER_PAGE = 100
# The articles index lists every article up to this many; past it, the index gives each
# month's count, and each month's articles have pages of their own, this many a page (at
# 2,000 synthetic articles the index listing them all weighed 1.5 MB).
ARTICLES_ONE_PAGE = 100
ARTICLES_PER_PAGE = 100
# The sources page names at most this many articles for each role of an outlet, and of the
# texts with no source (5,000 synthetic articles: 813 KB listing them all).
SOURCES_ARTICLES_SHOWN = 20
# An alphabetical list of entities (the index, a type's page) is cut into pages of this many
# (5,000 synthetic articles name 10,000 entities: the index listing them all weighed 1.7 MB).
ENTITIES_PER_PAGE = 500
# The home page of an edition past ARTICLES_ONE_PAGE shows this many of the latest articles.
LATEST_SHOWN = 12


@dataclass(frozen=True)
class BlockView:
    id: str
    kind: BlockKind
    markdown: SafeMarkdown
    toc_label: str | None = None  # plain text for the table of contents of a heading with a note


@dataclass(frozen=True)
class SourceLineView:
    """A non-blank line of a seed as the « texte source » page shows it: kept (the anchor of
    the paragraph it became) or left out (its reason); a run of reader comments is one line
    that only counts them (their text is not reproduced)."""

    number: int
    text: str
    block: str | None = None
    reason: str | None = None
    comments: int = 0


def source_lines(article: Article) -> list[SourceLineView]:
    blocks = {block.line: block.id for block in article.blocks}
    shown: list[SourceLineView] = []
    for line in article.clean.lines:
        if line.cls is LineClass.BLANK:
            continue
        if line.rule is Rule.COMMENT_SECTION:
            if shown and shown[-1].comments:
                last = shown[-1]
                shown[-1] = SourceLineView(last.number, "", comments=last.comments + 1)
            else:
                shown.append(SourceLineView(line.number, "", comments=1))
            continue
        shown.append(SourceLineView(line.number, line.text, blocks.get(line.number),
                                    line.reason.value if line.reason else None))
    return shown


@dataclass(frozen=True)
class ArticleItem:
    article: Article
    first_sentence: str
    meta_links: dict[str, str]


@dataclass(frozen=True)
class GlossaryEntry:
    term: Term
    uses: list[tuple[Article, list[Block]]]  # each article with the paragraphs the term is in

    @property
    def shown(self) -> list[tuple[Article, list[Block]]]:
        """The articles the glossary page lists for the term; all of them, up to
        ``GLOSSARY_ARTICLES_SHOWN``."""
        return self.uses[:GLOSSARY_ARTICLES_SHOWN]

    @property
    def pages(self) -> list[MentionPage]:
        """The pages that list every article using the term, ``USES_PER_PAGE`` each: none
        when the glossary page lists them all."""
        if len(self.uses) <= GLOSSARY_ARTICLES_SHOWN:
            return []
        return [MentionPage(number, start + 1, min(start + USES_PER_PAGE, len(self.uses)))
                for number, start in enumerate(range(0, len(self.uses), USES_PER_PAGE), start=1)]


@dataclass(frozen=True)
class YearPage:
    """One page of a long timeline: its ``year``, its ``number`` in the year (from 1), the
    number of its first date in the year, its dates, and the year's count."""

    year: str
    number: int
    first: int
    entries: list[TimelineEntry]
    of: int

    @property
    def last(self) -> int:
        return self.first + len(self.entries) - 1


@dataclass(frozen=True)
class MonthPage:
    """One page of a month's articles in a large edition: its ``month`` ("2025-03"; None for
    the undated articles), its ``number`` in the month (from 1), the number of its first
    article in the month, its articles, and the month's count."""

    month: str | None
    number: int
    first: int
    items: list[ArticleItem]
    of: int

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1

    @property
    def year(self) -> str | None:
        return self.month[:4] if self.month else None

    @property
    def title(self) -> str:
        return self.title_of(self.month)

    @staticmethod
    def title_of(month: str | None) -> str:
        """"Mars 2025", or "Sans date"."""
        return (date_label(month) if month else "sans date").capitalize()


@dataclass(frozen=True)
class EntityListPage:
    """One page of an alphabetical list of entities (``alphabetical_pages``): its ``number``
    (from 1) and its entities, each with its number of mentions."""

    number: int
    entities: list[tuple[Entity, int]]

    @property
    def by_letter(self) -> list[tuple[str, list[tuple[Entity, int]]]]:
        return by_letter(self.entities)

    @property
    def label(self) -> str:
        """The span of names it holds, by their first letters: "Aba–Cas"."""
        first, last = (re.sub(r"\W", "", fold(self.entities[i][0].name))[:3].capitalize() for i in (0, -1))
        return first if first == last else f"{first}–{last}"


def by_letter(entities: Sequence[tuple[Entity, int]]) -> list[tuple[str, list[tuple[Entity, int]]]]:
    """``entities`` (A–Z) by their initial."""
    return [(letter, list(group)) for letter, group in groupby(entities, key=lambda e: initial_of(e[0].name))]


def alphabetical_pages(entities: Sequence[tuple[Entity, int]]) -> list[EntityListPage]:
    """``entities`` (A–Z) cut into pages of ``ENTITIES_PER_PAGE``; one page when they fit."""
    return [EntityListPage(number, list(entities[start:start + ENTITIES_PER_PAGE]))
            for number, start in enumerate(range(0, max(len(entities), 1), ENTITIES_PER_PAGE), start=1)]


@dataclass(frozen=True)
class OutletView:
    outlet: Outlet
    entity: Entity | None
    as_source: list[Article]  # articles that credit it as their source
    as_publisher: list[Article]  # articles taken from it
    cited_in: list[Article]  # articles that name it in their text


@dataclass(frozen=True)
class TypeGroup:
    type: EntityType
    entities: list[tuple[Entity, int]]


M = TypeVar("M")
C = TypeVar("C")


@dataclass(frozen=True)
class Span(Generic[M]):
    """A part of a block's text shown as ``markup`` (a link) instead of as text."""

    start: int
    end: int
    markup: M


def interleaved(text: str, spans: Sequence[Span[M]], calls: Sequence[tuple[int, C]]) -> list[str | M | C]:
    """``text`` cut into its plain parts (``str``), with ``spans`` (non-overlapping) in place
    of the text they cover and each call after its position; a call that would fall inside a
    span goes right after it. The plain parts are the text as written: whoever writes them
    escapes them."""
    ordered = sorted(spans, key=lambda s: s.start)
    moved = []
    for at, call in calls:
        inside = [s.end for s in ordered if s.start < at < s.end]
        moved.append((inside[0] if inside else at, call))
    moved.sort(key=operator.itemgetter(0))
    parts: list[str | M | C] = []
    position, next_call = 0, 0
    for span in [*ordered, None]:
        start = len(text) if span is None else span.start
        while next_call < len(moved) and moved[next_call][0] <= start:
            at, call = moved[next_call]
            parts += [text[position:at], call]
            position, next_call = at, next_call + 1
        parts.append(text[position:start])
        if span is not None:
            parts.append(span.markup)
            position = span.end
    return parts


def annotated_markdown(text: str, spans: Sequence[Span[SafeMarkdown]],
                       calls: Sequence[tuple[int, SafeMarkdown]]) -> SafeMarkdown:
    """``text`` escaped, with ``spans`` replaced by their Markdown and each call's Markdown
    after its position (``interleaved``)."""
    return SafeMarkdown("".join(part if isinstance(part, SafeMarkdown) else md_escape(part)
                                for part in interleaved(text, spans, calls)))


def marked(article: Article, block: Block) -> list[Mention | TermUse]:
    """The annotations a reader sees in a block, in text order: the mentions linked to their
    entity (the first of each per section) and the terms marked with their definition."""
    found: list[Mention | TermUse] = [m for m in article.mentions_by_block.get(block.id, ()) if m.linked]
    found += [u for u in article.terms_by_block.get(block.id, ()) if u.marked]
    found.sort(key=operator.attrgetter("start"))
    return found


def article_first_sentence(article: Article) -> str:
    first = next((b.text for b in article.blocks if b.kind is not BlockKind.HEADING), "")
    return first_sentence(first)


def description(article: Article) -> str:
    """The page's description for search engines: its first sentence, shortened."""
    text = article_first_sentence(article)
    if len(text) > DESCRIPTION_MAX_CHARS:
        text = text[:DESCRIPTION_MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return text


def sort_key(entity: Entity) -> tuple[str, str]:
    return fold(entity.name).casefold(), entity.id


def initial_of(name: str) -> str:
    first = fold(name)[:1].upper()
    return first if first.isalpha() else "0–9"


class Views:
    """The views of one edition, for its pages."""

    def __init__(self, articles: Sequence[Article], registers: Registers, references: CrossReferences,
                 inline: Any) -> None:
        """``inline``: the patterns of the annotations inside a paragraph (``INLINE_TEMPLATE``)."""
        self.articles = reading_order(articles)
        self.registers = registers
        self.entities = registers.entities
        self.references = references
        self.inline = inline

    def mentioned(self, article: Article) -> list[Entity]:
        """The entities an article names, once each, in the order the text first names them."""
        ids = dict.fromkeys(mention.entity for mention in article.mentions)
        return [self.entities[entity_id] for entity_id in ids]

    def block_markdown(self, article: Article, block: Block, references: LinkReferences) -> SafeMarkdown:
        """The block's text, escaped, with its first mentions linked to their entity pages,
        the first occurrences of glossary terms linked to the glossary, and the calls of the
        notes anchored in it. The links are ``references`` of the article's page, numbered in
        the order of the text."""
        spans = [Span(item.start, item.end, self._annotation(item, article.page_path, references))
                 for item in marked(article, block)]
        calls = [(n.position, SafeMarkdown(self.inline.note_call.format(id=anchor(n.note.id))))
                 for n in article.notes_by_block.get(block.id, ())]
        return annotated_markdown(block.text, spans, calls)

    def _annotation(self, item: Mention | TermUse, page: str, references: LinkReferences) -> SafeMarkdown:
        """A marked mention or term, as ``templates/_inline.md.j2`` writes it."""
        if isinstance(item, Mention):
            entity = self.entities[item.entity]
            link = references.link(item.text, relative(entity.page_path, page),
                                   self.inline.mention_title.format(entity=entity))
            return SafeMarkdown(link + self.inline.mention_attributes)
        term = self.registers.glossary[item.term]
        link = references.link(item.text, relative(f"{GLOSSARY_PAGE}#{term.id}", page),
                               self.inline.term_title.format(term=term))
        return SafeMarkdown(link + self.inline.term_attributes)

    def block_views(self, article: Article, references: LinkReferences) -> list[BlockView]:
        views = []
        for block in article.blocks:
            has_calls = bool(article.notes_by_block.get(block.id))
            toc_label = block.text if block.kind is BlockKind.HEADING and has_calls else None
            views.append(BlockView(block.id, block.kind, self.block_markdown(article, block, references), toc_label))
        return views

    def meta_targets(self, article: Article) -> dict[str, Outlet | Entity]:
        """What the author, source or publisher leads to: an outlet to its entry among the
        sources, a name with an entity page to that entity."""
        targets: dict[str, Outlet | Entity] = {}
        outlets = self.registers.outlets.of(article)
        for field in ("author", "source", "publisher"):
            entity = self.entities.named(getattr(article, field))
            if field in outlets:
                targets[field] = outlets[field]
            elif entity is not None:
                targets[field] = entity
        return targets

    def meta_links(self, article: Article, page: str) -> dict[str, str]:
        """Author, source or publisher linked from ``page`` (``meta_targets``)."""
        return {field: relative(f"{SOURCES_PAGE}#{target.id}" if isinstance(target, Outlet) else target.page_path,
                                page)
                for field, target in self.meta_targets(article).items()}

    def meta_notes(self, article: Article) -> dict[str, str]:
        """The metadata field after which each outlet's note is called."""
        calls: dict[str, str] = {}
        for field, outlet in self.registers.outlets.of(article).items():
            if outlet.note().id not in calls.values():
                calls[field] = outlet.note().id
        return calls

    def items(self, page: str, articles: Sequence[Article] | None = None) -> list[ArticleItem]:
        """``articles`` (by default all of them, in reading order) as a list of ``page`` shows them."""
        return [ArticleItem(a, article_first_sentence(a), self.meta_links(a, page))
                for a in (self.articles if articles is None else articles)]

    @property
    def large(self) -> bool:
        """Whether the edition has too many articles for one list (``ARTICLES_ONE_PAGE``)."""
        return len(self.articles) > ARTICLES_ONE_PAGE

    def latest(self, page: str) -> list[ArticleItem]:
        """The ``LATEST_SHOWN`` most recent articles, the latest first, as ``page`` shows them."""
        dated = [a for a in self.articles if a.date is not None]
        return self.items(page, dated[::-1][:LATEST_SHOWN])

    def by_month(self) -> list[tuple[str | None, list[Article]]]:
        """The articles of each month ("2025-03"), in reading order; the undated ones last (None)."""
        return [(month, list(group)) for month, group in
                groupby(self.articles, key=lambda a: a.date.isoformat()[:7] if a.date else None)]

    @functools.cached_property
    def month_pages(self) -> list[MonthPage]:
        """The pages of each month's articles when the edition is ``large``, ``ARTICLES_PER_PAGE``
        a page, in order; none otherwise."""
        if not self.large:
            return []
        pages = []
        for month, articles in self.by_month():
            for number, start in enumerate(range(0, len(articles), ARTICLES_PER_PAGE), start=1):
                path = month_page(month, number)
                pages.append(MonthPage(month, number, start + 1,
                                       self.items(path, articles[start:start + ARTICLES_PER_PAGE]), len(articles)))
        return pages

    def months_by_year(self) -> list[tuple[str | None, list[list[MonthPage]]]]:
        """``month_pages`` by year (None: the undated articles), each month's pages together."""
        return [(year, [list(month) for _, month in groupby(of_year, key=operator.attrgetter("month"))])
                for year, of_year in groupby(self.month_pages, key=operator.attrgetter("year"))]

    @functools.cached_property
    def glossary(self) -> list[tuple[str, list[GlossaryEntry]]]:
        """A–Z, each term with the paragraphs it appears in, article by article (made once:
        the glossary page and the pages of its much-used terms read it)."""
        uses: dict[str, list[tuple[Article, list[Block]]]] = {t.id: [] for t in self.registers.glossary}
        for article in self.articles:
            blocks: dict[str, dict[str, None]] = {}  # ordered sets of block ids
            for use in article.terms:
                blocks.setdefault(use.term, {})[use.block] = None
            for term_id, block_ids in blocks.items():
                uses[term_id].append((article, [article.block(b) for b in block_ids]))
        entries = sorted((GlossaryEntry(t, uses[t.id]) for t in self.registers.glossary),
                         key=lambda e: (fold(e.term.term).casefold(), e.term.id))
        return [(letter, list(group)) for letter, group in groupby(entries, key=lambda e: initial_of(e.term.term))]

    def most_cited(self, limit: int = MOST_CITED) -> list[tuple[Entity, int]]:
        ranked = sorted(self.references.counts.items(), key=lambda kv: (-kv[1], sort_key(self.entities[kv[0]])))
        return [(self.entities[e], n) for e, n in ranked[:limit]]

    def timeline_by_year(self) -> list[tuple[str, list[TimelineEntry]]]:
        return [(year, list(group)) for year, group in groupby(self.references.timeline, key=lambda e: e.date[:4])]

    def timeline_pages(self) -> list[YearPage]:
        """The timeline's pages when it does not fit on one (``TIMELINE_ONE_PAGE``): each year's
        dates, ``TIMELINE_PER_PAGE`` a page, in order; none when it fits."""
        if len(self.references.timeline) <= TIMELINE_ONE_PAGE:
            return []
        return [YearPage(year, number, start + 1, entries[start:start + TIMELINE_PER_PAGE], len(entries))
                for year, entries in self.timeline_by_year()
                for number, start in enumerate(range(0, len(entries), TIMELINE_PER_PAGE), start=1)]

    def outlet_views(self) -> list[OutletView]:
        views = []
        roles = [(a, self.registers.outlets.of(a)) for a in self.articles]
        for outlet in self.registers.outlets:
            entity = self.entities.get(outlet.entity) if outlet.entity else None
            views.append(OutletView(
                outlet, entity,
                as_source=[a for a, found in roles if found.get("source") == outlet],
                as_publisher=[a for a, found in roles if found.get("publisher") == outlet],
                cited_in=[a for a in self.articles if entity and any(m.entity == entity.id for m in a.mentions)]))
        return views

    def unsourced(self) -> list[Article]:
        """The articles that name no outlet."""
        return [a for a in self.articles if not self.registers.outlets.of(a)]

    @functools.cached_property
    def type_groups(self) -> list[TypeGroup]:
        """Each type's entities, A–Z (made once: the index's pages and the types' pages read them)."""
        groups = []
        for entity_type in self.entities.types:
            members = sorted((e for e in self.entities if e.type is entity_type), key=sort_key)
            groups.append(TypeGroup(entity_type, [(e, self.references.counts[e.id]) for e in members]))
        return groups

    def alphabetical(self) -> list[tuple[Entity, int]]:
        """Every entity, A–Z, with its number of mentions."""
        return [(e, self.references.counts[e.id]) for e in sorted(self.entities, key=sort_key)]

    def by_letter(self) -> list[tuple[str, list[tuple[Entity, int]]]]:
        """Every entity, A–Z by initial, with its number of mentions."""
        return by_letter(self.alphabetical())
