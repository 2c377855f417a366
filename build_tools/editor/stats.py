"""Editor's overview of the edition: what each article carries, what the registers hold
that no article uses. Computed from an edition built in memory."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, NoteKind
from ..registers import Registers
from ..text.normalize import match_key
from .report import preview


@dataclass(frozen=True)
class ArticleStats:
    seed: str
    slug: str
    blocks: int
    mentions: int
    linked: int
    terms: int
    notes: dict[str, int]
    removed: dict[str, int]
    doubts: list[dict[str, Any]]  # the cleaner's decisions an editor should look at

    @classmethod
    def of(cls, article: Article) -> ArticleStats:
        notes = Counter(p.note.kind.value for p in article.notes)
        return cls(seed=article.seed.rel_path, slug=article.slug, blocks=len(article.blocks),
                   mentions=len(article.mentions), linked=sum(m.linked for m in article.mentions),
                   terms=len(article.terms), notes={k.value: notes[k.value] for k in NoteKind},
                   removed=dict(sorted(Counter(r.reason.value for r in article.removed).items())),
                   doubts=sorted([*({"line": line.number, "doubt": line.doubt, "text": line.text}
                                    for line in article.clean.doubts),
                                  *({"line": d.line, "doubt": f"the {d.field.value} {d.why}",
                                     "text": str(getattr(article, d.field.value))} for d in article.meta_doubts)],
                                 key=lambda d: d["line"]))


@dataclass(frozen=True)
class EditionStats:
    articles: list[ArticleStats]
    unused_entities: list[str] = field(default_factory=list)
    metadata_only_entities: list[str] = field(default_factory=list)
    unused_terms: list[str] = field(default_factory=list)
    unused_outlets: list[str] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        return {"articles": [vars(a) for a in self.articles], "unused_entities": self.unused_entities,
                "metadata_only_entities": self.metadata_only_entities, "unused_terms": self.unused_terms,
                "unused_outlets": self.unused_outlets}


def edition_stats(articles: list[Article], registers: Registers) -> EditionStats:
    mentioned = {m.entity for a in articles for m in a.mentions}
    in_metadata = {match_key(v) for a in articles for v in (a.author, a.source, a.publisher) if v}
    never = [e for e in registers.entities if e.id not in mentioned]
    used_terms = {t.term for a in articles for t in a.terms}
    used_outlets = {o.id for a in articles for o in registers.outlets.of(a).values()}
    return EditionStats(
        articles=[ArticleStats.of(a) for a in articles],
        unused_entities=[e.id for e in never if not any(match_key(f) in in_metadata for f in e.forms)],
        metadata_only_entities=[e.id for e in never if any(match_key(f) in in_metadata for f in e.forms)],
        unused_terms=[t.id for t in registers.glossary if t.id not in used_terms],
        unused_outlets=[o.id for o in registers.outlets if o.id not in used_outlets
                        and (o.entity is None or o.entity not in mentioned)])


def stats_lines(stats: EditionStats) -> list[str]:
    lines = []
    for a in stats.articles:
        notes = ", ".join(f"{n} {kind}" for kind, n in a.notes.items() if n) or "none"
        removed = ", ".join(f"{n} {reason}" for reason, n in a.removed.items()) or "none"
        lines += [f"{a.seed} ({a.slug})",
                  f"  {a.blocks} blocks · {a.mentions} mentions ({a.linked} linked) · {a.terms} terms",
                  f"  notes: {notes}", f"  removed lines: {removed}"]
        lines += [f"  doubt, line {d['line']}: {d['doubt']}: «{preview(d['text'])}»" for d in a.doubts]
    for label, ids in (("entities never mentioned", stats.unused_entities),
                       ("entities named only in metadata (author, source, publisher)", stats.metadata_only_entities),
                       ("glossary terms never found", stats.unused_terms),
                       ("outlets no article comes from or cites", stats.unused_outlets)):
        lines.append(f"{label}: {', '.join(ids) if ids else 'none'}")
    return lines
