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
from .site import Renderer, WriteReport, make_pages, write_tree


def build_edition(paths: Paths) -> Edition:
    """The whole edition in memory: nothing is written unless all of it renders. The
    problems of the seeds, the per-article data and the registers are reported together."""
    (articles, warnings), registers = together(lambda: load_articles(paths), lambda: load_registers(paths.data))
    with read_dates(articles) as dates:  # on a large edition, read on a second core meanwhile
        articles = annotate(articles, registers)
        references = cross_reference(articles, registers, dates)
    files = make_pages(articles, registers, references, Renderer(paths.templates), paths.edition_title)
    return Edition(articles, registers, references, files, warnings + usage_warnings(articles, registers))


def build(paths: Paths) -> tuple[Edition, WriteReport]:
    edition = build_edition(paths)
    return edition, write_tree(paths.docs, edition.files)
