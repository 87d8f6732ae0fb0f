"""The actor index: fzf-like search over actor names in Arabic or Latin letters.

The app calls :meth:`ActorIndex.search` on every keystroke, so a query over 100,000 actors
has to answer in a few milliseconds. Python cannot loop over that many names per keystroke;
instead every name form (an actor's name and each alias) becomes one line of a large string,
``"\\n " + key + "\\x1f" + id``, where ``id`` is one character encoding the line's number. A
query term becomes a regular expression that the C regex engine runs over that string (or over
the lines of the previous query's matches, when the query only grew), and the ids of the lines
it matched come back in one ``findall``. numpy turns them into arrays to score and sort.

A form matches a query when every query term is a subsequence of it (fzf's rule), compared on:

* folded keys for Arabic terms (:mod:`explorer.search_keys`): diacritics, hamza forms, ى/ي,
  ة/ه and tatweel do not count, and a leading ال of the query term is optional;
* consonant skeletons for Latin terms: «pompeo» and «بومبيو» are both ``bmb``.

Matches are ranked by how well each term lands (start of the name, start of a word,
contiguous, scattered), then by how much of the name the query covers, then by mentions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from explorer.model import Actor
from explorer.search_keys import (
    ARABIC_LETTER,
    LATIN_LETTER,
    search_key,
    search_key_map,
    search_keys,
    skeleton,
    skeleton_map,
    skeletons,
)

_ID_BASE = 0x10000
_MAX_FORMS = 0x10FFFF - _ID_BASE
_ARTICLE = "ال"
_TAIL = "[^\\n\\x1f]*+\\x1f(.)"

# Tier bonuses per term: the whole name starts with it, a word does, it is contiguous.
_PREFIX, _WORD_START, _CONTIGUOUS = 3.0, 2.0, 1.0
_MENTION_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One actor found by a query, with the name form that matched and what to highlight."""

    index: int
    score: float
    matched: str
    positions: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Term:
    """One word of the query: ``kind`` is ``"key"`` (Arabic and digits) or ``"skeleton"``;
    ``text`` is what is matched, ``word`` the folded word as typed (for highlighting)."""

    kind: str
    text: str
    word: str


@dataclass(slots=True)
class _Previous:
    terms: tuple[_Term, ...]
    matched: np.ndarray


class _Lines:
    """One key per name form, joined into a string the regex engine scans in one call."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.lengths = np.fromiter((len(k) for k in keys), dtype=np.float64, count=len(keys))
        self.lines = np.array([f"\n {key}\x1f{chr(_ID_BASE + i)}" for i, key in enumerate(keys)],
                              dtype=object)
        self.text = "".join(self.lines.tolist())
        self._has_char: dict[str, np.ndarray] = {}
        self._codes: np.ndarray | None = None
        self._owner: np.ndarray | None = None

    def joined(self, subset: np.ndarray | None) -> str:
        return self.text if subset is None else "".join(self.lines[subset].tolist())

    def ids(self, pattern: re.Pattern[str], subset: np.ndarray | None) -> np.ndarray:
        """Numbers of the lines (of ``subset``, or all) where ``pattern`` matches, ascending."""
        found = pattern.findall(self.joined(subset))
        if not found:
            return np.empty(0, dtype=np.int64)
        codes = np.frombuffer("".join(found).encode("utf-32-le"), dtype=np.uint32)
        return codes.astype(np.int64) - _ID_BASE

    def having(self, char: str) -> np.ndarray:
        """A boolean per line: does its key contain ``char``? (computed once per character)"""
        if char not in self._has_char:
            if self._codes is None:
                joined = "".join(self.keys)
                self._codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
                self._owner = np.repeat(np.arange(len(self.keys)),
                                        self.lengths.astype(np.int64))
            present = np.zeros(len(self.keys), dtype=bool)
            present[self._owner[self._codes == ord(char)]] = True
            self._has_char[char] = present
        return self._has_char[char]


def _subsequence(text: str) -> re.Pattern[str]:
    """A pattern matching a line whose key holds ``text``'s characters in order."""
    parts = [re.escape(text[0])]
    for char in text[1:]:
        escaped = re.escape(char)
        parts.append(f"[^\\n\\x1f{escaped}]*+{escaped}")
    return re.compile("".join(parts) + _TAIL)


