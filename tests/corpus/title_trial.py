"""A trial: a statistical title picker against the cleaner's rules, on the evaluation corpus,
with eval's title score.

Each line of the page that may be a title is described by what it is (length, words, final
punctuation, capitals, what the line rules say of it, the class the cleaner gives it) and
where it stands (before or inside the article's first paragraphs, next to a byline or a date,
written again elsewhere on the page). A model trained on dev/ scores each line; the page's
title is the line it scores highest, none if no line scores over a cut. The setting is chosen
on dev/ alone, each tenth of its files left out in turn, then scored once on test/.
Needs scikit-learn, which the edition does not depend on:

    pip install scikit-learn && python tests/corpus/title_trial.py

``--curve`` trains the models told only of the lines on a part of dev/ (an eighth to the
whole, five draws of each part) and scores them on test/: whether more labelled pages would
help. ``--spacy`` tells the models also what spaCy's French model (a dependency of the
edition's suggestions) reads in each line: a conjugated verb or a participle, the share of
proper nouns, nouns and verbs, the first word's part of speech, a person's name first.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression

from build_tools.evaluate.corpus import CorpusFile, read_split
from build_tools.evaluate.score import _same, cleaned
from build_tools.ingest import clean as rules
from build_tools.ingest.options import DEFAULT_OPTIONS as OPTS
from build_tools.model import LineClass, Reason
from build_tools.text.normalize import unify_punctuation

CORPUS = Path(__file__).parent
CUTS = (0.0, 0.1, 0.2, 0.3, 0.5)
DOUBTS = (0.01, 0.02, 0.05, 0.1)
CLASSES = (LineClass.TITLE, LineClass.HEADING, LineClass.PARAGRAPH, LineClass.STANDFIRST, LineClass.BOILERPLATE,
           LineClass.BYLINE, LineClass.DATELINE, LineClass.DATE)  # the class the rules give the line
# The classes and the reason that the rules' choice of a title decides: the title, and the
# heading, paragraph or standfirst a line under it becomes, or the title written again.
DECIDED = (LineClass.TITLE, LineClass.HEADING, LineClass.PARAGRAPH, LineClass.STANDFIRST, Reason.REPEATED)
REASONS = (Reason.AROUND, Reason.NAVIGATION, Reason.REPEATED, Reason.RELATED, Reason.CAPTION)


def text_features(text: str) -> list[float]:
    f = unify_punctuation(text.strip())
    core = f.rstrip(rules.CLOSING_MARKS)
    words = f.split()
    letters = max(1, sum(c.isalpha() for c in f))
    capitalised = sum(w[:1].isupper() for w in words) / max(1, len(words))
    return [float(x) for x in (
        math.log1p(len(f)), min(len(words), 40) / 40, bool(core) and core[-1] == ".", bool(core) and core[-1] in "?!",
        f.endswith(":"), " : " in f or ": " in f, capitalised, sum(c.isupper() for c in f) / letters,
        sum(c.isdigit() for c in f) / max(1, len(f)),
        rules._may_be_title(f, OPTS, words=OPTS.title_min_words),
        rules._is_headline(f, OPTS, words=OPTS.title_min_words),
        rules._is_name(f), rules._items_run_together(f, OPTS), rules._is_list_of_names(f),
        rules._furniture_line(f, OPTS) is not None, rules._furniture_start(f, OPTS) is not None,
        rules._prompt(f, OPTS) is not None, rules._is_breadcrumb(f, OPTS), rules._is_credited(f, OPTS),
        len(f) >= OPTS.paragraph_min_chars)]


def page_rows(file: CorpusFile) -> tuple[list[list[float]], list[bool], list[str]]:
    result = cleaned(file)
    lines = result.lines
    shown = [k for k, cl in enumerate(lines) if cl.cls is not LineClass.BLANK]
    kept = {block.line for block in result.blocks}
    body = [n for n, cl in enumerate(lines) if cl.number in kept and cl.cls is LineClass.PARAGRAPH]
    first = body[0] if body else len(lines)
    gold = {g.number: g.label for g in file.lines}
    texts = [cl.text.strip() for cl in lines]
    meta = [cl.cls in (LineClass.BYLINE, LineClass.DATELINE, LineClass.DATE) for cl in lines]
    rows, labels, titles = [], [], []
    for order, k in enumerate(shown):
        cl = lines[k]
        if len(texts[k]) > OPTS.title_max_chars or not any(c.isalpha() for c in texts[k]):
            continue
        before = [j for j in shown if j < k][-3:]
        after = [j for j in shown if j > k][:3]
        to_first = sum(1 for j in shown if k < j < first) if k < first else -sum(1 for j in shown if first <= j < k)
        again = sum(1 for j in shown if j != k and (texts[j] == texts[k] or texts[j].endswith(" " + texts[k])))
        short_around = sum(len(texts[j].split()) <= OPTS.kicker_max_words for j in before + after) / 6
        rows.append([
            *text_features(texts[k]), *(cl.cls is c for c in CLASSES), *(cl.reason is r for r in REASONS),
            order / max(1, len(shown)), k < first, max(-30, min(30, to_first)) / 30, to_first == 1,
            bool(after) and meta[after[0]], bool(before) and meta[before[-1]], any(meta[j] for j in after),
            any(meta[j] for j in before), bool(after) and len(texts[after[0]]) >= OPTS.paragraph_min_chars,
            min(again, 3) / 3, short_around])
        labels.append(gold.get(cl.number) == "title")
        titles.append(rules._title_text(texts[k], OPTS))
    return rows, labels, titles


def split_data(split: str) -> list[tuple[CorpusFile, Any, Any, list[str], str | None]]:
    pages = []
    for file in read_split(CORPUS / split):
        rows, labels, titles = page_rows(file)
        pages.append((file, np.array(rows, dtype=float), np.array(labels), titles, cleaned(file).detected.title))
    return pages


def read(titles: list[str], p: Any, cut: float) -> str | None:
    best = int(np.argmax(p)) if len(p) else -1
    return titles[best] if best >= 0 and p[best] > cut else None


def right(pages: list[Any], probs: list[Any], cut: float) -> int:
    return sum(_same(read(titles, p, cut), file.title) for (file, _, _, titles, _), p in zip(pages, probs, strict=True))


def combined(pages: list[Any], probs: list[Any], cut: float, doubt: float) -> int:
    """The rules' title, unless the model gives its line less than ``doubt`` (or the rules
    read none): then the model's."""
    n = 0
    for (file, _, _, titles, by_rules), p in zip(pages, probs, strict=True):
        mine = [k for k, t in enumerate(titles) if _same(t, by_rules)]
        keep = by_rules is not None and mine and max(p[k] for k in mine) >= doubt
        n += _same(by_rules if keep else read(titles, p, cut), file.title)
    return n


