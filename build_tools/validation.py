"""Validate editorial data against the JSON Schemas shipped in ``schemas/``.

Every problem is collected with its file, line and key before failing once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema

from .errors import Problem
from .yamlio import LocatedDict, LocatedList


@cache
def load_schema(name: str) -> dict[str, Any]:
    text = resources.files("build_tools.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = load_schema(name)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


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
