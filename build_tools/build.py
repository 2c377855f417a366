"""The orchestrator: seeds → articles → pages, read as the pipeline.

ingest (read seeds) → clean (lines to blocks) → metadata (editor overrides) → annotate
(entity mentions) → cross-reference and render (pages) → write (changed files only)."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from . import clean as cleaner
from . import ingest, metadata, notes, parallel
from .annotate import Registers, annotate
from .chronology import read_dates
from .errors import InputError, Problem
from .glossary import GLOSSARY_FILE, load_glossary
from .model import Article, ArticleMeta, Note, Seed
from .outlets import SOURCES_FILE, load_outlets
from .pages import PageMaker
from .register import REGISTER_FILE, load_register
from .render import Renderer
from .write import WriteReport, write_tree

T = TypeVar("T")


@dataclass(frozen=True)
class Paths:
    root: Path
    seeds: Path
    data: Path
    templates: Path
    docs: Path

    @classmethod
    def at(cls, root: Path, *, seeds: Path | None = None, docs: Path | None = None,
           data: Path | None = None) -> Paths:
        root = root.resolve()
        return cls(root=root, seeds=(seeds or root / "seeds").resolve(),
                   data=(data or root / "data").resolve(), templates=root / "templates",
                   docs=(docs or root / "docs").resolve())


@dataclass
class Edition:
    articles: list[Article]
    registers: Registers
    files: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def make_article(seed: Seed, meta: ArticleMeta, editor_notes: tuple[Note, ...] = (),
                 notes_path: Path | None = None) -> tuple[Article, list[str]]:
    """Clean a seed and settle its metadata: the editor's values win over detected ones."""
    result = cleaner.clean(seed.lines)
    found = result.detected
    warnings = []
    if meta.title:
        title = meta.title
        origin = "text" if meta.title == found.title else ("override" if found.title else "editor")
    elif found.title:
        title, origin = found.title, "text"
    else:
        title, origin = metadata.derived_title(result), "derived"
        warnings.append(f"{seed.rel_path}: no title in the text; add 'title:' to "
                        f"data/articles/{seed.stem}.yml (using {title!r} meanwhile)")
    if not result.blocks:
        warnings.append(f"{seed.rel_path}: no article text left after cleaning")
    article = Article(
        seed=seed, slug=meta.slug or metadata.slugify(title), title=title, title_origin=origin,
        author=meta.author or found.author, date=meta.date or found.date,
        source=meta.source or found.source, publisher=meta.publisher,
        original_url=meta.original_url, clean=result, meta_path=meta.path, pins=meta.pins,
        editor_notes=editor_notes, notes_path=notes_path if editor_notes else None)
    return article, warnings


@dataclass(frozen=True)
class _Loaded:
    """What reading one seed gave: the seed (None if it could not be read), the article
    (None if skipped or in error), and the warnings and problems met on the way."""

    seed: Seed | None
    article: Article | None = None
    warnings: tuple[str, ...] = ()
    read_problems: tuple[Problem, ...] = ()
    problems: tuple[Problem, ...] = ()


def _load(path: Path, paths: Paths) -> _Loaded:
    """One seed read, cleaned and settled with its per-article data."""
    try:
        seed = ingest.read_seed(path, paths.root)
    except InputError as exc:
        return _Loaded(None, read_problems=tuple(exc.problems))
    if not any(line.stripped for line in seed.lines):
        return _Loaded(seed, warnings=(*seed.warnings, f"{seed.rel_path}: empty file, skipped"))
    try:
        meta = metadata.load_meta(metadata.meta_path(paths.data, seed))
        notes_path = notes.notes_path(paths.data, seed)
        editor_notes = notes.load_notes(notes_path)
    except InputError as exc:
        return _Loaded(seed, warnings=seed.warnings, problems=tuple(exc.problems))
    article, warnings = make_article(seed, meta, editor_notes, notes_path)
    return _Loaded(seed, article, (*seed.warnings, *warnings))


