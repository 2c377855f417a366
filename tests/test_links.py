"""No broken internal link or anchor anywhere in the built site: every href and src of every
page, the theme's included, resolved as a browser does (no browser needed)."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from build_tools.publish.engines import engine_environment

from conftest import ROOT, LocalServer, every_engine

pytestmark = [pytest.mark.site, every_engine]

LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


@cache
def _ids(path: Path) -> frozenset[str]:
    return frozenset(str(element["id"]) for element in _soup(path).find_all(id=True))


def _page_url(site: Path, base: str, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return base + (rel.removesuffix("index.html") if page.name == "index.html" else rel)


def _target(site: Path, path: str) -> Path:
    target = site / unquote(path)
    return target / "index.html" if path in ("", ".") or path.endswith("/") or target.is_dir() else target


def broken_link(site: Path, base: str, page_url: str, href: str) -> str | None:
    """Why a link of the page at `page_url` is broken, or None; links off the site are not checked."""
    url = urljoin(page_url, href)
    if not url.startswith(base):
        return None
    parts = urlsplit(url[len(base):])
    target = _target(site, parts.path)
    if not target.is_file():
        return f"no file {target.relative_to(site)}"
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids(target):
        return f"no id {unquote(parts.fragment)!r} in {target.relative_to(site)}"
    return None


def test_every_internal_link_and_anchor_resolves(built_site: Path, site_server: LocalServer) -> None:
    base = site_server.url  # the site's site_url: its canonical links and 404 page use it
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 150
    broken, checked = [], 0
    for page in pages:
        page_url = _page_url(built_site, base, page)
        for tag, attribute in LINKING.items():
            for element in _soup(page).find_all(tag, attrs={attribute: True}):
                checked += 1
                why = broken_link(built_site, base, page_url, str(element[attribute]))
                if why:
                    broken.append(f"{page.relative_to(built_site)}: {element[attribute]} ({why})")
    assert broken == []
    assert checked > 20 * len(pages)


def test_the_checker_reports_a_missing_page_and_a_missing_anchor(built_site: Path, site_server: LocalServer) -> None:
    base = site_server.url
    assert broken_link(built_site, base, base, "articles/trois-defis-trump-2-0/#p1") is None
    assert broken_link(built_site, base, base + "entites/donald-trump/", "../../glossaire/#llm") is None
    assert "no id 'p9999'" in broken_link(built_site, base, base, "articles/trois-defis-trump-2-0/#p9999")
    assert "no file" in broken_link(built_site, base, base, "entites/personne-absente/")
    assert broken_link(built_site, base, base, "https://fr.wikipedia.org/wiki/OTAN") is None


def test_the_search_each_page_starts_is_there(built_site: Path, site_server: LocalServer) -> None:
    """The search script and Pagefind's, which it imports from the site's root (Material's
    ``base``), from a page at every depth and from the 404 page."""
    for page in (built_site / "index.html", built_site / "entites/donald-trump/index.html", built_site / "404.html"):
        soup = _soup(page)
        url = _page_url(built_site, site_server.url, page)
        script = next(s["src"] for s in soup.find_all("script", src=True) if "recherche.js" in s["src"])
        assert broken_link(built_site, site_server.url, url, script) is None
        base = json.loads(soup.find("script", id="__config").get_text())["base"]
        bundle = urljoin(urljoin(url, base + "/"), "pagefind/pagefind.js")
        assert broken_link(built_site, site_server.url, url, bundle) is None, bundle


def test_links_in_raw_html_are_written_to_sources_and_every_engine_resolves_them(tmp_path: Path,
                                                                                  engine: str) -> None:
    """The pages' raw HTML links to pages' sources, with anchors that may be ids of raw HTML
    too (an entity's articles on its pages of mentions): the engine's strict build accepts
    them, and each page gets the link a browser follows to the right page and id."""
    docs = tmp_path / "docs"
    (docs / "entites" / "x").mkdir(parents=True)
    (docs / "index.md").write_text("# Accueil\n", "utf-8")
    (docs / "entites" / "x.md").write_text(
        '# X\n\n<!-- html -->\n<p><a id="lien" href="../entites/x/mentions-2.md#article-a">suite</a></p>\n'
        "<!-- /html -->\n", "utf-8")
    (docs / "entites" / "x" / "mentions-2.md").write_text(
        '# X, suite\n\n<!-- html -->\n<h2 id="article-a">A</h2>\n<!-- /html -->\n', "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nstrict: true\ntheme:\n  name: material\nmarkdown_extensions:\n"
        "  - build_tools.publish.rawhtml\nvalidation:\n  anchors: warn\n", "utf-8")  # as mkdocs.yml
    (tmp_path / "build_tools").symlink_to(ROOT / "build_tools", target_is_directory=True)
    result = subprocess.run([sys.executable, "-m", engine, "build", "--strict"], cwd=tmp_path,
                            env=engine_environment(tmp_path / "site"), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    link = _soup(tmp_path / "site" / "entites" / "x" / "index.html").find(id="lien")
    assert urljoin("http://h/entites/x/", link["href"]) == "http://h/entites/x/mentions-2/#article-a"
    assert broken_link(tmp_path / "site", "http://h/", "http://h/entites/x/", link["href"]) is None
