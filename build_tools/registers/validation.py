"""Validate editorial data against the JSON Schemas shipped in ``schemas/``.

Every problem is collected with its file, line and key before failing once."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import referencing
from referencing.jsonschema import DRAFT202012

from ..errors import InputError, Problem
from ..text.normalize import match_key
from .yamlio import LocatedDict, LocatedList, load_yaml


@cache
def load_schema(name: str) -> dict[str, Any]:
    text = resources.files("build_tools.registers.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def schema_registry() -> referencing.Registry[Any]:
    """Every shipped schema, so that one can refer to another by its file name."""
    folder = resources.files("build_tools.registers.schemas")
    names = [f.name.removesuffix(".schema.json") for f in folder.iterdir() if f.name.endswith(".schema.json")]
    return referencing.Registry().with_resources(
        (f"{name}.schema.json", DRAFT202012.create_resource(load_schema(name))) for name in sorted(names))


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = load_schema(name)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=schema_registry(), format_checker=cls.FORMAT_CHECKER)


def _locate(data: Any, path: list[str | int]) -> tuple[int | None, str | None]:
    """The line of the deepest located node on ``path`` and the dotted key."""
    line = getattr(data, "line", None)
    node = data
    for step in path:
        if isinstance(node, LocatedDict) and isinstance(step, str):
            line = node.line_of(step)
            node = node.get(step)
        elif isinstance(node, LocatedList) and isinstance(step, int):
            line = node.line_of(step)
            node = node[step] if step < len(node) else None
        else:
            break
    key = ".".join(str(s) for s in path) or None
    return line, key


def _message(error: jsonschema.ValidationError) -> str:
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown key(s)")
    if error.validator == "enum" and isinstance(error.validator_value, list):
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"{error.instance!r} is not allowed. Expected one of: {allowed}"
    return error.message


def validate(data: Any, schema: str, path: Path, hints: dict[str, str] | None = None) -> list[Problem]:
    """All schema problems of ``data`` (loaded from ``path``), sorted by line."""
    problems = []
    for error in _validator(schema).iter_errors(data):
        line, key = _locate(data, list(error.absolute_path))
        described = error.schema.get("description") if isinstance(error.schema, dict) else None
        hint = (hints or {}).get(str(error.validator)) or described
        problems.append(Problem(path, _message(error), line=line, key=key, hint=hint))
    return sorted(problems, key=lambda p: (p.line or 0, p.key or ""))


def load_records(path: Path, schema: str, what: str,
                 checks: Callable[[LocatedList], list[Problem]] | None = None) -> LocatedList:
    """A data file holding a list of records with ids (an empty list if the file is absent
    or empty): checked against its schema, then for duplicate ids, then by ``checks``; every
    problem is raised at once."""
    data = load_yaml(path) if path.exists() else None
    if data is None:
        return LocatedList()
    problems = validate(data, schema, path)
    if not problems:
        assert isinstance(data, LocatedList)
        problems = unique_ids(data, path, what) + (checks(data) if checks else [])
    if problems:
        raise InputError(problems)
    assert isinstance(data, LocatedList)
    return data


def unique_ids(data: LocatedList, path: Path, what: str) -> list[Problem]:
    """A problem for each item whose ``id`` an earlier item already has."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        item_id = item["id"]
        if item_id in seen:
            problems.append(Problem(path, f"duplicate id {item_id!r} (first on line {seen[item_id]})",
                                    line=item.line_of("id"), key="id", hint=f"give each {what} its own id"))
        seen.setdefault(item_id, data.line_of(index))
    return problems


def unique_forms(data: LocatedList, path: Path, first: str, others: str, hint: str) -> list[Problem]:
    """A problem for each form (``first`` or one of ``others``) that two items claim: forms
    the matcher would not tell apart (see ``textnorm.match_key``)."""
    problems: list[Problem] = []
    owners: dict[str, tuple[str, int]] = {}
    for item in data:
        variants = item.get(others) or LocatedList()
        for position, form in enumerate([item[first], *variants]):
            line = item.line_of(first) if position == 0 else variants.line_of(position - 1)
            key = first if position == 0 else f"{others}.{position - 1}"
            owner = owners.setdefault(match_key(form), (item["id"], line))
            if owner[0] != item["id"]:
                problems.append(Problem(path, f"{form!r} is claimed by {item['id']!r} and by {owner[0]!r} "
                                              f"(line {owner[1]})", line=line, key=key, hint=hint))
    return problems
