"""Any text, however broken its punctuation, gives quotes and mentions that index it exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.analysis.pipeline import analyze
from explorer.model import Article

PIECES = ["قال", "وقالت", "إن", "أن", ":", "«", "»", "\"", "“", "”", "'", "الوزير", "سامر",
          "الخطيب", "،", ".", "\n", "\n\n", "مضيفاً", "في", "بيان", "وزارة", "الخارجية", "كان",
          "قد", "صرح", "(", ")", "بحسب", "ما", "عن", "قوله", "تأكيد", "-", "..", "أما", "آن",
          "بـ", "عدم", "كشف", "رئيسة", "باسم", "بن", "عبد"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_offsets_hold_for_any_arrangement(pieces: list[str]) -> None:
    text = " ".join(pieces)
    result = analyze(Article("x.txt", "x.txt", "", text))
    keys = {actor.key for actor in result.actors}
    for quote in result.article.quotes:
        assert quote.text == text[quote.start:quote.end]
        assert any(char.isalnum() for char in quote.text)
        assert quote.speaker is None or quote.speaker in keys
    spans = [(e.start, e.end) for e in result.article.entities]
    for entity in result.article.entities:
        assert entity.text == text[entity.start:entity.end]
        assert entity.actor in keys
    assert all(a[1] <= b[0] for a, b in zip(sorted(spans), sorted(spans)[1:], strict=False))
