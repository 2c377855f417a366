"""Classify every line of a seed and keep the article body.

The line rules look at one line at a time and recognise what can be told from the line
alone: metadata (byline, dateline, date line, "source :"), the phrases of page furniture
listed in ``cues.yml`` (advertisement labels, share and subscribe buttons, related links,
photo credits…), and shapes no sentence has (breadcrumbs, tag lines, tickers). Every other
line is article text. The context rules then find the article in the page: the run from
its first paragraph of prose to its last. Around it, a line that is not a sentence is page
furniture, and so is a short line with a phrase of furniture in it; inside it, such a
phrase alone never removes a line, since articles quote and report what others say. The
comment section runs to the end of the page, teaser lines stick to the prompts they
introduce, the title sits before the first paragraph (before the byline if there is one),
the standfirst after the byline, quotations may run over several lines, headings are short
lines without final punctuation between paragraphs.

Every non-blank line ends up either in a block of the body or in the removed lines with a
reason: nothing is dropped silently. The text of a line is never changed; the rules match
on a normalised copy (``textnorm``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from ..model import (
    NO_CHOICES,
    Block,
    BlockKind,
    ClassifiedLine,
    CleanResult,
    DetectedMeta,
    LineChoices,
    LineClass,
    MetaDoubt,
    MetaField,
    Reason,
    RemovedLine,
    Rule,
    SourceLine,
)
from ..text.dates import (
    MONTHS,
    WEEKDAYS,
    WRITTEN_DATE,
    Dateline,
    StampKind,
    date_of_line,
    dateline,
    first_date,
    glued_date,
    leading_date,
    parse_date,
    publisher_of_line,
    stamp,
    tells_when,
    time_alone,
)
from ..text.normalize import unify_punctuation
from .cues import CUES, Where
from .options import DEFAULT_OPTIONS, CleanOptions

_I = re.IGNORECASE
_UPPER = "A-ZÀ-ÖØ-ÝŒ"
_LOWER = "a-zß-öø-ÿœ"
# A capital, or a Chinese character (no case), then letters; a full stop inside ("Le Monde.fr",
# "J.-P.") or after an initial ("Nicolas Gutierrez C."), not after a word ("ANGEVIN. Publié le").
_NAME_WORD = (rf"(?!(?i:publi[ée]e?s?|mise?|modifi[ée]e?)\b)"  # a date line's word after the name: "Par X Publié le …"
              rf"[{_UPPER}\u4e00-\u9fff](?:[\w'-]|\.(?=[\w'-]))*(?:(?<=[{_UPPER}])(?<!\w[{_UPPER}])\.)?")
_PARTICLE = r"(?:de|du|des|van|von|der|da|di|dos|le|la|d'|et|and)"
_NAMES = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?(?:{_NAME_WORD}|\d{{1,3}}\b)){{0,4}}"  # "France 24 FR"
# A journalist's role, after the name in a byline ("Par X, rédactrice") or an author's box.
_ROLE_WORDS = (r"correspondante?s?|journalistes?|rédact(?:eur|rice)s?|chroniqueu(?:r|se)s?|éditorialistes?"
               r"|responsables?|(?:guest\s+)?(?:editorialists?|columnists?)")
# The role of an op-ed's guest author after their name and a comma ("Par X, directeur général
# de Results Associates, société de conseil … États-Unis."): a sentence may follow a name so
# (« Par Emmanuel Macron, le texte a été promulgué. »), a role opens with its noun.
_GUEST_ROLES = (r"(?:ancien(?:ne)?\s+|ex-)?(?:directeur|directrice|président|présidente|professeure?"
                r"|chercheur|chercheuse|économiste|fondateur|fondatrice|cofondateur|cofondatrice|avocate?|enseignante?|consultante?|analyste"
                r"|expert|experte|docteure?|médecin|ingénieure?|maître de conférences|membre|secrétaire général(?:e)?"
                r"|ministre|député|députée|sénateur|sénatrice|maire|ambassadeur|ambassadrice|PDG|CEO)")
# A newsroom's desk signing for its journalists: "Rédaction en ligne", "La rédaction".
_DESK = r"(?i:(?:la\s+)?rédaction(?:\s+(?:en\s+ligne|web|numérique))?)"
# A date as a byline writes it after the name, its parts unnamed: "15 juin 2020", "12/03/2024".
_A_DATE = rf"(?:{re.sub(r'[(][?]P<[a-z]+>', '(?:', WRITTEN_DATE.pattern)}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})\b"
# "Par Jeanne Martin", "Par X et Y", "Par X, envoyé spécial à Kiev", "Par X – publié le …",
# "Propos recueillis par X et Y", "Par RTL Info avec Belga", "par X | Reportage : Y",
# "Décryptage par X" (the article's kind, then its author), "Par : X | Mots clés : …",
# "■ Reportage d'X, Y et Z", "Par X, le 11 juin 2024 à 03h28 Durée 4 min.",
# "Par X - 17 mai 2019 à 07:05 | 1232 vues" (a date after the name), "Par X le 07 Mai 2020",
# "Auteur : X", "Publié par X", "jeudi 13 juin 2019, par X" (the date first), "Par X (avec Y et Z)",
# "Ouest-France Recueilli par X. Publié le …", "A Rennes, X" (where the reporter writes from),
# "Par : X| +Pays Basque+Société" (the site's parts after a bar), "Par X, Y Envoyés spéciaux à
# Toulouse" (their role with no mark before it), "ByÉquipe X" (the word glued to the name),
# "Par X, rédactrice" (the author's role after a mark), "24.11.2021, par X, responsable
# Communication", "Par X • Publié le" (its date left out), "Publié le 11 juillet 2024 par X",
# "Le , par X" (its date left out before), "par le Dr X, Vice-Chair of …" (a title, a role),
# "Dossier réalisé par X", "Sous-traitance Par X Publié le 22/11/2021" (a rubric run into it),
# "Par la rédaction" (a newsroom's desk), "Par X 15 juin 2020" (the date right after the
# name, no mark between), "Un article rédigé par X - Radio Nord, le 26 mars 2025" (the
# newsroom, then the date), "Par X *" (a note's mark), "Par X 12:13 PM - 18 août 2023" (the
# time, then the date)
BYLINE = re.compile(
    rf"[■•▪►▶*]?\s*(?:[{_UPPER}][\w'-]*(?:\s+[\w'-]+)?\s+(?=Par\s))?"  # a rubric run into it: "Sous-traitance Par X"
    rf"(?i:(?:publi[ée]e?\s+le\s+)?(?:{WRITTEN_DATE.pattern}|\d{{1,2}}(?P<mark>[-/.])\d{{1,2}}(?P=mark)\d{{4}})"
    r"(?:\s+(?:à\s+)?\d{1,2}\s*[h:]\s*\d{2})?,?\s+|le\s*,\s*)?"
    r"(?i:(?:propos recueillis|(?:(?:une?\s+)?[\w-]+\s+)?(?:recueillie?s?|réalisée?s?|rédigée?s?)|texte|un article"
    r"|une analyse"
    r"|une enquête|analyse|enquête|décryptage|chronique|tribune|reportage|entretien|[ée]ditorial|[ée]dito|portrait"
    r"|[ée]crit"  # a capital without its accent: « Ecrit par »
    r"|rédigé|publié|posté)\s+)?"
    rf"(?:(?i:par|by|auteure?s?\s*:|(?:un\s+)?reportage\s+d(?:e\s+|'\s*))|[AÀ]\s+{_NAME_WORD},(?=\s*{_NAME_WORD}\s+{_NAME_WORD}))"
    # "par le Dr X", "par le Professeur X"
    rf"\s*:?\s*(?:(?i:l[ea])\s+(?=(?:Dr|Pr|Pre|Me|Mgr|Professeure?|Docteure?)\.?\s))?"
    rf"(?:(?<=\s|')|(?:(?<=[Pp]ar)|(?<=[Bb]y))(?=[{_UPPER}]))(?P<name>{_DESK}(?!\s*\w)|{_NAMES}(?:\s*(?:,|(?i:et|and)|&)\s+{_NAMES}){{0,3}}(?:\s+(?i:avec)\s+(?:{_NAMES}|(?i:(?:les\s+)?agences)\b))?"
    rf"(?:\s*\((?i:avec)\s+{_NAMES}(?:\s*(?:,|(?i:et))\s+{_NAMES}){{0,3}}\))?)"
    r"(?:\s*\*{1,3})?"  # a mark calling a note on the author: "Par X *"
    r"(?:\s*\((?!(?i:avec)\b)[^()]{1,60}\))?"  # where the reporter writes from: "(Bruxelles, bureau européen)"
    r"(?:(?:\s*[.,|•–—-]\s*|\s+(?=(?i:envoy|correspondant|publi)))(?i:envoy[ée]e?s?\s+sp[ée]cia(?:le?s?|ux)"
    rf"|{_ROLE_WORDS}|avec|publi[ée]e?"
    r"|reportage|vid[ée]o|photos?|images?|montage|infographie|mots[- ]cl[ée]s|le(?=\s+\d))\b.{0,100}"
    r"|\s*[,|–—-]\s*\d.{0,100}|\s+(?i:le)\s+\d.{0,100}|\s*\|\s*\S.{0,100}"
    rf"|\s+(?={_A_DATE}).{{0,100}}"  # the date right after the name: "Par X 15 juin 2020"
    # the time, then the date: "Par X 12:13 PM - 18 août 2023"
    rf"|\s+\d{{1,2}}\s*[h:]\s*\d{{2}}\s*(?i:[ap]m)?\s*[|–—-]?\s*(?={_A_DATE}).{{0,100}}"
    rf"|\s*[–—-]\s*[^\W\d_][^,.!?]{{0,60}},\s*(?i:le\s+)?(?={_A_DATE}).{{0,60}}"  # "Par X - Radio Nord, le 26 mars"
    rf"|\s*,\s*(?i:{_GUEST_ROLES})\b[^!?]{{0,200}}"  # a guest's role, however long: "Par X, directeur général de Y, …"
    r"|\s*,\s*[^\W\d_][^.!?]{0,100})?"  # the author's role, no sentence: "par X, Vice-Chair of DM"
    r"\s*[|–—-]?")
# A site's line of parts set apart by separators, one of them the byline: "Accueil | Par Loïc
# Le Clerc | 30 septembre 2018", "Le Monde | 04.05.2015 à 13h36 • Mis à jour … | Par X".
_PARTS = re.compile(rf"\s+[{re.escape(CUES.separators)}•]\s+") if CUES.separators else re.compile(r"\s+•\s+")


def byline_match(text: str, parts_max_chars: int) -> re.Match[str] | None:
    """The byline a line is (``BYLINE``), or, in a line of at most ``parts_max_chars`` (a
    breadcrumb's length), the one among its parts set apart by separators after the first
    (the match's places are the line's)."""
    if m := BYLINE.fullmatch(text):
        return m
    if len(text) > parts_max_chars:
        return None
    marks = list(_PARTS.finditer(text))
    if not marks:
        return None
    ends = [mark.start() for mark in marks[1:]] + [len(text)]
    return next((m for mark, end in zip(marks, ends, strict=True)
                 if (m := BYLINE.fullmatch(text, mark.end(), end))), None)


# A byline that is a name alone ("Flavia Giovannelli", "Francis Halin |", "Le Monde.fr avec AFP",
# "Aurore Peignois, avec l'AFP.", names apart by commas: "Bernard Demonty, Pascal Lorent"),
# next to a date line.
# The words of a credit or a caption are no one's first name ("Capture Le Chat"), nor is a
# journalist's role under their name ("Éditorialiste Invité", "Guest Editorialist"), nor the
# rubric of a site's front page ("A la Une …").
_NOT_A_NAME = (rf"(?!(?i:capture|photo|image|illustration|crédit|source|vidéo|bannière|logo)s?\b|(?i:{_ROLE_WORDS})\b"
               r"|(?i:[àa]\s+la\s+une)\b)")
_FULL_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{1,4}}"  # two words or more: "Pascal Lorent"
_DESK_NAME = re.compile(_DESK)
# A journalist's role after the name, in an author's box ("Kristof Van der Stadt Rédacteur en
# chef chez Data News", "Jeanne Martin, journaliste").
_ROLE = (rf"(?i:rédact(?:eur|rice)s?\s+en\s+chef(?:\s+adjointe?)?|{_ROLE_WORDS}"
         r"|reporters?|envoyée?s?\s+spéciale?s?)\b.{0,60}")
_ROLE_LINE = re.compile(_ROLE)
NAME_ALONE = re.compile(rf"{_NOT_A_NAME}(?P<name>{_DESK}|{_NAMES}(?:,\s+{_FULL_NAME}){{0,3}}"
                        rf"(?:,?\s+(?i:avec)\s+(?:[lL]['’])?{_NAMES})?)\.?\s*[|/–—-]?"
                        r"(?:\s*(?i:publi[ée]e?|mise? à jour)\b.{0,60})?"  # "X - Mis à jour le … 1 min"
                        rf"(?:,?\s*{_ROLE})?")
# The link to an author's page run into their name (« Ousmane Traoré SambaVoir tous ses
# articles »): no part of the name.
_AUTHOR_PAGE_LINK = re.compile(r"\s*(?i:(?:voir )?tous ses articles|voir ses articles|voir son profil)\s*$")


def _name_alone(text: str) -> re.Match[str] | None:
    """The name a line is alone (``NAME_ALONE``), the link to the author's page after it aside;
    the match's places are the line's."""
    form = unify_punctuation(text)
    return NAME_ALONE.fullmatch(form, 0, m.start() if (m := _AUTHOR_PAGE_LINK.search(form)) else len(form))


SOURCE_LINE = re.compile(r"sources?\s*:\s*(?P<value>\S.{0,118})", _I)
DATELINE = re.compile(
    r"publi[ée]e?\s+(?:(?:dans|sur|par)\s+(?P<source>.+?)\s+)?le\s+(?P<date>.+?)"
    r"(?:\s+(?:à\s+)?\d{1,2}\s*[h:]\s*\d{2})?", _I)

# The words an article whose story goes on closes with, right under its last paragraph:
# « À suivre », « (à suivre…) », « Affaire à suivre ».
CLOSING_WORDS = re.compile(r"\(?\s*(?:affaire\s+)?[àa]\s+suivre\s*(?:\.{1,3}|…)?\s*\)?\s*[.!]?", _I)
# A comment section's heading: "3 commentaires :", "Commentaires (6)", "Vos réactions (11)",
# "Tous vos commentaires (11)", "Laisser un commentaire", "Réagir"; a theme's in English
# ("8 Responses", "Leave a Reply").
COMMENT_HEADER = re.compile(
    r"(?:tous\s+)?(?:(?:les|vos)\s+)?(?:\d+\s+)?commentaires?\s*(?:\(\d+\))?\s*:?"
    r"|(?:laisser|poster|ajouter|écrire|publier)\s+un\s+commentaire.*"
    r"|r[ée]agissez.*|r[ée]agir\s*:?|(?:\d+\s+|vos\s+)?r[ée]actions?\s*(?:\(\d+\))?\s*:?"
    r"|(?:\d+\s+)?(?:responses?|comments?|replies)\s*:?|leave a (?:reply|comment).*", _I)
COMMENT_CONTROLS = re.compile(r"(?:\s*(?:répondre|supprimer|signaler|j'aime|modifier|reply)\s*)+", _I)
MODERATION = re.compile(
    r"\bcommentaires?\b.*\b(?:supprimés?|modérés?|modération|vérifiés|hors[ -]sujet|n'engagen?t)\b", _I)
# "Accueil > Monde > Europe", "Économie | Entreprises | Tech": short segments between separators.
_MARKS = f"[{re.escape(CUES.separators)}]" if CUES.separators else "(?!)"  # cues.yml, separators
_SEGMENT = rf"(?:(?!\s{_MARKS}\s).)"
BREADCRUMB = re.compile(rf"{_SEGMENT}{{1,60}}(?:\s{_MARKS}\s?{_SEGMENT}{{1,100}}){{2,}}|[^>]{{1,40}}\s>\s[^>]{{1,80}}")
# "# Numérique # Réseaux d'accompagnement", "Enquête Alsace # Hébergement de données # Investissement"
TAG_LINE = re.compile(r"(?:[^#]{0,40})(?:#\s?[^#]{1,60}){2,}")
# A caption's photo credit at its end ("… (Dado Ruvic/REUTERS)", "… Photo AFP", "… — Photo : X",
# "….Image: © EPFL", "… © Capture d'écran / Le Chat", "… Photo by X / Unsplash", "… X / AFP",
# "… | Source : Getty Images", "… au Bénin. @PR": a handle after the sentence, "… (capture
# d'écran: Standard TV)"),
# or in capitals at its start ("PHOTO KARENE-ISABELLE JEAN-BAPTISTE, ARCHIVES …") or after its
# sentence ("… ces dernières années. DDM ILLUSTRATION - SEBASTIEN LAPEYRERE"); the agency,
# then its photographer ("… REUTERS/Susana Vera", "- Tapie en 2008. REUTERS/Benoit Tessier -");
# a credit after a comma ("Roman Prymula, photo: Archives du Gouvernement tchèque") or a bullet
# ("… par Jean Veber• Crédits : Getty"); "(C)" for "©" ("… / (C) Kab Niang"); the rights
# reserved after the sentence ("… une zaouïa patriarcale. D. R.") or after its holder's name
# on a line of their own ("CCI Bayonne PB DR"), the agency of several photos ("… Gebran
# Bassil. Photos Ani").
CREDIT = re.compile(
    r".*(?:\([^()]{1,60}/\s?(?:AFP|REUTERS|Reuters|AP|EPA|Getty Images|Shutterstock)\)"
    r"|/\s?(?:AFP|REUTERS|Reuters|AP|EPA|Getty Images|Shutterstock|Unsplash|Bloomberg)"
    r"|\b(?:AFP|REUTERS|EPA)\s?/\s?(?:[A-ZÀ-Ý][\w.'-]*\s?){1,4}(?:\s[-–—])?"
    r"|\bPhotos?\s*(?::\s*|\s(?:by\s+)?)(?:[A-Z][\w.'-]*\s?){1,4}(?:/\s?[\w .'-]{1,40})?"
    r"|,\s*(?i:photo|crédits?(?: photo)?)\s*:\s*[^.,;:]{1,60}|\s(?:Crédits?(?: photo)?|Photo)\s*:\s*[^.,;:]{1,60}"
    r"|[—–•·-]\s*(?:Photo|Crédit|Image)s?\s*:.{0,80}|(?:Image|Photo|Crédit)\s*:\s*©.{0,80}|(?:©|\(C\)).{1,80}"
    r"|\((?i:photos?|crédits?(?: photo)?|illustration|source|capture d'écran)\b[^()]{0,60}\)"
    r"|\|\s*(?i:source|crédit)\s*:\s*(?:Getty Images|AFP|Reuters|AP|EPA|Shutterstock|Unsplash|Bloomberg)\s*)"
    r"|(?:PHOTO|ILLUSTRATION|IMAGE)\s+[A-ZÀ-Ý][A-ZÀ-Ý'.-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'.-]+)*\b.*"
    r"|.*[.!?»]\s+(?:[A-ZÀ-Ý]{2,}\s+)?(?:PHOTO|ILLUSTRATION)S?\b[^a-zß-ÿ]{0,60}"
    r"|.*[.!?»]\s+(?:SHUTTERSTOCK|GETTY IMAGES|ADOBE ?STOCK|ISTOCK|AFP|REUTERS|EPA|BELGA|KEYSTONE)\b[^a-zß-ÿ]{0,40}"
    r"|.*[.!?»]\s*@\w+"
    r"|.*[.!?»]\s+D\.\s?R\.?"
    # its holder's capitalised words alone, then the rights reserved: "Richard Lajusticia DR"
    r"|[A-ZÀ-Ý][\w.'-]*(?:\s+(?:(?:de|du|des|d')\s+)?[A-ZÀ-Ý][\w.'-]*){0,4}\s+DR")
# An image's file name at the start of a line ("34c4d36….jpg Les manufacturiers…").
IMAGE_FILE = re.compile(r"[\w-]{8,}\.(?:jpe?g|png|webp|gif)\b.*", _I)
# A caption that ends with the image's file name's extension, its text run into the name or
# written as it ("La Côte d'Ivoire en pleine transformation numérique. À titre
# d'illustration.jpg"): no sentence ends so.
IMAGE_FILE_END = re.compile(r".*\w\.(?:jpe?g|png|webp|gif)", _I)
# An image's number or hashed name alone, where its alt text was empty ("1650969301895",
# "csm-sibilia-b0fa676add"): one word with a run of hexadecimal digits, a figure among them.
IMAGE_ID = re.compile(r"(?=\S*\d)[\w.-]*[0-9a-f]{8,}[\w.-]*", _I)
# An image as a scraper that writes Markdown saves it: "![Randy Boissonnault](https://…jpg)".
IMAGE_MARKUP = re.compile(r"!\[[^\]]*\]\([^()\s]*(?:\s+\"[^\"]*\")?\)")
# Social-media attribution ("@handle – 16:52 UTC · 6 nov. 2025"), never a heading.
ATTRIBUTION = re.compile(r"@\w+|\b\d{1,2}:\d{2}\b|https?://", _I)

TERMINAL_PUNCTUATION = ".,;:…"
CLOSING_MARKS = "»”\"')]’ \u00a0\u202f"
OPEN_QUOTES = "«“"
CLOSE_QUOTES = "»”"
_QUOTE_MARKS = re.compile(f"[{OPEN_QUOTES}{CLOSE_QUOTES}]")


@dataclass(frozen=True)
class LineRule:
    """A rule that tells from one line alone what it is: ``test`` says yes, or gives the
    reason the line is left out for (the cues' rules, whose reason is the phrase's)."""

    rule: Rule
    cls: LineClass
    reason: Reason | None
    test: Callable[[str, CleanOptions], bool | Reason | None]


def _is_separator(text: str, _: CleanOptions) -> bool:
    """Nothing but punctuation and symbols ("-", "***", "———")."""
    return not any(c.isalnum() for c in text)


def _is_counter(text: str, _: CleanOptions) -> bool:
    """Figures and marks, no letter, with a colon or a slash: a player's time ("00:00
    00:00") or a slide show's count ("1 / 2"); or a number of one to three figures alone,
    an image's number or a counter of shares or comments ("1", "77"). A year alone may be a
    heading; a date in figures ("12/04/2023") is read before, as a date line."""
    return (not any(c.isalpha() for c in text) and any(c in ":/" for c in text)) \
        or re.fullmatch(r"\d{1,3}", text) is not None


def _ticker_segments(text: str, opts: CleanOptions) -> list[str]:
    gap = rf"[\s\u00a0]{{{opts.ticker_separator_min_spaces},}}"
    return [s for s in re.split(gap, text) if s.strip()]


def _is_news_ticker(text: str, opts: CleanOptions) -> bool:
    """Many short headlines run together on one line, separated by runs of spaces."""
    segments = _ticker_segments(text, opts)
    return (len(segments) >= opts.ticker_min_segments
            and statistics.median(len(s) for s in segments) <= opts.ticker_max_median_segment_chars)


def _fullmatch(pattern: re.Pattern[str]) -> Callable[[str, CleanOptions], bool]:
    def test(text: str, _: CleanOptions) -> bool:
        return pattern.fullmatch(text) is not None
    test.__doc__ = f"The whole line matches {pattern.pattern!r}."
    return test


def _is_moderation_notice(text: str, opts: CleanOptions) -> bool:
    """A notice about how comments are moderated (may be longer than a prompt)."""
    return len(text) <= opts.notice_max_chars and MODERATION.search(text) is not None


def _is_byline(text: str, opts: CleanOptions) -> bool:
    return byline_match(text, opts.breadcrumb_max_chars) is not None


def _is_dateline(text: str, _: CleanOptions) -> bool:
    m = DATELINE.fullmatch(text)
    return m is not None and parse_date(m["date"]) is not None


# The count of comments a date line may end with, apart by a mark: "Mardi 24 janvier 2017 |
# Mise en ligne à 12h02 | Commentaires (85)".
_COMMENT_COUNT = re.compile(r"\s+[|·•–—-]\s+(?:commentaires?\s*\(\d+\)|\d+\s+commentaires?)\s*$", _I)


# The marks between the parts of a page's stamp: "23 novembre 2025 // High-tech // 25 vues".
_STAMP_MARKS = re.compile(r"\s+(?:/{1,2}|[|·•–—-])\s+")


def _stamp_parts(rest: str, opts: CleanOptions) -> bool:
    """What follows a date on its line is the page's stamp: parts set apart by marks, each
    of a kicker's words at most (the section, a count of views, the issue's number)."""
    parts = [part for part in _STAMP_MARKS.split(" " + rest + " ") if part.strip()]
    return bool(parts) and _STAMP_MARKS.match(" " + rest) is not None \
        and all(_words(part) <= opts.kicker_max_words for part in parts)


def _is_date_line(text: str, opts: CleanOptions) -> bool:
    """A date alone (``date_of_line``), or a date and fewer words after it than a headline
    has, or a stamp's parts (``_stamp_parts``: "23 novembre 2025 // High-tech // 25 vues //
    Nc : 190"): a blog's stamp ("By 15 juillet 2025No Comments"); or a dispatch's head, its
    agency then its date (``agency_date``); or a press release's dateline alone, its place then
    its date ("Montréal, 11 novembre 2022"); or a date then the photo's caption with its credit,
    run together ("11/05/12 - 10h38  La brochure … © Capture d'écran."). A count of comments
    after it, apart by a mark, aside."""
    if len(text) > opts.date_line_max_chars:  # a paragraph, never a date line
        return False
    text = _COMMENT_COUNT.sub("", text)
    stamp = leading_date(text)
    return date_of_line(text) is not None \
        or (stamp is not None and (_words(stamp[1]) < opts.title_min_words or _stamp_parts(stamp[1], opts))) \
        or agency_date(text) is not None \
        or ((placed := dateline(text)) is not None and not placed.rest) \
        or (stamp is not None and CREDIT.fullmatch(stamp[1].strip().rstrip(".")) is not None) \
        or (glued_date(text) is not None and not _is_sentence(text, opts))  # a head's lines run together


def agency_date(text: str) -> tuple[str, dt.date] | None:
    """A dispatch's head: a news agency's name (``cues.yml``, ``agencies``), then a date line
    ("AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)"); the agency's usual
    name and the date."""
    found = CUES.agency_at_start(text)
    if found is None:
        return None
    date = date_of_line(text[found[1]:].lstrip(" ,:|–—-·•").replace("(", " ").replace(")", " "))
    return (found[0], date) if date is not None else None


def _is_short_label(text: str, opts: CleanOptions) -> bool:
    """A line no sentence is: short, without final punctuation."""
    return len(text) <= opts.heading_max_chars and not _ends_with_terminal(text)


# Bullets and marks around a menu's or a button's words.
_BULLETS = " \t•·*►▶–—-|>"


def _as_cue(text: str) -> str:
    """A line as its phrase of furniture is matched: without its bullets and final marks (a
    separator after a button: "Partager cet article /"), and once if it is written twice (a
    button's icon's name and its label run together: "PartagerPartager", "Twitter Twitter")."""
    text = text.strip(_BULLETS).rstrip(" .:!…/|").strip()
    return text[:len(text) // 2].strip() if _written_twice(text) else text


def _furniture_line(text: str, _: CleanOptions) -> Reason | None:
    """The whole line is a phrase of furniture (``cues.yml``, ``line``), or such a phrase
    written twice (an icon's name, then the button's label)."""
    m = CUES.patterns[Where.LINE].fullmatch(_as_cue(text))
    return CUES.reason(m) if m else None


def _furniture_start(text: str, opts: CleanOptions) -> Reason | None:
    """A short line starts with a phrase of furniture (``cues.yml``, ``start``)."""
    if len(text) > opts.prompt_max_chars:
        return None
    m = CUES.patterns[Where.START].match(text.lstrip(_BULLETS))
    return CUES.reason(m) if m else None


_QUOTED = re.compile(r"«[^»]*»?|“[^”]*”?|\"[^\"]*\"?")


def _prompt(text: str, opts: CleanOptions) -> Reason | None:
    """A short line contains a phrase of furniture outside quotation marks (``cues.yml``,
    ``within``): provisional, kept if it stands inside the article."""
    if len(text) > opts.prompt_max_chars:
        return None
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for m in CUES.patterns[Where.WITHIN].finditer(text):
        if not any(start <= m.start() < end for start, end in quoted):
            return CUES.reason(m)
    return None


# A breadcrumb whose arrows have no spaces around them, as a page's copy glues its links:
# "Vous êtesAccueil»Prestataires»FileHost»Test de Mega : l'hébergeur…" (no « to close, no
# < of markup written as text: "Un titre <script>alert('titre')</script> piégé").
GLUED_CRUMBS = re.compile(r"(?:[^«»›<>]{1,60}[»›>]){2,}[^«»›<>]{1,120}")


def _is_breadcrumb(text: str, opts: CleanOptions) -> bool:
    return (len(text) <= opts.breadcrumb_max_chars and not _ends_with_terminal(text)
            and (BREADCRUMB.fullmatch(text) is not None or GLUED_CRUMBS.fullmatch(text) is not None)
            and ATTRIBUTION.search(text) is None)


# A word glued to the next item's capitalised word, as a menu's copy with no marks between
# its items writes them ("britanniqueAngela", "MerkelLa", "BiélorussieAlexeï"); in a word of
# its own, not a handle, an address or a name written in one ("iPhone", "DeepSeek" once).
_GLUED_ITEM = re.compile(rf"[{_LOWER}0-9]{{2}}[{_UPPER}][{_LOWER}']")
_NOT_A_WORD = re.compile(r"[@#/]|https?:|www\.")


def _is_glued_menu(text: str, opts: CleanOptions) -> bool:
    """A menu's items copied with no marks between them: words glued to the next item's
    capitalised word, each such word counted once, in a line longer than a heading (a
    heading may name "YouTube, WhatsApp et DeepSeek") or of one word (a row of buttons:
    "FacebookTwitterFlipboardSendLinkedinMessenger"), with no sentence's end."""
    if (len(text) <= opts.heading_max_chars and " " in text) or _ends_with_terminal(text):
        return False
    glued = {word for word in text.split() if _GLUED_ITEM.search(word) and not _NOT_A_WORD.search(word)}
    return sum(len(_GLUED_ITEM.findall(word)) for word in glued) >= opts.glued_items_min


