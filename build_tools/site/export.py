"""The machine-readable export, docs/edition.json: a contract described by
``registers/schemas/edition.schema.json`` (checked in the tests)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..crossref import CrossReferences
from ..crossref.network import Network
from ..crossref.related import Related
from ..crossref.timeline import EntryKind, TimelineEntry
from ..model import Article, Citation
from ..registers import Registers
from ..registers.entities import Entity
from ..registers.glossary import Term
from ..registers.outlets import Outlet
from .paths import GLOSSARY_PAGE, SOURCES_PAGE, page_url

EXPORT_VERSION = 1
# The text of an article's own date in the timeline (a statement's is its sentence).
PUBLICATION_TEXT = "Publication de l’article « {title} »"


def article_record(article: Article, related: Sequence[Related] = ()) -> dict[str, Any]:
    return {
        "slug": article.slug,
        "seed": article.seed.rel_path,
        "url": article.url,
        "title": article.title,
        "author": article.author,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "publisher": article.publisher,
        "genre": article.genre.value,
        "blocks": [{"id": b.id, "kind": b.kind.value, "text": b.text} for b in article.blocks],
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason.value} for r in article.removed],
        "mentions": [{"entity": m.entity, "block": m.block, "start": m.start, "end": m.end, "text": m.text}
                     for m in article.mentions],
        "terms": [{"term": t.term, "block": t.block, "start": t.start, "end": t.end, "text": t.text}
                  for t in article.terms],
        "notes": [{"id": p.note.id, "kind": p.note.kind.value, "block": p.block, "quote": p.note.quote,
                   "text": p.note.text, "sources": citations(p.note.sources), "as_of": p.note.as_of}
                  for p in article.notes],
        "related": [{"slug": r.article.slug, "score": r.score, "shared": [e.id for e in r.shared]} for r in related],
    }


def citations(sources: tuple[Citation, ...]) -> list[dict[str, str | None]]:
    return [{"title": c.title, "url": c.url} for c in sources]


def term_record(term: Term) -> dict[str, Any]:
    return {"id": term.id, "term": term.term, "variants": list(term.variants), "definition": term.definition,
            "sources": citations(term.sources), "url": f"{page_url(GLOSSARY_PAGE)}#{term.id}", "as_of": term.as_of}


def outlet_record(outlet: Outlet) -> dict[str, Any]:
    return {"id": outlet.id, "name": outlet.name, "aliases": list(outlet.aliases), "entity": outlet.entity,
            "website": outlet.website, "provenance": outlet.provenance, "sources": citations(outlet.sources),
            "url": f"{page_url(SOURCES_PAGE)}#{outlet.id}", "as_of": outlet.as_of}


def entity_record(entity: Entity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "type": entity.type.value,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "description": entity.description,
        "wikipedia": entity.wikipedia,
        "wikidata": entity.wikidata,
        "url": entity.url,
        "as_of": entity.as_of,
    }


def edition_record(articles: Sequence[Article], registers: Registers, references: CrossReferences) -> dict[str, Any]:
    return {"version": EXPORT_VERSION,
            "articles": [article_record(a, references.related.get(a.slug, ())) for a in articles],
            "entities": [entity_record(e) for e in registers.entities],
            "glossary": [term_record(t) for t in registers.glossary],
            "sources": [outlet_record(o) for o in registers.outlets],
            "timeline": [timeline_record(e) for e in references.timeline],
            "network": network_record(references.network)}


def timeline_record(entry: TimelineEntry) -> dict[str, Any]:
    text = PUBLICATION_TEXT.format(title=entry.article.title) if entry.kind is EntryKind.PUBLICATION else entry.text
    return {"date": entry.date, "text": text, "article": entry.article.slug, "block": entry.block}


def network_record(network: Network) -> dict[str, Any]:
    """Every entity named in the texts, and every pair named in the same paragraphs."""
    return {"entities": [{"entity": e, "mentions": network.mentions[e], "paragraphs": network.paragraphs[e]}
                         for e in sorted(network.mentions)],
            "links": [{"source": lk.source, "target": lk.target, "paragraphs": lk.paragraphs,
                       "articles": list(lk.articles)} for lk in network.links]}


def to_json(record: dict[str, Any]) -> str:
    """One line: with ``indent``, ``json`` encodes in Python, ten times slower than in C."""
    return json.dumps(record, ensure_ascii=False) + "\n"
