"""The review of each article (data/review/<seed file stem>.yml): every figure, every factual
claim and every term a general French reader may not know, decided once (a note or not, a
glossary entry or not) and why, so that the next editor sees what was checked.

``check`` reads them: a quotation must occur once in the article, a decision must name a note
of the article or a term of the glossary that is there; a figure of the article that no
review entry quotes is a warning, as is an article without a review."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..annotate.notes import quote_places, quote_problem
from ..errors import InputError, Problem
from ..model import Article, Block
from ..registers import Registers
from ..registers.validation import validate
from ..registers.yamlio import LocatedList, load_yaml

REVIEW_DIR = "review"
# A figure: a run of digits, with the spaces, points and commas that group them ("1 000",
# "5,576", "2007-2008" counts as two).
FIGURE = re.compile("\\d+(?:[ \u00a0\u202f,.]\\d+)*")


class Decision(StrEnum):
    NOTE = "note"
    NO_NOTE = "no-note"
    GLOSSARY = "glossary"
    NO_GLOSSARY = "no-glossary"


@dataclass(frozen=True)
class Reviewed:
    """One figure, claim or term of an article, and what was decided of it."""

    quote: str
    kind: str
    decision: Decision
    why: str
    note: str | None = None
    term: str | None = None
    line: int = 0


def review_path(data: Path, article: Article) -> Path:
    return data / REVIEW_DIR / f"{article.seed.stem}.yml"


def load_review(path: Path) -> tuple[Reviewed, ...] | None:
    """The review of an article, or None when it has none."""
    if not path.exists():
        return None
    data = load_yaml(path)
    if data is None:
        return ()
    problems = validate(data, "review", path)
    if problems:
        raise InputError(problems)
    assert isinstance(data, LocatedList)
    return tuple(Reviewed(item["quote"], item["kind"], Decision(item["decision"]), " ".join(item["why"].split()),
                          item.get("note"), item.get("term"), data.line_of(index))
                 for index, item in enumerate(data))


def review_problems(article: Article, review: Sequence[Reviewed], registers: Registers,
                    path: Path) -> list[Problem]:
    """What in a review does not hold against its article: a quotation missing or repeated, a
    note or a term that is not there."""
    problems = []
    notes = {note.id for note in article.editor_notes}
    for item in review:
        places = quote_places(article, item.quote)
        if len(places) != 1:
            problems.append(quote_problem(path, item.line, "quote", item.quote, count=len(places), what="review"))
        if item.decision is Decision.NOTE and item.note not in notes:
            problems.append(Problem(path, f"no note {item.note!r} in the article's notes", line=item.line, key="note",
                                    hint=f"write it in data/notes/{article.seed.stem}.yml, or decide no-note"))
        if item.decision is Decision.GLOSSARY and not (
                len(places) == 1 and _term_in(article, item.term, places[0][0], places[0][1], len(item.quote))):
            where = "is not in data/glossary.yml" if registers.glossary.get(item.term or "") is None \
                else "is not found in the quotation"
            problems.append(Problem(path, f"the term {item.term!r} {where}", line=item.line, key="term",
                                    hint="add the form to the term's variants, or decide no-glossary"))
    return problems


def _term_in(article: Article, term: str | None, block: Block, start: int, length: int) -> bool:
    """Whether a use of ``term`` overlaps the quotation found at ``start`` of ``block``."""
    return any(use.term == term and use.start < start + length and use.end > start
               for use in article.terms_by_block.get(block.id, ()))


def unreviewed_figures(article: Article, review: Sequence[Reviewed]) -> list[tuple[str, str]]:
    """The figures of the article (block id, figure) that no quotation of the review holds."""
    covered: dict[str, list[tuple[int, int]]] = {}
    for item in review:
        for block, start in quote_places(article, item.quote):
            covered.setdefault(block.id, []).append((start, start + len(item.quote)))
    return [(block.id, m.group()) for block in article.blocks for m in FIGURE.finditer(block.text)
            if not any(a <= m.start() and m.end() <= b for a, b in covered.get(block.id, ()))]


def check_reviews(articles: Sequence[Article], registers: Registers, data: Path) -> tuple[list[Problem], list[str]]:
    """The problems of every review (raised by ``check``) and the warnings: an article without a
    review, figures no review entry quotes."""
    problems: list[Problem] = []
    warnings = []
    stems = {article.seed.stem for article in articles}
    if (data / REVIEW_DIR).is_dir():
        problems += [Problem(p, f"no article from a seed named {p.stem}.txt for this review file",
                             hint="rename it after its seed file, or delete it")
                     for p in sorted((data / REVIEW_DIR).glob("*.yml")) if p.stem not in stems]
    for article in articles:
        path = review_path(data, article)
        try:
            review = load_review(path)
        except InputError as exc:
            problems += exc.problems
            continue
        if review is None:
            warnings.append(f"{article.seed.rel_path}: no review of its figures, claims and terms; write "
                            f"data/{REVIEW_DIR}/{article.seed.stem}.yml")
            continue
        problems += review_problems(article, review, registers, path)
        missing = unreviewed_figures(article, review)
        if missing:
            listed = ", ".join(f"{figure} (§ {block[1:]})" for block, figure in missing)
            warnings.append(f"{path}: figures of the article no entry quotes: {listed}")
    return problems, warnings
