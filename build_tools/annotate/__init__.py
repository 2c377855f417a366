"""Annotate: the annotated layer of every article. Entity mentions and glossary terms found
by one matcher (``mentions``, over ``matcher``, whose executable specification is
``reference``), the editors' notes placed on their quotations (``notes``), and what the page
marks of them (``sections``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..errors import InputError, Problem
from ..model import Article
from ..registers import Registers
from .mentions import apply_pins, compile_matcher, find_all, without_overlaps
from .notes import place_notes
from .sections import link_policy, term_policy


def annotate(articles: Sequence[Article], registers: Registers) -> list[Article]:
    """The articles with their mentions, terms and notes; the problems of every article's
    pins and notes are raised together."""
    matcher = compile_matcher(registers)
    problems: list[Problem] = []
    result = []
    for article in articles:
        mentions, terms = find_all(article, matcher)
        mentions, pin_problems = apply_pins(article, mentions, registers.entities)
        notes, note_problems = place_notes(article, registers.outlets)
        problems.extend(pin_problems + note_problems)
        result.append(replace(article, mentions=tuple(link_policy(article, mentions)),
                              terms=tuple(term_policy(article, without_overlaps(terms, mentions))),
                              notes=tuple(notes)))
    if problems:
        raise InputError(problems)
    return result


__all__ = ["annotate"]
