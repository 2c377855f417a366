"""The dated expressions of running French text.

``extract(text, article_date)`` gives each as a ``DateExpression``: its date, "YYYY", "YYYY-MM"
or "YYYY-MM-DD" (the precision of the expression kept), and where it is in ``text``.
Year-less ("le 21 janvier", "mi-mars") and relative ("hier", "il y a 10 ans", "en mars
prochain") expressions are resolved against ``article_date``, and dropped when it is None.

Measured against dateparser 1.5.0 on the five articles (26 dated statements marked by hand):
dateparser's search_dates found 6 with the right date and 52 false positives (French
pronouns read as weekdays, percentages and amounts as years) and cannot tell a date's
precision; these patterns find all 26 with none, ten times faster. Hence hand-written.

Decisions:
  * decades ("à la fin des années 1970") and centuries ("XXIe siècle") are consumed and
    dropped: none of the three precisions can state them without inventing a year;
  * a range "2007-2008" / "de 2007 à 2008" gives its first year, the span covers the range;
    likewise a day range/list "les 18 et 19 novembre 2024" gives its first day;
  * numeric dates are read day first (12/03/2024 = 12 March) or ISO (2024-03-12);
  * "fin/début/mi-" keep the precision of what they modify ("fin 2024" -> "2024",
    "mi-mars 2025" -> "2025-03");
  * "la semaine dernière/prochaine" -> "YYYY-MM" of article_date -/+ 7 days;
  * "d'ici 2030" is kept (target year);
  * "dans 24 heures", "dans 100 jours", "en 4 ans" (durations) and bare weekdays are not dates;
  * a year needs a cue (en, d'ici, de, à, depuis, dès, fin, début, mi-, avant, après,
    jusqu'en, courant, l'année...) or a month/day before it; it must lie in 1000-2199 and
    not be a quantity (followed by a unit such as milliards, %, heures, or preceded by
    "plus de", "jusqu'à", "environ" ...).
  * year-less day/month ("le 21 janvier", "en mars", "fin avril"): the occurrence
    nearest to the article date (previous, same or next year); only a later one after
    "d'ici", "jusqu'à", "dès", only an earlier one after "depuis" (tense is not read:
    "les élections auront lieu en novembre" written in February gives the previous November).
"""
from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from .dates import ABBREVIATED_MONTHS, FULL_MONTHS, MONTHS, alternatives

_MONTH_FULL = f"(?:{alternatives(FULL_MONTHS)})"  # accented or not
_MONTH_NO_DOT = f"(?:{alternatives(FULL_MONTHS)}|{alternatives(ABBREVIATED_MONTHS)})"
_MONTH = f"(?:{alternatives(FULL_MONTHS)}|(?:{alternatives(ABBREVIATED_MONTHS)})\\.)"  # abbreviations need a dot
_YEAR = r"(?:1\d{3}|2[01]\d{2})"
# what may not follow a year (it is then a quantity)
_NOT_QTY = (r"(?![\d,]\d|\s?\d{3}\b|\s?%|\s*(?:pour\s*cent|‰|€|\$|£|¥)"
            r"|\s+(?:de\s+|d['’])?(?:milliards?|millions?|milliers?|mille|mds?|md|k?m|kg|t|"
            r"tonnes?|dollars?|euros?|yuans?|roubles?|livres|francs|heures?|h|minutes?|min|"
            r"secondes?|jours?|semaines?|mois|ans|années|personnes|habitants|morts|soldats|"
            r"hommes|femmes|enfants|pages|pays|éléments|points?|unités|exemplaires|"
            r"emplois|entreprises|GPU|puces|mètres|kilomètres|barils|voix|sièges|articles?|"
            r"paramètres|tokens|utilisateurs|salariés|employés|voitures|véhicules|logements|"
            r"cas|victimes|réfugiés|membres|étudiants|clients|abonnés|ménages|navires|avions|"
            r"chars|missiles|drones|hectares|ha|litres|MW|GW|kWh|TWh|Go|Mo)\b)")
_NUMWORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100,
}
_NUM = r"(?:\d{1,3}|" + "|".join(sorted(_NUMWORDS, key=len, reverse=True)) + r")"
_DAY = r"(?:1er|premier|[12]\d|3[01]|0?[1-9])"
_B = r"(?<![\w-])"       # left word boundary (no letter, digit, hyphen before)
_E = r"(?![\w-])"        # right word boundary
_QTY_BEFORE = re.compile(
    r"(?:plus|moins|près|autour|environ|quelque|quelques|seulement|jusqu['’]\s?à|au\s+moins|"
    r"au\s+plus|pas\s+moins|les|des|ses|nos|vos|leurs|ces)\s*(?:de\s+|d['’]|à\s+)?$",
    re.IGNORECASE)

# What a rule cannot match without: a text that holds none of it is not searched by the
# rule (the rules are slow to run, and most paragraphs hold no date). Needs are looked for in
# the case-folded text (the rules ignore case): one made of words only ("hier|demain") as
# substrings, at C speed; any other as a regular expression, which is ten times faster than
# with IGNORECASE. A rule's needs are looked for in order until one is missing, each once
# in a text: the cheapest and rarest first. Measured by instruction count on the benchmark's
# 600 synthetic articles: the build does 90 % more work when every rule searches every text.
_YEAR_LIKE = r"1\d{3}|2[01]\d{2}"
# A month's name or abbreviation that no letter follows ("mai", never "mais"): each rule's
# month is one of these, followed by a dot, a space, a digit or the end.
_MONTH_LIKE = "(?:" + _MONTH_NO_DOT + r")(?![^\W\d_])"
# Cores of the rules, as needs: a day ends with a digit, "1er" or "premier" (searched from
# a digit or a "p", rarer than an "r"), and starts with a digit or the "p" of "premier".
_DAY_END = r"[\dp](?:er|remier)?"
_DAY_MONTH = _DAY_END + r"\s+" + _MONTH_NO_DOT  # "21 mars", "1er févr."
_DAY_LIST = _DAY_END + r"\s*(?:et|au|à|-|–)\s*(?:le\s+)?[\dp]"  # "18 et 19", "du 3 au 5"
_MONTH_YEAR = _MONTH_NO_DOT + r"\.?\s+(?:" + _YEAR_LIKE + ")"  # "mars 2024", "sept. 2024"
_LITERAL = re.compile(r"[a-zà-ÿ'’ -]+(?:\|[a-zà-ÿ'’ -]+)*")
_Need = Callable[[str], bool]  # case-folded text -> whether the need is there
_RULES: list[tuple[str, re.Pattern[str], tuple[_Need, ...]]] = []


def _rule(name: str, pattern: str, *needs: str) -> None:
    _RULES.append((name, re.compile(pattern, re.IGNORECASE), tuple(_need(n) for n in needs)))


@functools.cache  # one function per need, so that a text is searched once for each
def _need(pattern: str) -> _Need:
    if _LITERAL.fullmatch(pattern):
        words = tuple(pattern.split("|"))
        return lambda folded: any(word in folded for word in words)
    search = re.compile(pattern).search
    return lambda folded: search(folded) is not None


# order matters: first rules win on overlaps (longest / most specific first)
_rule("skip", _B + r"(?:(?:au\s+)?(?:début|fin|milieu)\s+des\s+|des\s+|les\s+|aux\s+)?années\s+"
      r"(?:1\d|20)?\d0" + _E, "années")                          # decades: dropped
_rule("skip", _B + r"[XVIL]+(?:e|ème|er)\s+siècle" + _E, "siècle")    # centuries: dropped
_rule("range", _B + r"(?:(?:de|entre)\s+)?(?P<y1>" + _YEAR + r")\s*(?:-|–|—|/|\s+(?:à|et)\s+)"
      r"(?P<y2>" + _YEAR + r"|\d{2})" + _E + _NOT_QTY, _YEAR_LIKE, r"\d\s*(?:-|–|—|/|\s+(?:à|et)\s+)\d")
