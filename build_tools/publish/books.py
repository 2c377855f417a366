"""The edition to take away: the whole edition as one book, written as an EPUB 3 (``epub``)
and as a print-ready PDF (``pdf``) beside the built site.

What the book holds is worked out here once for both: the articles in reading order, each
paragraph cut into its plain text and the annotations a reader sees on the site (a linked
mention, a marked term, a note's call: ``site.views.marked``), each article's notes numbered
in the order of their calls; the glossary; the index of the entities with the paragraphs that
name them; the sources. How it looks is in ``templates/books/``; the two formats differ only
in where an anchor is (``Links``): an EPUB has a document per article and per section, the
print edition is one document."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..errors import EditionError
from ..model import Article, Block, Edition, Mention, PlacedNote, TermUse
from ..project import Paths
from ..registers.entities import Entity
from ..registers.outlets import Outlet
from ..site import Renderer
from ..site import paths as site_paths
from ..site.paths import EPUB_FILE, PDF_FILE
from ..site.views import INLINE_TEMPLATE, Span, Views, interleaved, marked

META_FIELDS = ("author", "date", "source", "publisher")  # the order of the metadata line


class BookError(EditionError):
    """A book that cannot be written: what is missing, and how to get it."""


class PieceKind(StrEnum):
    TEXT = "text"
    MENTION = "mention"
    TERM = "term"
    CALL = "call"


@dataclass(frozen=True)
class Piece:
    """A part of a paragraph: its text as written, or an annotation of it. ``target``: the
    entity, the term or the note it leads to; ``number``: a note call's number."""

    kind: PieceKind
    text: str
    target: str = ""
    number: int = 0


@dataclass(frozen=True)
class BookBlock:
    block: Block
    pieces: list[Piece]


@dataclass(frozen=True)
class BookArticle:
    article: Article
    blocks: list[BookBlock]
    notes: list[tuple[int, PlacedNote]]  # each with its number, in the order of the calls
    meta_targets: dict[str, Outlet | Entity]  # what "author", "source", "publisher" lead to
    meta_calls: dict[str, Piece]  # the note called after a field of the metadata line


@dataclass(frozen=True)
class IndexEntry:
    """An entity and the paragraphs that name it, article by article."""

    entity: Entity
    pages: list[tuple[Article, list[Block]]]


@dataclass(frozen=True)
class Book:
    title: str
    description: str
    modified: dt.datetime  # when the book was made (SOURCE_DATE_EPOCH, for builds that repeat)
    articles: list[BookArticle]
    views: Views  # the glossary and the sources, as the site's pages have them
    index: list[tuple[str, list[IndexEntry]]]  # A–Z


class Links:
    """Where each anchor is: in an EPUB, a file per article and per section (``p12`` in
    ``slug.xhtml``); in the print edition, one document (``slug-p12``)."""

    def __init__(self, *, epub: bool) -> None:
        self.epub = epub

    def _file(self, name: str) -> str:
        return f"{name}.xhtml" if self.epub else ""

    def id(self, article: Article, local: str) -> str:
        """The id of ``local`` (a paragraph, a note, a call) of ``article``."""
        return local if self.epub else f"{article.slug}-{local}"

    def to(self, article: Article, local: str) -> str:
        return f"{self._file(article.slug)}#{self.id(article, local)}"

    def article(self, article: Article) -> str:
        return f"{self._file(article.slug)}#{article.slug}"

    def section(self, name: str) -> str:
        """``glossaire``, ``entites``, ``sources``: the start of that section."""
        return f"{self._file(name)}#{name}"

    def entity(self, entity_id: str) -> str:
        return f"{self._file('entites')}#entite-{entity_id}"

    def term(self, term_id: str) -> str:
        return f"{self._file('glossaire')}#terme-{term_id}"

    def outlet(self, outlet_id: str) -> str:
        return f"{self._file('sources')}#source-{outlet_id}"

    def record(self, record: Outlet | Entity) -> str:
        """Where an article's author, source or publisher leads (``Views.meta_targets``)."""
        return self.outlet(record.id) if isinstance(record, Outlet) else self.entity(record.id)


