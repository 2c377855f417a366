"""Safe YAML loading for editorial data, with the place of every value.

PyYAML's SafeLoader builds no Python objects from tags, but it silently keeps the last of
two duplicate keys and turns ``no``, ``on`` or ``2025-01-23`` into booleans and dates.
This loader refuses duplicate keys (naming both lines), keeps such values as the strings
the editor wrote (only ``true``/``false`` are booleans, YAML 1.2 style), and returns
mappings and lists that remember the line of each item for error messages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, Problem


class LocatedDict(dict[str, Any]):
    """A mapping that knows the line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list[Any]):
    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Loader(yaml.SafeLoader):
    pass


# YAML 1.1 booleans (yes/no/on/off…) and timestamps stay strings; true/false stay booleans.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"),
                              list("tf"))


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> LocatedDict:
    loader.flatten_mapping(node)
    result = LocatedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in result:
            raise DuplicateKeyError(
                None, None,
                f"duplicate key {key!r}: first on line {result.key_lines[key]}, again on line {line}",
                key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode, deep: bool = False) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


# The same loader on libyaml's parser, when PyYAML has it: the registers are read at every
# build (and every `mkdocs serve` reload), and the pure-Python parser is about half of it.
# Measured by instruction count on the benchmark's 600 synthetic articles: the build does
# 9 % more work without it.
# A file it refuses is read again by the loader above, whose messages the editors know.
class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    yaml_constructors = _Loader.yaml_constructors


def load_yaml(path: Path) -> Any:
    """Load one YAML file; any syntax problem becomes an InputError with file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError.single(path, f"not valid UTF-8: {exc.reason}",
                                hint="save the file as UTF-8") from None
    try:
        return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader with our constructors
    except yaml.YAMLError:
        pass  # read it again below, for the message
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and mark and mark.index >= len(text.rstrip()):
            mark = exc.context_mark  # an unclosed construct: point at where it opens
        line = mark.line + 1 if mark else None
        message = " ".join(filter(None, [exc.context, exc.problem])) or str(exc)
        hint = None
        if isinstance(exc, yaml.constructor.ConstructorError):
            hint = "only plain YAML values are allowed (no !!python tags)"
        elif isinstance(exc, DuplicateKeyError):
            hint = "keep one of the two keys"
        else:
            hint = "check indentation and quoting; quote values that contain ': ' or start with a symbol"
        raise InputError([Problem(path, message, line=line, hint=hint)]) from None
    except yaml.YAMLError as exc:
        raise InputError.single(path, str(exc)) from None
