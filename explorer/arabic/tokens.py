"""Tokens with character offsets into the original text.

A word keeps its diacritics and tatweel; punctuation and quotation marks are separate tokens,
so «وقال ترامب:» gives «وقال», «ترامب», «:». ``text[t.start:t.end] == t.text`` always holds.
A bidi control made visible at load time («[RLE]», :mod:`explorer.corpus.sanitize`) is one
mark, not a word between brackets: no name, place or quote may begin with it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from explorer.corpus.sanitize import BIDI_MARKERS

# The visible bidi controls as tokens: no entity begins or ends with one.
MARKER_TOKENS = frozenset(BIDI_MARKERS.values())
# A word: letters/digits plus Arabic combining marks and tatweel, allowing an inner
# apostrophe or hyphen between letters (O'Brien, Saint-Denis) and a decimal point in numbers.
_WORD = r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
_TOKEN = re.compile(
    "|".join(map(re.escape, MARKER_TOKENS))  # «[RLE]»
    + rf"|\d+(?:[.,٫٬]\d+)+"                        # 3.5, 1,200, ٣٫٥
    rf"|{_WORD}+(?:['’\-]{_WORD}+)*"  # words
    r"|[^\w\s]",                      # any other single visible character
)


class Token(NamedTuple):
    """A token and its offsets; ``is_word`` is false for punctuation and other marks.

    A named tuple rather than a dataclass: an article has thousands of tokens, and the
    rules ask ``is_word`` of each many times, so it is stored, not computed.
    """

    start: int
    end: int
    text: str
    is_word: bool


def word_like(text: str) -> bool:
    """Whether a token's text is a word or number (not punctuation or another mark)."""
    return text[:1].isalnum() or text[:1] == "_"


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` in order, with offsets."""
    # ``tuple.__new__`` rather than ``Token(...)``: the named tuple's own constructor is a
    # Python function, a tenth of the cost of tokenising, for nothing more.
    new = tuple.__new__
    return [new(Token, (m.start(), m.end(), word, word_like(word)))
            for m in _TOKEN.finditer(text) for word in (m.group(),)]


_LINE_BREAK = re.compile("\n")


def line_break_offsets(text: str) -> list[int]:
    """Offsets of the line breaks («\\n») in ``text``, in order."""
    return [match.start() for match in _LINE_BREAK.finditer(text)]


# A dot after a lone letter is an abbreviation, not a sentence end: «د. عبدالله النجار»
# (doctor), «أ. جلوي» (professor), «م. فهد» (engineer), «(د. ب. أ)» (an agency); but «ه.»
# ends a sentence with its Hijri year («... 10 شوال 1436 ه. وحسب البيان»).
_SENTENCE_END = re.compile(
    r"(?<=[.!?؟…])(?<![\s(.][\u0621-\u0646\u0648-\u064a]\.)\s+|\n\s*\n|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line: split after . ! ? ؟ … and at line breaks."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > pos:
            spans.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
