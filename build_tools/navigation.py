"""The site navigation: mkdocs.yml lists the hand-written entries; the generated articles
are added under the entry that points at the articles' index page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .model import Article

ARTICLES_INDEX = "articles/index.md"


def with_articles(nav: list[Any] | None, articles: Sequence[Article]) -> list[Any] | None:
    """``nav`` with the entry ``Title: articles/index.md`` turned into a section holding
    the index page and every article, in reading order. Without that entry (or without a
    nav at all) it is returned unchanged."""
    if nav is None:
        return None
    pages = [ARTICLES_INDEX] + [{a.title: a.page_path} for a in articles]
    result: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1 and next(iter(item.values())) == ARTICLES_INDEX:
            result.append({next(iter(item)): pages})
        else:
            result.append(item)
    return result
