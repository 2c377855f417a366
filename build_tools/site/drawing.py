"""The drawing of the network of entities, laid out at build time.

The drawing keeps the entities named in at least two paragraphs (at most ``MAX_NODES``, the
most mentioned first) and the links between them, and places them with a force-directed
layout (Fruchterman and Reingold, 1991): linked entities attract, all repel, and a weak pull
to the centre keeps the picture together. The layout starts from a fixed spiral and uses no
randomness, so a build always draws the same picture. A last pass moves nodes apart until no
two labels overlap.

The picture is an SVG written by a template; every node is a link to its entity page, and
the page gives the same network as tables for readers who do not see it."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

from ..crossref.network import Link, Network
from ..registers.entities import Entities, Entity, EntityType

MIN_PARAGRAPHS = 2
MAX_NODES = 50
MAX_LINKS = 160
WIDTH, HEIGHT = 960, 720
MARGIN = 16
FONT_SIZE = 13  # as in reseau.css
CHAR_WIDTH = 0.6 * FONT_SIZE  # a generous average for the sans-serif of the theme
LABEL_GAP = 4
ITERATIONS = 250
SEPARATION_PASSES = 400


@dataclass(frozen=True)
class Node:
    entity: Entity
    mentions: int
    x: float
    y: float
    r: float

    @property
    def label_width(self) -> float:
        return len(self.entity.name) * CHAR_WIDTH


@dataclass(frozen=True)
class Edge:
    link: Link
    a: Node
    b: Node


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    nodes: list[Node]  # the biggest last, so that they are drawn on top
    edges: list[Edge]  # the strongest last

    @property
    def types(self) -> list[EntityType]:
        """The types drawn, for the legend, in the order of EntityType."""
        present = {n.entity.type for n in self.nodes}
        return [t for t in EntityType if t in present]


def radius(mentions: int) -> float:
    """Area grows with the number of mentions."""
    return 4.0 + 2.6 * math.sqrt(mentions)


def chosen(network: Network, entities: Entities) -> tuple[list[str], list[Link]]:
    """The entities to draw and the links between them."""
    frequent = [e for e, n in network.paragraphs.items() if n >= MIN_PARAGRAPHS and e in entities.by_id]
    linked = {e for lk in network.links for e in (lk.source, lk.target)}
    ranked = sorted((e for e in frequent if e in linked),
                    key=lambda e: (-network.mentions[e], -network.paragraphs[e], e))
    nodes = ranked[:MAX_NODES]
    keep = set(nodes)
    links = [lk for lk in network.links if lk.source in keep and lk.target in keep][:MAX_LINKS]
    ends = {e for lk in links for e in (lk.source, lk.target)}
    return [e for e in nodes if e in ends], links


def _spiral(count: int) -> list[tuple[float, float]]:
    """Sunflower positions in the unit disc: the first nearest the centre."""
    golden = math.pi * (3 - math.sqrt(5))
    return [(math.sqrt((k + 0.5) / count) * math.cos(k * golden),
             math.sqrt((k + 0.5) / count) * math.sin(k * golden)) for k in range(count)]


def force_layout(ids: Sequence[str], weights: dict[tuple[int, int], float],
                 iterations: int = ITERATIONS) -> list[tuple[float, float]]:
    """Positions in a square of side 1 around (0, 0)."""
    n = len(ids)
    if n == 0:
        return []
    spiral = _spiral(n)
    xs = [x * 0.5 for x, _ in spiral]
    ys = [y * 0.5 for _, y in spiral]
    k = math.sqrt(1.0 / n)
    kk = k * k
    temperature = 0.1
    pairs = [(i, j, weights.get((i, j), 0.0)) for i, j in combinations(range(n), 2)]
    hypot = math.hypot
    for step in range(iterations):
        disp_x, disp_y = [0.0] * n, [0.0] * n
        for i, j, weight in pairs:
            dx, dy = xs[i] - xs[j], ys[i] - ys[j]
            d = hypot(dx, dy) or 1e-6
            force = kk / d - (d * d / k) * weight
            fx, fy = dx / d * force, dy / d * force
            disp_x[i] += fx
            disp_y[i] += fy
            disp_x[j] -= fx
            disp_y[j] -= fy
        cooled = temperature * (1 - step / iterations)
        for i in range(n):
            fx, fy = disp_x[i] - 2.0 * k * xs[i], disp_y[i] - 2.0 * k * ys[i]  # with the pull to the centre
            d = hypot(fx, fy) or 1e-6
            step_len = min(d, cooled)
            xs[i] += fx / d * step_len
            ys[i] += fy / d * step_len
    return list(zip(xs, ys, strict=True))


def _half_height(r: float) -> float:
    return max(r, FONT_SIZE * 0.75)


def box(node: Node) -> tuple[float, float, float, float]:
    """The disc and its label, to the right of it: left, top, right, bottom."""
    half = _half_height(node.r)
    return node.x - node.r, node.y - half, node.x + node.r + LABEL_GAP + node.label_width, node.y + half


def overlap(a: Node, b: Node) -> bool:
    al, at, ar, ab = box(a)
    bl, bt, br, bb = box(b)
    return min(ar, br) > max(al, bl) and min(ab, bb) > max(at, bt)


def _close_in_height(ys: list[float], half: list[float], padding: float) -> Iterator[tuple[int, int]]:
    """The pairs of boxes that may overlap: from top to bottom, each box with those that start
    above its bottom edge (a pass with no move saw the positions it sorted, so it misses none)."""
    order = sorted(range(len(ys)), key=lambda k: ys[k] - half[k])
    for a, i in enumerate(order):
        for j in order[a + 1:]:
            if ys[j] - half[j] >= ys[i] + half[i] + padding:
                break
            yield i, j


def separate(nodes: list[Node], width: int, height: int, padding: float = 3.0,
             passes: int = SEPARATION_PASSES) -> list[Node]:
    """Move nodes apart, each time along the axis that overlaps least, until no two boxes
    (disc and label) overlap, the canvas' edges holding them in."""
    xs, ys = [n.x for n in nodes], [n.y for n in nodes]
    left = [n.r for n in nodes]  # from the centre to the box's edges
    right = [n.r + LABEL_GAP + n.label_width for n in nodes]
    half = [_half_height(n.r) for n in nodes]

    def clamp(i: int) -> None:
        xs[i] = min(max(xs[i], MARGIN + left[i]), width - MARGIN - right[i])
        ys[i] = min(max(ys[i], MARGIN + half[i]), height - MARGIN - half[i])

    for i in range(len(nodes)):
        clamp(i)
    for _ in range(passes):
        moved = False
        for i, j in _close_in_height(ys, half, padding):
            ox = min(xs[i] + right[i], xs[j] + right[j]) - max(xs[i] - left[i], xs[j] - left[j]) + padding
            oy = min(ys[i] + half[i], ys[j] + half[j]) - max(ys[i] - half[i], ys[j] - half[j]) + padding
            if ox <= 0 or oy <= 0:
                continue
            moved = True
            if oy <= ox:
                shift = (oy / 2 + 0.5) * (1 if ys[i] <= ys[j] else -1)
                ys[i] -= shift
                ys[j] += shift
            else:
                shift = (ox / 2 + 0.5) * (1 if xs[i] <= xs[j] else -1)
                xs[i] -= shift
                xs[j] += shift
            clamp(i)
            clamp(j)
        if not moved:
            break
    return [Node(n.entity, n.mentions, x, y, n.r) for n, x, y in zip(nodes, xs, ys, strict=True)]


