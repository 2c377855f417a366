"""The cleaner's scores on the evaluation corpus (tests/corpus/): each at least its floor.

The floors are the scores last measured (``python -m build_tools eval``), rounded down.
They are raised when the cleaner gets better and never lowered: a change that loses an
article line or lets more furniture through fails here, with the errors listed."""

from __future__ import annotations

import pytest

from build_tools.evaluate import CORPUS, SPLITS, SplitReport, evaluate
from build_tools.evaluate.score import errors_of

from conftest import ROOT

FLOORS: dict[str, dict[str, float]] = {
    "dev": {"article_recall": 1.0, "clutter_recall": 0.934, "clutter_precision": 1.0,
            "title": 0.95, "author": 0.95, "date": 1.0},
    "test": {"article_recall": 1.0, "clutter_recall": 0.909, "clutter_precision": 1.0,
             "title": 0.733, "author": 0.933, "date": 1.0},
}
MIN_FILES = 40
MIN_OUTLETS = 20


@pytest.fixture(scope="module")
def reports() -> dict[str, SplitReport]:
    return {report.split: report for report in evaluate(ROOT / CORPUS)}


def test_the_corpus_is_large_and_varied_and_its_splits_apart(reports: dict[str, SplitReport]) -> None:
    files = [file for report in reports.values() for file in report.files]
    assert len(files) >= MIN_FILES
    assert len({file.outlet for file in files}) >= MIN_OUTLETS
    dev, test = ({file.outlet for file in reports[split].files} for split in SPLITS)
    assert not dev & test, f"outlets in both splits: {sorted(dev & test)}"
    assert all(file.url.startswith(("http://", "https://")) for file in files)


@pytest.mark.parametrize("split", SPLITS)
def test_the_cleaner_scores_at_least_its_floors(reports: dict[str, SplitReport], split: str) -> None:
    scores = reports[split].counts.scores()
    below = {name: (scores[name], floor) for name, floor in FLOORS[split].items()
             if (scores[name] or 0) < floor}
    errors = "\n".join(str(error) for error in errors_of(reports[split].scores))
    assert not below, f"{split}: scores below their floors {below}\n{errors}"
