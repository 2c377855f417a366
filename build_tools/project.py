"""Where a project's inputs and outputs are."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class _EngineConfigLoader(yaml.SafeLoader):
    """mkdocs.yml read for its plain keys: an engine's tags (``!ENV``, ``!!python/name:``)
    read as nothing."""


_EngineConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_EngineConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Paths:
    root: Path
    seeds: Path  # the raw articles
    data: Path  # what editors write: per-article files and the registers
    templates: Path  # the templates of the pages
    docs: Path  # where the pages are written, for the site engine

    @classmethod
    def at(cls, root: Path, *, seeds: Path | None = None, docs: Path | None = None,
           data: Path | None = None) -> Paths:
        root = root.resolve()
        return cls(root=root, seeds=(seeds or root / "seeds").resolve(),
                   data=(data or root / "data").resolve(), templates=root / "templates",
                   docs=(docs or root / "docs").resolve())

    @functools.cached_property
    def site_config(self) -> dict[str, Any]:
        """The plain keys of the project's mkdocs.yml, which every engine reads (empty
        without the file)."""
        config = self.root / "mkdocs.yml"
        if not config.is_file():
            return {}
        settings: Any = yaml.load(config.read_text("utf-8"), _EngineConfigLoader)  # noqa: S506 - a SafeLoader
        return settings if isinstance(settings, dict) else {}

    @property
    def edition_title(self) -> str | None:
        """The edition's title: ``site_name`` in mkdocs.yml (None without it)."""
        title = self.site_config.get("site_name")
        return title if isinstance(title, str) else None

    @property
    def edition_description(self) -> str:
        """``site_description`` in mkdocs.yml, on one line ("" without it)."""
        return " ".join(str(self.site_config.get("site_description") or "").split())