def draw(network: Network, entities: Entities, width: int = WIDTH, height: int = HEIGHT) -> Drawing:
    ids, links = chosen(network, entities)
    index = {e: k for k, e in enumerate(ids)}
    strongest = max((lk.paragraphs for lk in links), default=1)
    weights = {(index[lk.source], index[lk.target]) if index[lk.source] < index[lk.target]
               else (index[lk.target], index[lk.source]): 0.3 + 0.7 * lk.paragraphs / strongest
               for lk in links}
    unit = force_layout(ids, weights)
    xs, ys = [p[0] for p in unit] or [0.0], [p[1] for p in unit] or [0.0]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    inner_w, inner_h = width - 2 * MARGIN - 140, height - 2 * MARGIN - 40  # room for the labels
    nodes = [Node(entities[e], network.mentions[e],
                  MARGIN + 20 + (x - min(xs)) / span_x * inner_w,
                  MARGIN + 20 + (y - min(ys)) / span_y * inner_h,
                  radius(network.mentions[e])) for e, (x, y) in zip(ids, unit, strict=True)]
    nodes = separate(nodes, width, height)
    placed = {n.entity.id: n for n in nodes}
    edges = [Edge(lk, placed[lk.source], placed[lk.target]) for lk in reversed(links)]
    return Drawing(width, height, sorted(nodes, key=lambda n: (n.mentions, n.entity.id)), edges)
