"""Search: Pagefind's index of the built site, in French, written into ``site/pagefind/``.

Pagefind reads what the theme marks in each page (``templates/theme/main.html``): the page's
content only, never the navigation, with the kind and the filters the generator puts in the
page's front matter (``pagefind:``); what a reader does not search for carries
``data-pagefind-ignore`` in the page templates (an entity page's list of mentions, which would
make every entity quoted in a sentence answer a query on that sentence; the related articles;
the notes' sources). A glossary term is a part of one page, and a reader looks for it as a
result of its own: each term is a record of its own (its headword, variants and definition),
on its anchor in the glossary page, which is left out as a whole.

Pagefind ranks, stems French words, ignores accents ("decouplage" finds "découplage") and
splits the index into fragments a reader downloads as a query needs them. It reads "l’OTAN"
as one word, "lotan", which a search for "OTAN" would not find: it indexes a copy of the
pages to be searched where an elided word is followed by a space ("l’ OTAN"), and the
reader's side (``docs/assets/javascripts/recherche.js``) splits the query the same way and
shows the text as written. Records are written as small HTML files with that copy (Pagefind's
``add_custom_record`` answers one record per tenth of a second: 9 s for 88 terms, against
0.3 s for the whole site)."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from ..registers.glossary import Term
from ..site.paths import GLOSSARY_PAGE, page_url

LANGUAGE = "fr"
BUNDLE = "pagefind"  # the folder of the site the index is written to
RECORDS = "_termes"  # in the staged copy, the glossary's records
TERM_KIND = "Terme du glossaire"  # as the theme writes a page's kind: shown with each result
IGNORED_LIST = re.compile(r"<ul data-pagefind-ignore>.*?</ul>", re.DOTALL)
BODY = "data-pagefind-body"  # what the theme marks in the pages to be searched
# The French elided words: "l’OTAN", "d’Europe", "qu’il", "jusqu’au" (either apostrophe), found
# from the apostrophe, which the regular expression engine looks for fast, back to the word:
# three times faster than one expression that starts with the word.
ELIDED = frozenset(["c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu"])
APOSTROPHE = re.compile(r"['’](?=\w)")
WORD_BEFORE = re.compile(r"(?<![\w'’])\w{1,6}$")
# In a page's content, what is not its text: the numbers of the note calls ("Xi 2, il est…").
NOT_TEXT = ("a.footnote-ref",)


@dataclass(frozen=True)
class Indexed:
    pages: int
    records: int
    bytes: int  # the index's own files, without the reader's script and styles


# A glossary term as Pagefind reads it: its result opens the glossary at the term (meta "url",
# which recherche.js follows), shows the definition (meta "description") and comes first for a
# query that is one of its forms (meta "names", as an entity page's).
TERM_RECORD = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{term}</title></head>
<body data-pagefind-body><h1>{term}</h1>
<div hidden data-pagefind-ignore="index"><span data-pagefind-meta="url">{url}</span>
<span data-pagefind-meta="kind">{kind}</span><span data-pagefind-filter="Type">{kind}</span>
<span data-pagefind-meta="names">{names}</span></div>
<p data-pagefind-meta="description">{definition}</p><p>{variants}</p></body></html>
"""


def term_records(terms: Iterable[Term]) -> dict[str, str]:
    """One record per glossary term, by file name: on its anchor in the glossary page."""
    page = "/" + page_url(GLOSSARY_PAGE)
    return {f"{term.id}.html": TERM_RECORD.format(
                term=escape(term.term), url=escape(f"{page}#{term.id}"), kind=escape(TERM_KIND),
                definition=escape(term.definition), variants=escape(" · ".join(term.variants)),
                names=escape(" | ".join(term.forms)))
            for term in terms}


def split_elisions(html: str) -> str:
    """The text with a space after each elided word: "l’ OTAN" is indexed as "l" and "OTAN"."""
    pieces: list[str] = []
    last = 0
    for apostrophe in APOSTROPHE.finditer(html):
        word = WORD_BEFORE.search(html, max(0, apostrophe.start() - 7), apostrophe.start())
        if word and word.group().lower() in ELIDED:
            pieces += (html[last:apostrophe.end()], " ")
            last = apostrophe.end()
    pieces.append(html[last:])
    return "".join(pieces)


def searched_part(html: str) -> str | None:
    """What Pagefind reads of a page: the part the theme marks (``BODY``, up to the end of the
    content, Material's one ``</article>``), as a page of its own; None for a page left out.
    Without the navigation, which on a large edition is most of each page's bytes, nor the
    lists Pagefind would skip but read (an entity's mentions): on 2,000 articles, 16.1 s to
    index instead of 18.7 s, and 87 MB for Pagefind to read instead of 523 MB."""
    start = html.find(f"<div {BODY}>")
    end = html.rfind("</article>")
    if start < 0 or end < start:
        return None
    part = IGNORED_LIST.sub("", html[start:end])
    return f'<!DOCTYPE html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head><body>{part}</body></html>'


def stage(site: Path, records: dict[str, str], folder: Path) -> None:
    """The copy Pagefind indexes: the part of each page to be searched, elisions split, and
    the records (in a folder of their own: each names its address)."""
    for page in site.rglob("*.html"):
        part = searched_part(page.read_text("utf-8"))
        if part is not None:
            copy = folder / page.relative_to(site)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(split_elisions(part), "utf-8")
    (folder / RECORDS).mkdir()
    for name, html in records.items():
        (folder / RECORDS / name).write_text(split_elisions(html), "utf-8")


async def _write(staged: Path, bundle: Path) -> int:
    config = IndexConfig(force_language=LANGUAGE, output_path=str(bundle), exclude_selectors=list(NOT_TEXT))
    async with PagefindIndex(config=config) as index:
        pages = await index.add_directory(str(staged))
    return int(pages["page_count"])


def _memory() -> str | None:
    """A folder in memory for the staged copy, where the system has one: making thousands of
    files there takes a second, against ten on a disk's file system that has just deleted many
    (2,000 articles: 2.4 s against 10.7 s)."""
    shm = Path("/dev/shm")  # noqa: S108 - tempfile makes a private folder in it
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def index_site(site: Path, terms: Iterable[Term]) -> Indexed:
    """Index the built site in ``site`` and the glossary's terms; replace any earlier index."""
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    records = term_records(terms)
    with tempfile.TemporaryDirectory(prefix="edition-recherche-", dir=_memory()) as folder:
        stage(site, records, Path(folder))
        pages = asyncio.run(_write(Path(folder), bundle.resolve()))
    return Indexed(pages=pages - len(records), records=len(records), bytes=index_bytes(site))


def index_bytes(site: Path) -> int:
    """The size of the index a site holds: its own files, without the reader's script and styles."""
    return sum(path.stat().st_size for path in (site / BUNDLE).rglob("*")
               if path.is_file() and (path.parent.name in ("fragment", "index", "filter") or path.suffix == ".pf_meta"))
