"""Editorial notes placed in the text: each note's call goes right after its quotation,
which must occur exactly once in the article (accents, apostrophe and space kinds aside);
the outlets' notes go on the article's metadata line."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from ..model import Article, Block, PlacedNote
from ..registers.outlets import Outlets
from ..text.normalize import fold


def quote_places(article: Article, quote: str) -> list[tuple[Block, int]]:
    """Every (block, offset) where ``quote`` occurs, ignoring accents, apostrophe and space kinds."""
    folded = fold(quote)
    places = []
    for block in article.blocks:
        text = fold(block.text)
        start = text.find(folded)
        while start >= 0 and folded:
            places.append((block, start))
            start = text.find(folded, start + 1)
    return places


def quote_problem(path: Path | str, line: int, key: str, quote: str, *, count: int, what: str) -> Problem:
    found = "is not in the article" if not count else f"occurs {count} times"
    return Problem(path, f"{what}: the quotation {quote!r} {found}", line=line, key=key,
                   hint="copy a longer, exact passage of the article text (it must occur once)")


def place_notes(article: Article, outlets: Outlets) -> tuple[list[PlacedNote], list[Problem]]:
    """Outlet notes first (metadata line), then each editor's note after its quotation."""
    placed, problems = outlets.notes(article), []
    path = article.notes_path or article.seed.rel_path
    for note in article.editor_notes:
        places = quote_places(article, note.quote)
        if len(places) != 1:
            problems.append(quote_problem(path, note.line, "quote", note.quote, count=len(places),
                                          what=f"note {note.id!r}"))
            continue
        block, start = places[0]
        placed.append(PlacedNote(note, block.id, start + len(note.quote)))
    order = {b.id: n for n, b in enumerate(article.blocks)}
    placed.sort(key=lambda p: (-1 if p.block is None else order[p.block], p.position))
    return placed, problems
