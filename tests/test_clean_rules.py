"""The cleaner beyond the classes of its case files (tests/golden/clean/rules/): what it
detects of the metadata, exotic whitespace, and its invariants."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.errors import InputError
from build_tools.ingest import load_articles
from build_tools.ingest.clean import byline_match, classify_line, clean
from build_tools.ingest.cues import Where, load_cues
from build_tools.model import LineClass, MetaField, Reason, SourceLine
from build_tools.project import Paths
from build_tools.text.dates import StampKind, date_of_line, stamp
from build_tools.text.normalize import _PUNCT_TABLE, APOSTROPHES, SPACES, unify_punctuation

from conftest import CASES, ROOT, pages

PROSE = ("Les échanges entre les deux pays ont fortement augmenté au cours de la dernière "
         "décennie, portés par la demande d'énergie et par de nouveaux accords commerciaux.")
PROSE2 = ("Selon plusieurs économistes, cette évolution devrait se poursuivre dans les années à "
          "venir, même si les tensions politiques pèsent sur les investissements étrangers.")


def lines(*texts: str) -> list[SourceLine]:
    return [SourceLine(i, t) for i, t in enumerate(texts, start=1)]


def author(*texts: str) -> str | None:
    """The author the cleaner reads on a page of these lines."""
    return clean(lines(*texts)).detected.author


def one(text: str) -> tuple[LineClass, Reason | None]:
    cl = classify_line(SourceLine(1, text))
    return cl.cls, cl.reason


# Any run of whitespace separates the headlines: spaces of every kind, tabs, line separators.
@pytest.mark.parametrize("gap", ["\u00a0\u00a0\u00a0\u00a0", "   ", "\t\t\t", " \u2028 ", "\u2029\u2029\u2029",
                                 "\u3000\u3000\u3000", "\x85\x85 "])
def test_news_ticker_is_many_headlines_run_together(gap: str) -> None:
    headlines = ["Grève des transports : le trafic perturbé", "Météo : pluie sur le nord",
                 "Football : victoire à domicile", "Un nouveau musée ouvre ses portes",
                 "Budget : le débat reprend", "Élections : les listes déposées"]
    assert one(gap.join(headlines)) == (LineClass.BOILERPLATE, Reason.TICKER)
    assert one("   ".join(headlines[:3]))[0] is LineClass.PARAGRAPH  # too few headlines


# --- metadata the cleaner detects ------------------------------------------------------

def test_title_before_byline_and_standfirst_after() -> None:
    result = clean(lines("Le grand virage de l'industrie", "par Jeanne Martin",
                         "Une analyse des chiffres publiés cette semaine.", PROSE))
    assert [cl.cls.value for cl in result.lines] == ["title", "byline", "standfirst", "paragraph"]
    assert result.detected.title == "Le grand virage de l'industrie"
    assert result.detected.author == "Jeanne Martin"


def test_a_byline_gives_its_name_and_a_byline_of_names_all_of_them() -> None:
    assert author("Un titre", "par Laetitia ASGARALI DUMONT | Reportage : Quentin Fichet", PROSE) \
        == "Laetitia ASGARALI DUMONT"
    assert author("Un titre", "le 24 novembre 2025 13:28", "Luc Ferrandez", "Nathalie Normandeau",
                  "Nathalie Normandeau", PROSE) == "Luc Ferrandez et Nathalie Normandeau"
    assert author("Un titre", "Luc Ferrandez", "Nathalie Normandeau", "Paul Arcand", "le 24 novembre 2025 13:28",
                  PROSE) == "Luc Ferrandez, Nathalie Normandeau et Paul Arcand"
    assert author("Le grand virage de l'industrie", "", "Francis Pilon", PROSE) == "Francis Pilon"
    assert author("Un titre", "Par Géry Brusselmans  - 17 mai 2019 à 07:05 | 1232 vues", PROSE) == "Géry Brusselmans"
    assert author("Un titre", "par France 24 FR", PROSE) == "France 24 FR"  # a name with a number in it
    assert author("Un titre", "par 2 voix contre 1", PROSE) is None
    assert author(PROSE, PROSE2, "Franck Mathiau", "Commentaires") == "Franck Mathiau"
    assert author(PROSE, "Donald Trump", PROSE2) is None  # a heading between two paragraphs
    assert author("Les viticulteurs bordelais accusent le coup", "Guillaume Dreschler - Mis à jour le . 1 min",
                  PROSE) == "Guillaume Dreschler"  # with an update stamp, its date left empty
    assert author("Un titre", "Par Hugo Diverres • Publié le", PROSE) == "Hugo Diverres"  # its date left out
    assert author("Un titre", "24.11.2021, par Marie-Laure Chapatte, responsable Communication & Pôle économique",
                  PROSE) == "Marie-Laure Chapatte"  # the date first, in figures; the author's role after
    assert author("Un titre", "Publié le 11 juillet 2024 par Pierre Lelièvre", PROSE) == "Pierre Lelièvre"


def test_a_byline_that_signs_the_article_gives_its_author_and_the_head_its_date() -> None:
    """The case of tests/golden/clean/rules/dated-list.txt where a byline signs the article
    ("Par : X| +Rubrique+…") above a list of other articles, stamped newest first."""
    signed = next(page for page in pages(CASES / "dated-list.txt")
                  if any(text.startswith("Par : Bastien Claverie") for _, text in page))
    detected = clean(lines(*(text for _, text in signed))).detected
    assert detected.author == "Bastien Claverie"
    assert detected.date == dt.date(2020, 3, 27)  # not the list's first stamp, nearer the byline


def test_an_update_stamp_alone_gives_no_publication_date() -> None:
    def date(*texts: str) -> dt.date | None:
        return clean(lines(*texts)).detected.date

    assert date("Verglas et neige sur nos routes", "Mise à jour : dimanche 24 février 2013 08h46", PROSE) is None
    assert date("Un titre", "Publié le 2 août 2025 Mis à jour le 3 août 2025", PROSE) == dt.date(2025, 8, 2)
    assert date("Un titre", "Mis à jour le 06/12/2025, publié le 05/12/2025", PROSE) == dt.date(2025, 12, 5)
    assert date("Un titre", "Dernière modification de la publication : 05/12/2025", PROSE) is None
    assert date("Un titre", "Date de la publication : 05/12/2025", PROSE) == dt.date(2025, 12, 5)
    # The update's label alone, its date on the next line: the date is the update's; the label
    # is no one's name.
    updated = clean(lines("Un titre", "Dernière mise à jour", "22.07.25", PROSE))
    assert (updated.detected.date, updated.detected.author) == (None, None)
    assert date("Un titre", "Publié le :", "22.07.25", PROSE) == dt.date(2025, 7, 22)


def test_a_date_line_gives_the_author_beside_the_date_when_no_byline_does() -> None:
    def meta(line: str) -> tuple[str | None, dt.date | None]:
        result = clean(lines("Jean-Paul Delevoye, monsieur retraites", line, PROSE, PROSE2))
        return result.detected.author, result.detected.date

    assert meta("Marie Merlet | lundi 9 décembre 2019 à 09h08") == ("Marie Merlet", dt.date(2019, 12, 9))
    assert meta("Agence de presse Xinhua | 21. 06. 2025") == ("Xinhua", dt.date(2025, 6, 21))  # the agency's name
    assert meta("13.10.2020, Yannis Papadaniel") == ("Yannis Papadaniel", dt.date(2020, 10, 13))  # the date first
    # A date, a comma and words that are no name is no date line.
    assert date_of_line("Le 12 mars 2025, Paris accueille le sommet") is None
    assert meta("French.china.org.cn | Mis à jour le 21-06-2025") == (None, dt.date(2025, 6, 21))  # a site's
    assert meta("Le Monde.fr avec AFP | 05.07.2011 à 22h09 • Mis à jour le 05.07.2011 à 22h09") \
        == ("Le Monde.fr avec AFP", dt.date(2011, 7, 5))
    assert meta("AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)") == ("AFP", dt.date(2015, 4, 30))
    assert meta("AFP 30 avril 2015, une journée de deuil")[1] is None  # a sentence after the date


def test_a_dispatch_s_closing_credit_names_its_author_when_no_byline_does() -> None:
    assert author("Berne interdit désormais le chlorothalonil", PROSE, PROSE2 + " (ats/nxp)") == "ats"
    assert author("Google à Bissen", PROSE, PROSE2, "(jt/L'essentiel)") == "jt"
    assert author("Notre enquête", PROSE, PROSE2 + " (1/2)") is None  # a part's number
    assert author("Didier Reynders veut mettre les imams sous contrôle", "Belga", "", "Mis en ligne samedi 2 mars 2013",
                  PROSE, PROSE2) == "Belga"  # an agency's name alone by the date
    assert author("Un titre", PROSE, "Fashion Week Paris : Yamamoto (automne/hiver)", PROSE2) is None  # a headline's


def test_a_run_of_excerpts_cut_short_is_no_article_however_long() -> None:
    teasers = ["Bilbo, comme tous les Hobbits, coule des jours heureux dans la Comté. Mais un jour, un magicien vient "
               "frapper à sa porte avec une troupe de nains qui…",
               "Los Angeles, 1949. Un parrain impitoyable de la mafia règne sur la ville et récolte les profits de la "
               "drogue, des armes, du jeu et de la prostitution, avec la protection de policiers et de juges qui…",
               "Une famille passe ses vacances d'hiver au bord de la mer, quand une vague immense venue du large "
               "emporte tout sur son passage, les hôtels comme les maisons des pêcheurs, et sépare les…"]
    others = [f"Un autre titre du site, numéro {n}" for n in range(1, 18)]  # a box of links: the runs part
    page = ["Le nouveau nom de la banque fait déjà le buzz", PROSE, "", "Haut de la page", "Autres Informations",
            *others, "Actuellement au cinéma", "Le Hobbit", teasers[0], "Gangster Squad", teasers[1], "The Impossible",
            teasers[2]]
    result = clean(lines(*page))
    assert [b.text for b in result.blocks] == [PROSE]
    assert {r.text for r in result.removed} >= set(teasers)
    # Alone on the page, such a run is the text.
    assert [b.text for b in clean(lines("Un titre", *teasers)).blocks] == teasers


def test_a_cookie_notice_at_the_end_of_the_page_is_no_article_however_long() -> None:
    notice = ["Soucieux de la protection de vos données personnelles, nous vous informons que sur ce site, l’éditeur "
              "et des tiers utilisent des cookies pour mesurer l’audience, partager du contenu et vous proposer des "
              "services adaptés à vos centres d’intérêt. Ces cookies sont déposés sur votre appareil lors de votre "
              "visite, et certains d’entre eux nécessitent votre accord préalable, que vous donnez ou refusez ici.",
              "Partage avec les réseaux sociaux : pour vous permettre de partager du contenu sur les réseaux sociaux "
              "et autres plateformes présents sur notre site, et de suivre leur usage, pendant treize mois au plus.",
              "Sur ce site, des cookies sont déposés par l’éditeur et des tiers. En dehors de ceux qui sont "
              "strictement nécessaires au fonctionnement du site, ils ne le sont qu’avec votre accord, que vous "
              "pouvez retirer à tout moment depuis la page de gestion des cookies, en bas de chacune des pages de ce "
              "site et de ses applications."]
    others = [f"Un autre titre du site, numéro {n}" for n in range(1, 18)]  # a box of links: the runs part
    result = clean(lines("Le bulletin blanc, un vote qui ne compte pas", PROSE, PROSE2, "", *others, *notice))
    kept = [b.text for b in result.blocks]
    # The article ends with its text: the links under it are the page's. (The notice's paragraphs,
    # sentences as long as an article's after it, stay: the cleaner keeps prose when unsure.)
    assert kept[:2] == [PROSE, PROSE2] and not set(kept) & set(others)


def test_a_box_between_two_paragraphs_takes_its_short_lines_and_leaves_the_article_s() -> None:
    prose3 = ("Les autorités locales ont annoncé de nouvelles mesures pour soutenir les familles touchées, dont une "
              "aide d'urgence versée dès le mois prochain.")
    page = ["Un titre d'article assez long pour être un titre", PROSE,
            "Abonnez-vous", "Newsletter International", "Merci de saisir votre adresse e-mail", "OK",
            "Votre e-mail, avec votre consentement, est utilisé par le journal pour recevoir notre newsletter.",
            "Le récit des témoins", PROSE2,
            "LIRE AUSSI :", "» Le fil des événements de jeudi :", "Publicité", prose3]
    kept = [b.text for b in clean(lines(*[x for text in page for x in (text, "")])).blocks]
    # The box's name and button go with it; the heading under it, and a line between two boxes
    # of different kinds (a « Lire aussi », an ad), stay the article's.
    assert kept == [PROSE, "Le récit des témoins", PROSE2, "» Le fil des événements de jeudi :", prose3]


def test_a_browser_tab_s_title_gives_the_headline_without_the_site_s_name() -> None:
    def title(line: str) -> str | None:
        return clean(lines(line, "Par Jeanne Martin", PROSE, PROSE2)).detected.title

    assert title("L'hôpital est victime d'une cyberattaque<!-- --> | Atlantico.fr") \
        == "L'hôpital est victime d'une cyberattaque"
    assert title("L'hôpital est victime d'une cyberattaque | Le Monde") == "L'hôpital est victime d'une cyberattaque"
    assert title("Coupe : Genk - Anderlecht 1-0 après prolongations (direct)") \
        == "Coupe : Genk - Anderlecht 1-0 après prolongations (direct)"  # a dash is the headline's own


def test_a_portal_s_stamp_run_into_the_headline_gives_the_date_not_the_title() -> None:
    headline = "« L'accès à l'Internet est de 80 % » (MINISTRE)"
    result = clean(lines(f"16-05-2025 10:02 - {headline}", "", PROSE, PROSE2))
    assert result.lines[0].cls is LineClass.TITLE
    assert (result.detected.title, result.detected.date) == (headline, dt.date(2025, 5, 16))
    # A live page's items, a day and a time over each, are no title.
    assert clean(lines("18-04 à 17:52 « Fusion AI préfigure les systèmes de demain »", "", PROSE,
                       PROSE2)).detected.title is None


def test_a_headline_over_a_standfirst_cut_short_is_the_title() -> None:
    title = "Stade Rennais: Le Portugais Paulo Fonseca pour remplacer Christian Gourcuff?"
    standfirst = "FOOTBALL Le club breton recherche un technicien étranger..."
    result = clean(lines("Accueil", "Sport", "Football", title, "", standfirst, "", "Jeremy Goujon", "",
                         "Publié le 22/10/17 à 19h49", "", PROSE, PROSE2))
    assert result.detected.title == title
    assert [b.text for b in result.blocks] == [standfirst, PROSE, PROSE2]


def test_the_signatures_of_embedded_tweets_are_no_copies_of_each_other() -> None:
    signature = "— Téléfoot (@telefoot_TF1) June 1, 2018"
    tweets = ["Les Bleus s'échauffent sous les applaudissements du public niçois pic.twitter.com/abc",
              "Premier but de la soirée pour les Bleus, sur une frappe lointaine pic.twitter.com/def"]
    page = ["Les Bleus s'ambiancent avant le match", PROSE, tweets[0], signature, PROSE2, tweets[1], signature, PROSE]
    assert [b.text for b in clean(lines(*page)).blocks].count(signature) == 2


def test_an_article_without_a_byline_may_credit_its_author_in_its_own_text() -> None:
    credit = " (Reportage de Caroline Valetkevitch, édition de Lance Tupper et David Gregorio)"
    assert author("Les puces portent la Bourse", PROSE, PROSE2 + credit) == "Caroline Valetkevitch"
    assert author("Un titre", PROSE, PROSE2 + " (Reportage Jean Dupont ; version française Claude Chendjou)") \
        == "Jean Dupont"
    standfirst = ("Entre Martigny et Brigue, des instituts de recherche emploient beaucoup de scientifiques. A Sion, "
                  "le campus s’agrandit et un nouveau pôle verra le jour en 2022. Par Ghislaine Bloch et Jean Buchs")
    assert author("Le Valais, terreau fertile de l’innovation", standfirst, PROSE, PROSE2) \
        == "Ghislaine Bloch et Jean Buchs"
    # Every line stays the article's.
    assert [b.text for b in clean(lines("Un titre", standfirst, PROSE, PROSE2 + credit)).blocks][-1] == PROSE2 + credit
    # Not a credit: a name in a sentence, a credit in a paragraph the article goes on after, a single word.
    assert author("Un titre", "Le président a été reçu samedi par Emmanuel Macron", PROSE, PROSE2) is None
    assert author("Un titre", PROSE + credit, PROSE2) is None
    assert author("Un titre", PROSE2 + " Par Macron", PROSE) is None
    assert author("Un titre", PROSE, "Le ministre l’a dit (par la voix de Jean Dupont)") is None


def test_a_first_paragraph_may_open_with_its_author_s_name_and_a_dash() -> None:
    signed = "Normand Gosselin – " + PROSE
    assert author("Les entreprises des Laurentides embarquent", signed, PROSE2) == "Normand Gosselin"
    dated = "(Stéphane Martin, 13 novembre 2025) – " + PROSE
    assert author("L'IA et les journalistes", dated, PROSE2) == "Stéphane Martin"
    # The paragraph stays the article's, word for word.
    assert next(b.text for b in clean(lines("Un titre", signed, PROSE2)).blocks) == signed
    # Not a signature: a kicker in capitals, a phrase an article opens, a single word, a name further on.
    assert author("Un titre", "DÉCRYPTAGE SUD RADIO - " + PROSE, PROSE2) is None
    assert author("Un titre", "Le Canada – " + PROSE, PROSE2) is None
    assert author("Un titre", "Montréal – " + PROSE, PROSE2) is None
    assert author("Un titre", PROSE, "Normand Gosselin – " + PROSE2) is None
    # A byline wins.
    assert author("Un titre", "Par Jeanne Martin", signed, PROSE2) == "Jeanne Martin"


def test_a_name_with_its_author_page_s_link_by_an_empty_date_label_is_the_author() -> None:
    assert author("Un titre", "Ousmane Traoré SambaVoir tous ses articles", "Le", "Actus", PROSE, PROSE2) \
        == "Ousmane Traoré Samba"
    # A label whose date is on the next line is no byline's place: the rubric over it is no name.
    assert author("L'actu du Numérique", "Publié le :", "6/4/2022", "Un titre", PROSE, PROSE2) is None


def test_a_headline_on_two_lines_is_read_as_one_title() -> None:
    first = "Les législateurs européens adoptent la première loi sur l'IA,"
    second = "Mais elle pourrait rendre le marché européen peu attrayant"
    assert clean(lines(first, second, "Le , par Mathis Lucas", PROSE, PROSE2)).detected.title == f"{first} {second}"
    # Without the comma, the second line is the standfirst, not the title's.
    assert clean(lines(first[:-1], second, "Le , par Mathis Lucas", PROSE, PROSE2)).detected.title == first[:-1]


def test_a_byline_s_name_stops_at_the_date_line_s_words_and_is_read_once() -> None:
    assert author("Un titre", "Par Jérôme MEYRAND Publié le 22/11/2021", PROSE) == "Jérôme MEYRAND"
    assert author("Un titre", "Sous-traitance Par Jérôme MEYRAND Publié le 22/11/2021", PROSE) == "Jérôme MEYRAND"
    assert author("Un titre", "Dossier réalisé par Lucie Grolleau Frécon", PROSE) == "Lucie Grolleau Frécon"
    # A name written twice, once; initials may repeat a letter.
    assert author("Un titre", "M. Montagne M. Montagne", "12 janvier 2024", PROSE) == "M. Montagne"
    assert author("Un titre", "Par D.D.", PROSE) == "D.D."


def test_a_place_run_into_the_headline_with_a_space_is_no_part_of_the_title() -> None:
    def title(line: str) -> str | None:
        return clean(lines(line, "12 janvier 2024", PROSE, PROSE2)).detected.title

    assert title("Médiathèque Valais A Martigny, une exposition pour aborder le climat") \
        == "A Martigny, une exposition pour aborder le climat"
    assert title("Gaza Le cessez-le-feu tient malgré les frappes") == "Le cessez-le-feu tient malgré les frappes"
    # Not a kicker: a place in capitals the headline writes, a title in capitals, a name and its verb.
    assert title("BAGNOLS Les entreprises du numérique montrent leur dynamisme") \
        == "BAGNOLS Les entreprises du numérique montrent leur dynamisme"
    assert title("Lot A Venir : Toute une journée dans le canton") == "Lot A Venir : Toute une journée dans le canton"
    assert title("Emmanuel Macron annonce un plan pour l'industrie") \
        == "Emmanuel Macron annonce un plan pour l'industrie"


def test_a_name_alone_with_its_date_after_a_slash_is_the_byline_at_the_text_s_edge() -> None:
    result = clean(lines("321 logements abordables à Esch", "Laurent / Publié le 11:10 18.10.2022", PROSE, PROSE2))
    assert (result.detected.author, result.detected.date) == ("Laurent", dt.date(2022, 10, 18))
    # With no mark between, the word is the stamp's subject: no one's name, and the date an update's.
    result = clean(lines("321 logements abordables à Esch", "Article mis à jour le 12 mars 2024 à 09:15", PROSE))
    assert (result.detected.author, result.detected.date) == (None, None)


def test_a_name_alone_beside_the_source_line_is_the_byline() -> None:
    page = ("Bas-Oha veut allier physique, jeunesse et humilité", "Mail", "Print", "Source: lavenir", "Luc BAJZA",
            "Video", "Sur le même sujet", "06/08/12 Albert Gonthier a tout vu", PROSE, PROSE2)
    result = clean(lines(*page))
    assert (result.detected.author, result.detected.title) == ("Luc BAJZA", page[0])  # « Print » is a button


def test_an_author_read_from_a_name_alone_is_doubted_and_one_from_a_byline_is_not() -> None:
    doubts = clean(lines("321 logements abordables à Esch", "Alain Lune", "12 mars 2024", PROSE)).detected.doubts
    assert [(d.field, d.line) for d in doubts] == [(MetaField.AUTHOR, 2)]
    assert "name alone" in doubts[0].why
    assert clean(lines("321 logements abordables à Esch", "Par Alain Lune", "12 mars 2024", PROSE)).detected.doubts \
        == ()


def test_a_column_s_headline_may_name_its_author_after_a_comma() -> None:
    headline = "L'IA et nous : boum, krach et étape suivante, par Eric Lemaire"
    assert author(headline, PROSE, PROSE2) == "Eric Lemaire"
    assert clean(lines(headline, PROSE, PROSE2)).detected.title == headline  # the headline as written
    assert author(headline, "Par Jeanne Martin", PROSE, PROSE2) == "Jeanne Martin"  # a byline first
    assert author("Les pays façonnés par Donald Trump", PROSE, PROSE2) is None  # no comma: the headline's words


def test_a_button_s_label_and_its_network_are_no_name() -> None:
    assert author("321 logements abordables à Esch", "Partager Facebook", "12 mars 2024", PROSE) is None
    assert author("321 logements abordables à Esch", "Accueil Économie", "12 mars 2024", PROSE) is None
    assert author("321 logements abordables à Esch", "Marine Le Pen", "12 mars 2024", PROSE) == "Marine Le Pen"


def test_the_rubric_of_a_site_s_front_page_is_no_name() -> None:
    result = clean(lines("321 logements abordables à Esch", "A la Une Économie Analyse", "12 mars 2024", PROSE))
    assert (result.detected.author, result.detected.date) == (None, dt.date(2024, 3, 12))
    assert author("321 logements abordables à Esch", "Alain Lune", "12 mars 2024", PROSE) == "Alain Lune"


def test_initials_under_the_last_paragraph_sign_an_article_without_a_byline() -> None:
    assert author("Un titre", PROSE, PROSE2, "A.P-L.", "Partager") == "A.P-L."
    assert author("Un titre", PROSE, PROSE2, "", "S.C.", "© La Dernière Heure 2013") == "S.C."
    assert author("Un titre", PROSE, PROSE2, "M.Ba.") == "M.Ba."  # an initial with one small letter
    # Not a signature: initials further down, a byline over the text.
    assert author("Un titre", PROSE, PROSE2, "Partager", "Facebook", "A.P-L.") is None
    assert author("Un titre", "Par Jeanne Martin", PROSE, PROSE2, "A.P-L.") == "Jeanne Martin"


def test_a_byline_names_each_reporter_with_their_role_and_its_date_is_the_article_s() -> None:
    byline = "Par Raphaël Balenieri, correspondant à Pékin et Frédéric Autran, correspondant à New York — 5 avril 2017"
    menu = ["Un autre article du site, dans le menu", "7 novembre 2018 à 10:17",
            "Encore un autre article du menu", "6 novembre 2018 à 18:26",
            "Le journal du jour", "Politiques", "Sports", "Abonnement", "Contact", "Publicité", "Diplomatie"]
    result = clean(lines(*menu, "Donald Trump et Xi Jinping, tentative de flirt en Floride", byline, PROSE, PROSE2))
    assert (result.detected.author, result.detected.date) == ("Raphaël Balenieri et Frédéric Autran",
                                                              dt.date(2017, 4, 5))
    # The headline written first in a sticky bar over the menu: the date is the one by the byline.
    title = "Donald Trump et Xi Jinping, tentative de flirt en Floride"
    result = clean(lines(title, *menu, title, "Par Raphaël Balenieri", "5 avril 2017 à 19:26", PROSE, PROSE2))
    assert result.detected.date == dt.date(2017, 4, 5)
    result = clean(lines("Grève à Radio France", "Le Monde.fr avec AFP", "", "Publié le 12 avril 2015 à 22h23", PROSE))
    assert result.detected.author == "Le Monde.fr avec AFP"
    # Their role right after their names, with no mark between.
    result = clean(lines("Ayrault « assume » sa méthode", "27 octobre 2012 à 18:27",
                         "Par LILIAN ALEMAGNA, LAURE BRETTON Envoyés spéciaux à Toulouse", PROSE, PROSE2))
    assert result.detected.author == "LILIAN ALEMAGNA, LAURE BRETTON"


def test_a_byline_may_name_the_author_with_auteur_or_give_the_date_after_le() -> None:
    assert author("Un titre", "Auteur : Kossivi Tiassou", PROSE) == "Kossivi Tiassou"
    assert author("Un titre", "Auteur: Anna Kubišta", PROSE) == "Anna Kubišta"
    assert author("Un titre", "Publié par Jeanne Martin", PROSE) == "Jeanne Martin"
    assert author("Un titre", "Par\u00a0Matthieu Hy le 07 Mai 2020", PROSE) == "Matthieu Hy"
    assert clean(lines("Un titre", "Par Nicolas Gutierrez C. le 14.09.2020 à 11h46", PROSE)).detected.date \
        == dt.date(2020, 9, 14)
    result = clean(lines("Un titre", "jeudi 13 juin 2019, par Attac France", PROSE))
    assert (result.detected.author, result.detected.date) == ("Attac France", dt.date(2019, 6, 13))
    assert author("Un titre", "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)", PROSE) \
        == "Martin Untersinger (avec Damien Leloup et Morgane Tual)"
    assert clean(lines("Un titre", "Publié le 27 octobre 2023 à 15h01 Lecture 1 min.", PROSE)).detected.date \
        == dt.date(2023, 10, 27)  # its reading time after it
    assert author("Un titre", "Ouest-France Recueilli par Patrick ANGEVIN. Publié le 02/11/2023 à 14h49", PROSE) \
        == "Patrick ANGEVIN"
    assert author("Un titre", "A Rennes, Camille Allain", PROSE) == "Camille Allain"  # where the reporter writes from
    assert author("Un titre", "À Kinshasa, RDC", PROSE) is None  # a dateline's place, no one's name
    assert author("Un titre", "Auteur : il faut relire la loi", PROSE) is None
    assert author("Un titre", "Par ailleurs le 12 mars, le ministre a parlé.", PROSE) is None
    assert author("Un titre", "ByÉquipe LeJourPile", "Oct 2, 2025", PROSE) == "Équipe LeJourPile"  # glued
    assert byline_match("ParisMatch Le Mag", 240) is None  # a word that starts so, a capital after it
    assert author("Un titre", "Par Élise Prioleau, rédactrice", PROSE) == "Élise Prioleau"  # the role after
    # A newsroom's desk over its journalist's name, one under the other: the journalist.
    assert author("Un titre", "La rédaction", "Claude Mounissens", "Publié le 21 octobre 2025", PROSE) \
        == "Claude Mounissens"
    assert author("Un titre", "La rédaction", "Publié le 21 octobre 2025", PROSE) == "La rédaction"


def test_a_byline_among_a_line_s_parts_gives_the_author_and_the_title_stands_near_it() -> None:
    head = ["Suivre Regards sur Twitter", "S'abonner aux flux RSS de Regards", "Newsletter", "Politique", "Société",
            "Monde", "Idées", "Contact", "Boutique", "CC"]
    title = "Deux ans et demi en Macronie : une condamnation et dix mises en examen"
    result = clean(lines(*head, "Accueil | Par Loïc Le Clerc | 30 septembre 2018", title, PROSE, PROSE2))
    assert (result.detected.author, result.detected.date) == ("Loïc Le Clerc", dt.date(2018, 9, 30))
    assert result.detected.title == title  # under its byline, not a headline of the menu far above it
    assert clean(lines("Un titre", "Le Monde | 04.05.2015 à 13h36 | Par Martin Untersinger", PROSE)).detected.author \
        == "Martin Untersinger"
    assert clean(lines("Un titre", "Accueil | Monde | Par ailleurs", PROSE)).detected.author is None


@pytest.mark.parametrize(("text", "expected"), [
    ("04.12.2019", (StampKind.DATE, (2019, 12, 4))),
    ("Créé: 12.12.2019, 07h36", (StampKind.DATE, (2019, 12, 12))),
    ("Publié le 1er août", (StampKind.DAY, (8, 1))),
    ("10/11 [Communiqué] En pleine COP26", (StampKind.DAY, (11, 10))),
    ("14:44 Accusations de viols : 14 militaires mis en cause", (StampKind.TIME, (14, 44))),
    ("gabriel sempéré Le 11 septembre 2018 à 12:57", None),  # a name first: a comment's signature
    ("12 h de grève", None),
    ("25:70 au compteur", None),
])
def test_a_stamp_is_the_moment_a_line_opens_with(text: str, expected: object) -> None:
    assert stamp(text) == expected


def test_the_article_s_date_is_the_one_nearest_its_title_and_a_headline_over_it_the_title() -> None:
    menu = ["Infos", "Sports", "Economie", "Regions", "Blogs"]
    title = "Budget: l'effort de 2 milliards € confirmé"
    standfirst = "Olivier Chastel rencontrera tous ses collègues lundi et mardi pour passer en revue leurs budgets"
    result = clean(lines("13 janvier 2013", *menu, "DH Infos > Belgique", title, "(26/02/2012)", "© Christophe Bortels",
                         standfirst, PROSE, PROSE2))
    assert (result.detected.title, result.detected.date) == (title, dt.date(2012, 2, 26))
    assert [cl.text for cl in result.lines if cl.cls.is_body] == [standfirst, PROSE, PROSE2]


def test_a_date_above_the_site_s_navigation_is_the_site_s_day_not_the_article_s() -> None:
    menu = ["Actu", "Sport", "Buzz", "Régions", "Rechercher:", "Ici: Accueil » Société » Trafic"]
    page = ["Dimanche 24 février 2013", *menu, "Mise à jour : dimanche 24 février 2013 08h46",
            "Verglas et neige sur nos routes", PROSE, PROSE2]
    assert clean(lines(*page)).detected.date is None
    # Under the navigation, by the title, the same line is the article's.
    page = [*menu, "Dimanche 24 février 2013", "Verglas et neige sur nos routes", PROSE, PROSE2]
    assert clean(lines(*page)).detected.date == dt.date(2013, 2, 24)


def test_a_date_line_ending_with_its_comment_count_gives_the_date() -> None:
    result = clean(lines("Mardi 24 janvier 2017 | Mise en ligne à 12h02 |  Commentaires (85)",
                         "Certains rêvent d'un nouveau port à Anvers", PROSE, PROSE2))
    assert result.detected.date == dt.date(2017, 1, 24)


def test_a_date_run_into_the_words_of_the_head_is_the_article_s_but_not_further_down() -> None:
    title = "Le marché des centres de données au Maroc"
    for glued, date in (("Rédaction K2 septembre 2025 - 13:43", dt.date(2025, 9, 2)),
                        ("Martin Clavey Politique 20 janvier 202020 janvier 2020évaluation, HCERES",
                         dt.date(2020, 1, 20))):
        result = clean(lines(title, glued, PROSE, PROSE2))
        assert (result.detected.title, result.detected.date) == (title, date)
        assert [cl.text for cl in result.lines if cl.cls.is_body] == [PROSE, PROSE2]
    # Under the article, a box's teaser's byline and date run together: no date of the article's.
    result = clean(lines(title, PROSE, PROSE2, "Jeanne Martin - 21 novembre 2025Économie"))
    assert result.detected.date is None
    # A date with spaces around is no run-together date.
    assert clean(lines(title, "Les élections du 2 septembre 2025 approchent", PROSE, PROSE2)).detected.date is None


def test_a_date_opening_a_link_of_a_box_over_the_article_is_another_article_s() -> None:
    page = ["Bas-Oha veut allier physique, jeunesse et humilité", "Mise à jour : lundi 06 août 2012 07h00",
            "Sur le même sujet", "06/08/12 « Il y a de l'envie sur le terrain »", PROSE, PROSE2]
    assert clean(lines(*page)).detected.date is None
    # Not in a box, a line of the head that opens with the date gives it.
    page = ["Bas-Oha veut allier physique, jeunesse et humilité", "06/08/12 Wanze", PROSE, PROSE2]
    assert clean(lines(*page)).detected.date == dt.date(2012, 8, 6)


def test_a_box_s_teaser_over_the_article_s_head_is_the_page_s() -> None:
    teaser = ("Le cancérologue français Dominique Belpomme est invité par l'université de Liège à Gembloux "
              "pour y présenter ses travaux sur les effets des pesticides sur la santé des agriculteurs.")
    title = "La Grèce doit être plus convaincante"
    page = lines("la sélection", "Belpomme : « On peut se passer des pesticides »article bloqué", "", teaser, "",
                 "actu", "Monde", "Tweet", title, "Aurore Peignois, avec l'AFP.",
                 "Lundi 8 octobre 2012, 00h12 | mis à jour Mardi 9 octobre 2012, 06h28", PROSE, PROSE2)
    result = clean(page)
    assert result.detected.title == title
    assert [cl.text for cl in result.lines if cl.cls.is_body] == [PROSE, PROSE2]


def test_a_widget_s_line_over_an_update_stamp_is_no_title_and_a_source_in_small_letters_signs() -> None:
    title = "Une centaine de nageurs pour la 45e édition de la traversée hivernale de la Meuse à Huy"
    page = lines("Ici: Accueil » Belgique", "31 km de bouchons", "Mise à jour : dimanche 26 février 2012 13h07", "",
                 title, "facebook", "twitter", "partager", "envoyer", "imprimer", "Source: belga", "Video", "",
                 PROSE, PROSE2)
    assert (clean(page).detected.title, clean(page).detected.author) == (title, "Belga")


def test_a_date_opening_the_line_before_a_photo_s_caption_is_the_article_s() -> None:
    for line, date in (("12/06/12 - 09h27  © Photonews.", dt.date(2012, 6, 12)),
                       ("11/05/12 - 10h38  La brochure \"Migreren naar Vlaanderen\". © Capture d'écran.",
                        dt.date(2012, 5, 11))):
        assert clean(lines("Comment être un bon Flamand ?", "Par: Céline Bayet", line, PROSE, PROSE2)
                     ).detected.date == date
    assert clean(lines("Le grand virage de l'industrie", "Le 3/4/25 tout va bien, dit-il", PROSE)).detected.date is None


def test_the_article_starts_under_its_head_when_a_sign_in_box_s_prose_stands_far_above() -> None:
    # The date line's headline is the one under it: the feed's link above it is no title.
    box = ["Vous n'êtes pas encore membre ?",
           "L'utilisation de Facebook sert uniquement à simplifier votre inscription "
           "et aucune de vos activités ne sera partagée sur votre page sans votre accord."]
    menu = ["Vidéos", "Débats", "Chroniques", "Éditoriaux", "Blogues", "Nos collaborateurs", "Votre opinion",
            "Sports", "Hockey", "Soccer", "Tennis", "Golf", "Baseball", "Football", "Basketball", "Formule 1",
            "RSS Mathias Brunet"]
    title = "Certains rêvent d'un nouveau port à Anvers"
    result = clean(lines(*box, *menu, "Mardi 24 janvier 2017", title, PROSE, PROSE2,
                         PROSE2.replace("économistes", "analystes")))
    assert (result.detected.title, result.detected.author) == (title, None)
    assert next(cl.text for cl in result.lines if cl.cls.is_body) == PROSE


def test_an_update_stamp_is_no_comment_s_signature() -> None:
    page = lines("Le grand virage de l'industrie", PROSE, "Vos réactions (11)", "Article mis à jour le 7 janvier 2020.",
                 PROSE2, PROSE2.replace("économistes", "analystes"))
    assert all(cl.reason is not Reason.COMMENTS for cl in clean(page).lines[3:])


def test_names_in_author_boxes_one_under_the_other_are_all_the_authors() -> None:
    title = "Préparons proactivement l’Europe à la révolution de l’IA"
    boxes = ["Aiman Ezzat", "Auteur", "Directeur général, Capgemini",
             "Paul Hermelin", "Auteur", "Président du conseil d’administration, Capgemini"]
    assert clean(lines("11/03/2024", title, *boxes, PROSE, PROSE2)).detected.author == "Aiman Ezzat et Paul Hermelin"


def test_more_names_one_under_the_other_than_a_byline_gives_are_a_list_of_people() -> None:
    menu = ["Auteurs", "Pierre Puchot", "Léo Guy-Denarcy", "Barbara Stiegler", "Mark Alizart", "Mathias Girel"]
    result = clean(lines(*menu, "Pour le néolibéralisme, la retraite est un archaïsme", "Par Jeanne Martin", PROSE))
    assert result.detected.author == "Jeanne Martin"
    assert result.detected.author is not None and all(cl.cls is not LineClass.BYLINE for cl in result.lines[:6])


def test_title_without_byline_is_the_first_short_line() -> None:
    result = clean(lines("mardi 4 mars 2025", "", "Un titre sans signature.", "", PROSE))
    assert result.detected.title == "Un titre sans signature."
    assert result.detected.date == dt.date(2025, 3, 4)


def test_a_sentence_is_the_title_only_under_the_page_s_date() -> None:
    # A sentence with its full stop right under a menu is a photo's caption, no title.
    caption = "Le ministre lors de son discours devant les députés, ce mardi à Paris."
    assert clean(lines("Accueil | Monde | Économie |", caption, PROSE, PROSE2)).detected.title is None
    assert clean(lines("mardi 4 mars 2025", caption, PROSE, PROSE2)).detected.title == caption


def test_an_update_stamp_is_no_title_even_with_its_date_left_empty() -> None:
    result = clean(lines("Les viticulteurs bordelais accusent le coup", "Rédaction - Mis à jour le . 1 min", PROSE))
    assert result.detected.title == "Les viticulteurs bordelais accusent le coup"
    assert [b.text for b in result.blocks] == [PROSE]


def test_a_kicker_run_into_the_headline_is_not_in_the_title() -> None:
    def title(headline: str) -> str | None:
        return clean(lines(headline, "par Jeanne Martin", PROSE)).detected.title
    assert title("Intelligence artificielleL’attentisme de la Suisse irrite des élus") \
        == "L’attentisme de la Suisse irrite des élus"
    assert title("Nouvelle cyberattaqueDes Romands ont payé") == "Des Romands ont payé"
    for headline in ("L'IA de DeepSeek fait peur aux Américains", "YouTube lance un nouvel outil",
                     "Apple dévoile l'iPhone 16 en Californie", "Comment LinkedIn forme ses salariés"):
        assert title(headline) == headline  # a brand's inner capital


def test_no_title_when_the_text_starts_with_prose() -> None:
    result = clean(lines("par Jeanne Martin", PROSE, PROSE2))
    assert result.detected.title is None
    assert [b.kind.value for b in result.blocks] == ["paragraph", "paragraph"]


def test_a_dispatch_without_byline_is_its_agency_s() -> None:
    assert author(PROSE, PROSE2, "Source : AFP. Note : Cet article a été créé avec l'IA.") == "AFP"
    assert author(PROSE, PROSE2, "« Tous droits réservés. © 2025 Agence France-Presse. »") == "AFP"
    assert author("Un titre", "Par Jeanne Martin", PROSE, "Source : Reuters") == "Jeanne Martin"  # the byline first
    assert author(PROSE, PROSE2, "Source : JT 20h WE") is None  # a source that is no agency
    assert author("© 2025 Agence France-Presse", PROSE, PROSE2) is None  # a photo's credit, above the text


def test_a_byline_that_gives_the_date_gives_it_when_no_line_does() -> None:
    def date(*texts: str) -> dt.date | None:
        return clean(lines(*texts)).detected.date

    assert date("Un titre", "Par Géry Brusselmans  - 17 mai 2019 à 07:05 | 1232 vues", PROSE) == dt.date(2019, 5, 17)
    byline = "Par Christian Hounongbe, le 11 juin 2024 à 03h28 Durée 4 min."
    assert date("Un titre", byline, PROSE) == dt.date(2024, 6, 11)
    assert date("Un titre", byline, "12/06/2024", PROSE) == dt.date(2024, 6, 12)  # a date line first
    assert date("Un titre", "Par Jeanne Martin", PROSE) is None


def test_a_dispatch_s_dateline_names_a_known_agency_without_a_date() -> None:
    page = ("Le Vietnam réaffirme son engagement en matière d'IA",
            "New York (VNA) - L'ambassadeur a rencontré jeudi à New York le secrétaire général adjoint, "
            "envoyé du secrétaire général des Nations unies pour les technologies.", PROSE)
    assert author(*page) == "VNA"
    assert author(page[0], page[1].replace("(VNA)", "(PS)"), PROSE) is None  # a party's initials, no agency


def test_a_byline_may_give_the_date_right_after_the_name() -> None:
    for byline, name, day in (("Par Jeanne Martin 15 juin 2020", "Jeanne Martin", dt.date(2020, 6, 15)),
                              ("Par Jeanne Martin lundi 15 juin 2020", "Jeanne Martin", dt.date(2020, 6, 15)),
                              ("Par Jeanne Martin 12/03/2024 à 10h", "Jeanne Martin", dt.date(2024, 3, 12)),
                              ("Par Anne-Sophie Paquet-T. 12:13 PM - 18 août 2023", "Anne-Sophie Paquet-T.",
                               dt.date(2023, 8, 18))):  # the time first
        result = clean(lines("Un titre de l'article", byline, PROSE, PROSE2))
        assert (result.detected.author, result.detected.date) == (name, day)
        assert [cl.cls for cl in result.lines][1] is LineClass.BYLINE  # not the text's standfirst
    assert author("Un titre de l'article", "Par Jeanne Martin 15 heures de débat", PROSE) is None  # no date
    # The newsroom between the name and the date; the byline opening « Un article rédigé par ».
    for byline in ("Par Jeanne Martin - Radio Nord, le 26 mars 2025",
                   "Un article rédigé par Jeanne Martin - Radio Nord, le 26 mars 2025"):
        result = clean(lines("Un titre de l'article", byline, PROSE, PROSE2))
        assert (result.detected.author, result.detected.date) == ("Jeanne Martin", dt.date(2025, 3, 26))
    assert author("Un titre de l'article", "Un article rédigé par Jeanne Martin", PROSE) == "Jeanne Martin"
    assert author("Un titre de l'article", "Par AlAhed avec agences", PROSE) == "AlAhed avec agences"
    # A capital written without its accent, as many sites do: « Ecrit par », « Edito par ».
    for byline in ("Écrit par Jeanne Martin 21 août 2025", "Ecrit par Jeanne Martin 21 août 2025"):
        result = clean(lines("Un titre de l'article", byline, PROSE, PROSE2))
        assert (result.detected.author, result.detected.date) == ("Jeanne Martin", dt.date(2025, 8, 21))
    assert author("Un titre de l'article", "Edito par Jeanne Martin", PROSE) == "Jeanne Martin"
    # Where the reporter writes from, after a comma with a space before it.
    assert author("Un titre de l'article", "Par Jeanne Martin , à Marrakech", PROSE) == "Jeanne Martin"
    # A newsroom's desk signs, in small letters, its date after a bar.
    byline = "Par la rédaction | 2 mai 2023 | Dernière mise à jour le 15 août 2023"
    result = clean(lines("Un titre de l'article", byline, PROSE, PROSE2))
    assert (result.detected.author, result.detected.date) == ("la rédaction", dt.date(2023, 5, 2))
    assert [cl.cls for cl in result.lines][1] is LineClass.BYLINE


def test_a_weekly_column_s_week_is_its_date_line_not_its_title() -> None:
    result = clean(lines("Les indiscrets", "Semaine du 15 juillet 2024", "Le budget de la région se resserre", PROSE))
    assert (result.detected.title, result.detected.date) == ("Le budget de la région se resserre",
                                                             dt.date(2024, 7, 15))


def test_a_head_line_that_opens_with_the_date_gives_it_when_no_line_does() -> None:
    def date(*texts: str) -> dt.date | None:
        return clean(lines(*texts)).detected.date

    assert date("Effectuez une recherche", "Jeudi 13 novembre, 2025", "Un titre de l'article", PROSE) \
        == dt.date(2025, 11, 13)
    assert date("17 juillet 2017 11:13; Act: 17.07.2017 14:39 Print", "Un titre de l'article", PROSE) \
        == dt.date(2017, 7, 17)
    assert date("Un titre de l'article", "By 15 juillet 2025No Comments", PROSE) == dt.date(2025, 7, 15)
    assert date("Mis en ligne en 2017 : 12 articles", "Un titre de l'article", PROSE) is None
    assert date("Les faits du 17 juillet 2017 à Lyon", "Un titre de l'article", PROSE) is None  # not its opening
    assert date("Un titre de l'article", PROSE, "17 juillet 2017 11:13; Act: 17.07.2017 14:39 Print") is None


def test_a_dispatch_s_dateline_gives_the_date_when_no_line_of_the_head_does() -> None:
    def date(*texts: str) -> dt.date | None:
        return clean(lines(*texts)).detected.date

    dispatch = "Ouagadougou, 13 nov. 2025 (AIB)- " + PROSE
    assert date("Un titre de l'article", dispatch, PROSE2) == dt.date(2025, 11, 13)
    assert date("Un titre de l'article", "Paris, le mercredi 3 juin 2024 – " + PROSE, PROSE2) == dt.date(2024, 6, 3)
    assert date("Un titre de l'article", "Berne, 03.09.2025 — " + PROSE, PROSE2) == dt.date(2025, 9, 3)
    assert date("Un titre de l'article", "Kinshasa, 11 janvier 2021 (ACP).- " + PROSE, PROSE2) == dt.date(2021, 1, 11)
    assert date("Un titre de l'article", "MONTRÉAL, le 28 janv. 2019 /CNW Telbec/ - " + PROSE, PROSE2) \
        == dt.date(2019, 1, 28)
    assert date("Un titre de l'article", "12/06/2024", dispatch, PROSE2) == dt.date(2024, 6, 12)  # the head's first
    assert date("Un titre de l'article", "Le président, le 3 mars 2025, a dit " + PROSE, PROSE2) is None
    assert date("Un titre de l'article", PROSE2, dispatch) == dt.date(2025, 11, 13)  # under its standfirst
    assert date("Un titre de l'article", PROSE, PROSE2, dispatch) is None  # the first two paragraphs' only
    # A dateline's paragraph taken for the standfirst, over the text.
    short = "Ouagadougou, 13 nov. 2025 (AIB)- Le comité de pilotage a validé mardi le plan national."
    result = clean(lines("Accueil", "Le ministère lance un plan pour les jeunes entreprises", short, PROSE2))
    assert (result.detected.date, result.detected.author) == (dt.date(2025, 11, 13), "AIB")


def test_a_dispatch_s_dateline_names_its_agency_as_the_author_when_no_byline_does() -> None:
    assert author("Un titre de l'article", "Kinshasa, 11 janvier 2021 (ACP).- " + PROSE, PROSE2) == "ACP"
    assert author("Un titre de l'article", "Paris, 3 mars 2025 (Agence France-Presse) - " + PROSE, PROSE2) == "AFP"
    assert author("Un titre de l'article", "Bouaké, le 17 mai 2025 (crocinfos.net)---" + PROSE, PROSE2) is None
    assert author("Un titre de l'article", "Par Jeanne Martin", "Kinshasa, 11 janvier 2021 (ACP).- " + PROSE,
                  PROSE2) == "Jeanne Martin"
    # With no date: a known agency only, not a party's initials after a name.
    assert author("Un titre de l'article", "Paris (AFP) - " + PROSE, PROSE2) == "AFP"
    assert author("Un titre de l'article", "Bujumbura, Burundi (PANA) - " + PROSE, PROSE2) == "PANA"
    assert author("Un titre de l'article", "Jean Dupont (PS) - " + PROSE, PROSE2) is None
    assert author("Un titre de l'article", "Niamey, 29 juil (ANP)- " + PROSE, PROSE2) == "ANP"  # no year
    assert author("Un titre de l'article", "AMI - " + PROSE, PROSE2) == "AMI"  # the agency alone


def test_a_dispatch_dated_by_day_and_month_takes_the_year_its_paragraph_gives_that_day() -> None:
    opening = "Niamey, 29 juil (ANP)- Le ministre a présidé, ce mardi {} à Niamey, l'ouverture de la semaine."
    result = clean(lines("Un titre de l'article", opening.format("29 juillet 2025"), PROSE, PROSE2))
    assert (result.detected.date, result.detected.author) == (dt.date(2025, 7, 29), "ANP")
    # Another day in the paragraph is another date: the dispatch's stays unknown.
    assert clean(lines("Un titre de l'article", opening.format("30 juillet 2025"), PROSE, PROSE2)).detected.date is None


def test_publie_le_and_a_date_inside_a_line_of_the_head_dates_the_article() -> None:
    head = "Économie Fourniture de l'électricité : retour à la case départ ? Publié le lundi 12 mai 2025 | arc en ciel"
    result = clean(lines("Accueil", head, "", "Les coupures reprennent à Bamako", "", PROSE, PROSE2))
    assert result.detected.date == dt.date(2025, 5, 12)
    # Nor is the line a title: a headline says nothing of when it was published.
    result = clean(lines(head, "Les coupures reprennent à Bamako", PROSE, PROSE2))
    assert (result.detected.title, result.detected.date) == ("Les coupures reprennent à Bamako", dt.date(2025, 5, 12))
    # « posté par » its publisher, then the date, over the byline of its authors.
    head = "posté par Le Hub de la Finance Digitale , le 18 fév 2026"
    for headline in ("La cybersécurité en Afrique francophone : un levier essentiel", "La cybersécurité"):
        result = clean(lines(headline, head, "• 17", "• 4 min.", "Par Rebecca Szantyr", PROSE, PROSE2))
        assert (result.detected.author, result.detected.date) == ("Rebecca Szantyr", dt.date(2026, 2, 18))
        assert result.lines[1].cls is LineClass.BOILERPLATE  # no standfirst, even under a shorter headline
    # In the article's text, a sentence that says when something was published dates nothing.
    said = "Le rapport, publié le 12 mai 2025 par le ministère, fait état de coupures plus longues dans la capitale."
    assert clean(lines("Un titre de l'article", PROSE, said, PROSE2)).detected.date is None


def test_a_name_and_a_date_above_the_site_s_navigation_are_the_site_s_bar() -> None:
    page = ("Régie Pub", "lundi 15 décembre 2025", "Le Flux", "• Politique", "• Economie", "• Société", "No Result",
            "View All Result", "", "IA : l'État reprend le contrôle", "28 juillet 2025", PROSE, PROSE2)
    result = clean(lines(*page))
    assert (result.detected.author, result.detected.date) == (None, dt.date(2025, 7, 28))
    # With no navigation between them and the title, the name and its date are the article's.
    result = clean(lines("Régie Pub", "lundi 15 décembre 2025", "", "IA : l'État reprend le contrôle", PROSE, PROSE2))
    assert (result.detected.author, result.detected.date) == ("Régie Pub", dt.date(2025, 12, 15))


def test_a_weather_widget_s_date_is_the_site_s_day_not_the_article_s() -> None:
    page = ("13.9 C", "Nice", "2 mai 2024", "", "Penser le Sophia Antipolis de demain", PROSE, PROSE2)
    assert clean(lines(*page)).detected.date is None
    assert clean(lines(*page[1:])).detected.date == dt.date(2024, 5, 2)  # no temperature over it: the page's
    assert clean(lines("6° min 0°", *page[2:])).detected.date is None


def test_a_date_line_may_write_the_year_in_two_figures_a_sentence_may_not() -> None:
    def date(*texts: str) -> dt.date | None:
        return clean(lines(*texts)).detected.date

    assert date("Un titre de l'article", "Publié le 02/11/23 à 16h33", PROSE) == dt.date(2023, 11, 2)
    assert date("Un titre de l'article", "Publié le 07.04.17 à 10h12", PROSE) == dt.date(2017, 4, 7)
    assert date("Un titre de l'article", "05·09·23", PROSE) == dt.date(2023, 9, 5)  # middle dots (DaarDaar)
    assert date("Un titre de l'article", "05·09·2023", PROSE) == dt.date(2023, 9, 5)
    assert date("Un titre de l'article", "1.2.3 Méthodologie", PROSE) is None  # a section's number
    assert date("Un titre de l'article", "Le score final, 3/1/25, a surpris les observateurs.", PROSE) is None


def test_a_menu_run_into_one_line_is_not_the_article_s_first_paragraph() -> None:
    menu = ("Actualité Régions Sport Entertainment Economie Planète T'as vu ? Vie Pro Tempo JO 2024 "
            "High-Tech Vidéos Podcasts En Images Guide d'achat Le direct Jeux Services Journal numérique")
    result = clean(lines(menu, "Société", "Le grand virage de l'industrie", "par Jeanne Martin", PROSE, PROSE2))
    assert result.lines[0].cls is LineClass.BOILERPLATE
    assert (result.detected.title, result.detected.author) == ("Le grand virage de l'industrie", "Jeanne Martin")
    # A colon in an item's name parts no clause of a sentence either.
    programmes = ("Couverture spéciale Climat Destination Dubai Discover Sharjah Discover Türkiye Explore Azerbaijan "
                  "From Qatar Here We Grow: Spain The New Uzbekistan Partner content Recherche D'emploi Avec Amply")
    result = clean(lines("Mon Compte", programmes, "Tous les programmes", "Le grand virage de l'industrie",
                         "Par Jeanne Martin", PROSE, PROSE2))
    assert result.lines[1].cls is LineClass.BOILERPLATE
    assert result.detected.title == "Le grand virage de l'industrie"


def test_a_headline_written_twice_is_the_title_only_when_its_copies_are_near() -> None:
    head = ["Suivre Regards sur Twitter", "Le grand virage de l'industrie"]
    footer = ["Mentions légales", "Suivre Regards sur Twitter"]
    paragraphs = [PROSE, PROSE2] * 6
    assert clean(lines(*head, *paragraphs, *footer)).detected.title == "Le grand virage de l'industrie"
    # The title in the page's head, then again over the article's photo: the first copy.
    page = lines("Le grand virage de l'industrie", "Économie", PROSE, "Le grand virage de l'industrie", PROSE2)
    assert clean(page).detected.title == "Le grand virage de l'industrie"


def test_a_menu_s_item_written_twice_far_above_the_head_is_not_the_title() -> None:
    teasers = ["M le mag", "Le paradis de Beauduc menacé par la montée des eaux : « Ici, l'utopie est à la bonne "
               "franquette »", "M le mag", "S'aimer comme on se quitte : « Il mettait des paillettes dans ma vie »"]
    menu = ["Services", "Les ateliers du Monde", "Mots croisés", "Guides d'achat", "Boutique Le Monde", "Newsletters",
            "Économie", "Europe"]
    title = "Les sombres perspectives économiques de la Commission européenne"
    assert clean(lines(*teasers, *menu, title, PROSE, PROSE2)).detected.title == title


def test_a_standfirst_right_over_its_byline_is_the_article_s_beyond_a_box_of_buttons() -> None:
    standfirst = ("L'institution abaisse ses prévisions pour 2019, avec un PIB à 1,4 % pour l'ensemble de "
                  "l'Union européenne, et s'inquiète de la montée des périls commerciaux.")
    buttons = ["Ajouter aux favoris", "Pour ajouter l'article à vos sélections", "identifiez-vous",
               "Créer un compte", "Vous possédez déjà un compte ?", "Se connecter", "Partage désactivé",
               "Envoyer par e-mail", "Partage désactivé", "Partager sur Facebook", "Partager sur X",
               "Partager sur LinkedIn", "Imprimer", "Copier le lien", "Réagir", "Écouter", "Offrir"]
    result = clean(lines("Europe", "Les sombres perspectives économiques de la Commission européenne", standfirst,
                         "Par Cécile Ducourtieux", "Publié le 07 mai 2019 à 13h59", *buttons, PROSE, PROSE2,
                         PROSE2.replace("économistes", "analystes")))
    assert next(cl.text for cl in result.lines if cl.cls.is_body) == standfirst


def test_a_box_of_other_articles_above_the_text_gives_neither_title_nor_byline() -> None:
    title = "Un troisième Français mort dans le séisme au Népal"
    buttons = ["Facebook :Facebook", "Twitter :Twitter", "Google+ :Google+", "Envoyer :Mail",
               "Imprimer cet articleImprimer", "Lire sur le readerMode zen"]
    box = ["Sur le même sujet", "Reportage", "A Katmandou, exode sous pression", "Par Sébastien Farcis",
           "interview", "Népal : «Plus les heures passent, moins on est utiles»", "Par Laurence Defranoux"]
    result = clean(lines("Monde", title, "AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)", *buttons,
                         "Laurent Fabius a accueilli jeudi matin un premier avion de rescapés.", *box, "",
                         PROSE, PROSE2))
    assert (result.detected.title, result.detected.author) == (title, "AFP")


def test_a_box_s_lines_apart_by_blank_lines_give_no_title() -> None:
    title = "De quel bois sont faits vos cadets au boulot ?"
    page = lines("Mise à jour : samedi 17 mars 2012 08h23", title, "Mail", "Print", "", "LINKS", "",
                 "Nico le petit comique et 4 autres collègues que nous connaissons tous", "",
                 "5 ruses pour en obtenir plus de ses collègues", PROSE, PROSE2)
    assert clean(page).detected.title == title


def test_a_headline_may_end_with_an_ellipsis_and_stand_over_its_date() -> None:
    title = "Belfius fait déjà le buzz..."
    box = ["Vidéo : Dexia devient Belfius", "Jos Clijsters (CEO) présente Belfius",
           "Sondage: Le nom \"Belfius\", une bonne ou mauvaise idée ?"]
    result = clean(lines("Verso", title, "(01/03/2012)", "© BELGA", *box, PROSE, PROSE2))
    assert (result.detected.title, result.detected.date) == (title, dt.date(2012, 3, 1))


def test_a_name_under_the_list_that_ends_the_article_is_its_signature() -> None:
    winners = ['MEILLEUR FILM: "A perdre la raison" de Joachim Lafosse',
               'MEILLEUR REALISATEUR: Joachim Lafosse pour "A perdre la raison"',
               'MEILLEURE ACTRICE: Emilie Dequenne pour "A perdre la raison"']
    page = lines("Joachim Lafosse triomphe aux Magritte", PROSE, PROSE2, "La liste des gagnants:", "", *winners, "",
                 "Alain Lorfèvre", "© La Dernière Heure 2013")
    result = clean(page)
    assert result.detected.author == "Alain Lorfèvre"
    assert [cl.text for cl in result.lines if cl.cls.is_body][-3:] == winners


def test_a_byline_far_under_the_article_is_another_article_s() -> None:
    boxes = ["Les plus lus", *[f"Un autre article du site, numéro {n}" for n in range(1, 9)],
             "portrait Par Juliette Deborde"]
    assert clean(lines("Le grand virage de l'industrie", PROSE, PROSE2, *boxes)).detected.author is None
    assert clean(lines("Le grand virage de l'industrie", PROSE, PROSE2, "Par Juliette Deborde")).detected.author \
        == "Juliette Deborde"  # the article's signature, right under it


def test_the_article_ends_where_its_prose_does_not_where_the_page_s_does() -> None:
    headlines = [f"Un autre article du site sur le thème numéro {n}" for n in range(1, 18)]
    legal = ("Votre adresse nous sert à envoyer les newsletters qui vous intéressent. Conformément à la loi, "
             "vous disposez d'un droit d'accès et de rectification aux données vous concernant.")
    result = clean(lines("Le grand virage de l'industrie", PROSE, "Un intertitre de l'article", PROSE2,
                         "Sur le même sujet", *headlines, legal))
    kept = [cl.text for cl in result.lines if cl.cls.is_body]
    assert kept == [PROSE, "Un intertitre de l'article", PROSE2, legal]  # the legal text: a sentence, kept
    # The article's closing words right under its last paragraph stay: « A suivre ».
    for closing in ("A suivre", "(À suivre…)", "Affaire à suivre."):
        result = clean(lines("Le grand virage de l'industrie", PROSE, PROSE2, closing, "Partager :", "Twitter",
                             "Sur le même sujet", *headlines, legal))
        assert [cl.text for cl in result.lines if cl.cls.is_body] == [PROSE, PROSE2, closing, legal]
    # A name alone under the page's last prose is no signature of the article: a box's name.
    assert clean(lines("Le grand virage de l'industrie", PROSE, PROSE2, "Sur le même sujet", *headlines, legal,
                       "En Continu")).detected.author is None
    # Fewer lines between two paragraphs: a box inside the article, its headlines stay.
    result = clean(lines("Le grand virage de l'industrie", PROSE, PROSE2, *headlines[:5], legal))
    assert [cl.text for cl in result.lines if cl.cls.is_body] == [PROSE, PROSE2, *headlines[:5], legal]


def test_the_date_is_the_article_s_not_that_of_a_box_further_down() -> None:
    def date(*texts: str) -> dt.date | None:
        return clean(lines(*texts)).detected.date

    box = ["Les plus lus", *[f"Un autre article du site, numéro {n}" for n in range(1, 9)], "18 février 2020"]
    assert date("Le grand virage de l'industrie", PROSE, PROSE2, *box) is None
    assert date("Le grand virage de l'industrie", PROSE, PROSE2, "Par Jeanne Martin", "AFP", "20 mai 2025 - 17h30",
                *box) == dt.date(2025, 5, 20)  # the article's signature


def test_a_section_s_name_in_capitals_written_twice_is_not_the_title() -> None:
    title = "Sophie Binet met en garde Emmanuel Macron sur la « gravité de la situation dans le pays »"
    menu = ["LE GOÛT DU MONDE", "Le Monde passe à table", "Six recettes de street food à faire chez vous",
            "LE GOÛT DU MONDE", "La mode à la féminité revendiquée d’Ulla Johnson"]
    assert clean(lines(*menu, "POLITIQUE", title, PROSE, PROSE2)).detected.title == title


def test_a_list_of_tags_under_the_title_is_not_the_title() -> None:
    title = "Deux ans et demi en Macronie : une condamnation et dix mises en examen"
    standfirst = "On vous aurait bien fait un top 10, mais ils sont trop nombreux."
    page = lines(title, "", standfirst, "", "La République en marche, Justice, Emmanuel Macron", "Vos réactions (11)",
                 PROSE, PROSE2)
    assert clean(page).detected.title == title


def test_many_lines_of_a_few_words_inside_the_article_are_a_menu_unless_announced() -> None:
    countries = ["Afghanistan", "Afrique du Sud", "Åland", "Albanie", "Algérie", "Allemagne", "Andorre"]

    def kept(*middle: str) -> list[str]:
        result = clean(lines("Le grand virage de l'industrie", PROSE, *middle, PROSE2))
        return [cl.text for cl in result.lines if cl.cls.is_body]

    assert kept("Votre adresse électronique", "Prénom", "Nom", *countries) == [PROSE, PROSE2]
    assert kept("Les pays concernés :", *countries) == [PROSE, "Les pays concernés :", *countries, PROSE2]
    assert kept(*[f"• {country}" for country in countries]) == [PROSE, *[f"• {c}" for c in countries], PROSE2]
    assert kept(*countries[:5]) == [PROSE, *countries[:5], PROSE2]  # a few: headings, as before
    # A form's field already left out among them counts in the run.
    form = ["Orthographe", "Ponctuation", "Grammaire", "Technique", "Votre adresse email*", "Description de l'erreur*"]
    assert kept(*form) == [PROSE, PROSE2]


def test_dateline_gives_date_and_source() -> None:
    result = clean(lines("Un titre", "Publié dans La Gazette le 07 - 02 - 2024", PROSE))
    assert result.detected.date == dt.date(2024, 2, 7)
    assert result.detected.source == "La Gazette"


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


# --- the phrases of page furniture (build_tools/ingest/cues.yml) ------------------------

def test_a_malformed_cue_file_names_each_bad_entry(tmp_path: Path) -> None:
    bad = tmp_path / "cues.yml"
    bad.write_text("separators: ['>', ' | ']\nadvertisement:\n  line: ['publicit[ée']\n  anywhere: ['pub']\n"
                   "not-a-reason:\n  line: ['x']\nagencies:\n  AFP: 'AFP|(Agence'\nitem_openers: ['Les|(La']\n"
                   "notes_headings: notes\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_cues(bad)
    keys = {problem.key for problem in caught.value.problems}
    assert keys == {"separators", "advertisement.line", "advertisement.anywhere", "not-a-reason", "agencies.AFP",
                    "item_openers", "notes_headings"}


def test_each_cue_gives_its_reason_where_it_stands(tmp_path: Path) -> None:
    cues = tmp_path / "cues.yml"
    cues.write_text("separators: ['>', '·']\ntags:\n  line: ['mots-clés']\n  start: ['thèmes ?:']\n", "utf-8")
    loaded = load_cues(cues)
    assert loaded.separators == ">·"
    line = loaded.patterns[Where.LINE].fullmatch("Mots-clés")
    assert line is not None and loaded.reason(line) is Reason.TAGS
    assert loaded.patterns[Where.START].match("Thèmes : IA, Chine") is not None
    assert loaded.patterns[Where.WITHIN].search("mots-clés") is None  # nothing listed there


# --- the editor's last word (data/articles/<seed>.yml: keep, remove) --------------------

SEED = "002_ba99f5c80d44e674"


def test_the_editor_keeps_and_removes_lines_by_quotation(project: Path) -> None:
    meta = project / "data" / "articles" / f"{SEED}.yml"
    meta.write_text(meta.read_text("utf-8") + "keep:\n  - Que se passe-t-il en Tunisie\n"
                    "remove:\n  - s'entendaient sur tout\n", "utf-8")
    articles, _ = load_articles(Paths.at(project))
    article = next(a for a in articles if a.seed.stem == SEED)
    texts = [block.text for block in article.blocks]
    assert "Que se passe-t-il en Tunisie?" in texts
    assert not any("s'entendaient sur tout" in text for text in texts)
    assert any(r.reason is Reason.EDITOR and "s'entendaient" in r.text for r in article.removed)


def test_a_choice_that_names_no_line_or_several_or_both_is_an_error(project: Path) -> None:
    meta = project / "data" / "articles" / f"{SEED}.yml"
    before = len(meta.read_text("utf-8").splitlines())
    meta.write_text(meta.read_text("utf-8") + "keep:\n  - introuvable\n  - Trump\n  - Que se passe-t-il\n"
                    "remove:\n  - Que se passe-t-il en Tunisie\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_articles(Paths.at(project))
    found = {(p.line, p.key, p.message.split(":")[-1].strip()) for p in caught.value.problems}
    assert found == {(before + 2, "keep", "the quotation 'introuvable' is in no line of the seed"),
                     (before + 3, "keep", f"the quotation 'Trump' is in {_lines_with('Trump')} lines of the seed"),
                     (before + 6, "remove", "line 30 of the seed is both kept and removed")}
    assert all(str(p.path).endswith(f"{SEED}.yml") for p in caught.value.problems)


def _lines_with(word: str) -> int:
    return sum(word in line for line in (ROOT / "seeds" / f"{SEED}.txt").read_text("utf-8").splitlines())


def test_decisions_on_weak_evidence_are_listed_as_doubts() -> None:
    result = clean(lines("Menu", "Le grand virage de l'industrie", "par Jeanne Martin", "Mardi soir à Bruxelles",
                         PROSE, "Selon la newsletter interne de Nvidia, les ventes ont doublé.", PROSE2,
                         "Les autres titres du jour"))
    doubts = {line.number: line.doubt or "" for line in result.doubts}
    assert set(doubts) == {4, 6, 8}  # "Menu" is left out without a doubt
    assert doubts[4].startswith("kept") and doubts[6].startswith("kept") and doubts[8].startswith("left out")
    assert [b.line for b in result.blocks] == [4, 5, 6, 7]
    signed = clean(lines("Le grand virage de l'industrie", "Francis Pilon", PROSE,
                         "mardi 4 mars 2025", "Jeanne Martin"))
    assert {line.number: (line.doubt or "")[:8] for line in signed.doubts} == {2: "left out"}  # not 5: by its date
