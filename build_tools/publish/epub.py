"""The EPUB 3 of the edition: an XHTML document per article and per section (title page,
glossary, index of the entities, sources), the navigation document and the package, zipped as
the EPUB Open Container Format asks (``mimetype`` first and stored, then the rest).

Written by hand rather than with EbookLib (0.20), both tried on this edition with the same
documents: both packages pass EPUBCheck 5.3.0 with no error and no warning, but EbookLib parses
every document again with lxml and writes back its own serialisation (our ``<meta charset>``
dropped, the head re-indented), makes its navigation document from the files' titles without
landmarks, adds an EPUB 2 ``toc.ncx``, and stamps the package and the zip with the time of
writing, so that two builds never give the same file; by hand it is the zip and two templates
(``package.opf.j2``, ``nav.xhtml.j2``), and with ``SOURCE_DATE_EPOCH`` set two builds are
byte-identical. The documents come from the templates of ``templates/books/``."""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

from ..site import Renderer
from .books import Book, Links

MIMETYPE = "application/epub+zip"
FOLDER = "EPUB"  # where the package and its documents are, inside the zip
STYLESHEET = "books/epub/edition.css"
SECTIONS = ("glossaire", "entites", "sources")  # after the articles, in this order


def documents(book: Book, renderer: Renderer) -> dict[str, str]:
    """Every file of the package by its path under ``FOLDER``, in reading order."""
    links = Links(epub=True)
    files = {"titre.xhtml": renderer.render_html("books/epub/section.xhtml.j2", book=book, links=links,
                                                 section="titre")}
    for item in book.articles:
        files[f"{item.article.slug}.xhtml"] = renderer.render_html("books/epub/article.xhtml.j2", book=book,
                                                                   links=links, item=item)
    for section in SECTIONS:
        files[f"{section}.xhtml"] = renderer.render_html("books/epub/section.xhtml.j2", book=book, links=links,
                                                         section=section)
    return files


def write_epub(book: Book, renderer: Renderer, path: Path) -> Path:
    links = Links(epub=True)
    files = documents(book, renderer)
    manifest = [(f"doc-{name.removesuffix('.xhtml')}", name) for name in files]
    identifier = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, book.title)}"  # the same book keeps its identifier
    files["nav.xhtml"] = renderer.render_html("books/epub/nav.xhtml.j2", book=book, links=links)
    files["edition.css"] = (renderer.templates_dir / STYLESHEET).read_text("utf-8")
    files["package.opf"] = renderer.render_html("books/epub/package.opf.j2", book=book, identifier=identifier,
                                                documents=manifest)
    moment = book.modified.timetuple()[:6]
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w") as epub:
        epub.writestr(zipfile.ZipInfo("mimetype", moment), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        container = renderer.render_html("books/epub/container.xml.j2", package="package.opf")
        epub.writestr(zipfile.ZipInfo("META-INF/container.xml", moment), container,
                      compress_type=zipfile.ZIP_DEFLATED)
        for name, content in files.items():
            epub.writestr(zipfile.ZipInfo(f"{FOLDER}/{name}", moment), content, compress_type=zipfile.ZIP_DEFLATED)
    tmp.replace(path)
    return path
