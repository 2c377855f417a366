"""MkDocs's and ProperDocs's live preview (``serve``): the pages generated again at each
rebuild, so that an edited seed, register or template shows at once, and the served site's
search indexed. A build (``make build``, ``python -m build_tools publish``) does both itself,
around the engine, the same for every engine: these hooks do nothing then. Zensical runs no
hooks: ``python -m build_tools serve --engine zensical`` watches the inputs itself."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from build_tools.build import build
from build_tools.editor.report import summary
from build_tools.errors import EditionError
from build_tools.project import Paths
from build_tools.publish.search import index_site
from build_tools.registers.glossary import Term
from build_tools.site.paths import NAV_FILE
from build_tools.site.write import touch_pages

log = logging.getLogger("mkdocs.hooks.edition")
_serving: list[bool] = [False]
_terms: list[Term] = []  # the glossary's terms, which the search indexes as records of their own


def on_startup(command: str, dirty: bool) -> None:
    _serving[0] = command == "serve"


def on_config(config: Any) -> Any:
    if not _serving[0]:
        return config
    root = Path(config.config_file_path).parent
    try:
        edition, report = build(Paths.at(root, docs=Path(config.docs_dir)))
    except EditionError as exc:
        raise PluginError(f"the edition cannot be built:\n{exc}") from None
    for line in summary(edition, report):
        log.info(line)
    if NAV_FILE in report.written or report.deleted:
        # The navigation is in every page: `serve --dirty` rebuilds only the pages modified,
        # so all are marked so.
        touch_pages(Path(config.docs_dir))
    _terms[:] = edition.registers.glossary
    return config


def on_post_build(config: Any) -> None:
    if not _serving[0]:
        return
    indexed = index_site(Path(config.site_dir), _terms)
    log.info(f"search: {indexed}")
