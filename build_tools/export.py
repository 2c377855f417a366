"""The machine-readable export, docs/edition.json: a contract described by
``schemas/edition.schema.json`` (checked in the tests)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from .annotate import Registers
from .chronology import TimelineEntry
from .crossref import Related
from .glossary import GLOSSARY_PAGE, Term
from .model import Article, Citation
from .network import Network
from .outlets import SOURCES_PAGE, Outlet
from .register import Entity
from .render import page_url

EXPORT_VERSION = 1


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
        "blocks": [{"id": b.id, "kind": b.kind.value, "text": b.text} for b in article.blocks],
        "removed": [{"line": r.line, "text": r.text, "reason": r.reason.value} for r in article.removed],
        "mentions": [{"entity": m.entity, "block": m.block, "start": m.start, "end": m.end, "text": m.text}
                     for m in article.mentions],
        "terms": [{"term": t.term, "block": t.block, "start": t.start, "end": t.end, "text": t.text}
                  for t in article.terms],
        "notes": [{"id": p.note.id, "kind": p.note.kind.value, "block": p.block, "quote": p.note.quote,
                   "text": p.note.text, "sources": citations(p.note.sources)} for p in article.notes],
        "related": [{"slug": r.article.slug, "score": r.score, "shared": [e.id for e in r.shared]} for r in related],
    }


def citations(sources: tuple[Citation, ...]) -> list[dict[str, str | None]]:
    return [{"title": c.title, "url": c.url} for c in sources]


def term_record(term: Term) -> dict[str, Any]:
    return {"id": term.id, "term": term.term, "variants": list(term.variants), "definition": term.definition,
            "sources": citations(term.sources), "url": f"{page_url(GLOSSARY_PAGE)}#{term.id}"}


def outlet_record(outlet: Outlet) -> dict[str, Any]:
    return {"id": outlet.id, "name": outlet.name, "aliases": list(outlet.aliases), "entity": outlet.entity,
            "website": outlet.website, "provenance": outlet.provenance, "sources": citations(outlet.sources),
            "url": f"{page_url(SOURCES_PAGE)}#{outlet.id}"}


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
    }


def edition_record(articles: Sequence[Article], registers: Registers,
                   related: Mapping[str, Sequence[Related]] | None = None,
                   timeline: Sequence[TimelineEntry] = (), network: Network | None = None) -> dict[str, Any]:
    return {"version": EXPORT_VERSION,
            "articles": [article_record(a, (related or {}).get(a.slug, ())) for a in articles],
            "entities": [entity_record(e) for e in registers.entities.entities],
            "glossary": [term_record(t) for t in registers.glossary.terms],
            "sources": [outlet_record(o) for o in registers.outlets],
            "timeline": [{"date": e.date, "text": e.text, "article": e.article.slug, "block": e.block}
                         for e in timeline],
            "network": network_record(network) if network else {"entities": [], "links": []}}


def network_record(network: Network) -> dict[str, Any]:
    """Every entity named in the texts, and every pair named in the same paragraphs."""
    return {"entities": [{"entity": e, "mentions": network.mentions[e], "paragraphs": network.paragraphs[e]}
                         for e in sorted(network.mentions)],
            "links": [{"source": lk.source, "target": lk.target, "paragraphs": lk.paragraphs,
                       "articles": list(lk.articles)} for lk in network.links]}


def to_json(record: dict[str, Any]) -> str:
    """One line: with ``indent``, ``json`` encodes in Python, ten times slower than in C."""
    return json.dumps(record, ensure_ascii=False) + "\n"
