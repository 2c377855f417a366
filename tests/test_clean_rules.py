"""One test per cleaning rule, on made-up lines: the rules are general, not tuned to the seeds."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.ingest.clean import classify_line, clean
from build_tools.model import LineClass, Reason, SourceLine
from build_tools.text.normalize import _PUNCT_TABLE, APOSTROPHES, SPACES, unify_punctuation

PROSE = ("Les échanges entre les deux pays ont fortement augmenté au cours de la dernière "
         "décennie, portés par la demande d'énergie et par de nouveaux accords commerciaux.")
PROSE2 = ("Selon plusieurs économistes, cette évolution devrait se poursuivre dans les années à "
          "venir, même si les tensions politiques pèsent sur les investissements étrangers.")


def lines(*texts: str) -> list[SourceLine]:
    return [SourceLine(i, t) for i, t in enumerate(texts, start=1)]


def one(text: str) -> tuple[LineClass, Reason | None]:
    cl = classify_line(SourceLine(1, text))
    return cl.cls, cl.reason


def classes(*texts: str) -> list[str]:
    return [cl.cls.value for cl in clean(lines(*texts)).lines]


# --- line rules ----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["-", "***", "— — —", "* * *"])
def test_separator(text: str) -> None:
    assert one(text) == (LineClass.BOILERPLATE, Reason.SEPARATOR)


# Any run of whitespace separates the headlines: spaces of every kind, tabs, line separators.
@pytest.mark.parametrize("gap", ["\u00a0\u00a0\u00a0\u00a0", "   ", "\t\t\t", " \u2028 ", "\u2029\u2029\u2029",
                                 "\u3000\u3000\u3000", "\x85\x85 "])
def test_news_ticker_is_many_headlines_run_together(gap: str) -> None:
    headlines = ["Grève des transports : le trafic perturbé", "Météo : pluie sur le nord",
                 "Football : victoire à domicile", "Un nouveau musée ouvre ses portes",
                 "Budget : le débat reprend", "Élections : les listes déposées"]
    assert one(gap.join(headlines)) == (LineClass.BOILERPLATE, Reason.TICKER)
    assert one("   ".join(headlines[:3]))[0] is LineClass.PARAGRAPH  # too few headlines


def test_source_line() -> None:
    assert one("source : Le Journal du Soir") == (LineClass.SOURCE, Reason.SOURCE)
    assert one("Sources: Agence X")[0] is LineClass.SOURCE
    assert one("La source : un rapport interne qui n'a jamais été publié.")[0] is LineClass.PARAGRAPH


@pytest.mark.parametrize("text", ["par Jeanne Martin", "Par Jean de La Fontaine", "by John Smith",
                                  "par Marie Curie et Pierre Curie"])
def test_byline(text: str) -> None:
    assert one(text) == (LineClass.BYLINE, Reason.BYLINE)


@pytest.mark.parametrize("text", ["par exemple", "Par ailleurs, le marché recule.", "par la suite"])
def test_byline_needs_a_capitalised_name(text: str) -> None:
    assert one(text)[0] is LineClass.PARAGRAPH


@pytest.mark.parametrize("text", ["Publié dans Le Quotidien le 05 - 03 - 2024", "Publié le 5/3/2024",
                                  "Publié sur Le Site le 5 mars 2024 à 10h30"])
def test_dateline(text: str) -> None:
    assert one(text) == (LineClass.DATELINE, Reason.DATELINE)


@pytest.mark.parametrize("text", ["mercredi 26 novembre 2025", "1er mars 2024", "6 nov. 2025", "12/04/2023"])
def test_date_line(text: str) -> None:
    assert one(text) == (LineClass.DATE, Reason.DATE)


def test_date_inside_a_sentence_is_not_a_date_line() -> None:
    assert one("Le sommet s'est tenu le 26 novembre 2025 à Paris.")[0] is LineClass.PARAGRAPH


@pytest.mark.parametrize("text", ["3 commentaires :", "1\u00a0commentaire:", "Commentaires",
                                  "Laisser un commentaire", "Réagir"])
def test_comment_header(text: str) -> None:
    assert one(text) == (LineClass.BOILERPLATE, Reason.COMMENTS)


@pytest.mark.parametrize("text", ["RépondreSupprimer", "Répondre", "Répondre Signaler"])
def test_comment_controls(text: str) -> None:
    assert one(text) == (LineClass.BOILERPLATE, Reason.COMMENTS)


def test_moderation_notice() -> None:
    text = ("Les commentaires injurieux seront supprimés. Les auteurs des commentaires en sont "
            "seuls responsables.")
    assert one(text) == (LineClass.BOILERPLATE, Reason.MODERATION)


@pytest.mark.parametrize("text", ["Soutenez notre rédaction.", "Faites un don pour une presse libre !",
                                  "Chers lecteurs, c’est grâce à vos dons que nous existons."])
def test_donation_appeal(text: str) -> None:
    assert one(text) == (LineClass.BOILERPLATE, Reason.DONATION)


@pytest.mark.parametrize("text", ["Merci d'avoir signalé !", "Signaler cette image",
                                  "Ce contenu sera bloqué après avoir été signalé par plusieurs lecteurs."])
def test_report_prompt(text: str) -> None:
    assert one(text) == (LineClass.BOILERPLATE, Reason.REPORT_PROMPT)


@pytest.mark.parametrize("text", ["Abonnez-vous à notre chaîne !", "Cliquez ici pour lire la suite.",
                                  "Partagez cet article", "Suivez-nous sur les réseaux",
                                  "Inscrivez-vous à la newsletter"])
def test_share_prompt(text: str) -> None:
    assert one(text) == (LineClass.BOILERPLATE, Reason.SHARE_PROMPT)


def test_prompt_words_inside_prose_are_prose() -> None:
    """Imperatives addressed to someone else, or long paragraphs, are article text."""
    assert one("Respectez les règles, partagez les données, et vous pourrez opérer.")[0] \
        is LineClass.PARAGRAPH
    long_line = "Soutenez " + PROSE + " " + PROSE2
    assert one(long_line)[0] is LineClass.PARAGRAPH


@pytest.mark.parametrize("text", ["Publicité", "Contenu sponsorisé"])
def test_advertisement(text: str) -> None:
    assert one(text) == (LineClass.BOILERPLATE, Reason.ADVERTISEMENT)


# --- context rules -------------------------------------------------------------------

def test_comment_section_runs_to_the_end() -> None:
    result = classes(PROSE, "2 commentaires :", "Super article !", "Je ne suis pas d'accord.",
                     "Les commentaires hors sujet seront supprimés.")
    assert result == ["paragraph", "boilerplate", "boilerplate", "boilerplate", "boilerplate"]
    assert clean(lines(PROSE, "Commentaires", "Bof.")).removed[1].reason is Reason.COMMENTS


def test_comment_section_stops_at_a_source_line() -> None:
    assert classes(PROSE, "Commentaires :", "Bravo", "source : Le Monde")[-1] == "source"


def test_teaser_next_to_a_final_prompt_is_boilerplate() -> None:
    result = clean(lines(PROSE, "", "Que se passe-t-il au Sénégal ?", "Abonnez-vous à notre chaîne !"))
    assert [r.reason for r in result.removed] == [Reason.SHARE_PROMPT, Reason.SHARE_PROMPT]


def test_final_sentence_next_to_a_prompt_is_kept() -> None:
    result = clean(lines(PROSE, "Nous verrons bien.", "Abonnez-vous à notre chaîne !"))
    assert [b.text for b in result.blocks] == [PROSE, "Nous verrons bien."]


def test_title_before_byline_and_standfirst_after() -> None:
    result = clean(lines("Le grand virage de l'industrie", "par Jeanne Martin",
                         "Une analyse des chiffres publiés cette semaine.", PROSE))
    assert [cl.cls.value for cl in result.lines] == ["title", "byline", "standfirst", "paragraph"]
    assert result.detected.title == "Le grand virage de l'industrie"
    assert result.detected.author == "Jeanne Martin"


def test_title_without_byline_is_the_first_short_line() -> None:
    result = clean(lines("mardi 4 mars 2025", "", "Un titre sans signature.", "", PROSE))
    assert result.detected.title == "Un titre sans signature."
    assert result.detected.date == dt.date(2025, 3, 4)


def test_no_title_when_the_text_starts_with_prose() -> None:
    result = clean(lines("par Jeanne Martin", PROSE, PROSE2))
    assert result.detected.title is None
    assert [b.kind.value for b in result.blocks] == ["paragraph", "paragraph"]


def test_dateline_gives_date_and_source() -> None:
    result = clean(lines("Un titre", "Publié dans La Gazette le 07 - 02 - 2024", PROSE))
    assert result.detected.date == dt.date(2024, 2, 7)
    assert result.detected.source == "La Gazette"


def test_heading_is_a_short_line_without_final_punctuation_between_paragraphs() -> None:
    assert classes(PROSE, "Un tournant décisif", PROSE2) == ["paragraph", "heading", "paragraph"]
    assert classes(PROSE, "Un tournant décisif.", PROSE2) == ["paragraph", "paragraph", "paragraph"]
    assert classes(PROSE, "Et maintenant ?", PROSE2)[1] == "heading"


def test_last_line_is_never_a_heading() -> None:
    assert classes(PROSE, "Fin de partie") == ["paragraph", "paragraph"]


def test_social_media_attribution_is_not_a_heading() -> None:
    assert classes(PROSE, "Jeanne Martin @jmartin · 10:42 UTC · 3 mars 2025", PROSE2)[1] == "paragraph"


def test_quotation_over_several_lines_french_style() -> None:
    """Each paragraph of a long quotation reopens with « and only the last one closes."""
    result = classes(PROSE, "Il a écrit ceci :", "« Premier paragraphe de la citation.",
                     "« Deuxième paragraphe, avec un « mot » cité.", "Troisième et dernier. »", PROSE2)
    assert result == ["paragraph", "paragraph", "quote", "quote", "quote", "paragraph"]


def test_quotation_closed_before_the_end_of_its_line_is_prose() -> None:
    assert classes(PROSE, "« Je respecte votre travail », a répondu le patron.", PROSE2)[1] == "paragraph"


def test_unclosed_quotation_is_prose() -> None:
    assert classes(PROSE, "« Une citation qui ne se ferme jamais.", PROSE2)[1] == "paragraph"


# --- invariants ----------------------------------------------------------------------

line_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",),
                                  exclude_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
                    max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(line_text, st.sampled_from([PROSE, PROSE2, "", "par Jean Dupont",
                                                       "Abonnez-vous !", "Commentaires", "« Début",
                                                       "fin. »", "Un titre"])), max_size=30))
def test_every_non_blank_line_is_kept_or_recorded(texts: list[str]) -> None:
    result = clean(lines(*texts))
    kept = {b.line: b.text for b in result.blocks}
    removed = {r.line: r.text for r in result.removed}
    for number, text in enumerate(texts, start=1):
        if text.strip():
            assert (number in kept) != (number in removed)
            assert (kept.get(number) or removed.get(number)) == text.strip()
        else:
            assert number not in kept and number not in removed
    assert [b.id for b in result.blocks] == [f"p{i}" for i in range(1, len(result.blocks) + 1)]


BOILERPLATE = ["Soutenez notre rédaction.", "Abonnez-vous à notre chaîne !", "-", "Publicité",
               "Merci d'avoir signalé !", "Cliquez ici pour lire l'article depuis sa source."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([PROSE, PROSE2]), min_size=1, max_size=8),
       st.lists(st.sampled_from(BOILERPLATE), max_size=4),
       st.lists(st.sampled_from([*BOILERPLATE, ""]), max_size=4))
def test_boilerplate_around_an_article_never_changes_its_body(
        body: list[str], before: list[str], after: list[str]) -> None:
    result = clean(lines(*before, *body, *after))
    assert [b.text for b in result.blocks] == body
    assert all(r.reason is not None for r in result.removed)


@given(st.text(alphabet=st.sampled_from(APOSTROPHES + SPACES + "\u2010\u2011- aé«»"), max_size=200))
def test_punctuation_is_unified_character_for_character(text: str) -> None:
    unified = unify_punctuation(text)
    assert len(unified) == len(text)
    assert unified == text.translate(_PUNCT_TABLE)
    assert not set(unified) & (set(APOSTROPHES) - {"'"}) and not set(unified) & set(SPACES)
