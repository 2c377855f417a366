"""The orchestrator: seeds → articles → pages, read as the pipeline.

ingest (read seeds) → clean (lines to blocks) → metadata (editor overrides) → render
(templates to Markdown) → write (changed files only)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import clean as cleaner
from . import export, ingest, metadata
from .errors import InputError, Problem
from .model import Article, Block, Seed
from .render import Renderer, SafeMarkdown, md_escape
from .write import WriteReport, write_tree

DESCRIPTION_MAX_CHARS = 160


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
    files: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def make_article(seed: Seed, meta_file: metadata.MetaFile) -> tuple[Article, list[str]]:
    """Clean a seed and settle its metadata: the editor's values win over detected ones."""
    result = cleaner.clean(seed.lines)
    meta, found = meta_file.meta, result.detected
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
        original_url=meta.original_url, clean=result)
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
            meta_file = metadata.load_meta(metadata.meta_path(paths.data, seed))
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        article, article_warnings = make_article(seed, meta_file)
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


def reading_order(articles: Sequence[Article]) -> list[Article]:
    """By publication date, undated articles last, then by seed name."""
    return sorted(articles, key=lambda a: (a.date is None, a.date or 0, a.seed.path.name))


@dataclass(frozen=True)
class BlockView:
    id: str
    kind: str
    markdown: SafeMarkdown


@dataclass(frozen=True)
class ArticleItem:
    article: Article
    first_sentence: str


def _first_sentence(article: Article) -> str:
    first = next((b.text for b in article.blocks if b.kind.value != "heading"), "")
    return metadata.first_sentence(first)


def _description(article: Article) -> str:
    text = _first_sentence(article)
    if len(text) > DESCRIPTION_MAX_CHARS:
        text = text[:DESCRIPTION_MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return text


def _block_views(blocks: Sequence[Block]) -> list[BlockView]:
    return [BlockView(b.id, b.kind.value, SafeMarkdown(md_escape(b.text))) for b in blocks]


def render_pages(articles: Sequence[Article], renderer: Renderer) -> dict[str, str]:
    ordered = reading_order(articles)
    items = [ArticleItem(a, _first_sentence(a)) for a in ordered]
    files = {
        "index.md": renderer.render("home.md.j2", articles=items),
        "articles/index.md": renderer.render("articles-index.md.j2", articles=items),
        "edition.json": export.to_json(export.edition_record(articles)),
    }
    for article in articles:
        files[article.page_path] = renderer.render(
            "article.md.j2", article=article, blocks=_block_views(article.blocks),
            description=_description(article))
    return files


def build_edition(paths: Paths) -> Edition:
    """Everything in memory: nothing is written unless the whole edition renders."""
    articles, warnings = load_articles(paths)
    files = render_pages(articles, Renderer(paths.templates))
    return Edition(articles=articles, files=files, warnings=warnings)


def build(paths: Paths) -> tuple[Edition, WriteReport]:
    edition = build_edition(paths)
    report = write_tree(paths.docs, edition.files)
    return edition, report


def summary(edition: Edition, report: WriteReport) -> list[str]:
    lines = []
    for article in edition.articles:
        reasons = Counter(r.reason.value for r in article.removed)
        left_out = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        lines.append(f"{article.seed.rel_path} → {article.page_path}: {len(article.blocks)} blocks; "
                     f"{len(article.removed)} lines left out ({left_out or 'none'})")
    lines.append(f"{len(report.written)} files written, {len(report.unchanged)} unchanged, "
                 f"{len(report.deleted)} deleted")
    lines.extend(f"warning: {w}" for w in edition.warnings)
    return lines
