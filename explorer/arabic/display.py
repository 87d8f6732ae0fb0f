"""Display order for terminals: wrap in logical order, then reorder and shape each line.

Most terminals (kitty, xterm, Alacritty, tmux) print cells left to right exactly as they
are sent, so Arabic would read backwards with unjoined letters. This module lays text out
the way the Unicode bidi algorithm (UAX #9) says it should look: a paragraph's direction is
found once (rule P2), levels are resolved as over the whole paragraph, not the line
(python-bidi's rules X1-I2), and each wrapped line is reordered with those levels (rules
L1-L2, keeping a letter and its diacritics together), so «30%» or «(قسد)» read the same
wherever the paragraph wraps; and Arabic letters take their joined presentation forms
(arabic-reshaper, one form per letter, plus the lam-alef ligatures done here so that every
glyph still knows which characters it shows).

The result is a list of :class:`Glyph` in visual order, each carrying the logical index of
the character it shows, so that highlights (entities, quotes, search matches) are styled by
logical offset and land on the right cells. Pure: no Textual, no terminal I/O.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from arabic_reshaper import ArabicReshaper
from bidi import algorithm as uba
from bidi.mirror import MIRRORED
from rich.cells import cell_len


class RtlMode(StrEnum):
    """Who puts right-to-left text in reading order."""

    AUTO = "auto"          # decide from the environment (see :func:`choose_mode`)
    APP = "app"            # this module reorders and shapes; the terminal prints cells as sent
    TERMINAL = "terminal"  # the terminal reorders and shapes (VTE, Konsole, mintty)
    OFF = "off"            # logical order, left-aligned, unshaped (raw text)


def choose_mode(requested: RtlMode | str, env: Mapping[str, str] | None = None) -> RtlMode:
    """The concrete mode for ``requested``; ``auto`` looks at the terminal in ``env``.

    Konsole and mintty always reorder, so the app leaves it to them. VTE (GNOME Terminal,
    Tilix...) reorders too, but can be put in explicit mode (``CSI 8 l``, see
    :data:`VTE_EXPLICIT`), which gives the app exact control of highlights; the app then
    reorders itself. Inside tmux that sequence does not reach VTE, so VTE keeps reordering
    and the app leaves it to it. Everything else (kitty, xterm, Alacritty, tmux in them,
    Windows Terminal) prints cells as sent.
    """
    mode = RtlMode(requested)
    if mode is not RtlMode.AUTO:
        return mode
    env = os.environ if env is None else env
    if env.get("KONSOLE_VERSION") or env.get("TERM_PROGRAM") == "mintty":
        return RtlMode.TERMINAL
    if env.get("VTE_VERSION") and env.get("TMUX"):
        return RtlMode.TERMINAL
    return RtlMode.APP


def wants_vte_explicit_mode(mode: RtlMode, env: Mapping[str, str] | None = None) -> bool:
    """Whether to switch a VTE terminal to explicit bidi mode while the app reorders."""
    env = os.environ if env is None else env
    return mode is RtlMode.APP and bool(env.get("VTE_VERSION")) and not env.get("TMUX")


VTE_EXPLICIT = "\x1b[8l"   # BDSM reset: the terminal shows cells in the order sent
VTE_IMPLICIT = "\x1b[8h"   # BDSM set: the terminal's default, restored on exit


@dataclass(frozen=True, slots=True)
class Glyph:
    """One terminal cell's worth of text (a letter with its marks) and where it came from."""

    text: str
    index: int      # logical index (in the laid-out text) of the base character
    width: int      # cells


@dataclass(frozen=True, slots=True)
class VisualLine:
    """A wrapped line ready to paint: glyphs in visual order, left to right.

    ``start``/``end`` are the logical range of the line in the laid-out text; ``rtl`` says
    whether the paragraph reads right to left (and so is right-aligned).
    """

    start: int
    end: int
    glyphs: tuple[Glyph, ...]
    rtl: bool

    @property
    def width(self) -> int:
        return sum(g.width for g in self.glyphs)

    @property
    def text(self) -> str:
        return "".join(g.text for g in self.glyphs)

    def column_of(self, index: int) -> int | None:
        """Visual column (cells from the line's left edge) of logical ``index``, if shown."""
        column = 0
        for glyph in self.glyphs:
            if glyph.index == index:
                return column
            column += glyph.width
        return None


_RESHAPER = ArabicReshaper(configuration={
    "delete_harakat": False, "delete_tatweel": False, "support_ligatures": False,
    "shift_harakat_position": False,
})
_LAM_FORMS = {"\ufedd": False, "\ufedf": False, "\ufee0": True, "\ufede": True}  # joined before?
_LAM_ALEF = {"\u0627": ("\ufefb", "\ufefc"), "\u0623": ("\ufef7", "\ufef8"),
             "\u0625": ("\ufef9", "\ufefa"), "\u0622": ("\ufef5", "\ufef6")}
