"""Search as a reader uses it, in a real browser on the built site: the query typed key by
key in the header's box, the first result it must show, and the paragraph an article's result
must open (see conftest.py for the browser; build_tools/publish/search.py for the index)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from build_tools.publish.engines import DEFAULT_ENGINE
from build_tools.publish.search import (
    BUNDLE,
    LANGUAGE,
    PARTS,
    VOCABULARY,
    VOCABULARY_FILTER,
    index_site,
    parts,
    split_elisions,
)
from build_tools.registers import load_registers

from conftest import ROOT, LocalServer, Reader, Sites, axe_violations, every_engine, result_paths, search

pytestmark = [pytest.mark.site, pytest.mark.tools, every_engine]

OpenReader = Callable[..., Reader]

# What is asked of the search: the query as a reader types it, the result it must show first,
# and, for the queries an article answers, that article and the paragraph it must open.
QUERIES = [
    # (what the query tries, query, first result, (article, paragraph) or None)
    ("sans accents", "decouplage", "glossaire/#decouplage", ("articles/offensive-technologique-chine/", "p4")),
    ("avec accents", "découplage", "glossaire/#decouplage", ("articles/offensive-technologique-chine/", "p4")),
    ("une forme que le texte n’a pas", "découplages", "glossaire/#decouplage", None),
    ("un sigle que le texte élide", "OTAN", "entites/otan/", ("articles/trois-defis-trump-2-0/", "p41")),
    ("l’élision tapée", "l’OTAN", "entites/otan/", None),
    ("l’élision, apostrophe droite, en minuscules", "l'otan", "entites/otan/", None),
    ("un terme de plusieurs mots", "terres rares", "glossaire/#terres-rares",
     ("articles/offensive-technologique-chine/", "p13")),
    ("au singulier", "terre rare", "glossaire/#terres-rares", None),
    ("un nom propre", "Stargate", "entites/stargate/", None),
    ("un nom sans son accent", "pekin", "entites/pekin/", None),
    ("un nom et son article", "la Chine", "entites/chine/", None),
    ("un surnom de l’auteur", "M. Disco Inferno", "entites/donald-trump/", None),
    ("un autre surnom", "M. Pont", "entites/liang-wenfeng/", None),
    ("une œuvre, et l’article qui la cite", "Disco Inferno", "entites/disco-inferno/",
     ("articles/trois-defis-trump-2-0/", "p2")),
    ("un mot du texte seulement", "mammouths", "articles/musk-stargate-trump/",
     ("articles/musk-stargate-trump/", "p1")),
    ("une expression avec un petit mot", "dégraissage des mammouths", "articles/musk-stargate-trump/",
     ("articles/musk-stargate-trump/", "p1")),
    ("un intertitre", "Le découplage sino-américain", "articles/offensive-technologique-chine/",
     ("articles/offensive-technologique-chine/", "p4")),
    ("un bloc, terme du glossaire", "Occident", "glossaire/#occident", None),
    ("rien", "zzzxq", None, None),
]


def paragraph_links(page: Any, article: str) -> list[str]:
    """The paragraphs offered under an article's result, by their anchor."""
    item = page.locator("[data-recherche-liste] > li").filter(
        has=page.locator(f"a:first-child[href$='/{article}']"))
    hrefs: list[str] = item.locator("a.recherche-paragraphe").evaluate_all("links => links.map(a => a.href)")
    return [href.split("#")[1] for href in hrefs]


@pytest.mark.parametrize(("case", "query", "first", "lands"), QUERIES, ids=[q[1] for q in QUERIES])
def test_a_query_shows_its_result_first_and_opens_its_paragraph(site_url: str, open_reader: OpenReader, case: str,
                                                                 query: str, first: str | None,
                                                                 lands: tuple[str, str] | None) -> None:
    asks(open_reader(site_url), case, query, first, lands)


