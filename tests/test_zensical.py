"""Zensical builds the same generated pages from mkdocs.yml, as `make zensical` does: it runs
no hooks, so the generator runs first."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project

pytestmark = [
    pytest.mark.site,
    pytest.mark.skipif(importlib.util.find_spec("zensical") is None,
                       reason="zensical is not installed (pip install -e '.[zensical]'; make test installs it)"),
]


def run(*args: str, cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    return log


def test_zensical_builds_the_articles_and_entity_pages(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    env = {**os.environ, "SITE_DIR": "site-zensical", "NO_COLOR": "1"}
    run("-m", "build_tools", "build", cwd=project, env=env)
    log = run("-m", "zensical", "build", cwd=project, env=env)
    assert "No issues found" in log, log

    site = project / "site-zensical"
    record = json.loads((site / "edition.json").read_text("utf-8"))
    pages = [a["url"] for a in record["articles"]] + [e["url"] for e in record["entities"]]
    assert [url for url in pages if not (site / url / "index.html").is_file()] == []

    article = BeautifulSoup((site / "articles/trois-defis-trump-2-0/index.html").read_text("utf-8"), "html.parser")
    assert article.h1.get_text() == next(a["title"] for a in record["articles"] if a["slug"] == "trois-defis-trump-2-0")
    link = article.select_one("#p1 a")
    assert (link.get_text(), link["href"]) == ("Donald Trump", "../../entites/donald-trump/")
    entity = BeautifulSoup((site / "entites/donald-trump/index.html").read_text("utf-8"), "html.parser")
    assert entity.h1.get_text() == "Donald Trump"
