"""Text written into the pages' source: escaped so that it shows literally (Markdown and HTML
syntax in a seed never become markup), and links whose targets and titles are made safe.

``SafeMarkdown`` is what has been built so; the renderer prints it as it is.

Every piece of text of every page goes through here, hundreds of thousands of times on a
large edition: this is the one place of the site stage written for speed. The escapes are
``str.replace`` calls, each one pass at C speed, where ``str.translate`` looks up every
character of a text that is not all ASCII in a dict; ``SafeMarkdown`` is made by
``str.__new__``, without ``Markup``'s constructor, written in Python; a title or a target
seen before is escaped once. Measured by instruction count on the benchmark's 600 synthetic
articles: the build does 8 % more work with ``translate`` and the constructor, 10 % more
without the memory of titles and targets."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import cast
from urllib.parse import quote, urlsplit

from markupsafe import Markup


class SafeMarkdown(Markup):
    """Markdown built from escaped parts: printed as is.

    A ``Markup`` subclass so that Jinja's autoescaping leaves it alone; templates never
    concatenate strings with ``~`` (that would HTML-escape instead of Markdown-escape)."""

    __slots__ = ()


# SafeMarkdown of a string built here (``SafeMarkdown(text)`` gives the same, slower).
safe_markdown = cast(Callable[[str], SafeMarkdown], functools.partial(str.__new__, SafeMarkdown))


# What makes Markdown of plain text. Anywhere in a line: these, escaped with a backslash...
_ANYWHERE = "\\`*_{}[]!"
_ESCAPED = {
    **{c: "\\" + c for c in _ANYWHERE},
    # ...and these, which become entities.
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;",
    "\t": "&#9;",  # Python-Markdown would expand a tab into spaces
}
# As ``str.replace`` calls, in an order where no replacement is replaced again: "&" first
# (the entities bring their own), then "\\" (the escapes bring theirs), then the others.
_ESCAPE_STEPS = sorted(_ESCAPED.items(), key=lambda kv: (kv[0] != "&", kv[0] != "\\", kv[0] not in _ANYWHERE))
# Only at the start of a line: a list ("- ", "+ ", "1. "), a heading ("# "), a rule or an
# underline ("---", "==="). An escaped text may be printed right after a link or a note call
# ("[^1](…)" would be a link), so the start of the text counts as a line's, and "(" and ")"
# are escaped there too. Elsewhere, these characters are plain text, and left as they are:
# Python-Markdown spends its time on escapes, one in every sentence otherwise.
_LINE_START = re.compile(r"^( *)(?:([-+#().])|(\d+)\.|=)", re.MULTILINE)
_LINE_START_FIRST = frozenset(" -+#().=0123456789")  # what such a line can begin with
_ATTRIBUTE_STEPS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\\", "&#92;"), ("\n", " "))
_HTML_STEPS = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"),
               ("\t", "&#9;"))  # Python-Markdown would turn a tab into spaces, even in raw HTML
_SAFE_URL_CHARS = "/:#?=&%-._~+@,;!$'*"


def _replaced(text: str, steps: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> str:
    for char, escaped in steps:
        if char in text:
            text = text.replace(char, escaped)
    return text


def _escape_line_start(match: re.Match[str]) -> str:
    spaces, char, number = match.groups()
    if char:
        return f"{spaces}\\{char}"
    if number:
        return f"{spaces}{number}\\."
    return f"{spaces}&#61;"  # "=" has no backslash escape


def md_escape(text: str) -> str:
    """Text that renders literally in Markdown: nothing in it becomes markup."""
    text = _replaced(text, _ESCAPE_STEPS)
    if text and (text[0] in _LINE_START_FIRST or "\n" in text):  # else no line starts so
        return _LINE_START.sub(_escape_line_start, text)
    return text


def html_escape(value: object) -> str:
    """``value`` for raw HTML: escaped (as ``html.escape``, and a tab), unless it is markup already."""
    if isinstance(value, Markup):
        return str(value)
    return _replaced(str(value), _HTML_STEPS)


def anchor(value: str) -> str:
    """An id for an anchor or a footnote: letters, digits, "-" and "_"; anything else refused."""
    if not re.fullmatch(r"[A-Za-z0-9][\w-]*", value):
        raise ValueError(f"not a valid anchor id: {value!r}")
    return value


@functools.lru_cache(maxsize=1 << 16)
def attr_escape(text: str) -> str:
    """Text for a quoted link title (shown on hover)."""
    return _replaced(text, _ATTRIBUTE_STEPS)


@functools.lru_cache(maxsize=1 << 16)
def safe_href(href: str) -> str:
    """A relative path or an http(s) URL, percent-encoded; anything else is refused."""
    scheme = urlsplit(href).scheme.lower()
    if scheme not in ("", "http", "https"):
        raise ValueError(f"refused link target {href!r}: only http(s) and relative links")
    return quote(href, safe=_SAFE_URL_CHARS).replace("(", "%28").replace(")", "%29")


def _link_text(text: str | SafeMarkdown) -> str:
    """A link's text, escaped; "]" as an entity: at the start of a line, "[a\\]: b" would
    be read as the definition of a reference "a\\", and the link lost."""
    if isinstance(text, SafeMarkdown):
        return text
    escaped = md_escape(text)
    return escaped.replace("\\]", "&#93;") if "]" in text else escaped


def _link_title(title: str) -> str:
    """A link's title, quoted, as Python-Markdown reads it (on one line, no space around)."""
    return f'"{attr_escape(title).strip()}"'


def md_link(text: str | SafeMarkdown, href: str, title: str | None = None) -> SafeMarkdown:
    """``[text](<href> "title")``: with the target in angle brackets, Python-Markdown reads
    the target and the title with one regular expression (otherwise character by character,
    the most time it spends on a page)."""
    title_part = f" {_link_title(title)}" if title else ""
    return safe_markdown(f"[{_link_text(text)}](<{safe_href(href)}>{title_part})")


class LinkReferences:
    """The links of one page that carry a title, written as references: ``[UE][3]`` in the
    text, and once, at the end of the page, ``[3]: <../entites/union-europeenne.md> "Union
    européenne — …"``. The HTML is the same as an inline link's.

    A link's title, shown on hover, is an entity's description or a term's definition,
    often longer than the text it is on. Written inline, it lies in the paragraph, which
    Python-Markdown's inline patterns scan one after another; as a reference, the paragraph
    stays short, and a target linked several times with the same title is defined once.
    (Python-Markdown converts an article of a large edition in about a third less time.)
    A link with no title is written inline: it is short."""

    def __init__(self) -> None:
        self._labels: dict[str, str] = {}  # label by definition: target and title

    def link(self, text: str | SafeMarkdown, href: str, title: str | None = None) -> SafeMarkdown:
        if not title:
            return md_link(text, href)
        target = f"<{safe_href(href)}> {_link_title(title)}"
        label = self._labels.setdefault(target, str(len(self._labels) + 1))
        return safe_markdown(f"[{_link_text(text)}][{label}]")

    def definitions(self) -> str:
        """The definitions of the references made, one per line, in the order made."""
        return "\n".join(f"[{label}]: {target}" for target, label in self._labels.items())
