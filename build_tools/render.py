"""Stage 4: Markdown pages from Jinja2 templates.

One renderer owns the Jinja environment. It is safe by default: every value a template
prints is escaped so that it shows literally in the page (Markdown and HTML syntax in a
seed never become markup); only values built by the filters below, which escape their
parts themselves, are printed as they are."""

from __future__ import annotations

import datetime as dt
import functools
import json
import operator
import re
import string
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from .chronology import date_label
from .dates import format_date


class SafeMarkdown(Markup):
    """Markdown built by the renderer from escaped parts: printed as is.

    A ``Markup`` subclass so that Jinja's autoescaping leaves it alone; templates never
    concatenate strings with ``~`` (that would HTML-escape instead of Markdown-escape)."""

    __slots__ = ()


# SafeMarkdown made straight from a string, at C speed: Markup's own constructor, in Python,
# first looks for an ``__html__`` method, for each of the half a million values a large
# edition prints. The same text either way.
_markdown = cast(Callable[[str], SafeMarkdown], functools.partial(str.__new__, SafeMarkdown))


# What makes Markdown of plain text. Anywhere in a line: these, escaped with a backslash...
_ANYWHERE = "\\`*_{}[]!"
_ESCAPED = {
    **{c: "\\" + c for c in _ANYWHERE},
    # ...and these, which become entities.
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;",
    "\t": "&#9;",  # Python-Markdown would expand a tab into spaces
}
_ESCAPES = str.maketrans(_ESCAPED)
# The same, as ``str.replace`` calls in an order where no replacement is replaced again: "&"
# first (the entities bring their own), then "\\" (the escapes bring theirs), then the other
# escapes, then the entities.
_ESCAPE_STEPS = sorted(_ESCAPED.items(), key=lambda kv: (kv[0] != "&", kv[0] != "\\", kv[0] not in _ANYWHERE))
# Longer texts than this are escaped by ``_ESCAPE_STEPS``: each step is one pass at C speed,
# where ``str.translate`` looks up every character in a dict (ten times slower on a paragraph,
# faster on a name).
_SHORT = 64
# Only at the start of a line: a list ("- ", "+ ", "1. "), a heading ("# "), a rule or an
# underline ("---", "==="). An escaped text may be printed right after a link or a note call
# ("[^1](…)" would be a link), so the start of the text counts as a line's, and "(" and ")"
# are escaped there too. Elsewhere, these characters are plain text, and left as they are:
# Python-Markdown spends its time on escapes, one in every sentence otherwise.
_LINE_START = re.compile(r"^( *)(?:([-+#().])|(\d+)\.|=)", re.MULTILINE)
_LINE_START_FIRST = frozenset(" -+#().=0123456789")  # what such a line can begin with
_ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                            "\\": "&#92;", "\n": " "})
_SAFE_URL_CHARS = "/:#?=&%-._~+@,;!$'*"


def _escape_line_start(match: re.Match[str]) -> str:
    spaces, char, number = match.groups()
    if char:
        return f"{spaces}\\{char}"
    if number:
        return f"{spaces}{number}\\."
    return f"{spaces}&#61;"  # "=" has no backslash escape


def md_escape(text: str) -> str:
    """Text that renders literally in Markdown: nothing in it becomes markup."""
    if len(text) <= _SHORT:
        text = text.translate(_ESCAPES)
    else:
        for char, escaped in _ESCAPE_STEPS:
            if char in text:
                text = text.replace(char, escaped)
    if text and (text[0] in _LINE_START_FIRST or "\n" in text):  # else there is nothing to escape
        return _LINE_START.sub(_escape_line_start, text)
    return text


@functools.lru_cache(maxsize=1 << 16)  # a name's description is the title of each of its links
def attr_escape(text: str) -> str:
    """Text for a quoted link title (shown on hover)."""
    return text.translate(_ATTRIBUTE)


