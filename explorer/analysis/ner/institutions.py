"""Government bodies and parties as organisations: «وزارة الخارجية التركية», «الحكومة».

The news corpora the model learns from leave ministries, governments, parliaments and
embassies untagged, but in an article they are actors that speak («أعلنت وزارة
الخارجية أن») and readers look them up. This pass marks a phrase that starts with an
institution head and runs over the definite words, nationality adjectives and names
that complete it, stopping at punctuation, function words and persons. Well-known
organisations of the curated gazetteer («التحالف الدولي», «منظمة الصحة العالمية») are marked
too wherever the tagger left them untagged.
"""

from __future__ import annotations

from functools import cache

from explorer.analysis.name_phrases import people_after_one
from explorer.analysis.ner import curated
from explorer.analysis.ner.features import FeatureExtractor
from explorer.analysis.ner.resources import folded_words, nationality_key
from explorer.arabic.normalize import fold
from explorer.arabic.verbal_nouns import is_derived_verbal_noun

_HEADS = folded_words(curated.INSTITUTION_HEADS)
# and «إلى», which folds to a word that looks definite
_STOPS = folded_words(curated.PHRASE_STOPS) | folded_words(("إلى",))
_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
_DEFINITE = ("ال", "لل", "وال", "بال", "فال", "كال", "ولل")
# «وزير الخارجية» is a title: its ministry word is part of a role, not a mention.
_MINISTERS = frozenset(fold(word) for word in ("وزير", "وزيرة", "الوزير", "الوزيرة", "وزيرا"))
MAX_WORDS = 7
# A title past the head's own complement opens the name of the person who holds it, and a
# verbal noun there is what the body did («وزارة الخارجية التركية [الالتزام]»):
# «جامعة الملك سعود [الدكتور] ...», «بلدية المندق [المهندس] ناصر العلياني»; right after the
# head it is the man a body is named after: «جامعة الملك سعود».
# «الحاكم» and «الرئيسة» are also adjectives there: «الحزب الحاكم», «اللجنة الرئيسة».
_TITLES = (folded_words(curated.TITLES) - folded_words(("الحاكم", "الرئيسة"))) \
    | folded_words(("المهندس", "المهندسة", "الفريق"))


@cache
def _head(key: str) -> bool:
    if key in _HEADS:
        return True
    return any(key.startswith(clitic) and key[len(clitic):] in _HEADS for clitic in _CLITICS
               ) or (key.startswith(("لل", "ولل")) and "ال" + key.split("لل", 1)[1] in _HEADS)


def head_positions(keys: list[str]) -> list[int]:
    """Indices of the words (folded ``keys``) that head an institution: few do."""
    return [i for i, key in enumerate(keys) if _head(key)]


def _continues(key: str, tag: str, head: str, before: str, features: FeatureExtractor,
               complement: bool = False) -> bool:
    """Whether a word after the head (and right after ``before``) still belongs to the
    institution's name; a ``complement`` is the genitive of the head or of an indefinite
    word before it («وكالة مكافحة [الاحتيال]»), which may be a verbal noun or a title."""
    if not complement and (key in _TITLES or key.startswith("ال")
                           and is_derived_verbal_noun(key[2:])):
        return False
    if tag == "B-ORG" and key.startswith("ل"):
        return False  # «الهيئة التنفيذية [لمجلس سورية الديمقراطية]»: a body of another
    if tag.endswith(("LOC", "ORG")):
        return True
    if key in _STOPS or not key[:1].isalpha() or tag.endswith("PERS"):
        return False
    if before.startswith("ال") and _head(before) and people_after_one(before, key):
        return False  # «ودعت الوزارة [المواطنين]»: a definite head takes no complement
    if key.startswith("وال"):
        return not _head(key)  # «الحكومة والبرلمان» are two bodies
    if nationality_key(key) in features.resources.nationalities:
        # «وزير الخارجية الأردني»: a masculine adjective after a feminine head
        # describes the minister, not the ministry.
        return not head.endswith("ه") or key.endswith("ه")
    return key.startswith(("ال", "لل"))


def mark_listed_organisations(tags: list[str], phrases: list[str]) -> list[str]:
    """``tags`` with each untagged gazetteer organisation phrase (``phrases``: the
    per-word phrase tags, B-ORG/I-ORG) tagged ORG."""
    result = list(tags)
    i = 0
    while i < len(tags):
        if phrases[i] != "B-ORG":
            i += 1
            continue
        end = i + 1
        while end < len(tags) and phrases[end] == "I-ORG":
            end += 1
        if all(tag == "O" for tag in result[i:end]):
            result[i:end] = ["B-ORG"] + ["I-ORG"] * (end - i - 1)
        i = end
    return result


def mark_institutions(words: list[str], tags: list[str], features: FeatureExtractor,
                      heads: list[int]) -> list[str]:
    """``tags`` of one sentence with institution phrases tagged ORG (over O and places);
    ``heads`` are the indices of the words that head an institution (:func:`head_positions`)."""
    keys = features.folded(words)
    result = list(tags)
    free = 0  # the first word after the last phrase looked at
    for i in heads:
        if i < free or result[i] != "O" or (i and keys[i - 1] in _MINISTERS):
            continue
        end = i + 1
        while end < len(words) and end - i < MAX_WORDS and _continues(
                keys[end], result[end], keys[i], keys[end - 1], features,
                end == i + 1 or not keys[end - 1].startswith(_DEFINITE)):
            end += 1
        if end - i > 1 or keys[i].startswith(("ال", "وال", "فال", "بال", "لل")):
            result[i:end] = ["B-ORG"] + ["I-ORG"] * (end - i - 1)
        free = end
    return result
