"""Typed objects passed between the pipeline stages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from .crossref import CrossReferences
    from .registers import Registers


class LineClass(StrEnum):
    """What a line of a raw seed is."""

    BLANK = "blank"
    TITLE = "title"
    BYLINE = "byline"
    DATELINE = "dateline"
    DATE = "date"
    SOURCE = "source"
    HEADING = "heading"
    STANDFIRST = "standfirst"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    BOILERPLATE = "boilerplate"

    @property
    def is_body(self) -> bool:
        return self in _BODY


_BODY = frozenset({LineClass.HEADING, LineClass.STANDFIRST, LineClass.PARAGRAPH,
                   LineClass.QUOTE})


class Rule(StrEnum):
    """The cleaning rule that decided a line's class (``ingest.clean``)."""

    BLANK = "blank"
    ARTICLE_TEXT = "article-text"  # provisional: text the context rules then type
    # Rules that judge a line alone:
    SEPARATOR = "separator"
    NEWS_TICKER = "news-ticker"
    COUNTER = "counter"  # a player's time or a slide show's count: figures, no letter
    SOURCE_LINE = "source-line"
    BYLINE = "byline"
    DATELINE = "dateline"
    DATE_LINE = "date-line"
    COMMENT_HEADER = "comment-header"
    COMMENT_CONTROLS = "comment-controls"
    MODERATION_NOTICE = "moderation-notice"
    FURNITURE = "furniture"  # the whole line is a phrase of cues.yml
    FURNITURE_START = "furniture-start"  # a short line starts with one
    PROMPT = "prompt"  # a short line contains one: provisional, kept inside the article
    BREADCRUMB = "breadcrumb"
    GLUED_MENU = "glued-menu"  # a menu's items copied with no marks between them
    TAG_LINE = "tag-line"
    CREDIT = "credit"  # a caption ending with its photo credit, or an image's file name
    IMAGE_ID = "image-id"  # an image's number or hashed name alone
    # Rules that judge a line by the lines around it:
    COMMENT_SECTION = "comment-section"
    TEASER = "teaser"
    LIST_ITEM = "list-item"  # provisional: an item of a list an article's line announces
    CONTINUATION = "continuation"  # the rest of a furniture line's sentence, in lower case
    NAME_BYLINE = "name-byline"
    AROUND_ARTICLE = "around-article"
    REPEATED_LINE = "repeated-line"
    DATED_LIST = "dated-list"  # items stamped newest first: other articles, a live feed
    CAPTION = "caption"  # a short sentence right above a photo's credit, or under an image's placeholder
    EDITOR_KEEP = "editor-keep"  # data/articles/<seed>.yml, keep
    EDITOR_REMOVE = "editor-remove"  # data/articles/<seed>.yml, remove
    TITLE = "title"
    STANDFIRST = "standfirst"
    QUOTATION = "quotation"
    HEADING = "heading"
    PARAGRAPH = "paragraph"


class Reason(StrEnum):
    """Why a non-blank line is not part of the article body (recorded in the export)."""

    TITLE = "title"
    BYLINE = "byline"
    DATELINE = "dateline"
    DATE = "date-line"
    SOURCE = "source-line"
    SEPARATOR = "separator"
    DONATION = "donation-appeal"
    TICKER = "news-ticker"
    REPORT_PROMPT = "report-prompt"
    SHARE_PROMPT = "share-prompt"
    ADVERTISEMENT = "advertisement"
    COMMENTS = "comment-section"
    MODERATION = "moderation-notice"
    NAVIGATION = "navigation"  # menus, breadcrumbs, the home link
    SUBSCRIPTION = "subscription"  # subscribe and log-in buttons, paywall notices
    RELATED = "related-link"  # "À lire aussi", "Les plus lus"
    CAPTION = "caption"  # captions and photo credits
    READING_TIME = "reading-time"
    TAGS = "tags"
    MEDIA = "media-message"  # a player's fallback text
    IMAGE = "image"  # an image's placeholder, file name or number
    CONSENT = "consent-banner"
    AROUND = "around-article"  # a line that is not a sentence, before or after the article
    REPEATED = "repeated-line"  # the title again, or a caption's twin
    EDITOR = "editor"  # left out by the editor (data/articles/<seed>.yml, remove)


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    STANDFIRST = "standfirst"


