"""MkDocs hooks: run the generator at the start of every build, serve and gh-deploy, so
MkDocs alone always publishes a current site. All the work lives in build_tools."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from build_tools.build import build
from build_tools.crossref import reading_order
from build_tools.editor.report import summary
from build_tools.errors import EditionError
from build_tools.project import Paths
from build_tools.publish.navigation import entries, expand
from build_tools.publish.search_index import trim_index, up_to_title, worker_url_filter
from build_tools.publish.theme import escape_meta, name_search_dialog, titles
from build_tools.site.paths import ARTICLES_INDEX, ENTITIES_INDEX, type_page
from build_tools.site.write import touch_pages

log = logging.getLogger("mkdocs.hooks.edition")
_generated: set[str] = set()  # the pages the generator made, by source path
_whole: dict[str, str] = {}  # a generated page's HTML, while Material's search reads its title


def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).parent
    try:
        edition, report = build(Paths.at(root, docs=Path(config.docs_dir)))
    except EditionError as exc:
        raise PluginError(f"the edition cannot be built:\n{exc}") from None
    for line in summary(edition, report):
        log.info(line)
    if ARTICLES_INDEX in report.written or report.deleted:
        # The navigation, on every page, lists the articles: `make serve` rebuilds only the
        # pages modified (--dirty), so all are marked so.
        touch_pages(Path(config.docs_dir))
    _generated.clear()
    _generated.update(path for path in edition.files if path.endswith(".md"))
    config.nav = expand(config.nav, {
        ARTICLES_INDEX: titles(entries(edition.files, (a.page_path for a in reading_order(edition.articles)))),
        ENTITIES_INDEX: titles(entries(edition.files, (type_page(t) for t in edition.registers.entities.types))),
    })
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    escape_meta(page.meta)
    return markdown


@event_priority(100)  # before Material's search plugin: the search index keeps only its title
def _before_search(context: Any, page: Any, config: Any, nav: Any) -> Any:
    if page.file.src_uri in _generated and page.content:
        _whole[page.file.src_uri] = page.content
        page.content = up_to_title(page.content)
    return context


@event_priority(-100)  # after it: the page is published whole
def _after_search(context: Any, page: Any, config: Any, nav: Any) -> Any:
    if page.file.src_uri in _whole:
        page.content = _whole.pop(page.file.src_uri)
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


def on_post_page(output: str, page: Any, config: Any) -> str:
    return name_search_dialog(output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    return name_search_dialog(output_content)


def on_env(env: Any, config: Any, files: Any) -> Any:
    env.filters["url"] = worker_url_filter(env.filters["url"])
    return env


def on_post_build(config: Any) -> None:
    trimmed = trim_index(Path(config.site_dir), Path(config.docs_dir))
    if trimmed:
        log.info(f"search index: {trimmed.after:,} bytes, written from the edition (Material's: {trimmed.before:,})")
