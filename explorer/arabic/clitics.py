"""Proclitic splitting for matching keys (و ف ب ل ك ال لل), done carefully.

A letter is only taken for a clitic when a plausible stem remains: «وليد» keeps its و,
«والحكومة» gives «حكومه». Offsets of the original word are never touched; this only
serves keys and features.
"""

from __future__ import annotations

from functools import lru_cache

# The letters that glue to a word's front: and, so, with, to, like.
PROCLITIC_LETTERS = frozenset("وفبلك")
# Longest first. Each entry: (prefix, minimum letters the stem must keep).
_PREFIXES: tuple[tuple[str, int], ...] = (
    ("وبال", 2), ("فبال", 2), ("وكال", 2), ("ولل", 2), ("فلل", 2),
    ("وال", 2), ("فال", 2), ("بال", 2), ("كال", 2), ("لل", 2),
    ("ال", 2),
    ("وب", 3), ("ول", 3), ("فب", 3), ("فل", 3), ("وك", 3),
    ("و", 3), ("ف", 3), ("ب", 3), ("ل", 3), ("ك", 3),
)


@lru_cache(maxsize=1 << 16)  # called for every word of every article; words repeat a lot
def strip_proclitics(word: str, *, conservative: bool = True) -> tuple[str, str]:
    """Split ``word`` into (proclitics, stem).

    With ``conservative`` a bare single-letter clitic (و ف ب ل ك) is only split when the
    stem is at least four letters, so short words such as «وزن» or «بلد» stay whole.
    """
    for prefix, min_stem in _PREFIXES:
        if not word.startswith(prefix):
            continue
        stem = word[len(prefix):]
        need = min_stem + 1 if conservative and len(prefix) == 1 else min_stem
        if len(stem) >= need:
            return prefix, stem
    return "", word


def split_leading_conjunction(word: str) -> tuple[str, str]:
    """Split only a leading و/ف (conjunctions); used where ب/ل would be too risky."""
    if len(word) > 3 and word[0] in "وف":
        return word[0], word[1:]
    return "", word


def name_variants(word_key: str) -> list[tuple[str, str]]:
    """Ways a folded word may be a name behind proclitics: ``(clitic, name form)`` pairs.

    The article is part of many names (العراق), so «والعراق» offers (و, العراق) and
    «للعراق» offers (ل, العراق); «بسوريا» offers (ب, سوريا).
    """
    prefix, stem = strip_proclitics(word_key)
    if not prefix:
        return []
    if prefix.endswith("ال"):
        return [(prefix[:-2], "ال" + stem), (prefix, stem)]
    if prefix.endswith("لل"):
        return [(prefix[:-1], "ال" + stem), (prefix, stem)]
    return [(prefix, stem)]