_INVISIBLE_TYPES = frozenset(uba.X9_REMOVED)   # explicit embeddings/overrides, BN
_ISOLATES = frozenset(("LRI", "RLI", "FSI", "PDI"))
_TRAILING_TYPES = frozenset(("WS", "S", "B", *uba.X9_REMOVED, *_ISOLATES))
_STRONG = frozenset(("L", "R", "AL"))
_EMBEDDINGS = re.compile("[\u202a-\u202e]")   # LRE RLE PDF LRO RLO: they open new levels
_SEPARATORS = re.compile("[\t\x0b\x1f\r\x1c-\x1e\x85\u2029]")   # bidi classes S and B


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


def shape(text: str) -> list[str]:
    """Presentation form of each character of ``text`` ("" when merged into a ligature).

    One entry per input character so offsets survive shaping: in «لا» the lam becomes the
    lam-alef ligature and the alef an empty string.
    """
    shaped = list(_RESHAPER.reshape(text)) if text else []
    if len(shaped) != len(text):          # defensive: never lose the offset map
        return list(text)
    for i, char in enumerate(text):
        if char in _LAM_ALEF and i > 0:
            j = i - 1
            while j >= 0 and _is_mark(text[j]):
                j -= 1
            if j >= 0 and text[j] == "\u0644" and shaped[j] in _LAM_FORMS:
                shaped[j] = _LAM_ALEF[char][_LAM_FORMS[shaped[j]]]
                shaped[i] = ""
    return shaped


def paragraph_levels(text: str, base: int | None = None) -> tuple[int, list[int]]:
    """Base level and resolved embedding level of every character of ``text``.

    ``base`` forces the paragraph direction (0 left-to-right, 1 right-to-left); by default
    it comes from the first strong character (rule P2). Uses python-bidi's implementation
    of rules X1-I2. Explicit formatting characters, which that implementation drops (rule
    X9), take the level of the character before them. Isolate formatters (LRI, RLI, FSI,
    PDI), which it does not know, count as neutrals, as they do outside their isolate.
    """
    storage = uba.get_empty_storage()
    base = uba.get_base_level(text) if base is None else base
    storage["base_level"] = base
    storage["base_dir"] = ("L", "R")[base]
    uba.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
        if char["type"] in _ISOLATES:
            char["type"] = char["orig"] = "ON"
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels = [-1] * len(text)
    for char in storage["chars"]:
        levels[char["index"]] = char["level"]
    previous = base
    for index, level in enumerate(levels):
        if level < 0:
            levels[index] = previous
        previous = levels[index]
    return base, levels


@lru_cache(maxsize=32)
def _embedded_paragraph_levels(paragraph: str, base: int) -> tuple[int, ...]:
    return tuple(paragraph_levels(paragraph, base)[1])


def _first_strong(text: str, start: int, end: int) -> int:
    """Rule P2: 1 if the first strong character of ``text[start:end]`` is right-to-left."""
    for index in range(start, end):
        kind = unicodedata.bidirectional(text[index])
        if kind in _STRONG:
            return 0 if kind == "L" else 1
    return 0


