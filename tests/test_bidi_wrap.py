"""Wrapped right-to-left paragraphs read the same at every width.

Levels are resolved over the whole paragraph and each wrapped line is reordered with them
(UAX #9: resolve, wrap, then rule L2 per line), so a number with «%», a Latin phrase with a
number or a word in brackets shows in the order python-bidi gives the unwrapped paragraph,
wherever the line breaks.
"""

from __future__ import annotations

import pytest
from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st

from explorer.arabic.display import RtlMode, layout, layout_line, line_levels, paragraph_levels

PERCENT = "ارتفعت الأسعار بنسبة 30% خلال العام الماضي في المدن الكبرى وفق الإحصاءات الرسمية"
LATIN = "أعلنت الشركة عن هاتف iPhone 15 Pro Max بسعر 999 دولارا في الأسواق العربية يوم 12 أيلول"
BRACKETS = ("قالت قوات سوريا الديمقراطية (قسد) وهي تحالف يعرف بالإنجليزية باسم (SDF) إن 1,200 "
            "مقاتل انسحبوا عام (2019) مسافة 15 كم وإن 30% منهم عادوا.")
PRICES = ("ارتفعت أسعار المواد الغذائية في المدن الكبرى خلال العام الماضي وفق الإحصاءات "
          "الرسمية التي نشرها الجهاز المركزي للتعبئة العامة والإحصاء يوم الأحد بنسبة 30% في "
          "المتوسط، بينما بلغت الزيادة في أسعار الخبز 45% والأرز 12% واللحوم (الحمراء) 8% فقط.")
LEFT_TO_RIGHT = "Trump said 30% of بومبيو (the envoy) met قسد today, 15 كم away."
PARAGRAPHS = [PERCENT, PRICES, LATIN, BRACKETS, LEFT_TO_RIGHT]
NAMES = ["percent", "prices", "latin", "brackets", "left-to-right"]
WIDTHS = range(10, 121)


def seen(text: str, line) -> str:
    """The characters a line shows, left to right, before shaping and mirroring."""
    return "".join(text[g.index] for g in line.glyphs)


def one_line(text: str) -> list[int]:
    """Logical indices in the order the unwrapped paragraph shows them."""
    return [g.index for g in layout_line(text, 0, len(text), RtlMode.APP).glyphs]


@pytest.mark.parametrize("text", PARAGRAPHS, ids=NAMES)
def test_unwrapped_paragraph_reads_as_python_bidi_shows_it(text):
    assert seen(text, layout_line(text, 0, len(text), RtlMode.APP)) == get_display(text)


def line_holding(text: str, index: int, width: int):
    return next(line for line in layout(text, width, RtlMode.APP)
                if line.start <= index < line.end)


@pytest.mark.parametrize("text", [PERCENT, PRICES], ids=NAMES[:2])
@pytest.mark.parametrize("width", range(40, 121))
def test_percentages_read_as_in_the_whole_paragraph_at_every_width(text, width):
    whole = get_display(text)
    for number in ("30", "45", "12", "8"):
        token = number + "%"
        if token not in text:
            continue
        assert "%" + number in whole    # after Arabic, a number is an Arabic number (W2)
        line = line_holding(text, text.index(token), width)
        assert "%" + number in seen(text, line)


def test_a_line_that_starts_or_ends_at_the_number_keeps_its_order():
    number = PRICES.index("30%")
    starts, ends = set(), set()
    for width in range(40, 121):
        line = line_holding(PRICES, number, width)
        assert "%30" in seen(PRICES, line), width
        if line.start == number:
            starts.add(width)
        if line.end == number + 3:
            ends.add(width)
    assert starts == {40, 76} and ends == {52, 53, 77, 78, 79}   # both kinds of break


@pytest.mark.parametrize("text", PARAGRAPHS, ids=NAMES)
def test_every_wrapped_line_keeps_the_paragraph_order(text):
    """Each line shows its characters in the order the unwrapped paragraph shows them."""
    rank = {index: k for k, index in enumerate(one_line(text))}
    for width in WIDTHS:
        for line in layout(text, width, RtlMode.APP):
            shown = [g.index for g in line.glyphs if not text[g.index].isspace()]
            assert shown == sorted(shown, key=rank.__getitem__), (width, text[line.start:line.end])


def test_latin_phrase_with_a_number_stays_whole_across_a_wrap():
    phrase = "iPhone 15 Pro Max"
    lo = LATIN.index(phrase)
    checked = 0
    for width in WIDTHS:
        for line in layout(LATIN, width, RtlMode.APP):
            part = LATIN[max(lo, line.start):min(lo + len(phrase), line.end)]
            if " " in part.strip():     # at least two words of the phrase on the line
                assert part.strip() in seen(LATIN, line), width
                checked += 1
    assert checked


@pytest.mark.parametrize("text", PARAGRAPHS, ids=NAMES)
def test_the_lines_hold_every_character_exactly_once(text):
    for width in WIDTHS:
        lines = layout(text, width, RtlMode.APP)
        shown = [g.index for line in lines for g in line.glyphs]
        assert len(shown) == len(set(shown))
        assert all(text[i].isspace() for i in set(range(len(text))) - set(shown))
        assert [i for line in lines for i in sorted(g.index for g in line.glyphs)] == sorted(shown)


@pytest.mark.parametrize("paragraph", [BRACKETS, "a \u202bب 30% c\u202c d " + PERCENT],
                         ids=["plain", "embedding"])
def test_line_levels_are_the_paragraphs(paragraph):
    base, levels = paragraph_levels(paragraph)
    text = "سطر قبله\n" + paragraph + "\nand after"
    offset = text.index(paragraph)
    for start in range(0, len(paragraph), 7):
        for end in (start, start + 1, start + 13, len(paragraph)):
            end = min(end, len(paragraph))
            assert line_levels(text, offset + start, offset + end) == (base, levels[start:end])


@given(st.text(alphabet="ابق سد abX 012٠١ %$+-,.:/()«»!\u064b\u0651\u200c\t\u2029\u2067\u2069",
               max_size=40),
       st.data())
def test_any_line_gets_the_levels_of_its_paragraph(paragraph, data):
    start = data.draw(st.integers(0, len(paragraph)))
    end = data.draw(st.integers(start, len(paragraph)))
    base = data.draw(st.sampled_from([None, 0, 1]))
    text = "x\n" + paragraph + "\nب"
    resolved, levels = paragraph_levels(paragraph, base)
    assert line_levels(text, start + 2, end + 2, base) == (resolved, levels[start:end])


def test_isolate_formatters_do_not_stop_the_display():
    text = "بحث \u2067عن\u2069 Trump \u2066x\u2069"
    line = layout_line(text, 0, len(text), RtlMode.APP)
    assert sorted(g.index for g in line.glyphs) == list(range(len(text)))
