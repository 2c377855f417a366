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