def load_articles(paths: Paths) -> tuple[list[Article], list[str]]:
    """The articles of the seeds folder, in the order of their file names. Each seed is read
    apart from the others: on a large edition, shared with a second core (``parallel``)."""
    loaded = parallel.run([functools.partial(_load, path, paths) for path in ingest.find_seeds(paths.seeds)])
    seeds = [one.seed for one in loaded if one.seed is not None]
    problems = [problem for one in loaded for problem in one.read_problems]
    problems.extend(metadata.orphan_files(paths.data / "articles", seeds, "metadata"))
    problems.extend(metadata.orphan_files(paths.data / notes.NOTES_DIR, seeds, "notes"))
    problems.extend(problem for one in loaded for problem in one.problems)
    warnings = [warning for one in loaded for warning in one.warnings]
    articles = [one.article for one in loaded if one.article is not None]
    by_slug: dict[str, Article] = {}
    for article in articles:
        if (other := by_slug.get(article.slug)) is not None:
            problems.append(Problem(article.seed.rel_path,
                                    f"same page name (slug) {article.slug!r} as {other.seed.rel_path}",
                                    hint=f"set a different 'slug:' in data/articles/{article.seed.stem}.yml"))
        by_slug[article.slug] = article
    if problems:
        raise InputError(problems)
    return articles, warnings


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

    entities = attempt(load_register, data / REGISTER_FILE)
    glossary = attempt(load_glossary, data / GLOSSARY_FILE)
    outlets = attempt(load_outlets, data / SOURCES_FILE)
    if entities is None or glossary is None or outlets is None:
        raise InputError(problems)
    problems = [Problem(data / SOURCES_FILE, f"unknown entity {o.entity!r} for outlet {o.id!r}", line=o.line,
                        key="entity", hint="use an id from data/entities.yml, or remove 'entity:'")
                for o in outlets if o.entity and entities.get(o.entity) is None]
    if problems:
        raise InputError(problems)
    return Registers(entities, glossary, outlets)


def outlet_warnings(articles: list[Article], registers: Registers) -> list[str]:
    return [f"{a.seed.rel_path}: {field} {value!r} has no entry in data/{SOURCES_FILE}; add one with its "
            "provenance" for a in articles for field in ("source", "publisher")
            if (value := getattr(a, field)) and registers.outlets.named(value) is None]


def unused_warnings(articles: list[Article], registers: Registers) -> list[str]:
    """Glossary terms found in no article: a form to fix, or an entry to drop."""
    used = {t.term for a in articles for t in a.terms}
    return [f"data/{GLOSSARY_FILE}:{t.line}: term {t.id!r} occurs in no article (check its forms)"
            for t in registers.glossary.terms if t.id not in used]


# Python's cyclic garbage collector runs after every 700 new objects, and every tenth of those
# runs walks all the older ones; a build makes millions of objects that live until its end
# (the articles, their mentions, the pages), and none of them in cycles. With the default
# thresholds, a build of 600 articles spent 1.3 s of 7.4 s collecting; with these, 0.2 s.
BUILD_GC_THRESHOLDS = (50_000, 20, 10)


@contextlib.contextmanager
def collecting_less() -> Iterator[None]:
    """The garbage collector run less often for the duration, then as before."""
    before = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def build_edition(paths: Paths) -> Edition:
    """Everything in memory: nothing is written unless the whole edition renders. The
    problems of the seeds, the per-article data and the registers are reported together."""
    with collecting_less():
        return _build_edition(paths)


def _build_edition(paths: Paths) -> Edition:
    problems: list[Problem] = []
    articles: list[Article] = []
    try:
        articles, warnings = load_articles(paths)
    except InputError as exc:
        problems.extend(exc.problems)
    with read_dates(articles) as dates:  # on a large edition, read in a forked copy meanwhile
        try:
            registers = load_registers(paths.data)
        except InputError as exc:
            problems.extend(exc.problems)
        if problems:
            raise InputError(problems)
        articles = annotate(articles, registers)
        warnings += outlet_warnings(articles, registers) + unused_warnings(articles, registers)
        files = PageMaker(articles, registers, Renderer(paths.templates), dates).pages()
    return Edition(articles=articles, registers=registers, files=files, warnings=warnings)


def build(paths: Paths) -> tuple[Edition, WriteReport]:
    edition = build_edition(paths)
    report = write_tree(paths.docs, edition.files)
    return edition, report


def summary(edition: Edition, report: WriteReport) -> list[str]:
    lines = article_lines(edition)
    lines.append(f"{len(report.written)} files written, {len(report.unchanged)} unchanged, "
                 f"{len(report.deleted)} deleted")
    lines.extend(f"warning: {w}" for w in edition.warnings)
    return lines


def article_lines(edition: Edition) -> list[str]:
    """One line per article: what it carries and what was left out of its text."""
    lines = []
    for article in edition.articles:
        reasons = Counter(r.reason.value for r in article.removed)
        left_out = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        lines.append(f"{article.seed.rel_path} → {article.page_path}: {len(article.blocks)} blocks, "
                     f"{len(article.mentions)} mentions, {len(article.terms)} terms, {len(article.notes)} notes; "
                     f"{len(article.removed)} line{'s' if len(article.removed) != 1 else ''} left out "
                     f"({left_out or 'none'})")
    return lines
