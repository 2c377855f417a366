"""A stored HTML page as a browser copies it, to label for the corpus (README.md, "A whole page").

    .venv/bin/python tests/corpus/whole_page.py PAGE.html > page.txt

The body's text as Chromium gives it (``innerText``), with no script run and nothing fetched:
without the site's styles, what they hide (menus, dialogs, forms) shows, as a careless scraper
saves it. Each line is stripped of the indentation around it (a non-breaking space stays) and
runs of blank lines are made one. First the page's own address and date, as its head gives
them, for the file's header; then one numbered line of the page per line, to label."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bs4 import BeautifulSoup, UnicodeDammit
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
HEAD = {"canonical": ("link", "rel", "canonical", "href"), "og:url": ("meta", "property", "og:url", "content"),
        "published": ("meta", "property", "article:published_time", "content")}


def head_of(html: str) -> dict[str, str | None]:
    """The page's address and publication time, as its head gives them."""
    soup = BeautifulSoup(html, "html.parser")
    found: dict[str, str | None] = {}
    for key, (tag, attribute, value, wanted) in HEAD.items():
        element = soup.find(tag, attrs={attribute: value})
        found[key] = str(element.get(wanted)) if element is not None and element.get(wanted) else None
    return found


def lines_of(text: str) -> list[str]:
    """The copied text's lines: each stripped of spaces, tabs and returns around it, one blank
    line where there were several."""
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip(" \t\r")
        if line.strip():
            lines.append(line)
        elif lines and lines[-1]:
            lines.append("")
    return lines


# A page that says it is in ISO-8859-1 (or plain ASCII) is read as windows-1252, as browsers
# read it (the WHATWG's Encoding standard): its bytes 0x80-0x9F are "€", "’", "“"…, not controls.
AS_BROWSERS_READ = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252", "ascii": "windows-1252"}


def decoded(raw: bytes) -> str:
    """The page's text in its own charset, as a browser decodes it."""
    guess = UnicodeDammit(raw, is_html=True)
    charset = (guess.original_encoding or "utf-8").lower()
    if charset in AS_BROWSERS_READ:
        return raw.decode(AS_BROWSERS_READ[charset], errors="replace")
    return guess.unicode_markup or ""


def main(path: Path) -> None:
    html = decoded(path.read_bytes())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        context = browser.new_context(java_script_enabled=False)
        context.route("**/*", lambda route: route.abort())  # nothing leaves the machine
        page = context.new_page()
        page.set_content(html, wait_until="domcontentloaded")
        text = page.evaluate("() => document.body ? document.body.innerText : ''")
        browser.close()
    print(f"# head: {json.dumps(head_of(html), ensure_ascii=False)}")
    for number, line in enumerate(lines_of(text), start=1):
        print(f"{number}\t{line}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
