"""Find every name of a register in a text, in one pass.

What counts as a match (``reference.py`` is the simple matcher that specifies it; property
tests compare the two):

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
  ignored. Offsets are offsets in the original text (``fold`` keeps lengths).

How: the forms are stored in a trie of words (a form is its words and the separators
between them), so that a word that starts many forms ("Banque", "Université") costs one
dictionary look-up, not one try per form. The text is cut at each space by ``str.split``;
each distinct piece ("l’OTAN,", "(LLM)", "États-Unis") is cut into words and walked down the
trie once, and what it holds is remembered (a ``_Piece``, or None when it holds nothing,
the most common case). ``find`` then skips the pieces known to hold nothing at C speed
(``map`` and ``compress``), takes the matches of a piece that holds them alone, and walks
on into the next pieces only from a piece where a form may go on ("Donald" of "Donald
Trump"). ``python -m build_tools bench`` measures it against flashtext and pyahocorasick.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from itertools import accumulate, compress, repeat
from typing import Generic, TypeAlias, TypeVar

from ..text.normalize import IGNORABLE, fold, strip_ignorable

P = TypeVar("P", bound=Hashable)
# A match: (start, end, payload), offsets in the text.
Match: TypeAlias = tuple[int, int, P]

# Words are runs of letters, digits and the ignorable characters that may join them; the
# split keeps them: [lead, word, gap, word, …, tail].
_WORDS = re.compile(rf"((?:\w|[{IGNORABLE}])+)")
_SPACES = re.compile(r"\s+")
_IGNORABLE = re.compile(f"[{IGNORABLE}]")
# Distinct pieces remembered at most; past that the memory starts afresh (a corpus's
# vocabulary stays far below it).
PIECE_MEMORY = 1_000_000


def _separator(text: str) -> str:
    """A separator as forms and texts are compared: ignorable characters removed, each run
    of whitespace one space."""
    return _SPACES.sub(" ", strip_ignorable(text))


@dataclass(slots=True)
class Words:
    """A folded text cut into words: the words (ignorable characters removed), where each
    starts and ends, and the separators between them, before the first and after the last."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    gaps: tuple[str, ...]
    lead: str
    tail: str
    ignorable: bool  # whether the text holds a character that matching ignores

    @classmethod
    def of(cls, folded: str, parts: list[str] | None = None) -> Words:
        """``folded`` cut into words (``parts``: as ``_WORDS`` cuts it, if known)."""
        if parts is None:
            parts = _WORDS.split(folded)
        ignorable = not folded.isascii() and _IGNORABLE.search(folded) is not None
        words = parts[1::2]
        offsets = list(accumulate(map(len, parts), initial=0))  # where each part starts
        gaps = parts[::2]  # lead, the gaps, tail
        if ignorable or not folded.isprintable() or "  " in folded:  # not the usual plain text
            words = [strip_ignorable(w) for w in words]
            gaps = [_separator(g) for g in gaps]
        return cls(tuple(words), tuple(offsets[1:-1:2]), tuple(offsets[2::2]), tuple(gaps[1:-1]),
                   gaps[0], gaps[-1], ignorable)


@dataclass(frozen=True, slots=True)
class Form(Generic[P]):
    """One form of a name, cut into words as the matcher sees it; ``suffix``: what follows
    its last word ("." of "Inc.")."""

    payload: P
    words: tuple[str, ...]
    separators: tuple[str, ...]
    suffix: str
    size: int

    @classmethod
    def parse(cls, text: str, payload: P) -> Form[P] | None:
        folded = fold(text.strip())
        cut = Words.of(folded)
        if not cut.words or cut.lead:  # a form starts with a word
            return None
        return cls(payload, cut.words, cut.gaps, cut.tail, len(folded))


class _End(IntEnum):
    """What ends at a node of the trie."""

    NONE = 0  # no form
    PLAIN = 1  # the largest form ending here ends with its last word
    SUFFIX = 2  # it has a suffix, to find in the text


# The members as plain names: read in the hot loops, a global is quicker than an Enum's attribute.
_NO_END, _PLAIN_END, _SUFFIX_END = _End


