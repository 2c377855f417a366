"""`make serve` (`python -m build_tools serve`) with each engine: an edit of a seed shows, and
the navigation of every page follows a changed title, though MkDocs's and ProperDocs's dirty
rebuilds render only the pages marked changed, and Zensical runs no hooks (the inputs are
watched by build_tools itself)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from build_tools.bench.site import ENV, _fetch, _free_port

from conftest import ENGINES, ROOT, copy_project

TIMEOUT = 60


def test_make_serve_previews_with_the_engine_chosen() -> None:
    recipe = re.search(r"^serve:.*\n\t(.*)$", (ROOT / "Makefile").read_text("utf-8"), re.MULTILINE)
    assert recipe is not None
    assert "-m build_tools serve --engine $(ENGINE)" in recipe[1], recipe[1]


def wait_for(url: str, text: str) -> str:
    start = time.perf_counter()
    while time.perf_counter() - start < TIMEOUT:
        page = _fetch(url) or ""
        if text in page:
            return page
        time.sleep(0.1)
    pytest.fail(f"{text!r} never showed in {url}")


@pytest.mark.site
@pytest.mark.parametrize("engine", ENGINES)
def test_a_rebuild_shows_an_edit_and_a_new_title_in_every_page_s_navigation(tmp_path: Path, engine: str) -> None:
    project = copy_project(tmp_path / "project")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "build_tools", "serve", "--engine", engine, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/banc/"
        # The other page does not name the retitled article: only its navigation does.
        edited = base + "articles/offensive-technologique-chine/"
        other = base + "articles/mission-genesis-sauvetage-ia/"
        wait_for(other, "Les trois défis de Trump 2.0")
        time.sleep(1.5)  # past the rebuild that the generator's first writes set off
        seed = project / "seeds" / "001_88c2c4614f191be0.txt"
        seed.write_text(seed.read_text("utf-8").replace("découplage contrôlé", "découplage Zorglub", 1), "utf-8")
        wait_for(edited, "Zorglub")
        meta = project / "data" / "articles" / "000_bd85d55a5716e44c.yml"
        meta.write_text(meta.read_text("utf-8").replace("Les trois défis de Trump 2.0", "Les trois épreuves", 1),
                        "utf-8")
        page = wait_for(other, "Les trois épreuves")  # in the navigation of a page that did not change
        assert "Les trois défis de Trump 2.0" not in page
    finally:
        server.terminate()
        server.wait(timeout=30)
    ended = time.perf_counter()
    while _fetch(base) is not None and time.perf_counter() - ended < 10:
        time.sleep(0.2)
    assert _fetch(base) is None  # the engine's preview ended with the command


class _Runs:
    """What the preview's hooks ask to run, each answered as a command that succeeded (or,
    with ``fail``, as the generator reporting a problem in the inputs)."""

    def __init__(self, fail: bool = False) -> None:
        self.commands: list[list[str]] = []
        self.fail = fail

    def __call__(self, command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        self.commands.append(command)
        if self.fail:
            return subprocess.CompletedProcess(command, 1, "", "error: seeds/a.txt:3: a note's quote matches nothing")
        return subprocess.CompletedProcess(command, 0, "1 files written, 0 unchanged, 0 deleted\n", "")

    def of(self, name: str) -> int:
        return sum(command[3] == name for command in self.commands)

    def popen(self, command: list[str], **_: object) -> _Process:
        self.commands.append(command)
        return _Process()


class _Process:
    """A command started in the background, which has succeeded by the time it is waited for."""

    returncode = 0

    def communicate(self) -> tuple[str, None]:
        return "site: 1 page indexed", None

    def terminate(self) -> None:
        pass


def _preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runs: _Runs) -> tuple[Any, Any]:
    from build_tools.publish import mkdocs_hooks  # noqa: PLC0415 - the engine's hooks, as it loads them

    for folder in ("seeds", "data", "templates", "docs"):
        (tmp_path / folder).mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("Titre\n\nTexte.\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Essai\n", "utf-8")
    monkeypatch.setattr(mkdocs_hooks.subprocess, "run", runs)
    monkeypatch.setattr(mkdocs_hooks.subprocess, "Popen", runs.popen)
    monkeypatch.setattr(mkdocs_hooks, "_generated", [None])
    monkeypatch.setattr(mkdocs_hooks, "PROCESS_MIN_SEEDS", 1)  # a large edition's way
    mkdocs_hooks.on_startup("serve", dirty=True)
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"),
                             site_dir=str(tmp_path / "site"))
    return mkdocs_hooks, config


def test_the_preview_generates_the_pages_again_only_when_an_input_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages the generator writes set off one more rebuild of the engine: that one must
    not generate them again (at 600 articles, a second run of the generator per edit)."""
    runs = _Runs()
    hooks, config = _preview(tmp_path, monkeypatch, runs)
    hooks.on_config(config)
    assert runs.of("build") == 1
    hooks.on_config(config)  # set off by the pages just written: nothing to generate
    assert runs.of("build") == 1
    (tmp_path / "seeds" / "a.txt").write_text("Titre\n\nTexte modifié.\n", "utf-8")
    hooks.on_config(config)
    assert runs.of("build") == 2
    (tmp_path / "templates" / "page.md.j2").write_text("# {{ title }}\n", "utf-8")
    hooks.on_config(config)
    assert runs.of("build") == 3


def test_the_preview_says_why_the_pages_cannot_be_generated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.exceptions import PluginError  # noqa: PLC0415

    hooks, config = _preview(tmp_path, monkeypatch, _Runs(fail=True))
    with pytest.raises(PluginError, match=re.escape("seeds/a.txt:3: a note's quote matches nothing")):
        hooks.on_config(config)
    with pytest.raises(PluginError):  # and again at the next rebuild, until the input is mended
        hooks.on_config(config)


def test_the_preview_indexes_the_search_after_a_rebuild_that_rendered_a_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = _Runs()
    hooks, config = _preview(tmp_path, monkeypatch, runs)
    hooks.on_config(config)
    hooks.on_post_build(config)  # nothing rendered: the index stays as it is
    hooks.on_post_page("<html></html>", None, config)
    hooks.on_post_build(config)
    deadline = time.perf_counter() + TIMEOUT
    while runs.of("search") < 1 and time.perf_counter() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    assert runs.of("search") == 1
    assert runs.commands[-1][-1] == config.site_dir
