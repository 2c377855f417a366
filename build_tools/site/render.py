"""The renderer: Markdown pages from the Jinja2 templates of ``templates/``.

One environment per templates folder owns the filters. It is safe by default: every value a
template prints is escaped so that it shows literally in the page (``markdown.md_escape``);
only values built by the filters below, which escape their parts themselves, are printed as
they are. ``StrictUndefined``: a name the context does not have stops the build, and the
error names the template, the line and the name (``TemplateError``)."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html
import json
import operator
import re
import string
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import jinja2
from markupsafe import Markup

from ..crossref.timeline import EntryKind
from ..errors import EditionError
from ..model import BlockKind, NoteKind, TitleOrigin
from ..registers.entities import EntityType
from ..text.dates import date_label, format_date
from .markdown import LinkReferences, SafeMarkdown, anchor, attr_escape, html_escape, md_escape, md_link, safe_markdown
from .paths import relative

TEMPLATE_SUFFIX = ".j2"


class TemplateError(EditionError):
    """A template that cannot render: where, and why."""


def _finalize(value: Any) -> Markup:
    """Applied to every value a template prints, before Jinja's autoescape."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return safe_markdown(md_escape(value))
    if isinstance(value, jinja2.Undefined):
        value._fail_with_undefined_error()  # names what is undefined
    if isinstance(value, bool) or value is None:
        raise TypeError(f"printed {value!r}: test it with if, or use a filter")
    if isinstance(value, int | float):
        return safe_markdown(md_escape(str(value)))
    raise TypeError(f"printed a {type(value).__name__}: use a filter")


def _time_fr(value: dt.date | None) -> SafeMarkdown | None:
    """A <time> element with the ISO date for machines and the French date for readers."""
    if value is None:
        return None
    return safe_markdown(f'<time datetime="{value.isoformat()}">{format_date(value)}</time>')


def _yaml_string(value: str) -> SafeMarkdown:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return safe_markdown(json.dumps(value, ensure_ascii=False))


def _page_title(value: str) -> SafeMarkdown:
    """A page's title for its front matter. Every engine (MkDocs, ProperDocs, Zensical) prints
    it as it is, taken for HTML, in ``<title>``, the header and the footer: it is given as HTML
    text, so that a title that holds "<script>" shows it. Quotes stay: the theme also prints the
    title through its own escaping in attributes, where "&quot;" would be read out."""
    return _yaml_string(html.escape(value, quote=False))


def _page_description(value: str) -> SafeMarkdown:
    """A page's description for its front matter, which the engines print unescaped in the
    content attribute of ``<meta name="description">``: HTML-escaped, quotes too."""
    return _yaml_string(html.escape(value))


def _anchor(value: str) -> SafeMarkdown:
    return safe_markdown(anchor(value))


def _attribute(value: str) -> SafeMarkdown:
    """A value for a double-quoted attr_list attribute (which ends at the first quote)."""
    return safe_markdown(attr_escape(value).replace("}", "&#125;").replace("{", "&#123;"))


def _html(value: str) -> SafeMarkdown:
    """Text for raw HTML (an SVG drawing, a list): HTML-escaped, never read as Markdown."""
    return safe_markdown(html_escape(value))


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
    edition), where a Jinja loop would print each value apart: measured by instruction count
    on the benchmark's 600 synthetic articles, the build does 5.5 % more work with the loops."""
    pattern, attributes = _row_fields(row)
    fixed = {name: html_escape(value).replace("{", "{{").replace("}", "}}") for name, value in values.items()}
    try:  # the values written in once: what is left are the item's fields, {0}, {1}…
        pattern = pattern.format(*(f"{{{n}}}" for n in range(len(attributes))), **fixed)
    except KeyError as exc:
        raise ValueError(f"html_rows: no value for the field {{{exc.args[0]}}} of {row!r}; pass it as "
                         f"{exc.args[0]}=…") from None
    if not attributes:
        return safe_markdown(sep.join(pattern.format() for _ in items))
    get = operator.attrgetter(*attributes)
    if len(attributes) == 1:
        return safe_markdown(sep.join(pattern.format(html_escape(get(item))) for item in items))
    return safe_markdown(sep.join(pattern.format(*map(html_escape, get(item))) for item in items))


# A pager of many pages links to the first and the last, and to this many pages on each side
# of the page shown (or the first pages, when none is shown); "…" for each gap.
PAGER_ON_EACH_SIDE = 2
PAGER_ON_ENDS = 1


def _elided(pages: Sequence[Any], current: int | None = None) -> list[Any]:
    """The pages a pager links to, with None for each gap: all of them when they are few
    (the pattern of Django's ``Paginator.get_elided_page_range``). A pager then stays the same
    size however long the list grows: on an edition of 5,000 articles, a much-used term's
    pages are thirty, and its glossary entry linked every one of them."""
    count = len(pages)
    if count <= 2 * (PAGER_ON_EACH_SIDE + PAGER_ON_ENDS) + 1:
        return list(pages)
    centre = current or 1
    shown = {*range(1, PAGER_ON_ENDS + 1), *range(count - PAGER_ON_ENDS + 1, count + 1),
             *range(max(1, centre - PAGER_ON_EACH_SIDE), min(count, centre + PAGER_ON_EACH_SIDE) + 1)}
    shown |= {number + 1 for number in shown if number + 2 in shown}  # a gap of one page: that page
    elided: list[Any] = []
    for number in sorted(shown):
        if elided and number - 1 not in shown:
            elided.append(None)
        elided.append(pages[number - 1])
    return elided