@functools.lru_cache(maxsize=1 << 16)  # the same targets come back on every page
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
    return _markdown(f"[{_link_text(text)}](<{safe_href(href)}>{title_part})")


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
        return _markdown(f"[{_link_text(text)}][{label}]")

    def definitions(self) -> str:
        """The definitions of the references made, one per line, in the order made."""
        return "\n".join(f"[{label}]: {target}" for target, label in self._labels.items())


def _finalize(value: Any) -> Markup:
    """Applied to every value a template prints, before Jinja's autoescape."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return _markdown(md_escape(value))
    if isinstance(value, bool) or value is None:
        raise TypeError(f"template printed {value!r}: test it with if, or use a filter")
    if isinstance(value, int | float):
        return _markdown(md_escape(str(value)))
    raise TypeError(f"template printed a {type(value).__name__}: use a filter")


def _time_fr(value: dt.date | None) -> SafeMarkdown | None:
    """A <time> element with the ISO date for machines and the French date for readers."""
    if value is None:
        return None
    return _markdown(f'<time datetime="{value.isoformat()}">{format_date(value)}</time>')


def _yaml_string(value: str) -> SafeMarkdown:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return _markdown(json.dumps(value, ensure_ascii=False))


def _anchor(value: str) -> SafeMarkdown:
    if not re.fullmatch(r"[A-Za-z0-9][\w-]*", value):
        raise ValueError(f"not a valid anchor id: {value!r}")
    return _markdown(value)


def _attribute(value: str) -> SafeMarkdown:
    """A value for a double-quoted attr_list attribute (which ends at the first quote)."""
    return _markdown(attr_escape(value).replace("}", "&#125;").replace("{", "&#123;"))


def _html(value: str) -> SafeMarkdown:
    """Text for raw HTML (an SVG drawing, a list): HTML-escaped, never read as Markdown."""
    return _markdown(_html_text(value))


def _html_text(value: object) -> str:
    """``value`` for raw HTML: escaped, unless it is markup already. A tab becomes an entity:
    Python-Markdown would turn it into spaces, even in raw HTML."""
    if isinstance(value, Markup):
        return str(value)
    # html.escape's five replacements, without its call: this runs for every field of every row.
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;").replace("'", "&#x27;")
    return text.replace("\t", "&#9;") if "\t" in text else text


@functools.lru_cache(maxsize=64)
def _row_fields(row: str) -> tuple[str, tuple[str, ...]]:
    """``row`` with its item fields numbered, and the attributes they name:
    ``'<a href="{url}">{item.text}</a>'`` gives ``('<a href="{url}">{0}</a>', ('text',))``."""
    parts, attributes = [], []
    for literal, name, spec, conversion in string.Formatter().parse(row):
        parts.append(literal.replace("{", "{{{{").replace("}", "}}}}"))  # read by two str.format
        if name is None:
            continue
        if spec or conversion or name == "item" or not re.fullmatch(r"item(\.\w+)+|[^\W\d]\w*", name):
            raise ValueError(f"html_rows: write a field {{item.attribute}} or {{name}}, not {{{name}}}, in {row!r}")
        if name.startswith("item."):
            attribute = name.removeprefix("item.")
            if attribute not in attributes:
                attributes.append(attribute)
            parts.append(f"{{{attributes.index(attribute)}}}")
        else:
            parts.append(f"{{{name}}}")
    return "".join(parts), tuple(attributes)


def _html_rows(items: Iterable[Any], row: str, sep: str = "\n", **values: Any) -> SafeMarkdown:
    """Raw HTML: ``row`` once per item, joined by ``sep``. A field ``{item.attribute}`` is that
    attribute of the item (dotted: ``{item.paragraph.id}``), ``{name}`` one of ``values``; every
    field is HTML-escaped, unless it is already markup (like Django's ``format_html_join``);
    ``row`` and ``sep``, the template's own, are written as they are.

    For the long lists of the entity pages and the glossary (thousands of items in a large
    edition): a Jinja loop prints each value apart, which costs several times more."""
    pattern, attributes = _row_fields(row)
    fixed = {name: _html_text(value).replace("{", "{{").replace("}", "}}") for name, value in values.items()}
    try:  # the values written in once: what is left are the item's fields, {0}, {1}…
        pattern = pattern.format(*(f"{{{n}}}" for n in range(len(attributes))), **fixed)
    except KeyError as exc:
        raise ValueError(f"html_rows: no value for the field {{{exc.args[0]}}} of {row!r}; pass it as "
                         f"{exc.args[0]}=…") from None
    if not attributes:
        return _markdown(sep.join(pattern.format() for _ in items))
    get = operator.attrgetter(*attributes)
    if len(attributes) == 1:
        return _markdown(sep.join(pattern.format(_html_text(get(item))) for item in items))
    return _markdown(sep.join(pattern.format(*map(_html_text, get(item))) for item in items))


def _number(value: float) -> SafeMarkdown:
    """A coordinate for raw HTML: one decimal, no trailing zeros."""
    return _markdown(f"{value:.1f}".removesuffix(".0"))


def relative(target: str, from_page: str) -> str:
    """Path of docs-relative ``target`` as seen from docs-relative page ``from_page``."""
    depth = from_page.count("/")
    return "../" * depth + target


def page_url(page: str) -> str:
    """The URL MkDocs gives a Markdown page (directory URLs), relative to the site root."""
    if page == "index.md" or page.endswith("/index.md"):
        return page.removesuffix("index.md")
    return page.removesuffix(".md") + "/"


def url_from(target: str, from_page: str) -> str:
    """The URL of docs-relative page ``target`` as seen from the published ``from_page``, for
    raw HTML, whose links MkDocs does not rewrite."""
    return "../" * page_url(from_page).count("/") + page_url(target)


class _TemplateFolder(jinja2.FileSystemLoader):
    """The templates of a folder, each checked against its file once per rendering of the
    edition (``Renderer``), not each time it is used: Jinja's check reads the file's
    modification time whenever a template is asked for, thousands of times on a large
    edition (each page's template, and the macros each one imports)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.rendering = 0  # counts the renderings of the edition

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        checked = self.rendering

        def still_fresh() -> bool:
            nonlocal checked
            if checked == self.rendering:
                return True
            checked = self.rendering
            return uptodate()

        return source, filename, still_fresh


@functools.cache
def _environment(templates_dir: Path) -> jinja2.Environment:
    """One environment per templates folder for the life of the process: ``mkdocs serve``
    rebuilds without compiling every template again (a template whose file changed is read
    again at the next rendering of the edition)."""
    env = jinja2.Environment(
        loader=_TemplateFolder(templates_dir),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        time_fr=_time_fr, yaml=_yaml_string, anchor=_anchor, link=md_link, attr=_attribute,
        date_label=date_label, html=_html, html_rows=_html_rows, num=_number,
    )
    env.globals.update(link=md_link, relative=relative)
    return env


class Renderer:
    """Renders the pages of one rendering of the edition (a build, or a rebuild of
    ``mkdocs serve``): made anew for each, so that templates edited since are read again."""

    def __init__(self, templates_dir: Path) -> None:
        self.env = _environment(templates_dir.resolve())
        loader = self.env.loader
        assert isinstance(loader, _TemplateFolder)
        loader.rendering += 1

    def render(self, template: str, *, references: LinkReferences | None = None, **context: Any) -> str:
        """The page ``template`` makes of ``context``. Its links with a title (``link`` in
        the template) are references, defined at the end of the page; ``references``: the
        page's, if links were made for it beforehand (an article's paragraphs)."""
        references = LinkReferences() if references is None else references
        page = squeeze_blank_lines(self.env.get_template(template).render(link=references.link, **context))
        definitions = references.definitions()
        return f"{page.strip()}\n\n{definitions}\n" if definitions else page.strip() + "\n"


def squeeze_blank_lines(text: str) -> str:
    """No more than one blank line in a row. (``re.sub(r"\\n{3,}", …)`` tries a match at every
    line end; on a large edition's pages it cost a tenth of their rendering.)"""
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text
