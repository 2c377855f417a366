"""Cross-reference: what the annotated articles say together, worked out once for the pages
and the export. Each entity's mentions (``contexts``, in their sentences), the related
articles (``related``), the network of entities named together (``network``) and the
timeline of dated statements (``timeline``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .. import parallel
from ..model import Article
from ..registers import Registers
from .contexts import Mentioned, mentions_by_entity
from .network import Network, cooccurrences
from .related import Related, related_articles
from .timeline import Dated, TimelineEntry, read_dates, timeline


@dataclass(frozen=True)
class CrossReferences:
    mentioned: dict[str, Mentioned]  # each entity's mentions, by article
    counts: Counter[str]  # each entity's number of mentions
    related: dict[str, list[Related]]  # each article's related articles, by slug
    network: Network
    timeline: list[TimelineEntry]


def reading_order(articles: Sequence[Article]) -> list[Article]:
    """By publication date, undated articles last, then by seed name."""
    return sorted(articles, key=lambda a: (a.date is None, a.date or 0, a.seed.path.name))


def cross_reference(articles: Sequence[Article], registers: Registers,
                    dates: parallel.Pending[dict[str, list[Dated]]]) -> CrossReferences:
    """``dates``: the articles' dated statements, whose reading was started beforehand
    (``timeline.read_dates``); they are awaited last."""
    return CrossReferences(
        mentioned=mentions_by_entity(articles),
        counts=Counter(m.entity for a in articles for m in a.mentions),
        related=related_articles(articles, registers.entities),
        network=cooccurrences(articles),
        timeline=timeline(reading_order(articles), dates.result()))


__all__ = ["CrossReferences", "cross_reference", "read_dates", "reading_order"]
