"""From per-token tags to entity mentions with exact character spans in the text.

Corpus tokens carry proclitics (ANERcorp tags «والعراق» as a place), so a tagger does
too; a mention must not: «وقال ترامب» gives «ترامب», «بالعراق» gives «العراق». Only a
clitic that leaves a known name, or a conjunction و/ف before a long stem, or a
preposition before an «ال» form of a place or body, is cut; «وليد» and «لبنان» stay whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from explorer.analysis.ner.conll import spans
from explorer.arabic.normalize import fold, offset_after_letters
from explorer.arabic.tokens import Token
from explorer.model import Entity

_CONJUNCTIONS = frozenset(("و", "ف"))
# Letter sequences that can stand before a name: conjunction, then preposition.
_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def proclitic_cuts(key: str) -> list[tuple[int, str]]:
    """Possible (letters to skip, name form) cuts of a folded word, shortest first.

    A doubled «لل» is ل + a name whose «ال» lost its alif (``للعراق`` → skip 2,
    ``العراق``) or ل + a word that begins with ل (``للجنة`` → skip 1, ``لجنة``).
    """
    cuts = []
    for clitic in _CLITICS:
        rest = key[len(clitic):]
        if not key.startswith(clitic) or len(rest) < 3:
            continue
        cuts.append((len(clitic), rest))
        if clitic.endswith("ل") and rest.startswith("ل"):
            cuts.append((len(clitic) + 1, "ا" + rest))
    return sorted(cuts)


def clitic_letters(word: str, kind: str, known: Callable[[str], bool]) -> int:
    """How many leading letters of ``word`` are proclitics outside a ``kind`` mention."""
    key = fold(word)
    if known(key):
        return 0
    cuts = proclitic_cuts(key)
    for skip, form in cuts:
        if known(form):
            return skip
    for skip, form in reversed(cuts):
        if kind != "PERS" and form.startswith("ال") and len(form) > 3:
            return skip
    if key[:1] in _CONJUNCTIONS and len(key) >= 5:
        return 1
    return 0


def entities_from_tags(text: str, tokens: Sequence[Token], tags: Sequence[str],
                       known: Callable[[str], bool]) -> list[Entity]:
    """Mentions for the B-/I- runs of ``tags`` over ``tokens`` (conlleval grouping)."""
    entities = []
    for first, last, kind in sorted(spans(list(tags))):
        token = tokens[first]
        skip = clitic_letters(token.text, kind, known)
        start = token.start + offset_after_letters(token.text, skip)
        end = tokens[last - 1].end
        if start < end:
            entities.append(Entity(start, end, text[start:end], kind))
    return entities


def tags_from_entities(tokens: Sequence[Token], entities: Sequence[Entity]) -> list[str]:
    """Per-token B-/I- tags of ``entities``: a token is inside a mention it overlaps."""
    tags = ["O"] * len(tokens)
    index = 0
    for entity in sorted(entities, key=lambda e: e.start):
        while index < len(tokens) and tokens[index].end <= entity.start:
            index += 1
        inside = index
        prefix = "B-"
        while inside < len(tokens) and tokens[inside].start < entity.end:
            tags[inside] = prefix + entity.type
            prefix = "I-"
            inside += 1
    return tags
