"""The navigation the generator writes (docs/SUMMARY.md) for every engine: generated sections,
long ones cut into groups, titles shown as written."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from build_tools.site.navigation import NavGroup, NavLink, by_month, grouped
from build_tools.site.render import Renderer

from conftest import ROOT


def nav_tree(items: list[NavLink] | list[NavGroup]) -> list[tuple[str, str | None, list]]:
    """The navigation file rendered as the engines read it (Markdown, as mkdocs-literate-nav
    does): (title, page, children) for each entry."""
    text = Renderer(ROOT / "templates").render("nav.md.j2", articles=items, types=[])

    def entries(ul: object) -> list[tuple[str, str | None, list]]:
        found = []
        for li in ul.find_all("li", recursive=False):  # type: ignore[attr-defined]
            link = li.find("a", recursive=False)
            title = link.get_text() if link else li.find(string=True, recursive=False).strip()
            children = li.find("ul", recursive=False)
            found.append((title, link["href"] if link else None, entries(children) if children else []))
        return found

    return entries(BeautifulSoup(markdown.markdown(text), "html.parser").ul)


def test_the_articles_are_a_section_under_their_index_between_the_hand_written_pages() -> None:
    tree = nav_tree(grouped([NavLink("Un", "articles/un.md"), NavLink("Deux", "articles/deux.md")]))
    assert [(title, page) for title, page, _ in tree][:3] == [
        ("Accueil", "index.md"), ("Articles", "articles/index.md"), ("Entités", "entites/index.md")]
    assert tree[1][2] == [("Un", "articles/un.md", []), ("Deux", "articles/deux.md", [])]
    assert (tree[-1][0], tree[-1][1]) == ("Accessibilité", "accessibilite.md")


def test_a_long_section_is_cut_into_numbered_groups() -> None:
    links = [NavLink(f"Article {n}", f"articles/{n}.md") for n in range(1, 121)]
    groups = grouped(links, 50)
    assert [g.title for g in groups] == ["1–50", "51–100", "101–120"]  # type: ignore[union-attr]
    assert [link for g in groups for link in g.links] == links  # type: ignore[union-attr]
    assert grouped(links[:50], 50) == links[:50]
    tree = nav_tree(groups)
    assert [(title, page, len(children)) for title, page, children in tree[1][2]] == [
        ("1–50", None, 50), ("51–100", None, 50), ("101–120", None, 20)]
    assert tree[1][2][2][2][-1] == ("Article 120", "articles/120.md", [])


def test_a_title_shows_as_written_whatever_it_holds() -> None:
    title = "Un titre <script>alert('x')</script> *piégé* [lien](javascript:x) & `code` \\ fin"
    tree = nav_tree([NavLink(title, "articles/piege.md")])
    assert tree[1][2] == [(title, "articles/piege.md", [])]



def test_a_large_edition_sorts_its_articles_by_year_and_month() -> None:
    """Each year a section of its months, each month a section led by its page of articles
    and holding its articles (cut into groups past the group's size); the undated last."""
    def month(key: str | None, count: int) -> tuple[str | None, NavLink, list[NavLink]]:
        name = key or "sans-date"
        return (key, NavLink(f"Mois {name}", f"articles/mois/{name}/index.md"),
                [NavLink(f"{name} {n}", f"articles/{name}-{n}.md") for n in range(1, count + 1)])

    tree = nav_tree(by_month([month("2024-12", 1), month("2025-01", 2), month("2025-03", 60), month(None, 1)]))
    articles = tree[1][2]
    assert [(title, page) for title, page, _ in articles] == [
        ("2024", None), ("2025", None), ("Mois sans-date", "articles/mois/sans-date/index.md")]
    assert articles[0][2] == [("Mois 2024-12", "articles/mois/2024-12/index.md",
                               [("2024-12 1", "articles/2024-12-1.md", [])])]
    march = articles[1][2][1]
    assert (march[0], march[1]) == ("Mois 2025-03", "articles/mois/2025-03/index.md")
    assert [(title, len(children)) for title, _, children in march[2]] == [("1–50", 50), ("51–60", 10)]
    assert articles[2][2] == [("sans-date 1", "articles/sans-date-1.md", [])]