class _Node(Generic[P]):
    """A point in the trie of words: the nodes that follow, by separator then word, and
    what ends here."""

    __slots__ = ("across", "end", "ends", "next", "payload", "spaced")

    def __init__(self) -> None:
        self.next: dict[str, dict[str, _Node[P]]] = {}
        self.ends: tuple[Form[P], ...] = ()  # the forms that end here, largest first
        self.end = _NO_END
        self.payload: P | None = None  # the largest form's
        self.spaced: dict[str, _Node[P]] | None = None  # next[" "]: the usual separator
        # What a piece of text may end with, before the space it was cut at, for a form to
        # go on into the next piece: the starts of the separators that hold a space.
        self.across: frozenset[str] = frozenset()

    def finish(self) -> None:
        """Once every form is in."""
        self.ends = tuple(sorted(self.ends, key=lambda f: -f.size))  # stable: the first given wins a tie
        if self.ends:
            self.end = _SUFFIX_END if self.ends[0].suffix else _PLAIN_END
            self.payload = self.ends[0].payload
        self.spaced = self.next.get(" ")
        self.across = frozenset(s[:i + 1] for s in self.next for i, c in enumerate(s) if c == " ")


@dataclass(slots=True)
class _Walk(Generic[P]):
    """A walk down the trie from one word of a piece, as far as the piece goes."""

    first: int  # the word it starts at
    last: int  # the last word of the longest form it found, or -1
    payload: P | None  # that form's
    onward: _Node[P] | None  # where it goes on from into the next pieces, if a form may
    in_text: bool  # a form with a suffix ends on the way: the walk is made in the text
    alone: bool  # neither: the piece alone tells what the walk finds


@dataclass(slots=True)
class _Piece(Generic[P]):
    """A piece of text with its walks down the trie, for the pieces whose matches depend on
    the text around them."""

    cut: Words
    walks: tuple[_Walk[P], ...]  # one for each word that starts a form


# What ``find`` knows of a piece it has seen: None if it holds no match (most pieces); the
# matches it holds when nothing before reaches into it and no form goes on past it, as
# offsets in the piece (a plain tuple of plain values, which the garbage collector soon
# stops following); else its ``_Piece``.
_Known = tuple[Match[P], ...] | _Piece[P] | None


@dataclass(slots=True)
class _Reach(Generic[P]):
    """Where a walk ends: the piece and word of the longest form's last word, that piece's
    words, where the form ends in the text if it has a suffix (else -1), its payload."""

    piece: int
    word: int
    cut: Words
    end: int
    payload: P


class Matcher(Generic[P]):
    """Compiled once over all forms; ``find`` is then called on every text. The payload
    says what a form names (an entity id, a glossary term…)."""

    def __init__(self, forms: Iterable[tuple[str, P]]) -> None:
        self._root: dict[str, _Node[P]] = {}
        self._count = 0
        for text, payload in forms:
            variants = {text}
            if text[:1].islower():
                variants.add(text[0].upper() + text[1:])
            for variant in sorted(variants):
                form = Form.parse(variant, payload)
                if form is not None:
                    self._add(form)
        stack = list(self._root.values())
        while stack:
            node = stack.pop()
            node.finish()
            for following in node.next.values():
                stack.extend(following.values())
        # What each distinct piece of text holds (None: nothing), and the words of the
        # pieces that walks go through.
        self._pieces: dict[str, _Known[P]] = {}
        self._walked: dict[str, _Piece[P]] = {}
        self._cuts: dict[str, Words] = {}

    def _add(self, form: Form[P]) -> None:
        node = self._root.get(form.words[0]) or self._root.setdefault(form.words[0], _Node())
        for separator, word in zip(form.separators, form.words[1:], strict=True):
            following = node.next.setdefault(separator, {})
            node = following.get(word) or following.setdefault(word, _Node())
        node.ends += (form,)
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def forget(self) -> None:
        """Start the memory of pieces afresh, as a new matcher's."""
        self._pieces.clear()
        self._walked.clear()
        self._cuts.clear()

    def find(self, text: str) -> list[Match[P]]:
        scan = _Scan(self, text)
        known = self._pieces.get
        pieces = scan.pieces
        # Only the pieces that may hold a match: those never seen (True) and those known to
        # hold one. The usual case, a piece that holds its matches alone, is taken here.
        for k in compress(range(len(pieces)), map(known, pieces, repeat(True))):
            piece = known(pieces[k], True)
            if piece is True:
                piece = self._learn(pieces[k])
            if isinstance(piece, tuple):
                if k > scan.done_piece:
                    scan.add(k, piece)
                else:  # the last match reaches into it
                    scan.walk(k, self.walks(pieces[k]))
            elif isinstance(piece, _Piece):
                scan.walk(k, piece)
        return scan.matches

    def _learn(self, text: str) -> _Known[P]:
        """A piece met for the first time: what it holds, remembered."""
        if len(self._pieces) >= PIECE_MEMORY:
            self.forget()
        folded = fold(text)
        known: _Known[P] = None
        # Cut at its words: [lead, word, gap, word, …, tail]; "marché", the usual piece, is one word.
        parts = ["", folded, ""] if folded.isalnum() else _WORDS.split(folded)
        words = parts[1::2]  # as they may start a form (ignorable characters compared without)
        if folded.isascii() or _IGNORABLE.search(folded) is None:
            starts_form = not self._root.keys().isdisjoint(words)
        else:
            starts_form = any(strip_ignorable(w) in self._root for w in words)
        if starts_form:
            piece = self._piece(_cut(folded, parts))
            known = _alone(text, piece)
            if known is None:
                self._walked[text] = piece
                known = piece
        self._pieces[text] = known
        return known

    def walks(self, text: str) -> _Piece[P]:
        """The walks of a piece: remembered for the pieces walks are made from."""
        piece = self._walked.get(text)
        if piece is None:
            piece = self._walked[text] = self._piece(self.cut(text))
        return piece

    def cut(self, text: str) -> Words:
        """A piece cut into words, remembered: the pieces that walks go through."""
        cut = self._cuts.get(text)
        if cut is None:
            cut = self._cuts[text] = _cut(fold(text))
        return cut

    def _piece(self, cut: Words) -> _Piece[P]:
        return _Piece(cut, tuple(_walk(cut, j, self._root[w]) for j, w in enumerate(cut.words) if w in self._root))


