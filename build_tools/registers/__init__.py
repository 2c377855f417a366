"""Registers: the edition-wide editorial data, each a YAML file of records read with the
line of every value (``yamlio``), checked against its schema (``validation``, ``schemas/``),
and kept in one kind of container (``records``): the entities, the glossary and the outlets."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ..errors import InputError, Problem
from .entities import ENTITIES_FILE, Entities, load_entities
from .glossary import GLOSSARY_FILE, Glossary, load_glossary
from .outlets import OUTLETS_FILE, Outlets, load_outlets

T = TypeVar("T")


@dataclass(frozen=True)
class Registers:
    """The edition-wide editorial data an article is annotated with."""

    entities: Entities
    glossary: Glossary
    outlets: Outlets


def load_registers(data: Path) -> Registers:
    """The entity register, the glossary and the outlets, checked against each other; the
    problems of all three are reported together."""
    problems: list[Problem] = []

    def attempt(load: Callable[[Path], T], path: Path) -> T | None:
        try:
            return load(path)
        except InputError as exc:
            problems.extend(exc.problems)
            return None

    entities = attempt(load_entities, data / ENTITIES_FILE)
    glossary = attempt(load_glossary, data / GLOSSARY_FILE)
    outlets = attempt(load_outlets, data / OUTLETS_FILE)
    if entities is None or glossary is None or outlets is None:
        raise InputError(problems)
    problems = [Problem(data / OUTLETS_FILE, f"unknown entity {o.entity!r} for outlet {o.id!r}", line=o.line,
                        key="entity", hint="use an id from data/entities.yml, or remove 'entity:'")
                for o in outlets if o.entity and entities.get(o.entity) is None]
    if problems:
        raise InputError(problems)
    return Registers(entities, glossary, outlets)


__all__ = ["Registers", "load_registers"]