MODELS: dict[str, Callable[[], Any]] = {
    "logistic": lambda: LogisticRegression(max_iter=5000, C=1.0),
    "forest": lambda: RandomForestClassifier(n_estimators=300, random_state=0, min_samples_leaf=2),
    "boosting": lambda: GradientBoostingClassifier(random_state=0),
}


def fit(make: Callable[[], Any], pages: list[Any]) -> Any:
    x = np.vstack([p[1] for p in pages if len(p[1])])
    y = np.concatenate([p[2] for p in pages if len(p[1])])
    return make().fit(x, y)


def predict(model: Any, pages: list[Any]) -> list[Any]:
    return [model.predict_proba(p[1])[:, 1] if len(p[1]) else np.array([]) for p in pages]


RULE_COLUMNS = range(len(text_features("x")), len(text_features("x")) + len(CLASSES) + len(REASONS))
DECISION_COLUMNS = [RULE_COLUMNS[k] for k, what in enumerate((*CLASSES, *REASONS)) if what in DECIDED]


def without(columns: Any, pages: list[Any]) -> list[Any]:
    keep = [c for c in range(pages[0][1].shape[1]) if c not in columns]
    return [(f, x[:, keep] if len(x) else x, y, t, r) for f, x, y, t, r in pages]


def grammar_features(pages: list[Any]) -> dict[str, list[float]]:
    """What spaCy's French model reads in each line that may be a title."""
    nlp = spacy.load("fr_core_news_sm", disable=["lemmatizer"])
    texts = sorted({title for page in pages for title in page[3]})
    found = {}
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=256), strict=True):
        words = [w for w in doc if not w.is_punct and not w.is_space]
        n = max(1, len(words))
        conjugated = sum("Fin" in w.morph.get("VerbForm") for w in words)
        first = words[0].pos_ if words else ""
        people = [e for e in doc.ents if e.label_ == "PER"]
        found[text] = [float(x) for x in (
            conjugated > 0, min(conjugated, 3) / 3, any("Part" in w.morph.get("VerbForm") for w in words),
            sum(w.pos_ == "PROPN" for w in words) / n, sum(w.pos_ == "NOUN" for w in words) / n,
            sum(w.pos_ == "VERB" for w in words) / n, first == "PROPN", first == "DET", first == "PRON",
            first in ("ADP", "ADV", "SCONJ"), bool(people) and people[0].start == 0, min(len(people), 3) / 3,
            any(w.dep_ == "nsubj" for w in words), any(w.dep_ == "appos" for w in words))]
    return found


