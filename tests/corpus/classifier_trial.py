"""A trial: a statistical line classifier (keep or leave out) against the cleaner's rules,
on the evaluation corpus, with eval's line scores.

Features of each line and of its neighbours (length, words, final punctuation, capitals,
digits, what the line rules and the phrases of cues.yml say of it, its place before, inside
or after the run of prose); two models trained on dev/, alone and combined with the rules
(the rules, and the model also leaves out the lines it is sure are not the article). The
setting is chosen on dev/ alone, each file left out in turn, then scored once on test/.
Needs scikit-learn, which the edition does not depend on:

    pip install scikit-learn && python tests/corpus/classifier_trial.py
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression

from build_tools.evaluate.corpus import CorpusFile, Role, read_split
from build_tools.evaluate.score import cleaned
from build_tools.ingest import clean as rules
from build_tools.ingest.options import DEFAULT_OPTIONS as OPTS
from build_tools.text.dates import date_of_line
from build_tools.text.normalize import unify_punctuation

CORPUS = Path(__file__).parent
CUTS = (0.02, 0.05, 0.1, 0.2)  # the model leaves out a line the rules keep below this p(article)


def line_features(text: str) -> list[float]:
    f = unify_punctuation(text.strip())
    core = f.rstrip(rules.CLOSING_MARKS)
    letters = max(1, sum(c.isalpha() for c in f))
    return [float(x) for x in (
        len(f), np.log1p(len(f)), len(f.split()),
        bool(core) and core[-1] in ".!?…", bool(core) and core[-1] in ".…", f.endswith(":"),
        bool(f) and f[0].isupper(), bool(f) and f[0].isdigit(), bool(f) and f[0] in "«“\"",
        bool(f) and f[0] in "•·*-–—►",
        sum(c.isupper() for c in f) / letters, sum(c.isdigit() for c in f) / max(1, len(f)),
        rules._furniture_line(f, OPTS) is not None, rules._furniture_start(f, OPTS) is not None,
        rules._prompt(f, OPTS) is not None, date_of_line(f) is not None, rules.BYLINE.fullmatch(f) is not None,
        rules._is_breadcrumb(f, OPTS), rules._is_credited(f, OPTS), rules._is_tag_line(f, OPTS),
        len(f) >= OPTS.paragraph_min_chars)]


def page_features(file: CorpusFile) -> tuple[list[list[float]], list[bool], list[int]]:
    texts = [line.text.strip() for line in file.lines]
    shown = [i for i, text in enumerate(texts) if text]
    base = {i: line_features(texts[i]) for i in shown}
    prose = [i for i in shown if base[i][-1] and not any(base[i][12:15])]
    first, last = (prose[0], prose[-1]) if prose else (len(texts), -1)
    blank = [0.0] * len(base[shown[0]])
    rows, labels, numbers = [], [], []
    for k, i in enumerate(shown):
        before = base[shown[k - 1]] if k else blank
        after = base[shown[k + 1]] if k + 1 < len(shown) else blank
        place = [k / max(1, len(shown) - 1), i < first, i > last, first <= i <= last, texts.count(texts[i]) > 1]
        rows.append(base[i] + [before[0], before[3], before[-1], after[0], after[3], after[-1]] + place)
        labels.append(file.lines[i].role is Role.ARTICLE)
        numbers.append(file.lines[i].number)
    return rows, labels, numbers


def split_data(split: str) -> tuple[Any, Any, Any, Any]:
    """Features, labels, each line's file, and whether the rules keep it."""
    x: list[list[float]] = []
    y: list[bool] = []
    names: list[str] = []
    kept: list[bool] = []
    for file in read_split(CORPUS / split):
        rows, labels, numbers = page_features(file)
        by_rules = {block.line for block in cleaned(file).blocks}
        x += rows
        y += labels
        names += [file.name] * len(rows)
        kept += [n in by_rules for n in numbers]
    return np.array(x), np.array(y), np.array(names), np.array(kept)


def scores(article: Any, keep: Any) -> str:
    lost, left_out = int((~keep & article).sum()), int((~keep & ~article).sum())
    return (f"article lines kept {(keep & article).sum() / article.sum():.1%}, other lines left out "
            f"{left_out / (~article).sum():.1%}, right removals {left_out / max(1, (~keep).sum()):.1%}, "
            f"lost {lost}")


MODELS: dict[str, Callable[[], Any]] = {
    "logistic": lambda: LogisticRegression(max_iter=5000, class_weight="balanced"),
    "forest": lambda: RandomForestClassifier(n_estimators=300, random_state=0, class_weight="balanced"),
}


def main() -> None:
    xd, yd, names, rules_d = split_data("dev")
    xt, yt, _, rules_t = split_data("test")
    print(f"dev: {len(yd)} lines; test: {len(yt)} lines")
    print("dev, each file left out in turn:")
    print(f"  rules alone: {scores(yd, rules_d)}")
    for name, make in MODELS.items():
        p = np.zeros(len(yd))
        for held in sorted(set(names)):
            out = names == held
            p[out] = make().fit(xd[~out], yd[~out]).predict_proba(xd[out])[:, 1]
        print(f"  {name} alone: {scores(yd, p > 0.5)}")
        for cut in CUTS:
            print(f"  rules + {name}, below {cut}: {scores(yd, rules_d & ~(p < cut))}")
    print("test, each model trained on all of dev:")
    print(f"  rules alone: {scores(yt, rules_t)}")
    for name, make in MODELS.items():
        p = make().fit(xd, yd).predict_proba(xt)[:, 1]
        print(f"  {name} alone: {scores(yt, p > 0.5)}")
        for cut in CUTS:
            print(f"  rules + {name}, below {cut}: {scores(yt, rules_t & ~(p < cut))}")


if __name__ == "__main__":
    main()