def asks(reader: Reader, case: str, query: str, first: str | None, lands: tuple[str, str] | None) -> list[str]:
    """The query typed: its first result, and the paragraph an article's result opens; the
    results shown."""
    page = search(reader, query)
    found = result_paths(reader, page)
    if first is None:
        assert found == []
        assert page.locator("[data-recherche-etat]").inner_text() == f"Aucun résultat pour « {query} »"
        return found
    assert found[0] == first, case
    if lands is None:
        return found
    article, paragraph = lands
    assert paragraph in paragraph_links(page, article), case
    # The reader goes down the results with the arrows and opens the paragraph with Enter.
    link = page.locator(f"[data-recherche-liste] a[href$='{article}#{paragraph}']")
    for _ in range(40):
        if link.evaluate("a => a === document.activeElement"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(f"{re.escape(article)}#{paragraph}$"))
    page.wait_for_function("id => document.querySelector(':target')?.id === id", arg=paragraph)
    target = page.locator(f"[id='{paragraph}']")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]
    assert target.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"  # marked as a mention's target
    return found


def test_an_entity_and_a_term_show_their_kind_and_description(site_url: str, open_reader: OpenReader) -> None:
    reader = open_reader(site_url)
    page = search(reader, "OTAN")
    first = page.locator("[data-recherche-liste] > li").first
    assert first.locator(".recherche-nature").first.inner_text().lower() == "entité · organisation"
    assert first.locator("p").first.inner_text().startswith("Alliance militaire")
    page = search(reader, "Occident")
    first = page.locator("[data-recherche-liste] > li").first
    assert first.locator(".recherche-nature").first.inner_text().lower() == "terme du glossaire"
    assert first.locator("p").first.inner_text().startswith("Ensemble formé par les pays")


def test_the_words_found_are_marked_and_elisions_shown_as_written(site_url: str, open_reader: OpenReader) -> None:
    reader = open_reader(site_url)
    page = search(reader, "OTAN")
    excerpt = page.locator("a.recherche-paragraphe p").first
    assert "l’<mark>OTAN</mark>" in excerpt.inner_html()
    assert "l’ OTAN" not in excerpt.inner_text()
    page = search(reader, "dégraissage des mammouths")
    marks = page.locator("a.recherche-paragraphe mark").all_inner_texts()
    assert set(marks) == {"dégraissage", "mammouths"}  # not every "de" that begins like "des"


def test_a_filter_keeps_only_its_kind(site_url: str, open_reader: OpenReader) -> None:
    reader = open_reader(site_url)
    page = search(reader, "Trump")
    assert any(p.startswith("entites/") for p in result_paths(reader, page))
    page.locator("[data-recherche-filtres] summary").click()
    page.locator("select[name='Type']").select_option("Article")
    page.wait_for_function("""() => [...document.querySelectorAll('[data-recherche-liste] .recherche-nature')]
        .every(e => e.textContent.startsWith('Article') || e.textContent.startsWith('§'))""")
    paths = result_paths(reader, page)
    assert paths and all(p.startswith("articles/") for p in paths)


def test_the_keyboard_opens_and_closes_the_search(site_url: str, open_reader: OpenReader) -> None:
    reader = open_reader(site_url)
    page = reader.open("articles/")
    box = page.locator("input.md-search__input")
    page.keyboard.press("s")
    assert box.evaluate("e => e === document.activeElement")
    assert page.locator("#__search").is_checked()
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    assert not box.evaluate("e => e === document.activeElement")
    page.keyboard.press("/")
    assert page.locator("#__search").is_checked()
    assert box.input_value() == ""  # the key that opened it is not typed


