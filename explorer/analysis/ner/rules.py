"""Corrections a reader would make to the tagger's person spans.

The CRF decides word by word and sometimes stretches a person over the word in front,
a title or an adjective («الشهير جون بون جوفي», «العاجي كولو توريه», «للشيخ القرضاوي»).
A person's name does not begin with the article, so such a first word is cut.
(Cutting at «و» inside a span or a final word with a preposition was measured on the
dev set and lost more than it won, so those stay as tagged.)
"""

from __future__ import annotations

from explorer.analysis.ner.conll import spans
from explorer.analysis.ner.features import FeatureExtractor
from explorer.analysis.ner.resources import is_known_name


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
