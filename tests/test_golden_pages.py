"""Golden files of the generated article pages (tests/golden/pages/): the rendering of the
cleaned, annotated text. Regenerate with ``--update-golden`` and review the diff."""

from __future__ import annotations

import pytest

from build_tools.build import build_edition
from build_tools.project import Paths

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "pages"
EDITION = build_edition(Paths.at(ROOT))


@pytest.mark.parametrize("article", EDITION.articles, ids=lambda a: a.slug)
def test_article_page_renders_as_expected(article, update_golden: bool) -> None:  # type: ignore[no-untyped-def]
    golden = GOLDEN / f"{article.slug}.md"
    actual = EDITION.files[article.page_path]
    if update_golden:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run pytest --update-golden and review it"
    assert actual == golden.read_text(encoding="utf-8")


# The generated pages whose lists are written as raw HTML (an entity's mentions, the
# glossary's uses), and the timeline: an entity named in every article, and one named once.
GENERATED = ["glossaire.md", "chronologie.md", "entites/donald-trump.md", "entites/al-capone.md"]


@pytest.mark.parametrize("page", GENERATED)
def test_generated_page_renders_as_expected(page: str, update_golden: bool) -> None:
    golden = GOLDEN / "generated" / page
    actual = EDITION.files[page]
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run pytest --update-golden and review it"
    assert actual == golden.read_text(encoding="utf-8")
