"""Write the generated pages into docs/, touching only what changed, as one
transaction (staged, then swapped in; put back as it was if anything fails).

The generator owns the files it lists in docs/.generated.json (and Markdown pages that
carry its marker). A file is rewritten only when its content changed, so that a second
build rewrites nothing and ``mkdocs serve`` does not loop. Files it generated last time
and no longer produces are deleted; a file it did not generate is never overwritten or
deleted."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Problem

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


def _files_under(folder: Path) -> set[str]:
    """The path of every file under ``folder``, relative to it, with "/" (one walk, instead of
    a look at each path to write)."""
    found: set[str] = set()
    for parent, _, names in os.walk(folder, followlinks=True):
        base = os.path.relpath(parent, folder).replace(os.sep, "/")
        found.update(names if base == "." else (f"{base}/{name}" for name in names))
    return found


def write_tree(docs: Path, files: Iterable[tuple[str, str]] | Mapping[str, str]) -> WriteReport:
    """Write ``files`` (docs-relative path and text, or a mapping of them) under ``docs``, as
    one transaction: each changed file is written into a staging folder as it comes (so that
    they need not all be held at once), then all are swapped in; if anything fails on the
    way, from the first file to the last swap, docs/ is left as it was. Nothing in docs/
    changes before the swap, and nothing at all when no file changed: the previews' engines
    watch it (``_beside``)."""
    manifest = _read_manifest(docs)
    existing = _files_under(docs)
    report = WriteReport()
    made: set[str] = set()
    foreign: list[str] = []
    with _Staging(docs) as staged:
        for rel, text in files.items() if isinstance(files, Mapping) else files:
            made.add(rel)
            data = text.encode("utf-8")
            # A path not found by the walk is asked again: on a file system that ignores
            # case, a hand-written "Index.md" is the generated "index.md".
            present = rel in existing or (docs / rel).exists()
            same = present and (docs / rel).read_bytes() == data
            if present and not same and not _is_ours(docs / rel, rel, manifest):
                foreign.append(rel)
            elif same and rel in existing:
                report.unchanged.append(rel)
            else:
                staged.write(rel, data)
                report.written.append(rel)
        if foreign:
            hint = "move it elsewhere or delete it; generated pages come from seeds/, data/ and templates/"
            raise InputError([Problem(docs / rel, "this file was not made by the build, which would overwrite it",
                                      hint=hint) for rel in sorted(foreign)])
        report.written.sort()
        report.unchanged.sort()
        report.deleted = [rel for rel in sorted(manifest - made) if rel in existing]
        manifest_data = (json.dumps({"files": sorted(made)}, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        if MANIFEST not in existing or (docs / MANIFEST).read_bytes() != manifest_data:
            staged.write(MANIFEST, manifest_data)
        if staged.files or report.deleted:
            _swap_in(docs, staged.work(), staged.files, report.deleted, existing)
    for rel in report.deleted:
        _remove_empty_parents((docs / rel).parent, docs)
    return report


class _Folders:
    """Makes the folder of each path it is given, asking the system once per folder."""

    def __init__(self) -> None:
        self._made: set[Path] = set()

    def ready(self, path: Path) -> Path:
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        return path


class _Staging:
    """The changed files, written into a folder made for them at the first one (``work()``/new)
    beside ``docs`` (``_beside``), and removed with it at the end."""

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self.files: list[str] = []
        self._work: Path | None = None
        self._folders = _Folders()

    def work(self) -> Path:
        if self._work is None:
            self.docs.mkdir(parents=True, exist_ok=True)
            self._work = Path(tempfile.mkdtemp(dir=_beside(self.docs), prefix=".build-"))
        return self._work

    def write(self, rel: str, data: bytes) -> None:
        self._folders.ready(self.work() / "new" / rel).write_bytes(data)
        self.files.append(rel)

    def __enter__(self) -> _Staging:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._work is not None:
            shutil.rmtree(self._work)


def _beside(docs: Path) -> Path:
    """Where the changed files wait to be swapped in: the folder that holds ``docs``, if on the
    same file system (a file moved from there to ``docs`` is renamed, not copied), else
    ``docs`` itself. Not in ``docs`` where it can be: a preview's engine that watches it
    (Zensical) would start to build at the first file staged, while the others are still
    being rendered, and miss them."""
    return docs.parent if docs.parent.stat().st_dev == docs.stat().st_dev else docs


def touch_pages(docs: Path) -> None:
    """Mark every Markdown page under ``docs`` as modified now: ``mkdocs serve --dirty``,
    which rebuilds only the pages modified since their last build, then rebuilds them all."""
    now = time.time()
    for page in docs.rglob("*.md"):
        os.utime(page, (now, now))


def _swap_in(docs: Path, work: Path, changed: Sequence[str], deleted: list[str], existing: set[str]) -> None:
    """The staged files (``work``/new) moved into ``docs``, the ones they replace and the
    deleted ones kept in ``work``/old until all is done, and put back on a failure."""
    staged, backup = work / "new", work / "old"
    folders = _Folders()
    done: list[tuple[str, bool]] = []  # (path, is a deletion), in the order they were swapped
    try:
        for rel in changed:
            target = docs / rel
            if rel in existing:
                _move(target, backup / rel)
            done.append((rel, False))
            (staged / rel).replace(folders.ready(target))
        for rel in deleted:
            done.append((rel, True))
            _move(docs / rel, backup / rel)
    except BaseException:
        for rel, is_deletion in reversed(done):
            if not is_deletion:
                (docs / rel).unlink(missing_ok=True)
            if (backup / rel).exists():
                (backup / rel).replace(docs / rel)
        raise


def _move(source: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    source.replace(dest)


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
