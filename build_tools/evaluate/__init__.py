"""``python -m build_tools eval``: the cleaner measured on a corpus of real pages.

Per split (``dev``, the files rules are developed on; ``test``, the files kept apart) and
per file: the share of article lines kept (``article_recall``), of the other lines left out
(``clutter_recall``), of the lines left out that were not article (``clutter_precision``),
and whether the title, author and date read from the text are the page's (and no date
read from a page that shows none: a site's date of the day is not the article's). Every error is
listed with its file and line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import SPLITS, CorpusFile, read_file, read_split
from .score import Counts, FileScore, errors_of, score_file, total

CORPUS = Path("tests") / "corpus"

__all__ = ["CORPUS", "SPLITS", "SplitReport", "check", "evaluate", "report_json", "summary"]


@dataclass(frozen=True)
class SplitReport:
    split: str
    files: tuple[CorpusFile, ...]
    scores: tuple[FileScore, ...]

    @property
    def counts(self) -> Counts:
        return total(self.scores)


def evaluate(corpus: Path, splits: Sequence[str] = SPLITS) -> list[SplitReport]:
    reports = []
    for split in splits:
        files = read_split(corpus / split)
        reports.append(SplitReport(split, tuple(files), tuple(score_file(f) for f in files)))
    return reports


def check(paths: Sequence[Path]) -> list[CorpusFile]:
    """Read the files (an ``InputError`` names every malformed line)."""
    return [read_file(path) for path in paths]


def _percent(value: float | None) -> str:
    return "   –  " if value is None else f"{value * 100:5.1f} %"


_SCORE_NAMES = {
    "article_recall": "article lines kept",
    "clutter_recall": "other lines left out",
    "clutter_precision": "left out rightly",
    "title": "title",
    "author": "author",
    "misread_authors_doubted": "  misread, doubted",
    "doubted_authors_wrong": "  doubted, misread",
    "date": "date (where shown)",
    "no_date": "no date (where none)",
}


def summary(reports: Sequence[SplitReport], *, errors: bool = True) -> list[str]:
    lines = []
    for report in reports:
        counts = report.counts
        outlets = len({f.outlet for f in report.files})
        lines.append(f"{report.split}: {len(report.files)} files, {outlets} outlets, "
                     f"{counts.article_lines} article lines, {counts.other_lines} other lines")
        for key, value in counts.scores().items():
            lines.append(f"  {_SCORE_NAMES[key]:<22} {_percent(value)}")
        lines.append("  per file: article kept, other left out, title/author/date (+ right, - wrong)")
        for one in report.scores:
            c = one.counts
            marks = "".join("+" if right else "-" for right in (
                c.titles_right, c.authors_right, c.dates_right or c.undated_right))
            lines.append(f"    {one.name:<58} {c.article_kept:>3}/{c.article_lines:<3} "
                         f"{c.other_removed:>3}/{c.other_lines:<3} {marks}")
        if errors:
            lines += ["  errors:"] + [f"    {error}" for error in errors_of(report.scores)]
    return lines


def report_json(reports: Sequence[SplitReport]) -> dict[str, Any]:
    return {report.split: {
        "files": len(report.files), "outlets": len({f.outlet for f in report.files}),
        "scores": report.counts.scores(), "counts": vars(report.counts),
        "per_file": {one.name: one.counts.scores() for one in report.scores},
        "errors": [str(error) for error in errors_of(report.scores)],
    } for report in reports}
