"""The search index every reader downloads: small, and holding what search needs (the
searches themselves run in a browser: test_browser.py)."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from typing import Any

import pytest
import snowballstemmer
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.publish.search_index import (
    FRENCH_STOP_WORDS,
    FRENCH_WORKER,
    WORDS_FIELD,
    generated_pages,
    index_terms,
    page_url,
    tokens,
    up_to_title,
    worker_url_filter,
)

# At most this many bytes of index per 1,000 words of articles.
BYTES_PER_1000_WORDS = 6_000
SEPARATOR = re.compile(r"[\s\-’']+")  # mkdocs.yml, plugins: search: separator


def index(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    return data


def corpus_words(site: Path) -> int:
    """The words of the articles' text, as a word processor counts them (between spaces)."""
    record = json.loads((site / "edition.json").read_text("utf-8"))
    return sum(len(block["text"].split()) for article in record["articles"] for block in article["blocks"])


@pytest.mark.site
def test_the_index_weighs_at_most_6_kb_per_1000_words_of_articles(built_site: Path) -> None:
    size = (built_site / "search" / "search_index.json").stat().st_size
    words = corpus_words(built_site)
    assert words > 5_000
    assert size / (words / 1000) <= BYTES_PER_1000_WORDS, f"{size} bytes for {words} words"


@pytest.mark.site
def test_the_index_has_a_document_for_each_article_entity_and_term(built_site: Path) -> None:
    record = json.loads((built_site / "edition.json").read_text("utf-8"))
    docs = {doc["location"]: doc for doc in index(built_site)["docs"]}
    assert index(built_site)["config"]["fields"][WORDS_FIELD] == {"boost": 1.0}
    for article in record["articles"]:
        doc = docs[article["url"]]
        assert doc["title"] == article["title"]
        assert "otan" in doc[WORDS_FIELD].split() or "OTAN" not in json.dumps(article["blocks"])
    for entity in record["entities"]:
        assert docs[entity["url"]]["title"] == escape(entity["name"], quote=False)  # results show HTML
    assert "M. Disco Inferno" in docs["entites/donald-trump/"]["text"]
    for term in record["glossary"]:
        assert docs[term["url"]]["title"] == escape(term["term"], quote=False)
    assert not any(loc.startswith("chronologie/#") or loc.startswith("entites/donald-trump/#") for loc in docs)


def test_forms_sharing_a_stem_are_indexed_once_by_the_stem() -> None:
    assert index_terms(["Le découplage, les découplages et l’OTAN."], SEPARATOR) == ["découplag", "otan"]
    assert index_terms(["découpler, découplé"], SEPARATOR) == ["découpl"]


def test_a_form_whose_stem_does_not_begin_it_is_kept_as_written() -> None:
    assert index_terms(["l’intelligence"], SEPARATOR) == ["intelligence"]


def test_stop_words_punctuation_and_the_title_s_words_are_left_out() -> None:
    assert index_terms(["« Il est là, avec nous ! »"], SEPARATOR) == ["là"]
    assert index_terms(["La Chine et les chinois"], SEPARATOR, known=["chine"]) == ["chinois"]
    assert index_terms(["Les Chines"], SEPARATOR, known=["chine"]) == []


def _index_terms_word_by_word(texts: list[str], known: list[str]) -> list[str]:
    """``index_terms`` as its docstring reads, one word after another."""
    families: dict[str, list[str]] = {}
    for text in texts:
        for token in tokens(text, SEPARATOR):
            word = re.sub(r"^\W+|\W+$", "", token)
            if word and word not in FRENCH_STOP_WORDS and word not in known:
                family = families.setdefault(snowballstemmer.stemmer("french").stemWord(word), [])
                if word not in family:
                    family.append(word)
    terms: list[str] = []
    for stem, forms in families.items():
        if not all(form.startswith(stem) for form in forms):
            terms.extend(forms)
        elif not any(k.startswith(stem) for k in known):
            terms.append(stem)
    return terms


WORDS = ["découplage", "découplages", "découpler", "l’OTAN", "OTAN,", "intelligence", "intelligent", "Chine",
         "chinois", "la", "est", "«", "»", "(IA)", "IA", "États-Unis", "état", "_x_", "2025", "là", "-", "’"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join), max_size=4),
       st.lists(st.sampled_from(["chine", "otan", "découplage", "état", "ia"]), max_size=2))
def test_index_terms_are_those_found_word_by_word(texts: list[str], known: list[str]) -> None:
    assert index_terms(texts, SEPARATOR, known) == _index_terms_word_by_word(texts, known)


def test_page_urls_follow_mkdocs_directory_urls() -> None:
    assert page_url("index.md") == ""
    assert page_url("articles/index.md") == "articles/"
    assert page_url("entites/donald-trump.md") == "entites/donald-trump/"


def test_the_pages_start_the_french_worker_with_material_s_named() -> None:
    wrapped = worker_url_filter(lambda context, value: f"../{value}")
    assert wrapped(None, "assets/javascripts/workers/search.a7633da7.min.js") == (
        f"../{FRENCH_WORKER}?search.a7633da7.min.js")
    assert wrapped(None, "assets/javascripts/bundle.a5f9d56c.min.js") == "../assets/javascripts/bundle.a5f9d56c.min.js"
    assert (Path(__file__).parents[1] / "docs" / FRENCH_WORKER).is_file()


@pytest.mark.site
def test_material_reads_the_same_title_and_address_from_a_generated_page_cut_after_its_title(
        built_site: Path) -> None:
    from bs4 import BeautifulSoup  # noqa: PLC0415
    from material.plugins.search.plugin import Parser  # noqa: PLC0415

    docs = built_site.parent / "docs"
    pages = sorted(generated_pages(docs))
    assert len(pages) > 100
    for page in pages:
        html = (built_site / page_url(page) / "index.html").read_text("utf-8")
        content = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner").decode_contents()
        whole, cut = Parser(), Parser()
        whole.feed(content)
        cut.feed(up_to_title(content))
        assert cut.data and len(cut.data) <= 2, page  # the title's, and any before it
        assert [(s.id, s.title) for s in cut.data] == [(s.id, s.title) for s in whole.data[:len(cut.data)]], page
        assert len(up_to_title(content)) < len(content), page


def test_a_page_rebuilt_by_a_dirty_serve_keeps_its_new_sections_only() -> None:
    from build_tools.publish.search_index import _IndexMaker  # noqa: PLC0415

    export = {"articles": [], "entities": [], "glossary": []}
    maker = _IndexMaker(export, generated={"a/", "b/"}, separator=SEPARATOR)
    material = [{"location": "a/", "title": "A, old", "text": ""}, {"location": "b/", "title": "B", "text": ""},
                {"location": "a/", "title": "A, new", "text": ""}]  # Material appends a rebuilt page's
    assert [(d["location"], d["title"]) for d in maker.docs(material)] == [("a/", "A, new"), ("b/", "B")]
