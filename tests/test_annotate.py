"""Mentions in the edition: pins, link policy, and the real corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from build_tools.build import build, build_edition
from build_tools.errors import InputError
from build_tools.project import Paths

from conftest import ROOT, copy_project


@pytest.fixture(scope="module")
def edition():  # type: ignore[no-untyped-def]
    return build_edition(Paths.at(ROOT))


def mentions_of(edition, slug):  # type: ignore[no-untyped-def]
    article = next(a for a in edition.articles if a.slug == slug)
    return article, article.mentions


def test_mention_offsets_are_valid_in_the_export(edition) -> None:  # type: ignore[no-untyped-def]
    for article in edition.articles:
        for m in article.mentions:
            assert article.block(m.block).text[m.start:m.end] == m.text


def test_traps_of_the_corpus(edition) -> None:  # type: ignore[no-untyped-def]
    _, mentions = mentions_of(edition, "trois-defis-trump-2-0")
    by_text = {(m.text, m.entity) for m in mentions}
    assert ("M. Disco Inferno", "donald-trump") in by_text
    assert ("Monsieur Disco Inferno", "donald-trump") in by_text
    assert ("Disco Inferno", "disco-inferno") in by_text
    assert ("M. Bridge", "liang-wenfeng") in by_text and ("M. Pont", "liang-wenfeng") in by_text
    assert ("OTAN", "otan") in by_text and ("OpenAI", "openai") in by_text
    p18 = [m.entity for m in mentions if m.block == "p18"]
    assert p18[:3] == ["universite-de-pekin", "universite-tsinghua", "universite-beihang"]
    _, mentions = mentions_of(edition, "offensive-technologique-chine")
    assert [m.text for m in mentions if m.entity == "xi-jinping"] == ["Xi"]
    assert "xian" in {m.entity for m in mentions}


def test_nothing_is_matched_in_boilerplate(edition) -> None:  # type: ignore[no-untyped-def]
    _, mentions = mentions_of(edition, "mission-genesis-sauvetage-ia")
    assert "google" not in {m.entity for m in mentions}  # named only in the reader comment


def test_link_policy_first_mention_per_section_never_in_headings(edition) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for article in edition.articles:
        by_block: dict[str, list] = {}
        for m in article.mentions:
            by_block.setdefault(m.block, []).append(m)
        seen: set[str] = set()
        for block in article.blocks:
            if block.kind.value == "heading":
                seen = set()
                assert not any(m.linked for m in by_block.get(block.id, []))
                continue
            for m in sorted(by_block.get(block.id, []), key=lambda m: m.start):
                assert m.linked == (m.entity not in seen)
                seen.add(m.entity)
                checked += 1
    assert checked > 300


def test_export_lists_entities_with_urls(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    build(Paths.at(project))
    record = json.loads((project / "docs" / "edition.json").read_text("utf-8"))
    ids = {e["id"] for e in record["entities"]}
    assert all(m["entity"] in ids for a in record["articles"] for m in a["mentions"])
    assert all((project / "docs" / (e["url"].rstrip("/") + ".md")).exists() for e in record["entities"])


def pin(project: Path, body: str) -> None:
    path = project / "data" / "articles" / "002_ba99f5c80d44e674.yml"
    path.write_text("slug: musk-stargate-trump\nmentions:\n" + body, "utf-8")


def test_pin_changes_or_removes_one_occurrence(project: Path) -> None:
    pin(project, "  - quote: \"le patron de Tesla.\"\n    text: Tesla\n    entity: null\n")
    edition, _ = build(Paths.at(project))
    article = next(a for a in edition.articles if a.slug == "musk-stargate-trump")
    tesla = [m for m in article.mentions if m.entity == "tesla"]
    assert len(tesla) == 1 and tesla[0].block == "p3"


@pytest.mark.parametrize(("body", "message"), [
    ("  - quote: \"introuvable\"\n    text: x\n    entity: null\n", "is not in the article"),
    ("  - quote: \"Musk\"\n    text: Musk\n    entity: null\n", "occurs"),
    ("  - quote: \"le patron de Tesla.\"\n    text: Tesla\n    entity: martien\n", "unknown entity"),
    ("  - quote: \"le patron de Tesla.\"\n    text: SpaceX\n    entity: null\n", "not inside the quotation"),
])
def test_bad_pins_name_file_and_line(project: Path, body: str, message: str) -> None:
    pin(project, body)
    with pytest.raises(InputError) as err:
        build(Paths.at(project))
    assert "002_ba99f5c80d44e674.yml:3 [mentions]" in str(err.value) and message in str(err.value)
