"""Synthetic inputs made from the real ones, with a fixed random seed: a corpus of
paragraphs recombined from the seeds' cleaned sentences, a register of any size (the real
entity register and glossary plus generated names and aliases), and whole synthetic seed
files for the site build.

The same ``seed`` always gives the same corpus and the same register; the register of n
entries is the first n entries of one sequence, so that a smaller register is part of a
larger one."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import count

from ..model import Article, BlockKind
from ..registers import Registers
from ..text.normalize import IGNORABLE, fold, match_key
from ..text.sentences import sentences as sentences_of

SEED = 20250123
# Syllables of the generated names: accents, a cedilla, a few letters folding does not
# touch (œ), so that matching has to be accent-insensitive and whole-word on all of them.
_SYLLABLES = ("ba", "bé", "cor", "da", "dé", "fa", "gal", "gui", "ja", "ka", "lan", "lé", "lou", "ma",
              "mè", "mi", "nor", "no", "pa", "pé", "ra", "ré", "ro", "sa", "sé", "tan", "té", "tor",
              "va", "vé", "vi", "za", "zo", "çon", "quel", "ber", "vil", "kov", "ine", "œl", "ar", "ès")
_VOWEL_SYLLABLES = ("a", "é", "i", "o", "u", "è", "au", "eu", "on", "an", "in", "ou")
_ORG_HEADS = ("Agence", "Institut", "Banque", "Conseil", "Fondation", "Office", "Comité", "Union",
              "Société", "Laboratoire", "Académie", "Université", "Ministère", "Centre")
_ORG_ADJECTIVES = ("national", "central", "fédéral", "européen", "numérique", "stratégique",
                   "technologique", "général", "supérieur", "populaire", "maritime")
_TERM_HEADS = ("modèle", "réseau", "puce", "calcul", "marché", "circuit", "protocole", "indice",
               "transfert", "taux", "système", "régime")
_SPACE_RUN = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """One space (or non-breaking space) between words, no zero-width or bidi character: text
    that every matcher of the benchmark reads the same way."""
    text = "".join(c for c in text if c not in IGNORABLE)
    return _SPACE_RUN.sub(lambda m: "\u00a0" if m.group()[0] in "\u00a0\u202f" else " ", text).strip()


def sentences(articles: Sequence[Article]) -> list[str]:
    """The sentences of the real articles' body text (headings left out)."""
    found: list[str] = []
    for article in articles:
        for block in article.blocks:
            if block.kind is not BlockKind.HEADING:
                found.extend(s for s in sentences_of(clean_text(block.text)) if len(s.split()) >= 4)
    return found


def headings(articles: Sequence[Article]) -> list[str]:
    return [clean_text(b.text) for a in articles for b in a.blocks if b.kind is BlockKind.HEADING]


@dataclass(frozen=True)
class Entry:
    """One register entry: its forms (the first is the name) and what kind of thing it is."""

    id: str
    kind: str  # "entity" or "term"
    type: str  # an entity type, or "term"
    forms: tuple[str, ...]


class Names:
    """Generated names, never twice the same match key (nor an existing one)."""

    def __init__(self, rng: random.Random, taken: set[str]) -> None:
        self.rng = rng
        self.taken = taken

    def word(self, low: int = 2, high: int = 3, *, vowel: bool = False) -> str:
        parts = [self.rng.choice(_VOWEL_SYLLABLES)] if vowel else []
        parts += [self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(low, high))]
        return "".join(parts).capitalize()

    def claim(self, forms: list[str]) -> tuple[str, ...] | None:
        keys = set()
        for form in forms:
            keys |= {match_key(form), match_key(form[0].upper() + form[1:])}
        if keys & self.taken or len({match_key(f) for f in forms}) != len(forms):
            return None
        self.taken |= keys
        return tuple(forms)


