"""What a reader does, in a real browser: Debian's Chromium driven by Playwright, on the
built site served on 127.0.0.1 (see conftest.py: skipped outside CI without Chromium, a
failure in CI)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import (
    HOSTILE_SEED,
    Reader,
    axe_violations,
    build_site,
    copy_project,
    every_engine,
    export,
    result_paths,
    search,
)

pytestmark = [pytest.mark.site, pytest.mark.tools, every_engine]

OpenReader = Callable[..., Reader]

# The pages a reader meets first, one of each kind: checked for accessibility and
# photographed at a desktop's and a phone's width. One line per page.
KEY_PAGES = {
    "accueil": "",
    "article": "articles/trois-defis-trump-2-0/",
    "entite": "entites/donald-trump/",
    "glossaire": "glossaire/",
    "chronologie": "chronologie/",
    "reseau": "reseau/",
    "accessibilite": "accessibilite/",
}
# Every kind of page, for console errors and requests that leave the machine.
PAGE_KINDS = {
    **KEY_PAGES,
    "articles": "articles/",
    "entites": "entites/",
    "type-d-entite": "entites/types/personnes/",
    "sources": "sources/",
    "a-propos": "a-propos/",
    "page-absente": "pas-de-page-ici/",
}
SCREENSHOTS = Path(__file__).parent / "screenshots"
WIDTHS = {"bureau": 1280, "telephone": 390}


# --- Reading an article -----------------------------------------------------------------

def test_a_mention_link_lands_on_its_paragraph_visible_and_marked(site_url: str, open_reader: OpenReader) -> None:
    reader = open_reader(site_url)
    page = reader.open(KEY_PAGES["entite"])
    links = page.locator("article a[href*='#p']")
    link = links.nth(links.count() - 1)  # the last: far down its article, so the page must scroll
    block = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(re.compile(f"#{block}$"))
    target = page.locator(f"[id='{block}']")
    target.wait_for()
    page.wait_for_function("id => document.querySelector(':target')?.id === id", arg=block)
    box = target.bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert box is not None and header is not None
    assert box["y"] >= header["y"] + header["height"] - 1  # not under the sticky header
    assert box["y"] < page.viewport_size["height"]
    outline = target.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"


# --- Nothing hidden goes wrong ----------------------------------------------------------

@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_console_error_and_no_request_leaves_the_machine(site_url: str, open_reader: OpenReader,
                                                            kind: str) -> None:
    reader = open_reader(site_url)
    page = reader.open(PAGE_KINDS[kind])
    page.keyboard.press("/")  # search loads Pagefind's script, its index and the fragments found
    page.keyboard.type("chine")
    page.locator("[data-recherche-liste][data-query='chine'] li").first.wait_for()
    # Chromium logs the missing page's own 404 status, and nothing else may be logged.
    missing = ["error: Failed to load resource: the server responded with a status of 404 (Not Found)"]
    assert reader.errors == (missing if kind == "page-absente" else [])
    assert reader.requests
    assert {urlsplit(url).netloc for url in reader.requests} == {urlsplit(site_url).netloc}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Any:
    from conftest import LocalServer  # noqa: PLC0415 - one server per hostile site

    project = copy_project(tmp_path_factory.mktemp(f"hostile-{engine}"))
    (project / "seeds" / "900_hostile.txt").write_text(HOSTILE_SEED, "utf-8")
    server = LocalServer()
    site = build_site(project, server.url, engine)
    yield site, server.serve(site)
    server.close()


def test_hostile_text_in_a_seed_shows_as_text_and_runs_nothing(hostile_site: Any, open_reader: OpenReader) -> None:
    site, url = hostile_site
    article = next(a for a in export(site)["articles"] if a["seed"].endswith("900_hostile.txt"))
    reader = open_reader(url)
    for path in (article["url"], article["url"] + "texte-source/", ""):
        page = reader.open(path)
        page.locator("body").hover()
        assert page.locator("article script, article img, article svg, article iframe, [onclick], "
                            "[onmouseover], [onerror], [onload]").count() == 0
        assert page.locator("a[href^='javascript:' i], iframe").count() == 0
        # No script holds the text, but the data blocks the browser never runs (JSON-LD, Material's
        # configuration), where it is a JSON string; and no dialog opened (below).
        assert page.evaluate("""[...document.scripts]
            .filter(s => !['application/ld+json', 'application/json'].includes(s.type))
            .every(s => !s.textContent.includes('alert'))""")
        assert page.evaluate("""[...document.querySelectorAll('script[type="application/ld+json"]')]
            .every(s => JSON.parse(s.textContent) && !s.textContent.includes('</'))""")
    page = reader.open(article["url"])
    title = "Un titre <script>alert('titre')</script> piégé"
    assert page.title().startswith(f"{title} - ")
    assert page.locator(".md-header__topic").last.inner_text().strip() == title
    content = page.locator("article").inner_text()
    for text in ("<script>alert('script')</script>", "<img src=x onerror=\"alert('image')\">",
                 "[cliquez](javascript:alert('lien'))", "{{ config.site_name }}", "{% raw %}",
                 "<b onclick=\"alert('gras')\">ceci</b>", '--8<-- "README.md"'):
        assert text in content
    assert page.get_by_text("<script>alert('script')</script>", exact=False).first.is_visible()
    source = reader.open(article["url"] + "texte-source/").locator("ol.texte-source").inner_text()
    assert "<script>alert('script')</script>" in source and "<b onclick=\"alert('gras')\">ceci</b>" in source
    found = search(reader, "script alert")  # the results show the title as text
    assert article["url"] in result_paths(reader, found)
    assert found.locator("[data-recherche-liste] h1").first.inner_text() == title
    assert reader.dialogs == []
    assert reader.errors == []


# --- Accessibility and layout -----------------------------------------------------------

@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("name", KEY_PAGES)
def test_axe_finds_no_serious_accessibility_violation(site_url: str, open_reader: OpenReader,
                                                      name: str, color_scheme: str) -> None:
    page = open_reader(site_url, color_scheme=color_scheme).open(KEY_PAGES[name])
    assert axe_violations(page) == []


@pytest.mark.parametrize("device", WIDTHS)
@pytest.mark.parametrize("name", KEY_PAGES)
def test_key_pages_fit_the_screen_and_are_photographed(site_url: str, open_reader: OpenReader,
                                                       name: str, device: str) -> None:
    page = open_reader(site_url, width=WIDTHS[device]).open(KEY_PAGES[name])
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{device}.png"), full_page=True)
    # Wider than the screen, and not inside a box that scrolls sideways (tables, the network drawing).
    wider = page.evaluate("""() => {
        const fits = e => e.getBoundingClientRect().right <= document.documentElement.clientWidth + 1;
        const scrolls = e => ["auto", "scroll"].includes(getComputedStyle(e).overflowX) && fits(e);
        const inScroller = e => { for (let a = e.parentElement; a; a = a.parentElement) if (scrolls(a)) return true;
                                  return false; };
        return [...document.querySelectorAll(".md-content *")].filter(e => !fits(e) && !inScroller(e))
            .map(e => e.tagName + "." + e.getAttribute("class") + " " + (e.textContent || "").slice(0, 60));
    }""")
    assert wider == []
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
