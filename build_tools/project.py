"""Where a project's inputs and outputs are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
