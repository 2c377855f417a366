"""The articles of the seeds folder: each seed read, cleaned, and settled with what its
editors wrote (the editor's values win over those detected in the text)."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .. import parallel
from ..errors import InputError, Problem
from ..model import NO_CHOICES, Article, ArticleMeta, CleanResult, LineChoices, LineQuote, Note, Seed, TitleOrigin
from ..project import Paths
from ..text.normalize import fold
from ..text.sentences import first_sentence
from . import editorial, seeds
from .clean import clean

SLUG_MAX_CHARS = 60
DERIVED_TITLE_MAX_CHARS = 90


def line_choices(seed: Seed, meta: ArticleMeta) -> LineChoices:
    """The seed's lines the editor keeps and leaves out (``keep``, ``remove``), each named by
    a quotation that occurs in one line only (accents, apostrophe and space kinds aside). A
    quotation found in no line or in several, or a line both kept and left out, is an error
    naming the metadata file, its line and its key."""
    problems: list[Problem] = []
    chosen: dict[str, dict[int, LineQuote]] = {}
    for key, quotes in (("keep", meta.keep), ("remove", meta.remove)):
        chosen[key] = {}
        for quote in quotes:
            folded = fold(quote.quote)
            numbers = [line.number for line in seed.lines if folded in fold(line.stripped)]
            if len(numbers) == 1:
                chosen[key][numbers[0]] = quote
                continue
            found = "is in no line of the seed" if not numbers else f"is in {len(numbers)} lines of the seed"
            problems.append(Problem(meta.path or seed.rel_path, f"{key}: the quotation {quote.quote!r} {found}",
                                    line=quote.line, key=key,
                                    hint="copy a longer, exact passage of the line (it must occur in one line)"))
    for number in sorted(chosen["keep"].keys() & chosen["remove"].keys()):
        problems.append(Problem(meta.path or seed.rel_path, f"line {number} of the seed is both kept and removed",
                                line=chosen["remove"][number].line, key="remove",
                                hint="leave the line in one of the two lists"))
    if problems:
        raise InputError(problems)
    return LineChoices(frozenset(chosen["keep"]), frozenset(chosen["remove"]))


def make_article(seed: Seed, meta: ArticleMeta, editor_notes: tuple[Note, ...] = (),
                 notes_path: Path | None = None, choices: LineChoices = NO_CHOICES) -> tuple[Article, list[str]]:
    """Clean a seed and settle its metadata: the editor's values win over detected ones."""
    result = clean(seed.lines, choices=choices)
    found = result.detected
    warnings = []
    if meta.title:
        title = meta.title
        if meta.title == found.title:
            origin = TitleOrigin.TEXT
        else:
            origin = TitleOrigin.OVERRIDE if found.title else TitleOrigin.EDITOR
    elif found.title:
        title, origin = found.title, TitleOrigin.TEXT
    else:
        title, origin = derived_title(result), TitleOrigin.DERIVED
        warnings.append(f"{seed.rel_path}: no title in the text; add 'title:' to "
                        f"data/articles/{seed.stem}.yml (using {title!r} meanwhile)")
    if not result.blocks:
        warnings.append(f"{seed.rel_path}: no article text left after cleaning")
    doubts = tuple(d for d in found.doubts if getattr(meta, d.field.value) is None)  # the editor's value settles it
    warnings += [f"{seed.rel_path}:{d.line}: the {d.field.value} {getattr(found, d.field.value)!r} {d.why}; "
                 f"confirm or correct it with '{d.field.value}:' in data/articles/{seed.stem}.yml" for d in doubts]
    article = Article(
        seed=seed, slug=meta.slug or _unreserved(slugify(title)), title=title, title_origin=origin,
        author=meta.author or found.author, date=meta.date or found.date,
        source=meta.source or found.source, publisher=meta.publisher,
        original_url=meta.original_url, clean=result, genre=meta.genre, meta_path=meta.path, pins=meta.pins,
        editor_notes=editor_notes, notes_path=notes_path if editor_notes else None, meta_doubts=doubts)
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
        seed = seeds.read_seed(path, paths.root)
    except InputError as exc:
        return _Loaded(None, read_problems=tuple(exc.problems))
    if not any(line.stripped for line in seed.lines):
        return _Loaded(seed, warnings=(*seed.warnings, f"{seed.rel_path}: empty file, skipped"))
    try:
        meta = editorial.load_meta(editorial.meta_path(paths.data, seed))
        notes_path = editorial.notes_path(paths.data, seed)
        editor_notes = editorial.load_notes(notes_path)
        choices = line_choices(seed, meta)
    except InputError as exc:
        return _Loaded(seed, warnings=seed.warnings, problems=tuple(exc.problems))
    article, warnings = make_article(seed, meta, editor_notes, notes_path, choices)
    return _Loaded(seed, article, (*seed.warnings, *warnings))


def load_articles(paths: Paths) -> tuple[list[Article], list[str]]:
    """The articles of the seeds folder, in the order of their file names, and the warnings
    met. Each seed is read apart from the others: on a large edition, shared with a second
    core (``parallel``). The problems of every seed and every per-article file are raised
    together."""
    loaded = parallel.run([functools.partial(_load, path, paths) for path in seeds.find_seeds(paths.seeds)])
    problems = [problem for one in loaded for problem in one.read_problems]
    problems += editorial.orphan_files(paths.data, [one.seed for one in loaded if one.seed is not None])
    problems += [problem for one in loaded for problem in one.problems]
    articles = [one.article for one in loaded if one.article is not None]
    problems += _same_slugs(articles)
    if problems:
        raise InputError(problems)
    return articles, [warning for one in loaded for warning in one.warnings]


# Names an article's files cannot take: they are the edition's own (articles/index.md, the
# list of the articles; tei/registre.xml, the register of the TEI files).
RESERVED_SLUGS = frozenset({"index", "registre"})


def _unreserved(slug: str) -> str:
    """A page name made from a title, never one of the edition's own (a title « Index »)."""
    return f"{slug}-article" if slug in RESERVED_SLUGS else slug


def _same_slugs(articles: list[Article]) -> list[Problem]:
    by_slug: dict[str, Article] = {}
    problems = []
    for article in articles:
        if article.slug in RESERVED_SLUGS:
            problems.append(Problem(article.seed.rel_path, f"the page name (slug) {article.slug!r} is the "
                                    "edition's own (the list of articles, the TEI register)",
                                    hint=f"set a different 'slug:' in data/articles/{article.seed.stem}.yml"))
        if (other := by_slug.get(article.slug)) is not None:
            problems.append(Problem(article.seed.rel_path,
                                    f"same page name (slug) {article.slug!r} as {other.seed.rel_path}",
                                    hint=f"set a different 'slug:' in data/articles/{article.seed.stem}.yml"))
        by_slug[article.slug] = article
    return problems


def slugify(text: str, max_chars: int = SLUG_MAX_CHARS) -> str:
    """ASCII, lowercase, hyphen-separated, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_chars:
        slug = slug[:max_chars].rsplit("-", 1)[0]
    return slug or "article"


def derived_title(clean: CleanResult) -> str:
    """A stand-in title from the first sentence, for a seed with no title anywhere."""
    first = next((b.text for b in clean.blocks), "")
    sentence = first_sentence(first).rstrip(".")
    if len(sentence) > DERIVED_TITLE_MAX_CHARS:
        sentence = sentence[:DERIVED_TITLE_MAX_CHARS].rsplit(" ", 1)[0] + " …"
    return sentence or "Article sans titre"
