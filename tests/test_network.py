"""The network of entities named in the same paragraphs, and its drawing."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.build import build_edition
from build_tools.crossref.network import Link, Network, cooccurrences
from build_tools.project import Paths
from build_tools.registers.entities import Entities, Entity, EntityType
from build_tools.site.drawing import HEIGHT, MAX_NODES, MIN_PARAGRAPHS, WIDTH, Node, box, draw, overlap, separate

from conftest import ROOT


@pytest.fixture(scope="module")
def edition():  # type: ignore[no-untyped-def]
    return build_edition(Paths.at(ROOT))


def test_links_count_the_paragraphs_that_name_both(edition) -> None:  # type: ignore[no-untyped-def]
    expected: Counter[tuple[str, str]] = Counter()
    for article in edition.articles:
        by_block: dict[str, set[str]] = {}
        for mention in article.mentions:
            by_block.setdefault(mention.block, set()).add(mention.entity)
        for named in by_block.values():
            expected.update(combinations(sorted(named), 2))
    network = cooccurrences(edition.articles)
    assert {(lk.source, lk.target): lk.paragraphs for lk in network.links} == dict(expected)
    assert [lk.paragraphs for lk in network.links] == sorted((lk.paragraphs for lk in network.links), reverse=True)
    assert network.mentions == Counter(m.entity for a in edition.articles for m in a.mentions)
    for lk in network.links[:10]:
        assert lk.source < lk.target
        assert network.paragraphs[lk.source] >= lk.paragraphs
        for slug in lk.articles:
            article = next(a for a in edition.articles if a.slug == slug)
            named = {m.entity for m in article.mentions}
            assert {lk.source, lk.target} <= named


def test_the_drawing_keeps_frequent_entities_and_never_overlaps_labels(edition) -> None:  # type: ignore[no-untyped-def]
    network = cooccurrences(edition.articles)
    drawing = draw(network, edition.registers.entities)
    assert 10 <= len(drawing.nodes) <= MAX_NODES
    drawn = {n.entity.id for n in drawing.nodes}
    assert all(network.paragraphs[e] >= MIN_PARAGRAPHS for e in drawn)
    assert all(e.a.entity.id in drawn and e.b.entity.id in drawn for e in drawing.edges)
    assert {n.entity.id for e in drawing.edges for n in (e.a, e.b)} == drawn  # no node left alone
    for node in drawing.nodes:
        left, top, right, bottom = box(node)
        assert left >= 0 and right <= WIDTH and top >= 0 and bottom <= HEIGHT, node.entity.id
    assert not [(a.entity.id, b.entity.id) for a, b in combinations(drawing.nodes, 2) if overlap(a, b)]
    # The most mentioned entities are drawn biggest; the strongest links come last (on top).
    assert drawing.nodes[-1].r == max(n.r for n in drawing.nodes)
    assert drawing.edges[-1].link.paragraphs == max(e.link.paragraphs for e in drawing.edges)


def test_the_drawing_is_the_same_at_every_build(edition) -> None:  # type: ignore[no-untyped-def]
    network = cooccurrences(edition.articles)
    first, second = draw(network, edition.registers.entities), draw(network, edition.registers.entities)
    assert [(n.entity.id, n.x, n.y) for n in first.nodes] == [(n.entity.id, n.x, n.y) for n in second.nodes]


def entity(k: int, name: str) -> Entity:
    return Entity(id=f"e{k}", type=EntityType.PERSONNE, name=name, aliases=(), description="d")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(0, WIDTH), st.floats(0, HEIGHT), st.integers(1, 40),
                          st.text(alphabet="abcdefghij ", min_size=1, max_size=24)),
                min_size=1, max_size=14))
def test_separation_leaves_no_overlap_inside_the_canvas(specs: list[tuple[float, float, int, str]]) -> None:
    nodes = [Node(entity(k, name), mentions, x, y, 4 + mentions ** 0.5)
             for k, (x, y, mentions, name) in enumerate(specs)]
    placed = separate(nodes, WIDTH, HEIGHT)
    assert [n.entity.id for n in placed] == [n.entity.id for n in nodes]
    assert not [(a.entity.id, b.entity.id) for a, b in combinations(placed, 2) if overlap(a, b)]
    for node in placed:
        left, top, right, bottom = box(node)
        assert left >= 0 and top >= 0 and right <= WIDTH and bottom <= HEIGHT


def test_entities_named_together_are_drawn_closer_than_those_never_named_together() -> None:
    """Two groups of entities, each named together paragraph after paragraph, the groups
    never together: the layout draws each group apart from the other. The entities are
    ranked so that the starting spiral mixes the groups: only the forces part them."""
    groups = [[0, 2, 4, 6], [1, 3, 5, 7]]
    entities = Entities(tuple(entity(k, f"Nom {k}") for k in range(8)))
    links = [Link(f"e{a}", f"e{b}", 5, ("a",)) for group in groups for a, b in combinations(group, 2)]
    mentions = Counter({f"e{k}": 20 - k for k in range(8)})  # the spiral's order: e0, e1, e2…
    network = Network(mentions, Counter(dict.fromkeys(mentions, 5)), links)
    drawing = draw(network, entities)
    where = {n.entity.id: (n.x, n.y) for n in drawing.nodes}
    group_of = {f"e{k}": g for g, group in enumerate(groups) for k in group}
    within, across = [], []
    for a, b in combinations(where, 2):
        (within if group_of[a] == group_of[b] else across).append(math.dist(where[a], where[b]))
    assert max(within) < min(across)