def _is_tag_line(text: str, opts: CleanOptions) -> bool:
    return _is_short_label(text, opts) and TAG_LINE.fullmatch(text) is not None


def _is_credited(text: str, opts: CleanOptions) -> bool:
    """A caption that ends with its photo credit, or with an image's file name's extension,
    or starts with an image's file name."""
    return (len(text) <= opts.caption_max_chars
            and (CREDIT.fullmatch(text) is not None or IMAGE_FILE_END.fullmatch(text.rstrip()) is not None)) \
        or IMAGE_FILE.fullmatch(text) is not None


LINE_RULES: tuple[LineRule, ...] = (
    LineRule(Rule.SEPARATOR, LineClass.BOILERPLATE, Reason.SEPARATOR, _is_separator),
    LineRule(Rule.NEWS_TICKER, LineClass.BOILERPLATE, Reason.TICKER, _is_news_ticker),
    LineRule(Rule.SOURCE_LINE, LineClass.SOURCE, Reason.SOURCE, _fullmatch(SOURCE_LINE)),
    LineRule(Rule.BYLINE, LineClass.BYLINE, Reason.BYLINE, _is_byline),
    LineRule(Rule.DATELINE, LineClass.DATELINE, Reason.DATELINE, _is_dateline),
    LineRule(Rule.DATE_LINE, LineClass.DATE, Reason.DATE, _is_date_line),
    LineRule(Rule.COUNTER, LineClass.BOILERPLATE, Reason.MEDIA, _is_counter),
    LineRule(Rule.COMMENT_HEADER, LineClass.BOILERPLATE, Reason.COMMENTS, _fullmatch(COMMENT_HEADER)),
    LineRule(Rule.COMMENT_CONTROLS, LineClass.BOILERPLATE, Reason.COMMENTS, _fullmatch(COMMENT_CONTROLS)),
    LineRule(Rule.MODERATION_NOTICE, LineClass.BOILERPLATE, Reason.MODERATION, _is_moderation_notice),
    LineRule(Rule.FURNITURE, LineClass.BOILERPLATE, None, _furniture_line),
    LineRule(Rule.FURNITURE_START, LineClass.BOILERPLATE, None, _furniture_start),
    LineRule(Rule.BREADCRUMB, LineClass.BOILERPLATE, Reason.NAVIGATION, _is_breadcrumb),
    LineRule(Rule.GLUED_MENU, LineClass.BOILERPLATE, Reason.NAVIGATION, _is_glued_menu),
    LineRule(Rule.TAG_LINE, LineClass.BOILERPLATE, Reason.TAGS, _is_tag_line),
    LineRule(Rule.CREDIT, LineClass.BOILERPLATE, Reason.CAPTION, _is_credited),
    LineRule(Rule.IMAGE_ID, LineClass.BOILERPLATE, Reason.IMAGE, _fullmatch(IMAGE_ID)),
    LineRule(Rule.IMAGE_ID, LineClass.BOILERPLATE, Reason.IMAGE, _fullmatch(IMAGE_MARKUP)),
    LineRule(Rule.PROMPT, LineClass.BOILERPLATE, None, _prompt),
)

# Provisional class of article text before the context pass types it.
_TEXT = LineClass.PARAGRAPH


def classify_line(line: SourceLine, opts: CleanOptions = DEFAULT_OPTIONS) -> ClassifiedLine:
    """Pass 1: what the line is, judged alone."""
    text = line.stripped
    if not text:
        return ClassifiedLine(line, LineClass.BLANK, Rule.BLANK)
    form = unify_punctuation(text)
    for rule in LINE_RULES:
        found = rule.test(form, opts)
        if found:
            reason = found if isinstance(found, Reason) else rule.reason
            return ClassifiedLine(line, rule.cls, rule.rule, reason)
    return ClassifiedLine(line, _TEXT, Rule.ARTICLE_TEXT)


# --- pass 2: context -----------------------------------------------------------------

def _is_text(cl: ClassifiedLine) -> bool:
    return cl.rule in (Rule.ARTICLE_TEXT, Rule.EDITOR_KEEP, Rule.LIST_ITEM)


# A signature in brackets after the last sentence: "… a-t-il déclaré. (AFP)".
_SIGNATURE = re.compile(r"\s*\([^()]{1,30}\)\s*$")


def _ends_with_terminal(text: str) -> bool:
    core = _SIGNATURE.sub("", text).rstrip(CLOSING_MARKS)
    return bool(core) and core[-1] in TERMINAL_PUNCTUATION


def _comment_zone(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """From a comment-section header to the end of the page (or a source line), every line
    belongs to the comment section; a moderation notice keeps its own reason. A header
    before the article's first paragraph of prose is a link to the comments ("12
    commentaires" under a title), not their start; so is one the article's text goes on
    after (`_opens_comments`)."""
    prose = _prose(lines, opts)
    first = prose[0] if prose else -1
    header = next((i for i, cl in enumerate(lines) if cl.rule is Rule.COMMENT_HEADER and i > first
                   and _opens_comments(lines, i, prose, opts)), None)
    signed = _signed_comments(lines, first, opts)
    starts = [i for i in (None if header is None else header + 1, signed) if i is not None]
    if not starts:
        return
    for i in range(min(starts), len(lines)):
        cl = lines[i]
        if cl.cls is LineClass.SOURCE:
            break
        if cl.cls is LineClass.BLANK or cl.reason is Reason.MODERATION:
            continue
        lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.COMMENT_SECTION,
                           reason=Reason.COMMENTS)


def _signed_comments(lines: Sequence[ClassifiedLine], first: int, opts: CleanOptions) -> int | None:
    """Where a comment section with no heading starts: the first signature of a thread
    after the article's first paragraph of prose. A signature is a commenter's name, a text
    line of at most ``comment_name_max_words`` words that ends no sentence, right above the
    comment's date or time alone, on a line of its own ("craftylandry", then "24 janvier
    2017", "12h10"); a thread, signatures each within ``comment_max_lines`` lines of the one
    before, at least ``comment_signatures_min`` of them followed by the comment's text, a
    sentence not cut short, within ``comment_text_reach`` lines; the section starts at the
    first of these (a box of the latest comments, each cut short, is no thread). An
    article's own box of other articles (a title, its author, its date) has the next title
    under each date, not a sentence; a live feed stamps its items with no name above."""
    threads: list[list[tuple[int, bool]]] = []
    for i in range(first + 1, len(lines)):
        text = lines[i].text
        if not _is_text(lines[i]) or len(text) > opts.comment_signature_max_chars \
                or not 0 < _words(text) <= opts.comment_name_max_words or _when_alone(text) \
                or text.rstrip(CLOSING_MARKS).endswith((".", "!", "?", "…", ":")):
            continue
        j = _nearest(lines, i + 1, 1)
        stamped = False
        while j is not None and _when_alone(lines[j].text):
            stamped, j = True, _nearest(lines, j + 1, 1)
        if not stamped:
            continue
        following = [] if j is None else \
            _shown(lines, range(j, len(lines)))[:opts.comment_text_reach]
        signed = (i, any(_is_sentence(lines[k].text, opts) and not _cut_short(lines[k].text) for k in following))
        if threads and sum(lines[k].cls is not LineClass.BLANK for k in range(threads[-1][-1][0] + 1, i)) \
                <= opts.comment_max_lines:
            threads[-1].append(signed)
        else:
            threads.append([signed])
    return next((next(i for i, texted in thread if texted) for thread in threads
                 if sum(texted for _, texted in thread) >= opts.comment_signatures_min), None)


