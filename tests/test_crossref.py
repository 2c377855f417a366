"""Related articles: the fast ranking against the definition, worked out pair by pair."""

from __future__ import annotations

import math
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.crossref.contexts import MentionPage, page_contexts
from build_tools.crossref.related import related_articles
from build_tools.model import Mention
from build_tools.registers.entities import Entities, Entity, EntityType

# Few entities, so that articles share many, some name them all, and scores tie.
REGISTER = Entities(tuple(Entity(id=f"e{k}", type=EntityType.PERSONNE, name=f"Nom {k % 4}", aliases=(),
                                 description="d") for k in range(8)))


def article(slug: str, entities: list[int]) -> Any:
    """What ranking looks at in an article: its slug and its mentions."""
    return SimpleNamespace(slug=slug, mentions=tuple(Mention(f"e{k}", "p1", 0, 1, "x") for k in entities))


def by_definition(articles: list[Any], limit: int) -> dict[str, list[tuple[str, float, list[str]]]]:
    """Each pair scored exactly: the weights of the entities both name (rarest first,
    rounded); the best ``limit`` others, ties by slug; nothing shared, not related."""
    named = {a.slug: {m.entity for m in a.mentions} for a in articles}
    weight = {e: math.log(len(articles) / sum(e in n for n in named.values())) for n in named.values() for e in n}
    result = {}
    for a in articles:
        ranked = []
        for b in articles:
            shared = sorted((e for e in named[a.slug] & named[b.slug] if weight[e] > 0),
                            key=lambda e: (-weight[e], REGISTER[e].name))
            if b is not a and shared:
                ranked.append((b.slug, round(sum(weight[e] for e in shared), 3), shared))
        result[a.slug] = sorted(ranked, key=lambda r: (-r[1], r[0]))[:limit]
    return result


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.integers(0, 7), max_size=6), max_size=12), st.integers(1, 4))
def test_the_ranking_is_the_definitions(entity_lists: list[list[int]], limit: int) -> None:
    articles = [article(f"a{n:02}", entities) for n, entities in enumerate(entity_lists)]
    found = related_articles(articles, REGISTER, limit)
    assert {slug: [(r.article.slug, r.score, [e.id for e in r.shared]) for r in ranked]
            for slug, ranked in found.items()} == by_definition(articles, limit)


def test_an_entity_every_article_names_relates_nothing() -> None:
    articles = [article("a", [0, 1]), article("b", [0]), article("c", [0, 2])]
    found = related_articles(articles, REGISTER)
    assert found == {"a": [], "b": [], "c": []}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 7), max_size=15), st.integers(1, 9))
def test_a_page_of_mentions_is_its_slice_of_them_all(counts: list[int], size: int) -> None:
    """Each page of an entity's mentions in context holds the mentions its numbers say,
    grouped by article, whichever articles the page starts and ends in."""
    block = SimpleNamespace(text="Nom 0 parle. Une autre phrase suit.")
    mentioned = [(SimpleNamespace(slug=f"a{n:02}", block=lambda _: block), [Mention("e0", "p1", 0, 5, "Nom 0")] * count)
                 for n, count in enumerate(counts) if count]
    flat = [(article.slug, k) for article, mentions in mentioned for k in range(len(mentions))]
    assert [(a.slug, len(c)) for a, c in page_contexts(mentioned)] == [(a.slug, len(m)) for a, m in mentioned]
    for number, start in enumerate(range(0, len(flat), size), start=1):
        page = MentionPage(number, start + 1, min(start + size, len(flat)))
        shown = page_contexts(mentioned, page)
        assert [a.slug for a, contexts in shown for _ in contexts] == [slug for slug, _ in flat[start:start + size]]
        assert len({a.slug for a, _ in shown}) == len(shown)  # one group per article
        assert all(c.text == "Nom 0" for _, contexts in shown for c in contexts)
