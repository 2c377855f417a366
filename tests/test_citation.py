"""What reference managers (Zotero reads citation_* tags) and search engines (schema.org
JSON-LD) read of the built pages, parsed by extruct as they parse it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import export

pytestmark = pytest.mark.site

extruct = pytest.importorskip("extruct", reason="pip install -e '.[test]' (make test does)")


def read(site: Path, url: str) -> tuple[dict[str, list[str]], list[dict[str, Any]]]:
    """A page's citation_* tags (name → contents) and its JSON-LD items."""
    from bs4 import BeautifulSoup  # noqa: PLC0415

    html = (site / url / "index.html").read_text("utf-8")
    tags: dict[str, list[str]] = {}
    for meta in BeautifulSoup(html, "html.parser").select("head meta[name^='citation_']"):
        tags.setdefault(meta["name"], []).append(meta["content"])
    data = extruct.extract(html, base_url="https://example.org/", syntaxes=["json-ld"], uniform=True)
    return tags, data["json-ld"]


def test_each_article_carries_its_citation_tags_and_its_news_article_data(built_site: Path) -> None:
    """What the article's page says, and nothing it does not know (no author, no date)."""
    record = export(built_site)
    entities = {e["id"]: e for e in record["entities"]}
    assert {a["genre"] for a in record["articles"]} == {"news", "opinion"}  # both kinds are checked
    for article in record["articles"]:
        tags, [item] = read(built_site, article["url"])
        assert tags["citation_title"] == [article["title"]] and item["headline"] == article["title"]
        assert tags["citation_public_url"][0].endswith("/" + article["url"])
        genre = {"news": "NewsArticle", "opinion": "OpinionNewsArticle"}[article["genre"]]
        assert item["@type"] == genre and item["inLanguage"] == "fr"
        assert tags.get("citation_author") == ([article["author"]] if article["author"] else None)
        assert item.get("author", {}).get("name") == article["author"]
        date = article["date"]
        assert tags.get("citation_publication_date") == ([date.replace("-", "/")] if date else None)
        assert item.get("datePublished") == date
        assert tags.get("citation_publisher") == ([article["source"]] if article["source"] else None)
        assert item.get("publisher", {}).get("name") == article["source"]
        named = {m["name"]: m for m in item["mentions"]}
        assert set(named) == {entities[m["entity"]]["name"] for m in article["mentions"]}
        for mention in item["mentions"]:
            entity = next(e for e in record["entities"] if e["name"] == mention["name"])
            expected = [entity["wikipedia"]] * bool(entity["wikipedia"]) + \
                [f"https://www.wikidata.org/wiki/{entity['wikidata']}"] * bool(entity["wikidata"])
            assert mention.get("sameAs", []) == expected
    trump = next(m for m in read(built_site, record["articles"][0]["url"])[1][0]["mentions"]
                 if m["name"] == "Donald Trump")
    assert trump["@type"] == "Person" and "https://www.wikidata.org/wiki/Q22686" in trump["sameAs"]


def test_an_entity_page_carries_its_type_and_authority_pages(built_site: Path) -> None:
    otan = next(e for e in export(built_site)["entities"] if e["id"] == "otan")
    tags, [item] = read(built_site, otan["url"])
    assert tags == {}  # an entity is not a text to cite
    assert item["@type"] == "Organization" and item["name"] == otan["name"]
    assert item["alternateName"] == otan["aliases"] == ["OTAN"]
    assert item["description"] == otan["description"]
    assert item["sameAs"] == [otan["wikipedia"], f"https://www.wikidata.org/wiki/{otan['wikidata']}"]


# --- In the browser ------------------------------------------------------------------------

@pytest.mark.tools
def test_a_paragraph_is_cited_with_its_address_by_mouse_and_keyboard(built_site: Path, site_url: str,
                                                                     open_reader: Any) -> None:
    article = next(a for a in export(built_site)["articles"] if a["author"] and a["source"])
    reader = open_reader(site_url)
    reader.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = reader.open(article["url"])
    button = page.locator("#p5 .citer")
    assert button.evaluate("b => getComputedStyle(b).opacity") == "0"  # discreet until wanted
    page.locator("#p5").hover()
    button.click()
    page.locator(".citer-etat--vu").wait_for()
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith(f"{article['author']}, « {article['title']} », {article['source']}")
    assert f"§ 5, {site_url}{article['url']}#p5, consulté le …" in text
    assert "édition annotée" in text
    assert page.locator("#p5").inner_text().endswith(article["blocks"][4]["text"][-20:])  # the button adds no text
    button.focus()  # reached by the keyboard, and seen then
    assert button.evaluate("b => getComputedStyle(b).opacity") == "1"
    page.keyboard.press("Enter")
    assert reader.errors == []


@pytest.mark.tools
def test_an_article_is_cited_in_bibtex_and_ris(built_site: Path, site_url: str, open_reader: Any) -> None:
    article = next(a for a in export(built_site)["articles"] if a["date"] and a["source"])
    page = open_reader(site_url).open(article["url"])
    page.locator(".citer-article summary").click()
    bibtex = page.locator("pre[data-format='BibTeX']").inner_text()
    assert bibtex.startswith(f"@article{{{article['slug']},") and bibtex.rstrip().endswith("}")
    assert f"date = {{{article['date']}}}" in bibtex and f"journal = {{{article['source']}}}" in bibtex
    ris = page.locator("pre[data-format='RIS']").inner_text().splitlines()
    assert ris[0] == "TY  - NEWS" and ris[-1].rstrip() == "ER  -"
    assert f"DA  - {article['date'].replace('-', '/')}/" in ris and f"T2  - {article['source']}" in ris
