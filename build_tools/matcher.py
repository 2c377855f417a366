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
("l’OTAN,", "(LLM)", "États-Unis") is analysed once — folded, cut into words (one
``re.split``), walked down the trie — and remembered, so that a piece seen before costs one
dictionary look-up, made at C speed by ``map``: no Python code at all runs for a piece that
holds no match. What is remembered is as small as can be, because every run starts with an
empty memory and every object kept is one more for the garbage collector to go through
while ``find`` runs: most pieces are remembered as False (nothing to find) or as the
matches they hold, in one flat tuple; only a piece from which a form may go on into the
next pieces keeps its words (``_Chunk``), and is walked, word by word, into the next
pieces while a form goes on. The trie keeps only what matching looks at.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from typing import Any, Generic, TypeAlias, TypeVar

from .textnorm import IGNORABLE, fold, strip_ignorable

_TOKEN = re.compile(rf"(?:\w|[{IGNORABLE}])+")
_SPACES = re.compile(r"\s+")
_IGNORABLE = re.compile(f"[{IGNORABLE}]")
_WORDS = re.compile(r"(\w+)")  # split at words, keeping them: [lead, word, gap, word, …, tail]
P = TypeVar("P", bound=Hashable)
# Pieces remembered at most; past that the memory starts afresh (a corpus's vocabulary
# stays far below it).
CHUNK_MEMORY = 1_000_000


def _separator(text: str) -> str:
    """``text`` (folded) as forms and texts are compared: ignorable characters removed,
    each run of whitespace one space."""
    # Printable: no ignorable character, no whitespace but the plain space; the usual case.
    if text.isprintable() and "  " not in text:
        return text
    return _SPACES.sub(" ", strip_ignorable(text))


def _unbroken(folded: str) -> bool:
    """Whether a piece (folded) holds no whitespace and no character that matching ignores
    (printable: no whitespace but the plain space): the usual piece, whose separators are
    compared as they are."""
    return " " not in folded and folded.isprintable()


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


# A match: (start, end, payload). A plain tuple, not a named one: the garbage collector stops
# tracking a tuple of plain values, never an instance of a tuple's subclass, and a build makes
# hundreds of thousands of matches.
Match: TypeAlias = tuple[int, int, P]


class _Node(Generic[P]):
    """A point in the trie of words: the forms that end here (largest first), and the
    nodes that follow, by separator then word."""

    __slots__ = ("across", "end", "ends", "next", "payload", "spaced")

    def __init__(self) -> None:
        self.ends: tuple[Form[P], ...] = ()
        self.next: dict[str, dict[str, _Node[P]]] = {}
        # Filled in once every form is in (``_finish``), for the hot loop:
        self.end = _NO_END  # or _PLAIN_END (the largest form ends here: ``payload``), _SUFFIX_END
        self.payload: P | None = None
        self.spaced: dict[str, _Node[P]] | None = None  # next[" "]: the usual separator
        # The starts of its separators that end with a space: what a piece of text may end
        # with, before the space it was cut at, for a form to go on into the next piece.
        self.across: tuple[str, ...] = ()

    def _finish(self) -> None:
        ends = sorted(self.ends, key=lambda f: -f.size)  # stable: the first given wins a tie
        if ends:
            self.end = _SUFFIX_END if ends[0].suffix else _PLAIN_END
            self.payload = ends[0].payload
        # Only a form with a suffix is looked at again (``_fitting_end``): the others go,
        # and with them many objects that the garbage collector would go through again
        # and again while ``find`` runs.
        self.ends = tuple(ends) if self.end == _SUFFIX_END else ()
        self.spaced = self.next.get(" ")
        self.across = tuple({s[:i + 1] for s in self.next for i, c in enumerate(s) if c == " "})


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
    """A piece of text between two spaces, as the matcher sees it when a walk goes through
    it (made once per distinct piece, so it is a plain class: a frozen dataclass is slower
    to make)."""

    __slots__ = ("ends", "gaps", "ignorable", "lead", "plans", "starts", "tail", "tokens")

    def __init__(self, tokens: tuple[str, ...], starts: tuple[int, ...], ends: tuple[int, ...], *,
                 gaps: tuple[str, ...], lead: str, tail: str, ignorable: bool, plans: tuple[_Plan[P], ...]) -> None:
        self.tokens = tokens  # its words, folded, ignorable characters removed
        self.starts, self.ends = starts, ends  # where each word starts and ends in the piece
        self.gaps = gaps  # the separators between consecutive words (folded, spaces collapsed)
        self.lead = lead  # the separator before the first word (the whole piece when it has none)
        self.tail = tail  # the separator after the last word
        self.ignorable = ignorable  # whether it holds a character that matching ignores
        self.plans = plans  # a plan for each word that starts a form


