"""The search index every reader downloads, holding what search needs and no more.

Material's search plugin writes ``search/search_index.json`` with the full text of every
page, section by section: 54 KB per 1,000 words of articles here, because entity pages
repeat the sentence of every mention and the timeline repeats dated sentences. After it,
:func:`trim_index` rewrites the file from the edition's export (``edition.json``):

- an article: one document with its title and, in the field ``mots`` (indexed, never
  shown), what finds each word of its text, author and outlets: French stems, once
  (:func:`index_terms`);
- an entity: its name, and as text its other forms ("M. Disco Inferno" reaches Donald
  Trump), with the boost its page asks for;
- a glossary term: on its anchor, the term and as text its variants;
- a page the editors wrote (one the generator did not make): its title and its words;
- any other generated page (home, indexes, timeline, sources): its title only, as its
  text repeats the articles and the registers.

Material's plugin reads the HTML of every page to cut it into sections, and for a generated
page only its first section's title and address are kept: the hooks hand it that page's
HTML up to the end of its title (:func:`up_to_title`), and the page back whole after it.

Material appends a wildcard to every word of a query and lunr does not stem such words,
so the site's search worker (``docs/assets/javascripts/workers/search-fr.js``, which runs
Material's) stems the query itself: :func:`worker_url_filter` points the pages to it.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape
from itertools import chain
from pathlib import Path
from typing import Any

import snowballstemmer
from bs4 import BeautifulSoup
from jinja2 import pass_context

from ..site.paths import page_url
from ..site.write import MANIFEST

INDEX = Path("search") / "search_index.json"
EXPORT = "edition.json"
# The field that holds an article's words: indexed by the search worker, never shown.
WORDS_FIELD = "mots"
# What joins an entity's other forms or a term's variants in the text shown in a result.
FORMS_JOINER = " · "

# Material's search worker, as its templates name it, and the site's, which runs it.
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/(search\.[0-9a-f]+\.min\.js)")
FRENCH_WORKER = "assets/javascripts/workers/search-fr.js"

# lunr-languages' French stop words (lunr.fr.stopWordFilter, shipped with Material): the
# index leaves them out anyway, so the index file does not carry them.
_LUNR_FR_STOP_WORDS = """
ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions
aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce
ceci celà ces cet cette d dans de des du elle en es est et eu eue eues eurent eus eusse
eussent eusses eussiez eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses
fussiez fussions fut fûmes fût fûtes ici il ils j je l la le les leur leurs lui m ma mais
me mes moi mon même n ne nos notre nous on ont ou par pas pour qu que quel quelle quelles
quels qui s sa sans se sera serai seraient serais serait seras serez seriez serions serons
seront ses soi soient sois soit sommes son sont soyez soyons suis sur t ta te tes toi ton
tu un une vos votre vous y à étaient étais était étant étiez étions été étée étées étés
êtes"""
FRENCH_STOP_WORDS = frozenset(_LUNR_FR_STOP_WORDS.split())

_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
_STEMMER = snowballstemmer.stemmer("french")
# Stemming is pure Python and an edition repeats its words: each word is stemmed once.
_stem = functools.cache(_STEMMER.stemWord)

Doc = dict[str, Any]


@dataclass(frozen=True)
class Trimmed:
    before: int  # bytes of Material's index
    after: int   # bytes of the index written


def tokens(text: str, separator: re.Pattern[str]) -> list[str]:
    """The terms lunr indexes for a text, as Material's tokenizer splits it: lower case."""
    return [t for t in separator.split(text.lower()) if t]


def clean_tokens(text: str, separator: re.Pattern[str]) -> list[str]:
    """The terms of a text that are whole words (no punctuation stuck to them)."""
    return [t for t in tokens(text, separator) if not _EDGE_PUNCTUATION.search(t)]


def index_terms(texts: Iterable[str], separator: re.Pattern[str], known: Iterable[str] = ()) -> list[str]:
    """What the index needs to find each word of the texts, once, in the order met.

    The search worker stems each word of a query and looks for the index terms that begin
    with the stem ("découplages" and "découplage" → "découplag*", "découpler" →
    "découpl*"). So for the forms that share a French stem which begins each of them, the
    stem is enough; forms whose stem does not begin them ("intelligence" → "intelligent")
    are kept as they are. Words are taken in lower case, without the punctuation around
    them; stop words are left out, and so is a stem that begins one of the `known` words
    (the document's title, which the index has already)."""
    known = set(known)
    known_starts = {k[:end] for k in known for end in range(1, len(k) + 1)}  # what begins a known word
    # Each distinct token once, in the order met (an article repeats most of its words);
    # then each distinct word, without the punctuation around it.
    met = dict.fromkeys(chain.from_iterable(tokens(text, separator) for text in texts))
    words = dict.fromkeys(t if t.isalnum() else _EDGE_PUNCTUATION.sub("", t) for t in met)
    families: dict[str, list[str]] = {}
    for word in words:
        if word and word not in FRENCH_STOP_WORDS and word not in known:
            families.setdefault(_stem(word), []).append(word)
    terms: list[str] = []
    for stem, forms in families.items():
        if not all(form.startswith(stem) for form in forms):
            terms.extend(forms)
        elif stem not in known_starts:
            terms.append(stem)
    return terms


