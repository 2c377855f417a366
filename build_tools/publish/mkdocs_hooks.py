"""MkDocs hooks: run the generator at the start of every build, serve and gh-deploy, so
MkDocs alone always publishes a current site. All the work lives in build_tools."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from build_tools.build import build
from build_tools.crossref import reading_order
from build_tools.editor.report import summary
from build_tools.errors import EditionError
from build_tools.project import Paths
from build_tools.publish.navigation import entries, expand
from build_tools.publish.search import index_site
from build_tools.publish.theme import escape_meta, titles
from build_tools.registers.glossary import Term
from build_tools.site.paths import ARTICLES_INDEX, ENTITIES_INDEX, type_page
from build_tools.site.write import touch_pages

log = logging.getLogger("mkdocs.hooks.edition")
_terms: list[Term] = []  # the glossary's terms, which the search indexes as records of their own


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
    _terms[:] = edition.registers.glossary
    config.nav = expand(config.nav, {
        ARTICLES_INDEX: titles(entries(edition.files, (a.page_path for a in reading_order(edition.articles)))),
        ENTITIES_INDEX: titles(entries(edition.files, (type_page(t) for t in edition.registers.entities.types))),
    })
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    escape_meta(page.meta)
    return markdown


def on_post_build(config: Any) -> None:
    indexed = index_site(Path(config.site_dir), _terms)
    log.info(f"search: {indexed.pages} pages and {indexed.records} glossary terms indexed by Pagefind "
             f"({indexed.bytes:,} bytes of index)")
