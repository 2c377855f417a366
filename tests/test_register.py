"""The register is validated on load: every problem names file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.errors import InputError
from build_tools.registers.entities import EntityType, load_entities

from conftest import ROOT

GOOD = """\
- id: donald-trump
  type: personne
  name: Donald Trump
  aliases: [Trump]
  description: Président des États-Unis.
"""


def load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "entities.yml"
    path.write_text(text, "utf-8")
    return load_entities(path)


def test_a_good_register_loads(tmp_path: Path) -> None:
    register = load(tmp_path, GOOD)
    assert register["donald-trump"].type is EntityType.PERSONNE


def test_duplicate_id(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"entities\.yml:6 \[id\]: duplicate id 'donald-trump' \(first on line 1\)"):
        load(tmp_path, GOOD + GOOD.replace("Donald Trump", "D. Trump").replace("[Trump]", "[]"))


def test_alias_claimed_by_two_entities(tmp_path: Path) -> None:
    other = "- id: ivanka\n  type: personne\n  name: Ivanka\n  aliases: [Ivanka, Trump]\n  description: X.\n"
    with pytest.raises(InputError) as err:
        load(tmp_path, GOOD + other)
    assert "entities.yml:9 [aliases.1]: 'Trump' is claimed by 'ivanka' and by 'donald-trump' (line 4)" in str(err.value)
    assert "mentions:" in str(err.value)


def test_alias_variants_count_as_the_same_form(tmp_path: Path) -> None:
    other = "- id: us\n  type: lieu\n  name: Etats-Unis\n  description: X.\n"
    mine = "- id: usa\n  type: lieu\n  name: États-Unis\n  description: Y.\n"
    with pytest.raises(InputError, match="claimed by"):
        load(tmp_path, other + mine)


@pytest.mark.parametrize(("change", "expected"), [
    (("Président des États-Unis.", "' '"), r":5 \[0\.description\]"),
    (("type: personne", "type: martien"), r":2 \[0\.type\].*Expected one of: personne"),
    (("  aliases: [Trump]\n", "  aliases: [Trump]\n  wikidata: Q0\n"), r":5 \[0\.wikidata\]"),
    (("  aliases: [Trump]\n", "  alias: [Trump]\n"), r"unknown key"),
    (("id: donald-trump", "id: Donald Trump"), r":1 \[0\.id\]"),
])
def test_schema_problems_name_line_and_key(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        load(tmp_path, GOOD.replace(*change))


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    bad = GOOD.replace("type: personne", "type: martien").replace("Président des États-Unis.", "' '")
    with pytest.raises(InputError) as err:
        load(tmp_path, bad)
    assert len(err.value.problems) == 2


def test_the_project_register_is_valid_and_described() -> None:
    register = load_entities(ROOT / "data" / "entities.yml")
    assert len(register) >= 100
    assert all(e.description.strip() for e in register)