def test_the_next_results_come_when_the_reader_asks_for_them(site_url: str, open_reader: OpenReader) -> None:
    reader = open_reader(site_url)
    page = search(reader, "Chine")
    status = page.locator("[data-recherche-etat]")
    total = int(status.inner_text().split()[0])
    assert total > 10
    first = result_paths(reader, page)
    assert len(first) == 5 and status.inner_text() == f"{total} résultats, les 5 premiers ci-dessous"
    more = page.locator("[data-recherche-plus]")
    assert more.inner_text() == "Afficher les 5 résultats suivants"
    # The keyboard reaches it from the last result, and goes on from the first new one.
    for _ in range(40):
        if more.evaluate("b => b === document.activeElement"):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('[data-recherche-liste] > li').length === 10")
    shown = result_paths(reader, page)
    assert shown[:5] == first and len(set(shown)) == 10
    assert status.inner_text() == f"{total} résultats, les 10 premiers ci-dessous"
    assert page.evaluate("document.activeElement.href") == reader.base_url + shown[5]
    # A new query starts again from its first results.
    page.locator("input.md-search__input").fill("")
    page.keyboard.type("OTAN", delay=20)
    page.wait_for_function("() => document.querySelector('[data-recherche-liste]').dataset.query === 'OTAN'")
    assert len(result_paths(reader, page)) <= 5


def test_the_small_words_of_a_query_fetch_nothing_of_the_index(site_url: str, open_reader: OpenReader) -> None:
    """Nearly every page holds "de" and "la": Pagefind would fetch and rank their part of the
    index in every page (BENCHMARKS.md), for the same results."""
    fetched = {}
    for query in ("Chine", "de la Chine"):
        reader = open_reader(site_url)
        page = search(reader, query)
        page.wait_for_load_state("networkidle")
        fetched[query] = {url for url in reader.requests if url.endswith(".pf_index")}
        assert result_paths(reader, page)
    assert fetched["Chine"] and fetched["de la Chine"] == fetched["Chine"]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_in_the_search_with_results(site_url: str, open_reader: OpenReader,
                                                              color_scheme: str) -> None:
    reader = open_reader(site_url, color_scheme=color_scheme)
    page = search(reader, "découplage")
    page.locator("[data-recherche-filtres] summary").click()
    assert axe_violations(page, ".md-search") == []
    page = search(reader, "Chine")  # with the button that shows the next results
    assert page.locator("[data-recherche-plus]").is_visible()
    assert axe_violations(page, ".md-search") == []


