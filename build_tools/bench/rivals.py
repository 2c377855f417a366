"""The two libraries the matcher is measured against, set up to find exactly what it
finds: flashtext (pure Python, a trie of characters) and pyahocorasick (C, Aho–Corasick).

Neither knows about accents, apostrophes or French words, so both read the text folded
(``textnorm.fold``, counted in their time as it is in the matcher's) and look for each form
as the matcher sees it (``textnorm.match_key``), with the capitalised variant of a form that
starts with a small letter. Whole words: flashtext is told that every letter and digit of
the text is a word character (by default only ASCII ones are, so it would find "Fran" in
"Françoise"); pyahocorasick finds every occurrence, words or not, and a filter keeps those
that start and end on a word boundary, then the leftmost longest ones, as the matcher does.
Both are benchmark-only dependencies (the ``bench`` extra)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from ..text.normalize import fold, match_key

Found = list[tuple[int, int, Hashable]]
Finder = Callable[[str], Found]


def keys(forms: Iterable[tuple[str, Hashable]]) -> dict[str, Hashable]:
    """Each form as the matcher compares it, with its payload (the first form given wins)."""
    table: dict[str, Hashable] = {}
    for text, payload in forms:
        variants = [text] + ([text[0].upper() + text[1:]] if text[:1].islower() else [])
        for variant in variants:
            key = match_key(variant)
            if key and _is_word_char(key[0]):
                table.setdefault(key, payload)
    return table


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def flashtext_finder(forms: Iterable[tuple[str, Hashable]], texts: Sequence[str]) -> Finder:
    from flashtext import KeywordProcessor  # noqa: PLC0415 - a benchmark-only dependency

    processor: Any = KeywordProcessor(case_sensitive=True)
    table = keys(forms)
    ids = list(table.values())
    for number, key in enumerate(table):
        processor.add_keyword(key, str(number))
    letters = {c for text in texts for c in fold(text) if _is_word_char(c)}
    letters |= {c for key in table for c in key if _is_word_char(c)}
    for char in letters:
        processor.add_non_word_boundary(char)

    def find(text: str) -> Found:
        return [(start, end, ids[int(number)])
                for number, start, end in processor.extract_keywords(fold(text), span_info=True)]
    return find


def pyahocorasick_finder(forms: Iterable[tuple[str, Hashable]]) -> Finder:
    import ahocorasick  # noqa: PLC0415 - a benchmark-only dependency

    automaton: Any = ahocorasick.Automaton()
    for key, payload in keys(forms).items():
        automaton.add_word(key, (len(key), payload))
    automaton.make_automaton()

    def find(text: str) -> Found:
        folded = fold(text)
        size = len(folded)
        hits = []
        for last, (length, payload) in automaton.iter(folded):
            start, end = last + 1 - length, last + 1
            if (start == 0 or not _is_word_char(folded[start - 1])) and (
                    end == size or not _is_word_char(folded[end])):
                hits.append((start, -end, payload))
        hits.sort()
        found: Found = []
        covered = 0
        for start, negative_end, payload in hits:
            if start >= covered:
                found.append((start, -negative_end, payload))
                covered = -negative_end
        return found
    return find
