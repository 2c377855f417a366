"""Classify every line of a seed and keep the article body.

Two passes. The line rules look at one line at a time and recognise what can be told from
the line alone: metadata (byline, dateline, date line, "source :"), and boilerplate
(donation appeals, news tickers, reporting, sharing and subscribing prompts, comment
sections, advertisements). Every other line is article text. The context rules then look
at the lines around: the comment section runs to the end of the page, teaser lines stick
to the prompts they introduce, the title and standfirst sit around the byline before the
first paragraph, quotations may run over several lines, headings are short lines without
final punctuation between paragraphs.

Every non-blank line ends up either in a block of the body or in the removed lines with a
reason: nothing is dropped silently. The text of a line is never changed; the rules match
on a normalised copy (``textnorm``).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..model import (
    Block,
    BlockKind,
    ClassifiedLine,
    CleanResult,
    DetectedMeta,
    LineClass,
    Reason,
    RemovedLine,
    Rule,
    SourceLine,
)
from ..text.dates import parse_date
from ..text.normalize import unify_punctuation
from .options import DEFAULT_OPTIONS, CleanOptions

_I = re.IGNORECASE
_UPPER = "A-ZÀ-ÖØ-ÝŒ"
_NAME_WORD = rf"[{_UPPER}][\w.'-]*"
_PARTICLE = r"(?:de|du|des|van|von|der|da|di|dos|le|la|d'|et|and)"
BYLINE = re.compile(
    rf"(?i:par|by)\s+(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,4}})")
SOURCE_LINE = re.compile(r"sources?\s*:\s*(?P<value>\S.{0,118})", _I)
DATELINE = re.compile(
    r"publi[ée]e?\s+(?:(?:dans|sur|par)\s+(?P<source>.+?)\s+)?le\s+(?P<date>.+?)"
    r"(?:\s+(?:à\s+)?\d{1,2}\s*[h:]\s*\d{2})?", _I)

COMMENT_HEADER = re.compile(
    r"(?:\d+\s+)?commentaires?\s*:?|(?:laisser|poster|ajouter|écrire|publier)\s+un\s+commentaire.*"
    r"|r[ée]agissez.*|r[ée]agir\s*:?", _I)
COMMENT_CONTROLS = re.compile(r"(?:\s*(?:répondre|supprimer|signaler|j'aime|modifier)\s*)+", _I)
MODERATION = re.compile(
    r"\bcommentaires?\b.*\b(?:supprimés?|modérés?|modération|vérifiés|hors[ -]sujet|n'engagen?t)\b", _I)
DONATION = re.compile(
    r"^soutenez\b|\bfaites un don\b|\bfaire un don\b|\bvos dons\b|\bvotre (?:soutien|don|contribution)\b"
    r"|\bdonate\b|\bsupport us\b", _I)
REPORT_PROMPT = re.compile(
    r"merci d'avoir signalé|\b(?:image|photo|vidéo|contenu|commentaire)s?\b.{0,80}\b(?:signalée?s?|bloquée?s?)\b"
    r"|\bsignal(?:er|ez)\s+(?:cette|ce|cet|l')\s*(?:image|photo|vidéo|contenu|commentaire|abus)", _I)
SHARE_PROMPT = re.compile(
    r"\babonnez[- ]vous\b|\bcliquez ici\b|\bpartagez cet(?:te)? (?:article|page|vidéo)\b"
    r"|\bpartager sur\b|\bsuivez[- ]nous\b|\binscrivez[- ]vous\b|\bnewsletter\b"
    r"|\blire l'article (?:depuis sa source|original|complet)\b|\bnotre chaîne\b|\bshare this\b", _I)
ADVERTISEMENT = re.compile(r"publicité|annonce|sponsorisé|contenu sponsorisé|advertisement|pub", _I)
# Social-media attribution ("@handle – 16:52 UTC · 6 nov. 2025"), never a heading.
ATTRIBUTION = re.compile(r"@\w+|\b\d{1,2}:\d{2}\b|https?://", _I)

TERMINAL_PUNCTUATION = ".,;:…"
CLOSING_MARKS = "»”\"')]’ \u00a0\u202f"
OPEN_QUOTES = "«“"
CLOSE_QUOTES = "»”"
_QUOTE_MARKS = re.compile(f"[{OPEN_QUOTES}{CLOSE_QUOTES}]")


@dataclass(frozen=True)
class LineRule:
    """A rule that tells from one line alone what it is."""

    rule: Rule
    cls: LineClass
    reason: Reason | None
    test: Callable[[str, CleanOptions], bool]


def _is_separator(text: str, _: CleanOptions) -> bool:
    """Nothing but punctuation and symbols ("-", "***", "———")."""
    return not any(c.isalnum() for c in text)


def _ticker_segments(text: str, opts: CleanOptions) -> list[str]:
    gap = rf"[\s\u00a0]{{{opts.ticker_separator_min_spaces},}}"
    return [s for s in re.split(gap, text) if s.strip()]


def _is_news_ticker(text: str, opts: CleanOptions) -> bool:
    """Many short headlines run together on one line, separated by runs of spaces."""
    segments = _ticker_segments(text, opts)
    return (len(segments) >= opts.ticker_min_segments
            and statistics.median(len(s) for s in segments) <= opts.ticker_max_median_segment_chars)


def _fullmatch(pattern: re.Pattern[str]) -> Callable[[str, CleanOptions], bool]:
    def test(text: str, _: CleanOptions) -> bool:
        return pattern.fullmatch(text) is not None
    test.__doc__ = f"The whole line matches {pattern.pattern!r}."
    return test


def _short_and_contains(pattern: re.Pattern[str]) -> Callable[[str, CleanOptions], bool]:
    def test(text: str, opts: CleanOptions) -> bool:
        return len(text) <= opts.prompt_max_chars and pattern.search(text) is not None
    test.__doc__ = f"A short line containing {pattern.pattern!r}."
    return test


def _is_moderation_notice(text: str, opts: CleanOptions) -> bool:
    """A notice about how comments are moderated (may be longer than a prompt)."""
    return len(text) <= opts.notice_max_chars and MODERATION.search(text) is not None


def _is_dateline(text: str, _: CleanOptions) -> bool:
    m = DATELINE.fullmatch(text)
    return m is not None and parse_date(m["date"]) is not None


def _is_date_line(text: str, _: CleanOptions) -> bool:
    return parse_date(text) is not None


LINE_RULES: tuple[LineRule, ...] = (
    LineRule(Rule.SEPARATOR, LineClass.BOILERPLATE, Reason.SEPARATOR, _is_separator),
    LineRule(Rule.NEWS_TICKER, LineClass.BOILERPLATE, Reason.TICKER, _is_news_ticker),
    LineRule(Rule.SOURCE_LINE, LineClass.SOURCE, Reason.SOURCE, _fullmatch(SOURCE_LINE)),
    LineRule(Rule.BYLINE, LineClass.BYLINE, Reason.BYLINE, _fullmatch(BYLINE)),
    LineRule(Rule.DATELINE, LineClass.DATELINE, Reason.DATELINE, _is_dateline),
    LineRule(Rule.DATE_LINE, LineClass.DATE, Reason.DATE, _is_date_line),
    LineRule(Rule.COMMENT_HEADER, LineClass.BOILERPLATE, Reason.COMMENTS, _fullmatch(COMMENT_HEADER)),
    LineRule(Rule.COMMENT_CONTROLS, LineClass.BOILERPLATE, Reason.COMMENTS, _fullmatch(COMMENT_CONTROLS)),
    LineRule(Rule.MODERATION_NOTICE, LineClass.BOILERPLATE, Reason.MODERATION, _is_moderation_notice),
    LineRule(Rule.DONATION_APPEAL, LineClass.BOILERPLATE, Reason.DONATION, _short_and_contains(DONATION)),
    LineRule(Rule.REPORT_PROMPT, LineClass.BOILERPLATE, Reason.REPORT_PROMPT, _short_and_contains(REPORT_PROMPT)),
    LineRule(Rule.SHARE_PROMPT, LineClass.BOILERPLATE, Reason.SHARE_PROMPT, _short_and_contains(SHARE_PROMPT)),
    LineRule(Rule.ADVERTISEMENT, LineClass.BOILERPLATE, Reason.ADVERTISEMENT, _fullmatch(ADVERTISEMENT)),
)

# Provisional class of article text before the context pass types it.
_TEXT = LineClass.PARAGRAPH


def classify_line(line: SourceLine, opts: CleanOptions = DEFAULT_OPTIONS) -> ClassifiedLine:
    """Pass 1: what the line is, judged alone."""
    text = line.stripped
    if not text:
        return ClassifiedLine(line, LineClass.BLANK, Rule.BLANK)
    form = unify_punctuation(text)
    for rule in LINE_RULES:
        if rule.test(form, opts):
            return ClassifiedLine(line, rule.cls, rule.rule, rule.reason)
    return ClassifiedLine(line, _TEXT, Rule.ARTICLE_TEXT)


# --- pass 2: context -----------------------------------------------------------------

def _is_text(cl: ClassifiedLine) -> bool:
    return cl.rule is Rule.ARTICLE_TEXT


def _ends_with_terminal(text: str) -> bool:
    core = text.rstrip(CLOSING_MARKS)
    return bool(core) and core[-1] in TERMINAL_PUNCTUATION


def _comment_zone(lines: list[ClassifiedLine]) -> None:
    """From a comment-section header to the end of the page (or a source line), every line
    belongs to the comment section; a moderation notice keeps its own reason."""
    start = next((i for i, cl in enumerate(lines) if cl.rule is Rule.COMMENT_HEADER), None)
    if start is None:
        return
    for i in range(start + 1, len(lines)):
        cl = lines[i]
        if cl.cls is LineClass.SOURCE:
            break
        if cl.cls is LineClass.BLANK or cl.reason is Reason.MODERATION:
            continue
        lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.COMMENT_SECTION,
                           reason=Reason.COMMENTS)


def _trailing_teasers(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """At the end of a page, a short line that is not a sentence ("Que se passe-t-il en
    Tunisie ?") written right next to a prompt belongs to that prompt."""
    for i in range(len(lines) - 1, -1, -1):
        cl = lines[i]
        if not _is_text(cl):
            continue
        neighbours = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        prompt = next((n for n in neighbours if n.cls is LineClass.BOILERPLATE), None)
        text = cl.text
        if (prompt is None or len(text) > opts.teaser_max_chars
                or text.rstrip(CLOSING_MARKS).endswith((".", "…"))):
            return
        lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.TEASER, reason=prompt.reason)


