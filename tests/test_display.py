"""Display order: bidi reordering per wrapped line, shaping, and the logical→visual map."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from explorer.arabic.display import (
    RtlMode,
    choose_mode,
    layout,
    layout_line,
    paragraph_levels,
    reorder,
    shape,
    visual,
    wants_vte_explicit_mode,
    wrap,
    wrap_paragraphs,
)

LINE = "قال ترامب إن CNN نشرت 123 خبرا"


def logical_order(text: str, line) -> str:
    """The characters of ``line`` as the glyphs show them, read left to right."""
    return "".join(text[g.index] for g in line.glyphs)


def test_known_line_reads_right_to_left_with_latin_and_number_intact():
    line = layout_line(LINE, 0, len(LINE), RtlMode.APP)
    assert line.rtl
    assert logical_order(LINE, line) == "اربخ 123 ترشن CNN نإ بمارت لاق"


def test_letters_are_joined_by_their_position_in_the_word():
    line = layout_line("ترامب", 0, 5, RtlMode.APP)
    # visual left to right: ب(final) م(initial) ا(isolated) ر(final) ت(initial)
    assert line.text == "\ufe90\ufee3\ufe8d\ufeae\ufe97"
    assert [g.index for g in line.glyphs] == [4, 3, 2, 1, 0]


def test_every_logical_character_has_exactly_one_glyph():
    text = "أكّد وزير الخارجية (مايك بومبيو) أن 3 دول ستشارك."
    line = layout_line(text, 0, len(text), RtlMode.APP)
    indices = sorted(g.index for g in line.glyphs)
    bases = [i for i, c in enumerate(text) if unicodedata.category(c) != "Mn"]
    assert indices == bases


def test_diacritics_stay_after_their_letter():
    text = "أكّد"
    line = layout_line(text, 0, len(text), RtlMode.APP)
    kaf = next(g for g in line.glyphs if g.index == 1)
    assert kaf.text.endswith("\u0651") and kaf.width == 1


def test_lam_alef_becomes_one_ligature_and_keeps_both_offsets():
    shaped = shape("لا إله")
    assert shaped[0] == "\ufefb" and shaped[1] == ""
    line = layout_line("السلام", 0, 6, RtlMode.APP)
    assert "\ufefc" in line.text           # final lam-alef (joined to the seen before it)
    assert line.width == 5


def test_brackets_are_mirrored_inside_right_to_left_text():
    text = "قال (كاذبا)."
    assert logical_order(text, layout_line(text, 0, len(text), RtlMode.APP))[:2] == ".)"
    assert layout_line(text, 0, len(text), RtlMode.APP).text.startswith(".(")


def test_left_to_right_paragraph_stays_in_order_with_arabic_name_reversed():
    text = "Trump met بومبيو today"
    line = layout_line(text, 0, len(text), RtlMode.APP)
    assert not line.rtl
    assert logical_order(text, line) == "Trump met ويبموب today"


def test_wrapping_happens_in_logical_order_before_reordering():
    text = "الأول الثاني الثالث الرابع"
    lines = layout(text, 13, RtlMode.APP)
    assert [text[line.start:line.end] for line in lines] == ["الأول الثاني", "الثالث الرابع"]
    assert lines[0].glyphs[-1].index == 0  # the first word ends at the right edge


def test_paragraph_levels_resolve_numbers_and_latin_higher():
    base, levels = paragraph_levels(LINE)
    assert base == 1
    assert levels[LINE.index("CNN")] == 2 and levels[LINE.index("123")] == 2
    assert levels[0] == 1


def test_reorder_reverses_runs_from_the_highest_level_down():
    assert reorder([1, 1, 2, 2, 1]) == [4, 2, 3, 1, 0]
    assert reorder([0, 0, 0]) == [0, 1, 2]


def test_column_of_follows_the_map():
    line = layout_line(LINE, 0, len(LINE), RtlMode.APP)
    assert line.column_of(0) == line.width - 1         # first letter on the right edge
    assert line.column_of(LINE.index("CNN")) < line.column_of(LINE.index("إن"))


def test_terminal_and_off_modes_keep_logical_order():
    for mode in (RtlMode.TERMINAL, RtlMode.OFF):
        line = layout_line(LINE, 0, len(LINE), mode)
        assert line.text == LINE
    assert layout_line(LINE, 0, len(LINE), RtlMode.TERMINAL).rtl
    assert not layout_line(LINE, 0, len(LINE), RtlMode.OFF).rtl


def test_control_characters_never_reach_the_output():
    text = "قال\x1b[31m ترامب\u202e"
    line = layout_line(text, 0, len(text), RtlMode.APP)
    assert "\x1b" not in line.text and "\u202e" not in line.text


@pytest.mark.parametrize(("env", "mode"), [
    ({}, RtlMode.APP),
    ({"TERM": "xterm-kitty"}, RtlMode.APP),
    ({"KONSOLE_VERSION": "230805"}, RtlMode.TERMINAL),
    ({"TERM_PROGRAM": "mintty"}, RtlMode.TERMINAL),
    ({"VTE_VERSION": "7600"}, RtlMode.APP),
    ({"VTE_VERSION": "7600", "TMUX": "/tmp/tmux-0/default,1,0"}, RtlMode.TERMINAL),
    ({"TMUX": "/tmp/tmux-0/default,1,0"}, RtlMode.APP),
])
def test_auto_mode_from_environment(env, mode):
    assert choose_mode("auto", env) is mode
    assert choose_mode("off", env) is RtlMode.OFF


def test_vte_is_switched_to_explicit_mode_only_when_the_app_reorders():
    assert wants_vte_explicit_mode(RtlMode.APP, {"VTE_VERSION": "7600"})
    assert not wants_vte_explicit_mode(RtlMode.TERMINAL, {"VTE_VERSION": "7600"})
    assert not wants_vte_explicit_mode(RtlMode.APP, {})


def test_wrap_cuts_words_longer_than_the_width():
    assert wrap("abcdefgh ij", 0, 11, 4) == [(0, 4), (4, 8), (9, 11)]


def test_visual_label():
    assert visual("دونالد ترامب", RtlMode.OFF) == "دونالد ترامب"
    assert visual("دونالد ترامب") != "دونالد ترامب"


@given(st.lists(st.sampled_from(["قال", "ترامب", "CNN", "123", "  ", " ", "أكّد",
                                 "الولايات_المتحدة_الأمريكية", "x"]), max_size=40),
       st.integers(min_value=1, max_value=30))
def test_wrap_keeps_every_character_in_order_within_the_width(words, width):
    text = " ".join(words)
    lines = wrap(text, 0, len(text), width)
    covered = [i for start, end in lines for i in range(start, end)]
    assert covered == sorted(covered)
    missing = set(range(len(text))) - set(covered)
    assert all(text[i] == " " for i in missing)
    for start, end in lines:
        assert cell_len(text[start:end].rstrip(" ")) <= width


def test_a_long_article_is_laid_out_only_where_shown():
    text = ("قال ترامب إن القوات باقية في سوريا. " * 5000).strip()
    spans = wrap_paragraphs(text, 60)
    assert len(spans) > 2000 and all(base == 1 for _, _, base in spans)
    line = layout_line(text, *spans[1000][:2], RtlMode.APP, spans[1000][2])
    assert line.rtl and line.glyphs[-1].index == spans[1000][0]


def test_tabs_are_one_cell_wide_in_wrapping_and_display():
    text = "قال\tترامب\tإن"
    lines = layout(text, 6, RtlMode.APP)
    assert all(line.width <= 6 for line in lines)
    assert "\t" not in "".join(line.text for line in lines)
