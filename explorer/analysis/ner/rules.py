"""Corrections a reader would make to the tagger's person spans.

The CRF decides word by word and sometimes stretches a person over the word in front,
a title or an adjective («الشهير جون بون جوفي», «العاجي كولو توريه», «للشيخ القرضاوي»).
A person's name does not begin with the article, so such a first word is cut.
(Cutting at «و» inside a span or a final word with a preposition was measured on the
dev set and lost more than it won, so those stay as tagged.)

It also misses a foreign name at the end of a long title («المبعوث الأممي الخاص إلى
سوريا غير بيدرسون»): after a title and its modifiers (definite words, nationality
adjectives, prepositions, places and bodies), up to three untagged words without the
article that close the clause (punctuation or the end of the sentence follows) and end in
a word the dictionary does not list are taken for the person.
"""

from __future__ import annotations

from explorer.analysis.ner.conll import spans
from explorer.analysis.ner.features import FeatureExtractor
from explorer.analysis.ner.resources import is_known_name, nationality_key
from explorer.arabic.normalize import fold

_PREPOSITIONS = frozenset(fold(word) for word in (
    "إلى", "الى", "في", "لدى", "عن", "من", "على", "مع", "ل", "ب", "أن", "إن", "ان"))
_MAX_MODIFIERS = 6
_MAX_NAME = 3


def correct_persons(words: list[str], tags: list[str], features: FeatureExtractor) -> list[str]:
    """``tags`` with the edges of person spans corrected (see module docstring)."""
    resources = features.resources
    result = list(tags)
    for first, last, kind in sorted(spans(tags)):
        if kind != "PERS" or last - first < 2:
            continue
        key = features.keys(words[first])[0]
        if _article_word(key) and not is_known_name(resources, key):
            result[first] = "O"
            result[first + 1] = "B-PERS"
    return result


def _article_word(key: str) -> bool:
    """Whether a folded word carries the article, alone or after a proclitic."""
    return key.startswith(("ال", "وال", "فال", "بال", "لل", "كال"))


def names_after_titles(words: list[str], tags: list[str], features: FeatureExtractor
                       ) -> list[str]:
    """``tags`` of one sentence with unknown names after a title chain tagged PERS."""
    resources = features.resources
    keys = [features.keys(word) for word in words]
    result = list(tags)
    for i, (key, stem) in enumerate(keys):
        if result[i] != "O" or not (key in resources.titles or stem in resources.titles
                                    or (key[:1] in "وف" and key[1:] in resources.titles)):
            continue
        j = i + 1
        while j < len(words) and j - i <= _MAX_MODIFIERS:
            word_key = keys[j][0]
            if result[j] in ("B-PERS", "I-PERS"):
                break
            if (result[j] != "O" or word_key.startswith("ال") or word_key in _PREPOSITIONS
                    or nationality_key(word_key) in resources.nationalities):
                j += 1
                continue
            break
        end = j
        while (end < len(words) and end - j < _MAX_NAME and result[end] == "O"
               and words[end][:1].isalpha() and not keys[end][0].startswith("ال")
               and keys[end][0] not in _PREPOSITIONS and keys[end][0] not in resources.titles):
            end += 1
        closed = end == len(words) or not words[end][:1].isalnum()
        if end > j and closed and features.lexical(words[end - 1]) < 2:
            result[j:end] = ["B-PERS"] + ["I-PERS"] * (end - j - 1)
    return result