def _literal(text: str) -> re.Pattern[str]:
    return re.compile(re.escape(text) + _TAIL)


def parse_query(query: str) -> tuple[_Term, ...]:
    """Split a query into terms: Arabic (or digit) terms on folded keys, Latin on skeletons."""
    terms = []
    for word in search_key(query).split():
        if ARABIC_LETTER.search(word) or not LATIN_LETTER.search(word):
            bare = word
            if word.startswith(_ARTICLE) and len(word) > len(_ARTICLE):
                bare = word[len(_ARTICLE):]
            terms.append(_Term("key", bare, word))
        else:
            terms.append(_Term("skeleton", skeleton(word), word))
    return tuple(terms)


def _narrows(previous: tuple[_Term, ...], terms: tuple[_Term, ...]) -> bool:
    """Can every match of ``terms`` only be among ``previous``'s matches?"""
    return len(terms) >= len(previous) and all(
        old.kind == new.kind and new.text.startswith(old.text)
        for old, new in zip(previous, terms, strict=False))


class ActorIndex:
    """Search over the names and aliases of a sequence of actors (see the module docstring)."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self._actors = actors
        forms: list[str] = []
        owners: list[int] = []
        for index, actor in enumerate(actors):
            for form in dict.fromkeys((actor.name, *actor.aliases)):
                if form.strip():
                    forms.append(form)
                    owners.append(index)
        if len(forms) > _MAX_FORMS:
            raise ValueError(f"too many names to index: {len(forms)} (at most {_MAX_FORMS})")
        self._forms = forms
        self._owner = np.array(owners, dtype=np.int64)
        keys = search_keys(forms)
        self._lines = {"key": _Lines(keys), "skeleton": _Lines(skeletons(keys))}
        mentions = np.array([actor.mentions for actor in actors], dtype=np.float64)
        top = math.log1p(float(mentions.max())) if len(actors) else 0.0
        self._prominence = (np.log1p(mentions) / top if top else np.zeros(len(actors)))
        self._by_mentions = np.argsort(-mentions, kind="stable")
        self._previous: _Previous | None = None
        self._maps: dict[int, tuple[str, list[int], str, list[tuple[int, ...]]]] = {}

    def __len__(self) -> int:
        return len(self._actors)

    def search(self, query: str, limit: int = 500) -> list[SearchHit]:
        """The actors matching ``query``, best first, at most ``limit`` of them."""
        terms = tuple(term for term in parse_query(query) if term.text)
        if not terms:
            self._previous = None
            return [SearchHit(int(i), 0.0, self._actors[int(i)].name, ())
                    for i in self._by_mentions[:limit]]
        previous = self._previous
        start = previous.matched if previous and _narrows(previous.terms, terms) else None
        matched = self._match(terms, start)
        self._previous = _Previous(terms, matched)
        if not len(matched):
            return []
        scores = self._score(terms, matched)
        order = np.argsort(-scores, kind="stable")
        ranked = matched[order]
        _, first = np.unique(self._owner[ranked], return_index=True)
        best = np.sort(first)[:limit]
        return [self._hit(int(ranked[i]), float(scores[order[i]]), terms) for i in best]

    def _match(self, terms: tuple[_Term, ...], subset: np.ndarray | None) -> np.ndarray:
        """Numbers of the forms every term is a subsequence of (within ``subset`` if given)."""
        for term in terms:
            lines = self._lines[term.kind]
            if len(term.text) == 1:
                present = lines.having(term.text)
                subset = np.flatnonzero(present) if subset is None else subset[present[subset]]
            else:
                subset = lines.ids(_subsequence(term.text), subset)
            if not len(subset):
                break
        assert subset is not None
        return subset

    def _score(self, terms: tuple[_Term, ...], matched: np.ndarray) -> np.ndarray:
        """Tier bonuses per term, plus coverage of the name and the actor's prominence."""
        total = np.zeros(len(self._forms), dtype=np.float64)
        coverage = np.zeros(len(matched), dtype=np.float64)
        whole = len(matched) == len(self._forms)
        for term in terms:
            lines = self._lines[term.kind]
            subset = None if whole else matched
            tier = np.zeros(len(self._forms), dtype=np.float64)
            starts = [term.text]
            if term.kind == "key":
                starts.append(_ARTICLE + term.text)
            if len(term.text) == 1:
                tier[matched] = _CONTIGUOUS
            else:
                tier[lines.ids(_literal(term.text), subset)] = _CONTIGUOUS
            for start in starts:
                tier[lines.ids(_literal(" " + start), subset)] = _WORD_START
            for start in starts:
                tier[lines.ids(_literal("\n " + start), subset)] = _PREFIX
            total += tier
            coverage += len(term.text) / np.maximum(lines.lengths[matched], 1.0)
        return (total[matched] + coverage / len(terms)
                + _MENTION_WEIGHT * self._prominence[self._owner[matched]])

    def _hit(self, form: int, score: float, terms: tuple[_Term, ...]) -> SearchHit:
        shown = self._forms[form]
        if form not in self._maps:
            key, key_origin = search_key_map(shown)
            self._maps[form] = (key, key_origin, *skeleton_map(key))
        key, key_origin, skel, skel_origin = self._maps[form]
        picked: set[int] = set()
        for term in terms:
            if term.kind == "key":
                picked.update(_key_positions(key, term))
            else:
                picked.update(_skeleton_positions(key, skel, skel_origin, term))
        positions = tuple(sorted({key_origin[i] for i in picked if i < len(key_origin)}))
        return SearchHit(int(self._owner[form]), score, shown, positions)