def _alone(text: str, piece: _Piece[P]) -> tuple[Match[P], ...] | None:
    """The matches a piece holds when nothing before reaches into it, or None if a walk
    must be made in the text."""
    found: list[Match[P]] = []
    last_word = -1
    cut = piece.cut
    for walk in piece.walks:
        if not walk.alone:
            return None
        if walk.first <= last_word or walk.last < 0:
            continue
        start, end = cut.starts[walk.first], cut.ends[walk.last]
        if cut.ignorable:
            start, end = _trim(text, start, end)
        found.append((start, end, walk.payload))  # type: ignore[arg-type]
        last_word = walk.last
    return tuple(found)


def _cut(folded: str, parts: list[str] | None = None) -> Words:
    """A piece of text cut into words (``parts``: cut by ``_WORDS``, if known). Whitespace at
    its ends meets the space it was cut at, and goes (separators are compared with each run of
    whitespace as one space)."""
    cut = Words.of(folded, parts)
    if not cut.words:
        return _replace_ends(cut, cut.lead.strip(" "), "")
    if " " in cut.lead or " " in cut.tail:
        return _replace_ends(cut, cut.lead.lstrip(" "), cut.tail.rstrip(" "))
    return cut


def _replace_ends(cut: Words, lead: str, tail: str) -> Words:
    return Words(cut.words, cut.starts, cut.ends, cut.gaps, lead, tail, cut.ignorable)


def _walk(cut: Words, j: int, node: _Node[P]) -> _Walk[P]:
    """The walk down the trie from ``node``, reached at word ``j`` of a piece, as far as
    the piece goes."""
    first, last, payload = j, -1, None
    while True:
        if node.end is _SUFFIX_END:
            return _Walk(first, -1, None, None, True, False)
        if node.end is _PLAIN_END:
            last, payload = j, node.payload
        if not node.next:
            return _Walk(first, last, payload, None, False, True)
        if j + 1 == len(cut.words):
            # Past the piece, the separator is the tail, the space the text was cut at, then
            # whatever comes: if no separator of the node starts so, no form goes on.
            onward = node if cut.tail + " " in node.across else None
            return _Walk(first, last, payload, onward, False, onward is None)
        step = node.next.get(cut.gaps[j])
        following = step.get(cut.words[j + 1]) if step else None
        if following is None:
            return _Walk(first, last, payload, None, False, True)
        node, j = following, j + 1


