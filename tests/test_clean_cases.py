"""One small case file per cleaning rule (tests/golden/clean/rules/<rule>.txt): short pages,
each line with the class the cleaner must give it. Beside them, the whole seeds' goldens
(tests/golden/clean/*.tsv)."""

from __future__ import annotations

import pytest

from build_tools.ingest.clean import clean
from build_tools.model import ClassifiedLine, LineClass, Rule, SourceLine

from conftest import CASES, ROOT, pages

# Rules that judge no line for good: a blank line is blank; article text (and a list's item) is typed later;
# and the editor's choices, which no page holds (tests/test_inputs.py).
NOT_FINAL = {Rule.BLANK, Rule.ARTICLE_TEXT, Rule.LIST_ITEM, Rule.EDITOR_KEEP, Rule.EDITOR_REMOVE}


def described(line: ClassifiedLine) -> str:
    if line.cls is LineClass.BOILERPLATE:
        assert line.reason is not None
        return f"boilerplate/{line.reason.value}"
    return line.cls.value


@pytest.mark.parametrize("rule", [rule for rule in Rule if rule not in NOT_FINAL], ids=str)
def test_each_rule_classifies_its_cases_as_written(rule: Rule) -> None:
    path = CASES / f"{rule.value}.txt"
    assert path.is_file(), f"no case file for the rule {rule.value!r}: write {path.relative_to(ROOT)}"
    decided = set()
    for page in pages(path):
        result = clean([SourceLine(n, text) for n, (_, text) in enumerate(page, start=1)])
        assert [(described(line), line.text) for line in result.lines] == [(e, t.strip()) for e, t in page]
        decided |= {line.rule for line in result.lines}
    assert rule in decided, f"no line of {path.name} is decided by the rule {rule.value!r}"


def test_every_case_file_is_a_rule_s() -> None:
    assert {p.stem for p in CASES.glob("*.txt")} == {rule.value for rule in Rule if rule not in NOT_FINAL}
