"""Stage 5: every generated page, rendered from its template.

This module assembles what each template needs (views of the articles, the entity
indexes) and renders it; the templates decide how it looks."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby

from . import export, parallel
from .annotate import Registers
from .chronology import Statements, TimelineEntry, timeline
from .crossref import entity_index, mention_counts, mentions_by_entity, related_articles
from .glossary import GLOSSARY_PAGE, Term
from .metadata import first_sentence
from .model import Article, Block, BlockKind
from .network import LABEL_GAP, MIN_PARAGRAPHS, Drawing, cooccurrences, draw
from .outlets import SOURCES_PAGE, Outlet
from .register import Entity, EntityType
from .render import LinkReferences, Renderer, SafeMarkdown, md_escape, relative, url_from
from .textnorm import fold, match_key

DESCRIPTION_MAX_CHARS = 160
HOME = "index.md"
ARTICLES_INDEX = "articles/index.md"
ENTITIES_INDEX = "entites/index.md"
TIMELINE_PAGE = "chronologie.md"
NETWORK_PAGE = "reseau.md"
STRONG_LINK = 2  # paragraphs in common for a link to count among the strongest
STRONGEST_SHOWN = 100  # at most this many of them in the network page's table
MOST_CITED = 12


@dataclass(frozen=True)
class BlockView:
    id: str
    kind: str
    markdown: SafeMarkdown
    toc_label: str | None = None  # plain text for the table of contents of a heading with a note


@dataclass(frozen=True)
class ArticleItem:
    article: Article
    first_sentence: str
    meta_links: dict[str, str]


@dataclass(frozen=True)
class GlossaryEntry:
    term: Term
    uses: list[tuple[Article, list[Block]]]  # each article with the paragraphs the term is in


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


def reading_order(articles: Sequence[Article]) -> list[Article]:
    """By publication date, undated articles last, then by seed name."""
    return sorted(articles, key=lambda a: (a.date is None, a.date or 0, a.seed.path.name))


def type_page(entity_type: EntityType) -> str:
    return f"entites/types/{entity_type.slug}.md"


def _first_sentence(article: Article) -> str:
    first = next((b.text for b in article.blocks if b.kind.value != "heading"), "")
    return first_sentence(first)


def _description(article: Article) -> str:
    text = _first_sentence(article)
    if len(text) > DESCRIPTION_MAX_CHARS:
        text = text[:DESCRIPTION_MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return text


@dataclass(frozen=True)
class Span:
    """A part of a block's text shown as ``markdown`` (a link) instead of as text."""

    start: int
    end: int
    markdown: SafeMarkdown


def span(start: int, end: int, markdown: SafeMarkdown) -> Span:
    return Span(start, end, markdown)


def _note_call(note_id: str) -> str:
    return f"[^{note_id}]"


def annotated_markdown(text: str, spans: Sequence[Span], calls: Sequence[tuple[int, str]]) -> SafeMarkdown:
    """``text`` escaped, with ``spans`` (non-overlapping) replaced by their Markdown and a
    footnote call after each position in ``calls``; a call that would fall inside a span
    goes right after it."""
    ordered = sorted(spans, key=lambda s: s.start)
    moved = []
    for at, note_id in calls:
        inside = [s.end for s in ordered if s.start < at < s.end]
        moved.append((inside[0] if inside else at, note_id))
    moved.sort(key=lambda c: c[0])
    parts, position, next_call = [], 0, 0
    for span in [*ordered, Span(len(text), len(text), SafeMarkdown(""))]:
        while next_call < len(moved) and moved[next_call][0] <= span.start:
            at, note_id = moved[next_call]
            parts += [md_escape(text[position:at]), _note_call(note_id)]
            position, next_call = at, next_call + 1
        parts += [md_escape(text[position:span.start]), span.markdown]
        position = span.end
    return SafeMarkdown("".join(parts))


