"""The timeline: every dated statement of the texts (a date and the sentence that carries
it) and every article's publication, in date order."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from .. import parallel
from ..model import Article
from ..text.date_expressions import extract
from ..text.sentences import sentence_span


class Dated(NamedTuple):
    """A dated statement of an article: the date, the block, the sentence that carries it."""

    date: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    block: str
    sentence: str


class EntryKind(StrEnum):
    STATEMENT = "statement"  # a dated statement of a text
    PUBLICATION = "publication"  # an article's own date


@dataclass(frozen=True)
class TimelineEntry:
    date: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    kind: EntryKind
    article: Article
    block: str | None  # None for a publication
    text: str | None  # the sentence of a statement


def dated_statements(article: Article) -> list[Dated]:
    """Each dated expression of the article's text, with its sentence."""
    found = []
    for block in article.blocks:
        for expression in extract(block.text, article.date):
            start, end = sentence_span(block.text, expression.start, expression.end)
            found.append(Dated(expression.date, block.id, block.text[start:end]))
    return found


def read_dates(articles: Sequence[Article]) -> parallel.Pending[dict[str, list[Dated]]]:
    """Each article's dated statements by slug: on a large edition, read in a forked copy of
    this process while it goes on with other work (``parallel.start``). They depend on the
    text and the date only, so the articles may be annotated meanwhile (its gain: see
    ``parallel``)."""
    return parallel.start(functools.partial(_read, tuple(articles)), pieces=len(articles))


def _read(articles: Sequence[Article]) -> dict[str, list[Dated]]:
    return {article.slug: dated_statements(article) for article in articles}


def timeline(articles: Sequence[Article], read: Mapping[str, list[Dated]]) -> list[TimelineEntry]:
    """Every dated statement of the articles' text (``read``: by slug, from ``read_dates``)
    and every article's date, in date order: a year before its months, a month before its
    days, then in the order of ``articles`` and of their paragraphs."""
    entries = []
    for article in articles:
        if article.date is not None:
            entries.append(TimelineEntry(article.date.isoformat(), EntryKind.PUBLICATION, article, None, None))
        entries.extend(TimelineEntry(dated.date, EntryKind.STATEMENT, article, dated.block, dated.sentence)
                       for dated in read[article.slug])
    order = {a.slug: n for n, a in enumerate(articles)}
    return sorted(entries, key=lambda e: (e.date, order[e.article.slug], _block_number(e.block)))


def _block_number(block: str | None) -> int:
    return int(block[1:]) if block else 0
