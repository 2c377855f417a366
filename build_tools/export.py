"""The machine-readable export, docs/edition.json: a contract described by
``schemas/edition.schema.json`` (checked in the tests)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .model import Article
from .register import Entity, Register

EXPORT_VERSION = 1


def article_record(article: Article) -> dict[str, Any]:
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
    }


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


def edition_record(articles: Sequence[Article], register: Register) -> dict[str, Any]:
    return {"version": EXPORT_VERSION,
            "articles": [article_record(a) for a in articles],
            "entities": [entity_record(e) for e in register.entities]}


def to_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"
