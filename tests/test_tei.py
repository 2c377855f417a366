"""The TEI P5 file of each article (build_tools/site/tei.py), read as a scholar's tools read it:
valid against the schema of the subset it uses, the article's text word for word, every name,
term and note marked and pointing to its description, the page's left-out lines listed apart
without the reader comments; and shown in a browser by CETEIcean."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from build_tools.build import build
from build_tools.project import Paths
from build_tools.site.tei import TEI_SCHEMA

from conftest import HOSTILE_SEED, NODE_MODULES, copy_project, export, skip_without, text_without

pytestmark = pytest.mark.site

etree = pytest.importorskip("lxml.etree", reason="pip install -e '.[test]' (make test does)")

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NAMES = ("persName", "orgName", "placeName", "name")


def read(site: Path, article: dict[str, Any]) -> Any:
    return etree.parse(str(site / "tei" / f"{article['slug']}.xml"))


def register(site: Path) -> Any:
    return etree.parse(str(site / "tei" / "registre.xml"))


def text_without_notes(element: Any) -> str:
    """The element's text as a reader reads it: the notes' text left out, their tails kept."""
    return text_without(element, f"{TEI}note")


def by_id(document: Any) -> dict[str, Any]:
    return {element.get(XML_ID): element for element in document.iter() if element.get(XML_ID)}


def test_every_article_has_a_tei_file_valid_against_the_schema(built_site: Path) -> None:
    schema = etree.RelaxNG(etree.parse(str(TEI_SCHEMA)))
    articles = export(built_site)["articles"]
    assert sorted(p.stem for p in (built_site / "tei").glob("*.xml")) == sorted(
        [a["slug"] for a in articles] + ["registre"])
    for article in articles:
        document = read(built_site, article)
        assert schema.validate(document), (article["slug"], str(schema.error_log.last_error))
    assert schema.validate(register(built_site)), str(schema.error_log.last_error)


def test_the_header_says_where_the_text_comes_from(built_site: Path) -> None:
    for article in export(built_site)["articles"]:
        document = read(built_site, article)
        source = document.find(f".//{TEI}sourceDesc/{TEI}bibl")
        assert source.find(f"{TEI}title[@level='a']").text == article["title"]
        assert source.find(f"{TEI}idno[@type='seed']").text == article["seed"]
        if article["date"]:
            assert source.find(f"{TEI}date").get("when") == article["date"]
        if article["author"]:
            assert source.find(f"{TEI}author").text == article["author"]
        # The edition's name is the site's (mkdocs.yml's site_name, as the pages' head says it).
        page = BeautifulSoup((built_site / article["url"] / "index.html").read_text("utf-8"), "html.parser")
        site_name = page.select_one("meta[property='og:site_name']")["content"]
        assert document.find(f".//{TEI}publicationStmt/{TEI}publisher").text == site_name


def test_the_tei_text_is_the_article_word_for_word(built_site: Path) -> None:
    for article in export(built_site)["articles"]:
        elements = by_id(read(built_site, article))
        for block in article["blocks"]:
            assert text_without_notes(elements[block["id"]]) == block["text"], (article["slug"], block["id"])


def test_every_name_term_and_note_is_marked_and_points_to_its_description(built_site: Path) -> None:
    record = export(built_site)
    entries = by_id(register(built_site))
    for article in record["articles"]:
        document = read(built_site, article)
        elements = by_id(document)
        marked: Counter[tuple[str, str, str]] = Counter()
        terms: Counter[tuple[str, str, str]] = Counter()
        for block in article["blocks"]:
            for element in elements[block["id"]].iter():
                ref = element.get("ref") or ""
                if element.tag in {TEI + n for n in NAMES}:
                    marked[(block["id"], ref.removeprefix("registre.xml#entite-"), element.text)] += 1
                elif element.tag == f"{TEI}term":
                    terms[(block["id"], ref.removeprefix("registre.xml#terme-"), element.text)] += 1
                if ref:  # it points to an entry of the register, beside the file
                    assert ref.removeprefix("registre.xml#") in entries, (article["slug"], ref)
        assert marked == Counter((m["block"], m["entity"], m["text"]) for m in article["mentions"])
        assert terms == Counter((t["block"], t["term"], t["text"]) for t in article["terms"])
        for number, note in enumerate(article["notes"], start=1):
            element = elements[f"note-{note['id']}"]
            assert element.get("n") == str(number)
            assert note["text"] in "".join(element.itertext())
            if note["block"]:
                assert element.getparent().get(XML_ID) == note["block"] or any(
                    a.get(XML_ID) == note["block"] for a in element.iterancestors())


def test_the_register_describes_every_entity_and_term_once(built_site: Path) -> None:
    record = export(built_site)
    document = register(built_site)
    entries = by_id(document)
    ids = [element.get(XML_ID) for element in document.iter() if element.get(XML_ID)]
    assert len(ids) == len(set(ids))
    for entity in record["entities"]:
        entry = entries[f"entite-{entity['id']}"]
        assert [e.text for e in entry.iter() if e.tag.removeprefix(TEI) in {*NAMES, "label", "objectName"}
                and e.getparent().tag != f"{TEI}note"][:1] == [entity["name"]]
        idno = entry.find(f".//{TEI}idno[@type='wikidata']")
        assert (idno.text if idno is not None else None) == entity["wikidata"]
        assert entry.find(f"{TEI}note").text == entity["description"]
    for term in record["glossary"]:
        label = entries[f"terme-{term['id']}"]
        assert label.text == term["term"]
        assert label.getnext().text == term["definition"]


def test_left_out_lines_are_listed_and_reader_comments_only_counted(built_site: Path) -> None:
    seen_comments = 0
    for article in export(built_site)["articles"]:
        document = read(built_site, article)
        whole = etree.tostring(document, encoding="unicode")
        items = {item.get("n"): item for item in document.iterfind(f".//{TEI}list[@type='removed']/{TEI}item")}
        comments = [line for line in article["removed"] if line["reason"] == "comment-section"]
        for line in article["removed"]:
            if line in comments:
                assert str(line["line"]) not in items
                if len(line["text"]) >= 12:
                    assert line["text"] not in whole
            else:
                item = items[str(line["line"])]
                assert item.find(f"{TEI}label").text == line["reason"]
                assert "".join(item.itertext()).endswith(line["text"])
        if comments:
            seen_comments += 1
            assert f"{len(comments)} lignes de commentaires de lecteurs non reproduites." in whole
    assert seen_comments  # the seeds have a comment section: the rule was exercised


def test_hostile_text_stays_text_in_the_tei(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "seeds" / "900_hostile.txt").write_text(HOSTILE_SEED, "utf-8")
    edition, _ = build(Paths.at(project))
    article = next(a for a in edition.articles if a.seed.path.name == "900_hostile.txt")
    document = etree.parse(str(project / "docs" / "tei" / f"{article.slug}.xml"))
    assert {element.tag.removeprefix(TEI) for element in document.iter()} >= {"TEI", "p"}
    assert not [e for e in document.iter() if e.tag.removeprefix(TEI) in {"script", "img", "svg", "iframe", "b"}]
    elements = by_id(document)
    for block in article.blocks:
        assert text_without_notes(elements[block.id]) == block.text
    assert any("<script>alert('script')</script>" in text_without_notes(elements[b.id]) for b in article.blocks)


@pytest.mark.tools
def test_ceteicean_shows_a_tei_file_in_the_browser(built_site: Path, site_url: str, open_reader: Any) -> None:
    ceteicean = NODE_MODULES / "CETEIcean" / "dist" / "CETEI.js"
    skip_without(ceteicean, "run `npm ci --ignore-scripts` (make test does)")
    article = next(a for a in export(built_site)["articles"] if a["notes"] and a["terms"])
    reader = open_reader(site_url)
    page = reader.open(article["url"])
    # The article page offers its TEI file.
    href = page.locator("p.formats a[href*='tei/']").get_attribute("href")
    assert href.endswith(f"tei/{article['slug']}.xml")
    page.add_script_tag(path=str(ceteicean))
    shown = page.evaluate("""async href => {
        const dom = await new CETEI().getHTML5(new URL(href, location.href).href);
        document.querySelector("article").replaceChildren(dom);
        await new Promise(resolve => setTimeout(resolve, 100));
        const all = selector => [...document.querySelectorAll("article " + selector)];
        return {
            paragraphs: all("tei-body tei-p[id]").map(p => p.id),
            names: all("tei-body :is(tei-persname, tei-orgname, tei-placename, tei-name)").length,
            terms: all("tei-body tei-term").length,
            notes: all("tei-body tei-note").length,
            first: document.getElementById("p1").textContent,
        };
    }""", href)
    page.screenshot(path=str(Path(__file__).parent / "screenshots" / "tei-ceteicean.png"))
    blocks = [b for b in article["blocks"] if b["kind"] != "heading"]
    assert shown["paragraphs"] == [b["id"] for b in blocks]
    assert shown["names"] == len(article["mentions"])
    assert shown["terms"] == len(article["terms"])
    assert shown["notes"] == len([n for n in article["notes"] if n["block"]])
    assert shown["first"].startswith(article["blocks"][0]["text"][:40])
    assert reader.errors == []
