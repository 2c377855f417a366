"""The editor's commands: check, stats, suggest; and bad input met on the way."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from build_tools.__main__ import main
from build_tools.build import build_edition
from build_tools.editor.freshness import future_of_the_past
from build_tools.editor.review import check_reviews
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


# The day the editors last reviewed the registers and notes: the data was true then. Judged against
# the calendar instead, this test would fail on the day an as_of turns a year old; that is news for
# the editors (`make check` tells them), not a fault of the code.
REVIEWED = "2026-12-03"


def test_check_passes_on_the_project_data_and_writes_nothing(in_project: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(p.relative_to(in_project) for p in in_project.rglob("*"))
    status, out, err = run(["check", "--today", REVIEWED], capsys)
    assert status == 0, err
    assert out.splitlines()[-1].startswith("ok: 5 articles") and "warning" not in out
    assert "seeds/004_3c9b544d94d8c56f.txt → articles/mission-genesis-sauvetage-ia.md" in out
    # The cleaner's decision on weak evidence, for the editor to look at.
    assert "doubt: seeds/002_ba99f5c80d44e674.txt:31: left out: a phrase of furniture" in out
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
        assert [d["line"] for d in stats["doubts"]] == [line.number for line in article.clean.doubts]
    assert record["articles"][2]["doubts"][0]["line"] == 31
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
    assert "FAFO" in names  # an acronym the author spells out, in no register
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


# --- what time may have made wrong, and the reviews -----------------------------------

TODAY = dt.date(2026, 12, 2)


@pytest.mark.parametrize(("text", "as_of", "expected"), [
    ("Le plan doit être adopté par l’Assemblée lors des « deux sessions » de mars 2026.", None, "2026-03"),
    ("La loi entrera en vigueur le 1er janvier 2026.", None, "2026-01-01"),
    ("Les élections auront lieu en novembre 2026.", None, "2026-11"),
    ("Le texte sera voté en mars prochain.", "2025-11", "2026-03"),  # read against as_of
    ("Le plan a été adopté le 12 mars 2026.", None, None),  # past tense
    ("Le sommet se tiendra en 2027.", None, None),  # not passed
    ("Le texte sera voté en mars prochain.", None, None),  # a relative date with nothing to read it against
    ("Il a déclaré : « La Chine va gagner la course » le 5 novembre 2025.", None, None),  # someone else's future
    ("Le front s’est stabilisé en 2024.", None, None),  # a noun that ends like a verb
])
def test_a_statement_in_the_future_about_a_date_that_has_passed_is_found(text: str, as_of: str | None,
                                                                         expected: str | None) -> None:
    found = future_of_the_past(text, TODAY, as_of)
    assert [date for _, date in found] == ([expected] if expected else [])


def test_check_warns_about_the_future_of_the_past_and_an_old_as_of(in_project: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    entities = in_project / "data" / "entities.yml"
    text = entities.read_text("utf-8")
    plan = "    Plan de développement économique et social de la Chine pour 2026-2030"
    text = text.replace(plan, "    Plan qui doit être approuvé en mars 2026." + plan[3:], 1)
    text = text.replace("  description: >-\n    Capitale de l’Ukraine",
                        "  as_of: 2025-11\n  description: >-\n    Capitale de l’Ukraine", 1)
    entities.write_text(text, "utf-8")
    status, out, _ = run(["check", "--today", "2026-12-02"], capsys)
    assert status == 0
    warnings = [line for line in out.splitlines() if line.startswith("warning: data/entities.yml")]
    assert any("[quinzieme-plan-quinquennal.description]: speaks in the future of mars 2026" in w for w in warnings)
    assert any("[kiev.description]: holds for novembre 2025 (as_of)" in w for w in warnings)
    _, out, _ = run(["check", "--today", "2026-10-31"], capsys)
    assert "[kiev.description]" not in out  # eleven months: still fresh


def test_an_as_of_that_is_not_a_month_is_refused_with_its_line(in_project: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    notes = in_project / "data" / "notes" / "004_3c9b544d94d8c56f.yml"
    text = notes.read_text("utf-8").replace("  kind: correction\n", "  kind: correction\n  as_of: 2025\n", 1)
    notes.write_text(text, "utf-8")
    status, _, err = run(["check"], capsys)
    assert status == 1
    assert "004_3c9b544d94d8c56f.yml:5 [0.as_of]" in err  # the line of the value


def test_a_review_that_does_not_hold_against_its_article_is_a_problem(in_project: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    review = in_project / "data" / "review" / "002_ba99f5c80d44e674.yml"
    review.write_text(review.read_text("utf-8") + """
- quote: "une phrase qui n’est pas dans l’article"
  kind: claim
  decision: no-note
  why: Pour le test.

- quote: "le méga projet dans l'intelligence artificielle (IA)"
  kind: claim
  decision: note
  note: pas-de-telle-note
  why: Pour le test.

- quote: "Elon Musk"
  kind: term
  decision: glossary
  term: llm
  why: Pour le test.
""", "utf-8")
    status, _, err = run(["check"], capsys)
    assert status == 1
    assert "002_ba99f5c80d44e674.yml:" in err
    assert "review: the quotation 'une phrase qui n’est pas dans l’article' is not in the article" in err
    assert "no note 'pas-de-telle-note' in the article's notes" in err
    assert "the term 'llm' is not found in the quotation" in err


def test_figures_no_review_entry_quotes_are_listed(in_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    review = in_project / "data" / "review" / "004_3c9b544d94d8c56f.yml"
    kept = [entry for entry in review.read_text("utf-8").split("\n- ") if "Article 1. Objectif." not in entry]
    review.write_text("\n- ".join(kept), "utf-8")
    (in_project / "data" / "review" / "003_e3939c65c73ab86d.yml").unlink()
    _, out, _ = run(["check"], capsys)
    assert "004_3c9b544d94d8c56f.yml: figures of the article no entry quotes: 1 (§ 24)" in out
    assert "seeds/003_e3939c65c73ab86d.txt: no review of its figures, claims and terms" in out


def test_every_figure_of_the_edition_is_reviewed() -> None:
    edition = build_edition(Paths.at(ROOT))
    problems, warnings = check_reviews(edition.articles, edition.registers, ROOT / "data")
    assert problems == [] and warnings == []
