"""MkDocs hooks: run the generator at the start of every build, serve and gh-deploy, so
MkDocs alone always publishes a current site. All the work lives in build_tools."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from build_tools.build import Paths, build, reading_order, summary
from build_tools.errors import EditionError
from build_tools.navigation import with_articles

log = logging.getLogger("mkdocs.hooks.edition")


def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).parent
    try:
        edition, report = build(Paths.at(root, docs=Path(config.docs_dir)))
    except EditionError as exc:
        raise PluginError(f"the edition cannot be built:\n{exc}") from None
    for line in summary(edition, report):
        log.info(line)
    config.nav = with_articles(config.nav, reading_order(edition.articles))
    return config
