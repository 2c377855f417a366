"""Stage 5: write the generated pages into docs/, touching only what changed.

The generator owns the files it lists in docs/.generated.json (and Markdown pages that
carry its marker). A file is rewritten only when its content changed, so that a second
build rewrites nothing and ``mkdocs serve`` does not loop. Files it generated last time
and no longer produces are deleted; a file it did not generate is never overwritten or
deleted."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, Problem

MANIFEST = ".generated.json"
MARKER = "<!-- Page générée par build_tools"


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def _read_manifest(docs: Path) -> set[str]:
    path = docs / MANIFEST
    if not path.exists():
        return set()
    try:
        return set(json.loads(path.read_text("utf-8"))["files"])
    except (ValueError, KeyError, TypeError):
        return set()


def _is_ours(path: Path, rel: str, manifest: set[str]) -> bool:
    if rel in manifest:
        return True
    if path.suffix == ".md":
        try:
            head = path.read_text("utf-8")[:2000]
        except (OSError, UnicodeDecodeError):
            return False
        return MARKER in head
    return False


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tree(docs: Path, files: Mapping[str, str]) -> WriteReport:
    """Write ``files`` (docs-relative path → text) under ``docs``."""
    manifest = _read_manifest(docs)
    foreign = [rel for rel in sorted(files)
               if (docs / rel).exists() and not _is_ours(docs / rel, rel, manifest)
               and (docs / rel).read_bytes() != files[rel].encode("utf-8")]
    if foreign:
        hint = "move it elsewhere or delete it; generated pages come from seeds/, data/ and templates/"
        raise InputError([Problem(docs / rel, "this file was not made by the build, which would overwrite it",
                                  hint=hint) for rel in foreign])
    report = WriteReport()
    for rel in sorted(files):
        path = docs / rel
        data = files[rel].encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            report.unchanged.append(rel)
            continue
        _atomic_write(path, data)
        report.written.append(rel)
    for rel in sorted(manifest - set(files)):
        path = docs / rel
        if path.is_file():
            path.unlink()
            report.deleted.append(rel)
            _remove_empty_parents(path.parent, docs)
    manifest_text = json.dumps({"files": sorted(files)}, ensure_ascii=False, indent=1) + "\n"
    manifest_path = docs / MANIFEST
    if not manifest_path.exists() or manifest_path.read_text("utf-8") != manifest_text:
        _atomic_write(manifest_path, manifest_text.encode("utf-8"))
    return report


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