def _paragraph_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Logical range of the paragraph (the text between newlines) holding ``[start, end)``."""
    para_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if para_end < 0 else para_end


def line_levels(text: str, start: int, end: int,
                base: int | None = None) -> tuple[int, list[int]]:
    """Base level and levels of ``text[start:end]`` as resolved over its whole paragraph.

    The paragraph is the stretch of ``text`` between newlines that holds the line; ``base``
    is its direction (by default its first strong character's, rule P2). Once the line's
    levels agree with the paragraph's, every line of a wrapped paragraph reorders as that
    paragraph does: «30%» after an Arabic word keeps its number an Arabic number (rule W2)
    even when the line starts at «30%», where a line resolved alone would not know it.

    Without explicit embeddings the paragraph is one level run, and rules W1-I2 look no
    further than the nearest strong character on each side, so only the line and the text
    up to those two characters are resolved: a line costs the same in a short paragraph as
    in a huge one. A paragraph with embeddings is resolved whole (and remembered).
    """
    para_start, para_end = _paragraph_of(text, start, end)
    if base is None:
        base = _first_strong(text, para_start, para_end)
    if _EMBEDDINGS.search(text, para_start, para_end):
        levels = _embedded_paragraph_levels(text[para_start:para_end], base)
        return base, list(levels[start - para_start:end - para_start])
    lo = start
    while lo > para_start:
        lo -= 1
        if unicodedata.bidirectional(text[lo]) in _STRONG:
            break
    hi = end
    while hi < para_end:
        hi += 1
        if unicodedata.bidirectional(text[hi - 1]) in _STRONG:
            break
    _, levels = paragraph_levels(text[lo:hi], base)
    return base, levels[start - lo:end - lo]


def _line_to_base(line: str, base: int, levels: list[int]) -> None:
    """Rule L1: separators, the whitespace before them and a line's trailing whitespace go
    back to the paragraph's level."""
    for match in _SEPARATORS.finditer(line):
        i = match.start()
        levels[i] = base
        i -= 1
        while i >= 0 and unicodedata.bidirectional(line[i]) in _TRAILING_TYPES:
            levels[i] = base
            i -= 1
    i = len(line) - 1
    while i >= 0 and unicodedata.bidirectional(line[i]) in _TRAILING_TYPES:
        levels[i] = base
        i -= 1


def _clusters(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Logical ranges of a base character plus its combining marks, within [start, end)."""
    clusters: list[tuple[int, int]] = []
    for i in range(start, end):
        if clusters and _is_mark(text[i]):
            clusters[-1] = (clusters[-1][0], i + 1)
        else:
            clusters.append((i, i + 1))
    return clusters


def reorder(levels: list[int]) -> list[int]:
    """Rule L2: the visual order of items with ``levels`` (indices, left to right)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min((lv for lv in levels if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order


def _glyph(text: str, shaped: list[str] | None, lo: int, hi: int, mirror: bool,
           offset: int) -> Glyph:
    """The glyph for the cluster ``text[lo:hi]``: shaped, mirrored at odd levels.

    ``offset`` is where ``text`` (a line) starts in the laid-out text.
    """
    base = text[lo]
    pieces = "".join(shaped[lo:hi]) if shaped is not None else text[lo:hi]
    if unicodedata.bidirectional(base) in _INVISIBLE_TYPES:
        pieces = ""
    elif mirror and unicodedata.mirrored(base):
        pieces = MIRRORED.get(base, base) + pieces[1:]
    if pieces == "\t":
        pieces = " "
    if pieces and unicodedata.category(base) == "Cc":
        pieces = "\ufffd"   # never send a control character to the terminal
    return Glyph(pieces, offset + lo, cell_len(pieces))


def layout_line(text: str, start: int, end: int, mode: RtlMode,
                base: int | None = None) -> VisualLine:
    """Lay out ``text[start:end]`` (one display line) for ``mode`` (``auto`` resolved first).

    ``base`` is the direction of the paragraph the line belongs to (see
    :func:`wrap_paragraphs`); by default that paragraph's own. The line's levels are the
    paragraph's (:func:`line_levels`), so a wrapped line reads as its part of the whole
    paragraph, and a long article still costs only the lines on screen. In ``terminal`` and
    ``off`` modes the glyphs stay in logical order; ``terminal`` still right-aligns
    right-to-left paragraphs, since the terminal reorders only within the cells it is given.
    """
    mode = choose_mode(mode)
    line = text[start:end]
    if mode is not RtlMode.APP:
        if base is None:
            base = _first_strong(text, *_paragraph_of(text, start, end))
        rtl = mode is RtlMode.TERMINAL and base == 1
        glyphs = tuple(_glyph(line, None, lo, hi, False, start)
                       for lo, hi in _clusters(line, 0, len(line)))
        return VisualLine(start, end, glyphs, rtl)
    base, levels = line_levels(text, start, end, base)
    _line_to_base(line, base, levels)
    shaped = shape(line)
    clusters = _clusters(line, 0, len(line))
    cluster_levels = [levels[lo] for lo, _ in clusters]
    glyphs = tuple(_glyph(line, shaped, *clusters[k], cluster_levels[k] % 2 == 1, start)
                   for k in reorder(cluster_levels))
    return VisualLine(start, end, glyphs, base == 1)


_PIECES = re.compile(r"[ \t]+|[^ \t]+")   # a tab is shown as one space


def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` to ``width`` cells, in logical order.

    Returns logical ranges; the spaces a line breaks at belong to no line. A word longer
    than the width is cut. Works word by word, so a long article wraps in milliseconds.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    line_start, cells, content_end = start, 0, start
    for match in _PIECES.finditer(text, start, end):
        lo, hi = match.span()
        if text[lo] in " \t":
            cells += hi - lo
            continue
        needed = cell_len(match.group())
        if cells + needed <= width:
            cells += needed
            content_end = hi
            continue
        if content_end > line_start:
            lines.append((line_start, content_end))
        line_start, cells = lo, 0
        while needed > width:
            cut, used = lo, 0
            while cut < hi and used + cell_len(text[cut]) <= width:
                used += cell_len(text[cut])
                cut += 1
            cut = max(cut, lo + 1)
            lines.append((lo, cut))
            lo = line_start = cut
            needed = cell_len(text[lo:hi])
        cells = needed
        content_end = hi
    if line_start < end or not lines:
        lines.append((line_start, end))
    return lines


def wrap_paragraphs(text: str, width: int) -> list[tuple[int, int, int]]:
    """``(start, end, base level)`` of every display line, paragraph by paragraph."""
    spans: list[tuple[int, int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        base = uba.get_base_level(paragraph) if paragraph else 0
        spans.extend((lo, hi, base) for lo, hi in wrap(text, start, end, width))
        start = end + 1
    return spans


def layout(text: str, width: int, mode: RtlMode) -> list[VisualLine]:
    """Every display line of ``text`` wrapped to ``width`` cells, laid out for ``mode``."""
    return [layout_line(text, lo, hi, mode, base) for lo, hi, base in wrap_paragraphs(text, width)]


@cache
def visual(text: str, mode: RtlMode = RtlMode.APP) -> str:
    """One line of ``text`` (a name, a title) in display order, for plain labels."""
    flat = " ".join(text.split())
    return layout_line(flat, 0, len(flat), mode).text
