"""Warnings about how the articles use the registers: what an editor should look at, which
does not stop the build."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article
from ..registers import Registers
from ..registers.glossary import GLOSSARY_FILE
from ..registers.outlets import OUTLET_FIELDS, OUTLETS_FILE


def usage_warnings(articles: Sequence[Article], registers: Registers) -> list[str]:
    return outlet_warnings(articles, registers) + unused_terms(articles, registers)


def outlet_warnings(articles: Sequence[Article], registers: Registers) -> list[str]:
    """An article's source or publisher that no outlet is named: its provenance is missing."""
    return [f"{a.seed.rel_path}: {field} {value!r} has no entry in data/{OUTLETS_FILE}; add one with its "
            "provenance" for a in articles for field in OUTLET_FIELDS
            if (value := getattr(a, field)) and registers.outlets.named(value) is None]


def unused_terms(articles: Sequence[Article], registers: Registers) -> list[str]:
    """Glossary terms found in no article: a form to fix, or an entry to drop."""
    used = {t.term for a in articles for t in a.terms}
    return [f"data/{GLOSSARY_FILE}:{t.line}: term {t.id!r} occurs in no article (check its forms)"
            for t in registers.glossary if t.id not in used]
