"""What the build and ``check`` print: a line per article, and the files written."""

from __future__ import annotations

from collections import Counter

from ..model import Edition
from ..site import WriteReport


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


def doubt_lines(edition: Edition) -> list[str]:
    """The cleaner's decisions on weak evidence, one per line: where, what, and the text."""
    return [f"doubt: {article.seed.rel_path}:{line.number}: {line.doubt}: «{preview(line.text)}»"
            for article in edition.articles for line in article.clean.doubts]


def preview(text: str, chars: int = 80) -> str:
    """The start of a line of a seed, to name it in a report: at most ``chars`` characters."""
    return text if len(text) <= chars else text[:chars].rstrip() + "…"