def book_article(article: Article, views: Views) -> BookArticle:
    numbers: dict[str, int] = {}

    def call(placed: PlacedNote) -> Piece:
        numbers[placed.note.id] = len(numbers) + 1
        return Piece(PieceKind.CALL, "", placed.note.id, numbers[placed.note.id])

    notes = {placed.note.id: placed for placed in article.notes}
    called = views.meta_notes(article)
    meta_calls = {field: call(notes[called[field]]) for field in META_FIELDS if field in called}
    blocks = []
    for block in article.blocks:
        spans = [Span(item.start, item.end, _annotation(item)) for item in marked(article, block)]
        calls = [(placed.position, call(placed))
                 for placed in sorted(article.notes_by_block.get(block.id, ()), key=lambda p: p.position)]
        pieces = [part if isinstance(part, Piece) else Piece(PieceKind.TEXT, part)
                  for part in interleaved(block.text, spans, calls) if part]
        blocks.append(BookBlock(block, pieces))
    ordered = sorted(numbers, key=numbers.__getitem__)
    return BookArticle(article, blocks, [(numbers[n], notes[n]) for n in ordered], views.meta_targets(article),
                       meta_calls)


def _annotation(item: Mention | TermUse) -> Piece:
    if isinstance(item, Mention):
        return Piece(PieceKind.MENTION, item.text, item.entity)
    return Piece(PieceKind.TERM, item.text, item.term)


def entity_index(edition: Edition, views: Views) -> list[tuple[str, list[IndexEntry]]]:
    """Every entity, A–Z, with the paragraphs that name it, the articles in reading order."""
    order = {article.slug: n for n, article in enumerate(views.articles)}
    index = []
    for letter, entities in views.by_letter():
        entries = []
        for entity, _count in entities:
            mentioned = sorted(edition.references.mentioned.get(entity.id, []), key=lambda am: order[am[0].slug])
            pages = [(article, [article.block(b) for b in dict.fromkeys(m.block for m in mentions)])
                     for article, mentions in mentioned]
            entries.append(IndexEntry(entity, pages))
        index.append((letter, entries))
    return index


def modified_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when it is set, so that two builds can give the same book."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.replace(microsecond=0)


def make_book(edition: Edition, paths: Paths, renderer: Renderer) -> Book:
    views = Views(edition.articles, edition.registers, edition.references, renderer.module(INLINE_TEMPLATE))
    return Book(paths.edition_title or "", paths.edition_description, modified_time(),
                [book_article(a, views) for a in views.articles], views,
                entity_index(edition, views))


def write_books(edition: Edition, paths: Paths, folder: Path) -> tuple[list[Path], list[str]]:
    """``edition.epub`` and, up to ``PDF_MAX_ARTICLES`` articles, ``edition.pdf`` of the
    edition, written into ``folder``; and what was not written, and why."""
    from .epub import write_epub  # noqa: PLC0415 - the books' tools load only for this command
    from .pdf import write_pdf  # noqa: PLC0415

    renderer = Renderer(paths.templates)
    book = make_book(edition, paths, renderer)
    folder.mkdir(parents=True, exist_ok=True)
    written = [write_epub(book, renderer, folder / EPUB_FILE)]
    if not site_paths.pdf_wanted(len(edition.articles)):
        (folder / PDF_FILE).unlink(missing_ok=True)
        limit = site_paths.PDF_MAX_ARTICLES
        return written, [f"{folder / PDF_FILE}: not written: {len(edition.articles)} articles, more than the "
                         f"{limit} of a PDF (build_tools/site/paths.py); each article's page prints"]
    return [*written, write_pdf(book, renderer, folder / PDF_FILE)], []
