"""Stage 5: every generated page, rendered from its template.

This module assembles what each template needs (views of the articles, the entity
indexes) and renders it; the templates decide how it looks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from . import export
from .crossref import EntityIndex, entity_indexes, mention_counts
from .metadata import first_sentence
from .model import Article, Block, Mention
from .register import Entity, EntityType, Register
from .render import Renderer, SafeMarkdown, md_escape, md_link, relative
from .textnorm import fold, match_key

DESCRIPTION_MAX_CHARS = 160
HOME = "index.md"
ARTICLES_INDEX = "articles/index.md"
ENTITIES_INDEX = "entites/index.md"


@dataclass(frozen=True)
class BlockView:
    id: str
    kind: str
    markdown: SafeMarkdown


@dataclass(frozen=True)
class ArticleItem:
    article: Article
    first_sentence: str
    meta_links: dict[str, str]


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


def block_markdown(block: Block, mentions: Sequence[Mention], register: Register, page: str) -> SafeMarkdown:
    """The block's text, escaped, with its linked mentions as links to entity pages; the
    link's title (shown on hover) gives the entity's name and description."""
    parts, position = [], 0
    for mention in mentions:
        if not mention.linked:
            continue
        entity = register[mention.entity]
        parts.append(md_escape(block.text[position:mention.start]))
        parts.append(md_link(mention.text, relative(entity.page_path, page),
                             f"{entity.name} — {entity.description}"))
        position = mention.end
    parts.append(md_escape(block.text[position:]))
    return SafeMarkdown("".join(parts))


def block_views(article: Article, register: Register) -> list[BlockView]:
    by_block = article.mentions_by_block
    return [BlockView(b.id, b.kind.value, block_markdown(b, by_block.get(b.id, []), register, article.page_path))
            for b in article.blocks]


class PageMaker:
    def __init__(self, articles: Sequence[Article], register: Register, renderer: Renderer) -> None:
        self.articles = list(articles)
        self.register = register
        self.renderer = renderer
        self._by_name = {match_key(form): e for e in register.entities for form in e.forms}
        self.counts = mention_counts(self.articles)

    def meta_links(self, article: Article, page: str) -> dict[str, str]:
        """Author, source or publisher that has an entity page, linked from ``page``."""
        links = {}
        for field in ("author", "source", "publisher"):
            value = getattr(article, field)
            entity = self._by_name.get(match_key(value)) if value else None
            if entity is not None:
                links[field] = relative(entity.page_path, page)
        return links

    def items(self, page: str) -> list[ArticleItem]:
        return [ArticleItem(a, _first_sentence(a), self.meta_links(a, page)) for a in reading_order(self.articles)]

    def pages(self) -> dict[str, str]:
        render = self.renderer.render
        files = {
            HOME: render("home.md.j2", articles=self.items(HOME)),
            ARTICLES_INDEX: render("articles-index.md.j2", articles=self.items(ARTICLES_INDEX)),
            "edition.json": export.to_json(export.edition_record(self.articles, self.register)),
        }
        for article in self.articles:
            files[article.page_path] = render(
                "article.md.j2", article=article, blocks=block_views(article, self.register),
                description=_description(article), meta_links=self.meta_links(article, article.page_path))
        files.update(self.entity_pages(entity_indexes(self.articles, self.register)))
        return files

    def type_groups(self) -> list[TypeGroup]:
        groups = []
        for entity_type in self.register.types:
            members = sorted((e for e in self.register.entities if e.type is entity_type), key=sort_key)
            groups.append(TypeGroup(entity_type, [(e, self.counts[e.id]) for e in members]))
        return groups

    def entity_pages(self, indexes: dict[str, EntityIndex]) -> dict[str, str]:
        render = self.renderer.render
        files = {}
        for entity in self.register.entities:
            page = entity.page_path
            files[page] = render("entity.md.j2", entity=entity, index=indexes[entity.id], page=page)
        ordered = sorted(self.register.entities, key=sort_key)
        by_letter = [(letter, [(e, self.counts[e.id]) for e in group])
                     for letter, group in groupby(ordered, key=initial)]
        groups = self.type_groups()
        files[ENTITIES_INDEX] = render("entities-index.md.j2", by_letter=by_letter, types=groups)
        for group in groups:
            files[type_page(group.type)] = render("entities-type.md.j2", group=group)
        return files


def sort_key(entity: Entity) -> tuple[str, str]:
    return fold(entity.name).casefold(), entity.id


def initial(entity: Entity) -> str:
    first = fold(entity.name)[:1].upper()
    return first if first.isalpha() else "0–9"
