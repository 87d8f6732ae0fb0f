"""From per-token tags to entity mentions with exact character spans in the text.

Corpus tokens carry proclitics (ANERcorp tags «والعراق» as a place), so a tagger does
too; a mention must not: «وقال ترامب» gives «ترامب», «بالعراق» gives «العراق». Only a
clitic that leaves a known name, or a conjunction و/ف before a long stem, or a
preposition before an «ال» form of a place or body, is cut; «وليد» and «لبنان» stay whole.
A person's name is mostly one the lists do not know, and many begin with a letter that
could be a clitic («فيديريكا», «ويليان»), so a person loses a clitic only when what is left
is a known name or a word the same article writes alone («لدرويش» beside «درويش»), or a
«و» that is not the W of a foreign name («ومورجان», not «ويلفريد»).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from explorer.analysis.ner.conll import spans
from explorer.analysis.ner.resources import curated_given_names
from explorer.arabic.normalize import fold, offset_after_letters
from explorer.arabic.tokens import MARKER_TOKENS, Token
from explorer.model import Entity

_CONJUNCTIONS = frozenset(("و", "ف"))
# Letter sequences that can stand before a name: conjunction, then preposition.
_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
# A shorter rest written alone is too often an ordinary word («لوكاس» → «وكاس»).
_MIN_WRITTEN_ALONE = 5
_MIN_CONJUNCTION_KEY = 5
# «و» before a definite word: a W-name that begins so has a short rest («والتر», «والش»).
_AND_THE = "وال"
_MIN_AFTER_AND_THE = 4
_MARKS = "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"  # tatweel, harakat


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


def clitic_letters(word: str, kind: str, known: Callable[[str], bool],
                   written: frozenset[str] = frozenset()) -> int:
    """How many leading letters of ``word`` are proclitics outside a ``kind`` mention;
    ``written`` holds the folded words of the article."""
    key = fold(word)
    if kind == "PERS" and _and_before_name(key):
        return 1
    if known(key):
        return 0
    cuts = proclitic_cuts(key)
    for skip, form in cuts:
        if known(form):
            return skip
    if kind == "PERS":
        alone = next((skip for skip, form in cuts
                      if len(form) >= _MIN_WRITTEN_ALONE and form in written), 0)
        if alone or not _conjunction_before_name(word, key):
            return alone
        return 1
    for skip, form in reversed(cuts):
        if kind != "PERS" and form.startswith("ال") and len(form) > 3:
            return skip
    if key[:1] in _CONJUNCTIONS and len(key) >= _MIN_CONJUNCTION_KEY:
        return 1
    return 0


def _and_before_name(key: str) -> bool:
    """Whether a person's first word is «و» before a surname with the article («كالصوفي
    و[البيروني]») or before a given name that is not one itself («قاسم و[علي]
    اللاجامي»; «وليد», «وسام» are names): the corpora list many such words whole, as
    their tokens keep the clitic. A W-name that begins «وال» has a short rest («والتر»,
    «والش», «والتون»)."""
    if not key.startswith("و"):
        return False
    if key.startswith(_AND_THE):
        return len(key) - len(_AND_THE) >= _MIN_AFTER_AND_THE
    given = curated_given_names()
    return key[1:] in given and key not in given


def _conjunction_before_name(word: str, key: str) -> bool:
    """Whether a person's first word, unknown, is «و» + a name: news writes a foreign
    W-name with «وي/وا» («ويليان», «والتر»), never «وأ» («وأدريان»), and a name after
    «ف» is rare («فابيوس»)."""
    if key[:1] != "و" or len(key) < _MIN_CONJUNCTION_KEY:
        return False
    second = word[word.index("و") + 1:].lstrip(_MARKS)[:1]
    return second not in ("ا", "ي")


def entities_from_tags(text: str, tokens: Sequence[Token], tags: Sequence[str],
                       known: Callable[[str], bool]) -> list[Entity]:
    """Mentions for the B-/I- runs of ``tags`` over ``tokens`` (conlleval grouping)."""
    entities = []
    found = sorted(spans(list(tags)))
    written = frozenset(fold(token.text) for token in tokens) if found else frozenset()
    debris = _page_debris(tokens) if found and "Next Previous" in text else frozenset()
    for first, last, kind in found:
        while first < last and (tokens[first].text in MARKER_TOKENS or first in debris):
            first += 1  # «[RLE]دنقلا»: the tagger took the visible control with the place
        while last > first and (tokens[last - 1].text in MARKER_TOKENS or last - 1 in debris):
            last -= 1
        if first == last:
            continue
        token = tokens[first]
        skip = clitic_letters(token.text, kind, known, written)
        start = token.start + offset_after_letters(token.text, skip)
        end = tokens[last - 1].end
        if start < end:
            entities.append(Entity(start, end, text[start:end], kind))
    return entities


def _page_debris(tokens: Sequence[Token]) -> frozenset[int]:
    """Indices of the tokens of «Next Previous», the slider's buttons one paper's pages
    leave at the head of the text: the tagger took them for a name 257 times in the July
    news («[Next Previous]», «[Next Previous نايف عبدالله]»). Only the pair: «Next» alone
    may be a title's word."""
    return frozenset(i for k in range(len(tokens) - 1)
                     if tokens[k].text == "Next" and tokens[k + 1].text == "Previous"
                     for i in (k, k + 1))


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
