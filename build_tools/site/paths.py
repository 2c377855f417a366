"""Where each generated page lives under docs/, and how pages link to each other."""

from __future__ import annotations

from ..registers.entities import EntityType

HOME = "index.md"
ARTICLES_INDEX = "articles/index.md"
ENTITIES_INDEX = "entites/index.md"
GLOSSARY_PAGE = "glossaire.md"
TIMELINE_PAGE = "chronologie.md"
NETWORK_PAGE = "reseau.md"
SOURCES_PAGE = "sources.md"
# The navigation every engine reads (build_tools/site/navigation.py); no page of its own
# (mkdocs.yml excludes it from the pages).
NAV_FILE = "SUMMARY.md"
EXPORT_FILE = "edition.json"
# The export in parts, which a large edition keeps within reach: an index, a file per article
# and per entity, the timeline and the network. edition.json, the whole in one file, is
# written only while it stays under EXPORT_MAX_BYTES (5,000 synthetic articles: 89 MB).
DATA_FOLDER = "donnees"
DATA_INDEX = f"{DATA_FOLDER}/index.json"
DATA_TIMELINE = f"{DATA_FOLDER}/chronologie.json"
DATA_NETWORK = f"{DATA_FOLDER}/reseau.json"
EXPORT_MAX_BYTES = 20_000_000


def article_data(slug: str) -> str:
    return f"{DATA_FOLDER}/articles/{slug}.json"


def source_page(slug: str) -> str:
    """The « texte source » page of an article: its seed line by line, each line's fate."""
    return f"articles/{slug}/texte-source.md"


def entity_data(entity_id: str) -> str:
    return f"{DATA_FOLDER}/entites/{entity_id}.json"
# The books `python -m build_tools books` writes beside the built site (publish.books), which
# the home page links to.
EPUB_FILE = "edition.epub"
PDF_FILE = "edition.pdf"
# The whole edition is laid out as one PDF up to this many articles: WeasyPrint takes about
# 0.9 s and 12 MB per article here (50 synthetic articles: 45 s, 650 MB, a 2.9 MB PDF; 100:
# 96 s, 1.3 GB; 600: more than 11 minutes and 5 GB, stopped). Past it, each article's page
# prints on its own (the print stylesheet) and the EPUB still holds the whole edition.
PDF_MAX_ARTICLES = 50


def pdf_wanted(articles: int) -> bool:
    """Whether an edition of ``articles`` articles gets its PDF (``PDF_MAX_ARTICLES``)."""
    return articles <= PDF_MAX_ARTICLES


def timeline_page(year: str, number: int) -> str:
    """A page of a long timeline's dates of one year."""
    return f"chronologie/{year}-{number}.md"


def month_page(month: str | None, number: int) -> str:
    """A page of a large edition's articles of one month ("2025-03"; None: the undated ones)."""
    folder = f"articles/mois/{month or 'sans-date'}"
    return f"{folder}/index.md" if number == 1 else f"{folder}/{number}.md"


def uses_page(term_id: str, number: int) -> str:
    """A page of the articles using a much-used glossary term, under the glossary's address."""
    return f"glossaire/{term_id}/occurrences-{number}.md"


def mentions_page(entity_id: str, number: int) -> str:
    """A page of the mentions of a much-named entity, under its own page's address."""
    return f"entites/{entity_id}/mentions-{number}.md"


def type_page(entity_type: EntityType, number: int = 1) -> str:
    """A page of the list of the entities of a type: the first, or the next ones under it."""
    slug = entity_type.slug
    return f"entites/types/{slug}.md" if number == 1 else f"entites/types/{slug}/{number}.md"


def entities_page(number: int) -> str:
    """A page of the index of the entities: the index itself, or the next ones."""
    return ENTITIES_INDEX if number == 1 else f"entites/liste/{number}.md"


def relative(target: str, from_page: str) -> str:
    """Path of docs-relative ``target`` as seen from docs-relative page ``from_page``."""
    depth = from_page.count("/")
    return "../" * depth + target


def page_url(page: str) -> str:
    """The URL MkDocs gives a Markdown page (directory URLs), relative to the site root."""
    if page == "index.md" or page.endswith("/index.md"):
        return page.removesuffix("index.md")
    return page.removesuffix(".md") + "/"
