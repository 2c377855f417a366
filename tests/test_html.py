"""The HTML of every built page is valid for the Nu Html Checker (vnu.jar, from npm; run
with java, once for the whole site: it is slow to start). Errors in the theme's own markup
are listed, each with its reason, in vnu-theme-errors.yml."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import NODE_MODULES, every_engine, skip_without

pytestmark = [pytest.mark.site, pytest.mark.tools, every_engine]

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
THEME_ERRORS = Path(__file__).parent / "vnu-theme-errors.yml"


def vnu_errors(folder: Path) -> list[dict[str, Any]]:
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is missing: the Nu Html Checker runs on Java 11 or later")
    skip_without(VNU, "run `npm ci --ignore-scripts` (make test does)")
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html",
                             str(folder)], capture_output=True, text=True, check=False)
    messages: list[dict[str, Any]] = json.loads(result.stderr)["messages"]
    assert all(m["type"] == "error" for m in messages), messages  # not an I/O or internal failure
    return messages


def test_the_generated_html_has_no_error(built_site: Path, engine: str) -> None:
    allowed = [a for a in yaml.safe_load(THEME_ERRORS.read_text("utf-8")) if engine in a.get("engines", [engine])]
    used: set[int] = set()
    errors = []
    for message in vnu_errors(built_site):
        entry = next((i for i, a in enumerate(allowed)
                      if a["message"] == message["message"] and a["markup"] in message.get("extract", "")), None)
        if entry is None:
            page = message.get("url", "").removeprefix(built_site.as_uri() + "/")
            errors.append(f"{page}:{message.get('lastLine')}: {message['message']} [{message.get('extract', '')}]")
        else:
            used.add(entry)
    assert errors == []
    assert [a["markup"] for i, a in enumerate(allowed) if i not in used] == []  # no stale entry
