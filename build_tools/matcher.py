"""Find every name of a register in a text, in one pass.

What counts as a match:

- Whole words only: a form never matches inside a word ("Xi" not in "Xian", "UE" not in
  "que", "Intel" not in "intelligence"), and "H800" does not match "H800s". A word is a run
  of Unicode letters and digits (so "é" is never a boundary).
- A French elision before a name needs nothing special: in "l’OTAN" the apostrophe ends
  the word "l" and "OTAN" is a word of its own.
- The longest form wins ("Donald Trump" over "Trump", "M. Disco Inferno" over "Disco
  Inferno"); matches never overlap and the scan never goes back.
- Case is as written (acronyms exact); a form that starts with a small letter also matches
  with a capital (at the start of a sentence).
- Accents, both apostrophes, non-breaking spaces and hyphen variants match their plain
  forms; a run of spaces matches one space; zero-width and bidi control characters are
  ignored. Offsets are offsets in the original text (``textnorm.fold`` keeps lengths).

How, and why it is fast (``python -m build_tools bench`` measures it): the forms are stored
in a trie of words (a form is its words and the separators between them), so that a word
that starts many forms ("Banque", "Université") costs one dictionary look-up, not one try
per form. The text is cut at each space by ``str.split`` (C speed); each distinct piece
("l’OTAN,", "(LLM)", "États-Unis") is analysed once — folded, cut into words, its words
that start a form noted — and remembered, so that a piece seen before costs one dictionary
look-up, made at C speed by ``map``. Only the pieces that start a form are walked down the
trie, word by word, into the next pieces while a form goes on.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import compress, repeat
from typing import Any, Generic, NamedTuple, TypeVar

from .textnorm import IGNORABLE, fold, strip_ignorable

_TOKEN = re.compile(rf"(?:\w|[{IGNORABLE}])+")
_SPACES = re.compile(r"\s+")
_IGNORABLE = re.compile(f"[{IGNORABLE}]")
_ONE_WORD = re.compile(r"(\W*)(\w+)(\W*)")  # a piece with one word (and no ignorable character)
P = TypeVar("P", bound=Hashable)
# Chunks remembered at most; past that the memory starts afresh (a corpus's vocabulary
# stays far below it).
CHUNK_MEMORY = 1_000_000


def _separator(text: str) -> str:
    """``text`` (folded) as forms and texts are compared: ignorable characters removed,
    each run of whitespace one space."""
    # Printable: no ignorable character, no whitespace but the plain space; the usual case.
    if text.isprintable() and "  " not in text:
        return text
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


class Match(NamedTuple, Generic[P]):
    start: int
    end: int
    payload: P


class _Node(Generic[P]):
    """A point in the trie of words: the forms that end here (largest first), and the
    nodes that follow, by separator then word."""

    __slots__ = ("end", "ends", "next", "payload", "spaced")

    def __init__(self) -> None:
        self.ends: list[Form[P]] = []
        self.next: dict[str, dict[str, _Node[P]]] = {}
        # Filled in once every form is in (``_finish``), for the hot loop:
        self.end = _NO_END  # or _PLAIN_END (the largest form ends here: ``payload``), _SUFFIX_END
        self.payload: P | None = None
        self.spaced: dict[str, _Node[P]] | None = None  # next[" "]: the usual separator

    def _finish(self) -> None:
        self.ends.sort(key=lambda f: -f.size)  # stable: the first given wins a tie
        if self.ends:
            self.end = _SUFFIX_END if self.ends[0].suffix else _PLAIN_END
            self.payload = self.ends[0].payload
        self.spaced = self.next.get(" ")


_NO_END, _PLAIN_END, _SUFFIX_END = 0, 1, 2


# What a walk down the trie from one word of a piece finds within that piece, worked out
# once per piece: (the word, the last word of the longest form found or -1, its payload,
# the node to go on from into the next pieces or None, whether the walk must be made in
# the text because a form with a suffix ends on the way).
_Plan = tuple[int, int, P | None, "_Node[P] | None", bool]
# What a walk finds: the piece and the word the longest form ends with, that piece, where
# the form ends in the text if it has a suffix (else -1), its payload.
_Found = tuple[int, int, "_Chunk[P]", int, P]


class _Chunk(Generic[P]):
    """A piece of text between two spaces, as the matcher sees it (made once per distinct
    piece, so it is a plain class: a frozen dataclass is slower to make)."""

    __slots__ = ("gaps", "ignorable", "lead", "plans", "spans", "tail", "tokens")

    def __init__(self, tokens: tuple[str, ...], spans: tuple[tuple[int, int], ...], plans: tuple[_Plan[P], ...],
                 *, gaps: tuple[str, ...] = (), lead: str = "", tail: str = "", ignorable: bool = False) -> None:
        self.tokens = tokens  # its words, folded, ignorable characters removed
        self.spans = spans  # where each word is in the piece
        self.gaps = gaps  # the separators between consecutive words (folded, spaces collapsed)
        self.lead = lead  # the separator before the first word (the whole piece when it has none)
        self.tail = tail  # the separator after the last word
        self.plans = plans  # a plan for each word that starts a form
        self.ignorable = ignorable  # whether it holds a character that matching ignores


_NOTHING: _Chunk[Any] = _Chunk((), (), ())  # a piece that starts no form, seen from ``find``


def _plan(tokens: tuple[str, ...], gaps: tuple[str, ...], j: int, node: _Node[P]) -> _Plan[P]:
    first, last, payload = j, -1, None
    while True:
        if node.end == _SUFFIX_END:
            return first, -1, None, None, True
        if node.end == _PLAIN_END:
            last, payload = j, node.payload
        if not node.next:
            return first, last, payload, None, False
        if j + 1 == len(tokens):
            return first, last, payload, node, False
        step = node.next.get(gaps[j])
        following = step.get(tokens[j + 1]) if step else None
        if following is None:
            return first, last, payload, None, False
        node, j = following, j + 1


class Matcher(Generic[P]):
    """Compiled once over all forms; ``find`` is then called on every text. The payload
    says what a form names (an entity id, a glossary term…)."""

    def __init__(self, forms: Iterable[tuple[str, P]]) -> None:
        root: dict[str, _Node[P]] = {}
        count = 0
        for text, payload in forms:
            variants = {text}
            if text[:1].islower():
                variants.add(text[0].upper() + text[1:])
            for variant in sorted(variants):
                form = Form.parse(variant, payload)
                if form is None:
                    continue
                node = root.get(form.tokens[0])
                if node is None:
                    node = root[form.tokens[0]] = _Node()
                for separator, token in zip(form.separators, form.tokens[1:], strict=True):
                    following = node.next.setdefault(separator, {})
                    node = following.get(token) or following.setdefault(token, _Node())
                node.ends.append(form)
                count += 1
        stack = list(root.values())
        while stack:
            node = stack.pop()
            node._finish()
            for following in node.next.values():
                stack.extend(following.values())
        self._root = root
        self._count = count
        # Every piece of text seen so far: how the matcher sees it, and whether one of its
        # words starts a form (the same, in a form ``map`` takes at C speed).
        self._chunks: dict[str, _Chunk[P]] = {}
        self._starts: dict[str, bool] = {}

    def __len__(self) -> int:
        return self._count

    def _learn(self, text: str) -> _Chunk[P]:
        """A piece met for the first time by ``find``. The most common one, a word that
        starts no form, is only noted as such (``_NOTHING``): how the matcher sees it is
        worked out if a walk ever comes to it."""
        folded = fold(text)
        if folded.isalnum() and folded not in self._root:
            self._starts[text] = False
            return _NOTHING
        return self._chunk(text)

    def _chunk(self, text: str) -> _Chunk[P]:
        """How the matcher sees a piece of text, worked out once."""
        chunk = self._chunks.get(text)
        if chunk is not None:
            return chunk
        folded = fold(text)
        ignorable = not text.isascii() and _IGNORABLE.search(text) is not None
        single = None if ignorable else _ONE_WORD.fullmatch(folded)  # "marché,", "(LLM)": most pieces
        if folded.isalnum():
            node = self._root.get(folded)
            plans: tuple[_Plan[P], ...] = (_plan((folded,), (), 0, node),) if node else ()
            chunk = _Chunk((folded,), ((0, len(folded)),), plans)
        elif single is not None:
            word = single[2]
            node = self._root.get(word)
            plans = (_plan((word,), (), 0, node),) if node else ()
            chunk = _Chunk((word,), (single.span(2),), plans,
                           lead=_separator(single[1]).lstrip(" "), tail=_separator(single[3]).rstrip(" "))
        else:
            spans = tuple((m.start(), m.end()) for m in _TOKEN.finditer(folded))
            tokens = tuple(strip_ignorable(folded[a:b]) for a, b in spans)
            gaps = tuple(_separator(folded[spans[k][1]:spans[k + 1][0]]) for k in range(len(spans) - 1))
            # Lead and tail meet the space the text was cut at: whitespace at that end goes.
            lead = _separator(folded[:spans[0][0]]).lstrip(" ") if spans else _separator(folded).strip(" ")
            tail = _separator(folded[spans[-1][1]:]).rstrip(" ") if spans else ""
            plans = tuple(_plan(tokens, gaps, j, self._root[t]) for j, t in enumerate(tokens) if t in self._root)
            chunk = _Chunk(tokens, spans, plans, gaps=gaps, lead=lead, tail=tail, ignorable=ignorable)
        if len(self._chunks) >= CHUNK_MEMORY:
            self._chunks.clear()
            self._starts.clear()
        self._chunks[text] = chunk
        self._starts[text] = bool(chunk.plans)
        return chunk

    def find(self, text: str) -> list[Match[P]]:
        # The hot loop of the build, written for speed: no Python code at all for a piece
        # none of whose words starts a form, and the walks within a piece made once per
        # distinct piece. The text is cut at each space (" "), so that where piece ``k``
        # starts is ``k`` plus the lengths of the pieces before it; ``j`` counts the words
        # of a piece.
        pieces = text.split(" ")
        # Whether each piece starts a form (a piece never seen before may: it is learnt then).
        flags = map(self._starts.get, pieces, repeat(True))
        known, learn = self._chunks.get, self._learn
        scan: _Scan[P] | None = None  # made when a walk must go on into the next pieces
        matches: list[Match[P]] = []
        placed_k = placed_at = 0  # a piece whose place is known, and that place
        done_k = done_j = -1  # the last word of the last match: no match starts before it
        for k in compress(range(len(pieces)), flags):
            chunk = known(pieces[k]) or learn(pieces[k])
            if not chunk.plans:
                continue
            for plan in chunk.plans:
                j = plan[0]
                if k == done_k and j <= done_j:
                    continue
                if k < done_k:  # the last match went on into the next pieces
                    break
                if plan[3] is None and not plan[4]:  # the usual case: all is known from the piece
                    if plan[1] < 0:
                        continue
                    last_k, last_j, last, end, payload = k, plan[1], chunk, -1, plan[2]
                else:
                    scan = scan or _Scan(self, text, pieces)
                    found = scan.follow(k, chunk, plan)
                    if found is None:
                        continue
                    last_k, last_j, last, end, payload = found
                placed_at += sum(map(len, pieces[placed_k:k])) + k - placed_k
                placed_k = k
                start = placed_at + chunk.spans[j][0]
                if end < 0:  # the form has no suffix: it ends with its last word
                    end = placed_at + sum(map(len, pieces[k:last_k])) + last_k - k + last.spans[last_j][1]
                if chunk.ignorable or last.ignorable:
                    start, end = _trim(text, start, end)
                matches.append(Match(start, end, payload))  # type: ignore[arg-type]  # set with last_j
                done_k, done_j = last_k, last_j
        return matches


class _Scan(Generic[P]):
    """One text being matched, for the walks that go on from piece to piece."""

    __slots__ = ("matcher", "pieces", "text")

    def __init__(self, matcher: Matcher[P], text: str, pieces: list[str]) -> None:
        self.matcher, self.text, self.pieces = matcher, text, pieces

    def follow(self, k: int, chunk: _Chunk[P], plan: _Plan[P]) -> _Found[P] | None:
        """What the walk planned in piece ``k`` (``chunk``) finds in the text: the longest
        form that starts at the planned word. The walk goes down the trie word by word, into
        the next pieces while a form may go on."""
        j, last_j, payload, onward, in_text = plan
        best: _Found[P] | None
        if in_text:  # a form with a suffix on the way: walk from the first word
            node = self.matcher._root[chunk.tokens[j]]
            best = self.ending(k, j, chunk, node, None)
        else:  # on from the last word of the piece
            assert onward is not None
            node, j = onward, len(chunk.tokens) - 1
            best = (k, last_j, chunk, -1, payload) if last_j >= 0 else None  # type: ignore[assignment]
        pieces, known, learn = self.pieces, self.matcher._chunks.get, self.matcher._chunk
        while node.next:
            if j + 1 < len(chunk.tokens):
                step = node.next.get(chunk.gaps[j])
                j += 1
            else:  # on to the next piece that has a word
                separator = chunk.tail
                k += 1
                while k < len(pieces):
                    chunk = known(pieces[k]) or learn(pieces[k])
                    if chunk.tokens:
                        break
                    if chunk.lead:
                        separator += " " + chunk.lead
                    k += 1
                else:
                    return best
                step = node.next.get(f"{separator} {chunk.lead}") if separator or chunk.lead else node.spaced
                j = 0
            following = step.get(chunk.tokens[j]) if step else None
            if following is None:
                return best
            node = following
            if node.end == _PLAIN_END:
                best = (k, j, chunk, -1, node.payload)  # type: ignore[assignment]  # a form ends: payload is set
            elif node.end == _SUFFIX_END:
                best = self.ending(k, j, chunk, node, best)
        return best

    def ending(self, k: int, j: int, chunk: _Chunk[P], node: _Node[P], best: _Found[P] | None) -> _Found[P] | None:
        """The longest form that ends at ``node``, reached at word ``j`` of piece ``k``, if
        one fits the text (its suffix follows); else ``best``."""
        if node.end == _PLAIN_END:
            return k, j, chunk, -1, node.payload  # type: ignore[return-value]  # a form ends: payload is set
        if node.end == _SUFFIX_END:
            word_end = sum(map(len, self.pieces[:k])) + k + chunk.spans[j][1]
            fit = _fitting_end(self.text, word_end, node.ends)
            if fit is not None:
                return k, j, chunk, fit[0], fit[1]
        return best


def _fitting_end(text: str, end: int, forms: list[Form[P]]) -> tuple[int, P] | None:
    """The first of ``forms`` (all ending with the word that ends at ``end``) whose suffix
    follows in the text as a whole word, with where the match ends."""
    for form in forms:
        if not form.suffix:
            return end, form.payload
        stop = end + len(form.suffix)
        if fold(text[end:stop]) != form.suffix:
            continue
        if stop < len(text) and (fold(text[stop]).isalnum() or text[stop] == "_"):
            continue
        return stop, form.payload
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in IGNORABLE:
        start += 1
    while end > start and text[end - 1] in IGNORABLE:
        end -= 1
    return start, end
