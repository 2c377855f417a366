"""The matcher as it was first written, kept as the executable specification the fast one
(``matcher``) must agree with (tests/test_matcher.py compares them on generated texts):
simple, and slow on large registers.

The text is cut into word tokens (Unicode letters and digits, so "é" is never a boundary);
every form of the register is indexed once, by its first token. At each token the forms
that start with it are tried longest first, and the first that fits wins ("Donald Trump"
over "Trump", "M. Disco Inferno" over "Disco Inferno"). Matching a token costs one
dictionary look-up whatever the size of the register, and the scan never goes back, so the
time is linear in the text.

- Whole words only: a form never matches inside a word ("Xi" not in "Xian", "UE" not in
  "que", "Intel" not in "intelligence"), and "H800" does not match "H800s".
- A French elision before a name needs nothing special: in "l’OTAN" the apostrophe ends
  the token "l" and "OTAN" is a token of its own.
- Case is as written (acronyms exact); a form that starts with a small letter also matches
  with a capital (at the start of a sentence).
- Accents, both apostrophes, non-breaking spaces and hyphen variants match their plain
  forms; zero-width and bidi control characters are ignored. Offsets are offsets in the
  original text (``textnorm.fold`` keeps lengths).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..text.normalize import IGNORABLE, fold, strip_ignorable

_TOKEN = re.compile(rf"(?:\w|[{IGNORABLE}])+")
_SPACES = re.compile(r"\s+")
P = TypeVar("P", bound=Hashable)


def _separator(text: str) -> str:
    return _SPACES.sub(" ", strip_ignorable(text))


@dataclass(frozen=True)
class Form(Generic[P]):
    """One form of a name, split as the matcher sees it."""

    payload: P
    tokens: tuple[str, ...]
    separators: tuple[str, ...]
    suffix: str
    size: int

    @classmethod
    def parse(cls, text: str, payload: P) -> Form[P] | None:
        folded = fold(text.strip())
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(folded)]
        if not spans or spans[0][0] != 0:
            return None
        tokens = tuple(strip_ignorable(folded[a:b]) for a, b in spans)
        separators = tuple(_separator(folded[spans[k][1]:spans[k + 1][0]]) for k in range(len(spans) - 1))
        suffix = _separator(folded[spans[-1][1]:])
        return cls(payload, tokens, separators, suffix, len(folded))


@dataclass(frozen=True)
class Match(Generic[P]):
    start: int
    end: int
    payload: P


class Matcher(Generic[P]):
    """Compiled once over all forms; ``find`` is then called on every text. The payload
    says what a form names (an entity id, a glossary term…)."""

    def __init__(self, forms: Iterable[tuple[str, P]]) -> None:
        index: dict[str, list[Form[P]]] = {}
        for text, payload in forms:
            variants = {text}
            if text[:1].islower():
                variants.add(text[0].upper() + text[1:])
            for variant in variants:
                form = Form.parse(variant, payload)
                if form is not None:
                    index.setdefault(form.tokens[0], []).append(form)
        for candidates in index.values():
            candidates.sort(key=lambda f: (-len(f.tokens), -f.size))
        self._index = index

    def __len__(self) -> int:
        return sum(len(c) for c in self._index.values())

    def find(self, text: str) -> list[Match[P]]:
        folded = fold(text)
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
        matches: list[Match[P]] = []
        index = self._index
        i, count = 0, len(tokens)
        while i < count:
            start, _, word = tokens[i]
            candidates = index.get(word) or index.get(strip_ignorable(word))
            taken = 0
            if candidates:
                for form in candidates:
                    end = self._fits(form, tokens, i, folded)
                    if end is not None:
                        matches.append(Match(*_trim(text, start, end), form.payload))
                        taken = len(form.tokens)
                        break
            i += taken or 1
        return matches

    @staticmethod
    def _fits(form: Form[P], tokens: list[tuple[int, int, str]], i: int, folded: str) -> int | None:
        last = i + len(form.tokens) - 1
        if last >= len(tokens):
            return None
        for k in range(1, len(form.tokens)):
            prev_end = tokens[i + k - 1][1]
            start, _, word = tokens[i + k]
            if strip_ignorable(word) != form.tokens[k]:
                return None
            if _separator(folded[prev_end:start]) != form.separators[k - 1]:
                return None
        end = tokens[last][1]
        if form.suffix:
            if folded[end:end + len(form.suffix)] != form.suffix:
                return None
            end += len(form.suffix)
            if end < len(folded) and (folded[end].isalnum() or folded[end] == "_"):
                return None
        return end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in IGNORABLE:
        start += 1
    while end > start and text[end - 1] in IGNORABLE:
        end -= 1
    return start, end
