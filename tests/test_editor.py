"""The editor's commands: check, stats, suggest; and bad input met on the way."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from build_tools.__main__ import main
from build_tools.build import build_edition
from build_tools.editor.suggest import clean_name
from build_tools.project import Paths

from conftest import ROOT


@pytest.fixture
def in_project(project: Path) -> Iterator[Path]:
    cwd = Path.cwd()
    os.chdir(project)
    try:
        yield project
    finally:
        os.chdir(cwd)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_check_passes_on_the_project_data_and_writes_nothing(in_project: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.relative_to(in_project) for p in in_project.rglob("*"))
    status, out, err = run(["check"], capsys)
    assert status == 0, err
    assert out.splitlines()[-1].startswith("ok: 5 articles") and "warning" not in out
    assert "seeds/004_3c9b544d94d8c56f.txt → articles/mission-genesis-sauvetage-ia.md" in out
    assert sorted(p.relative_to(in_project) for p in in_project.rglob("*")) == before


def test_check_reports_every_problem_of_every_file_at_once(in_project: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    (in_project / "data" / "articles" / "001_88c2c4614f191be0.yml").write_text("slug: Pas Un Slug\n", "utf-8")
    glossary = in_project / "data" / "glossary.yml"
    glossary.write_text(glossary.read_text("utf-8") + "\n- id: vide\n  term: Vide\n  definition: \"\"\n", "utf-8")
    sources = in_project / "data" / "sources.yml"
    sources.write_text(sources.read_text("utf-8") + "\n- id: x\n  name: X\n", "utf-8")
    (in_project / "seeds" / "009_binaire.txt").write_bytes(b"a\n\x00")
    status, _, err = run(["check"], capsys)
    assert status == 1
    assert "001_88c2c4614f191be0.yml:1 [slug]" in err
    assert "glossary.yml:" in err and ".definition]" in err
    assert "sources.yml:" in err and "'provenance' is a required property" in err
    assert "009_binaire.txt:2" in err
    assert err.rstrip().endswith("problems to fix") and "Traceback" not in err


def test_check_reports_a_misplaced_note(in_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = in_project / "data" / "notes" / "004_3c9b544d94d8c56f.yml"
    notes.write_text(notes.read_text("utf-8").replace('quote: "Gary Markus"', 'quote: "Gary Marcus"'), "utf-8")
    status, _, err = run(["check"], capsys)
    assert status == 1
    assert "004_3c9b544d94d8c56f.yml:" in err and "the quotation 'Gary Marcus' is not in the article" in err


def test_stats_counts_what_each_article_carries(in_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["stats", "--json"], capsys)
    assert status == 0
    record = json.loads(out)
    edition = build_edition(Paths.at(in_project))
    for stats, article in zip(record["articles"], edition.articles, strict=True):
        assert stats["mentions"] == len(article.mentions) and stats["terms"] == len(article.terms)
        assert sum(stats["notes"].values()) == len(article.notes)
        assert sum(stats["removed"].values()) == len(article.removed)
    assert record["unused_entities"] == [] and record["unused_terms"] == []
    assert "pepe-escobar" in record["metadata_only_entities"]  # the author, named in bylines only
    status, out, _ = run(["stats"], capsys)
    assert "seeds/004_3c9b544d94d8c56f.txt (mission-genesis-sauvetage-ia)" in out
    assert "8 comment-section" in out


def test_stats_lists_a_register_entry_no_article_uses(in_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = in_project / "data" / "entities.yml"
    register.write_text(register.read_text("utf-8") + "\n- id: inconnu\n  type: personne\n  name: Jean Inconnu\n"
                        "  description: Personne absente des textes.\n", "utf-8")
    _, out, _ = run(["stats", "--json"], capsys)
    assert json.loads(out)["unused_entities"] == ["inconnu"]


def test_an_empty_seed_is_skipped_with_a_warning_naming_it(in_project: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    (in_project / "seeds" / "007_vide.txt").write_bytes(b"\n \n")
    status, out, _ = run(["check"], capsys)
    assert status == 0 and "warning: seeds/007_vide.txt: empty file, skipped" in out


def test_a_single_line_of_100000_characters_builds(in_project: Path) -> None:
    line = ("Une phrase très longue sur Donald Trump, la Chine et l’OTAN, sans fin de ligne. " * 1300)[:100_000]
    (in_project / "seeds" / "008_ligne.txt").write_text("Un titre\n" + line + "\n", "utf-8")
    edition = build_edition(Paths.at(in_project))
    article = next(a for a in edition.articles if a.seed.stem == "008_ligne")
    assert [len(b.text) for b in article.blocks] == [len(line.strip())]
    assert len(article.mentions) >= 3 * 1200


@pytest.mark.parametrize(("raw", "name"), [
    ("l’Élysée", "Élysée"), ("d'Ottawa,", "Ottawa"), ("«Disco Inferno»", "Disco Inferno"),
    ("IA n", "IA"), ("du Sud", "Sud"), ("Jusqu’à Pâques", "Pâques"), ("Made in China", "Made in China"),
])
def test_names_lose_elision_debris(raw: str, name: str) -> None:
    assert clean_name(raw, frozenset({"du", "de", "la", "à", "in"})) == name


spacy = pytest.importorskip("spacy", reason="the 'suggest' extra is not installed (make test installs it)")


@pytest.fixture(scope="module")
def suggestions() -> list:  # type: ignore[type-arg]
    from build_tools.editor.suggest import load_model, suggest  # noqa: PLC0415 - after the importorskip

    edition = build_edition(Paths.at(ROOT))
    return suggest(edition.articles, edition.registers, load_model())


def test_suggest_finds_names_the_registers_lack_and_nothing_they_have(suggestions: list) -> None:  # type: ignore[type-arg]
    edition = build_edition(Paths.at(ROOT))
    names = {s.name for s in suggestions}
    assert "Occident" in names  # six times in the texts, in no register
    known = {f.casefold() for e in edition.registers.entities for f in e.forms}
    assert not {n.casefold() for n in names} & known
    assert not [n for n in names if n[:2].casefold() in ("l’", "l'", "d’", "d'")]
    assert all(s.count >= 1 and s.contexts for s in suggestions)
    counts = [s.count for s in suggestions]
    assert counts == sorted(counts, reverse=True)


def test_suggest_never_reads_the_reader_comments(suggestions: list) -> None:  # type: ignore[type-arg]
    names = {s.name.casefold() for s in suggestions}
    assert not names & {"nvidia", "google", "méta", "apple", "intel", "windows", "zexperts"}


def test_suggest_yaml_is_a_register_stub_that_cannot_be_pasted_unchecked(
        in_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["suggest", "--yaml"], capsys)
    assert status == 0
    entries = yaml.safe_load(out)
    assert entries and all(set(e) == {"id", "type", "name", "aliases", "description"} for e in entries)
    register = in_project / "data" / "entities.yml"
    register.write_text(register.read_text("utf-8") + "\n" + out, "utf-8")
    status, _, err = run(["check"], capsys)
    assert status == 1 and "description" in err  # an editor must describe each entry first
