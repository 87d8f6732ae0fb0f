"""The reporter's byline at an article's head is a person."""

from __future__ import annotations

import pytest

from explorer.analysis.bylines import byline_span
from explorer.analysis.pipeline import analyze
from explorer.model import Article


@pytest.mark.parametrize(("text", "name"), [
    ("عنوان الخبر\n\nسامي عادل- سبق- جدة: ضبطت الشرطة المتهم.", "سامي عادل"),
    ("عنوان الخبر\n\n هدى المالكي – عين اليوم\nاختتم الملتقى أعماله.", "هدى المالكي"),
    ("عنوان الخبر\n\n Next Previous ريم أبوالعلا – عين اليوم\nبدأ المهرجان.",
     "ريم أبوالعلا"),
    # after the slider's debris, the dash and the city («– جدة») mark the reporter too
    ("عنوان الخبر\n\n Next Previous ماهر سالم – جدة انطلقت أمس الفعاليات.", "ماهر سالم"),
])
def test_a_byline_names_its_reporter(text: str, name: str) -> None:
    span = byline_span(text)
    assert span is not None and text[span[0]:span[1]] == name
    entities = analyze(Article("a#1", "a", "", text)).article.entities
    assert ("PERS", name) in [(e.type, e.text) for e in entities]


@pytest.mark.parametrize("text", [
    "عنوان الخبر\n\nالرياض – عين اليوم\nقال مصدر إن الأمر انتهى.",  # a dateline
    "عنوان الخبر\n\nعين اليوم – متابعات\nقال مصدر إن الأمر انتهى.",  # the paper first
    "عنوان الخبر\n\n Next Previous عين اليوم – الدمام قام الأمير بزيارة.",
    "عنوان الخبر\n\n Next Previous أ ف ب - سيدني فاز المنتخب.",  # an agency's letters
    "عنوان الخبر\n\nقال مصدر إن الأمر انتهى. وأضاف سامي عادل - سبق الجميع.",  # not the head
])
def test_a_dateline_or_a_name_in_the_body_is_no_byline(text: str) -> None:
    assert byline_span(text) is None
