"""The matcher remembers what it learns of each piece of text: it must find the same
whether a piece is met for the first time or not, and after its memory starts afresh."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from test_matcher import SLOW, TRICKY, texts

from build_tools.annotate import matcher, reference


@settings(max_examples=300, deadline=None)
@given(texts)
def test_a_new_matcher_finds_what_the_reference_finds(text: str) -> None:
    fresh = matcher.Matcher(TRICKY)
    expected = [tuple(m.__dict__.values()) for m in SLOW.find(text)]
    assert fresh.find(text) == expected
    assert fresh.find(text) == expected  # every piece known now


def test_the_same_after_the_memory_starts_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matcher, "PIECE_MEMORY", 3)
    small = matcher.Matcher(TRICKY)
    slow = reference.Matcher(TRICKY)
    text = ("Le président de la Banque centrale européenne, M. Disco Inferno, a vu Donald\u00a0Trump "
            "et l’Union africaine ; « Union européenne » (Banque) Inc. C++ x - y pays du Sud.")
    for _ in range(3):
        assert small.find(text) == [tuple(m.__dict__.values()) for m in slow.find(text)]
    assert len(small._pieces) <= 3
