"""Painting laid-out lines: from :class:`VisualLine` glyphs to Rich segments.

Styles are chosen by *logical* index (an entity, a quote, a matched letter), and each glyph
knows its logical index, so highlights follow the text whatever order it is shown in.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from explorer.arabic.display import RtlMode, VisualLine, layout_line, wrap

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


def fit(text: str, width: int, mode: RtlMode) -> tuple[VisualLine, bool]:
    """The first ``width - 1`` cells' worth of one-line ``text`` and whether it was cut."""
    flat = text.replace("\n", " ")
    if width <= 1:
        return layout_line(flat, 0, 0, mode), bool(flat)
    first = wrap(flat, 0, len(flat), width)
    if len(first) == 1:
        return layout_line(flat, 0, len(flat), mode), False
    start, end = wrap(flat, 0, len(flat), width - 1)[0]
    return layout_line(flat, start, end, mode), True


def paint_text(text: str, width: int, mode: RtlMode, base: Style,
               style_at: StyleAt | None = None, *, align: str = "auto") -> Strip:
    """One line of ``text`` fitted to ``width`` and painted (see :func:`paint`)."""
    line, cut = fit(text, width, mode)
    return paint(line, width, base, style_at, align=align, ellipsis=cut)


def paint_lines(text: str, width: int, lines: int, mode: RtlMode, base: Style,
                style_at: StyleAt | None = None) -> list[Strip]:
    """At most ``lines`` wrapped lines of ``text`` (the last with «…» if more remain)."""
    flat = text.replace("\n", " ")
    ranges = wrap(flat, 0, len(flat), max(2, width - 1))
    strips = []
    for number, (start, end) in enumerate(ranges[:lines]):
        cut = number == lines - 1 and len(ranges) > lines
        strips.append(paint(layout_line(flat, start, end, mode), width, base, style_at,
                            ellipsis=cut))
    while len(strips) < lines:
        strips.append(Strip.blank(width, base))
    return strips
