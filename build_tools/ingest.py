"""Stage 1: read a seed from disk into numbered lines, as an editor's text editor shows them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .errors import InputError
from .model import Seed, SourceLine

SEED_SUFFIX = ".txt"
# Line ends as editors see them: CRLF, lone CR and LF each end one line.
_LINE_END = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


def find_seeds(seeds_dir: Path) -> list[Path]:
    """The seed files of a folder, in a stable order whatever the file system's."""
    if not seeds_dir.is_dir():
        raise InputError.single(seeds_dir, "the seeds folder does not exist",
                                hint="create it and put the raw article texts (.txt) in it")
    return sorted((p for p in seeds_dir.iterdir()
                   if p.is_file() and p.suffix == SEED_SUFFIX and not p.name.startswith(".")),
                  key=lambda p: p.name)


def decode(raw: bytes, path: Path) -> tuple[str, list[str]]:
    """Decode a seed: UTF-8 (BOM stripped); returns the text and warnings."""
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError.single(path, "binary data (a NUL byte): this is not a text file",
                                line=line, hint="save the article as plain UTF-8 text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.single(path, f"not valid UTF-8 (byte {raw[exc.start]:#04x})",
                                line=line,
                                hint="re-save the file as UTF-8 text") from None
    return text.removeprefix(_BOM), []


def split_lines(text: str) -> list[str]:
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_seed(path: Path, root: Path) -> Seed:
    raw = path.read_bytes()
    text, warnings = decode(raw, path)
    lines = tuple(SourceLine(i, unicodedata.normalize("NFC", t))
                  for i, t in enumerate(split_lines(text), start=1))
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    return Seed(path=path, rel_path=rel, lines=lines, warnings=tuple(warnings))