# day ranges/lists: "les 18 et 19 novembre 2024", "du 3 au 5 mars", "entre le 5 et le 8 mars 2025"
_rule("dmy", _B + r"(?:les\s+|du\s+|entre\s+le\s+)?(?P<d>" + _DAY + r")\s*(?:et|au|à|-|–)\s*(?:le\s+)?"
      + _DAY + r"\s+(?P<m>" + _MONTH + r")\s*(?P<y>" + _YEAR + r")" + _E, _YEAR_LIKE, _DAY_MONTH, _DAY_LIST)
_rule("dmy", _B + r"(?:les\s+|du\s+|entre\s+le\s+)?(?P<d>" + _DAY + r")\s*(?:et|au|à|-|–)\s*(?:le\s+)?"
      + _DAY + r"\s+(?P<m>" + _MONTH_NO_DOT + r")\s+(?P<y>" + _YEAR + r")" + _E, _YEAR_LIKE, _DAY_MONTH,
      _MONTH_YEAR, _DAY_LIST)
# numeric: 12/03/2024, 12.03.2024, 2024-03-12
_rule("dmy", r"(?<![\w/.-])(?P<d>[12]\d|3[01]|0?[1-9])([/.])(?P<m>1[0-2]|0?[1-9])\2(?P<y>" + _YEAR
      + r")(?![\w/-]|\.\d)", _YEAR_LIKE, r"\d[/.]\d")
_rule("dmy", r"(?<![\w/.-])(?P<y>" + _YEAR + r")-(?P<m>1[0-2]|0[1-9])-(?P<d>[12]\d|3[01]|0[1-9])(?![\w/-]|\.\d)",
      _YEAR_LIKE, r"\d-[01]")
_rule("dmy", _B + r"(?:le\s+)?(?P<d>" + _DAY + r")\s+(?P<m>" + _MONTH + r")\s*(?P<y>" + _YEAR + r")" + _E,
      _YEAR_LIKE, _DAY_MONTH)
_rule("dmy", _B + r"(?:le\s+)?(?P<d>" + _DAY + r")\s+(?P<m>" + _MONTH_NO_DOT + r")\s+(?P<y>" + _YEAR + r")" + _E,
      _YEAR_LIKE, _DAY_MONTH, _MONTH_YEAR)
_rule("my", _B + r"(?:(?:en|dès|depuis|de|d['’]|à|avant|après|jusqu['’]en|fin|début|mi-|mi\s|"
      r"à\s+la\s+(?:fin|mi-)|au\s+début|courant|au\s+mois\s+d['’]|au\s+mois\s+de)\s*)?"
      r"(?P<m>" + _MONTH_NO_DOT + r")\.?\s+(?P<y>" + _YEAR + r")" + _E + _NOT_QTY, _YEAR_LIKE, _MONTH_YEAR)
_rule("m_rel", _B + r"(?:en\s+|au\s+mois\s+de\s+|au\s+mois\s+d['’]|d['’]ici\s+)?(?P<m>" + _MONTH_FULL
      + r")\s+(?P<rel>prochain|dernier)" + _E, "prochain|dernier", _MONTH_FULL + r"\s+(?:prochain|dernier)")
_rule("dm", _B + r"(?:les\s+|du\s+|entre\s+le\s+)?(?P<d>" + _DAY + r")\s*(?:et|au|à|-|–)\s*(?:le\s+)?"
      + _DAY + r"\s+(?P<m>" + _MONTH + r")" + _E, _DAY_MONTH, _DAY_LIST)
_rule("dm", _B + r"(?:le\s+|du\s+|au\s+)?(?P<d>" + _DAY + r")\s+(?P<m>" + _MONTH + r")" + _E, _DAY_MONTH)
_rule("m", _B + r"(?:(?:jusqu['’]|d['’]ici\s+|depuis\s+|dès\s+|avant\s+|après\s+)?(?:à\s+)?"
      r"(?:la\s+|le\s+)?(?:fin|début|mi-|mi\s|milieu|courant)\s*(?:du\s+mois\s+)?(?:de\s+|d['’])?"
      r"|(?:en|dès|depuis|jusqu['’]en)\s+)(?P<m>" + _MONTH_FULL + r")" + _E, _MONTH_LIKE)