def _term_positions(key: str, term: str, article: bool) -> list[int]:
    """Key indices to highlight for ``term``: its best contiguous place, else a subsequence."""
    starts = [term, _ARTICLE + term] if article else [term]
    first = next((len(s) - len(term) for s in starts if key.startswith(s)), -1)
    for s in starts if first < 0 else ():
        found = key.find(" " + s)
        if found >= 0:
            first = found + 1 + len(s) - len(term)
            break
    if first < 0:
        first = key.find(term)
    if first >= 0:
        return list(range(first, first + len(term)))
    return _greedy(key, term)


def _key_positions(key: str, term: _Term) -> list[int]:
    """Positions of an Arabic term, with the article when it was typed and is there."""
    positions = _term_positions(key, term.text, True)
    article = len(_ARTICLE)
    if (term.word != term.text and positions and positions[0] >= article
            and key[positions[0] - article:positions[0]] == _ARTICLE):
        positions = [*range(positions[0] - article, positions[0]), *positions]
    return positions


def _greedy(text: str, term: str) -> list[int]:
    """The leftmost placement of ``term`` as a subsequence of ``text`` (empty if none)."""
    positions, start = [], 0
    for char in term:
        found = text.find(char, start)
        if found < 0:
            return []
        positions.append(found)
        start = found + 1
    return positions


def _skeleton_positions(key: str, skel: str, origin: list[tuple[int, ...]],
                        term: _Term) -> list[int]:
    """Key indices for a skeleton match, with the vowel letters the query spelled around
    matched consonants of one word (the «و» of «بومبيو» for «pompeo»), so the highlight
    reads as a whole."""
    consonants = {index for sources in origin for index in sources}
    matched = sorted(index for place in _term_positions(skel, term.text, False)
                     for index in origin[place])
    if not matched:
        return []
    filled = set(matched)
    for left, right in zip(matched, matched[1:], strict=False):
        inside = range(left + 1, right)
        if " " not in key[left + 1:right] and not consonants.intersection(inside):
            filled.update(inside)
    vowels = "aeiouy"
    if term.word[0] in vowels:
        filled.update(_vowel_run(key, consonants, matched[0], -1))
    if term.word[-1] in vowels:
        filled.update(_vowel_run(key, consonants, matched[-1], 1))
    return sorted(filled)


def _vowel_run(key: str, consonants: set[int], index: int, step: int) -> list[int]:
    """The letters next to ``index`` (before: step -1, after: +1) up to a word boundary,
    when none of them is a consonant."""
    run = []
    index += step
    while 0 <= index < len(key) and key[index] != " ":
        if index in consonants:
            return []
        run.append(index)
        index += step
    return run
