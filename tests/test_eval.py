"""The cleaner's evaluation: corpus files read, pages written back as saved, lines scored."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_tools.__main__ import main
from build_tools.errors import InputError
from build_tools.evaluate import evaluate, summary
from build_tools.evaluate.corpus import read_file
from build_tools.evaluate.score import Counts, ErrorKind, score_file

PARAGRAPH = ("La Commission européenne a présenté mardi un plan de plusieurs milliards d’euros pour "
             "soutenir la production de semi-conducteurs sur le continent, a-t-elle annoncé à Bruxelles.")
SECOND = ("Les industriels saluent une première étape, mais rappellent que les usines les plus avancées "
          "restent en Asie et aux États-Unis, où les aides publiques sont bien plus élevées depuis 2022.")

PAGE = f"""url: https://example.org/article
outlet: Le Quotidien d’essai
kind: quotidien-national
country: FR
title: Bruxelles mise sur les puces
author: Jeanne Dupont
date: 2025-03-04
saved: crlf bom
---
menu\tAccueil
title\tBruxelles mise sur les puces
byline\tPar Jeanne Dupont
date\tPublié le 4 mars 2025 à 14h05

body\t{PARAGRAPH}

body\tPublicité

other\t{SECOND}
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_a_page_is_written_back_as_the_scraper_saved_it(tmp_path: Path) -> None:
    file = read_file(write(tmp_path / "dev", "essai.txt", PAGE))
    assert file.split == "dev" and file.date == dt.date(2025, 3, 4) and file.author == "Jeanne Dupont"
    raw = file.raw()
    assert raw.startswith("\ufeffAccueil\r\nBruxelles".encode())
    assert raw.count(b"\r\n") == len(file.lines) == 10


def test_every_line_is_scored_and_each_error_names_its_line(tmp_path: Path) -> None:
    score = score_file(read_file(write(tmp_path / "dev", "essai.txt", PAGE)))
    by_kind = {(error.kind, error.line) for error in score.errors}
    # "Publicité" labelled as article text is left out: lost, on page line 8.
    assert (ErrorKind.LOST, 8) in by_kind
    # A paragraph labelled as furniture stays in the text: a leak, on page line 10.
    assert (ErrorKind.LEAK, 10) in by_kind
    counts = score.counts
    assert (counts.article_lines, counts.article_kept) == (2, 1)
    assert counts.other_lines == 5 and counts.removed == counts.other_removed + 1
    # Title, author and date are read from the header lines.
    assert (counts.titles_right, counts.authors_right, counts.dates_right) == (1, 1, 1)
    assert not {ErrorKind.TITLE, ErrorKind.AUTHOR, ErrorKind.DATE} & {e.kind for e in score.errors}


def test_wrong_metadata_is_an_error(tmp_path: Path) -> None:
    page = PAGE.replace("author: Jeanne Dupont", "author: Paul Martin").replace("date: 2025-03-04", "date:")
    score = score_file(read_file(write(tmp_path / "dev", "essai.txt", page)))
    kinds = {error.kind: error for error in score.errors}
    assert "Paul Martin" in kinds[ErrorKind.AUTHOR].expected
    # A date read where the page's header shows none is reported, but not scored.
    assert ErrorKind.DATE in kinds and score.counts.dates == 0


def test_an_author_misread_from_a_name_alone_is_counted_as_doubted(tmp_path: Path) -> None:
    page = PAGE.replace("byline\tPar Jeanne Dupont", "byline\tJeanne Dupont").replace(
        "author: Jeanne Dupont", "author: Paul Martin")
    score = score_file(read_file(write(tmp_path / "dev", "essai.txt", page)))
    counts = score.counts
    assert (counts.authors_misread, counts.authors_doubted, counts.authors_doubted_wrong) == (1, 1, 1)
    assert next(e for e in score.errors if e.kind is ErrorKind.AUTHOR).got == "read 'Jeanne Dupont', doubted"
    assert counts.scores()["misread_authors_doubted"] == 1.0
    right = score_file(read_file(write(tmp_path / "dev", "essai.txt", page.replace("Paul Martin", "Jeanne Dupont"))))
    assert (right.counts.authors_misread, right.counts.authors_doubted, right.counts.authors_doubted_wrong) == (0, 1, 0)
    # Nothing misread: every misread author was doubted; one misread and not doubted: none was.
    assert right.counts.scores()["misread_authors_doubted"] == 1.0
    assert Counts(authors=1, authors_misread=1).scores()["misread_authors_doubted"] == 0.0


def test_a_malformed_file_names_each_bad_line(tmp_path: Path) -> None:
    bad = PAGE.replace("kind: quotidien-national", "kind: journal").replace("menu\tAccueil", "menu Accueil")
    with pytest.raises(InputError) as caught:
        read_file(write(tmp_path / "dev", "essai.txt", bad))
    problems = {(p.line, p.key) for p in caught.value.problems}
    assert problems == {(3, "kind"), (10, None)}  # the file's lines: after 8 of header and ---


def test_eval_prints_scores_and_errors_per_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "dev", "essai.txt", PAGE)
    write(tmp_path / "test", "autre.txt", PAGE.replace("other\t", "body\t"))
    reports = evaluate(tmp_path)
    assert [r.split for r in reports] == ["dev", "test"]
    assert reports[1].counts.scores()["article_recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert main(["eval", "--corpus", str(tmp_path), "--split", "dev"]) == 0
    out = capsys.readouterr().out
    assert "dev/essai:8: lost" in out and "test/" not in out
    assert any("article lines kept" in line and "50.0 %" in line for line in summary(reports[:1]))
