"""The engines that turn docs/ into the site, each from the same mkdocs.yml: MkDocs 1.6,
ProperDocs (its maintained fork) and Zensical (Material's successor). None of them is asked
for anything the others cannot do: the generator writes the pages and the navigation
(docs/SUMMARY.md) before the engine runs, and the search index and the books are made on the
built site after it. The one hook (``mkdocs_hooks.py``) serves MkDocs's and ProperDocs's live
preview only.

``publish`` is the whole of ``make build``: generate, build with the engine, minify the
pages, index, books."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from ..build import build
from ..errors import EditionError
from ..project import Paths
from .books import write_books
from .minify import minify_site
from .search import Indexed, index_site

CONFIG = "mkdocs.yml"


class Engine(StrEnum):
    MKDOCS = "mkdocs"
    PROPERDOCS = "properdocs"
    ZENSICAL = "zensical"


DEFAULT_ENGINE = Engine.PROPERDOCS  # maintained, and the same site as MkDocs's as fast (README)

# Quiet the engines' banners about MkDocs's future (Material's, and ProperDocs's, which
# mkdocs-literate-nav prints): the README says what the edition does about it.
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


class EngineError(EditionError):
    """An engine that did not build the site."""


def engine_environment(site: Path | None = None, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment an engine runs in: quiet, and writing into ``site`` (mkdocs.yml reads
    its ``site_dir`` from SITE_DIR)."""
    env = {**(os.environ if base is None else base), **QUIET}
    if site is not None:
        env["SITE_DIR"] = str(site)
    return env


def build_arguments(config: Path) -> list[str]:
    """The arguments of every engine's own build, strict: a warning (a broken link, a missing
    page) fails it."""
    return ["build", "--strict", "-f", str(config)]


def build_command(engine: Engine, config: Path) -> list[str]:
    return [sys.executable, "-m", engine.value, *build_arguments(config)]


def serve_command(engine: Engine, config: Path, address: str) -> list[str]:
    """The engine's live preview at ``address`` (host:port). MkDocs and ProperDocs rebuild only
    the pages that changed (``--dirty``), and go on serving whatever they warn about (a dirty
    build itself is a warning, which mkdocs.yml's ``strict`` would stop at); Zensical rebuilds
    what changed by itself."""
    command = [sys.executable, "-m", engine.value, "serve", "-f", str(config), "--dev-addr", address]
    return command if engine is Engine.ZENSICAL else [*command, "--livereload", "--dirty", "--no-strict"]


@dataclass(frozen=True)
class Published:
    site: Path
    indexed: Indexed
    books: list[Path]
    not_written: list[str]


def run_engine(engine: Engine, paths: Paths, site: Path) -> str:
    """Build the site from docs/ into ``site`` with ``engine``; its output, or an error that
    gives it."""
    config = paths.root / CONFIG
    result = subprocess.run(build_command(engine, config), cwd=paths.root, env=engine_environment(site),
                            capture_output=True, text=True, check=False)
    log = result.stdout + result.stderr
    if result.returncode != 0:
        raise EngineError(f"{config}: {engine} could not build the site (exit status {result.returncode}):\n{log}")
    return log


def publish(paths: Paths, engine: Engine, site: Path) -> tuple[Published, str]:
    """The pages generated into docs/, the site built into ``site``, its search indexed, the
    books written into it; and the engine's output."""
    site = (site if site.is_absolute() else paths.root / site).resolve()
    if engine is Engine.ZENSICAL and not site.is_relative_to(paths.root):
        raise EngineError(f"{site}: Zensical builds only inside the project's folder ({paths.root}): "
                          "choose a folder there")
    edition, _ = build(paths)
    log = run_engine(engine, paths, site)
    minify_site(site)
    indexed = index_site(site, edition.registers.glossary)
    written, not_written = write_books(edition, paths, site)
    return Published(site, indexed, written, not_written), log
