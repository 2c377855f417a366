"""The site navigation: mkdocs.yml lists the hand-written entries; an entry that points at
a generated index page becomes a section holding that index and the pages it leads to.

Material renders the navigation into every page. A long section is cut into numbered
groups ("1–50", "51–100"…) and ``navigation.prune`` (mkdocs.yml) renders only the group
of the page shown: otherwise every page would carry every article's link, and the build
time would grow with the square of the number of articles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import yaml

GROUP_SIZE = 50  # pages of a section shown at once; longer sections are cut into groups


def expand(nav: list[Any] | None, sections: Mapping[str, Sequence[tuple[str, str]]]) -> list[Any] | None:
    """``nav`` with each entry ``Title: <index page>`` whose page is a key of ``sections``
    turned into a section: the index page, then the (title, page) pairs (in groups of
    ``GROUP_SIZE`` when there are more). Other entries, and a missing nav (MkDocs then
    builds one itself), are left as they are."""
    if nav is None:
        return None
    result: list[Any] = []
    for item in nav:
        target = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else None
        if isinstance(target, str) and target in sections:
            result.append({next(iter(item)): [target, *grouped(sections[target])]})
        else:
            result.append(item)
    return result


def grouped(pages: Sequence[tuple[str, str]], size: int = GROUP_SIZE) -> list[Any]:
    """``{title: page}`` entries, cut into sections of ``size`` when there are more."""
    entries = [{title: page} for title, page in pages]
    if len(entries) <= size:
        return entries
    return [{f"{start + 1}–{min(start + size, len(entries))}": entries[start:start + size]}
            for start in range(0, len(entries), size)]


def page_title(markdown: str) -> str:
    """A generated page's title, from its front matter."""
    if markdown.startswith("---\n"):
        front, _, _ = markdown[4:].partition("\n---\n")
        meta = yaml.safe_load(front)
        title = meta.get("title") if isinstance(meta, dict) else None
        if isinstance(title, str):
            return title
    raise ValueError("a generated page without a title in its front matter")


def entries(files: Mapping[str, str], pages: Iterable[str]) -> list[tuple[str, str]]:
    """(title, page) for each of ``pages``, its title its own (``files``: the generated ones)."""
    return [(page_title(files[page]), page) for page in pages]