def _cut_short(text: str) -> bool:
    """A text cut short by an ellipsis, as a box of the latest comments shows each."""
    return text.rstrip(CLOSING_MARKS).endswith(("...", "…"))


def _when_alone(text: str) -> bool:
    """A line that gives a date or a time of day and nothing else."""
    return date_of_line(text) is not None or time_alone(text)


# The article's publication or update stamp ("Article mis à jour le 7 janvier 2020."), which
# tells a date as a comment's signature does.
_STAMP = re.compile(r"\b(?:publi[ée]e?|mise? (?:à jour|en ligne)|modifi[ée]e?)\b", _I)


def _opens_comments(lines: list[ClassifiedLine], header: int, prose: list[int], opts: CleanOptions) -> bool:
    """Whether the comment header at ``header`` opens the comment section, where every line
    after it goes: the comments show themselves before the next paragraph of prose (a
    comment's signature with its date or time, its buttons, a moderation notice), or less
    prose follows than precedes it. A "réagir" button under an article's standfirst, the
    article going on under it, opens nothing: a line inside the article needs stronger
    evidence than one at its end."""
    after = [i for i in prose if i > header]
    if not after:
        return True
    for cl in lines[header + 1:after[0]]:
        if cl.rule is Rule.COMMENT_CONTROLS or cl.reason is Reason.MODERATION \
                or (cl.cls is not LineClass.BLANK and len(cl.text) <= opts.comment_signature_max_chars
                    and tells_when(cl.text) and _STAMP.search(cl.text) is None):
            return True
    return sum(len(lines[i].text) for i in after) < sum(len(lines[i].text) for i in prose if i < header)


