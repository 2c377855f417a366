"""The site navigation: mkdocs.yml lists the hand-written entries; an entry that points at
a generated index page becomes a section holding that index and the pages it leads to."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def expand(nav: list[Any] | None, sections: Mapping[str, Sequence[tuple[str, str]]]) -> list[Any] | None:
    """``nav`` with each entry ``Title: <index page>`` whose page is a key of ``sections``
    turned into a section: the index page, then the (title, page) pairs. Other entries, and
    a missing nav (MkDocs then builds one itself), are left as they are."""
    if nav is None:
        return None
    result: list[Any] = []
    for item in nav:
        target = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else None
        if isinstance(target, str) and target in sections:
            children: list[Any] = [target, *({title: page} for title, page in sections[target])]
            result.append({next(iter(item)): children})
        else:
            result.append(item)
    return result
