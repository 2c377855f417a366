"""Reading seeds and editorial data: encodings, line ends, YAML traps, dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from build_tools.errors import InputError
from build_tools.ingest.articles import SLUG_MAX_CHARS, slugify
from build_tools.ingest.seeds import MAX_SEED_BYTES, read_seed
from build_tools.registers.yamlio import load_yaml
from build_tools.text.dates import format_date, parse_date


def seed(tmp_path: Path, data: bytes) -> list[tuple[int, str]]:
    path = tmp_path / "s.txt"
    path.write_bytes(data)
    return [(line.number, line.text) for line in read_seed(path, tmp_path).lines]


def test_bom_is_stripped(tmp_path: Path) -> None:
    assert seed(tmp_path, "\ufeffTitre\nTexte\n".encode()) == [(1, "Titre"), (2, "Texte")]


def test_crlf_and_lone_cr_number_lines_as_an_editor_sees_them(tmp_path: Path) -> None:
    assert seed(tmp_path, b"a\r\nb\rc\n\nd") == [(1, "a"), (2, "b"), (3, "c"), (4, ""), (5, "d")]


def test_nfd_text_is_read_as_nfc(tmp_path: Path) -> None:
    assert seed(tmp_path, "Pe\u0301kin".encode()) == [(1, "Pékin")]


def test_nul_byte_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"s\.txt:2.*NUL"):
        seed(tmp_path, b"ok\nbad\x00")


def test_bytes_neither_utf8_nor_windows_1252_are_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"s\.txt:2.*neither UTF-8 nor Windows-1252"):
        seed(tmp_path, b"ok\n\x81\x8d")


def test_windows_1252_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes("Le président a dit « oui » – c’est fait.\n".encode("cp1252"))
    read = read_seed(path, tmp_path)
    assert read.lines[0].text == "Le président a dit « oui » – c’est fait."
    assert len(read.warnings) == 1 and "s.txt:1" in read.warnings[0] and "Windows-1252" in read.warnings[0]


def test_mixed_encodings_are_an_error_not_mojibake(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"s\.txt:2.*mixes UTF-8"):
        seed(tmp_path, "Pékin\n".encode() + "Médias\n".encode("cp1252"))


def test_zero_width_and_bidi_characters_are_kept_in_the_text(tmp_path: Path) -> None:
    # Kept as written (the text is never changed); the matcher ignores them (test_matcher).
    assert seed(tmp_path, "O\u200bTAN \u202eX\n".encode()) == [(1, "O\u200bTAN \u202eX")]


def test_a_seed_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_SEED_BYTES + 1)
    with pytest.raises(InputError, match=r"s\.txt: 5\.0 MB, more than an article can be"):
        read_seed(path, tmp_path)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "d.yml"
    path.write_text(text, "utf-8")
    return path


def test_yaml_keeps_words_yaml_would_coerce(tmp_path: Path) -> None:
    data = load_yaml(write(tmp_path, "a: no\nb: on\nc: 2025-01-23\nd: true\ne: Yes\n"))
    assert data == {"a": "no", "b": "on", "c": "2025-01-23", "d": True, "e": "Yes"}


def test_yaml_duplicate_keys_name_both_lines(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"d\.yml:3.*first on line 1, again on line 3"):
        load_yaml(write(tmp_path, "slug: a\ntitle: b\nslug: c\n"))


def test_yaml_refuses_python_tags(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"d\.yml:1"):
        load_yaml(write(tmp_path, "a: !!python/object/apply:os.system ['echo hi']\n"))


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"d\.yml:2"):
        load_yaml(write(tmp_path, "a: 1\nb: [unclosed\n"))


def test_yaml_remembers_lines(tmp_path: Path) -> None:
    data = load_yaml(write(tmp_path, "items:\n  - x: 1\n  - x: 2\n"))
    assert data.line_of("items") == 1
    assert data["items"].line_of(1) == 3


@pytest.mark.parametrize(("text", "date"), [
    ("23 - 01 - 2025", dt.date(2025, 1, 23)),
    ("mercredi 26 novembre 2025", dt.date(2025, 11, 26)),
    ("1er mars 2024", dt.date(2024, 3, 1)),
    ("6 nov. 2025", dt.date(2025, 11, 6)),
    ("31/02/2025", None),
    ("le 26 novembre 2025", None),
])
def test_parse_date(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


def test_format_date_in_french() -> None:
    assert format_date(dt.date(2025, 1, 23)) == "23 janvier 2025"
    assert format_date(dt.date(2025, 8, 1)) == "1er août 2025"


def test_a_long_title_gives_a_slug_cut_between_two_words() -> None:
    title = "L’offensive technologique de la Chine et la guerre des semi-conducteurs en 2025"
    assert slugify(title) == "loffensive-technologique-de-la-chine-et-la-guerre-des-semi"


@given(st.lists(st.text(alphabet="abcdéèçœ0123456789", min_size=1, max_size=12), min_size=1, max_size=20)
       .map(" ".join))
def test_a_slug_is_the_title_s_whole_words_up_to_the_limit(title: str) -> None:
    slug, whole = slugify(title), slugify(title, max_chars=10**6)
    assert len(slug) <= SLUG_MAX_CHARS
    assert whole.startswith(slug)
    assert len(whole) == len(slug) or whole[len(slug)] == "-"  # never inside a word