def _button_rows(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """A row of buttons: at least ``cue_run_min_lines`` lines one under the other (blank lines
    aside), each a phrase of ``cues.yml`` under ``run`` ("Facebook", "Twitter", "LinkedIn")
    or a line of furniture of the same reason ("Partager"); its lines are left out."""
    def reason(cl: ClassifiedLine) -> Reason | None:
        if cl.rule is Rule.FURNITURE:
            return cl.reason
        if not _is_text(cl):
            return None
        m = CUES.patterns[Where.RUN].fullmatch(_as_cue(unify_punctuation(cl.text)))
        return CUES.reason(m) if m else None

    shown = [i for i, cl in enumerate(lines) if cl.cls is not LineClass.BLANK]
    for found, group in itertools.groupby(shown, key=lambda i: reason(lines[i])):
        row = list(group)
        if found is None or len(row) < opts.cue_run_min_lines or all(lines[i].rule is Rule.FURNITURE for i in row):
            continue
        for i in row:
            if _is_text(lines[i]):
                lines[i] = replace(lines[i], cls=LineClass.BOILERPLATE, rule=Rule.FURNITURE, reason=found,
                                   doubt=f"left out: one of a row of {len(row)} buttons")


def _blocks_written_twice(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """A block of at least ``twice_block_min_lines`` lines one under the other (blank lines
    aside), a paragraph of prose among them, that the page writes again elsewhere, line for
    line: a box the page shows twice (a site's « about » text in its header and its footer,
    an advertisement's slot), both copies left out. Not when fewer paragraphs of the
    article's main run of prose than a block has stand outside them: a page saved twice
    keeps its article."""
    shown = [i for i, cl in enumerate(lines) if cl.cls is not LineClass.BLANK]
    texts = [_compared(lines[i].text) for i in shown]
    size = opts.twice_block_min_lines
    starts: dict[tuple[str, ...], list[int]] = {}
    for k in range(len(shown) - size + 1):
        starts.setdefault(tuple(texts[k:k + size]), []).append(k)
    twice = [[shown[k:k + size] for k in found] for found in starts.values()
             if len(found) > 1 and found[1] - found[0] >= size]  # side by side: one block, not two
    if not twice:
        return
    prose = _prose(lines, opts)
    prose_set = set(prose)
    copied = {i for blocks in twice if any(i in prose_set for i in blocks[0]) for block in blocks for i in block}
    main = set(_main_run(lines, prose, opts)) if prose else set()
    if len(main - copied) < size:  # the article is what is written twice: the page saved twice
        return
    for i in sorted(copied):
        if _is_text(lines[i]):
            lines[i] = replace(lines[i], cls=LineClass.BOILERPLATE, rule=Rule.REPEATED_LINE, reason=Reason.REPEATED,
                               doubt="left out: in a block of lines the page writes twice")


# An item a list opens with its day and month in figures, however long its headline or teaser:
# "10/11 [Communiqué] En pleine COP26, la France …", "06/06/21 Taxe multinationales : …". An
# article's paragraph opens with a date written out ("Le 6 août 2019, le député …").
_NUMBERED_ITEM = re.compile(r"\s*\d{1,2}[/.]\d{1,2}(?:[/.]\d{2}(?:\d{2})?)?\s+\S")


def _dated_lists(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """A list of other articles, or a live feed, after the article: items each stamped with
    its date or time (``stamp``: "04.12.2019", "Publié le 2 août", "14:44 …"), at least
    ``dated_list_min_items`` stamps of one kind, each within ``dated_item_max_lines`` lines
    of the one before, not oldest first (a page lists news newest first, or in no order, as
    Libération's « 07.04.17 », « 03.04.17 », « 08.04.17 »; an article's chronology runs
    oldest first), two of them different. From its first stamp to its last,
    its lines are left out. Only after the article's text: ``dated_list_after_paragraphs``
    paragraphs of prose between its head (the last byline or date above the list) and the
    list, none opening with a stamp; a live feed that is the page's article, under its head
    and its standfirst ("14:44 Les secours ont retrouvé…"), keeps its lines. A byline or a
    date right under a paragraph signs the text above it, and is no head."""
    stamps = [(i, found) for i, cl in enumerate(lines)
              if cl.cls is not LineClass.BLANK
              and (_NUMBERED_ITEM.match(cl.text) is not None
                   or (len(cl.text) <= opts.stamp_max_chars and not (_is_text(cl) and _is_sentence(cl.text, opts))))
              and (found := stamp(cl.text)) is not None]
    groups: list[list[tuple[int, tuple[StampKind, tuple[int, ...]]]]] = []
    for i, found in stamps:
        if groups:
            at, (kind, _) = groups[-1][-1]
            between = sum(lines[k].cls is not LineClass.BLANK for k in range(at + 1, i))
            if found[0] is kind and between <= opts.dated_item_max_lines:
                groups[-1].append((i, found))
                continue
        groups.append([(i, found)])
    # Not a chronology: an article's runs oldest first; a page's list, newest first or in no order.
    groups = [group for group in groups if len(group) >= opts.dated_list_min_items
              and not all(a[1][1] <= b[1][1] for a, b in itertools.pairwise(group))]
    prose = _prose(lines, opts) if groups else []
    paragraphs = set(prose)  # a byline or a date right under one signs the text above it: no head
    for group in groups:
        first, last = group[0][0], group[-1][0]
        head = max((i for i in range(first) if lines[i].cls in _META and _nearest(lines, i - 1, -1) not in paragraphs),
                   default=-1)
        written = [i for i in prose if head < i < first and stamp(lines[i].text) is None]
        if len(group) < opts.dated_list_min_items or len({key for _, (_, key) in group}) < 2 \
                or len(written) < opts.dated_list_after_paragraphs:
            continue
        reason = Reason.TICKER if group[0][1][0] is StampKind.TIME else Reason.RELATED
        last = _last_item_end(lines, [i for i, _ in group], opts)
        for k in range(first, last + 1):
            cl = lines[k]
            if _is_text(cl) or cl.cls in _META:
                lines[k] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.DATED_LIST, reason=reason,
                                   doubt=f"left out: in a list of {len(group)} stamped items, not oldest first")


def _last_item_end(lines: Sequence[ClassifiedLine], stamps: Sequence[int], opts: CleanOptions) -> int:
    """The last line of a stamped list: its last stamp, or, when each stamp is followed by as
    many lines before the next (its item: "12h25", then the comment cut short), as many
    lines after the last one, none of them a paragraph of prose."""
    gaps = {sum(lines[k].cls is not LineClass.BLANK for k in range(a + 1, b)) for a, b in itertools.pairwise(stamps)}
    if len(gaps) != 1 or (size := gaps.pop()) == 0:
        return stamps[-1]
    tail = _shown(lines, range(stamps[-1] + 1, len(lines)))[:size]
    if len(tail) < size or any(not _is_text(lines[k]) or _is_prose(lines[k].text, opts) for k in tail):
        return stamps[-1]
    return tail[-1]


def _continuations(lines: list[ClassifiedLine]) -> None:
    """A line that starts in lower case right under a line left out as furniture (no blank
    line between) is the rest of its sentence: "Abonnez-vous" then "à L Post pour promouvoir
    la pluralité de la presse…". An article's paragraph starts with a capital; a paragraph
    a scraper cut in two continues a line of the article, not of the furniture."""
    for i in range(1, len(lines)):
        above, cl = lines[i - 1], lines[i]
        if _is_text(cl) and cl.text[:1].islower() and above.cls is LineClass.BOILERPLATE \
                and above.reason is not None and above.rule not in (Rule.AROUND_ARTICLE, Rule.REPEATED_LINE):
            lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.CONTINUATION, reason=above.reason)


def _trailing_teasers(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """At the end of a page, a short line that is not a sentence ("Que se passe-t-il en
    Tunisie ?") written right next to a prompt belongs to that prompt."""
    for i in range(len(lines) - 1, -1, -1):
        cl = lines[i]
        if not _is_text(cl):
            continue
        if cl.rule is Rule.LIST_ITEM:
            return
        neighbours = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        prompt = next((n for n in neighbours if n.cls is LineClass.BOILERPLATE), None)
        text = cl.text
        if (prompt is None or len(text) > opts.teaser_max_chars
                or text.rstrip(CLOSING_MARKS).endswith((".", "…"))):
            return
        lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.TEASER, reason=prompt.reason)


def _is_agency(text: str) -> bool:
    """The line is a news agency's name and nothing else ("Belga")."""
    found = CUES.agency_at_start(text.strip())
    return found is not None and found[1] == len(text.strip())


# A mark between a name of one word and its stamp: « Laurent / Publié le … ». With none, the
# word is the stamp's subject: « Article mis à jour le … ».
_STAMP_MARK = re.compile(r"\s*[|/–—-]")


def _named(text: str) -> bool:
    """Whether the line is a name alone (``NAME_ALONE``) of two words or more, or of one
    set apart from its stamp by a mark; none of its words a button's or a menu's
    (« Partager Facebook »: a share button's label and its network, no one's name)."""
    m = _name_alone(text)
    return m is not None and (_words(m["name"]) >= 2 or _STAMP_MARK.match(text, m.end("name")) is not None) \
        and not any(_furniture_line(word, DEFAULT_OPTIONS) in _BUTTONS for word in m["name"].split())


_BUTTONS = (Reason.SHARE_PROMPT, Reason.NAVIGATION)  # what no word of a name is


def _name_bylines(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """A name alone on its line ("Flavia Giovannelli", "Francis Halin |", a newsroom's desk,
    "Rédaction en ligne", or an agency's, "Belga") is the byline next to a date line, a
    dateline, a "Par" left alone or a date's label with its date left out (« Le »), blank
    lines aside; and so it is right before the first paragraph of prose (under the title;
    over its role, an author's box, or over the article's kind in one word, « Chronique »)
    or right after the article's last line (its signature), if it does not end with a full
    stop (as a caption's "Thierry Geerts CEO BECI." does) nor is all in capitals (a
    section's name: "NEWS FINANCIÈRES"), but an agency's ("AFP"). Names one under the other
    are the authors of one byline. Further under the article than its signature may stand
    (``_signature_end``), a name by a date is another article's author (a box of related
    articles)."""
    names = [i for i, cl in enumerate(lines)
             if _is_text(cl) and len(cl.text) <= opts.name_byline_max_chars
             and (_named(cl.text) or (_name_alone(cl.text) is not None and _is_agency(cl.text)))]
    prose = _prose(lines, opts)
    anchors = [i for i, cl in enumerate(lines)  # and a date's label, its date left out: « Le »
               if cl.cls in (LineClass.DATE, LineClass.DATELINE, LineClass.SOURCE) or cl.reason is Reason.BYLINE
               or (cl.reason is Reason.DATE and not _dated_below(lines, i))]
    main = _main_run(lines, prose, opts) if prose else []
    end = _continued(lines, main[0], main[-1], opts) if main else len(lines)
    edges = {_nearest(lines, prose[0] - 1, -1), _nearest(lines, end + 1, 1)} if prose else set()
    edges |= {_over_roles(lines, i) for i in edges if i is not None}  # a name over its role: an author's box
    edges |= {_nearest(lines, i - 1, -1) for i in edges if i is not None and _is_text(lines[i])
              and _words(lines[i].text) == 1}  # a name over the article's kind: « Wilfried Richy », « Chronique »
    signed_until = _signature_end(lines, end, opts)  # further down, a name by a date is in a box
    bylines: set[int] = set()
    by_place: set[int] = set()  # found by where they stand alone: weaker evidence
    for i in names:
        near = [j for j in anchors if _beside(lines, i, j, opts)]
        if near and i <= signed_until:
            bylines.add(i)
        elif i in edges and not lines[i].text.endswith(".") \
                and (any(c.islower() for c in lines[i].text) or _is_agency(lines[i].text)):
            bylines.add(i)
            by_place.add(i)
    names_set = set(names)
    for i in sorted(bylines):  # the names one under the other of a byline found, up and down
        for step in (-1, 1):
            j = i + step
            while j in names_set:
                bylines.add(j)
                j += step
    for run in _runs(sorted(bylines)):  # more names than a byline gives: a list of people, a menu
        if len(run) > opts.byline_max_names:
            bylines.difference_update(run)
    for i in bylines:
        doubt = "left out as the byline: a name alone at the article's edge" if i in by_place else None
        lines[i] = replace(lines[i], cls=LineClass.BYLINE, rule=Rule.NAME_BYLINE, reason=Reason.BYLINE, doubt=doubt)


def _beside(lines: Sequence[ClassifiedLine], i: int, j: int, opts: CleanOptions) -> bool:
    """Whether lines ``i`` and ``j`` stand together, a blank line aside, or with a reading
    time between them (``byline_block_lines`` lines at most, a blank line around each: a
    byline's block, the name, « Temps de lecture : », « 2 min », « Publié le »)."""
    if abs(j - i) > 2 * opts.byline_block_lines + 2:
        return False
    between = _shown(lines, range(min(i, j) + 1, max(i, j)))
    return (abs(j - i) <= 2 and not between) or (
        0 < len(between) <= opts.byline_block_lines and all(lines[k].reason is Reason.READING_TIME for k in between))


def _over_roles(lines: Sequence[ClassifiedLine], i: int) -> int:
    """The line over the role lines that end at line ``i`` (« Éditorialiste Invité », then
    « Guest Editorialist »): an author's box writes the name over them. Line ``i`` itself if
    it is no role."""
    while _is_text(lines[i]) and _ROLE_LINE.fullmatch(lines[i].text.strip()) is not None \
            and (above := _nearest(lines, i - 1, -1)) is not None:
        i = above
    return i


def _dated_below(lines: Sequence[ClassifiedLine], i: int) -> bool:
    """Whether the line under line ``i`` (a date's label: « Publié le : ») is a date line."""
    below = _nearest(lines, i + 1, 1)
    return below is not None and lines[below].cls is LineClass.DATE


def _runs(indexes: Sequence[int]) -> list[list[int]]:
    """Sorted indexes in runs of consecutive ones: [3, 4, 5, 9] gives [[3, 4, 5], [9]]."""
    runs: list[list[int]] = []
    for i in indexes:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _is_prose(text: str, opts: CleanOptions) -> bool:
    """A paragraph's length, not starting with an address (a long address alone, or a share
    button's leftover code: "https://…jpg', … title="Partager sur Pinterest">"), and not a
    run of names without a mark of punctuation (a tag cloud: "Allemagne Aristote bancor BCE
    Bourse Brexit…")."""
    return (len(text) >= opts.paragraph_min_chars and _ADDRESS_START.match(text) is None
            and not _is_name_run(text))


def _is_name_run(text: str) -> bool:
    """Names or a menu's items run together: no mark that parts a sentence's clauses (a
    question or an exclamation mark, or a colon, may be a menu item's: "Sport Planète T'as
    vu ? Vie Pro", "Discover Türkiye Here We Grow: Spain The New Uzbekistan"), and many
    capitals."""
    words = text.split()
    return (not any(mark in text for mark in ".,;…")
            and sum(word[:1].isupper() for word in words) > len(words) / 3)


# A word: a run of what is not a space, with a letter or a figure in it.
_WORD = re.compile(r"\S*?[^\W_]\S*")


def _words(text: str) -> int:
    """The words of a line: what holds a letter or a figure, not the marks French writes
    apart ("Merci !" is one word)."""
    return len(_WORD.findall(text))


def _wraps(lines: Sequence[ClassifiedLine], i: int, opts: CleanOptions) -> bool:
    """Line ``i`` runs on into the next, as a text wrapped at a fixed width is saved: both
    are text with no blank line between, ``i`` is a line's width long and stops mid-sentence,
    and the next starts in lower case ("… où une grande partie de la" then "population
    reste exclue…")."""
    if i + 1 >= len(lines) or not (_is_text(lines[i]) and _is_text(lines[i + 1])):
        return False
    text, following = lines[i].text, lines[i + 1].text
    return (len(text) >= opts.wrapped_min_chars and not _ends_with_terminal(text)
            and following[:1].islower() and _ADDRESS_START.match(following) is None)


def _prose(lines: Sequence[ClassifiedLine], opts: CleanOptions) -> list[int]:
    """The text lines that are paragraphs of prose: alone, or together with the lines a
    wrapped paragraph was cut into."""
    found: list[int] = []
    run: list[int] = []
    for i, cl in enumerate(lines):
        if not _is_text(cl):
            continue
        run.append(i)
        if _wraps(lines, i, opts):
            continue
        if _is_prose(" ".join(lines[k].text for k in run), opts):
            found.extend(run)
        run = []
    return found


def _is_sentence(text: str, opts: CleanOptions) -> bool:
    """A line that ends a sentence and has a few words: article text wherever it stands."""
    core = text.rstrip(CLOSING_MARKS)
    return _words(text) >= opts.sentence_min_words and bool(core) and core[-1] in ".!?…"


def _article_span(lines: list[ClassifiedLine], opts: CleanOptions) -> tuple[int, int] | None:
    """The article: from its first paragraph of prose to the last of its main run, the run
    of prose with the most text (``_prose_runs``: a footer's legal text or a comment after
    the boxes that close the page is no paragraph of it), or, with no prose, from its first
    sentence to its last. When a byline or a date line stands between the main run and the
    run before it, more than ``title_byline_reach`` lines under that run, the article starts
    with the main run: its head is there, and the prose above is the page's (a sign-in box,
    a blurb about the site), where a standfirst stands right over its byline. A cookie
    notice as long as a paragraph, outside the main run, starts nothing (``_is_consent``);
    nor does a box's teaser over the article's head (``_under_head``)."""
    text = [i for i, cl in enumerate(lines) if _is_text(cl)]
    prose = _prose(lines, opts) \
        or [i for i in text if _is_sentence(lines[i].text, opts)]
    if not prose:
        return None
    runs = _prose_runs(lines, prose, opts)
    main = _main_run(lines, prose, opts, runs)
    start = prose[0]
    while start != main[0] and _is_consent(lines[start].text):  # a consent notice over the page
        start = next(i for i in prose if i > start)
    if main[0] != prose[0]:
        above = runs[runs.index(main) - 1][-1]
        head = next((i for i in range(above + 1, main[0]) if lines[i].cls in _META), None)
        if head is not None and sum(lines[k].cls is not LineClass.BLANK for k in range(above + 1, head)) \
                > opts.title_byline_reach:
            start = main[0]  # the article's head stands between, apart from the prose above: the page's
    start = _under_head(lines, prose, start, main[-1], opts)
    return start, _continued(lines, main[0], main[-1], opts)


def _is_consent(text: str) -> bool:
    """A cookie consent notice, however long ("Nous utilisons les témoins de navigation
    (cookies) afin d'opérer…"): a phrase of ``cues.yml``'s ``consent-banner``."""
    return CUES.has_within(Reason.CONSENT, unify_punctuation(text))


def _under_head(lines: Sequence[ClassifiedLine], prose: list[int], start: int, last: int, opts: CleanOptions) -> int:
    """Where the article starts when a box's teaser opens its run of prose: a paragraph right
    under another article's link (a line left out as a related article's), then the
    article's head, a headline and its byline or date line, then its text (Le Soir's « la
    sélection » over the article): under the head."""
    above = _nearest(lines, start - 1, -1)
    if above is None or lines[above].reason is not Reason.RELATED:
        return start
    head = next((i for i in range(start + 1, last) if lines[i].cls in _META), None)
    if head is None or any(start < i < head for i in prose):
        return start
    headline = next((i for i in range(head - 1, start, -1) if _is_text(lines[i])
                     and _is_headline(lines[i].text, opts, words=opts.title_min_words)), None)
    after = [i for i in prose if i > head]
    return after[0] if headline is not None and len(after) >= 2 else start


def _main_run(lines: Sequence[ClassifiedLine], prose: list[int], opts: CleanOptions,
              runs: list[list[int]] | None = None) -> list[int]:
    """The article's run of prose (``_prose_runs``): the one with the most text, but not,
    while another run is written out, a run of excerpts each cut short by an ellipsis (a box
    of other articles' or films' teasers, « Bilbo Baggins … coule des jours heureux dans la
    Comté. Mais il est… ») nor a cookie notice, most of whose paragraphs are (``_is_consent``)."""
    runs = sorted(runs or _prose_runs(lines, prose, opts), key=lambda run: -sum(len(lines[i].text) for i in run))

    def notice(run: list[int]) -> bool:  # most of its paragraphs a cookie notice's: stop at the first half that is not
        others = 0
        for i in run:
            others += not _is_consent(lines[i].text)
            if 2 * others >= len(run):
                return False
        return True

    return next((run for run in runs if not (len(run) >= 2 and all(_cut_short(lines[i].text) for i in run))
                 and not notice(run)), runs[0])


def _prose_runs(lines: Sequence[ClassifiedLine], prose: list[int], opts: CleanOptions) -> list[list[int]]:
    """The runs of prose: the paragraphs of prose, parted where more than
    ``article_gap_max_lines`` lines that end no sentence stand between two (a page's boxes
    of other articles, its menus), or the heading of a box (``_box_heading``: other
    articles', the author's); the article's is the run with the most text. A sentence between two
    paragraphs may be the article's (a list's item, a short paragraph): it parts nothing."""
    runs = [[prose[0]]]
    for before, after in itertools.pairwise(prose):
        if _gap(lines, before, after, opts) > opts.article_gap_max_lines \
                or _box_heading(lines, before, after) is not None:
            runs.append([after])
        else:
            runs[-1].append(after)
    return runs


def _goes_on(lines: Sequence[ClassifiedLine], paragraph: int, opts: CleanOptions) -> bool:
    """Whether the text goes on under a paragraph: another paragraph of prose right under it
    (blank lines aside), neither a note. Under a box's heading, that is the article going on
    past a box set inside it (« Sur ce thème », a link, then its text), where a box's teasers
    each stand under their headline."""
    following = _nearest(lines, paragraph + 1, 1)
    return following is not None and _is_text(lines[following]) and _is_prose(lines[following].text, opts) \
        and _NOTE_MARK.match(lines[paragraph].text) is None and _NOTE_MARK.match(lines[following].text) is None


def _box_heading(lines: Sequence[ClassifiedLine], before: int, after: int) -> int | None:
    """The heading of a box between two paragraphs, a line that is only a phrase of
    ``cues.yml``'s related links (« Articles liés », « Pour approfondir ») or of its bylines
    (« L'auteur »): the prose under it is the box's (other articles' teasers, the author's
    bio), another run than the article's."""
    return next((i for i in range(before + 1, after)
                 if lines[i].reason in (Reason.RELATED, Reason.BYLINE) and lines[i].rule is Rule.FURNITURE), None)


def _gap(lines: Sequence[ClassifiedLine], before: int, after: int, opts: CleanOptions) -> int:
    """The lines that end no sentence between two paragraphs (blank lines aside)."""
    return sum(1 for cl in lines[before + 1:after]
               if cl.cls is not LineClass.BLANK and not (_is_text(cl) and _is_sentence(cl.text, opts)))


def _continued(lines: Sequence[ClassifiedLine], start: int, last: int, opts: CleanOptions) -> int:
    """The article's last line: after its last paragraph of prose, a sentence still belongs
    to it if the text lines up to it each end mid-sentence (":", ";", ","): a list that an
    introduction announces ("Les montants : " then "• Saint-Alexis : 812 142 $;" …); so do
    the items of an announced list (``_announced_list``), and a heading right above its
    introduction; and in an article of sections (``section_headings_min`` headings between
    its paragraphs), a heading right above a sentence of a standfirst's words ending with a
    full stop, or above a list's introduction and its first sentence (``_introduces``): its
    last section ("Moins en profondeur", then its one sentence), where a box has a teaser's
    question or a notice of a few words."""
    sections = sum(_is_text(lines[k]) and _is_heading(lines[k].text, opts) and not _is_sentence(lines[k].text, opts)
                   for k in range(start, last))
    end, i = last, _nearest(lines, last + 1, 1)
    while i is not None and _is_text(lines[i]):
        text = lines[i].text
        following = _nearest(lines, i + 1, 1)
        if _is_sentence(text, opts) or lines[i].rule is Rule.LIST_ITEM or _next_item(lines, end, i, opts):
            end = i
        elif not text.rstrip(CLOSING_MARKS).endswith((":", ";", ",")) and not (
                _is_heading(text, opts) and following is not None and (
                    _announced_list(lines, following, opts)
                    or (sections >= opts.section_headings_min and _is_text(lines[following])
                        and (_is_standfirst(lines[following].text, opts) or _introduces(lines, following, opts))))):
            break
        i = following
    return end


def _introduces(lines: Sequence[ClassifiedLine], intro: int, opts: CleanOptions) -> bool:
    """Line ``intro`` introduces what follows it: a few words ending with ":" (« Dans plusieurs
    zones, la coupure est devenue la norme : »), then a sentence."""
    following = _nearest(lines, intro + 1, 1)
    return _is_list_intro(lines[intro], opts) \
        and following is not None and _is_text(lines[following]) and _is_sentence(lines[following].text, opts)


def _is_list_intro(cl: ClassifiedLine, opts: CleanOptions) -> bool:
    """A text line of a few words ending with ":", which announces what follows it."""
    return _is_text(cl) and cl.text.rstrip(CLOSING_MARKS).endswith(":") \
        and _words(cl.text) >= opts.list_intro_min_words


# A list's item: a bullet, then a space ("• CERT.tg : L'équipe de réponse…").
_ITEM = re.compile(r"\s*[•·▪►▶*–—-]\s")


def _next_item(lines: Sequence[ClassifiedLine], item: int, i: int, opts: CleanOptions) -> bool:
    """Line ``i`` is the next item of the list whose item ``item`` is: it opens with the same
    bullet and as many words as a standfirst has, ending with a stop or not ("• Les mails
    suspects peuvent être transmis à suspect@safeonweb.be"), where a box's link has a few."""
    bullet = _ITEM.match(lines[item].text)
    return bullet is not None and lines[i].text.startswith(bullet.group()) \
        and _words(lines[i].text) >= opts.standfirst_min_words


def _announced_list(lines: Sequence[ClassifiedLine], intro: int, opts: CleanOptions) -> list[int]:
    """The items of the list a line introduces: a text line of a few words ending with ":"
    ("Le pays a bâti une formidable infrastructure de défense numérique :"), then at least
    two lines each starting with a bullet; or, right under a paragraph of prose ("La liste
    des gagnants:"), at least two lines shorter than a paragraph one under the other, with
    no blank line between ("MEILLEUR FILM: …", "MEILLEUR REALISATEUR: …")."""
    if not _is_list_intro(lines[intro], opts):
        return []
    items: list[int] = []
    j = _nearest(lines, intro + 1, 1)
    while j is not None and _is_text(lines[j]) and _ITEM.match(lines[j].text):
        items.append(j)
        j = _nearest(lines, j + 1, 1)
    if not items and (above := _nearest(lines, intro - 1, -1)) is not None and _is_text(lines[above]) \
            and _is_prose(lines[above].text, opts):
        j = _nearest(lines, intro + 1, 1)  # under a paragraph, a list with no bullets: lines one under the other
        while j is not None and j < len(lines) and _is_text(lines[j]) \
                and len(lines[j].text) < opts.paragraph_min_chars:
            items.append(j)
            j += 1
    return items if len(items) >= 2 else []


def _list_items(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """The items of an announced list are the article's, as their introduction is: never a
    teaser of the links after them, nor a menu."""
    for block in _lists(lines, opts):
        for j in block[1:]:
            lines[j] = replace(lines[j], rule=Rule.LIST_ITEM)


# What starts a line no title starts: a menu's bullet, a time or a date ("18-04 à 17:52 …"),
# a section's number ("I. L'intelligence artificielle comme…", "2) Le contexte").
_NOT_A_TITLE_START = re.compile(r"[•·*►▶]|\d{1,2}\s*[-/.h:]\s*\d{2}\b|(?:[IVX]{1,4}|\d{1,2})[.)]\s|(?i:objet)\s*:")
# What starts no paragraph of prose: an address.
_ADDRESS_START = re.compile(r"https?://|www\.", _I)
# What no title, standfirst or heading holds: an address, a file's path (a server's
# warning left in the page), a publication or update stamp ("Courrier des lecteurs|Mis à
# jour à 10h03"), a date's label alone ("Date de publication", its date on the next
# line), a date in figures ("Couverture du journal du 17/03/2025": headlines
# write dates in words), a rights notice (a caption's credit, « © AFP », « Tous droits
# réservés »: on the development pages, none of the 119 lines that hold one is a title
# or the article's text), a link's call at the end of a banner's line (« … à Lille. En savoir
# plus », « Learn more »), a time of day the English way (« … I 1:45 pm, 20th May »).
_NOT_IN_A_TITLE = re.compile(rf"https?://|(?:/[\w.-]+){{3,}}|(?i:publi[ée]e?|mise? à jour)\s+(?:le|à|:)?\s*"
                             rf"(?i:(?:{'|'.join(WEEKDAYS)})\s+)?\d|(?i:\b(?:publi|post)[ée]e?\s+par\s+[^,]{{1,60}},\s*le\s+\d)"
                             r"|^(?i:date de (?:publication|parution|mise en ligne))\s*:?$"
                             r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b|©|(?i:\bdroits réservés\b)"
                             r"|(?i:\b(?:en savoir plus|lire la suite|learn more|read more)\W*)$"
                             r"|\b\d{1,2}:\d{2}\s?(?i:[ap]\.?m\b\.?)")


def _written_twice(text: str) -> bool:
    """One text written twice on the line, with or without a space between: an image's
    description and its caption run together ("Aristide Adjinacou recevant le prix …
    Aristide Adjinacou recevant le prix …")."""
    half, odd = divmod(len(text), 2)
    return half > 0 and text[:half] == text[half + odd:] and text[half:half + odd].strip() == ""


# A menu's items run together: an item's opening word (cues.yml, item_openers) right after a
# word in small letters, or glued to it ("MacronLe Premier ministre"); a word in small
# letters glued to the next item's capitalised word ("le procèsEmmanuel Macron"; not
# "iPhone", "eBay").
_ITEM_RESTART = re.compile(rf"(?<=[{_LOWER}])\s*(?:{CUES.openers.pattern})(?![{_LOWER}])"
                           rf"|(?<![\w'])[{_LOWER}]{{2,}}[{_UPPER}][{_LOWER}]")


def _items_run_together(text: str, opts: CleanOptions) -> bool:
    """A menu's items written on one line with no mark between them, each starting again
    twice or more ("Les pétitions à la une Les tops pétitions Les pétitions récentes
    COVID-19"; "le procèsEmmanuel MacronLe Premier ministre Jean Castex"): no headline
    starts again so, and a title is never a menu."""
    return len(_ITEM_RESTART.findall(unify_punctuation(text))) >= opts.run_together_min_restarts


# The marks between a menu's items (cues.yml, separators), but the closing quotation mark,
# which ends a quotation in a headline ("« Oui » à l'Europe").
_MENU_MARKS = CUES.separators.replace("»", "")
_ITEM_MARKS = re.compile(rf"\s[{re.escape(_MENU_MARKS)}]\s") if _MENU_MARKS else re.compile("(?!)")


def _menu_items_line(text: str, opts: CleanOptions) -> bool:
    """Two items or more apart by a menu's marks, each of a kicker's words at most: a page's
    sections or categories ("Anti colonialisme / Anti impérialisme", "Analyse et réflexion ·
    Répression"), never a title. On the development pages, 325 lines are such (tickers,
    menus, boxes of other articles, credits), none a title or the article's text."""
    parts = _ITEM_MARKS.split(text)
    return len(parts) >= 2 and all(0 < _words(part) <= opts.kicker_max_words for part in parts)


def _is_name(text: str) -> bool:
    """Every word capitalised, as a name is written ("Bannière Actu Lomé", "Radio Okapi
    (Kinshasa)"), where French headlines capitalise their first word and names only."""
    words = [word.strip("«»“”\"'()[]") for word in text.split()]
    return all(word[:1].isupper() or not word[:1].isalpha() for word in words)


def _comma_items(text: str) -> list[str]:
    """The items of a line of three or more apart by commas; none for a line of fewer."""
    items = [item.strip() for item in text.split(",")]
    return items if len(items) >= 3 else []


def _is_list_of_names(text: str) -> bool:
    """Three names or more, apart by commas, each of a few words with a capital: a page's
    tags ("La République en marche, Justice, Emmanuel Macron"), not a headline."""
    return bool(items := _comma_items(text)) and all(item[:1].isupper() and len(item.split()) <= 4 for item in items)


def _is_tag_list(text: str) -> bool:
    """Three items or more apart by commas, each of three words at most: a page's tags (« AMF
    IA, Numérique, réseaux sociaux »), not a headline."""
    return bool(items := _comma_items(text)) and all(0 < _words(item) <= 3 for item in items)


def _may_be_title(text: str, opts: CleanOptions, *, words: int) -> bool:
    """Short enough, of enough words, starting as a headline starts: a capital, a figure or
    a quotation mark ("par Jean Dupont" is no title; "iPhone 16 : …" may be); not one text
    written twice, nor an author's role of a kicker's words (« Guest Editorialist »). A
    portal's stamp run into its start is judged by the headline after it ("16-05-2025 10:02
    - « … »")."""
    text = stamped[1] if (stamped := _after_stamp(text)) is not None else text
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    return (len(text) <= opts.title_max_chars and not text.endswith(":") and not _written_twice(text)
            and (not first[:1].isalpha() or any(c.isupper() for c in first))
            and sum(any(c.isalpha() for c in word) for word in text.split()) >= words
            and _NOT_A_TITLE_START.match(text) is None and _NOT_IN_A_TITLE.search(text) is None
            and not _items_run_together(text, opts) and not _menu_items_line(text, opts)
            and not (_words(text) <= opts.kicker_max_words and _ROLE_LINE.fullmatch(text) is not None))


_META = (LineClass.BYLINE, LineClass.DATELINE, LineClass.DATE)


def _menu_items(lines: Sequence[ClassifiedLine], opts: CleanOptions) -> set[int]:
    """Lines of a few words each, one under the other (blank lines aside): a menu. A byline
    or a date ends it (or a date's label, its date left out: « Publié le »), and the line
    just above one is a title, not an item."""
    items: set[int] = set()
    run: list[int] = []
    for i, cl in enumerate([*lines, None]):
        if cl is not None and cl.cls is LineClass.BLANK:
            continue
        dated = cl is not None and (cl.cls in _META or cl.reason is Reason.DATE)  # « Publié le », its date left out
        if cl is not None and cl.cls in (LineClass.BOILERPLATE, _TEXT) and not dated \
                and _words(cl.text) <= opts.kicker_max_words:
            run.append(i)
            continue
        if dated:
            run = run[:-1]
        if len(run) >= opts.menu_min_items:
            items.update(run)
        run = []
    return items


def _is_headline(text: str, opts: CleanOptions, *, words: int) -> bool:
    """A line that may be a title (``_may_be_title``) and does not end with a full stop, as
    a caption or a standfirst does; it may end with an ellipsis ("Belfius fait déjà le
    buzz...")."""
    core = text.rstrip(CLOSING_MARKS)
    return _may_be_title(text, opts, words=words) and (not core.endswith((".", "…")) or core.endswith(("...", "…")))


def _header(lines: list[ClassifiedLine], span: tuple[int, int] | None, boxed: set[int], opts: CleanOptions) -> None:
    """Title and standfirst, among the text lines before the first paragraph of prose.

    The title is a line that does not end with a full stop (or, if every line there does,
    the one nearest the byline or the date, or else the first right under the page's date: a
    sentence under a menu is a photo's caption, and the page shows no title). With a byline
    or dateline there (or a date line among the ``title_byline_reach`` lines over the text, a
    line that may be a title above it: a date further up is the site's), it is the last such
    line among the ``title_byline_reach`` lines above it, or else the first after it (a date
    above the headline), or else the last further up; but a line there of a kicker's words
    with no headline over it gives way to a headline of more words under the date (a
    section's name over the date: « Dossiers et enquêtes », then the date, the tags, the
    headline); and the standfirst the single short sentence just after the byline or
    dateline; without one, the last such line of three words or more (one or two words
    there are a menu's or a section's name, and so are a few short lines one under the
    other), or, if every line there ends with a full stop and none stands under a date, the
    first in a headline's form, a subject and a colon (« Cameroun: le site … victime d'une
    attaque. »). But a headline of more than a kicker's words right above the line chosen
    is the title, and the line chosen its subtitle, standfirst or caption. A line right
    after the title, shorter than a paragraph, is the standfirst if it is longer than the
    title or a headline written just under it (its subtitle). A headline the page writes
    twice, a few lines apart (its header, then the article's), is the title, wherever it
    stands among them, and so is one the page opens on, written twice side by side (a tab's
    title, then the page's). With no header, a headline as long as a paragraph that opens
    the page is the title (``_headline_opens``). Other header lines stay article text."""
    first = span[0] if span else len(lines)
    menu = _menu_items(lines[:first], opts)
    for i in boxed:  # another article's byline, in the box over the article (``_related_box``)
        if lines[i].cls in _META:
            lines[i] = replace(lines[i], cls=LineClass.BOILERPLATE, rule=Rule.TEASER, reason=Reason.RELATED,
                               doubt="left out: in a box of other articles above the article")
    header = [i for i in range(first) if _is_text(lines[i]) and i not in menu and i not in boxed]
    meta = next((i for i in range(first) if lines[i].cls in (LineClass.BYLINE, LineClass.DATELINE) and i not in boxed),
                None)
    if meta is None:  # the article's date right above its text, under its headline (a date further up is the site's)
        closing = _shown(lines, range(first - 1, -1, -1))[:opts.title_byline_reach]
        dated_at = next((i for i in closing if lines[i].cls is LineClass.DATE), None)
        over = _shown(lines, range(dated_at or 0))[-opts.title_byline_reach:]
        if dated_at is not None and any(i in header and _may_be_title(lines[i].text, opts, words=opts.title_min_words)
                                        for i in over):
            meta = dated_at
    under_date = False
    if meta is not None:
        title, under_date = _title_by_meta(lines, header, meta, opts)
    else:
        title = _title_without_meta(lines, header, opts)
    if title is None and span is not None and _headline_opens(lines, first, opts):
        title = first
    if title is None and span is not None:
        title = _head_in_text(lines, span, opts)
    if title is None:
        return
    shown = _shown(lines, range(first - 1, -1, -1))
    last_lines = set(shown[:opts.title_copy_reach])
    twice = next((i for i in header if i in last_lines  # the head's: a menu's item written again is further up
                  and _is_headline(lines[i].text, opts, words=opts.title_min_words)
                  and any(c.islower() for c in lines[i].text)  # a section's name in capitals, written again
                  and _written_again(lines, i, opts)), None)
    opening = _shown(lines, range(first))[:2]  # the page opens on its headline written twice
    if twice is None and len(opening) == 2 and opening[1] in header and lines[opening[0]].reason is Reason.REPEATED \
            and _same_text(lines[opening[0]].text, lines[opening[1]].text) \
            and _is_headline(lines[opening[1]].text, opts, words=opts.kicker_max_words + 1):  # not a logo's text
        twice = opening[1]
    if twice is not None:
        title = twice
    elif not under_date:  # under its date, a line over the headline is a tag's or a kicker's, no title
        title = _headline_above(lines, _headline_under(lines, title, opts), opts)
    title = next((i for i in header if _same_text(lines[i].text, lines[title].text)), title)  # repeated: the first
    _mark_title(lines, title, opts)


def _title_by_meta(lines: list[ClassifiedLine], header: list[int], meta: int,
                   opts: CleanOptions) -> tuple[int | None, bool]:
    """The title of a head with a byline, a dateline or a date line (``meta``), and whether it
    was taken under the date over a section's name above it (``_header``); the single short
    sentence just after the byline or date is the standfirst."""
    before = [i for i in header if i < meta and _may_be_title(lines[i].text, opts, words=1)]
    plain = [i for i in before if _is_headline(lines[i].text, opts, words=1)]
    under = [i for i in header if i > meta and _is_headline(lines[i].text, opts, words=opts.title_min_words)]
    near = [i for i in plain if sum(lines[k].cls is not LineClass.BLANK for k in range(i, meta))
            <= opts.title_byline_reach]
    pool = near or under[:1] or plain or before  # a headline under its date, when none is above
    title: int | None = pool[-1] if pool else None
    heads = [i for i in under if not _is_tag_list(lines[i].text)]  # not « AMF IA, Numérique, réseaux sociaux »
    under_date = title is not None and title < meta and bool(heads) \
        and _words(lines[title].text) <= opts.kicker_max_words \
        and _words(lines[heads[0]].text) > opts.kicker_max_words \
        and _headline_above(lines, title, opts) == title  # a section's name over the date, the headline under it
    if under_date:
        title = heads[0]
    after = [i for i in header if i > meta]
    if after and len(lines[after[0]].text) <= opts.standfirst_max_chars and _ends_with_terminal(lines[after[0]].text):
        lines[after[0]] = replace(lines[after[0]], cls=LineClass.STANDFIRST, rule=Rule.STANDFIRST)
    return title, under_date


def _title_without_meta(lines: Sequence[ClassifiedLine], header: list[int], opts: CleanOptions) -> int | None:
    """The title of a head with no byline nor date near the text (``_header``)."""
    candidates = [i for i in header if _may_be_title(lines[i].text, opts, words=opts.title_min_words)]
    plain = [i for i in candidates if _is_headline(lines[i].text, opts, words=opts.title_min_words)]
    plain = [i for i in plain if any(c.islower() for c in lines[i].text)] or plain  # a kicker in capitals last
    plain = [i for i in plain if not _is_name(lines[i].text) and not _is_list_of_names(lines[i].text)] \
        or plain  # a site's or a banner's name, a list of tags, last
    dated = [i for i in candidates
             if (above := _nearest(lines, i - 1, -1)) is not None and lines[above].cls in _META]
    headed = [i for i in plain  # a headline over its date (« AFP 30 avril 2015 à 07:19 »), buttons under it
              if (below := _nearest(lines, i + 1, 1)) is not None and lines[below].cls in _META
              and _UPDATE_ONLY.match(unify_punctuation(lines[below].text)) is None]  # not a widget's update
    stated = [i for i in candidates if _SUBJECT_COLON.match(lines[i].text) is not None
              and len(lines[i].text) < opts.paragraph_min_chars]  # « Cameroun: le site … victime d'une attaque. »
    return (headed or plain)[-1] if plain else (dated[0] if dated else (stated[0] if stated else None))


def _mark_title(lines: list[ClassifiedLine], title: int, opts: CleanOptions) -> None:
    """Line ``title`` is the title, and so is the line right under it that ends the headline
    its comma leaves open; a line right after the title, shorter than a paragraph, is the
    standfirst if it is longer than the title or a headline written just under it (its
    subtitle)."""
    following = _nearest(lines, title + 1, 1)
    if following == title + 1 and lines[title].text.rstrip().endswith(",") and _is_text(lines[following]) \
            and _is_headline(lines[following].text, opts, words=opts.title_min_words):  # a headline on two lines
        lines[following] = replace(lines[following], cls=LineClass.TITLE, rule=Rule.TITLE, reason=Reason.TITLE)
        following = _nearest(lines, following + 1, 1)
    if following is not None and _is_text(lines[following]) and len(lines[following].text) < opts.paragraph_min_chars \
            and _NOT_IN_A_TITLE.search(lines[following].text) is None \
            and _NOT_A_TITLE_START.match(lines[following].text) is None \
            and not _items_run_together(lines[following].text, opts) \
            and not _same_text(lines[following].text, lines[title].text) \
            and (len(lines[title].text) < len(lines[following].text)
                 or (following == title + 1 and _is_headline(lines[following].text, opts, words=opts.title_min_words))):
        lines[following] = replace(lines[following], cls=LineClass.STANDFIRST, rule=Rule.STANDFIRST)
    lines[title] = replace(lines[title], cls=LineClass.TITLE, rule=Rule.TITLE, reason=Reason.TITLE)


def _head_in_text(lines: Sequence[ClassifiedLine], span: tuple[int, int], opts: CleanOptions) -> int | None:
    """With no title before the article's first paragraph, the article's head among the
    paragraphs the page sets over it (a side bar's blurbs, a photo's caption): a headline
    right above a byline or a date line (or a run of them: the date, then the byline), over
    a paragraph of prose among the ``title_byline_reach`` lines under it, with no sentence
    between (the authors' boxes may stand there: « Auteur », a job title): « Putsh en cours
    à Radio Kaléidoscope », « Publié le 9 juin 2019 », then the text."""
    for i in range(span[0], span[1]):
        if lines[i].cls not in (LineClass.BYLINE, LineClass.DATELINE):
            continue
        above = _nearest(lines, i - 1, -1)
        while above is not None and lines[above].cls in _META:  # the date over the byline
            above = _nearest(lines, above - 1, -1)
        after = _shown(lines, range(i + 1, span[1] + 1))[:opts.title_byline_reach]
        below = next((j for j in after if _is_prose(lines[j].text, opts)), None)  # the authors' boxes aside
        if above is not None and below is not None and _is_text(lines[above]) and _is_text(lines[below]) \
                and not any(_is_text(lines[j]) and _is_sentence(lines[j].text, opts) for j in after if j < below) \
                and _is_headline(lines[above].text, opts, words=opts.title_min_words) \
                and not _is_sentence(lines[above].text, opts):
            return above
    return None


def _related_box(lines: Sequence[ClassifiedLine], first: int, opts: CleanOptions) -> set[int]:
    """The lines of a box of other articles above the article's first paragraph: under its
    heading (« Sur le même sujet », « À lire aussi », « LINKS »), the ``title_byline_reach``
    lines that follow (blank lines aside), up to a paragraph of prose. Their headlines and
    bylines are the other articles' (« A Katmandou, exode sous pression », « Par Sébastien
    Farcis »), never the article's title or byline."""
    boxed: set[int] = set()
    for i in range(first):
        if lines[i].reason is Reason.RELATED and lines[i].rule in (Rule.FURNITURE, Rule.FURNITURE_START):
            shown = _shown(lines, range(i + 1, first))
            for j in shown[:opts.title_byline_reach]:
                if _is_prose(lines[j].text, opts):
                    break
                boxed.add(j)
    return boxed


def _headline_opens(lines: Sequence[ClassifiedLine], first: int, opts: CleanOptions) -> bool:
    """The page's first line of prose is its headline when nothing above is one: a
    headline's shape (no full stop, no "!" or "?" that ends a sentence either), no
    sentence above it (a menu's items, an icon's name), and a paragraph of prose the next
    text line under it (furniture aside: an image's placeholder between the two)."""
    text = lines[first].text
    following = next((j for j in range(first + 1, len(lines)) if _is_text(lines[j])), None)
    return (not any(_is_text(cl) and _is_sentence(cl.text, opts) for cl in lines[:first])
            and _is_headline(text, opts, words=opts.title_min_words)
            and not _is_sentence(text, opts) and not text.rstrip(CLOSING_MARKS).endswith((",", ";"))
            and following is not None and _is_prose(lines[following].text, opts))


def _byline_under_title(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """A name alone among the lines right under the title (its standfirst aside) is the
    byline, and so is the same name written again beside it (an author's picture's text,
    then the name): "Baptiste Ricard-Châtelain" twice under the headline. Not a name with
    a full stop (a caption's "Thierry Geerts CEO BECI."), nor one right under a caption
    (the photo's credit), nor a banner's or a logo's text."""
    at = next((i for i, cl in enumerate(lines) if cl.cls is LineClass.TITLE), None)
    if at is None or any(cl.cls is LineClass.BYLINE for cl in lines):
        return
    following = _shown(lines, range(at + 1, len(lines)))[:opts.byline_reach]
    for i in following:
        cl = lines[i]
        if cl.cls is LineClass.STANDFIRST:
            continue
        above = _nearest(lines, i - 1, -1)
        if not (_is_text(cl) or cl.rule is Rule.REPEATED_LINE) or len(cl.text) > opts.name_byline_max_chars \
                or not _named(cl.text) \
                or not any(c.islower() for c in cl.text) or cl.text.rstrip().endswith(".") \
                or (above is not None and lines[above].reason is Reason.CAPTION):  # a photo's credit
            continue
        for j in following:
            if _same_text(lines[j].text, cl.text):
                lines[j] = replace(lines[j], cls=LineClass.BYLINE, rule=Rule.NAME_BYLINE, reason=Reason.BYLINE,
                                   doubt="left out as the byline: a name alone under the title")
        return


def _written_again(lines: Sequence[ClassifiedLine], i: int, opts: CleanOptions) -> bool:
    """The same line again within ``title_copy_reach`` lines, not side by side with it (an
    image's description and its caption, a logo's text twice, are side by side). A page
    writes its headline twice in its head (a sticky bar, an image's text, a breadcrumb);
    copies far apart are a menu and the footer that repeats it."""
    near = {_nearest(lines, i - 1, -1), _nearest(lines, i + 1, 1)}
    reach = range(max(0, i - opts.title_copy_reach), min(len(lines), i + opts.title_copy_reach + 1))
    return any(_same_text(lines[j].text, lines[i].text) for j in reach if j != i and j not in near)


def _shown(lines: Sequence[ClassifiedLine], indexes: Iterable[int]) -> list[int]:
    """The lines among ``indexes`` that are not blank, in their order."""
    return [i for i in indexes if lines[i].cls is not LineClass.BLANK]


def _nearest(lines: Sequence[ClassifiedLine], start: int, step: int) -> int | None:
    """The first line that is not blank from ``start`` on, going forward (``step`` 1) or back (-1)."""
    end = len(lines) if step > 0 else -1
    return next((i for i in range(start, end, step) if lines[i].cls is not LineClass.BLANK), None)


# A headline's form: a subject, a colon, what is said of it ("Salon WeTech : la technologie
# et les métiers de demain s'exposent au Touquet").
_HEADLINE_FORM = re.compile(r"^[^:]{2,60}\s:\s")
# The same, the colon written the English way too, with no space before: "Cameroun: le site …".
_SUBJECT_COLON = re.compile(r"^[^:]{2,60}\s?:\s")


def _headline_under(lines: list[ClassifiedLine], chosen: int, opts: CleanOptions) -> int:
    """A line chosen of a kicker's words at most, right over a headline in capitals of more
    words (« Économie des territoires », then « DATA CENTERS : FRANCE URBAINE MOBILISÉE… »):
    the kicker, over its title. A capitals line is put last among titles as a kicker's
    usually is; under a shorter line, it is the headline."""
    below = _nearest(lines, chosen + 1, 1)
    if below is None or not _is_text(lines[below]) or _words(lines[chosen].text) > opts.kicker_max_words:
        return chosen
    text = lines[below].text
    return below if (not any(c.islower() for c in text) and _words(text) > _words(lines[chosen].text)
                     and _is_headline(text, opts, words=opts.title_min_words)) else chosen


def _headline_above(lines: list[ClassifiedLine], chosen: int, opts: CleanOptions) -> int:
    """A standfirst without a full stop, a subtitle or a caption without a credit looks like
    a title; but the title stands right above it: a headline of more words than a kicker,
    shorter than the line chosen (a standfirst is longer than its title) or written on the
    line just before it, with no blank line between (the title's block), or wherever it
    stands when the line chosen has no more words than a kicker (a section's name between the
    headline and the byline: "Éducation", "Ma ville au quotidien") or is cut short by an
    ellipsis (« FOOTBALL Le club breton recherche un technicien étranger... », a standfirst's
    beginning). A kicker above a title has fewer words, and a line apart and longer above a
    title is the page's, not the article's; a line chosen in a headline's form ("Salon
    WeTech : la technologie…") under a line that is not stays the title: the line above is
    a kicker of more words."""
    above = _nearest(lines, chosen - 1, -1)
    if above is None or not _is_text(lines[above]) \
            or not _is_headline(lines[above].text, opts, words=opts.kicker_max_words + 1) \
            or not any(c.islower() for c in lines[above].text):  # a kicker in capitals
        return chosen
    if _HEADLINE_FORM.search(lines[chosen].text) and not _HEADLINE_FORM.search(lines[above].text):
        return chosen
    if len(lines[above].text) < len(lines[chosen].text) or above == chosen - 1 \
            or _words(lines[chosen].text) <= opts.kicker_max_words or _cut_short(lines[chosen].text):
        return above  # (a standfirst cut short by an ellipsis may be shorter than its title)
    return chosen


_QUOTE_MARKS_ONE = "“”„«»"  # compared as "


def _compared(text: str) -> str:
    """A line as it is compared with another: punctuation unified (quotation marks too: « »
    and “ ” are "), spaces collapsed."""
    text = unify_punctuation(text)
    for mark in _QUOTE_MARKS_ONE:
        if mark in text:
            text = text.replace(mark, '"')
    return " ".join(text.split())


def _same_text(a: str, b: str) -> bool:
    return _compared(a) == _compared(b)


def _twins(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """Two lines next to each other of which one starts with the other: an image's
    description, then its caption. The first is left out; so is the second when it is the
    longer (the description, then more: the caption) and too short to be a paragraph. The
    second that is the first's start stays (a page's code run into the headline, then the
    headline). The same line twice: the first is left out if it is shorter than a
    paragraph (a caption and its description); a longer one stays (``_described_twice``
    decides). A line next to the same caption with its
    photo credit added is that caption: it is left out too. A line cut short ("…", "...")
    right above the line it is the start of is that line's teaser: it is left out."""
    kept = [i for i, cl in enumerate(lines) if cl.cls is not LineClass.BLANK]
    for i, j in itertools.pairwise(kept):
        one, two = lines[i], lines[j]
        if j - i > 2:
            continue
        credited = next((k for k in (i, j) if lines[k].rule is Rule.CREDIT), None)
        plain = j if credited == i else i
        caption = lines[plain].text.lstrip(_BULLETS)  # an image's description may be a list's item
        if credited is not None and _is_text(lines[plain]) and len(caption) >= opts.twin_min_chars \
                and lines[credited].text.lstrip(_BULLETS).startswith(caption):  # the caption, then with its credit
            lines[plain] = replace(lines[plain], cls=LineClass.BOILERPLATE, rule=Rule.REPEATED_LINE,
                                   reason=Reason.CAPTION)
            continue
        if not (_is_text(one) and _is_text(two)):
            continue
        if one.text == two.text:
            if len(one.text) < opts.paragraph_min_chars:
                lines[i] = replace(one, cls=LineClass.BOILERPLATE, rule=Rule.REPEATED_LINE, reason=Reason.REPEATED)
            continue
        cut = one.text.rstrip()
        cut = (cut[:-3] if cut.endswith("...") else cut[:-1] if cut.endswith("…") else "").rstrip()
        if len(cut) >= opts.twin_min_chars and two.text.startswith(cut):  # the start, cut short
            lines[i] = replace(one, cls=LineClass.BOILERPLATE, rule=Rule.REPEATED_LINE, reason=Reason.REPEATED)
            continue
        short, long = sorted((one.text, two.text), key=len)
        if len(short) >= opts.twin_min_chars and long.startswith(short):
            lines[i] = replace(one, cls=LineClass.BOILERPLATE, rule=Rule.REPEATED_LINE, reason=Reason.REPEATED)
            if len(two.text) < opts.paragraph_min_chars and two.text.startswith(one.text):
                lines[j] = replace(two, cls=LineClass.BOILERPLATE, rule=Rule.REPEATED_LINE, reason=Reason.CAPTION,
                                   doubt="left out: the caption of the image described on the line before")


def _described_twice(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """A text line of a paragraph's length written again under itself, at most
    ``caption_twin_reach`` lines down, with nothing between but blank lines and at least one
    line of a picture's already left out (its credit, a slide show's count, a viewer's
    buttons), below the page's first byline or first line of a paragraph's length: a
    picture's description and its caption. Both copies are left out, with a doubt, so the
    editor sees them. Not the same line written twice with nothing of a picture's between (a
    page may write its standfirst again as its first paragraph), nor above the byline and
    the text (the title, then a picture described with it)."""
    texts = [i for i, cl in enumerate(lines) if _is_text(cl)]
    below = next((i for i, cl in enumerate(lines) if cl.cls is LineClass.BYLINE
                  or (_is_text(cl) and len(cl.text) >= opts.paragraph_min_chars)), len(lines))
    for i, j in itertools.pairwise(texts):
        if i > below and j - i <= opts.caption_twin_reach and len(lines[i].text) >= opts.paragraph_min_chars \
                and any(_of_a_picture(lines[k]) for k in range(i + 1, j)) \
                and _same_text(lines[i].text, lines[j].text):
            for k in (i, j):
                lines[k] = replace(lines[k], cls=LineClass.BOILERPLATE, rule=Rule.REPEATED_LINE,
                                   reason=Reason.CAPTION,
                                   doubt="left out: written twice around a picture's credit or buttons, "
                                         "its description and its caption")


def _of_a_picture(cl: ClassifiedLine) -> bool:
    """A line left out as a picture's: its credit, its number in a slide show, its viewer's
    buttons or its placeholder."""
    return cl.reason in (Reason.CAPTION, Reason.MEDIA, Reason.IMAGE) or cl.rule in (Rule.CREDIT, Rule.COUNTER)


# A sentence's end followed by another sentence on the same line.
_SENTENCES = re.compile(rf"[.!?…]\s+[«\"{_UPPER}]")


def _captions(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """A photo's caption sits right above its credit ("Keystone", "© X pour Le Point", or a
    caption that ends with its credit): a sentence shorter than a paragraph, written on the
    line just before a line left out as a caption (or a blank line above it), and set apart
    from the text above it (a blank line or furniture before it), is that photo's caption;
    but when the credit has its caption before it ("Michel Daerden © Belga"), a line of two
    sentences or more above it is the article's standfirst. Kept if a text line runs
    straight into it: on a page that writes no blank line between its paragraphs, nothing
    tells a caption from a short paragraph. Likewise a line of a caption's length right
    under an image's placeholder or number, the two set apart from the text around them (a
    paragraph's length at the page's end, with nothing after it, stays)."""
    for i in range(len(lines) - 1):
        below = lines[i + 1]
        if lines[i].reason is not Reason.IMAGE or not _is_text(below) or len(below.text) > opts.caption_max_chars:
            continue
        if (i > 0 and _is_text(lines[i - 1])) or (i + 2 < len(lines) and _is_text(lines[i + 2])):
            continue  # the image and the line are not a block of their own: a page without blank lines
        if i + 2 >= len(lines) and len(below.text) >= opts.paragraph_min_chars:
            continue  # nothing after it to set it apart: the article's last paragraph, under its image
        lines[i + 1] = replace(below, cls=LineClass.BOILERPLATE, rule=Rule.CAPTION, reason=Reason.CAPTION,
                               doubt="left out as a caption: right under an image's placeholder")
    for i in range(1, len(lines)):
        a = _nearest(lines, i - 1, -1)
        if a is None or a < i - 2:
            continue
        above = lines[a]
        captioned = "©" in lines[i].text and lines[i].text.split("©")[0].strip() != "" \
            and _SENTENCES.search(above.text) is not None  # "Michel Daerden © Belga" under a standfirst
        if lines[i].reason is not Reason.CAPTION or not _is_text(above) or captioned \
                or len(above.text) >= opts.paragraph_min_chars \
                or not above.text.rstrip(CLOSING_MARKS).endswith((".", "…")):
            continue
        if a >= 1 and _is_text(lines[a - 1]):
            continue
        lines[a] = replace(above, cls=LineClass.BOILERPLATE, rule=Rule.CAPTION, reason=Reason.CAPTION,
                           doubt="left out as a caption: a short sentence right above a photo's credit")


# An embedded tweet's signature, which a page without the tweet's script shows under its text:
# "— Téléfoot (@telefoot_TF1) June 1, 2018". Two tweets of one account on one day sign alike.
_TWEET_SIGNATURE = re.compile(r"[—–-]\s*[^()]{1,60}\(@\w{1,15}\)\s+\S.{0,40}\d{4}")


def _table_of_contents(lines: Sequence[ClassifiedLine], opts: CleanOptions) -> list[int]:
    """A table of contents: text lines shorter than a paragraph, one under the other,
    ``toc_min_items`` of them or more written again further down, each copy right over a
    paragraph of prose (« Sommaire », then a live page's headings, each again over its
    section)."""
    short = [_is_text(cl) and len(cl.text) < opts.paragraph_min_chars for cl in lines]
    runs = [list(group) for key, group in itertools.groupby(_shown(lines, range(len(lines))), key=short.__getitem__)
            if key]
    at: dict[str, list[int]] = {}
    for i, cl in enumerate(lines):
        if short[i]:
            at.setdefault(_compared(cl.text), []).append(i)

    def heading_copy(item: int, after: int) -> int | None:
        return next((j for j in at[_compared(lines[item].text)]
                     if j > after and (below := _nearest(lines, j + 1, 1)) is not None
                     and _is_text(lines[below]) and _is_prose(lines[below].text, opts)), None)

    for run in runs:
        if len(run) < opts.toc_min_items:
            continue
        if sum(heading_copy(item, run[-1]) is not None for item in run) >= opts.toc_min_items:
            return run
    return []


def _repeated_short_lines(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    """A text line shorter than a paragraph written again further down the page, apart from
    its first copy (a slide show writes each caption again under each image), or a line of
    any length written ``repeats_min`` times or more, each copy apart from the one before by
    lines that are no paragraph (an image's number, its credit): the later copies are left
    out, the first stays in the text, so nothing of the article is lost. An embedded tweet's
    signature is no copy: each signs its own tweet. But a table of contents goes, and the
    headings it lists stay (``_table_of_contents``)."""
    for i in _table_of_contents(lines, opts):  # the headings it lists are then their first copies
        lines[i] = replace(lines[i], cls=LineClass.BOILERPLATE, rule=Rule.REPEATED_LINE, reason=Reason.NAVIGATION,
                           doubt="left out: a table of contents, its headings written again over the sections")
    seen: dict[str, int] = {}
    last: dict[str, int] = {}
    copies = Counter(_compared(cl.text) for cl in lines if _is_text(cl))
    for i, cl in enumerate(lines):
        if not _is_text(cl):
            continue
        if _TWEET_SIGNATURE.fullmatch(cl.text.strip()):
            continue
        key = _compared(cl.text)
        first = seen.setdefault(key, i)
        before, last[key] = last.get(key), i
        if first == i:
            continue
        between = [lines[k] for k in range(before + 1, i) if lines[k].cls is not LineClass.BLANK] \
            if before is not None else []
        slide = copies[key] >= opts.repeats_min and bool(between) \
            and not any(_is_text(b) and len(b.text) >= opts.paragraph_min_chars for b in between)
        if len(cl.text) < opts.paragraph_min_chars or slide:
            lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.REPEATED_LINE, reason=Reason.REPEATED,
                               doubt=f"left out: the same line as line {lines[first].number}")


# The number a page's pictures are described with after its title: « Le titre 2 ».
_IMAGE_NUMBER = re.compile(r"\s+\d{1,2}\s*$")


def _repeated_title(lines: list[ClassifiedLine]) -> None:
    """The title again: a page's header, then its heading, or an image's description that
    numbers it (« Le titre 2 », the page's second picture). Above the title, the second of
    a line written twice goes too (the first went as a twin): an image's description and
    its caption over the headline, where no line is the article's."""
    at = next((i for i, cl in enumerate(lines) if cl.cls is LineClass.TITLE), None)
    if at is None:
        return
    title = lines[at].text
    for i, j in itertools.pairwise(_shown(lines, range(at))):
        if lines[i].rule is Rule.REPEATED_LINE and _is_text(lines[j]) and lines[i].text == lines[j].text:
            lines[j] = replace(lines[j], cls=LineClass.BOILERPLATE, rule=Rule.REPEATED_LINE, reason=Reason.CAPTION)
    for i, cl in enumerate(lines):
        if (_is_text(cl) or cl.rule is Rule.STANDFIRST) \
                and (_same_text(cl.text, title) or _same_text(_IMAGE_NUMBER.sub("", cl.text), title)):
            lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.REPEATED_LINE, reason=Reason.REPEATED)


def _menus_inside(lines: list[ClassifiedLine], span: tuple[int, int] | None, opts: CleanOptions) -> None:
    """Inside the article, many lines of a few words one right under the other (no blank
    line between), none a sentence nor a bulleted item, and no line announcing them (« Les
    pays concernés : »): a menu, a form's fields, the options of a list ("Afghanistan",
    "Afrique du Sud", "Åland"…), not the article's headings. Lines already left out among
    them (a field's label, "Votre adresse email*") count in the run."""
    if span is None:
        return

    def item(cl: ClassifiedLine) -> bool:
        return _is_text(cl) and _ITEM.match(cl.text) is None and not _ends_with_terminal(cl.text) \
            and not cl.text.rstrip().endswith(":") and _words(cl.text) <= opts.kicker_max_words

    inside = range(span[0], span[1] + 1)
    items_at = {i for i in inside if item(lines[i])}
    in_menu = [i in items_at or lines[i].cls is LineClass.BOILERPLATE for i in inside]  # a field's label among them
    for shown, group in itertools.groupby(inside, key=lambda i: in_menu[i - span[0]]):
        run = list(group)
        items = [k for k in run if k in items_at]
        if not shown or not items or len(run) < opts.inner_menu_min_items:
            continue
        intro = _nearest(lines, run[0] - 1, -1)
        if intro is not None and lines[intro].text.rstrip(CLOSING_MARKS).endswith(":"):
            continue
        for k in items:
            lines[k] = replace(lines[k], cls=LineClass.BOILERPLATE, rule=Rule.AROUND_ARTICLE, reason=Reason.NAVIGATION,
                               doubt=f"left out: one of {len(run)} lines of a few words, a menu inside the article")


def _boxes_inside(lines: list[ClassifiedLine], span: tuple[int, int] | None, opts: CleanOptions) -> None:
    """Inside the article, between two of its paragraphs, a box the page set there: two lines
    of furniture of one kind or more (« Abonnez-vous », « Merci de saisir votre adresse
    e-mail », « Votre e-mail, avec votre consentement… »), and, between the first of them and
    the last, the lines shorter than a paragraph are the box's (its name, « Newsletter
    International », its button, « OK »). A paragraph of prose there stays the article's, and so does a heading
    under the box's last line, over the paragraph it opens."""
    if span is None:
        return
    paragraphs = [i for i in range(span[0], span[1] + 1) if _is_text(lines[i]) and _is_prose(lines[i].text, opts)]
    for above, below in itertools.pairwise(paragraphs):
        for k, reason in _furniture_boxes(lines, range(above + 1, below)).items():
            if _is_text(lines[k]) and len(lines[k].text) < opts.paragraph_min_chars:
                lines[k] = replace(lines[k], cls=LineClass.BOILERPLATE, rule=Rule.AROUND_ARTICLE, reason=reason,
                                   doubt="left out: in a box of the page between two paragraphs of the article")


def _furniture_boxes(lines: Sequence[ClassifiedLine], zone: range) -> dict[int, Reason]:
    """The lines of ``zone`` between the first and the last of its lines of furniture of one
    kind (« Abonnez-vous » … « Je crée mon compte »), each with that kind: one box, one kind,
    a « Lire aussi » and an ad are two."""
    furniture: dict[Reason, list[int]] = {}
    for i in zone:
        kind = lines[i].reason
        if lines[i].cls is LineClass.BOILERPLATE and lines[i].rule in (Rule.FURNITURE, Rule.FURNITURE_START) \
                and kind is not None:
            furniture.setdefault(kind, []).append(i)
    boxed: dict[int, Reason] = {}
    for reason, box in furniture.items():  # where two boxes overlap, the first kind found
        for k in range(box[0] + 1, box[-1]):
            boxed.setdefault(k, reason)
    return boxed


def _around(lines: list[ClassifiedLine], span: tuple[int, int] | None, boxed: set[int], opts: CleanOptions) -> None:
    """Before the article's first paragraph of prose and after its last, a line that is not
    a sentence (a menu, a section's name, another article's headline) is page furniture, and
    so is a short line with a phrase of furniture in it; inside the article, such a line is
    article text. A line of a few words just before the first paragraph stays: it may be
    the article's first heading or its standfirst; so do the article's closing words right
    under its last paragraph (``CLOSING_WORDS``: « À suivre »). Above the title, a line shorter than a
    paragraph is the page's (a site's motto, a kicker, a teaser: "Le Midi Libre - evénement -
    Doucement, mais sûrement !"), unless it is a standfirst (``_is_standfirst``); so is a
    paragraph of prose above the article's head when a run of furniture parts it from the
    article's text (``_article_span``: a sign-in box, a blurb about the site). After the
    article, a sentence shorter than a paragraph, or an excerpt cut short by an ellipsis,
    right under a line left out there (but a time: a live feed's) is that line's: another
    article's teaser under its headline, an author's blurb under the buttons of their networks.
    A page without a sentence keeps every line: nothing tells the article from the rest."""
    if span is None:  # no sentence anywhere: nothing to find the article by, every line stays
        return
    first, last = span
    lead = _lead(lines, first, opts)  # unless a box of other articles right over the text ends there (``boxed``)
    close = last + 1  # right under the last paragraph, no blank line between
    title = next((i for i, cl in enumerate(lines[:first]) if cl.cls is LineClass.TITLE), -1)
    page_prose = {i for i in _prose(lines, opts) if i < first}  # above the article's head (``_article_span``)
    for i, cl in enumerate(lines):
        words = len(cl.text.split())
        if i in page_prose and _is_text(cl):
            lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.AROUND_ARTICLE, reason=Reason.AROUND,
                               doubt="left out: prose above the article's head, apart from its text")
        elif i < title and _is_text(cl) and len(cl.text) < opts.paragraph_min_chars \
                and not _is_standfirst(cl.text, opts):
            lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.AROUND_ARTICLE, reason=Reason.AROUND,
                               doubt="left out: above the title")
        elif i == lead and _is_text(cl) and not _is_sentence(cl.text, opts) \
                and (words >= opts.title_min_words or cl.text.rstrip().endswith(",")) \
                and _NOT_IN_A_TITLE.search(cl.text) is None and i not in boxed and not _menu_items_line(cl.text, opts):
            # just before the first paragraph: a heading, a kicker, a standfirst, a speech's or a
            # letter's salutation, its sentence going on below (« Mesdames, Messieurs, »)
            lines[i] = replace(cl, doubt="kept: not a sentence, just before the article's first paragraph")
        elif i == close and _is_text(cl) and CLOSING_WORDS.fullmatch(cl.text.strip()):
            lines[i] = replace(cl, doubt="kept: the article's closing words, right under its last paragraph")
        elif first <= i <= last:
            if cl.rule is Rule.PROMPT:
                lines[i] = replace(cl, cls=_TEXT, rule=Rule.ARTICLE_TEXT, reason=None,
                                   doubt=f"kept: a phrase of furniture ({cl.reason}) inside the article")
        elif i > last and _is_text(cl) and (len(cl.text) < opts.paragraph_min_chars or _cut_short(cl.text)) \
                and (above := _nearest(lines, i - 1, -1)) is not None and lines[above].cls is LineClass.BOILERPLATE \
                and stamp(lines[above].text) is None:  # a live feed's paragraph under its time
            lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.AROUND_ARTICLE, reason=Reason.AROUND,
                               doubt="left out: a sentence under another article's headline, after the article")
        elif _is_text(cl) and not _is_sentence(cl.text, opts):
            doubt = "left out: not a sentence, around the article" if words >= opts.title_min_words else None
            lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.AROUND_ARTICLE, reason=Reason.AROUND,
                               doubt=doubt)
        elif cl.rule is Rule.PROMPT and words >= opts.title_min_words:
            lines[i] = replace(cl, doubt=f"left out: a phrase of furniture ({cl.reason}) around the article")


def _lists(lines: Sequence[ClassifiedLine], opts: CleanOptions) -> list[list[int]]:
    """The lists the page announces (``_announced_list``): each its introduction, then its items."""
    return [[intro, *items] for intro in range(len(lines)) if (items := _announced_list(lines, intro, opts))]


def _whole_lists(lines: list[ClassifiedLine], lists: Sequence[Sequence[int]]) -> None:
    """An announced list stands or falls whole: when a line of it is kept, its introduction
    and its other items left out around the article as not sentences (« Le Conseil d'État a
    répondu à deux procédures de consultation fédérale : », « • Cautionnements … ; ») are
    kept too."""
    for block in lists:
        if not any(lines[i].cls.is_body for i in block):
            continue
        for i in block:
            if lines[i].rule is Rule.AROUND_ARTICLE:
                lines[i] = replace(lines[i], cls=_TEXT, rule=Rule.LIST_ITEM, reason=None,
                                   doubt="kept: in a list the article keeps a line of")


def _closing_box(lines: Sequence[ClassifiedLine], span: tuple[int, int] | None, opts: CleanOptions) -> int | None:
    """The heading of a box right under the article (``_box_heading``: other articles, the
    author's), when the box alone parts the article from the prose under it (the box's), and
    that prose is no text going on (``_goes_on``)."""
    if span is None:
        return None
    after = next((i for i in _prose(lines, opts) if i > span[1]), None)
    if after is None or _gap(lines, span[1], after, opts) > opts.article_gap_max_lines or _goes_on(lines, after, opts):
        return None
    return _box_heading(lines, span[1], after)


def _above_box(lines: list[ClassifiedLine], span: tuple[int, int] | None, box: int | None,
               opts: CleanOptions) -> None:
    """Between the article's last paragraph and a box under it (``_closing_box``: other
    articles', the author's), the lines of more than a kicker's words are still the article's (a
    note, « *Le prénom a été modifié », « En stock : ensemble de la population recensée… »),
    and so is a notes heading right over one (« Sources »); but not the lines of a box of the
    page between two lines of furniture of one kind (« Je crée mon compte » … « Connectez-vous »)."""
    if span is None or box is None:
        return
    zone = range(span[1] + 1, box)
    boxed = _furniture_boxes(lines, zone)
    kept: list[int] = []
    for i in reversed(zone):
        cl = lines[i]
        if i in boxed or cl.rule is not Rule.AROUND_ARTICLE:
            continue
        if _words(cl.text) > opts.kicker_max_words \
                or (kept and CUES.notes.fullmatch(cl.text.strip(" :")) and _nearest(lines, i + 1, 1) == kept[-1]):
            kept.append(i)
    for i in kept:
        lines[i] = replace(lines[i], cls=_TEXT, rule=Rule.ARTICLE_TEXT, reason=None,
                           doubt="kept: under the article's last paragraph, above a box of the page")


def _box_teasers(lines: list[ClassifiedLine], box: int | None, opts: CleanOptions) -> None:
    """In a box under the article (``_closing_box``) that opens with a headline or a name, a
    sentence right under a line left out, however long, is the box's: a teaser's excerpt
    under its headline, the author's bio under their name; not a sentence under another
    excerpt (two paragraphs one under the other are text going on). A box that opens with a
    paragraph is no such box (a page saved twice, « Les plus lus » between its two copies):
    its prose stays."""
    opening = _nearest(lines, box + 1, 1) if box is not None else None
    if box is None or opening is None or _is_sentence(lines[opening].text, opts):
        return
    for i in range(box + 1, len(lines)):
        above = _nearest(lines, i - 1, -1)
        if _is_text(lines[i]) and above is not None and not _is_text(lines[above]) \
                and lines[above].rule is not Rule.TEASER:  # a headline, a name, a byline: not an excerpt above
            lines[i] = replace(lines[i], cls=LineClass.BOILERPLATE, rule=Rule.TEASER, reason=lines[box].reason,
                               doubt="left out: under a line left out, in a box under the article")


# A note's number, opening the note: "[1] « Objectifs… »", "(2) Voir…", "3. Les revues…", "⁴ …".
_NOTE_MARK = re.compile(r"\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)")


def _notes_after(lines: list[ClassifiedLine], span: tuple[int, int] | None) -> None:
    """After the article, past the boxes the page sets under it, its notes: a heading of
    ``cues.yml``'s ``notes_headings`` (« Notes ») right over numbered notes (« [1] … »); the
    heading and the notes one under the other are the article's."""
    if span is None:
        return
    for i in range(span[1] + 1, len(lines)):
        if not (_is_text(lines[i]) or lines[i].cls is LineClass.BOILERPLATE) \
                or CUES.notes.fullmatch(lines[i].text.strip(" :")) is None:
            continue
        notes, j = [], _nearest(lines, i + 1, 1)
        while j is not None and _NOTE_MARK.match(lines[j].text) and lines[j].cls in (_TEXT, LineClass.BOILERPLATE):
            notes.append(j)
            j = _nearest(lines, j + 1, 1)
        if notes:
            lines[i] = replace(lines[i], cls=_TEXT, rule=Rule.ARTICLE_TEXT, reason=None,
                               doubt="kept: the heading of the article's notes, after its end")
            for k in notes:
                lines[k] = replace(lines[k], cls=_TEXT, rule=Rule.ARTICLE_TEXT, reason=None,
                                   doubt="kept: a note of the article, after its end")
            return


def _lead(lines: Sequence[ClassifiedLine], first: int, opts: CleanOptions) -> int | None:
    """The line just before the article's first paragraph of prose, over the short sentences
    that may open its text ("Découvrez ci-dessous un point de la situation…", then two
    sentences): a heading, a kicker or a standfirst; never a banner's name over those
    sentences ("Bannière Actu Lomé")."""
    lead = _nearest(lines, first - 1, -1)
    while lead is not None and _is_text(lines[lead]) and _is_sentence(lines[lead].text, opts):
        lead = _nearest(lines, lead - 1, -1)
        if lead is not None and _is_name(lines[lead].text):
            return None
    return lead


def _is_standfirst(text: str, opts: CleanOptions) -> bool:
    """A sentence of a standfirst's words that ends with a full stop."""
    return _words(text) >= opts.standfirst_min_words and text.rstrip(CLOSING_MARKS).endswith(".")


def _quote_depth_after(text: str, depth: int) -> tuple[int, bool]:
    """Guillemet depth after a line, French style: a paragraph of a quotation that runs
    over several paragraphs reopens with « without closing the previous one. Returns the
    depth and whether it fell back to 0 before the end of the line."""
    closed_early = False
    stripped = text.strip()
    for mark in _QUOTE_MARKS.finditer(stripped):
        pos, char = mark.start(), mark.group()
        if char in OPEN_QUOTES:
            if not (pos == 0 and depth > 0):
                depth += 1
        elif char in CLOSE_QUOTES and depth > 0:
            depth -= 1
            if depth == 0 and stripped[pos + 1:].strip(" .,;\u00a0\u202f"):
                closed_early = True
    return depth, closed_early


def _quote_runs(body: Sequence[int], lines: list[ClassifiedLine], opts: CleanOptions) -> set[int]:
    """Lines that open with a quotation mark and whose quotation closes at the end of the
    same line or of a later line within ``quote_max_lines``."""
    quoted: set[int] = set()
    k = 0
    while k < len(body):
        text = lines[body[k]].text
        if not text or text[0] not in OPEN_QUOTES:
            k += 1
            continue
        depth, end = 0, None
        for j in range(k, min(k + opts.quote_max_lines, len(body))):
            depth, closed_early = _quote_depth_after(lines[body[j]].text, depth)
            if closed_early:
                break
            if depth == 0:
                end = j
                break
        if end is None:
            k += 1
            continue
        quoted.update(body[k:end + 1])
        k = end + 1
    return quoted


def _is_heading(text: str, opts: CleanOptions) -> bool:
    """A short line without final punctuation, starting like a title, not an attribution."""
    return (len(text) <= opts.heading_max_chars
            and not _ends_with_terminal(text)
            and (text[0].isupper() or text[0].isdigit() or text[0] in OPEN_QUOTES + "\"(")
            and ATTRIBUTION.search(text) is None)


def _body(lines: list[ClassifiedLine], opts: CleanOptions) -> None:
    body = [i for i, cl in enumerate(lines) if _is_text(cl)]
    quoted = _quote_runs(body, lines, opts)
    for pos, i in enumerate(body):
        cl = lines[i]
        if i in quoted:
            cls, rule = LineClass.QUOTE, Rule.QUOTATION
        elif pos + 1 < len(body) and _is_heading(cl.text, opts) and not _wraps(lines, i, opts):
            cls, rule = LineClass.HEADING, Rule.HEADING
        else:
            cls, rule = LineClass.PARAGRAPH, Rule.PARAGRAPH
        lines[i] = replace(cl, cls=cls, rule=Rule.EDITOR_KEEP if cl.rule is Rule.EDITOR_KEEP else rule)


_BLOCK_KIND = {
    LineClass.HEADING: BlockKind.HEADING,
    LineClass.PARAGRAPH: BlockKind.PARAGRAPH,
    LineClass.QUOTE: BlockKind.QUOTE,
    LineClass.STANDFIRST: BlockKind.STANDFIRST,
}


# Another author after the first one's role: "Par X, correspondant à Pékin et Y, correspondant à
# New York".
_ANOTHER_REPORTER = re.compile(rf"\s(?i:et|and)\s+(?P<name>{_NAMES})\s*,\s*"
                               r"(?i:envoy[ée]e?s?\s+sp[ée]ciale?s?|correspondante?s?)\b")


def _once(name: str) -> str:
    """A name of two words or more written twice, once (« M. Montagne M. Montagne »); initials
    may repeat a letter (« D.D. »)."""
    half = name[:len(name) // 2].strip()
    return half if _written_twice(name) and _words(half) >= 2 else name


def _first_byline(bylines: Sequence[int], reach: int) -> int | None:
    """The article's first byline, up to line ``reach`` (``_signature_end``: one further down
    is another article's)."""
    return next((i for i in bylines if i <= reach), None)


def _author(lines: Sequence[ClassifiedLine], first: int | None, opts: CleanOptions) -> str | None:
    """The name(s) of the byline at line ``first`` (``_first_byline``); a byline written one
    name a line gives them all ("X, Y et Z"), each name right under the one before or under
    its box's label and role, and so does one that gives each author's role ("Par X,
    correspondant à Pékin et Y, correspondant à New York")."""
    if first is None:
        return None
    cl = lines[first]
    form = unify_punctuation(cl.text)
    m = _name_alone(cl.text) if cl.rule is Rule.NAME_BYLINE else byline_match(form, opts.breadcrumb_max_chars)
    if m is None:
        return None
    names = [cl.text[m.start("name"):m.end("name")]]
    names += [more["name"] for more in _ANOTHER_REPORTER.finditer(cl.text, m.end("name"))]
    if cl.rule is Rule.NAME_BYLINE:
        shown = _shown(lines, range(first + 1, len(lines)))
        gap = 0
        for i in shown:  # the next names, each right under the one before or under its label and role
            if lines[i].rule is not Rule.NAME_BYLINE:
                gap += 1
                if gap > opts.author_box_lines:
                    break
                continue
            gap = 0
            m = _name_alone(lines[i].text)
            if m and lines[i].text[m.start("name"):m.end("name")] not in names:
                names.append(lines[i].text[m.start("name"):m.end("name")])
    names = [_once(name) for name in names]
    people = [name for name in names if _DESK_NAME.fullmatch(name) is None]
    names = people or names  # a newsroom's desk over its journalist's name: the journalist is the author
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} et {names[-1]}"


def _bylines(lines: Sequence[ClassifiedLine]) -> list[int]:
    """The byline lines that may be the article's: none with the site's navigation between
    it and the title (a name in the site's top bar, by its date of the day: « Régie Pub »,
    « lundi 15 décembre 2025 », then the menus and the search box; a show's « Par » in a
    radio's menu)."""
    title = next((i for i, cl in enumerate(lines) if cl.cls is LineClass.TITLE), None)
    return [i for i, cl in enumerate(lines) if cl.cls is LineClass.BYLINE
            and not (title is not None and i < title and _navigation_between(lines, i, title))]


# Words that open a French sentence and never follow a name inside one, capitalised.
_SENTENCE_OPENERS = ("Dans|Le|La|Les|Un|Une|Des|Du|Pour|Après|Avant|Avec|Sur|Sous|En|À|A|Au|Aux|Ce|Cet|Cette"
                     "|Ces|Quand|Comment|Pourquoi|Qui|Que|Quel|Quelle|Quels|Quelles|Il|Elle|Ils|Elles|On|Vers|Depuis"
                     "|Face|Entre|Contre|Selon|Chez|Malgré|Plus|Moins|Trop")


# A kicker run into its headline with no space between ("Intelligence artificielleL’attentisme
# de la Suisse…", "Nouvelle cyberattaqueDes Romands…"): a capitalised phrase whose last word,
# not its first, is of small letters, then a capital and a small letter (or an elided
# article). A brand's inner capital is no such join: "DeepSeek", "l'iPhone" are no word of
# small letters.
_GLUED_KICKER = re.compile(rf"(?P<kicker>[{_UPPER}]\S*(?:\s\S+)*?\s[a-zà-öø-ÿœ]{{3,}})"
                           rf"(?=[{_UPPER}](?:[a-zà-öø-ÿœ]|['’]\w))")
# A place's or a section's name run into its headline, a space between (« Hautes-Alpes Dans
# les stations… », « Médiathèque Valais A Martigny, une exposition… »): capitalised words,
# not all in capitals (« BAGNOLS Les entreprises… » writes its place as its headline's
# part), then a word that opens a sentence and never follows a name in one, in capitals (an
# article, a preposition, a pronoun, a question's word), and the headline's words in small
# letters soon after it.
_SPACED_KICKER = re.compile(
    rf"(?P<kicker>(?!(?:{_SENTENCE_OPENERS})\s)[{_UPPER}][\w'’-]*(?:\s+[{_UPPER}][\w'’-]*){{0,2}})"
    rf"\s+(?=(?:{_SENTENCE_OPENERS})\s)")


# The end of a browser tab's title: an empty HTML comment left by the page's scripts, then the
# site's name after a bar ("L'hôpital … pour la journée<!-- --> | Atlantico.fr").
_TAB_TITLE_END = re.compile(r"\s*(?:<!--.*?-->\s*)*(?:\|\s*(?P<site>[^|]{1,40}))?$")


# What parts a page's stamp from the headline it opens a line with: its time, if any, then a
# dash or a bar ("16-05-2025 10:02 - « … »").
_STAMP_END = re.compile(r"\s*(?:à\s*)?(?:\d{1,2}\s*[:h]\s*\d{2}\s*)?[–—|-]\s+(?=\S)")


def _after_stamp(text: str) -> tuple[dt.date, str] | None:
    """The date a headline's line opens with and the headline after it, a portal's stamp run
    into its headline ("16-05-2025 10:02 - « L'accès à l'Internet est de 80% … »")."""
    stamp = leading_date(text)
    if stamp is None or (end := _STAMP_END.match(stamp[1])) is None:
        return None
    return stamp[0], stamp[1][end.end():]


def _title_text(text: str, opts: CleanOptions) -> str:
    """The title line's text, without a kicker of a few words run into it, nor the site's
    name a browser tab's title ends with, nor the date a portal's stamp opens it with."""
    if (stamped := _after_stamp(text)) is not None:
        text = stamped[1]
    end = _TAB_TITLE_END.search(text)
    if end is not None and end.group() and (end["site"] is None or _words(end["site"]) <= opts.kicker_max_words) \
            and _words(text[:end.start()]) >= opts.title_min_words:
        text = text[:end.start()]
    m = _GLUED_KICKER.match(text)
    if m is None or _words(m["kicker"]) > opts.kicker_max_words \
            or _words(text[m.end():]) < opts.title_min_words:
        m = _SPACED_KICKER.match(text)
        rest = text[m.end():] if m is not None else ""
        if m is None or m["kicker"].isupper() or _words(rest) < opts.title_min_words \
                or not any(w.islower() for w in rest.split()[:3]):  # « Lot A Venir : Toute … » is one title
            return text
    return text[m.end():]


# A stamp of the update alone ("Mise à jour : dimanche 24 février 2013 08h46", "Dernière
# modification de la publication : 05/12/2025"): the page does not say when the article was
# published.
_UPDATE_ONLY = re.compile(r"\W*(?:dernière )?(?:mise? à jour|modifi(?:[ée]e?|cation)|actualis[ée]e?)\b"
                          r"(?!.*\b(?<!de la )publi)", _I)


def _under_update_label(lines: Sequence[ClassifiedLine], at: int) -> bool:
    """Whether the date line ``at`` stands right under the label of an update, alone on its
    line (« Dernière mise à jour », then « 22.07.25 »): the date is the update's."""
    above = _nearest(lines, at - 1, -1)
    return above is not None and lines[above].reason is Reason.DATE \
        and _UPDATE_ONLY.match(unify_punctuation(lines[above].text)) is not None


# A weather widget's temperature: « 13.9 C », « 12°C », « 6° min 0° ».
_TEMPERATURE = re.compile(r"-?\d{1,2}(?:[.,]\d)?\s?(?:°\s?[CF]?|[CF])(?:\s.{0,20})?")


def _under_weather(lines: Sequence[ClassifiedLine], at: int) -> bool:
    """Whether the date line ``at`` is a weather widget's, the site's day: within two lines
    under a temperature (« 13.9 C », the town, « 2 mai 2024 »)."""
    above = _shown(lines, range(max(0, at - 4), at))[-2:]
    return any(_TEMPERATURE.fullmatch(lines[i].text) for i in above)


def _signature_end(lines: Sequence[ClassifiedLine], last: int, opts: CleanOptions) -> int:
    """The last line where the article's signature may stand: ``signature_reach`` lines
    under its last paragraph ``last`` (blank lines aside). A byline or a date further down
    is another article's, in a box that closes the page."""
    after = _shown(lines, range(last + 1, len(lines)))
    return after[opts.signature_reach - 1] if len(after) >= opts.signature_reach else len(lines)


def _navigation_between(lines: Sequence[ClassifiedLine], start: int, end: int) -> bool:
    """Whether the site's navigation (a breadcrumb, a search box, a menu's link home) stands
    between lines ``start`` and ``end``."""
    return any(cl.reason is Reason.NAVIGATION for cl in lines[start + 1:end])


def _detected_meta(lines: Sequence[ClassifiedLine], span: tuple[int, int] | None, opts: CleanOptions) -> DetectedMeta:
    """The title, the author, the date and the source the page gives. The date stands in the
    article's head, or among the ``signature_reach`` lines that close it (blank lines
    aside): a date further down is another article's, in a box that closes the page; of
    those, the one nearest the byline, or else the title. A date run into the words beside
    it (``glued_date``) counts in the head only: further down, it is a box's teaser's."""
    title = source = None
    titled = -1
    dates: list[tuple[int, dt.date]] = []
    reach = _signature_end(lines, span[1], opts) if span else len(lines)
    head_end = span[0] if span else len(lines)
    for at, cl in enumerate(lines):
        if at > reach and cl.cls in (LineClass.DATELINE, LineClass.DATE):
            continue
        form = unify_punctuation(cl.text)
        found: dt.date | None = None
        if cl.cls is LineClass.TITLE and (title is None or (title.endswith(",") and at == titled + 1)):
            title = f"{title} {cl.text.strip()}" if title is not None else _title_text(cl.text, opts)
            titled = at  # a headline on two lines, the first ending with a comma: both
        elif cl.cls is LineClass.SOURCE and source is None:
            m = SOURCE_LINE.fullmatch(form)
            source = cl.text[m.start("value"):m.end("value")].strip() if m else None
        elif cl.cls is LineClass.DATELINE:
            m = DATELINE.fullmatch(form)
            if m and m["source"] and source is None:
                source = cl.text[m.start("source"):m.end("source")]
            found = parse_date(m["date"]) if m else None
        elif cl.cls is LineClass.DATE and _UPDATE_ONLY.match(form) is None and not _under_update_label(lines, at) \
                and not _under_weather(lines, at):
            form = _COMMENT_COUNT.sub("", form)
            found = date_of_line(form) or ((stamp := leading_date(form)) and stamp[0]) or None
            found = found or ((dispatch := agency_date(form)) and dispatch[1]) or None
            found = found or ((placed := dateline(form)) and placed.date) or None
            if found is None and at < head_end:  # the head's lines run together: « Rédaction K2 septembre 2025 »
                found = glued_date(form)
        if found is not None:
            dates.append((at, found))
    # The date line nearest the byline, or else the title: a date further away is the site's (« 13
    # janvier 2013 » over its menus) or another article's; and if none stands near the byline, the
    # date the byline gives ("Par X, le 11 juin 2024 à 03h28").
    byline = next(iter(bylines := _bylines(lines)), None)
    heading = next((i for i, cl in enumerate(lines) if cl.cls is LineClass.TITLE), None)
    anchor = byline if byline is not None else heading
    if anchor is not None:  # above the site's navigation: the site's date of the day
        dates = [d for d in dates if d[0] > anchor or not _navigation_between(lines, d[0], anchor)]
    nearest = min(dates, key=lambda d: abs(d[0] - anchor)) if dates and anchor is not None \
        else (dates[0] if dates else None)
    given = first_date(lines[byline].text) if byline is not None else None
    far = nearest is None or byline is None or abs(nearest[0] - byline) > opts.title_byline_reach
    date = given if given is not None and far else (nearest[1] if nearest else None)
    if date is None:  # a line of the page's head that opens with the date: "17 juillet 2017 11:13; Act: …"
        first = next((i for i, cl in enumerate(lines) if cl.cls.is_body), len(lines))
        boxed = _related_box(lines, first, opts)  # not another article's, in a box over the article: « 06/08/12 … »
        date = next((d for i, cl in enumerate(lines[:first]) if cl.reason is Reason.AROUND and i not in boxed
                     and (d := ((stamp := leading_date(cl.text)) and stamp[0]) or _published_within(cl.text))), None)
        if date is None and heading is not None and heading < first \
                and (stamped := _after_stamp(lines[heading].text)) is not None:  # « 16-05-2025 10:02 - … »
            date = stamped[0]
    placed = _opening_dateline(lines, span)  # the dateline: "Ouagadougou, 13 nov. 2025 (AIB)- …"
    date = date or (placed.date if placed else None) or _undated_dispatch_date(lines, span)
    head = unify_punctuation(lines[nearest[0]].text) if nearest else None
    publisher = (publisher_of_line(head) or ((dispatch := agency_date(head)) and dispatch[0]) or None) if head else None
    author = (by_name := _author(lines, named := _first_byline(bylines, reach), opts)) \
        or _credit_in_text(lines) or _agency(lines, source) \
        or _publisher_name(publisher) or _dateline_agency(placed) or _undated_dispatch(lines, span) \
        or _closing_credit(lines) \
        or _closing_initials(lines, span) or _signed_opening(lines) or _author_in_title(title)
    return DetectedMeta(title=title, author=author, date=date, source=source,
                        doubts=_name_alone_doubt(lines[named]) if by_name and named is not None else ())


# A column's headline that names its author after a comma: « L'IA et nous : boum, krach et
# étape suivante, par Eric Lemaire ».
_TITLE_BYLINE = re.compile(rf",\s+(?i:par)\s+(?P<name>{_FULL_NAME})\s*$")


def _author_in_title(title: str | None) -> str | None:
    """The author a headline names at its end (``_TITLE_BYLINE``), when nothing else names one."""
    return m["name"] if title is not None and (m := _TITLE_BYLINE.search(title)) else None


def _name_alone_doubt(named: ClassifiedLine) -> tuple[MetaDoubt, ...]:
    """The author ``_author`` reads from a name alone on its line (no « Par » before it) is
    to be confirmed: a label, a place or a caption's name looks the same. On the corpus, no
    author read from a byline is wrong, and every author read wrong is read so."""
    if named.rule is not Rule.NAME_BYLINE:
        return ()
    return (MetaDoubt(MetaField.AUTHOR, named.number, "was read from a name alone on its line, with no « Par » "
                      "before it (a label, a place or a caption's name looks the same)"),)


# « Publié le » and a date inside a line of the page's head, its headline and rubric run into
# it: « Économie Fourniture de l'électricité à Bamako : … ? Publié le lundi 12 mai 2025 | arc en ciel »;
# or « posté par » its publisher, then the date: « posté par Le Hub de la Finance Digitale , le 18 fév 2026 ».
_PUBLISHED_WITHIN = re.compile(rf"(?i:\b(?:publi|post)[ée]e?(?:\s+par\s+[^,]{{1,60}}?\s*,)?\s+le)\s+"
                               rf"(?P<date>(?i:{WRITTEN_DATE.pattern})|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})\b")


def _published_within(text: str) -> dt.date | None:
    """The date « Publié le » gives inside a line (``_PUBLISHED_WITHIN``)."""
    m = _PUBLISHED_WITHIN.search(unify_punctuation(text))
    return parse_date(m["date"]) if m else None


def _opening(lines: Sequence[ClassifiedLine], span: tuple[int, int] | None) -> list[int]:
    """The lines a dispatch's dateline may open: the paragraph taken for the standfirst over
    the text, then the article's first two paragraphs."""
    if span is None:
        return []
    standfirst = [i for i in range(span[0]) if lines[i].cls is LineClass.STANDFIRST][-1:]
    return standfirst + [i for i in range(span[0], span[1] + 1) if lines[i].cls.is_body][:2]


def _opening_dateline(lines: Sequence[ClassifiedLine], span: tuple[int, int] | None) -> Dateline | None:
    """The dateline of the article's first paragraph, or of its second, under a standfirst
    ("Ouagadougou, 13 nov. 2025 (AIB)- …"), or of the paragraph taken for the standfirst,
    over the text."""
    opening = _opening(lines, span)
    return next((placed for i in opening if (placed := dateline(unify_punctuation(lines[i].text)))), None)


# A news agency's initials, as a dateline writes them in brackets: "(AIB)", "(ACP)", "(MAP)".
_AGENCY_INITIALS = re.compile(rf"[{_UPPER}]{{2,6}}")


# A dispatch's dateline with no year: the place, a day and month perhaps, then the agency
# in brackets and a dash ("Paris (AFP) - …", "Bujumbura, Burundi (PANA) - …", "Niamey, 29
# juil (ANP)- …"), or the agency alone before a dash ("AMI - …").
_UNDATED_DATELINE = re.compile(rf"[{_UPPER}][\w'.-]*(?:,?\s+[{_UPPER}][\w'.-]*){{0,3}}"
                               r"(?:,\s*(?P<day>\d{1,2})(?:er)?\s+(?P<month>[^\W\d_]{3,9})\.?)?\s*"
                               r"\((?P<agency>[^()]{1,40})\)\s*\.?\s*[–—-]"
                               rf"|(?P<alone>[{_UPPER}]{{2,6}})\s+[–—-]\s")


def _undated_dispatch(lines: Sequence[ClassifiedLine], span: tuple[int, int] | None) -> str | None:
    """The agency a dispatch's dateline names with no year, in its opening (``_opening``:
    "Paris (AFP) - …", "AMI - …"): a known agency only (``cues.yml``, ``agencies``), since a party's
    initials stand in brackets after a name too ("Jean Dupont (PS) - …")."""
    return next((agency for i in _opening(lines, span)
                 if (m := _UNDATED_DATELINE.match(unify_punctuation(lines[i].text)))
                 and (agency := CUES.agency_named(m["agency"] or m["alone"]))), None)


def _undated_dispatch_date(lines: Sequence[ClassifiedLine], span: tuple[int, int] | None) -> dt.date | None:
    """The date of a dispatch whose dateline gives a day and a month but no year (« Niamey, 29
    juil (ANP)- … »): the full date its paragraph writes for that day (« ce mardi 29 juillet
    2025 »); none if the paragraph writes no such date."""
    for i in _opening(lines, span):
        text = unify_punctuation(lines[i].text)
        m = _UNDATED_DATELINE.match(text)
        if m is None or m["day"] is None or (month := MONTHS.get(m["month"].lower())) is None:
            continue
        return next((date for written in WRITTEN_DATE.finditer(text, m.end())
                     if (date := parse_date(written[0])) and (date.month, date.day) == (month, int(m["day"]))), None)
    return None


def _dateline_agency(placed: Dateline | None) -> str | None:
    """The agency the article's dateline names in brackets, when the page has no byline: a
    known agency (``cues.yml``, ``agencies``) or its initials; not a site's address
    ("(crocinfos.net)")."""
    if placed is None or placed.agency is None:
        return None
    name = placed.agency.strip()
    return CUES.agency(name) or (name if _AGENCY_INITIALS.fullmatch(name) else None)


# The reporters a dispatch credits in brackets after its last sentence, then who edited or
# translated it: "(Reportage de Caroline Valetkevitch, édition de Lance Tupper)", "(Reportage
# Jean Dupont ; version française Claude Chendjou)", "(Par X et Y)".
_REPORTED_BY = re.compile(
    rf"\(\s*(?i:(?:reportage|texte|article|propos\s+recueillis)(?:\s+(?:de|par|d['’]))?|par)\s*(?<=\s|['’])"
    rf"(?P<name>{_NAMES}(?:\s*(?:,|(?i:et))\s+{_NAMES}){{0,3}})"
    r"(?:\s*(?:[,;]|\s(?i:à|avec|pour)\s)[^()]{0,160})?\)\s*$")
# A byline run into the end of the standfirst, after its last sentence: "… en 2022. Par
# Ghislaine Bloch et Jean-Philippe Buchs".
_BY_AFTER_SENTENCE = re.compile(rf"[.!?…»]\s+(?i:par)\s+(?P<name>{_NAMES}(?:\s*(?:,|(?i:et))\s+{_NAMES}){{0,3}})\s*$")
# A paragraph that opens with its author's name, then a dash, as community papers sign their
# contributors' pieces: "Normand Gosselin – L'intelligence artificielle…", "(Stéphane Martin,
# 13 novembre 2025) – Vous avez…". A name of two words or more, not a phrase an article or a
# preposition opens ("Le Canada – …", "Selon Jean Dupont – …"), nor a kicker in capitals.
_SIGNED_OPENING = re.compile(
    rf"(?P<open>\()?(?!(?:Le|La|Les|L|Un|Une|Des|Du|De|Ce|Cet|Cette|Ces|Au|Aux|En|Dans|Pour|Par|Selon|Sur|Avec)\b)"
    rf"(?P<name>{_FULL_NAME})(?(open),[^()]{{1,40}}\))\s+[–—-]\s+(?=\S)")


def _closes_a_sentence(text: str) -> bool:
    """Whether a credit after ``text`` stands after a paragraph's last sentence (or alone)."""
    return not text or text.endswith((".", "!", "?", "…", "»"))


def _credit_in_text(lines: Sequence[ClassifiedLine]) -> str | None:
    """The author an article with no byline credits in its own text: a byline run into the
    end of its first paragraph, or the reporters a dispatch credits in brackets after the last
    sentence of its last paragraph. The line stays the article's, word for word."""
    body = [cl for cl in lines if cl.cls.is_body and cl.cls is not LineClass.HEADING]
    if not body:
        return None
    first, last = body[0].text, body[-1].text
    if (m := _BY_AFTER_SENTENCE.search(unify_punctuation(first))) and _words(m["name"]) >= 2:
        return first[m.start("name"):m.end("name")]
    m = _REPORTED_BY.search(unify_punctuation(last))
    if m and _closes_a_sentence(last[:m.start()].rstrip()):
        return last[m.start("name"):m.end("name")]
    return None


def _signed_opening(lines: Sequence[ClassifiedLine]) -> str | None:
    """The name the article's first paragraph opens with, before a dash ("Normand Gosselin –
    L'intelligence…", "(Stéphane Martin, 13 novembre 2025) – …"): the author of a page with
    no byline, no credit and no agency."""
    first = next((cl.text for cl in lines if cl.cls.is_body and cl.cls is not LineClass.HEADING), None)
    m = _SIGNED_OPENING.match(unify_punctuation(first)) if first is not None else None
    if m is None or first is None or m["name"].isupper():  # in capitals, a kicker: « DÉCRYPTAGE SUD RADIO - … »
        return None
    return first[m.start("name"):m.end("name")]


# A dispatch's closing credit in brackets, who wrote it then the outlet or the editor who
# handled it: "(ats/nxp)", "(jt/L'essentiel)".
_CLOSING_CREDIT = re.compile(r"\(\s*(?P<who>[^\W\d_][\w'’-]{0,19})\s*/\s*[^()]{1,30}\)\s*$")  # not "(1/2)"


def _closing_credit(lines: Sequence[ClassifiedLine]) -> str | None:
    """Who the closing credit names, as the page writes it: the first credit after the
    article's first paragraph, after the last sentence of a paragraph of the article or on a
    line of its own (a headline's "Yamamoto (automne/hiver)" is no credit)."""
    first = next((i for i, cl in enumerate(lines) if cl.cls.is_body), None)
    if first is None:
        return None
    for cl in lines[first:]:
        m = _CLOSING_CREDIT.search(cl.text)
        before = cl.text[:m.start()].rstrip() if m is not None else ""
        if m is not None and (not before or (cl.cls.is_body and _closes_a_sentence(before))):
            return m["who"]  # on its own line, or after a paragraph's last sentence
    return None


# An author's initials alone ("S.C.", "A.P-L.", "J.-P. M.", "M.Ba.": an initial may keep one
# small letter), signing the article on the line under its last paragraph.
_INITIALS = re.compile(rf"[{_UPPER}]\.(?:\s?-?\s?[{_UPPER}][{_LOWER}]?\.?){{1,3}}")


def _closing_initials(lines: Sequence[ClassifiedLine], span: tuple[int, int] | None) -> str | None:
    """The initials that sign the article on the first line under its last paragraph."""
    below = _nearest(lines, span[1] + 1, 1) if span is not None else None
    text = lines[below].text.strip() if below is not None else ""
    return text if _INITIALS.fullmatch(text) else None


def _publisher_name(name: str | None) -> str | None:
    """The name the article's date line gives beside the date, when the page has no byline: a
    news agency's usual name ("Agence de presse Xinhua": Xinhua), or a name of two words or
    more ("Marie Merlet", "Le Monde.fr avec AFP"), not a site's address ("French.china.org.cn")."""
    if name is None:
        return None
    agency = CUES.agency(name) or CUES.agency(re.sub(r"^(?i:agence(?: de presse)?)\s+", "", name))
    if agency is not None:
        return agency
    return name if NAME_ALONE.fullmatch(name) and _words(name) >= 2 else None


# A rights notice at the end of a dispatch: "© 2025 Agence France-Presse".
_RIGHTS = re.compile(r"©\s*(?:\d{4}\s+)?")


def _agency(lines: Sequence[ClassifiedLine], source: str | None) -> str | None:
    """A dispatch without a byline is the agency's that its source line (its name as the
    agency writes it, or the whole line's value in any case: "Source: belga"), or else its
    rights notice after the last paragraph, names (``cues.yml``, ``agencies``)."""
    if source is not None and (agency := CUES.agency(source) or CUES.agency_named(source)) is not None:
        return agency
    last = max((i for i, cl in enumerate(lines) if cl.cls.is_body), default=len(lines))
    for cl in lines[last + 1:]:
        notice = _RIGHTS.search(cl.text)
        if notice is not None and (agency := CUES.agency(cl.text[notice.end():])) is not None:
            return agency
    return None


def _editor_choices(lines: list[ClassifiedLine], choices: LineChoices) -> None:
    """The editor's last word: lines to keep in the article, lines to leave out."""
    for i, cl in enumerate(lines):
        if cl.number in choices.keep and not _is_text(cl):
            lines[i] = replace(cl, cls=_TEXT, rule=Rule.EDITOR_KEEP, reason=None)
        elif cl.number in choices.remove:
            lines[i] = replace(cl, cls=LineClass.BOILERPLATE, rule=Rule.EDITOR_REMOVE, reason=Reason.EDITOR)


def clean(source_lines: Sequence[SourceLine], opts: CleanOptions = DEFAULT_OPTIONS,
          choices: LineChoices = NO_CHOICES) -> CleanResult:
    """Classify every line, then keep the body as numbered blocks (with the editor's
    ``choices`` applied last)."""
    lines = [classify_line(line, opts) for line in source_lines]
    _comment_zone(lines, opts)
    _button_rows(lines, opts)
    _blocks_written_twice(lines, opts)
    _dated_lists(lines, opts)
    _continuations(lines)
    _list_items(lines, opts)
    _name_bylines(lines, opts)
    _trailing_teasers(lines, opts)
    _twins(lines, opts)
    _described_twice(lines, opts)
    _captions(lines, opts)
    span = _article_span(lines, opts)
    over = _related_box(lines, span[0] if span else len(lines), opts)  # a box of other articles over the text
    box = _closing_box(lines, span, opts)  # and one under it
    _header(lines, span, over, opts)
    _byline_under_title(lines, opts)
    _repeated_title(lines)
    _repeated_short_lines(lines, opts)
    lists = _lists(lines, opts)
    _around(lines, span, over, opts)
    _whole_lists(lines, lists)
    _above_box(lines, span, box, opts)
    _box_teasers(lines, box, opts)
    _notes_after(lines, span)
    _menus_inside(lines, span, opts)
    _boxes_inside(lines, span, opts)
    _editor_choices(lines, choices)
    _body(lines, opts)
    blocks: list[Block] = []
    removed: list[RemovedLine] = []
    for cl in lines:
        if cl.cls.is_body:
            blocks.append(Block(f"p{len(blocks) + 1}", _BLOCK_KIND[cl.cls], cl.text, cl.number))
        elif cl.cls is not LineClass.BLANK:
            assert cl.reason is not None, cl
            removed.append(RemovedLine(cl.number, cl.text, cl.reason))
    return CleanResult(tuple(lines), tuple(blocks), tuple(removed), _detected_meta(lines, span, opts))
