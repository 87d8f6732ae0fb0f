"""Consistency inside one article: a name tagged once is the same name everywhere.

News names an actor in full once («دونالد ترامب») and by surname after («ترامب»), and
the tagger misses some of the later, shorter mentions. This pass collects the phrases
the tagger did mark (and the surnames of marked persons) and tags their other
occurrences that it left untagged.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache

from explorer.analysis.ner.conll import spans
from explorer.analysis.ner.features import FeatureExtractor
from explorer.analysis.ner.resources import Resources, nationality_key

MAX_WORDS = 4


def propagate(words: list[str], tags: list[str], features: FeatureExtractor,
              resources: Resources, sentence_starts: frozenset[int] = frozenset()
              ) -> list[str]:
    """``tags`` with further mentions of already tagged names filled in; a filled-in
    mention never runs over one of ``sentence_starts``."""
    stems = features.stems(words)
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for first, last, kind in sorted(spans(tags)):
        votes[tuple(stems[first:last])][kind] += 1
        if kind == "PERS" and last - first > 1:
            votes[(stems[last - 1],)]["PERS"] += 1
    if not votes:
        return tags
    known = {phrase: counts.most_common(1)[0][0] for phrase, counts in votes.items()
             if len(phrase) > 1 or _may_stand_alone(phrase[0], resources)}
    firsts = {phrase[0] for phrase in known}  # most words start no known phrase
    result = list(tags)
    i = 0
    while i < len(words):
        if result[i] != "O" or stems[i] not in firsts:
            i += 1
            continue
        for size in range(MAX_WORDS, 0, -1):
            phrase = tuple(stems[i:i + size])
            if (len(phrase) == size and phrase in known
                    and all(tag == "O" for tag in result[i:i + size])
                    and not any(j in sentence_starts for j in range(i + 1, i + size))):
                kind = known[phrase]
                result[i:i + size] = ["B-" + kind] + ["I-" + kind] * (size - 1)
                i += size
                break
        else:
            i += 1
    return result


def _may_stand_alone(stem: str, resources: Resources) -> bool:
    """Whether one word, tagged as (part of) a name somewhere in an article, may be tagged
    wherever else it stands alone: not a dictionary word, nor a nationality adjective,
    which the tagger may take for the end of a name and which is everywhere in an article
    about its people («اللغة العربية», «الآثار العربية»)."""
    return stem not in resources.lexicon and nationality_key(stem) not in resources.nationalities


def document_features(words: list[str], tags: list[str],
                      features: FeatureExtractor) -> list[tuple[str, ...]]:
    """Per-word features from a first tagging of the whole article, for the second pass.

    For each word: its own and its neighbours' first-pass tags, and how the same stem
    was tagged elsewhere in the article (as what type, as the surname that ends a full
    person name, or as nothing), not counting this occurrence.
    """
    stems = features.stems(words)
    types = [tag[2:] or "O" for tag in tags]
    seen: dict[str, dict[str, int]] = {}  # stem → label → times, labels in order met
    for (stem, label), times in Counter(zip(stems, types, strict=True)).items():
        seen.setdefault(stem, {})[label] = times
    for first, last, kind in spans(tags):
        if kind == "PERS" and last - first > 1:
            labels = seen[stems[last - 1]]
            labels["SURNAME"] = labels.get("SURNAME", 0) + 1
    result = []
    for around, stem, own in zip(zip(["edge", *tags], tags, [*tags[1:], "edge"], strict=False),
                                 stems, types, strict=True):  # shifted: one longer than tags
        extra = _around(around)
        if len(stem) > 1 and stem[0].isalpha():
            labels = seen[stem]
            if len(labels) > 1 or labels[own] > 1:  # most stems occur once, here
                extra += _elsewhere(labels, own)
        result.append(extra)
    return result


@cache
def _around(tags: tuple[str, str, str]) -> tuple[str, ...]:
    """The features of a word's first-pass tag and its neighbours' (built once each)."""
    previous, tag, following = tags
    return ("y1=" + tag, "y1-1=" + previous, "y1+1=" + following)


def _elsewhere(labels: dict[str, int], own: str) -> tuple[str, ...]:
    """The doc features of a stem tagged ``labels`` in the article, once as ``own`` here."""
    extra = []
    for label, times in labels.items():
        times -= label == own
        if times > 0:
            extra.append("doc=" + label)
            if label != "O" and times > 1:
                extra.append("doc2=" + label)
    return tuple(extra)
