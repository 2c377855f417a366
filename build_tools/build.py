"""The pipeline: seeds → edition → docs/.

ingest (the seeds read, cleaned and settled with their editorial data) and the registers →
annotate (mentions, terms, notes) → cross-reference (contexts, related articles, network,
timeline) → site (the pages rendered) → write (the changed files, as one transaction)."""

from __future__ import annotations

from .annotate import annotate
from .crossref import cross_reference, read_dates
from .editor.checks import usage_warnings
from .errors import together
from .ingest import load_articles
from .model import Edition
from .project import Paths
from .registers import load_registers
from .site import Renderer, WriteReport, make_pages, page_files, write_tree


def annotated_edition(paths: Paths) -> Edition:
    """The edition in memory but its files: the articles annotated and cross-referenced. The
    problems of the seeds, the per-article data and the registers are reported together."""
    (articles, warnings), registers = together(lambda: load_articles(paths), lambda: load_registers(paths.data))
    with read_dates(articles) as dates:  # on a large edition, read on a second core meanwhile
        articles = annotate(articles, registers)
        references = cross_reference(articles, registers, dates)
    return Edition(articles, registers, references, warnings=warnings + usage_warnings(articles, registers))


def build_edition(paths: Paths) -> Edition:
    """The whole edition in memory, its generated files included."""
    edition = annotated_edition(paths)
    edition.files = make_pages(edition.articles, edition.registers, edition.references,
                               Renderer(paths.templates), paths.edition_title)
    return edition


def build(paths: Paths) -> tuple[Edition, WriteReport]:
    """The edition, its files written into docs/ as they are rendered (never all in memory):
    nothing is changed in docs/ unless every file renders."""
    edition = annotated_edition(paths)
    files = page_files(edition.articles, edition.registers, edition.references,
                       Renderer(paths.templates), paths.edition_title)
    return edition, write_tree(paths.docs, files)