# What ``find`` knows of a piece it has seen (``Matcher._starts``): False if it holds no
# match of its own and no form goes on past it (most pieces); ``_WALK`` if a form may go on
# past it, into the next pieces (its walks are made by ``find``, with its ``_Chunk``); else
# the matches it holds when nothing before reaches into it, in one flat tuple (one object
# for the many pieces seen once or twice): the last word of the last match, then start,
# end and payload of each, counted from the start of the piece.
_Local = tuple[Any, ...]


class _Walk:
    """The mark of a piece from which a form may go on."""


_WALK = _Walk()
_Known = _Local | bool | _Walk


def _plan(tokens: tuple[str, ...], gaps: tuple[str, ...], tail: str, j: int, node: _Node[P]) -> _Plan[P]:
    """The walk down the trie from ``node``, reached at word ``j`` of a piece whose words
    are ``tokens`` (``gaps`` between them, ``tail`` after the last), as far as the piece
    goes."""
    first, last, payload = j, -1, None
    while True:
        if node.end == _SUFFIX_END:
            return first, -1, None, None, True
        if node.end == _PLAIN_END:
            last, payload = j, node.payload
        if not node.next:
            return first, last, payload, None, False
        if j + 1 == len(tokens):
            # Past the piece, the separator is the tail, the space the text was cut at, then
            # whatever comes: if no separator of the node starts so, no form goes on.
            onward = node if tail + " " in node.across else None
            return first, last, payload, onward, False
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
                node.ends += (form,)
                count += 1
        stack = list(root.values())
        while stack:
            node = stack.pop()
            node._finish()
            for following in node.next.values():
                stack.extend(following.values())
        self._root = root
        self._count = count
        # Every piece of text seen so far: what ``find`` must know of it (``_Known``: False,
        # the most common, lets ``map`` pass it over at C speed), and the words of the
        # pieces that walks go through.
        self._starts: dict[str, _Known] = {}
        self._chunks: dict[str, _Chunk[P]] = {}

    def __len__(self) -> int:
        return self._count

    def _learn(self, text: str) -> _Known:
        """A piece met for the first time by ``find``: what ``find`` must know of it. Only
        the pieces from which a form may go on are kept as ``_Chunk``; the others are
        reduced to their matches."""
        if len(self._starts) >= CHUNK_MEMORY:
            self.forget()
        folded = fold(text)
        known: _Known = False
        if folded.isalnum():  # "marché": the most common piece
            if folded in self._root:
                one = self._one_word(["", folded, ""])
                known = self._local(text, folded, None) if one is None else one
        elif text.isascii() or _IGNORABLE.search(text) is None:  # "l’économie,", "États-Unis."
            parts = _WORDS.split(folded)
            if not self._root.keys().isdisjoint(parts[1::2]):
                # One word and no whitespace ("Trump,"): often all is known from its node.
                one = self._one_word(parts) if len(parts) == 3 and _unbroken(folded) else None
                known = self._local(text, folded, parts) if one is None else one
        else:  # ignorable characters, which may join words
            known = self._local(text, folded, None)
        self._starts[text] = known
        return known

    def _one_word(self, parts: list[str]) -> _Known | None:
        """What ``_local`` finds in a piece of one word and no whitespace (``parts``: its
        lead, word and tail), found without the ``_Chunk``; None when a form may go on."""
        node = self._root[parts[1]]
        if node.end == _SUFFIX_END or parts[2] + " " in node.across:
            return None
        if node.end == _PLAIN_END:
            return (0, len(parts[0]), len(parts[0]) + len(parts[1]), node.payload)
        return False

    def _local(self, text: str, folded: str, parts: list[str] | None) -> _Known:
        """The matches a piece holds when nothing before reaches into it, or ``_WALK``."""
        chunk = self._chunk(text, folded, parts, keep=False)
        matches: list[Any] = [-1]
        for first, last, payload, onward, in_text in chunk.plans:
            if onward is not None or in_text:
                self._chunks[text] = chunk
                return _WALK
            if first <= matches[0] or last < 0:
                continue
            start, end = chunk.starts[first], chunk.ends[last]
            if chunk.ignorable:
                start, end = _trim(text, start, end)
            matches[0] = last
            matches += (start, end, payload)
        return tuple(matches) if len(matches) > 1 else False

    def _chunk(self, text: str, folded: str | None = None, parts: list[str] | None = None, *,
               keep: bool = True) -> _Chunk[P]:
        """How the matcher sees a piece of text (``parts``: ``folded`` split at its words,
        if known); remembered if ``keep``."""
        chunk = self._chunks.get(text)
        if chunk is not None:
            return chunk
        if folded is None:
            folded = fold(text)
        tokens: tuple[str, ...]
        starts: tuple[int, ...]
        ends: tuple[int, ...]
        gaps: tuple[str, ...]
        ignorable = False
        if folded.isalnum():  # "marché": the most common piece
            tokens, starts, ends, gaps, lead, tail = (folded,), (0,), (len(folded),), (), "", ""
        elif parts is not None or text.isascii() or _IGNORABLE.search(text) is None:  # "l’économie,"
            if parts is None:
                parts = _WORDS.split(folded)
            tokens = tuple(parts[1::2])
            offsets = list(accumulate(map(len, parts), initial=0))  # where each part starts
            starts, ends = tuple(offsets[1:-1:2]), tuple(offsets[2::2])
            if _unbroken(folded):  # the usual case
                gaps, lead, tail = tuple(parts[2:-1:2]), parts[0], parts[-1] if tokens else ""
            else:
                gaps = tuple(map(_separator, parts[2:-1:2]))
                # Lead and tail meet the space the text was cut at: whitespace at that end goes.
                lead = _separator(parts[0]).lstrip(" ") if tokens else _separator(parts[0]).strip(" ")
                tail = _separator(parts[-1]).rstrip(" ") if tokens else ""
        else:  # ignorable characters: words are runs of letters, digits and ignorable characters
            ignorable = True
            spans = [m.span() for m in _TOKEN.finditer(folded)]
            tokens = tuple(strip_ignorable(folded[a:b]) for a, b in spans)
            starts, ends = tuple(a for a, _ in spans), tuple(b for _, b in spans)
            gaps = tuple(_separator(folded[spans[k][1]:spans[k + 1][0]]) for k in range(len(spans) - 1))
            lead = _separator(folded[:spans[0][0]]).lstrip(" ") if spans else _separator(folded).strip(" ")
            tail = _separator(folded[spans[-1][1]:]).rstrip(" ") if spans else ""
        root = self._root
        plans = tuple(_plan(tokens, gaps, tail, j, root[t]) for j, t in enumerate(tokens) if t in root)
        chunk = _Chunk(tokens, starts, ends, gaps=gaps, lead=lead, tail=tail, ignorable=ignorable, plans=plans)
        if keep:
            if len(self._chunks) >= CHUNK_MEMORY:
                self.forget()
            self._chunks[text] = chunk
        return chunk

    def forget(self) -> None:
        """Start the memory of pieces afresh, as a new matcher's (a corpus's vocabulary
        stays far below ``CHUNK_MEMORY``: it is also done when the memory reaches it)."""
        self._chunks.clear()
        self._starts.clear()

    def find(self, text: str) -> list[Match[P]]:  # noqa: PLR0912 - the hot loop, kept in one piece for speed
        # The hot loop of the build, written for speed: no Python code at all for a piece
        # none of whose words starts a form, and what a piece holds worked out once per
        # distinct piece. The text is cut at each space (" "), so that where piece ``k``
        # starts is ``k`` plus the lengths of the pieces before it (``sums[k]``); ``j``
        # counts the words of a piece.
        pieces = text.split(" ")
        starts = self._starts.get
        # Whether each piece may hold a match (a piece never seen before may: it is learnt then).
        flags = map(starts, pieces, repeat(True))
        learn, chunks, chunk_of = self._learn, self._chunks.get, self._chunk
        scan: _Scan[P] | None = None  # made when a walk goes on into the next pieces
        matches: list[Match[P]] = []
        sums: list[int] | None = None  # the lengths of the pieces before each one, made at the first match
        done_k = done_j = -1  # the last word of the last match: no match starts before it
        for k in compress(range(len(pieces)), flags):
            local: Any = starts(pieces[k], True)
            if local is True:
                local = learn(pieces[k])
            if k > done_k and local is not _WALK:  # the usual case: all is known from the piece
                if local:
                    if sums is None:
                        sums = list(accumulate(map(len, pieces), initial=0))
                    at = sums[k] + k  # where the piece starts
                    for i in range(1, len(local), 3):
                        matches.append((at + local[i], at + local[i + 1], local[i + 2]))
                    done_k, done_j = k, local[0]
                continue
            if not local:
                continue
            # A form may go on past the piece, or the last match reaches into it: its walks.
            chunk = chunks(pieces[k]) or chunk_of(pieces[k])
            for plan in chunk.plans:
                j = plan[0]
                if k == done_k and j <= done_j:
                    continue
                if k < done_k:  # the last match went on into the next pieces
                    break
                if plan[3] is None and not plan[4]:  # all is known from the piece
                    if plan[1] < 0:
                        continue
                    last_k, last_j, last, end, payload = k, plan[1], chunk, -1, plan[2]
                else:
                    scan = scan or _Scan(self, text, pieces)
                    found = scan.follow(k, chunk, plan)
                    if found is None:
                        continue
                    last_k, last_j, last, end, payload = found
                if sums is None:
                    sums = list(accumulate(map(len, pieces), initial=0))
                start = sums[k] + k + chunk.starts[j]
                if end < 0:  # the form has no suffix: it ends with its last word
                    end = sums[last_k] + last_k + last.ends[last_j]
                if chunk.ignorable or last.ignorable:
                    start, end = _trim(text, start, end)
                matches.append((start, end, payload))  # type: ignore[arg-type]  # set with last_j
                done_k, done_j = last_k, last_j
        return matches


class _Scan(Generic[P]):
    """One text being matched, for the walks that go on from piece to piece."""

    __slots__ = ("known", "learn", "matcher", "pieces", "text")

    def __init__(self, matcher: Matcher[P], text: str, pieces: list[str]) -> None:
        self.matcher, self.text, self.pieces = matcher, text, pieces
        self.known, self.learn = matcher._chunks.get, matcher._chunk  # a piece's _Chunk

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
        pieces, known, learn = self.pieces, self.known, self.learn
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
            word_end = sum(map(len, self.pieces[:k])) + k + chunk.ends[j]
            fit = _fitting_end(self.text, word_end, node.ends)
            if fit is not None:
                return k, j, chunk, fit[0], fit[1]
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