class PageMaker:
    def __init__(self, articles: Sequence[Article], registers: Registers, renderer: Renderer,
                 dates: parallel.Pending[dict[str, Statements]] | None = None) -> None:
        """``dates``: the articles' dated statements, if their reading was started beforehand
        (``chronology.read_dates``); they are awaited last."""
        self.articles = list(articles)
        self.registers = registers
        self.register = registers.entities
        self.glossary = registers.glossary
        self.renderer = renderer
        self._by_name = {match_key(form): e for e in self.register.entities for form in e.forms}
        self.counts = mention_counts(self.articles)
        self.related = related_articles(self.articles, self.register)
        self.network = cooccurrences(self.articles)
        self.mentioned = mentions_by_entity(self.articles)
        self.timeline = timeline(reading_order(self.articles), dates.result() if dates else None)

    def block_markdown(self, article: Article, block: Block, references: LinkReferences) -> SafeMarkdown:
        """The block's text, escaped, with the first mentions linked to their entity pages (the
        link's title, shown on hover, gives name and description), the first occurrences of
        glossary terms linked to the glossary with their definition on hover, and the calls of
        the notes anchored in it. The links are ``references`` of the article's page."""
        page = article.page_path
        links = []  # (start, end, text, target, title, what follows the link)
        for mention in article.mentions_by_block.get(block.id, ()):
            if mention.linked:
                entity = self.register[mention.entity]
                links.append((mention.start, mention.end, mention.text, relative(entity.page_path, page),
                              f"{entity.name} — {entity.description}", ""))
        for use in article.terms_by_block.get(block.id, ()):
            if use.marked:
                term = self.glossary[use.term]
                links.append((use.start, use.end, use.text, relative(f"{GLOSSARY_PAGE}#{term.id}", page),
                              term.definition, "{ .terme }"))
        links.sort(key=operator.itemgetter(0))  # the references numbered in the order of the text
        spans = [Span(start, end, SafeMarkdown(references.link(text, target, title) + after))
                 for start, end, text, target, title, after in links]
        calls = [(n.position, n.note.id) for n in article.notes_by_block.get(block.id, ())]
        return annotated_markdown(block.text, spans, calls)

    def block_views(self, article: Article, references: LinkReferences) -> list[BlockView]:
        views = []
        for block in article.blocks:
            has_calls = bool(article.notes_by_block.get(block.id))
            toc_label = block.text if block.kind is BlockKind.HEADING and has_calls else None
            markdown = self.block_markdown(article, block, references)
            views.append(BlockView(block.id, block.kind.value, markdown, toc_label))
        return views

    def meta_links(self, article: Article, page: str) -> dict[str, str]:
        """Author, source or publisher linked from ``page``: an outlet to its entry on the
        sources page, a name with an entity page to that page."""
        links: dict[str, str] = {}
        outlets = self.registers.outlets.of(article)
        for field in ("author", "source", "publisher"):
            value = getattr(article, field)
            entity = self._by_name.get(match_key(value)) if value else None
            if field in outlets:
                links[field] = relative(f"{SOURCES_PAGE}#{outlets[field].id}", page)
            elif entity is not None:
                links[field] = relative(entity.page_path, page)
        return links

    def meta_notes(self, article: Article) -> dict[str, str]:
        """The metadata field after which each outlet's note is called."""
        calls: dict[str, str] = {}
        for field, outlet in self.registers.outlets.of(article).items():
            if outlet.note().id not in calls.values():
                calls[field] = outlet.note().id
        return calls

    def items(self, page: str) -> list[ArticleItem]:
        return [ArticleItem(a, _first_sentence(a), self.meta_links(a, page)) for a in reading_order(self.articles)]

    def pages(self) -> dict[str, str]:
        """Every generated file by its path under docs/. The pages are rendered apart from
        each other, shared between two cores on a large edition (``parallel``)."""
        render = self.renderer.render
        jobs: dict[str, Callable[[], str]] = {
            HOME: lambda: render("home.md.j2", articles=self.items(HOME), most_cited=self.most_cited()),
            ARTICLES_INDEX: lambda: render("articles-index.md.j2", articles=self.items(ARTICLES_INDEX)),
            "edition.json": lambda: export.to_json(export.edition_record(
                self.articles, self.registers, self.related, self.timeline, self.network)),
            GLOSSARY_PAGE: lambda: render("glossary.md.j2", by_letter=self.glossary_entries(),
                                          url=functools.partial(url_from, from_page=GLOSSARY_PAGE)),
            TIMELINE_PAGE: lambda: render("timeline.md.j2", by_year=self.timeline_by_year(),
                                          url=functools.partial(url_from, from_page=TIMELINE_PAGE)),
            NETWORK_PAGE: self.network_page,
            SOURCES_PAGE: lambda: render("sources.md.j2", outlets=self.outlet_views(),
                                         unsourced=[a for a in reading_order(self.articles)
                                                    if not self.registers.outlets.of(a)]),
            **self.entity_index_pages(),
        }
        for article in self.articles:
            jobs[article.page_path] = functools.partial(self.article_page, article)
        for entity in self.register.entities:
            jobs[entity.page_path] = functools.partial(self.entity_page, entity)
        return dict(zip(jobs, parallel.run(list(jobs.values())), strict=True))

    def article_page(self, article: Article) -> str:
        references = LinkReferences()
        return self.renderer.render(
            "article.md.j2", references=references, article=article, blocks=self.block_views(article, references),
            description=_description(article), meta_links=self.meta_links(article, article.page_path),
            meta_notes=self.meta_notes(article), related=self.related[article.slug])

    def glossary_entries(self) -> list[tuple[str, list[GlossaryEntry]]]:
        """A–Z, each term with the paragraphs it appears in, article by article."""
        uses: dict[str, list[tuple[Article, list[Block]]]] = {t.id: [] for t in self.glossary.terms}
        for article in reading_order(self.articles):
            blocks: dict[str, dict[str, None]] = {}  # ordered sets of block ids
            for use in article.terms:
                blocks.setdefault(use.term, {})[use.block] = None
            for term_id, block_ids in blocks.items():
                uses[term_id].append((article, [article.block(b) for b in block_ids]))
        entries = sorted((GlossaryEntry(t, uses[t.id]) for t in self.glossary.terms),
                         key=lambda e: (fold(e.term.term).casefold(), e.term.id))
        return [(letter, list(group)) for letter, group in groupby(entries, key=lambda e: initial_of(e.term.term))]

    def most_cited(self, limit: int = MOST_CITED) -> list[tuple[Entity, int]]:
        ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], sort_key(self.register[kv[0]])))
        return [(self.register[e], n) for e, n in ranked[:limit]]

    def timeline_by_year(self) -> list[tuple[str, list[TimelineEntry]]]:
        return [(year, list(group)) for year, group in groupby(self.timeline, key=lambda e: e.date[:4])]

    def network_page(self) -> str:
        drawing: Drawing = draw(self.network, self.register)
        drawn = {n.entity.id for n in drawing.nodes}
        strong_links = [lk for lk in self.network.links if lk.paragraphs >= STRONG_LINK]
        neighbours = {e: [(o, n) for o, n in self.network.partners(e) if o in drawn] for e in drawn}
        return self.renderer.render(
            "network.md.j2", drawing=drawing, neighbours=neighbours, min_paragraphs=MIN_PARAGRAPHS,
            ranked=sorted(drawing.nodes, key=lambda n: (-n.mentions, sort_key(n.entity))),
            strong=STRONG_LINK, strongest=strong_links[:STRONGEST_SHOWN], strong_count=len(strong_links),
            entities=self.register.by_id, label_gap=LABEL_GAP,
            url=functools.partial(url_from, from_page=NETWORK_PAGE), edge_width=edge_width)

    def outlet_views(self) -> list[OutletView]:
        views = []
        ordered = reading_order(self.articles)
        roles = [(a, self.registers.outlets.of(a)) for a in ordered]
        for outlet in self.registers.outlets:
            entity = self.register.get(outlet.entity) if outlet.entity else None
            views.append(OutletView(
                outlet, entity,
                as_source=[a for a, found in roles if found.get("source") == outlet],
                as_publisher=[a for a, found in roles if found.get("publisher") == outlet],
                cited_in=[a for a in ordered if entity and any(m.entity == entity.id for m in a.mentions)]))
        return views

    def type_groups(self) -> list[TypeGroup]:
        groups = []
        for entity_type in self.register.types:
            members = sorted((e for e in self.register.entities if e.type is entity_type), key=sort_key)
            groups.append(TypeGroup(entity_type, [(e, self.counts[e.id]) for e in members]))
        return groups

    def entity_page(self, entity: Entity) -> str:
        page = entity.page_path
        index = entity_index(entity, self.mentioned.get(entity.id, []), self.register, self.network)
        return self.renderer.render("entity.md.j2", entity=entity, index=index, page=page,
                                    url=functools.partial(url_from, from_page=page))

    def entity_index_pages(self) -> dict[str, Callable[[], str]]:
        """The index of all entities, A–Z, and one page per type."""
        render = self.renderer.render
        ordered = sorted(self.register.entities, key=sort_key)
        by_letter = [(letter, [(e, self.counts[e.id]) for e in group])
                     for letter, group in groupby(ordered, key=initial)]
        groups = self.type_groups()
        pages: dict[str, Callable[[], str]] = {
            ENTITIES_INDEX: lambda: render("entities-index.md.j2", by_letter=by_letter, types=groups)}
        for group in groups:
            pages[type_page(group.type)] = functools.partial(render, "entities-type.md.j2", group=group)
        return pages


def edge_width(paragraphs: int) -> float:
    return min(1.0 + 1.5 * (paragraphs - 1), 9.0)


def sort_key(entity: Entity) -> tuple[str, str]:
    return fold(entity.name).casefold(), entity.id


def initial_of(name: str) -> str:
    first = fold(name)[:1].upper()
    return first if first.isalpha() else "0–9"


def initial(entity: Entity) -> str:
    return initial_of(entity.name)
