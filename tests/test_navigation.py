"""The site navigation built by the hooks: generated sections, long ones cut into groups."""

from __future__ import annotations

from build_tools.publish.navigation import expand, grouped

NAV = [{"Accueil": "index.md"}, {"Articles": "articles/index.md"}, {"À propos": "a-propos.md"}]


def test_an_index_entry_becomes_a_section() -> None:
    pages = [("Un", "articles/un.md"), ("Deux", "articles/deux.md")]
    assert expand(NAV, {"articles/index.md": pages}) == [
        {"Accueil": "index.md"},
        {"Articles": ["articles/index.md", {"Un": "articles/un.md"}, {"Deux": "articles/deux.md"}]},
        {"À propos": "a-propos.md"}]
    assert expand(None, {"articles/index.md": pages}) is None


def test_a_long_section_is_cut_into_numbered_groups() -> None:
    pages = [(f"Article {n}", f"articles/{n}.md") for n in range(1, 121)]
    groups = grouped(pages, 50)
    assert [next(iter(g)) for g in groups] == ["1–50", "51–100", "101–120"]
    assert [e for g in groups for e in next(iter(g.values()))] == [{t: p} for t, p in pages]
    assert grouped(pages[:50], 50) == [{t: p} for t, p in pages[:50]]
