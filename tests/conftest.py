from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files from the current output (review the diff)")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


GENERATED = ("articles", "entites", "index.md", "edition.json", ".generated.json")


def copy_project(dest: Path) -> Path:
    """A copy of the project's inputs (seeds, data, templates, hand-written docs, mkdocs.yml
    and its hooks file) to build in, without touching the working tree."""
    for name in ("seeds", "data", "templates"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns(*GENERATED))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "build_tools").mkdir()
    shutil.copy(ROOT / "build_tools" / "mkdocs_hooks.py", dest / "build_tools" / "mkdocs_hooks.py")
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
