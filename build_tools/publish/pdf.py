"""The print edition: the whole book as one HTML document (``templates/books/print/``), laid
out in A4 pages by WeasyPrint into a tagged PDF (PDF/UA-1: structure, language, bookmarks).

WeasyPrint rather than Chromium's print (Playwright's ``page.pdf``, tagged, with an outline),
both measured on this edition's print document on a 2-core machine: WeasyPrint 70.0 took 7.0 s
and 178 MB at its peak for a 570 KB PDF of 61 pages; Chromium 156 took 1.9 s and 246 MB in its
largest process (it runs several) for a 1.7 MB PDF of 60 pages. Both tag the PDF and give it
bookmarks, but Chromium ignores ``target-counter()``: neither its contents nor the index could
give a page number. WeasyPrint needs a wheel and Pango, which GitHub's runners have and Debian
installs with ``libpango-1.0-0 libpangoft2-1.0-0``; Chromium needs a browser on the machine."""

from __future__ import annotations

from pathlib import Path

from ..site import Renderer
from .books import Book, BookError, Links

PDF_VARIANT = "pdf/ua-1"  # tagged, for screen readers; WeasyPrint checks what it can of the rest
PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"


def write_pdf(book: Book, renderer: Renderer, path: Path) -> Path:
    try:
        import weasyprint  # noqa: PLC0415 - loads Pango: only where a PDF is made
    except ImportError:
        raise BookError("WeasyPrint is missing: pip install -e . (make build installs it)") from None
    except OSError as exc:  # cffi could not open Pango or one of its libraries
        raise BookError(f"WeasyPrint cannot load Pango ({exc}): on Debian or Ubuntu, "
                        f"apt-get install {PANGO_PACKAGES}") from None
    html = renderer.render_html("books/print/edition.html.j2", book=book, links=Links(epub=False))
    tmp = path.with_name(path.name + ".tmp")
    weasyprint.HTML(string=html, base_url=str(renderer.templates_dir)).write_pdf(tmp, pdf_variant=PDF_VARIANT)
    tmp.replace(path)
    return path
