"""What the hooks change in the theme's output.

Text the theme prints outside a page's content: titles (in ``<title>``, the header, the
navigation, the footer) and the description (``<meta name="description">``). Material
prints these as they are, taking them for HTML; the edition's are plain text, and an
article's come from its seed ("<script>" in a title would run). The hooks escape them
before the theme sees them. Quotes are escaped only in the description, which Material
puts in an attribute: titles also go through Material's own ``| e`` in attributes
(aria-label), where an escaped quote would be read out as "&quot;".

Material's search box is a dialog without a name; screen readers announce it unnamed
(axe: aria-dialog-name). :func:`name_search_dialog` names it."""

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


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_DIALOG_NAME = "Recherche"


def name_search_dialog(html: str) -> str:
    """A page's HTML with Material's search dialog named."""
    return html.replace(SEARCH_DIALOG, f'{SEARCH_DIALOG[:-1]} aria-label="{SEARCH_DIALOG_NAME}">', 1)