@pytest.fixture(scope="module")
def under_a_path(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served under /edition/, as GitHub Pages serves a project's site."""
    root = tmp_path_factory.mktemp("sous-chemin")
    shutil.copytree(built_site, root / "edition")
    server = LocalServer()
    yield server.serve(root) + "edition/"
    server.close()


def test_search_works_under_a_sub_path_and_nothing_leaves_the_site(under_a_path: str,
                                                                   open_reader: OpenReader) -> None:
    reader = open_reader(under_a_path)
    page = search(reader, "Disco Inferno", "entites/")
    assert result_paths(reader, page)[0] == "entites/disco-inferno/"
    page.locator("[data-recherche-liste] > li > a").first.click()
    page.wait_for_url(under_a_path + "entites/disco-inferno/")
    assert all(url.startswith(under_a_path) for url in reader.requests)
    assert reader.errors == []


def test_the_index_is_made_by_the_pagefind_the_project_pins(built_site: Path) -> None:
    """package-lock.json pins Pagefind (npm has 1.6, PyPI stops at 1.5.2): the build runs that
    one, not another found on the machine."""
    pinned = json.loads((ROOT / "package-lock.json").read_text("utf-8"))["packages"]["node_modules/pagefind"]
    entry = json.loads((built_site / BUNDLE / "pagefind-entry.json").read_text("utf-8"))
    assert entry["version"] == pinned["version"]


def test_elided_words_are_split_for_the_index_and_nothing_else() -> None:
    assert split_elisions("l’OTAN, d'Europe, qu’il, jusqu’au, L’Occident") == \
        "l’ OTAN, d' Europe, qu’ il, jusqu’ au, L’ Occident"
    assert split_elisions("aujourd’hui, prud’homme, l’ OTAN, «l’IA»") == "aujourd’hui, prud’homme, l’ OTAN, «l’ IA»"


# A large edition's index is made in parts that the reader's browser merges: the project's
# site indexed in parts of at most this many bytes of the copy Pagefind reads (several parts).
SMALL_PART = 150_000


@pytest.fixture(scope="module")
def parted_site(sites: Sites, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's site with its index made again in several parts."""
    site = tmp_path_factory.mktemp("en-parties") / "site"
    shutil.copytree(sites.get(DEFAULT_ENGINE.value).path, site)
    assert index_site(site, load_registers(ROOT / "data").glossary, budget=SMALL_PART).parts >= 3
    return site


@pytest.fixture(scope="module")
def in_parts(parted_site: Path) -> Iterator[str]:
    server = LocalServer()
    yield server.serve(parted_site)
    server.close()


@pytest.mark.parametrize(("case", "query", "first", "lands"), QUERIES, ids=[q[1] for q in QUERIES])
def test_an_index_in_parts_answers_as_one_index(in_parts: str, open_reader: OpenReader, case: str, query: str,
                                                first: str | None, lands: tuple[str, str] | None) -> None:
    found = asks(open_reader(in_parts), case, query, first, lands)
    assert not any(VOCABULARY.removesuffix(".html") in path for path in found)


def test_each_part_of_an_index_is_searched_in_a_worker_of_its_own(in_parts: str, parted_site: Path,
                                                                 open_reader: OpenReader) -> None:
    reader = open_reader(in_parts)
    page = search(reader, "Chine")
    assert result_paths(reader, page) and not reader.errors
    parts_named = len(json.loads((parted_site / BUNDLE / PARTS).read_text("utf-8"))["parties"]) + 1
    assert [worker.url.rsplit("/", 1)[-1] for worker in page.workers] == ["recherche-partie.js"] * parts_named
    # Pagefind's WebAssembly, the same for all the parts, is asked for in the first part's folder only.
    wasm = {url.removeprefix(in_parts) for url in reader.requests if url.endswith(".pagefind") and "/wasm." in url}
    assert wasm == {f"{BUNDLE}/wasm.{LANGUAGE}.pagefind"}


def test_the_parts_of_an_index_hold_each_page_once_and_only_what_is_merged(parted_site: Path, sites: Sites) -> None:
    def pages(bundle: Path) -> int:
        return int(json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))["languages"]["fr"]["page_count"])

    bundle = parted_site / BUNDLE
    named = json.loads((bundle / PARTS).read_text("utf-8"))
    others = named["parties"]
    assert others == [f"{n}/" for n in range(2, len(others) + 2)] and named["sauf"] == VOCABULARY_FILTER
    one_index = sites.get(DEFAULT_ENGINE.value).path / BUNDLE
    assert json.loads((one_index / PARTS).read_text("utf-8")) == {"parties": [], "sauf": {}}
    # Each page in one part, and in each part the page of the edition's words.
    assert pages(bundle) + sum(pages(bundle / folder) for folder in others) == pages(one_index) + len(others) + 1
    for folder in others:
        written = {p.name if p.suffix != ".pf_meta" else ".pf_meta" for p in (bundle / folder).iterdir()}
        assert written == {"pagefind-entry.json", ".pf_meta", "index", "fragment", "filter"}


def test_the_pages_are_dealt_into_as_few_parts_as_the_budget_allows_each_alike() -> None:
    sizes = {Path(name): size for name, size in zip("abcdefgh", (50, 40, 30, 20, 10, 10, 5, 5), strict=True)}
    split = parts(sizes, budget=90)
    assert len(split) == 2
    assert sorted(name for part in split for name in part) == sorted(sizes)
    assert [len(part) for part in split] == [4, 4]
    assert [sum(sizes[name] for name in part) for part in split] == [95, 75]
    assert parts(sizes, budget=170) == [sorted(sizes, key=lambda name: -sizes[name])]
