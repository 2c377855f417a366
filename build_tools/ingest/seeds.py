"""Read a seed from disk into numbered lines, as an editor's text editor shows them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import InputError
from ..model import Seed, SourceLine

SEED_SUFFIX = ".txt"
# An article is a few dozen kilobytes; a seed above this is not one article (the whole
# pipeline is linear, but such a page would be unreadable): refused with a clear error.
MAX_SEED_BYTES = 5_000_000
# Line ends as editors see them: CRLF, lone CR and LF each end one line.
_LINE_END = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"
# A multi-byte UTF-8 sequence: in a file that is not valid UTF-8, a sign of mixed encodings.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


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
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError.single(path, f"neither UTF-8 nor Windows-1252 text (byte {raw[exc.start]:#04x})",
                                    line=line, hint="re-save the file as UTF-8 text") from None
        if _UTF8_SEQUENCE.search(raw):
            raise InputError.single(path, "mixes UTF-8 with another encoding (read either way, some accents "
                                          "would come out garbled)", line=line,
                                    hint="re-save the file as UTF-8 text and check its accents") from None
        return text, [f"{path}:{line}: not UTF-8; read as Windows-1252 (check the accents, then re-save the "
                      "file as UTF-8)"]
    return text.removeprefix(_BOM), []


def split_lines(text: str) -> list[str]:
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def source_lines(raw: bytes, path: Path) -> tuple[tuple[SourceLine, ...], list[str]]:
    """A seed's bytes as the numbered lines an editor sees (NFC), and the warnings met."""
    text, warnings = decode(raw, path)
    return tuple(SourceLine(i, unicodedata.normalize("NFC", t))
                 for i, t in enumerate(split_lines(text), start=1)), warnings


def read_seed(path: Path, root: Path) -> Seed:
    size = path.stat().st_size
    if size > MAX_SEED_BYTES:
        raise InputError.single(path, f"{size / 1e6:.1f} MB, more than an article can be "
                                      f"({MAX_SEED_BYTES / 1e6:.0f} MB at most)",
                                hint="split the file into one seed per article")
    lines, warnings = source_lines(path.read_bytes(), path)
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    return Seed(path=path, rel_path=rel, lines=lines, warnings=tuple(warnings))
