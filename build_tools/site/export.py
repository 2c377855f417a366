"""The machine-readable export: docs/edition.json, the whole edition in one file, described by
``registers/schemas/edition.schema.json``; and the same records in parts under docs/donnees/
(an index, a file per article and per entity, the timeline, the network's entities; its links
are in the entities' files), described by
``registers/schemas/export-parts.schema.json``. Both are checked in the tests."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
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
from .paths import (
    DATA_FOLDER,
    DATA_NETWORK,
    DATA_TIMELINE,
    EXPORT_MAX_BYTES,
    GLOSSARY_PAGE,
    SOURCES_PAGE,
    article_data,
    entity_data,
    page_url,
)

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


def _lists(articles: Sequence[Article], registers: Registers,
           references: CrossReferences) -> list[tuple[str, Iterator[dict[str, Any]]]]:
    """The lists of records of edition.json, in its order, each made as it is read."""
    return [("articles", (article_record(a, references.related.get(a.slug, ())) for a in articles)),
            ("entities", (entity_record(e) for e in registers.entities)),
            ("glossary", (term_record(t) for t in registers.glossary)),
            ("sources", (outlet_record(o) for o in registers.outlets)),
            ("timeline", (timeline_record(e) for e in references.timeline))]


def edition_record(articles: Sequence[Article], registers: Registers, references: CrossReferences) -> dict[str, Any]:
    return {"version": EXPORT_VERSION, **{key: list(items) for key, items in _lists(articles, registers, references)},
            "network": network_record(references.network)}


def timeline_record(entry: TimelineEntry) -> dict[str, Any]:
    text = PUBLICATION_TEXT.format(title=entry.article.title) if entry.kind is EntryKind.PUBLICATION else entry.text
    return {"date": entry.date, "text": text, "article": entry.article.slug, "block": entry.block}


def network_record(network: Network) -> dict[str, Any]:
    """Every entity named in the texts, and every pair named in the same paragraphs."""
    return {"entities": [_network_entity(network, e) for e in sorted(network.mentions)],
            "links": [{"source": lk.source, "target": lk.target, "paragraphs": lk.paragraphs,
                       "articles": list(lk.articles)} for lk in network.links]}


def _network_entity(network: Network, entity_id: str) -> dict[str, Any]:
    return {"entity": entity_id, "mentions": network.mentions[entity_id], "paragraphs": network.paragraphs[entity_id]}


def whole(articles: Sequence[Article], registers: Registers, references: CrossReferences) -> str | None:
    """edition.json (``to_json(edition_record(…))``, the same text), or None when it would be
    over ``EXPORT_MAX_BYTES``: the parts hold it all. Written record by record, each encoded
    as it comes, and given up as soon as it is too long: the whole record of a large edition,
    made to be weighed and thrown away, was the generator's peak of memory (5,000 synthetic
    articles: an 89 MB text, and its records several times that)."""
    pieces: list[str] = []
    size = 0

    def add(text: str) -> bool:
        nonlocal size
        pieces.append(text)
        size += len(text.encode("utf-8"))
        return size <= EXPORT_MAX_BYTES

    def records(key: str, items: Iterator[dict[str, Any]]) -> bool:
        if not add(f', "{key}": ['):
            return False
        return all(add((", " if i else "") + _dumps(item)) for i, item in enumerate(items)) and add("]")

    fits = (add(f'{{"version": {EXPORT_VERSION}')
            and all(records(key, items) for key, items in _lists(articles, registers, references))
            and add(f', "network": {_dumps(network_record(references.network))}}}\n'))
    return "".join(pieces) if fits else None


def _in_folder(path: str) -> str:
    """A part's path from the index, which sits in the parts' folder."""
    return path.removeprefix(f"{DATA_FOLDER}/")


def index_record(articles: Sequence[Article], registers: Registers, references: CrossReferences) -> dict[str, Any]:
    """donnees/index.json: what each part holds and where it is; the glossary and the sources,
    small, in full."""
    counts = {entity: sum(len(mentions) for _, mentions in found) for entity, found in references.mentioned.items()}
    return {"version": EXPORT_VERSION,
            "articles": [{"slug": a.slug, "title": a.title, "author": a.author,
                          "date": a.date.isoformat() if a.date else None, "source": a.source, "url": a.url,
                          "file": _in_folder(article_data(a.slug))} for a in articles],
            "entities": [{"id": e.id, "type": e.type.value, "name": e.name, "url": e.url,
                          "mentions": counts.get(e.id, 0), "file": _in_folder(entity_data(e.id))}
                         for e in registers.entities],
            "glossary": [term_record(t) for t in registers.glossary],
            "sources": [outlet_record(o) for o in registers.outlets],
            "timeline": _in_folder(DATA_TIMELINE),
            "network": _in_folder(DATA_NETWORK)}


def article_part(article: Article, references: CrossReferences) -> dict[str, Any]:
    return {"version": EXPORT_VERSION, "article": article_record(article, references.related.get(article.slug, ()))}


def entity_part(entity: Entity, references: CrossReferences) -> dict[str, Any]:
    """An entity, every mention of it (article by article, in the articles' order) and the
    network's links of which it is the source."""
    return {"version": EXPORT_VERSION, "entity": entity_record(entity),
            "mentions": [{"article": article.slug, "block": m.block, "start": m.start, "end": m.end, "text": m.text}
                         for article, mentions in references.mentioned.get(entity.id, []) for m in mentions],
            "links": [{"target": lk.target, "paragraphs": lk.paragraphs, "articles": list(lk.articles)}
                      for lk in references.network.links_from(entity.id)]}


def timeline_part(references: CrossReferences) -> dict[str, Any]:
    return {"version": EXPORT_VERSION, "timeline": [timeline_record(e) for e in references.timeline]}


def network_part(references: CrossReferences) -> dict[str, Any]:
    """The network's entities, each with the number of its links; the links are in the
    entities' parts (``entity_part``): with the articles of each, they grow with the square of
    the entities (5,000 synthetic articles: 37 MB in one file)."""
    network = references.network
    return {"version": EXPORT_VERSION,
            "network": {"entities": [{**_network_entity(network, e), "links": len(network.links_from(e))}
                                     for e in sorted(network.mentions)]}}


def to_json(record: dict[str, Any]) -> str:
    """One line: with ``indent``, ``json`` encodes in Python, ten times slower than in C."""
    return _dumps(record) + "\n"


def _dumps(record: Any) -> str:
    return json.dumps(record, ensure_ascii=False)
