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
0.3 s for the whole site).

Pagefind holds all it reads in memory until it writes the index, about 21 MB for each MB of
the copy (1.42 GB for the 65 MB of 2,000 articles), and has no setting to hold less. A large
edition is indexed in parts of at most ``PART_BYTES`` each, one Pagefind after the other, and
the reader's browser searches them all at once, each in a worker of its own
(``recherche-partie.js``), and ranks their results together: the first part in ``pagefind/``,
the others in ``pagefind/<n>/``, named in ``pagefind/parties.json``. The parts of each index
are made smaller in proportion (``CHUNK_LOCATIONS``), so that a query downloads about as much
from all the parts as from one index. The real edition is one part."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..registers.glossary import Term
from ..site.paths import GLOSSARY_PAGE, page_url

# Pagefind's command: the one package-lock.json pins (``make build`` installs it with npm), or
# another named by the variable Pagefind's own tools read.
PAGEFIND = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "pagefind"
PAGEFIND_SETTING = "PAGEFIND_BINARY_PATH"
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
# The copy one Pagefind reads at most. Indexing takes about 21 MB of memory for each MB of it
# (1.42 GB for the 65 MB of 2,000 articles): a part stays under 1.4 GB, below the 1.5 GB a
# whole build may take (BENCHMARKS.md). Fewer, larger parts: a query downloads a little less
# (each part's list of its pages and of the parts of its index).
PART_BYTES = 64 * 2**20
PARTS = "parties.json"  # in the first part's folder: the folders of the others, relative to it
# Where a query's word is in no page of a part, Pagefind answers with the pages of the longest
# word of that part the query's word begins with ("m" for "mammouths"): pages that one index
# would not give, ranked first. So each part also holds a page of every word of the edition,
# which no result shows (the reader's script leaves out what this filter marks).
VOCABULARY = "_vocabulaire.html"
VOCABULARY_FILTER = {"vocabulaire": "oui"}
VOCABULARY_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Vocabulaire</title></head>
<body data-pagefind-body><div data-pagefind-filter="{filter}"></div><p>{words}</p></body></html>
"""
TAG = re.compile(r"<[^>]*>")
# The size of a part of an index, in locations of words: Pagefind's default, divided among the
# parts of a large edition (its unstable setting, read from its environment).
CHUNK_LOCATIONS = 20_000
CHUNK_SETTING = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE"
# What a merged part needs of what Pagefind writes, besides its list of pages (``.pf_meta``):
# the reader's script and its WebAssembly come from the first part.
MERGED = ("pagefind-entry.json", "index", "fragment", "filter")


@dataclass(frozen=True)
class Indexed:
    pages: int
    records: int
    bytes: int  # the index's own files, without the reader's script and styles
    parts: int = 1

    def __str__(self) -> str:
        parts = f", in {self.parts} parts" if self.parts > 1 else ""
        return (f"{self.pages} pages and {self.records} glossary terms indexed by Pagefind "
                f"({self.bytes:,} bytes of index{parts})")


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


def stage(site: Path, records: dict[str, str], folder: Path) -> dict[Path, int]:
    """The copy Pagefind indexes, in ``folder``: the part of each page to be searched, elisions
    split, and the records (in a folder of their own: each names its address). Returns each
    file written, relative to ``folder``, with its size in bytes."""
    sizes: dict[Path, int] = {}

    def write(name: Path, html: str) -> None:
        text = split_elisions(html).encode("utf-8")
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(text)
        sizes[name] = len(text)

    for page in site.rglob("*.html"):
        part = searched_part(page.read_text("utf-8"))
        if part is not None:
            write(page.relative_to(site), part)
    for name, html in records.items():
        write(Path(RECORDS) / name, html)
    return sizes


def parts(sizes: dict[Path, int], budget: int = PART_BYTES) -> list[list[Path]]:
    """The files split into as few parts as keep each about under ``budget`` bytes, each part
    a like sample of the whole: the files dealt in turn, the largest first, so that the parts
    have as many pages, as many bytes (give or take a page) and pages as long. A merged index
    ranks each result by its own part's figures (how many pages hold a word, how long a page
    is on average): parts alike rank as one index would. One part under the budget."""
    count = max(1, math.ceil(sum(sizes.values()) / budget))
    ordered = sorted(sizes, key=lambda name: (-sizes[name], name))
    return [ordered[number::count] for number in range(count)]


def _write(staged: Path, bundle: Path, chunk: int) -> int:
    """Pagefind's command on ``staged``, its index written to ``bundle`` in parts of ``chunk``
    locations; the pages indexed. (Not its Python client: in Pagefind 1.5.2 it answered before its
    last files were on disk, then was stopped, and a file could be left empty.)"""
    pagefind = Path(os.environ.get(PAGEFIND_SETTING) or PAGEFIND)
    if not pagefind.is_file():
        raise RuntimeError(f"Pagefind is not installed ({pagefind}): make build installs it with npm (Node.js), "
                           f"or {PAGEFIND_SETTING} names its command")
    command = [str(pagefind), "--site", str(staged), "--output-path", str(bundle),
               "--force-language", LANGUAGE, "--quiet"]
    for selector in NOT_TEXT:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True,  # noqa: S603 - Pagefind on the site's copy
                          env={**os.environ, CHUNK_SETTING: str(chunk)}, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind could not index {staged}:\n{done.stdout}{done.stderr}")
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return int(entry["languages"][LANGUAGE]["page_count"])


def vocabulary_page(staged: Path, names: Iterable[Path]) -> str:
    """The page of every word of the files ``names`` in ``staged``, once each."""
    words: set[str] = set()
    for name in names:
        words.update(TAG.sub(" ", (staged / name).read_text("utf-8")).split())
    key, value = next(iter(VOCABULARY_FILTER.items()))
    return VOCABULARY_PAGE.format(filter=escape(f"{key}:{value}"), words=" ".join(sorted(words)))


def _index_parts(staged: Path, split: list[list[Path]], bundle: Path) -> int:
    """Each part of the copy in ``staged`` moved to a folder of its own, with the vocabulary
    page where there are several, and indexed alone, one after the other; the pages indexed."""
    pages = 0
    others = [f"{number}/" for number in range(2, len(split) + 1)]
    vocabulary = vocabulary_page(staged, (name for names in split for name in names)) if others else None
    for number, names in enumerate(split, start=1):
        folder = staged.with_name(f"{staged.name}-{number}")
        for name in names:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (staged / name).replace(folder / name)
        if vocabulary is not None:
            (folder / VOCABULARY).write_text(vocabulary, "utf-8")
            pages -= 1
        output = bundle if number == 1 else bundle / str(number)
        pages += _write(folder, output.resolve(), max(1, CHUNK_LOCATIONS // len(split)))
        shutil.rmtree(folder)
        if number > 1:
            for written in output.iterdir():
                if written.is_dir() and written.name not in MERGED:
                    shutil.rmtree(written)
                elif written.is_file() and written.name not in MERGED and written.suffix != ".pf_meta":
                    written.unlink()
    (bundle / PARTS).write_text(json.dumps({"parties": others, "sauf": VOCABULARY_FILTER if others else {}}), "utf-8")
    return pages


def _memory() -> str | None:
    """A folder in memory for the staged copy, where the system has one: making thousands of
    files there takes a second, against ten on a disk's file system that has just deleted many
    (2,000 articles: 2.4 s against 10.7 s)."""
    shm = Path("/dev/shm")  # noqa: S108 - tempfile makes a private folder in it
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def index_site(site: Path, terms: Iterable[Term], budget: int = PART_BYTES) -> Indexed:
    """Index the built site in ``site`` and the glossary's terms, in parts of at most ``budget``
    bytes of the copy each; replace any earlier index."""
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    records = term_records(terms)
    with tempfile.TemporaryDirectory(prefix="edition-recherche-", dir=_memory()) as folder:
        staged = Path(folder) / "copie"
        split = parts(stage(site, records, staged), budget)
        pages = _index_parts(staged, split, bundle)
    return Indexed(pages=pages - len(records), records=len(records), bytes=index_bytes(site), parts=len(split))


def index_bytes(site: Path) -> int:
    """The size of the index a site holds: its own files, without the reader's script and styles."""
    return sum(path.stat().st_size for path in (site / BUNDLE).rglob("*")
               if path.is_file() and (path.parent.name in ("fragment", "index", "filter") or path.suffix == ".pf_meta"))
