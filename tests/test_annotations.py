"""The annotations of a text (entity mentions, glossary terms, note calls) read on every
device: the popover of assets/javascripts/annotations.js opened by a mouse, a finger and the
keyboard, as a reader's browser opens it (Debian's Chromium, on the built site)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import Reader, axe_violations, every_engine, export

pytestmark = [pytest.mark.site, pytest.mark.tools, every_engine]

OpenReader = Callable[..., Reader]

ARTICLE = "articles/trois-defis-trump-2-0/"
PHONE = {"width": 390, "height": 800}
SCREENSHOTS = Path(__file__).parent / "screenshots"
# One of each kind of annotation, by its selector in an article's text.
KINDS = {"mention": "article p a.mention", "terme": "article p a.terme", "note": "article p a.footnote-ref"}


def expected_text(site: Path, page: Any, kind: str, link: Any) -> str:
    """What the popover of ``link`` must say, read from the edition's export."""
    record = export(site)
    href = link.get_attribute("href")
    if kind == "mention":
        return next(e["description"] for e in record["entities"] if href.endswith("/" + e["url"].rstrip("/") + "/"))
    if kind == "terme":
        return next(t["definition"] for t in record["glossary"] if href.endswith("#" + t["url"].split("#")[1]))
    article = next(a for a in record["articles"] if a["url"] == ARTICLE)
    text: str = next(n["text"] for n in article["notes"] if n["id"] == href.removeprefix("#fn:"))
    return text


def popover(page: Any) -> Any:
    return page.locator("#annotation")


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def assert_beside_the_word(page: Any, link: Any) -> None:
    """The popover is on the screen and leaves the word it describes visible."""
    box = popover(page).bounding_box()
    word = link.bounding_box()
    assert box is not None and word is not None
    assert not overlaps(box, word)
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


@pytest.mark.parametrize("kind", KINDS)
def test_hovering_an_annotation_shows_its_description(built_site: Path, site_url: str, open_reader: OpenReader,
                                                      kind: str) -> None:
    page = open_reader(site_url).open(ARTICLE)
    link = page.locator(KINDS[kind]).first
    link.hover()
    popover(page).wait_for()
    assert expected_text(built_site, page, kind, link) in popover(page).inner_text()
    assert_beside_the_word(page, link)
    page.mouse.move(0, 0)
    popover(page).wait_for(state="hidden")


@pytest.mark.parametrize("kind", KINDS)
def test_a_tap_opens_the_annotation_and_a_second_tap_follows_it(built_site: Path, site_url: str,
                                                                open_reader: OpenReader, kind: str) -> None:
    page = open_reader(site_url, **PHONE, touch=True).open(ARTICLE)
    link = page.locator(KINDS[kind]).first
    link.scroll_into_view_if_needed()
    href = link.get_attribute("href")
    link.tap()
    popover(page).wait_for()
    assert page.url.endswith(ARTICLE)  # the tap did not navigate
    assert expected_text(built_site, page, kind, link) in popover(page).inner_text()
    assert link.get_attribute("aria-expanded") == "true"
    assert popover(page).locator(".annotation__suite a").get_attribute("href") == href
    assert_beside_the_word(page, link)
    # A tap elsewhere in the text closes it.
    page.locator("article h1").tap()
    popover(page).wait_for(state="hidden")
    assert link.get_attribute("aria-expanded") == "false"
    # Open again, then a second tap follows the link.
    link.tap()
    popover(page).wait_for()
    link.tap()
    page.wait_for_function("h => location.href.endsWith(h.replace(/^(\\.\\.\\/)+/, ''))", arg=href)


def test_the_popover_s_link_and_close_button_work_on_a_phone(site_url: str, open_reader: OpenReader) -> None:
    page = open_reader(site_url, **PHONE, touch=True).open(ARTICLE)
    link = page.locator(KINDS["mention"]).first
    link.tap()
    popover(page).get_by_role("button", name="Fermer").tap()
    popover(page).wait_for(state="hidden")
    link.tap()
    target = link.get_attribute("href").split("/")[-2]
    popover(page).locator(".annotation__suite a").tap()
    page.wait_for_url(f"**/entites/{target}/")


def test_the_keyboard_opens_on_focus_closes_on_escape_and_follows_on_enter(site_url: str,
                                                                         open_reader: OpenReader) -> None:
    page = open_reader(site_url).open(ARTICLE)
    # Tab through the page as a keyboard user does, to the first mention of the text.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('article p a.mention')"):
            break
    else:
        pytest.fail("Tab never reached a mention of the text")
    link = page.locator("article p a.mention:focus")
    popover(page).wait_for()
    assert link.get_attribute("aria-expanded") == "true"
    description = popover(page).locator(".annotation__texte").inner_text()
    # A screen reader hears the link's name, its role and state, and the popover as its description.
    snapshot = page.locator("article").aria_snapshot()
    assert f'link "{link.inner_text()}" [expanded]' in snapshot
    assert link.evaluate("e => document.getElementById(e.getAttribute('aria-describedby')).textContent") == description
    page.keyboard.press("Escape")
    popover(page).wait_for(state="hidden")
    assert link.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.matches('article p a.mention')")
    target = link.get_attribute("href").split("/")[-2]
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/entites/{target}/")


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_an_open_popover_passes_axe_and_is_photographed(site_url: str, open_reader: OpenReader,
                                                        color_scheme: str) -> None:
    page = open_reader(site_url, **PHONE, touch=True, color_scheme=color_scheme).open(ARTICLE)
    page.locator(KINDS["note"]).first.tap()
    popover(page).wait_for()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"annotation-telephone-{color_scheme}.png"))
    assert axe_violations(page) == []