def with_grammar(pages: list[Any], found: dict[str, list[float]]) -> list[Any]:
    return [(f, np.hstack([x, np.array([found[t] for t in titles])]) if len(x) else x, y, titles, r)
            for f, x, y, titles, r in pages]


def curve(dev: list[Any], test: list[Any]) -> None:
    """Models told only of the lines, trained on a part of dev/ and scored on test/ (at the
    cut dev/ chooses for every model on the whole of it, 0.1)."""
    dev, test = without(RULE_COLUMNS, dev), without(RULE_COLUMNS, test)
    for name in ("logistic", "forest"):
        for part in (0.125, 0.25, 0.5, 0.75, 1.0):
            draws = [random.Random(seed).sample(dev, int(len(dev) * part)) for seed in range(5 if part < 1 else 1)]
            scores = [right(test, predict(fit(MODELS[name], pages), test), 0.1) for pages in draws]
            print(f"  {name}, trained on {len(draws[0])} dev pages: test {min(scores)} to {max(scores)}"
                  f" (mean {sum(scores) / len(scores):.1f})")


def main() -> None:
    dev, test = split_data("dev"), split_data("test")
    if "--curve" in sys.argv:
        curve(dev, test)
        return
    if "--spacy" in sys.argv:
        found = grammar_features(dev + test)
        dev, test = with_grammar(dev, found), with_grammar(test, found)
    trial(dev, test, "with the rules' classes")
    trial(without(RULE_COLUMNS, dev), without(RULE_COLUMNS, test), "without them")
    trial(without(DECISION_COLUMNS, dev), without(DECISION_COLUMNS, test), "with the line rules' classes only")


def trial(dev: list[Any], test: list[Any], what: str) -> None:
    print(what)
    rules_dev = sum(_same(p[4], p[0].title) for p in dev)
    rules_test = sum(_same(p[4], p[0].title) for p in test)
    print(f"dev: {len(dev)} pages, rules {rules_dev}; test: {len(test)} pages, rules {rules_test}")
    folds = 10
    for name, make in MODELS.items():
        probs: list[Any] = [None] * len(dev)
        for fold in range(folds):
            held = [i for i in range(len(dev)) if i % folds == fold]
            model = fit(make, [dev[i] for i in range(len(dev)) if i % folds != fold])
            for i, p in zip(held, predict(model, [dev[i] for i in held]), strict=True):
                probs[i] = p
        print(f"  {name}, dev by tenths: " + ", ".join(f"cut {cut}: {right(dev, probs, cut)}" for cut in CUTS))
        model = fit(make, dev)
        tp = predict(model, test)
        print(f"  {name}, test: " + ", ".join(f"cut {cut}: {right(test, tp, cut)}" for cut in CUTS))
        for doubt in DOUBTS:
            print(f"    rules unless doubted below {doubt}, dev: "
                  + ", ".join(f"{combined(dev, probs, cut, doubt)}" for cut in CUTS)
                  + "; test: " + ", ".join(f"{combined(test, tp, cut, doubt)}" for cut in CUTS))


if __name__ == "__main__":
    main()
