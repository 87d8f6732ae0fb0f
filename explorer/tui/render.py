"""Painting laid-out lines: from :class:`VisualLine` glyphs to Rich segments.

Styles are chosen by *logical* index (an entity, a quote, a matched letter), and each glyph
knows its logical index, so highlights follow the text whatever order it is shown in.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from explorer.arabic.display import RtlMode, VisualLine, layout_line, wrap, wrap_paragraphs

StyleAt = Callable[[int], Style | None]
ELLIPSIS = "…"


def paint(line: VisualLine, width: int, base: Style, style_at: StyleAt | None = None,
          *, align: str = "auto", ellipsis: bool = False) -> Strip:
    """``line`` as a strip exactly ``width`` cells wide.

    ``align`` is ``left``, ``right`` or ``auto`` (right for right-to-left paragraphs);
    ``ellipsis`` adds «…» where the line was cut (its visual end: left when right-aligned).
    """
    right = line.rtl if align == "auto" else align == "right"
    segments: list[Segment] = []
    run_text: list[str] = []
    run_style: Style | None = None
    for glyph in line.glyphs:
        if not glyph.text:
            continue
        extra = style_at(glyph.index) if style_at else None
        style = base + extra if extra else base
        if style != run_style and run_text:
            segments.append(Segment("".join(run_text), run_style))
            run_text = []
        run_style = style
        run_text.append(glyph.text)
    if run_text:
        segments.append(Segment("".join(run_text), run_style))
    if ellipsis:
        mark = Segment(ELLIPSIS, base)
        segments = [mark, *segments] if right else [*segments, mark]
    strip = Strip(segments)
    used = strip.cell_length
    if used > width:
        strip = strip.crop(used - width, used) if right else strip.crop(0, width)
    elif used < width:
        pad = Segment(" " * (width - used), base)
        strip = Strip([pad, *strip] if right else [*strip, pad])
    return strip


def _flat(text: str, cells: int) -> str:
    """``text`` on one line, shortened to what ``cells`` cells could possibly show.

    Offsets are kept (newlines become spaces, only the tail is dropped), so that a row of
    a list costs the same for a long quote as for a short one.
    """
    return text[:cells * 4 + 64].replace("\n", " ")


def fit(text: str, width: int, mode: RtlMode) -> tuple[VisualLine, bool]:
    """The first ``width - 1`` cells' worth of one-line ``text`` and whether it was cut."""
    flat = _flat(text, width)
    if width <= 1:
        return layout_line(flat, 0, 0, mode), bool(flat)
    cut = len(flat) < len(text)
    first = wrap(flat, 0, len(flat), width)
    if len(first) == 1 and not cut:
        return layout_line(flat, 0, len(flat), mode), False
    (start, end, base), *_ = wrap_paragraphs(flat, width - 1)
    return layout_line(flat, start, end, mode, base), True


def paint_text(text: str, width: int, mode: RtlMode, base: Style,
               style_at: StyleAt | None = None, *, align: str = "auto") -> Strip:
    """One line of ``text`` fitted to ``width`` and painted (see :func:`paint`)."""
    line, cut = fit(text, width, mode)
    return paint(line, width, base, style_at, align=align, ellipsis=cut)


def paint_lines(text: str, width: int, lines: int, mode: RtlMode, base: Style,
                style_at: StyleAt | None = None) -> list[Strip]:
    """At most ``lines`` wrapped lines of ``text`` (the last with «…» if more remain)."""
    flat = _flat(text, width * lines)
    spans = wrap_paragraphs(flat, max(2, width - 1))
    strips = []
    for number, (start, end, level) in enumerate(spans[:lines]):
        cut = number == lines - 1 and (len(spans) > lines or len(flat) < len(text))
        strips.append(paint(layout_line(flat, start, end, mode, level), width, base, style_at,
                            ellipsis=cut))
    while len(strips) < lines:
        strips.append(Strip.blank(width, base))
    return strips
