"""The matcher: word boundaries, elisions, longest match, variants; and its invariants."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st

from build_tools.annotate import reference
from build_tools.annotate.matcher import Matcher
from build_tools.site.markdown import SafeMarkdown, md_link
from build_tools.site.views import Span, annotated_markdown
from build_tools.text.normalize import fold, match_key

FORMS = [("Donald Trump", "trump"), ("Trump", "trump"), ("M. Disco Inferno", "trump"),
         ("Disco Inferno", "song"), ("OTAN", "otan"), ("UE", "ue"), ("Xi", "xi"), ("Intel", "intel"),
         ("OpenAI", "openai"), ("DeepSeek", "deepseek"), ("DeepSeek R1", "r1"), ("C++", "cpp"),
         ("S&P 500", "sp"), ("Trump 2.0", "t2"), ("États-Unis", "us"), ("Pékin", "pekin"),
         ("nouvelles routes de la soie", "bri"), ("H800", "h800"), ("L’Amérique d’abord", "af")]
MATCHER = Matcher(FORMS)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], payload) for start, end, payload in MATCHER.find(text)]


@pytest.mark.parametrize("text", ["l'intelligence artificielle", "que le marché", "à Xian",
                                  "Intelligence", "les H800s", "une TrumpTower", "OTANIEN"])
def test_never_inside_a_word(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text", ["l’OTAN", "l'OTAN", "d’OpenAI", "qu'OpenAI", "jusqu’OTAN", "l\u2019UE"])
def test_elisions_with_both_apostrophes(text: str) -> None:
    assert len(found(text)) == 1
    assert found(text)[0][0] in ("OTAN", "OpenAI", "UE")


def test_longest_match_wins() -> None:
    assert found("Donald Trump et Trump") == [("Donald Trump", "trump"), ("Trump", "trump")]
    assert found("DeepSeek R1 et DeepSeek") == [("DeepSeek R1", "r1"), ("DeepSeek", "deepseek")]
    assert found("Trump 2.0 et Trump 2.01") == [("Trump 2.0", "t2"), ("Trump", "trump")]


def test_the_song_is_not_the_nickname() -> None:
    assert found("M. Disco Inferno danse sur «Disco Inferno».") == [
        ("M. Disco Inferno", "trump"), ("Disco Inferno", "song")]


def test_names_with_regex_metacharacters() -> None:
    assert found("C++, C+ et S&P 500 ou S&P 5000") == [("C++", "cpp"), ("S&P 500", "sp")]


def test_accent_apostrophe_and_space_variants() -> None:
    assert found("Etats-Unis, Pekin, Donald\u00a0Trump, Donald  Trump") == [
        ("Etats-Unis", "us"), ("Pekin", "pekin"), ("Donald\u00a0Trump", "trump"), ("Donald  Trump", "trump")]
    assert found("le programme L'Amérique d'abord") == [("L'Amérique d'abord", "af")]


def test_zero_width_and_bidi_controls_are_ignored() -> None:
    assert found("Do\u200bnald Trump et \u200eOTAN") == [("Do\u200bnald Trump", "trump"), ("OTAN", "otan")]


def test_case_is_as_written_except_a_capital_at_sentence_start() -> None:
    assert found("otan, Otan, openai") == []
    assert found("Nouvelles routes de la soie et nouvelles routes de la soie") == [
        ("Nouvelles routes de la soie", "bri"), ("nouvelles routes de la soie", "bri")]


def test_offsets_are_those_of_the_original_text() -> None:
    text = "À Pékin, l’OTAN…"
    for m in MATCHER.find(text):
        assert match_key(text[m[0]:m[1]]) in {match_key(f) for f, _ in FORMS}


# --- properties ----------------------------------------------------------------------

NAMES = [form for form, _ in FORMS]
FILLER = ["le ", "l’", "d'", " et ", ", ", "(", ")", "*", "_", "[", "]", "<b>", "&", "#", "\u00a0", "x",
          "intelligence ", "que ", "Xian ", "« ", " »", "\\", "`", "{{ }}", "1. ", "-"]
pieces = st.lists(st.one_of(st.sampled_from(NAMES), st.sampled_from(FILLER),
                            st.text(alphabet="abcéèàçôù ’'-.", max_size=8)), max_size=25)


@settings(max_examples=300, deadline=None)
@given(pieces)
def test_offsets_are_valid_ordered_and_disjoint(parts: list[str]) -> None:
    text = "".join(parts)
    previous_end = 0
    keys = {match_key(f) for f, _ in FORMS} | {match_key(f[0].upper() + f[1:]) for f, _ in FORMS}
    for m in MATCHER.find(text):
        start, end, _ = m
        assert previous_end <= start < end <= len(text)
        assert match_key(text[start:end]) in keys
        previous_end = end


@settings(max_examples=200, deadline=None)
@given(pieces, st.lists(st.integers(min_value=0, max_value=400), max_size=4))
def test_taking_the_annotations_out_gives_back_the_text(parts: list[str], positions: list[int]) -> None:
    """Links and note calls added to a text hide nothing of it and add nothing to it."""
    text = "".join(parts).strip()
    if not text:
        return
    matches = MATCHER.find(text)
    spans = [Span(start, end, md_link(text[start:end], "../entites/x.md", f"Description de {payload} *x*"))
             for start, end, payload in matches]
    calls = [(min(p, len(text)), SafeMarkdown(f"[^n{i}]")) for i, p in enumerate(positions)]
    notes = "".join(f"\n\n[^n{i}]: Note n{i}." for i in range(len(calls)))
    html = markdown.markdown(annotated_markdown(text, spans, calls) + "\n{ #p1 }" + notes,
                             extensions=["attr_list", "footnotes"])
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select("sup, div.footnote"):
        element.decompose()
    assert soup.p.get_text() == text
    assert [a.get_text() for a in soup.find_all("a")] == [text[start:end] for start, end, _ in matches]



# --- the fast matcher agrees with the reference one ----------------------------------

# Forms that share first words, end in punctuation, hold elisions, hyphens, spaces of all
# kinds and ignorable characters: every path of the trie.
TRICKY = [*FORMS, ("Union européenne", "ue"), ("Union", "union"), ("Union africaine", "ua"),
          ("Banque centrale européenne", "bce"), ("Banque", "banque"), ("Inc.", "inc"), ("M.", "m"),
          ("C", "c"), ("C+", "cplus"), ("M. Disco", "md"), ("Donald\u00a0 Trump", "dt2"), ("L’Amérique", "am"),
          ("L", "l"), ("Amérique d’abord", "ad"), ("A \u200b B", "ab"), ("x - y", "xy"), ("x -", "xdash"),
          ("pays du Sud", "sud"), ("Sud", "sud-seul"), ("«Disco»", "dropped"), ("Œuvre", "oeuvre"), ("ʼt", "t")]
REFERENCE = Matcher(TRICKY)
SLOW = reference.Matcher(TRICKY)
WORDS = [form for form, _ in TRICKY] + ["Union", "européenne", "Banque", "centrale", "Donald", "Trump", "M", "Disco"]
SEPARATORS = [" ", "  ", "\u00a0", "\u202f", "\n", "\t", "’", "'", "ʼ", "-", "\u2011", ". ", ", ", " – ", "«", "»",
              "\u200b", "\u200e", " \u200b ", "", "+", "++", "_", "(", ")", " . ", ":"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS),
                           st.text(alphabet="aeéAEÉlLdDsuU’' .-\u00a0\u200b", max_size=6)), max_size=30).map("".join)


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_same_matches_as_the_reference_matcher(text: str) -> None:
    assert REFERENCE.find(text) == [tuple(m.__dict__.values()) for m in SLOW.find(text)]


def test_same_matches_on_the_corpus() -> None:
    """The real articles against the real registers (entities and glossary)."""
    from build_tools.annotate.mentions import Named, compile_matcher  # noqa: PLC0415
    from build_tools.ingest import load_articles  # noqa: PLC0415
    from build_tools.project import Paths  # noqa: PLC0415
    from build_tools.registers import load_registers  # noqa: PLC0415

    from conftest import ROOT  # noqa: PLC0415

    articles, _ = load_articles(Paths.at(ROOT))
    registers = load_registers(ROOT / "data")
    fast = compile_matcher(registers)
    slow = reference.Matcher([(f, (Named.ENTITY, e.id)) for e in registers.entities for f in e.forms]
                             + [(f, (Named.TERM, t.id)) for t in registers.glossary for f in t.forms])
    found = 0
    for block in (b for a in articles for b in a.blocks):
        matches = fast.find(block.text)
        assert matches == [tuple(m.__dict__.values()) for m in slow.find(block.text)]
        found += len(matches)
    assert found > 500


@given(st.text(alphabet=st.one_of(st.sampled_from("`\t’éÉ\u00a0\u2011œ a"), st.characters()), max_size=20))
@example("a\tb`c")
def test_folding_keeps_every_offset_and_folds_once(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert fold(fold(text)) == fold(text)