def up_to_title(html: str) -> str:
    """A page's HTML up to the end of its first heading: all that Material's search plugin
    needs to make the first section's title and address. (Material also strips
    ``data-search-*`` attributes from what it reads; no generated page has any.)"""
    end = html.find("</h1>")
    return html[:end + len("</h1>")] if end >= 0 else html


def generated_pages(docs_dir: Path) -> set[str]:
    """The pages the generator made, as MkDocs names their source files."""
    manifest = json.loads((docs_dir / MANIFEST).read_text("utf-8"))
    return {f for f in manifest["files"] if f.endswith(".md")}


def _plain(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text(" ")


class _IndexMaker:
    def __init__(self, export: dict[str, Any], generated: set[str], separator: re.Pattern[str]) -> None:
        self.separator = separator
        self.generated = generated
        self.articles = {a["url"]: a for a in export["articles"]}
        self.entities = {e["url"]: e for e in export["entities"]}
        self.glossary = export["glossary"]
        self.glossary_page = self.glossary[0]["url"].split("#")[0] if self.glossary else None

    def docs(self, material_docs: list[Doc]) -> list[Doc]:
        pages: dict[str, list[Doc]] = {}
        previous = None
        for doc in material_docs:
            url = doc["location"].split("#")[0]
            if url != previous and url in pages:
                # Met again: a page rebuilt by `mkdocs serve --dirty`, whose new sections
                # Material appends after the old ones. The last are the page's.
                pages[url] = []
            pages.setdefault(url, []).append(doc)
            previous = url
        out: list[Doc] = []
        for url, sections in pages.items():
            out.extend(self.page(url, sections))
        return out

    def page(self, url: str, sections: list[Doc]) -> list[Doc]:
        first = sections[0]
        if url in self.articles:
            article = self.articles[url]
            texts = [b["text"] for b in article["blocks"]]
            texts += [v for v in (article["author"], article["source"], article["publisher"]) if v]
            return [self.doc(first, words=texts)]
        if url in self.entities:
            entity = self.entities[url]
            return [self.doc(first, text=self.other_forms(entity["name"], entity["aliases"]))]
        if url == self.glossary_page:
            terms = [{"location": t["url"], "title": escape(t["term"], quote=False),
                      "text": self.other_forms(t["term"], t["variants"])} for t in self.glossary]
            return [self.doc(first), *terms]
        if url in self.generated:
            return [self.doc(first)]
        return [self.doc(first, words=[_plain(s["title"] + " " + s["text"]) for s in sections])]

    def other_forms(self, name: str, forms: list[str]) -> str:
        """The forms a query on the name would not find, as the result's text (HTML)."""
        known = clean_tokens(name, self.separator)
        return escape(FORMS_JOINER.join(f for f in forms if index_terms([f], self.separator, known)), quote=False)

    def doc(self, page: Doc, *, text: str = "", words: list[str] | None = None) -> Doc:
        """The page's document: its location and title (and boost, if its page asks for one)."""
        doc = {"location": page["location"], "title": page["title"], "text": text}
        if words:
            known = clean_tokens(page["title"], self.separator)
            doc[WORDS_FIELD] = " ".join(index_terms(words, self.separator, known))
        if "boost" in page:
            doc["boost"] = page["boost"]
        return doc


def trim_index(site_dir: Path, docs_dir: Path) -> Trimmed | None:
    """Rewrite the search index MkDocs wrote into `site_dir` (see the module's docstring);
    None when there is none (the search plugin is off)."""
    path = site_dir / INDEX
    if not path.is_file():
        return None
    raw = path.read_bytes()
    index = json.loads(raw)
    export = json.loads((site_dir / EXPORT).read_text("utf-8"))
    generated = {page_url(f) for f in generated_pages(docs_dir)}
    config = index["config"]
    maker = _IndexMaker(export, generated, re.compile(config["separator"]))
    config["fields"][WORDS_FIELD] = {"boost": 1.0}
    trimmed = {"config": config, "docs": maker.docs(index["docs"])}
    data = json.dumps(trimmed, ensure_ascii=False, separators=(",", ":")).encode()
    path.write_bytes(data)
    return Trimmed(before=len(raw), after=len(data))


def worker_url_filter(url_filter: Callable[[Any, str], str]) -> Callable[[Any, str], str]:
    """Wrap MkDocs's `url` template filter so that the pages start the site's search worker,
    which loads Material's (named in its query string) and stems the reader's query."""

    @pass_context
    def url(context: Any, value: str) -> str:
        match = MATERIAL_WORKER.fullmatch(str(value))
        if match:
            value = f"{FRENCH_WORKER}?{match[1]}"
        return url_filter(context, value)

    return url
