"""Golden files: the expected class of every line of every seed (tests/golden/clean/).

Regenerate with ``pytest tests/test_golden_clean.py --update-golden`` and review the diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.ingest.clean import clean
from build_tools.ingest.seeds import read_seed

from conftest import ROOT, seed_paths

GOLDEN = ROOT / "tests" / "golden" / "clean"
PREVIEW_CHARS = 60


def describe(seed_path: Path) -> str:
    result = clean(read_seed(seed_path, ROOT).lines)
    rows = ["# line\tclass\treason\ttext (start)"]
    for cl in result.lines:
        if cl.cls.value == "blank":
            continue
        rows.append(f"{cl.number}\t{cl.cls.value}\t{cl.reason.value if cl.reason else '-'}\t"
                    f"{cl.text[:PREVIEW_CHARS]}")
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("seed_path", seed_paths(), ids=lambda p: p.stem)
def test_every_line_is_classified_as_expected(seed_path: Path, update_golden: bool) -> None:
    golden = GOLDEN / f"{seed_path.stem}.tsv"
    actual = describe(seed_path)
    if update_golden:
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden}: run pytest --update-golden and review it"
    assert actual == golden.read_text(encoding="utf-8")