_rule("y", _B + r"(?:en|dès|depuis|d['’]ici(?:\s+(?:la\s+)?(?:fin|début)\s+(?:de\s+)?)?|jusqu['’]en|"
      r"(?:à\s+la\s+|la\s+|au\s+|le\s+)?(?:fin|début|mi-|mi|milieu|courant)(?:\s+(?:de\s+|d['’]))?|"
      r"avant|après|pour|vers|l['’]an|l['’]année|année|l['’]horizon|horizon|exercice|"
      r"(?:premier|second|deuxième|troisième|quatrième|1er|[234]e|[234]ème)\s+(?:trimestre|semestre)|"
      r"trimestre|semestre|printemps|été|automne|hiver|de|d['’]|à)\s*(?P<y>" + _YEAR + r")" + _E + _NOT_QTY,
      _YEAR_LIKE)
_rule("today", _B + r"(?:d['’])?aujourd['’]\s?hui" + _E, "aujourd")
_rule("day_rel", _B + r"(?P<w>avant-hier|après-demain|hier|demain)" + _E, "hier|demain")
_rule("ago", _B + r"il\s+y\s+a\s+(?:environ\s+|près\s+de\s+|plus\s+de\s+)?(?P<n>" + _NUM
      + r")\s+(?P<u>ans|an|années|année|mois|semaines|semaine|jours|jour)" + _E, r"il\s+y\s+a")
_rule("unit_rel", _B + r"(?P<u>la\s+semaine|le\s+mois|l['’]an|l['’]année)\s+"
      r"(?P<rel>dernière|dernier|prochaine|prochain|passée|passé)" + _E, "derni|prochain|pass")
_rule("this", _B + r"(?P<u>cette\s+année|ce\s+mois-ci|cette\s+semaine)" + _E, "cette|mois-ci")


def _month(tok: str) -> int:
    return MONTHS[tok.lower().rstrip(".")]


def _day(tok: str) -> int:
    return 1 if tok.lower() in ("1er", "premier") else int(tok)


def _num(tok: str) -> int:
    return int(tok) if tok.isdigit() else _NUMWORDS[tok.lower()]


_FORWARD = re.compile(r"^(?:d['’]ici|jusqu|à\s+partir|dès)", re.IGNORECASE)
_BACKWARD = re.compile(r"^depuis", re.IGNORECASE)