def _generated(rng: random.Random, names: Names, traps: Sequence[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """An endless sequence of (type, forms): people with a surname alias, organisations with
    an acronym, places (some hyphenated), names with an elision inside, lowercase terms and
    traps (the beginning of a word of the corpus, never to be found inside that word)."""
    while True:
        roll = rng.random()
        if roll < 0.35:
            first, last = names.word(1, 2), names.word(2, 3)
            forms = [f"{first} {last}", last] + ([f"M. {last}"] if rng.random() < 0.1 else [])
            kind = "personne"
        elif roll < 0.55:
            head, place = rng.choice(_ORG_HEADS), names.word(2, 3)
            name = f"{head} {rng.choice(_ORG_ADJECTIVES)} de {place}"
            acronym = "".join(w[0] for w in name.split() if w[0].isupper()) + place[1].upper() + \
                "".join(rng.choice("BCDFGHJKLMNPRSTVXZ") for _ in range(rng.randint(0, 2)))
            forms, kind = [name, fold(acronym).upper()], "organisation"
        elif roll < 0.70:
            place = names.word(2, 3)
            forms = [rng.choice((place, f"Saint-{place}", f"{place}-sur-{names.word(2, 2)}"))]
            kind = "lieu"
        elif roll < 0.80:
            forms = [rng.choice((f"{names.word(1, 2)} d’{names.word(1, 2, vowel=True)}",
                                 f"L’{names.word(1, 2, vowel=True)} {names.word(2, 2)}",
                                 f"{names.word(2, 2)} de l’{names.word(1, 2, vowel=True)}"))]
            kind = "oeuvre"
        elif roll < 0.95:
            forms = [f"{rng.choice(_TERM_HEADS)} {names.word(2, 3).lower()}"]
            kind = "term"
        else:
            forms, kind = [rng.choice(traps)], "produit"
        claimed = names.claim(forms)
        if claimed is not None:
            yield kind, claimed


def _traps(corpus_words: set[str]) -> list[str]:
    """Beginnings of long capitalised words of the corpus that are not words of it themselves."""
    keys = {fold(w) for w in corpus_words}
    traps = set()
    for word in corpus_words:
        if len(word) >= 6 and word[0].isupper():
            for cut in range(3, len(word) - 1):
                if fold(word[:cut]) not in keys:
                    traps.add(word[:cut])
    return sorted(traps)


def register(registers: Registers, articles: Sequence[Article], size: int, seed: int = SEED) -> list[Entry]:
    """The real entities and glossary terms, then generated entries up to ``size``."""
    entries = [Entry(e.id, "entity", e.type.value, e.forms) for e in registers.entities]
    entries += [Entry(t.id, "term", "term", t.forms) for t in registers.glossary]
    taken = set()
    for entry in entries:
        for form in entry.forms:
            taken |= {match_key(form), match_key(form[0].upper() + form[1:])}
    rng = random.Random(seed)
    words = {w for s in sentences(articles) for w in re.findall(r"\w+", s)}
    names = Names(rng, taken)
    generated = _generated(rng, names, _traps(words))
    for number in count(1):
        if len(entries) >= size:
            break
        kind, forms = next(generated)
        entry_kind = "term" if kind == "term" else "entity"
        entries.append(Entry(f"synthetique-{number}", entry_kind, "term" if kind == "term" else kind, forms))
    return entries[:size]


_PATTERNS = ("{}", "{}", "{}", "l’{}", "d’{}", "l'{}", "({})", "« {} »", "{},", "{}.", "{}s", "X{}")


def mention(rng: random.Random, form: str) -> str:
    """A form as a text writes it: after an elision, in brackets or quotes, with a
    non-breaking space inside, capitalised at a sentence start; or glued to letters, where it
    must not be found."""
    if rng.random() < 0.1:
        form = form.replace(" ", "\u00a0", 1)
    if form[:1].islower() and rng.random() < 0.3:
        form = form[0].upper() + form[1:]
    return rng.choice(_PATTERNS).format(form)


def paragraph(rng: random.Random, pool: Sequence[str], names: Sequence[str], *, density: float = 0.5) -> str:
    """3 to 7 sentences of the pool, with a generated name inserted between two words of
    about ``density`` of them."""
    out = []
    for _ in range(rng.randint(3, 7)):
        words = rng.choice(pool).split(" ")
        if names and rng.random() < density:
            words.insert(rng.randint(1, len(words)), mention(rng, rng.choice(names)))
        out.append(" ".join(words))
    return " ".join(out)


def corpus(articles: Sequence[Article], entries: Sequence[Entry], megabytes: float, seed: int = SEED) -> list[str]:
    """Paragraphs (UTF-8 size at least ``megabytes`` MB) recombined from the real sentences,
    naming the generated entries of ``entries``."""
    rng = random.Random(seed)
    pool = sentences(articles)
    names = [f for e in entries if e.id.startswith("synthetique-") for f in e.forms]
    paragraphs, size = [], 0
    while size < megabytes * 1e6:
        text = paragraph(rng, pool, names)
        paragraphs.append(text)
        size += len(text.encode("utf-8")) + 1
    return paragraphs


# --- whole articles, for the site build ----------------------------------------------

# The articles' dates spread over five years, as a large edition's would be, in no order.
FIRST_DAY = dt.date(2021, 1, 1)
DAYS = 5 * 365
DAY_STEP = 37  # prime to DAYS: the first DAYS articles fall on different days

_FIRST_NAMES = ("Claire", "Hugo", "Inès", "Marc", "Léa", "Omar", "Sofia", "Yann", "Zoé", "Théo")


@dataclass(frozen=True)
class SyntheticEntity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class SyntheticArticle:
    stem: str
    seed: str  # the seed file's text
    meta: dict[str, str]  # data/articles/<stem>.yml


def site(registers: Registers, articles: Sequence[Article], count: int, *, words: int = 1200,
         seed: int = SEED) -> tuple[list[SyntheticArticle], list[SyntheticEntity]]:
    """``count`` articles of about ``words`` words each, recombined from the real sentences
    (with headings), each naming the real entities its sentences name and two entities of
    its own (a person and an organisation, added to the register)."""
    rng = random.Random(seed)
    pool, titles = sentences(articles), headings(articles)
    taken = set(registers.entities.by_form)
    taken |= set(registers.glossary.by_form)
    names = Names(rng, taken | {match_key(f[0].upper() + f[1:]) for f in list(taken) if f})
    entities: list[SyntheticEntity] = []
    made = []
    for number in range(1, count + 1):
        own: list[SyntheticEntity] = []
        while len(own) < 2:
            if not own:
                first, last = names.word(1, 2), names.word(2, 3)
                forms = names.claim([f"{first} {last}", last])
                kind = "personne"
            else:
                place = names.word(2, 3)
                forms = names.claim([f"{rng.choice(_ORG_HEADS)} {rng.choice(_ORG_ADJECTIVES)} de {place}"])
                kind = "organisation"
            if forms:
                own.append(SyntheticEntity(f"synthetique-{number}-{len(own) + 1}", kind, forms[0], forms[1:]))
        entities.extend(own)
        mentioned = [f for e in own for f in (e.name, *e.aliases)]
        if len(entities) > 2 and rng.random() < 0.5:  # now and then, another article's entity
            other = rng.choice(entities[:-2])
            mentioned.append(other.name)
        lines = [f"par {rng.choice(_FIRST_NAMES)} {names.word(2, 3)}", rng.choice(pool), ""]
        total = 0
        while total < words:
            if lines[-1] == "" and total and rng.random() < 0.2:
                lines += [rng.choice(titles), ""]
            text = paragraph(rng, pool, mentioned, density=0.3)
            lines += [text, ""]
            total += len(text.split())
        stem = f"{number:04d}_synthetique"
        date = (FIRST_DAY + dt.timedelta(days=number * DAY_STEP % DAYS)).isoformat()
        made.append(SyntheticArticle(stem, "\n".join(lines), {
            "title": f"{rng.choice(titles)} ({number})", "slug": f"article-{number:04d}", "date": date}))
    return made, entities
