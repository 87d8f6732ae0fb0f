"""Matching keys for Arabic text: the source text is never changed, only keys are derived.

Folding follows DESIGN.md: NFKC (presentation forms), no diacritics or tatweel, أ إ آ ٱ → ا,
ى → ي, ة → ه, Latin lower-cased. Two spellings of one name give the same key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

TATWEEL = "\u0640"
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_SPACES = re.compile(r"\s+")


def strip_marks(text: str) -> str:
    """Remove diacritics and tatweel, keeping letters (and so offsets per letter) intact.

    ``_MARKS`` holds camel-tools' ``AR_DIAC_CHARSET`` and more; its ``dediac_ar`` is not
    imported because its module builds Unicode tables over every code point on import
    (1-3 s), which every worker process and every reopening of a corpus would pay.
    """
    return _MARKS.sub("", text)


_SHORT = 48  # words and names: folded so often that their keys are remembered
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_display(text: str) -> str:
    """A name as it should be shown: presentation forms as their letters, no diacritics,
    tatweel or invisible marks, one space between words («محمــــــد» → «محمد»,
    «سلمانُ» → «سلمان»). Only for display: the text itself is never changed."""
    text = _PRESENTATION.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)
    return _SPACES.sub(" ", _INVISIBLE.sub("", strip_marks(text))).strip()


def fold(text: str) -> str:
    """The search/matching key of a piece of text (see module docstring)."""
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


@lru_cache(maxsize=1 << 16)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = strip_marks(text)
    text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
    text = text.replace("ٱ", "ا")
    return _SPACES.sub(" ", text.lower()).strip()


@lru_cache(maxsize=1 << 15)
def name_key(name: str) -> str:
    """Key of a name for merging mentions: folded, each word without proclitics or ال,
    «عبد» joined to the word after it and «ابن» inside a name read as «بن»."""
    from explorer.arabic.clitics import strip_proclitics

    words = fold(name).split()
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] == "عبد":
            joined[-1] += word  # «عبد الله» is «عبدالله», «عبد ربه» is «عبدربه»
        else:
            joined.append("بن" if word == "ابن" and joined else word)
    return " ".join(strip_proclitics(word)[1] for word in joined)


def offset_after_letters(word: str, letters: int) -> int:
    """Index in ``word`` just after its first ``letters`` letters, skipping marks and tatweel.

    Maps a clitic length measured on a folded key back onto the word as written, so that
    «وَسوريا» with clitic «و» starts its name at «سوريا», after the fatha.
    """
    seen = 0
    for index, char in enumerate(word):
        if seen == letters and not _MARKS.match(char):
            return index
        if not _MARKS.match(char):
            seen += 1
    return len(word)
