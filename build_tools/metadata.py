"""Per-article metadata written by editors: data/articles/<seed file stem>.yml.

Text alone cannot always tell an article's title, date or publisher; the editor supplies
them here, and anything given here overrides what the cleaner detected."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from .errors import InputError, Problem
from .model import ArticleMeta, CleanResult, MentionPin, Seed
from .textnorm import SENTENCE_BREAK
from .validation import validate
from .yamlio import LocatedDict, LocatedList, load_yaml

META_SUFFIX = ".yml"
SLUG_MAX_CHARS = 60
DERIVED_TITLE_MAX_CHARS = 90

def meta_path(data_dir: Path, seed: Seed) -> Path:
    return data_dir / "articles" / f"{seed.stem}{META_SUFFIX}"


def load_meta(path: Path) -> ArticleMeta:
    if not path.exists():
        return ArticleMeta()
    data = load_yaml(path)
    if data is None:
        return ArticleMeta(path=path)
    problems = validate(data, "article-meta", path)
    date = None
    if isinstance(data, LocatedDict) and not problems and "date" in data:
        try:
            date = dt.date.fromisoformat(data["date"])
        except ValueError:
            problems.append(Problem(path, f"{data['date']!r} is not a real date", line=data.line_of("date"),
                                    key="date", hint="write the date as YYYY-MM-DD"))
    if problems:
        raise InputError(problems)
    pins_data = data.get("mentions") or LocatedList()
    pins = tuple(MentionPin(p["quote"], p["text"], p["entity"], pins_data.line_of(i))
                 for i, p in enumerate(pins_data))
    return ArticleMeta(title=data.get("title"), slug=data.get("slug"), date=date,
                       author=data.get("author"), source=data.get("source"),
                       publisher=data.get("publisher"), original_url=data.get("original_url"),
                       path=path, pins=pins)


def orphan_files(folder: Path, seeds: list[Seed], what: str) -> list[Problem]:
    """A problem for each per-article file in ``folder`` whose seed does not exist."""
    if not folder.is_dir():
        return []
    stems = {seed.stem for seed in seeds}
    return [Problem(p, f"no seed named {p.stem}.txt for this {what} file",
                    hint="rename it after its seed file, or delete it")
            for p in sorted(folder.glob(f"*{META_SUFFIX}")) if p.stem not in stems]


def slugify(text: str, max_chars: int = SLUG_MAX_CHARS) -> str:
    """ASCII, lowercase, hyphen-separated, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_chars:
        slug = slug[:max_chars].rsplit("-", 1)[0]
    return slug or "article"


def first_sentence(text: str) -> str:
    return SENTENCE_BREAK.split(text, maxsplit=1)[0]


def derived_title(clean: CleanResult) -> str:
    """A stand-in title from the first sentence, for a seed with no title anywhere."""
    first = next((b.text for b in clean.blocks), "")
    sentence = first_sentence(first).rstrip(".")
    if len(sentence) > DERIVED_TITLE_MAX_CHARS:
        sentence = sentence[:DERIVED_TITLE_MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return sentence or "Article sans titre"
