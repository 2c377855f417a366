"""What the hooks change in the theme's output.

Text the theme prints outside a page's content: titles (in ``<title>``, the header, the
navigation, the footer) and the description (``<meta name="description">``). Material
prints these as they are, taking them for HTML; the edition's are plain text, and an
article's come from its seed ("<script>" in a title would run). The hooks escape them
before the theme sees them. Quotes are escaped only in the description, which Material
puts in an attribute: titles also go through Material's own ``| e`` in attributes
(aria-label), where an escaped quote would be read out as "&quot;"."""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from html import escape
from typing import Any


def title(text: str) -> str:
    """A title as HTML text."""
    return escape(text, quote=False)


def titles(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Navigation entries (title, page) with their titles as HTML text."""
    return [(title(name), page) for name, page in pairs]


def escape_meta(meta: MutableMapping[str, Any]) -> None:
    """A page's front matter title and description, as HTML text, in place."""
    if isinstance(meta.get("title"), str):
        meta["title"] = title(meta["title"])
    if isinstance(meta.get("description"), str):
        meta["description"] = escape(meta["description"])
