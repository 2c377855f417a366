"""Entities an editor may want to add: French named-entity recognition (spaCy's
fr_core_news_sm, installed as a package: nothing is downloaded at run time) over the
cleaned text of the seeds, minus what the registers already name.

Only the article body is read (the cleaner has already set boilerplate and reader comments
aside). Elision debris ("l’", "d’") is taken off the names; spans the entity register or the
glossary already cover, stop words and lower-case fragments are dropped."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import EditionError
from ..ingest.articles import slugify
from ..model import Article, NoteKind
from ..registers import Registers
from ..text.normalize import match_key

MODEL = "fr_core_news_sm"
CONTEXT_MAX_CHARS = 200
# spaCy's labels for French, and the register type an editor most often gives them.
TYPE_OF_LABEL = {"PER": "personne", "ORG": "organisation", "LOC": "lieu"}
_ELISION = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]\s*", re.IGNORECASE)
# What is left of an elided word cut off by the model: "l’IA n’ont" → "IA n".
_TRAILING_ELISION = re.compile(r"\s+(?:[ldjmnstc]|qu)['’]?$", re.IGNORECASE)
_EDGE_PUNCTUATION = " \t«»\"“”()[]{},;:.!?…–—-'’"


@dataclass
class Suggestion:
    name: str
    label: str
    count: int = 0
    contexts: list[tuple[str, str, str]] = field(default_factory=list)  # (article slug, block id, sentence)

    @property
    def type(self) -> str | None:
        return TYPE_OF_LABEL.get(self.label)


def load_model() -> Any:
    try:
        import spacy  # noqa: PLC0415 - optional dependency, only needed by this command
    except ImportError:
        raise EditionError("suggest needs spaCy and its French model: pip install -e '.[suggest]'") from None
    try:
        return spacy.load(MODEL, exclude=["lemmatizer"])  # the tagger's PROPN is used, not lemmas
    except OSError:
        raise EditionError(f"spaCy's model {MODEL} is not installed: pip install -e '.[suggest]'") from None


def clean_name(text: str, stop_words: frozenset[str] = frozenset()) -> str:
    """The name without elision debris, leading small words and surrounding punctuation:
    "l’Élysée" → "Élysée", "du Sud" → "Sud", "IA n" → "IA"."""
    name = " ".join(text.split()).strip(_EDGE_PUNCTUATION)
    name = _TRAILING_ELISION.sub("", _ELISION.sub("", name)).strip(_EDGE_PUNCTUATION)
    words = name.split()
    while len(words) > 1 and words[0].islower() and words[0].casefold() in stop_words:
        words.pop(0)
    return " ".join(words)


def _known_spans(article: Article) -> dict[str, list[tuple[int, int]]]:
    """Where the registers already say something: mentions, terms, translated passages."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for mention in article.mentions:
        spans.setdefault(mention.block, []).append((mention.start, mention.end))
    for term in article.terms:
        spans.setdefault(term.block, []).append((term.start, term.end))
    for placed in article.notes:
        if placed.block is not None and placed.note.kind is NoteKind.TRANSLATION:
            spans.setdefault(placed.block, []).append((placed.position - len(placed.note.quote), placed.position))
    return spans


def _looks_like_a_name(ent: Any) -> bool:
    """A proper noun somewhere in it, or capitals beyond the first letter (FAFO, xAI): not a
    capitalised common word at the start of a sentence ("Appelez", "Objectif")."""
    return any(t.pos_ == "PROPN" for t in ent) or any(c.isupper() for c in ent.text[1:])


def suggest(articles: Sequence[Article], registers: Registers, nlp: Any) -> list[Suggestion]:
    """Names the model finds that no register covers, most frequent first."""
    known = set(registers.entities.by_form) | set(registers.glossary.by_form)
    stop_words = frozenset(w.casefold() for w in nlp.Defaults.stop_words)
    found: dict[str, Suggestion] = {}
    for article in articles:
        covered = _known_spans(article)
        texts = [b.text for b in article.blocks]
        for block, doc in zip(article.blocks, nlp.pipe(texts), strict=True):
            for ent in doc.ents:
                name = clean_name(ent.text, stop_words)
                if not _looks_like_a_name(ent) or not _worth_suggesting(name, stop_words) or match_key(name) in known:
                    continue
                if any(a < ent.end_char and ent.start_char < b for a, b in covered.get(block.id, ())):
                    continue
                entry = found.setdefault(match_key(name), Suggestion(name, ent.label_))
                entry.count += 1
                if not entry.contexts:
                    entry.contexts.append((article.slug, block.id, _shorten(ent.sent.text)))
    return sorted(found.values(), key=lambda s: (-s.count, match_key(s.name).casefold()))


def _worth_suggesting(name: str, stop_words: frozenset[str]) -> bool:
    if len(name) < 2 or not any(c.isupper() for c in name) or name.casefold() in stop_words:
        return False
    words = name.split()
    return not all(w.casefold() in stop_words for w in words)


def _shorten(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    if len(sentence) > CONTEXT_MAX_CHARS:
        sentence = sentence[:CONTEXT_MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return sentence


def suggestion_lines(suggestions: Iterable[Suggestion]) -> list[str]:
    lines = []
    for s in suggestions:
        slug, block, sentence = s.contexts[0]
        lines.append(f"{s.count:3d}  {s.name}  [{s.label}]")
        lines.append(f"     {slug}#{block}: {sentence}")
    return lines or ["No name outside the registers."]


def register_stub(suggestions: Iterable[Suggestion]) -> str:
    """Entries to paste into data/entities.yml once checked and described: the description
    is left empty on purpose, so that the register refuses them until an editor writes it."""
    out = ["# Proposed by `python -m build_tools suggest --yaml`: check each entry (name, type,",
           "# aliases), write its description (see EDITORIAL.md), then paste it into data/entities.yml.", ""]
    for s in suggestions:
        entry = yaml.safe_dump([{"id": slugify(s.name), "type": s.type or "", "name": s.name, "aliases": [],
                                 "description": ""}], allow_unicode=True, sort_keys=False, width=1000)
        slug, block, sentence = s.contexts[0]
        out.append(f"# {s.count} × [{s.label}] {slug}#{block}: {sentence}")
        out.append(entry.rstrip())
        out.append("")
    return "\n".join(out)