class _Scan(Generic[P]):
    """One text being matched: its pieces, the matches found so far, and where the last
    one ends (no match starts before it)."""

    __slots__ = ("_lengths", "cuts", "done_piece", "done_word", "matcher", "matches", "pieces", "text")

    def __init__(self, matcher: Matcher[P], text: str) -> None:
        self.matcher, self.text = matcher, text
        self.pieces = text.split(" ")
        self.matches: list[Match[P]] = []
        self.cuts = matcher._cuts.get  # the words of a piece that walks went through before
        self.done_piece = self.done_word = -1
        self._lengths: list[int] | None = None  # of the pieces before each one

    def start(self, k: int) -> int:
        """Where piece ``k`` starts in the text: after the pieces before it and a space each."""
        if self._lengths is None:
            self._lengths = list(accumulate(map(len, self.pieces), initial=0))
        return self._lengths[k] + k

    def add(self, k: int, matches: Sequence[Match[P]]) -> None:
        """The matches piece ``k`` holds alone (none past it: the next piece starts after them)."""
        at = self.start(k)
        self.matches += [(at + start, at + end, payload) for start, end, payload in matches]

    def walk(self, k: int, piece: _Piece[P]) -> None:
        """The walks of piece ``k`` that start after the last match: the longest form of each."""
        for walk in piece.walks:
            if k == self.done_piece and walk.first <= self.done_word:
                continue
            if k < self.done_piece:  # the last match went on into the next pieces
                return
            reach: _Reach[P]
            if walk.alone:
                if walk.last < 0:
                    continue
                reach = _Reach(k, walk.last, piece.cut, -1, walk.payload)  # type: ignore[arg-type]  # a form ends
            else:
                found = self.follow(k, piece.cut, walk)
                if found is None:
                    continue
                reach = found
            start = self.start(k) + piece.cut.starts[walk.first]
            end = reach.end if reach.end >= 0 else self.start(reach.piece) + reach.cut.ends[reach.word]
            if piece.cut.ignorable or reach.cut.ignorable:
                start, end = _trim(self.text, start, end)
            self.matches.append((start, end, reach.payload))
            self.done_piece, self.done_word = reach.piece, reach.word

    def follow(self, k: int, cut: Words, walk: _Walk[P]) -> _Reach[P] | None:
        """The longest form that starts at the walk's word, walking down the trie word by
        word, into the next pieces while a form may go on."""
        best: _Reach[P] | None = None
        j = walk.first
        if walk.in_text:  # a form with a suffix on the way: walk from the first word
            node = self.matcher._root[cut.words[j]]
            best = self.ending(k, j, cut, node, None)
        else:  # on from the last word of the piece
            assert walk.onward is not None
            node, j = walk.onward, len(cut.words) - 1
            if walk.last >= 0:
                best = _Reach(k, walk.last, cut, -1, walk.payload)  # type: ignore[arg-type]
        while node.next:
            if j + 1 < len(cut.words):
                step = node.next.get(cut.gaps[j])
                j += 1
            else:  # on to the next piece that has a word
                separator = cut.tail
                k += 1
                while k < len(self.pieces):
                    cut = self.cuts(self.pieces[k]) or self.matcher.cut(self.pieces[k])
                    if cut.words:
                        break
                    if cut.lead:
                        separator += " " + cut.lead
                    k += 1
                else:
                    return best
                step = node.next.get(f"{separator} {cut.lead}") if separator or cut.lead else node.spaced
                j = 0
            following = step.get(cut.words[j]) if step else None
            if following is None:
                return best
            node = following
            if node.end is not _NO_END:
                best = self.ending(k, j, cut, node, best)
        return best

    def ending(self, k: int, j: int, cut: Words, node: _Node[P], best: _Reach[P] | None) -> _Reach[P] | None:
        """The longest form that ends at ``node``, reached at word ``j`` of piece ``k``, if
        one fits the text (its suffix follows); else ``best``."""
        if node.end is _PLAIN_END:
            return _Reach(k, j, cut, -1, node.payload)  # type: ignore[arg-type]
        if node.end is _SUFFIX_END:
            fit = _fitting_end(self.text, self.start(k) + cut.ends[j], node.ends)
            if fit is not None:
                return _Reach(k, j, cut, *fit)
        return best


def _fitting_end(text: str, end: int, forms: Sequence[Form[P]]) -> tuple[int, P] | None:
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