def _nearest_year(month: int, day: int | None, ref: datetime.date, cue: str = "") -> int:
    """year of the occurrence of (month, day) nearest to ref; only the next one after a
    forward cue ("d'ici", "jusqu'à", "dès"), only the previous one after "depuis"."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = datetime.date(y, month, min(day or 15, 28 if month == 2 else 30))
        delta = (d - ref).days
        if (_FORWARD.match(cue) and delta < 0) or (_BACKWARD.match(cue) and delta > 0):
            continue
        if best is None or abs(delta) < best[0]:
            best = (abs(delta), y)
    return best[1] if best else ref.year


def _add_months(ref: datetime.date, n: int) -> tuple[int, int]:
    k = ref.year * 12 + ref.month - 1 + n
    return k // 12, k % 12 + 1


Groups = dict[str, str]


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _safe_day(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


# Expressions that carry their own year: resolved without the article's date.
def _range(g: Groups) -> str | None:
    y1 = int(g["y1"])
    y2 = int(g["y2"]) if len(g["y2"]) == 4 else y1 // 100 * 100 + int(g["y2"])
    return f"{y1:04d}" if y1 < y2 <= y1 + 50 else None


def _dmy(g: Groups) -> str | None:
    month = int(g["m"]) if g["m"].isdigit() else _month(g["m"])
    return _safe_day(int(g["y"]), month, _day(g["d"]))


_ABSOLUTE: dict[str, Callable[[Groups], str | None]] = {
    "skip": lambda g: None,
    "range": _range,
    "dmy": _dmy,
    "my": lambda g: _ym(int(g["y"]), _month(g["m"])),
    "y": lambda g: g["y"],
}


# Expressions read against the article's date (dropped when it has none).
def _dm(g: Groups, ref: datetime.date, cue: str) -> str | None:
    month, day = _month(g["m"]), _day(g["d"])
    return _safe_day(_nearest_year(month, day, ref, cue), month, day)


def _m(g: Groups, ref: datetime.date, cue: str) -> str:
    month = _month(g["m"])
    return _ym(_nearest_year(month, None, ref, cue), month)


def _m_rel(g: Groups, ref: datetime.date, cue: str) -> str:
    month = _month(g["m"])
    if g["rel"].lower() == "prochain":
        return _ym(ref.year if month > ref.month else ref.year + 1, month)
    return _ym(ref.year if month < ref.month else ref.year - 1, month)


def _day_rel(g: Groups, ref: datetime.date, cue: str) -> str:
    delta = {"avant-hier": -2, "hier": -1, "demain": 1, "après-demain": 2}[g["w"].lower()]
    return (ref + datetime.timedelta(days=delta)).isoformat()


def _ago(g: Groups, ref: datetime.date, cue: str) -> str:
    n, unit = _num(g["n"]), g["u"].lower()
    if unit.startswith("an"):
        return f"{ref.year - n:04d}"
    if unit == "mois":
        return _ym(*_add_months(ref, -n))
    if unit.startswith("semaine"):
        then = ref - datetime.timedelta(weeks=n)
        return _ym(then.year, then.month)
    return (ref - datetime.timedelta(days=n)).isoformat()


def _unit_rel(g: Groups, ref: datetime.date, cue: str) -> str:
    unit = g["u"].lower()
    sign = 1 if g["rel"].lower().startswith("prochain") else -1
    if unit.startswith("la"):
        then = ref + datetime.timedelta(days=7 * sign)
        return _ym(then.year, then.month)
    if unit.startswith("le"):
        return _ym(*_add_months(ref, sign))
    return f"{ref.year + sign:04d}"


def _this(g: Groups, ref: datetime.date, cue: str) -> str:
    return f"{ref.year:04d}" if g["u"].lower().startswith("cette ann") else _ym(ref.year, ref.month)


_RELATIVE: dict[str, Callable[[Groups, datetime.date, str], str | None]] = {
    "dm": _dm, "m": _m, "m_rel": _m_rel, "today": lambda g, ref, cue: ref.isoformat(),
    "day_rel": _day_rel, "ago": _ago, "unit_rel": _unit_rel, "this": _this,
}


def _resolve(name: str, m: re.Match[str], ref: datetime.date | None) -> str | None:
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    if name in _ABSOLUTE:
        return _ABSOLUTE[name](groups)
    return _RELATIVE[name](groups, ref, m.group(0)) if ref is not None else None


class DateExpression(NamedTuple):
    """A dated expression of a text: its date ("YYYY", "YYYY-MM" or "YYYY-MM-DD"), and where
    it is in the text."""

    date: str
    start: int
    end: int


def extract(text: str, article_date: datetime.date | None) -> list[DateExpression]:
    """The dated expressions of ``text``, in text order."""
    if isinstance(article_date, datetime.datetime):
        article_date = article_date.date()
    taken: list[tuple[int, int]] = []
    out: list[DateExpression] = []
    present: dict[_Need, bool] = {}
    folded = text.casefold()

    def there(need: _Need) -> bool:  # each need looked for once in a text, if a rule asks
        found = present.get(need)
        if found is None:
            found = present[need] = need(folded)
        return found

    for name, rx, needs in _RULES:
        if not all(map(there, needs)):  # stops at the first missing
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if name in ("y", "range", "my") and _QTY_BEFORE.search(text[max(0, s - 20):s]) \
                    and not re.match(r"(?:en|d['’]ici|dès|depuis|fin|début|mi)\b", m.group(0), re.I):
                continue                           # "plus de 2000 ...", "jusqu'à 1000 ..."
            taken.append((s, e))
            iso = _resolve(name, m, article_date)
            if iso is not None:
                out.append(DateExpression(iso, s, e))
    out.sort(key=lambda expression: expression.start)
    return out