@dataclass(frozen=True)
class SourceLine:
    """A line of a seed as an editor sees it: 1-based number, text without terminator."""

    number: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass(frozen=True)
class Seed:
    """A raw article as read from disk."""

    path: Path
    rel_path: str  # path from the project root, with forward slashes
    lines: tuple[SourceLine, ...]
    warnings: tuple[str, ...] = ()

    @property
    def stem(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class ClassifiedLine:
    line: SourceLine
    cls: LineClass
    rule: Rule  # the rule that decided
    reason: Reason | None = None  # set for every non-blank line left out of the body
    doubt: str | None = None  # why an editor should look at the decision (``CleanResult.doubts``)

    @property
    def number(self) -> int:
        return self.line.number

    @property
    def text(self) -> str:
        return self.line.stripped


@dataclass(frozen=True)
class Block:
    """A unit of the article body, with its stable anchor (p1, p2, …).

    ``text`` is the seed's line exactly as written, without the line's outer whitespace."""

    id: str
    kind: BlockKind
    text: str
    line: int

    @property
    def number(self) -> str:
        """The paragraph's number as readers see it: "§ 12" for the anchor p12."""
        return self.id[1:]


@dataclass(frozen=True)
class RemovedLine:
    line: int
    text: str
    reason: Reason


class MetaField(StrEnum):
    """A piece of an article's metadata, by its key in data/articles/<seed stem>.yml."""

    TITLE = "title"
    AUTHOR = "author"
    DATE = "date"


@dataclass(frozen=True)
class MetaDoubt:
    """Metadata the cleaner read on weak evidence: an editor should confirm or correct it."""

    field: MetaField
    line: int  # of the seed, where it was read
    why: str


@dataclass(frozen=True)
class DetectedMeta:
    """Metadata the cleaner found in the text itself."""

    title: str | None = None
    author: str | None = None
    date: dt.date | None = None
    source: str | None = None
    doubts: tuple[MetaDoubt, ...] = ()


@dataclass(frozen=True)
class MentionPin:
    """An editor's decision for one occurrence: ``text`` inside ``quote`` is ``entity``
    (None: not an entity there)."""

    quote: str
    text: str
    entity: str | None
    line: int


class Genre(StrEnum):
    """What kind of article it is, as an editor says (data/articles/<seed stem>.yml)."""

    NEWS = "news"  # reporting, or not said: the default
    OPINION = "opinion"  # a column or commentary, its author's view (schema.org OpinionNewsArticle)


@dataclass(frozen=True)
class ArticleMeta:
    """Metadata an editor supplies in data/articles/<seed stem>.yml (all optional)."""

    title: str | None = None
    slug: str | None = None
    date: dt.date | None = None
    author: str | None = None
    source: str | None = None
    publisher: str | None = None
    original_url: str | None = None
    genre: Genre = Genre.NEWS
    path: Path | None = None
    pins: tuple[MentionPin, ...] = ()
    keep: tuple[LineQuote, ...] = ()  # lines the editor keeps in the article
    remove: tuple[LineQuote, ...] = ()  # lines the editor leaves out


@dataclass(frozen=True)
class LineQuote:
    """A line of a seed, named by an exact quotation of it (``keep``, ``remove``)."""

    quote: str
    line: int  # of the metadata file


@dataclass(frozen=True)
class LineChoices:
    """The editor's last word on the cleaner's lines: seed line numbers to keep, to leave out."""

    keep: frozenset[int] = frozenset()
    remove: frozenset[int] = frozenset()


NO_CHOICES = LineChoices()


@dataclass(frozen=True)
class CleanResult:
    """What the cleaner makes of a seed."""

    lines: tuple[ClassifiedLine, ...]
    blocks: tuple[Block, ...]
    removed: tuple[RemovedLine, ...]
    detected: DetectedMeta

    @property
    def doubts(self) -> tuple[ClassifiedLine, ...]:
        """The decisions made on weak evidence: lines left out or kept that an editor should
        look at (and settle with ``keep`` or ``remove`` if they are wrong)."""
        return tuple(line for line in self.lines if line.doubt)


class TitleOrigin(StrEnum):
    """Where an article's title comes from."""

    TEXT = "text"  # the text's own (an editor's title equal to it too)
    EDITOR = "editor"  # the editor's, the text having none
    OVERRIDE = "override"  # the editor's, in place of the text's
    DERIVED = "derived"  # the edition's stand-in, from the first sentence: none anywhere

    @property
    def is_editions(self) -> bool:
        """Whether the text itself has no title: the one shown is the edition's."""
        return self in (TitleOrigin.EDITOR, TitleOrigin.DERIVED)


@dataclass(frozen=True)
class Article:
    """A cleaned article with its final metadata (text detection, then editor overrides)."""

    seed: Seed
    slug: str
    title: str
    title_origin: TitleOrigin
    author: str | None
    date: dt.date | None
    source: str | None
    publisher: str | None
    original_url: str | None
    clean: CleanResult
    genre: Genre = Genre.NEWS
    meta_path: Path | None = None
    pins: tuple[MentionPin, ...] = ()
    editor_notes: tuple[Note, ...] = ()
    notes_path: Path | None = None
    meta_doubts: tuple[MetaDoubt, ...] = ()  # the cleaner's doubts on metadata the editor has not settled
    mentions: tuple[Mention, ...] = field(default=())
    terms: tuple[TermUse, ...] = field(default=())
    notes: tuple[PlacedNote, ...] = field(default=())

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.clean.blocks

    @property
    def removed(self) -> tuple[RemovedLine, ...]:
        return self.clean.removed

    @property
    def url(self) -> str:
        """Page URL relative to the site root, as MkDocs builds it (directory URLs)."""
        return f"articles/{self.slug}/"

    @property
    def page_path(self) -> str:
        """Markdown source path relative to docs/."""
        return f"articles/{self.slug}.md"

    @cached_property
    def mentions_by_block(self) -> dict[str, list[Mention]]:
        """The mentions of each block id, in text order."""
        return _by_block(self.mentions)

    @cached_property
    def terms_by_block(self) -> dict[str, list[TermUse]]:
        return _by_block(self.terms)

    @cached_property
    def notes_by_block(self) -> dict[str | None, list[PlacedNote]]:
        """The notes called from each block (None: from the metadata line)."""
        grouped: dict[str | None, list[PlacedNote]] = {}
        for placed in self.notes:
            grouped.setdefault(placed.block, []).append(placed)
        return grouped

    @cached_property
    def _blocks_by_id(self) -> dict[str, Block]:
        return {block.id: block for block in self.blocks}

    def block(self, block_id: str) -> Block:
        return self._blocks_by_id[block_id]


class _InBlock(Protocol):
    @property
    def block(self) -> str: ...


_T = TypeVar("_T", bound=_InBlock)


def _by_block(items: tuple[_T, ...]) -> dict[str, list[_T]]:
    grouped: dict[str, list[_T]] = {}
    for item in items:
        grouped.setdefault(item.block, []).append(item)
    return grouped


@dataclass(frozen=True)
class Mention:
    """An occurrence of an entity: offsets are Python string offsets into the block text."""

    entity: str
    block: str
    start: int
    end: int
    text: str
    linked: bool = False


@dataclass(frozen=True)
class TermUse:
    """An occurrence of a glossary term; ``marked`` ones carry the definition on the page."""

    term: str
    block: str
    start: int
    end: int
    text: str
    marked: bool = False


@dataclass(frozen=True)
class Citation:
    """A source a reader can find: the publisher and the document, and its URL if any."""

    title: str
    url: str | None = None


class NoteKind(StrEnum):
    TRANSLATION = "translation"
    CORRECTION = "correction"
    CONTEXT = "context"
    SOURCE = "source"


# The notes on the outlets (``registers.outlets``) have ids that start so; editors' may not.
OUTLET_NOTE_PREFIX = "source-"


@dataclass(frozen=True)
class Note:
    """An editorial note, anchored on an exact quotation of the article text."""

    id: str
    kind: NoteKind
    quote: str
    text: str
    sources: tuple[Citation, ...] = ()
    line: int = 0
    as_of: str | None = None  # the month what it says holds for (YYYY-MM), if that can change


@dataclass(frozen=True)
class PlacedNote:
    """A note and where its call goes: after ``position`` in block ``block`` (None: on the
    article's metadata line, for notes about the outlet)."""

    note: Note
    block: str | None
    position: int


@dataclass
class Edition:
    """The whole edition in memory: its articles (annotated), the registers, the
    cross-references, every generated file by its path under docs/, and the warnings met."""

    articles: list[Article]
    registers: Registers
    references: CrossReferences
    files: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
