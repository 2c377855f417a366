"""The orchestrator: seeds → articles → pages, read as the pipeline.

ingest (read seeds) → clean (lines to blocks) → metadata (editor overrides) → annotate
(entity mentions) → cross-reference and render (pages) → write (changed files only)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import clean as cleaner
from . import ingest, metadata
from .annotate import annotate
from .errors import InputError, Problem
from .model import Article, ArticleMeta, Seed
from .pages import PageMaker
from .register import REGISTER_FILE, Register, load_register
from .render import Renderer
from .write import WriteReport, write_tree


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
    register: Register
    files: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def make_article(seed: Seed, meta: ArticleMeta) -> tuple[Article, list[str]]:
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
        original_url=meta.original_url, clean=result, meta_path=meta.path, pins=meta.pins)
    return article, warnings


def load_articles(paths: Paths) -> tuple[list[Article], list[str]]:
    problems: list[Problem] = []
    warnings: list[str] = []
    seeds: list[Seed] = []
    for path in ingest.find_seeds(paths.seeds):
        try:
            seeds.append(ingest.read_seed(path, paths.root))
        except InputError as exc:
            problems.extend(exc.problems)
    problems.extend(metadata.orphan_meta_files(paths.data, seeds))
    articles = []
    for seed in seeds:
        warnings.extend(seed.warnings)
        if not any(line.stripped for line in seed.lines):
            warnings.append(f"{seed.rel_path}: empty file, skipped")
            continue
        try:
            meta = metadata.load_meta(metadata.meta_path(paths.data, seed))
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        article, article_warnings = make_article(seed, meta)
        articles.append(article)
        warnings.extend(article_warnings)
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


def build_edition(paths: Paths) -> Edition:
    """Everything in memory: nothing is written unless the whole edition renders."""
    articles, warnings = load_articles(paths)
    register = load_register(paths.data / REGISTER_FILE)
    articles = annotate(articles, register)
    files = PageMaker(articles, register, Renderer(paths.templates)).pages()
    return Edition(articles=articles, register=register, files=files, warnings=warnings)


def build(paths: Paths) -> tuple[Edition, WriteReport]:
    edition = build_edition(paths)
    report = write_tree(paths.docs, edition.files)
    return edition, report


def summary(edition: Edition, report: WriteReport) -> list[str]:
    lines = []
    for article in edition.articles:
        reasons = Counter(r.reason.value for r in article.removed)
        left_out = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        lines.append(f"{article.seed.rel_path} → {article.page_path}: {len(article.blocks)} blocks, "
                     f"{len(article.mentions)} mentions; {len(article.removed)} lines left out "
                     f"({left_out or 'none'})")
    lines.append(f"{len(report.written)} files written, {len(report.unchanged)} unchanged, "
                 f"{len(report.deleted)} deleted")
    lines.extend(f"warning: {w}" for w in edition.warnings)
    return lines
