"""The glossary (data/glossary.yml): terms with their variants and definitions.

Loaded and checked like the entity register: schema, duplicate ids, a form claimed by two
terms. Whether a term's form collides with an entity's name is checked where both meet, when
the matcher is compiled (``annotate.mentions.compile_matcher``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Citation
from .records import Records, citations
from .validation import load_records, unique_forms

GLOSSARY_FILE = "glossary.yml"


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    variants: tuple[str, ...]
    definition: str
    sources: tuple[Citation, ...] = ()
    line: int = 0
    as_of: str | None = None  # the month the definition holds for (YYYY-MM), if it can change

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


Glossary = Records[Term]


def load_glossary(path: Path) -> Glossary:
    data = load_records(path, "glossary", "term", lambda records: unique_forms(
        records, path, "term", "variants", hint="keep each form on one term"))
    return Glossary(tuple(
        Term(id=item["id"], term=item["term"], variants=tuple(item.get("variants") or ()),
             definition=" ".join(item["definition"].split()), sources=citations(item.get("sources")),
             line=data.line_of(index), as_of=item.get("as_of"))
        for index, item in enumerate(data)), path)