def _number(value: float) -> SafeMarkdown:
    """A coordinate for raw HTML: one decimal, no trailing zeros."""
    return safe_markdown(f"{value:.1f}".removesuffix(".0"))


def _strict_environment(templates_dir: Path, finalize: Any) -> jinja2.Environment:
    """The templates of ``templates_dir``, every printed value passed to ``finalize`` and
    escaped, a name the context does not have an error, the kinds the data carries known
    (``block.kind == BlockKind.HEADING``)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(BlockKind=BlockKind, NoteKind=NoteKind, TitleOrigin=TitleOrigin, EntityType=EntityType)
    return env


@functools.cache
def _environment(templates_dir: Path) -> jinja2.Environment:
    """One environment per templates folder, for the life of the process: ``mkdocs serve``
    rebuilds without compiling every template again (Jinja reads a template again when its
    file has changed)."""
    env = _strict_environment(templates_dir, _finalize)
    env.filters.update(
        time_fr=_time_fr, yaml=_yaml_string, page_title=_page_title, page_description=_page_description,
        anchor=_anchor, link=md_link, attr=_attribute,
        date_label=date_label, html=_html, html_rows=_html_rows, num=_number, elided=_elided,
    )
    env.globals.update(link=md_link, relative=relative, EntryKind=EntryKind)
    return env


def _finalize_html(value: Any) -> Any:
    """Applied to every value an HTML or XML template prints, before Jinja's autoescape (which
    escapes strings for HTML): as strict as ``_finalize`` about what may be printed."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return value
    return _finalize(value)  # refuses what is undefined, None, a bool and anything else


@functools.cache
def _html_environment(templates_dir: Path) -> jinja2.Environment:
    """The environment of the templates that write HTML, XHTML or XML themselves (the books):
    every value HTML-escaped, the same strictness and the same labels as the pages'."""
    env = _strict_environment(templates_dir, _finalize_html)
    env.filters.update(time_fr=_time_fr, date_label=date_label, anchor=_anchor)
    return env


class Renderer:
    """Renders the pages of one rendering of the edition (a build, or a rebuild of
    ``mkdocs serve``)."""

    def __init__(self, templates_dir: Path) -> None:
        self.templates_dir = templates_dir.resolve()
        self.env = _environment(self.templates_dir)

    def render(self, template: str, *, references: LinkReferences | None = None, **context: Any) -> str:
        """The page ``template`` makes of ``context``. Its links with a title (``link`` in
        the template) are references, defined at the end of the page; ``references``: the
        page's, if links were made for it beforehand (an article's paragraphs)."""
        references = LinkReferences() if references is None else references
        with self._errors(template):
            page = self.env.get_template(template).render(link=references.link, **context)
        page = squeeze_blank_lines(page)
        definitions = references.definitions()
        return f"{page.strip()}\n\n{definitions}\n" if definitions else page.strip() + "\n"

    def render_html(self, template: str, **context: Any) -> str:
        """The HTML, XHTML or XML document ``template`` makes of ``context``, every value
        HTML-escaped (the books: ``publish.books``)."""
        with self._errors(template):
            return _html_environment(self.templates_dir).get_template(template).render(**context)

    def module(self, template: str) -> Any:
        """What ``template`` defines (its ``set`` values, its macros), for Python to use."""
        with self._errors(template):
            return self.env.get_template(template).module

    @contextlib.contextmanager
    def _errors(self, template: str) -> Iterator[None]:
        """Any error in a template raised as a ``TemplateError`` naming its file and line."""
        try:
            yield
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{self._where(exc.filename or template, exc.lineno)}: {exc.message}") from None
        except (jinja2.TemplateError, TypeError, ValueError) as exc:
            file, line = _template_line(exc.__traceback__, template)
            raise TemplateError(f"{self._where(file, line)}: {exc}") from None

    def _where(self, file: str, line: int | None) -> str:
        path = Path(file)
        if not path.is_absolute():
            path = self.templates_dir / path
        try:
            shown = path.relative_to(Path.cwd())
        except ValueError:
            shown = path
        return f"{shown}:{line}" if line else str(shown)


def _template_line(trace: TracebackType | None, template: str) -> tuple[str, int | None]:
    """The template file and line where an error was raised: the innermost frame of the
    traceback that is a template's (Jinja gives its frames the template's file and lines)."""
    found: tuple[str, int | None] = (template, None)
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIX):
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


def squeeze_blank_lines(text: str) -> str:
    """No more than one blank line in a row. Every page goes through here: ``str.replace``
    looks for the blank lines at C speed, where ``re.sub(r"\n{3,}", …)`` tries a match at
    every character. Measured by instruction count on the benchmark's 600 synthetic
    articles: the build does 9 % more work with ``re.sub``."""
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text
