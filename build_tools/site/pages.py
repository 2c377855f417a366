"""Every generated file by its path under docs/: each page rendered from its template with
what its views give, and the export (``export``). The pages are rendered apart from each
other: on a large edition, shared between two cores (``parallel``)."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterator, Sequence

from .. import parallel
from ..crossref import CrossReferences, reading_order
from ..crossref.contexts import MentionPage, entity_index, mention_pages, page_contexts
from ..model import Article
from ..registers import Registers
from ..registers.entities import Entity
from . import export
from . import paths as site_paths
from .drawing import LABEL_GAP, MIN_PARAGRAPHS, draw
from .markdown import LinkReferences
from .navigation import NavLink, by_month, grouped
from .paths import (
    ARTICLES_INDEX,
    DATA_INDEX,
    DATA_NETWORK,
    DATA_TIMELINE,
    EPUB_FILE,
    EXPORT_FILE,
    GLOSSARY_PAGE,
    HOME,
    NAV_FILE,
    NETWORK_PAGE,
    PDF_FILE,
    SOURCES_PAGE,
    TIMELINE_PAGE,
    article_data,
    entities_page,
    entity_data,
    mentions_page,
    month_page,
    relative,
    source_page,
    timeline_page,
    type_page,
    uses_page,
)
from .render import Renderer
from .tei import TEI_REGISTER, TeiWriter, tei_path
from .views import (
    INLINE_TEMPLATE,
    SOURCES_ARTICLES_SHOWN,
    EntityListPage,
    GlossaryEntry,
    MonthPage,
    TypeGroup,
    Views,
    YearPage,
    alphabetical_pages,
    description,
    sort_key,
    source_lines,
)

STRONG_LINK = 2  # paragraphs in common for a link to count among the strongest
STRONGEST_SHOWN = 100  # at most this many of them in the network page's table
# Each drawn entity's partners the network page names, strongest first (a large edition's
# most named entities are named with all the others: fifty times fifty links).
PARTNERS_SHOWN = 10


def make_pages(articles: Sequence[Article], registers: Registers, references: CrossReferences,
               renderer: Renderer, edition_title: str | None = None) -> dict[str, str]:
    """Every generated file by its path under docs/, in the order of ``Pages.jobs`` (a job
    that gives None writes nothing)."""
    jobs = Pages(articles, registers, references, renderer, edition_title).jobs()
    made = zip(jobs, parallel.run(list(jobs.values())), strict=True)
    return {path: text for path, text in made if text is not None}


def page_files(articles: Sequence[Article], registers: Registers, references: CrossReferences,
               renderer: Renderer, edition_title: str | None = None) -> Iterator[tuple[str, str]]:
    """Each generated file's path under docs/ and text, as soon as it is rendered (in no
    set order), for a writer that need not hold them all."""
    jobs = Pages(articles, registers, references, renderer, edition_title).jobs()
    paths = list(jobs)
    for number, text in parallel.each(list(jobs.values())):
        if text is not None:
            yield paths[number], text


def _url_from(page: str) -> Callable[[str], str]:
    """The links to other pages as written in ``page``'s raw HTML: to their sources, as in
    Markdown, which every engine resolves (build_tools/publish/rawhtml.py)."""
    return functools.partial(relative, from_page=page)


def _short_url_from(page: str) -> Callable[[str], str]:
    """The links to other pages as written in ``page``'s Markdown lists: as short as they can
    be ("x.md" beside it), as an editor would write them."""
    return lambda target: posixpath.relpath(target, posixpath.dirname(page))


def edge_width(paragraphs: int) -> float:
    return min(1.0 + 1.5 * (paragraphs - 1), 9.0)


class Pages:
    def __init__(self, articles: Sequence[Article], registers: Registers, references: CrossReferences,
                 renderer: Renderer, edition_title: str | None = None) -> None:
        self.articles = list(articles)
        self.registers = registers
        self.references = references
        self.renderer = renderer
        self.tei = TeiWriter(registers, edition_title)
        self.views = Views(articles, registers, references, renderer.module(INLINE_TEMPLATE))

    def jobs(self) -> dict[str, Callable[[], str | None]]:
        """What makes each file, by its path."""
        render, views = self.renderer.render, self.views
        jobs: dict[str, Callable[[], str | None]] = {
            HOME: lambda: render("home.md.j2", articles=views.latest(HOME) if views.large else views.items(HOME),
                                 large=views.large, count=len(self.articles), most_cited=views.most_cited(),
                                 books=self.books(), tei_register=TEI_REGISTER),
            ARTICLES_INDEX: lambda: render("articles-index.md.j2", articles=[] if views.large else
                                           views.items(ARTICLES_INDEX), pages=views.month_pages,
                                           by_year=views.months_by_year(), url=_short_url_from(ARTICLES_INDEX),
                                           page_url=lambda p: _url_from(ARTICLES_INDEX)(month_page(p.month, p.number))),
            EXPORT_FILE: lambda: export.whole(self.articles, self.registers, self.references),
            DATA_INDEX: lambda: export.to_json(export.index_record(self.articles, self.registers, self.references)),
            DATA_TIMELINE: lambda: export.to_json(export.timeline_part(self.references)),
            DATA_NETWORK: lambda: export.to_json(export.network_part(self.references)),
            GLOSSARY_PAGE: lambda: render("glossary.md.j2", by_letter=views.glossary,
                                          url=_url_from(GLOSSARY_PAGE),
                                          page_url=lambda term, n: _url_from(GLOSSARY_PAGE)(uses_page(term.id, n))),
            TIMELINE_PAGE: lambda: render("timeline.md.j2", by_year=views.timeline_by_year(),
                                          pages=views.timeline_pages(), url=_url_from(TIMELINE_PAGE),
                                          page_url=lambda p: _url_from(TIMELINE_PAGE)(timeline_page(p.year, p.number))),
            NETWORK_PAGE: self.network_page,
            SOURCES_PAGE: lambda: render("sources.md.j2", outlets=views.outlet_views(), unsourced=views.unsourced(),
                                         shown=SOURCES_ARTICLES_SHOWN),
            NAV_FILE: self.navigation,
            TEI_REGISTER: self.tei.register,
        }
        for month in views.month_pages:
            jobs[month_page(month.month, month.number)] = functools.partial(self.month_page, month)
        year_pages = views.timeline_pages()
        for year_page in year_pages:
            jobs[timeline_page(year_page.year, year_page.number)] = functools.partial(self.year_page, year_page,
                                                                                    year_pages)
        for _, entries in views.glossary:
            for entry in entries:
                for page in entry.pages:
                    jobs[uses_page(entry.term.id, page.number)] = functools.partial(self.uses_page, entry, page)
        index_pages = alphabetical_pages(views.alphabetical())
        for listed in index_pages:
            jobs[entities_page(listed.number)] = functools.partial(self.entities_page, listed, index_pages)
        for group in views.type_groups:
            type_pages = alphabetical_pages(group.entities)
            for listed in type_pages:
                jobs[type_page(group.type, listed.number)] = functools.partial(self.type_page, group, listed,
                                                                               type_pages)
        for article in self.articles:
            jobs[article.page_path] = functools.partial(self.article_page, article)
            jobs[tei_path(article)] = functools.partial(self.tei.document, article)
            jobs[source_page(article.slug)] = functools.partial(self.source_page, article)
            jobs[article_data(article.slug)] = functools.partial(self.article_data, article)
        for entity in self.registers.entities:
            jobs[entity.page_path] = functools.partial(self.entity_page, entity)
            mentioned = self.references.mentioned.get(entity.id, [])
            for page in mention_pages(sum(len(mentions) for _, mentions in mentioned)):
                jobs[mentions_page(entity.id, page.number)] = functools.partial(self.mentions_page, entity, page)
            jobs[entity_data(entity.id)] = functools.partial(self.entity_data, entity)
        return jobs

    def navigation(self) -> str:
        types = [(entity_type, type_page(entity_type)) for entity_type in self.registers.entities.types]
        if self.views.large:
            months = [(month, NavLink(MonthPage.title_of(month), month_page(month, 1)),
                       [NavLink(a.title, a.page_path) for a in articles]) for month, articles in self.views.by_month()]
            return self.renderer.render("nav.md.j2", articles=by_month(months), types=types)
        articles = [NavLink(a.title, a.page_path) for a in reading_order(self.articles)]
        return self.renderer.render("nav.md.j2", articles=grouped(articles), types=types)

    def article_data(self, article: Article) -> str:
        return export.to_json(export.article_part(article, self.references))

    def entity_data(self, entity: Entity) -> str:
        return export.to_json(export.entity_part(entity, self.references))

    def books(self) -> dict[str, str | int | None]:
        """What the home page offers to take away: the EPUB, and the PDF up to its size."""
        wanted = site_paths.pdf_wanted(len(self.articles))
        return {"epub": EPUB_FILE, "pdf": PDF_FILE if wanted else None, "pdf_max": site_paths.PDF_MAX_ARTICLES}

    def article_page(self, article: Article) -> str:
        references = LinkReferences()
        return self.renderer.render(
            "article.md.j2", references=references, article=article,
            blocks=self.views.block_views(article, references), description=description(article),
            meta_links=self.views.meta_links(article, article.page_path), meta_notes=self.views.meta_notes(article),
            related=self.references.related[article.slug], mentioned=self.views.mentioned(article),
            tei=tei_path(article), source=source_page(article.slug))

    def source_page(self, article: Article) -> str:
        lines = source_lines(article)
        return self.renderer.render("source.md.j2", article=article, lines=lines, path=source_page(article.slug),
                                    kept=len(article.blocks), removed=sum(not line.block for line in lines
                                                                           if not line.comments),
                                    comments=sum(line.comments for line in lines))

    def entity_page(self, entity: Entity) -> str:
        page = entity.page_path
        index = entity_index(entity, self.references.mentioned.get(entity.id, []), self.registers.entities,
                             self.references.network)
        return self.renderer.render("entity.md.j2", entity=entity, index=index, page=page, url=_url_from(page),
                                    page_url=lambda n: _url_from(page)(mentions_page(entity.id, n)))

    def entities_page(self, page: EntityListPage, pages: list[EntityListPage]) -> str:
        path = entities_page(page.number)
        return self.renderer.render("entities-index.md.j2", page=page, pages=pages, path=path,
                                    types=self.views.type_groups, url=_short_url_from(path),
                                    page_url=lambda p: _url_from(path)(entities_page(p.number)))

    def type_page(self, group: TypeGroup, page: EntityListPage, pages: list[EntityListPage]) -> str:
        path = type_page(group.type, page.number)
        return self.renderer.render("entities-type.md.j2", group=group, page=page, pages=pages, path=path,
                                    url=_short_url_from(path),
                                    page_url=lambda p: _url_from(path)(type_page(group.type, p.number)))

    def month_page(self, page: MonthPage) -> str:
        path = month_page(page.month, page.number)
        return self.renderer.render("articles-month.md.j2", page=page, by_year=self.views.months_by_year(),
                                    path=path, url=_short_url_from(path),
                                    page_url=lambda p: _url_from(path)(month_page(p.month, p.number)))

    def year_page(self, page: YearPage, pages: list[YearPage]) -> str:
        path = timeline_page(page.year, page.number)
        return self.renderer.render("timeline-year.md.j2", page=page, pages=pages, path=path, url=_url_from(path),
                                    page_url=lambda p: _url_from(path)(timeline_page(p.year, p.number)))

    def uses_page(self, entry: GlossaryEntry, page: MentionPage) -> str:
        path = uses_page(entry.term.id, page.number)
        return self.renderer.render("glossary-uses.md.j2", entry=entry, page=page, path=path,
                                    uses=entry.uses[page.first - 1:page.last], url=_url_from(path),
                                    page_url=lambda term, n: _url_from(path)(uses_page(term.id, n)))

    def mentions_page(self, entity: Entity, page: MentionPage) -> str:
        path = mentions_page(entity.id, page.number)
        mentioned = self.references.mentioned.get(entity.id, [])
        pages = mention_pages(sum(len(mentions) for _, mentions in mentioned))
        return self.renderer.render("entity-mentions.md.j2", entity=entity, page=page, pages=pages,
                                    by_article=page_contexts(mentioned, page), url=_url_from(path), path=path,
                                    page_url=lambda n: _url_from(path)(mentions_page(entity.id, n)))

    def network_page(self) -> str:
        network = self.references.network
        drawing = draw(network, self.registers.entities)
        drawn = {n.entity.id for n in drawing.nodes}
        strong_links = [lk for lk in network.links if lk.paragraphs >= STRONG_LINK]
        neighbours = {e: [(o, n) for o, n in network.partners(e) if o in drawn] for e in drawn}
        return self.renderer.render(
            "network.md.j2", drawing=drawing, neighbours=neighbours, min_paragraphs=MIN_PARAGRAPHS,
            ranked=sorted(drawing.nodes, key=lambda n: (-n.mentions, sort_key(n.entity))),
            strong=STRONG_LINK, strongest=strong_links[:STRONGEST_SHOWN], strong_count=len(strong_links),
            entities=self.registers.entities.by_id, label_gap=LABEL_GAP, url=_url_from(NETWORK_PAGE),
            edge_width=edge_width, partners_shown=PARTNERS_SHOWN)
