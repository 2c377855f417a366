"""Related articles: for each article, the others that name the same entities, each entity
weighted by its rarity in the edition (an entity every article names weighs nothing)."""

from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat

from ..model import Article
from ..registers.entities import Entities, Entity

RELATED_ARTICLES = 3
ROUGH_MARGIN = 0.002  # more than rounding to a thousandth and float error can move a score


@dataclass(frozen=True)
class Related:
    """Another article and why it is related: the entities both name, rarest first."""

    article: Article
    score: float
    shared: list[Entity]


def related_articles(articles: Sequence[Article], entities: Entities,
                     limit: int = RELATED_ARTICLES) -> dict[str, list[Related]]:
    """For each article (by slug), the others ranked by the entities they share, each
    weighted by its rarity in the corpus (inverse document frequency: ``log(articles /
    articles naming it)``).

    Every pair of articles is scored, so the work grows with the square of their number: a
    pair costs one look-up per entity of one article in a table of the other's weights,
    made by ``map`` and ``sum``. That rough score, summed in no set order, may differ from
    the exact one by float error: the exact score (summed rarest first, rounded to a
    thousandth) and the entities both name are worked out for the articles that may make an
    article's top ``limit``."""
    named = {a.slug: {m.entity for m in a.mentions} for a in articles}
    frequency = Counter(e for entities_named in named.values() for e in entities_named)
    weight = {e: math.log(len(articles) / n) for e, n in frequency.items()}
    weighing = [tuple(e for e in named[a.slug] if weight[e] > 0) for a in articles]
    if not any(weighing):  # no entity that some article does not name: nothing relates them
        return {a.slug: [] for a in articles}
    # Every score but 0 is at least the smallest weight (a sum of weights, all positive).
    lightest = min(w for w in weight.values() if w > 0)
    # rows[i][j]: the rough score of articles i and i + 1 + j, as C doubles (8 bytes each, not
    # a float object's 32: at 5,000 articles, 12.5 million scores).
    nothing = dict.fromkeys(weight, 0.0)
    rows = []
    for number, entities_named in enumerate(weighing):
        mine = nothing.copy()
        mine.update((e, weight[e]) for e in entities_named)
        rows.append(array("d", map(sum, map(map, repeat(mine.__getitem__), weighing[number + 1:]))))
    result = {}
    for number, article in enumerate(articles):
        scores = [rows[other][number - other - 1] for other in range(number)]
        scores.append(0.0)  # itself
        scores += rows[number]
        floor = max(heapq.nlargest(limit, scores)[-1] - ROUGH_MARGIN, lightest)
        ranked = []
        for other in compress(articles, map(floor.__le__, scores)):
            shared = sorted((e for e in named[article.slug] & named[other.slug] if weight[e] > 0),
                            key=lambda e: (-weight[e], entities[e].name))
            ranked.append(Related(other, round(sum(weight[e] for e in shared), 3), [entities[e] for e in shared]))
        ranked.sort(key=lambda r: (-r.score, r.article.slug))
        result[article.slug] = ranked[:limit]
    return result