def _header(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """Title and standfirst: the text lines before the first paragraph of prose.

    With a byline or dateline, the title is the short line just before it and the
    standfirst the single short sentence just after it. Without one, the first short line
    is the title. Other header lines stay article text."""
    text_idx = [i for i, cl in enumerate(lines) if _is_text(cl)]
    prose = next((i for i in text_idx if len(lines[i].text) >= opts.paragraph_min_chars), None)
    header = [i for i in text_idx if prose is None or i < prose]
    if prose is None:
        header = header[:1]
    meta = next((i for i, cl in enumerate(lines)
                 if cl.cls in (LineClass.BYLINE, LineClass.DATELINE)), None)
    if meta is not None:
        before = [i for i in header if i < meta]
        title = before[-1] if before else None
        after = [i for i in header if i > meta]
        if after and len(lines[after[0]].text) <= opts.standfirst_max_chars \
                and _ends_with_terminal(lines[after[0]].text):
            lines[after[0]] = replace(lines[after[0]], cls=LineClass.STANDFIRST, rule=Rule.STANDFIRST)
    else:
        title = header[0] if header else None
    if title is not None:
        text = lines[title].text
        if len(text) <= opts.title_max_chars and not text.endswith(":"):
            lines[title] = replace(lines[title], cls=LineClass.TITLE, rule=Rule.TITLE,
                                   reason=Reason.TITLE)


def _quote_depth_after(text: str, depth: int) -> tuple[int, bool]:
    """Guillemet depth after a line, French style: a paragraph of a quotation that runs
    over several paragraphs reopens with « without closing the previous one. Returns the
    depth and whether it fell back to 0 before the end of the line."""
    closed_early = False
    stripped = text.strip()
    for mark in _QUOTE_MARKS.finditer(stripped):
        pos, char = mark.start(), mark.group()
        if char in OPEN_QUOTES:
            if not (pos == 0 and depth > 0):
                depth += 1
        elif char in CLOSE_QUOTES and depth > 0:
            depth -= 1
            if depth == 0 and stripped[pos + 1:].strip(" .,;\u00a0\u202f"):
                closed_early = True
    return depth, closed_early


def _quote_runs(body: Sequence[int], lines: list[ClassifiedLine], opts: CleanOptions) -> set[int]:
    """Lines that open with a quotation mark and whose quotation closes at the end of the
    same line or of a later line within ``quote_max_lines``."""
    quoted: set[int] = set()
    k = 0
    while k < len(body):
        text = lines[body[k]].text
        if not text or text[0] not in OPEN_QUOTES:
            k += 1
            continue
        depth, end = 0, None
        for j in range(k, min(k + opts.quote_max_lines, len(body))):
            depth, closed_early = _quote_depth_after(lines[body[j]].text, depth)
            if closed_early:
                break
            if depth == 0:
                end = j
                break
        if end is None:
            k += 1
            continue
        quoted.update(body[k:end + 1])
        k = end + 1
    return quoted


def _is_heading(text: str, opts: CleanOptions) -> bool:
    """A short line without final punctuation, starting like a title, not an attribution."""
    return (len(text) <= opts.heading_max_chars
            and not _ends_with_terminal(text)
            and (text[0].isupper() or text[0].isdigit() or text[0] in OPEN_QUOTES + "\"(")
            and ATTRIBUTION.search(text) is None)


def _body(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    body = [i for i, cl in enumerate(lines) if _is_text(cl)]
    quoted = _quote_runs(body, lines, opts)
    for pos, i in enumerate(body):
        cl = lines[i]
        if i in quoted:
            lines[i] = replace(cl, cls=LineClass.QUOTE, rule=Rule.QUOTATION)
        elif pos + 1 < len(body) and _is_heading(cl.text, opts):
            lines[i] = replace(cl, cls=LineClass.HEADING, rule=Rule.HEADING)
        else:
            lines[i] = replace(cl, cls=LineClass.PARAGRAPH, rule=Rule.PARAGRAPH)


_BLOCK_KIND = {
    LineClass.HEADING: BlockKind.HEADING,
    LineClass.PARAGRAPH: BlockKind.PARAGRAPH,
    LineClass.QUOTE: BlockKind.QUOTE,
    LineClass.STANDFIRST: BlockKind.STANDFIRST,
}


def _detected_meta(lines: Sequence[ClassifiedLine]) -> DetectedMeta:
    title = author = source = None
    date = None
    for cl in lines:
        form = unify_punctuation(cl.text)
        if cl.cls is LineClass.TITLE and title is None:
            title = cl.text
        elif cl.cls is LineClass.BYLINE and author is None:
            m = BYLINE.fullmatch(form)
            author = cl.text[m.start("name"):m.end("name")] if m else None
        elif cl.cls is LineClass.SOURCE and source is None:
            m = SOURCE_LINE.fullmatch(form)
            source = cl.text[m.start("value"):m.end("value")].strip() if m else None
        elif cl.cls is LineClass.DATELINE:
            m = DATELINE.fullmatch(form)
            if m and m["source"] and source is None:
                source = cl.text[m.start("source"):m.end("source")]
            if m and date is None:
                date = parse_date(m["date"])
        elif cl.cls is LineClass.DATE and date is None:
            date = parse_date(form)
    return DetectedMeta(title=title, author=author, date=date, source=source)


def clean(source_lines: Sequence[SourceLine], opts: CleanOptions = DEFAULT_OPTIONS) -> CleanResult:
    """Classify every line, then keep the body as numbered blocks."""
    lines = [classify_line(line, opts) for line in source_lines]
    _comment_zone(lines)
    _trailing_teasers(lines, opts)
    _header(lines, opts)
    _body(lines, opts)
    blocks: list[Block] = []
    removed: list[RemovedLine] = []
    for cl in lines:
        if cl.cls.is_body:
            blocks.append(Block(f"p{len(blocks) + 1}", _BLOCK_KIND[cl.cls], cl.text, cl.number))
        elif cl.cls is not LineClass.BLANK:
            assert cl.reason is not None, cl
            removed.append(RemovedLine(cl.number, cl.text, cl.reason))
    return CleanResult(tuple(lines), tuple(blocks), tuple(removed), _detected_meta(lines))
