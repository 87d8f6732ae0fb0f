"""The actor index: fzf-like search over actor names in Arabic or Latin letters.

The app calls :meth:`ActorIndex.search` on every keystroke, so a query over 100,000 actors
has to answer in a few milliseconds, and Python cannot loop over that many names in that time.
So every name form (an actor's name and each alias) becomes one line of a single array of
code points, and each character gets a posting list: the sorted positions where it occurs.
Matching a term is then a handful of numpy operations over whole arrays:

* the lines where a term is a subsequence, with the end of its leftmost placement in each, and
  one more typed letter is one ``searchsorted`` of those ends in that letter's posting list
  (fzf's narrowing: only the previous candidates are looked at);
* the positions where the term occurs contiguously, narrowed by comparing the next code point,
  which also tells whether it starts a word.

A form matches a query when every query term is a subsequence of it (fzf's rule), compared on:

* folded keys for Arabic terms (:mod:`explorer.search_keys`): diacritics, hamza forms, ى/ي,
  ة/ه and tatweel do not count, and a leading ال of the query term is optional;
* consonant skeletons for Latin terms: «pompeo» and «بومبيو» are both ``bmb``.

Matches are ranked by how well each term lands (a whole word, at the start of a word,
contiguous, scattered), then by whether the terms stand in the name in the order typed (so
«وليد مؤيد عباس» typed in full comes before «مؤيد وليد عباس»), by how much of the name the
query covers, then by the actor's mentions. A Latin term is a whole word only where the word
as written also sounds like it (:func:`explorer.search_keys.sounds_alike`): «pompeo» shares
the skeleton ``bmb`` with «بومباي» and «PMP», but is all of «بومبيو» alone.

When no name holds the query, a mistyped letter is the likely cause («trunp», «بومبيوو»), and
fzf would show nothing. Then every query term is compared by edit similarity (rapidfuzz's C++
``ratio``) with the distinct name words that start with the same letter (people rarely
mistype the first letter, and skeletons are short enough that any pair of them is otherwise
one edit apart), and names whose words come close to every term are offered, ranked by it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

import numpy as np
from rapidfuzz import fuzz, process

from explorer.model import Actor
from explorer.search_keys import (
    ARABIC_LETTER,
    LATIN_LETTER,
    char_key,
    search_key,
    search_key_map,
    search_keys,
    skeleton,
    skeleton_map,
    skeletons,
    sounds_alike,
)

_ARTICLE = "ال"
_LATIN_VOWELS = "aeiouy"
_NEWLINE, _SPACE = ord("\n"), ord(" ")
_LEAD = "\0\0\0\n"  # room before the first line to look behind a word for the article

# Tier bonuses per term: it is a whole word, a word starts with it, it is contiguous (else it
# is scattered). A whole word outranks the rest whatever their order, coverage and mentions
# add (under 2). Terms in the order typed outrank any difference of mentions (under 0.5).
_WHOLE, _WORD_START, _CONTIGUOUS = 4.0, 2.0, 1.0
_MENTION_WEIGHT = 0.5
_IN_ORDER = 0.5
_RECENT_WHOLES = 16   # terms whose whole-word places are kept
# Typo fallback: terms this long or longer, words at least this similar (0–100).
_FUZZY_MIN_TERM, _FUZZY_CUTOFF, _FUZZY_WORDS = 3, 75.0, 64


class SearchHit:
    """One actor found by a query, with the name form that matched and what to highlight.

    ``positions`` (code-point indices into ``matched``) are worked out when first read: a
    query returns hundreds of hits and a screen shows a few dozen, so the work is done for
    the rows drawn, not on every keystroke. A hit compares, hashes and prints as the values
    ``(index, score, matched, positions)``.
    """

    __slots__ = ("index", "score", "matched", "_positions")

    def __init__(self, index: int, score: float, matched: str,
                 positions: tuple[int, ...] | Callable[[], tuple[int, ...]]) -> None:
        self.index = index
        self.score = score
        self.matched = matched
        self._positions = positions

    @property
    def positions(self) -> tuple[int, ...]:
        if callable(self._positions):
            self._positions = self._positions()
        return self._positions

    def _values(self) -> tuple[int, float, str, tuple[int, ...]]:
        return self.index, self.score, self.matched, self.positions

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SearchHit):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        return (f"SearchHit(index={self.index}, score={self.score!r}, "
                f"matched={self.matched!r}, positions={self.positions})")


@dataclass(frozen=True, slots=True)
class _Term:
    """One word of the query: ``kind`` is ``"key"`` (Arabic and digits) or ``"skeleton"``;
    ``text`` is what is matched, ``word`` the folded word as typed (for highlighting)."""

    kind: str
    text: str
    word: str


class _Column:
    """The keys of all name forms (folded keys, or skeletons) as one array of code points,
    line after line, with a posting list per character."""

    def __init__(self, keys: list[str], article: str) -> None:
        text = _LEAD + "\n".join(keys) + "\n"
        self.codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        newlines = np.flatnonzero(self.codes == _NEWLINE)
        self.starts = newlines[:-1] + 1
        self.ends = newlines[1:]  # each line's closing newline
        self.lengths = np.maximum(self.ends - self.starts, 1).astype(np.float64)
        self.line_of = (np.cumsum(self.codes == _NEWLINE) - 1).astype(np.int32)
        self.size = len(keys)
        self.article = [ord(char) for char in article]
        self._postings: dict[str, np.ndarray] = {}
        self._letters: dict[str, tuple[_Matches, np.ndarray]] = {}
        self._sort_positions()
        # The letters that are a word alone, or behind the article: a one-letter term is a
        # whole word only there, and the letter's occurrences are too many to look through.
        gap = (self.codes == _SPACE) | (self.codes == _NEWLINE)
        ends = np.flatnonzero(~gap[1:-1] & gap[2:]) + 1
        self.single = ends[self.word_starts(ends)]

    def _sort_positions(self) -> None:
        """All posting lists at once: each character gets a one-byte slot, and a stable
        radix sort of the slots lists every character's positions in order."""
        codes = self.codes
        counts = np.bincount(codes[codes < 0x10000], minlength=0x10000)
        common = np.argsort(-counts, kind="stable")[:255]
        common = common[counts[common] > 0]
        table = np.zeros(0x10000, dtype=np.uint8)
        table[common] = np.arange(1, len(common) + 1, dtype=np.uint8)
        slots = table[np.minimum(codes, 0xFFFF)]
        slots[codes > 0xFFFF] = 0
        order = np.argsort(slots, kind="stable").astype(np.int32)
        bounds = np.concatenate(([0], np.cumsum(np.bincount(slots, minlength=256))))
        for slot, code in enumerate(common.tolist(), 1):
            self._postings[chr(code)] = order[bounds[slot]:bounds[slot + 1]]

    def postings(self, char: str) -> np.ndarray:
        """Sorted positions of ``char`` in the codes."""
        found = self._postings.get(char)
        if found is None:  # a rare character (or none of the names has it)
            found = self._postings[char] = np.flatnonzero(self.codes == ord(char))
        return found

    def letter(self, char: str) -> tuple[_Matches, np.ndarray]:
        """Where a one-letter term lies, and its tier per line (made once per letter: the
        first keystroke touches the most names)."""
        found = self._letters.get(char)
        if found is None:
            matches = _Matches.of(self, char)
            tier = np.zeros(self.size + 1, dtype=np.float64)
            tier[matches.lines] = _CONTIGUOUS
            occurrences = matches.occurrences
            tier[self.line_of[occurrences[self.word_starts(occurrences)]]] = _WORD_START
            found = self._letters[char] = matches, tier
        return found

    def tiers(self, matches: _Matches, lines: np.ndarray) -> np.ndarray:
        """For each of ``lines``: does the term start a word there, or is it contiguous?"""
        if len(matches.text) == 1:
            return self.letter(matches.text)[1][lines]
        occurrences = matches.occurrences
        contiguous = self.line_of[occurrences]
        starting = contiguous[self.word_starts(occurrences)]
        tier = np.zeros(self.size + 1, dtype=np.float64)
        tier[contiguous] = _CONTIGUOUS
        tier[starting] = _WORD_START
        return tier[lines]

    def word_starts(self, positions: np.ndarray) -> np.ndarray:
        """Which ``positions`` start a word, or follow an article that starts one."""
        starts, after_article = self.start_kinds(positions)
        return starts | after_article

    def start_kinds(self, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Which ``positions`` start a word, and which follow an article that starts one."""
        codes = self.codes
        before = codes[positions - 1]
        starts = (before == _SPACE) | (before == _NEWLINE)
        behind = positions - len(self.article)
        boundary = codes[behind - 1]
        after_article = (boundary == _SPACE) | (boundary == _NEWLINE)
        for offset, letter in enumerate(self.article):
            after_article &= codes[behind + offset] == letter
        return starts, after_article

    def whole_words(self, matches: _Matches, suffix: str = "") -> tuple[np.ndarray, np.ndarray]:
        """The contiguous occurrences of a term (followed by the one letter ``suffix``, if
        any) that are a whole word, behind its article or not, and which are behind it."""
        occurrences = matches.occurrences
        if len(matches.text) == 1 and not suffix:
            occurrences = self.single[self.codes[self.single] == ord(matches.text)]
        end = occurrences + len(matches.text)
        if suffix:
            followed = self.codes[end] == ord(suffix)
            occurrences, end = occurrences[followed], end[followed] + 1
        after = self.codes[end]
        occurrences = occurrences[(after == _SPACE) | (after == _NEWLINE)]
        starts, after_article = self.start_kinds(occurrences)
        whole = starts | after_article
        return occurrences[whole], after_article[whole]


@dataclass(slots=True)
class _Matches:
    """Where one term lies: the lines holding it as a subsequence (ascending), the position
    after its leftmost placement in each, and the start positions of its contiguous
    occurrences."""

    text: str
    lines: np.ndarray
    ends: np.ndarray
    occurrences: np.ndarray

    @classmethod
    def of(cls, column: _Column, text: str) -> _Matches:
        positions = column.postings(text[0])
        lines = column.line_of[positions]
        first = np.ones(len(positions), dtype=bool)
        first[1:] = lines[1:] != lines[:-1]
        found = cls(text[0], lines[first], positions[first] + 1, positions)
        return found.extended(column, text[1:])

    def extended(self, column: _Column, more: str) -> _Matches:
        """The matches of ``self.text + more``, found among these matches only."""
        found = self
        for char in more:
            positions = column.postings(char)
            if not len(positions) or not len(found.lines):
                empty = np.empty(0, dtype=np.int64)
                return _Matches(self.text + more, empty, empty, empty)
            after = np.searchsorted(positions, found.ends)
            nearest = positions[np.minimum(after, len(positions) - 1)]
            inside = (after < len(positions)) & (nearest < column.ends[found.lines])
            occurrences = found.occurrences
            occurrences = occurrences[column.codes[occurrences + len(found.text)] == ord(char)]
            found = _Matches(found.text + char, found.lines[inside], nearest[inside] + 1,
                             occurrences)
        return found


@dataclass(slots=True)
class _Previous:
    """The last query's terms and where each lies, to narrow from on the next keystroke."""

    terms: tuple[_Term, ...]
    matches: list[_Matches]


def parse_query(query: str) -> tuple[_Term, ...]:
    """Split a query into terms: Arabic (or digit) terms on folded keys, Latin on skeletons."""
    terms = []
    for word in search_key(query).split():
        if ARABIC_LETTER.search(word) or not LATIN_LETTER.search(word):
            # «ال» alone is an article being typed: it matches everything until a letter follows
            bare = word[len(_ARTICLE):] if word.startswith(_ARTICLE) else word
            terms.append(_Term("key", bare, word))
        else:
            terms.append(_Term("skeleton", skeleton(word), word))
    return tuple(terms)


class ActorIndex:
    """Search over the names and aliases of a sequence of actors (see the module docstring)."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self._actors = actors
        forms: list[str] = []
        owners: list[int] = []
        for index, actor in enumerate(actors):
            forms.append(actor.name)
            owners.append(index)
            for alias in actor.aliases:
                if alias != actor.name:
                    forms.append(alias)
                    owners.append(index)
        self._forms = forms
        self._owner = np.array(owners, dtype=np.int64)
        self._max_forms = int(np.bincount(self._owner).max()) if forms else 1
        # Aliases repeat across actors (every «... ترامب» has «ترامب»): key each text once.
        distinct = list(dict.fromkeys(forms))
        key_of = dict(zip(distinct, search_keys(distinct), strict=True))
        self._keys = keys = [key_of[form] for form in forms]
        distinct = list(dict.fromkeys(keys))
        skeleton_of = dict(zip(distinct, skeletons(distinct), strict=True))
        self._texts = {"key": keys, "skeleton": [skeleton_of[key] for key in keys]}
        self._columns = {"key": _Column(keys, _ARTICLE),
                         "skeleton": _Column(self._texts["skeleton"], "l")}
        self._word_table = _WordTable(keys, self._columns["skeleton"])
        self._whole_cache: dict[tuple[str, str, str], _WholeWords] = {}
        self._recent_wholes: dict[tuple[str, str, str], _WholeWords] = {}
        mentions = np.array([actor.mentions for actor in actors], dtype=np.float64)
        top = math.log1p(float(mentions.max())) if len(actors) else 0.0
        self._prominence = (np.log1p(mentions) / top if top else np.zeros(len(actors)))
        self._by_mentions = np.argsort(-mentions, kind="stable")
        self._previous: _Previous | None = None
        self._word_forms: dict[str, dict[str, dict[str, list[int]]]] = {}
        self._key_maps: dict[int, tuple[str, Sequence[int]]] = {}
        self._skeleton_maps: dict[int, tuple[str, list[_Sounds]]] = {}

    def __len__(self) -> int:
        return len(self._actors)

    def search(self, query: str, limit: int = 500) -> list[SearchHit]:
        """The actors matching ``query``, best first, at most ``limit`` of them."""
        terms = tuple(term for term in parse_query(query) if term.text)
        if not terms:
            self._previous = None
            return [SearchHit(int(i), 0.0, self._actors[int(i)].name, ())
                    for i in self._by_mentions[:limit]]
        matches = self._locate(terms)
        self._previous = _Previous(terms, matches)
        matched = matches[0].lines
        for found in matches[1:]:
            inside = np.zeros(len(self._forms) + 1, dtype=bool)
            inside[found.lines] = True
            matched = matched[inside[matched]]
        if limit <= 0:
            return []
        if not len(matched):
            return self._near_misses(terms, limit)
        scores = self._score(terms, matches, matched)
        if len(matched) > limit * self._max_forms:
            # Only the best entries can hold the best `limit` actors; ties are all kept.
            cut = len(matched) - limit * self._max_forms
            keep = scores >= np.partition(scores, cut)[cut]
            matched, scores = matched[keep], scores[keep]
        scores += _IN_ORDER * self._in_order(terms, matched)
        order = np.lexsort((matched, -scores))
        ranked, ranked_scores = matched[order], scores[order]
        _, first = np.unique(self._owner[ranked], return_index=True)
        best = np.sort(first)[:limit]
        locators = [_Locator(term) for term in terms]
        owner, forms = self._owner, self._forms
        return [SearchHit(int(owner[form]), float(ranked_scores[i]), forms[form],
                          partial(self._positions, form, locators))
                for i in best for form in (int(ranked[i]),)]

    def _near_misses(self, terms: tuple[_Term, ...], limit: int) -> list[SearchHit]:
        """Names whose words are each close to a query term, for a query with a typo."""
        if any(len(term.text) < _FUZZY_MIN_TERM for term in terms):
            return []
        best: dict[int, float] | None = None
        for term in terms:
            scores: dict[int, float] = {}
            # An Arabic term is tried as typed and without its article («الهام», «هام»).
            for typed in dict.fromkeys((term.word, term.text) if term.kind == "key"
                                       else (term.text,)):
                words = self._words(term.kind).get(typed[0], {})
                for word, score, _ in process.extract(typed, list(words), scorer=fuzz.ratio,
                                                       score_cutoff=_FUZZY_CUTOFF,
                                                       limit=_FUZZY_WORDS):
                    for form in words[word]:
                        scores[form] = max(scores.get(form, 0.0), score)
            best = scores if best is None else {
                form: best[form] + score for form, score in scores.items() if form in best}
        ranked = sorted((best or {}).items(), key=lambda item: (
            -item[1] - _MENTION_WEIGHT * self._prominence[self._owner[item[0]]], item[0]))
        hits: list[SearchHit] = []
        seen: set[int] = set()
        for form, score in ranked:
            owner = int(self._owner[form])
            if owner not in seen:
                seen.add(owner)
                hits.append(SearchHit(owner, score / 100 / len(terms), self._forms[form], ()))
            if len(hits) == limit:
                break
        return hits

    def _words(self, kind: str) -> dict[str, dict[str, list[int]]]:
        """First letter → each distinct word of the names' keys (or skeletons) starting with
        it → the forms holding it; built on the first query that needs it."""
        if kind not in self._word_forms:
            keys = self._keys if kind == "key" else skeletons(self._keys)
            words: dict[str, dict[str, list[int]]] = {}
            for form, key in enumerate(keys):
                for word in set(key.split()):
                    words.setdefault(word[0], {}).setdefault(word, []).append(form)
            self._word_forms[kind] = words
        return self._word_forms[kind]

    def _locate(self, terms: tuple[_Term, ...]) -> list[_Matches]:
        """Where each term lies, narrowed from the previous query's term when it only grew."""
        previous = self._previous
        located = []
        for number, term in enumerate(terms):
            column = self._columns[term.kind]
            before = (previous.terms[number] if previous and number < len(previous.terms)
                      else None)
            if before is not None and before.kind == term.kind and term.text.startswith(
                    before.text):
                assert previous is not None
                located.append(previous.matches[number].extended(
                    column, term.text[len(before.text):]))
            elif len(term.text) == 1:
                located.append(column.letter(term.text)[0])
            else:
                located.append(column.letter(term.text[0])[0].extended(column, term.text[1:]))
        return located

    def _score(self, terms: tuple[_Term, ...], matches: list[_Matches],
               matched: np.ndarray) -> np.ndarray:
        """Per term a tier (it is a whole word, a word starts with it, it is contiguous, it
        is scattered), plus how much of the name the query covers and the actor's
        prominence."""
        total = np.zeros(len(matched), dtype=np.float64)
        coverage = np.zeros(len(matched), dtype=np.float64)
        for term, found in zip(terms, matches, strict=True):
            column = self._columns[term.kind]
            tier = column.tiers(found, matched)
            covered = len(term.text) / column.lengths[matched]
            for places, shares in self._whole(term, found, matched):
                tier[places] = _WHOLE
                np.maximum.at(covered, places, shares)
            total += tier
            coverage += covered
        return (total + coverage / len(terms)
                + _MENTION_WEIGHT * self._prominence[self._owner[matched]])

    def _in_order(self, terms: tuple[_Term, ...], matched: np.ndarray) -> np.ndarray:
        """1 for each of the ``matched`` lines that holds the terms one after the other, each
        contiguous, in the order typed; else 0. Looked at only after the cut to the best
        lines (a few thousand at most), and only for queries of several terms of one kind:
        a name and the same words in another order are otherwise equal."""
        result = np.zeros(len(matched), dtype=np.float64)
        kinds = {term.kind for term in terms}
        if len(terms) < 2 or len(kinds) > 1:
            return result
        texts = self._texts[kinds.pop()]
        for place, line in enumerate(matched.tolist()):
            text, end = texts[line], 0
            for term in terms:
                start = text.find(term.text, end)
                if start < 0:
                    break
                end = start + len(term.text)
            else:
                result[place] = 1.0
        return result

    def _whole(self, term: _Term, found: _Matches, matched: np.ndarray,
               ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """Where among the ``matched`` lines (ascending) the term is a whole word: places in
        ``matched`` (a line may come more than once), and the share of the line that word
        covers with its article. A Latin term is a whole word where its skeleton is one and
        the name's word sounds like it (:func:`sounds_alike`): «pompeo» is all of «بومبيو»
        but not of «بومباي» or «PMP», which have its skeleton too."""
        suffixes = [""]
        if term.kind == "skeleton" and term.word[-1] == "h" and term.text[-1:] != "h":
            suffixes.append("h")  # the skeleton's dropped final h: «saleh» is «sl» or «slh»
        for suffix in suffixes:
            words = self._whole_words(term.kind, found, suffix)
            if not len(words.lines):
                continue
            if len(matched) == len(found.lines):   # then they are the same lines
                places, here = words.places_in(found.lines)
            else:
                places, here = _places(matched, words.lines)
            if term.kind == "skeleton":
                here = here & words.alike(term.word, self._word_table.words)
            yield places[here], words.shares[here]

    def _whole_words(self, kind: str, found: _Matches, suffix: str) -> _WholeWords:
        """Where a term is a whole word: kept for a one-letter term (the most frequent), and
        for the last few others (the words of a query not being typed stay the same)."""
        key = (kind, found.text, suffix)
        cached = self._whole_cache.get(key) or self._recent_wholes.get(key)
        if cached is None:
            column = self._columns[kind]
            occurrences, behind_article = column.whole_words(found, suffix)
            lines = column.line_of[occurrences]
            shares = ((len(found.text) + len(suffix) + len(column.article) * behind_article)
                      / column.lengths[lines])
            words = (self._word_table.pairs(occurrences, behind_article) if kind == "skeleton"
                     else None)
            cached = _WholeWords(lines, shares, words)
            if len(found.text) == 1:
                self._whole_cache[key] = cached
            else:
                self._recent_wholes[key] = cached
                if len(self._recent_wholes) > _RECENT_WHOLES:
                    del self._recent_wholes[next(iter(self._recent_wholes))]
        return cached

    def _positions(self, form: int, locators: list[_Locator]) -> tuple[int, ...]:
        """The displayed letters of name form ``form`` that the query's terms matched."""
        key, origin = self._key_map(form)
        picked: list[int] = []
        for locate in locators:
            if locate.skeleton:
                picked += locate.in_skeleton(*self._skeleton_map(form, key))
            else:
                picked += locate.in_key(key)
        return tuple(sorted({origin[i] for i in picked}))

    def _key_map(self, form: int) -> tuple[str, Sequence[int]]:
        """The folded key of a form and where each key letter is in the displayed form."""
        if form not in self._key_maps:
            shown, key = self._forms[form], self._keys[form]
            if len(key) == len(shown) and all(len(char_key(c)) == 1 for c in set(shown)):
                self._key_maps[form] = key, range(len(shown))  # letter for letter
            else:
                self._key_maps[form] = search_key_map(shown)
        return self._key_maps[form]

    def _skeleton_map(self, form: int, key: str) -> tuple[str, list[_Sounds]]:
        """The skeleton of a form's key and, per skeleton letter, the key letters it covers."""
        if form not in self._skeleton_maps:
            skel, origin = skeleton_map(key)
            self._skeleton_maps[form] = skel, _sounds(key, origin)
        return self._skeleton_maps[form]


class _WordTable:
    """Which word of the names' keys each letter of the skeleton column belongs to, so that a
    Latin term matching a whole skeleton word can be compared with the word as written.

    A key's skeleton is the skeletons of its words, those left empty (all vowels) dropped,
    so the n-th word of the skeleton column is the n-th key word with a skeleton.
    """

    def __init__(self, keys: list[str], column: _Column) -> None:
        words = "\n".join(keys).split()
        distinct = list(dict.fromkeys(words))
        number = {word: place for place, word in enumerate(distinct)}
        sounding = np.array([bool(skel) for skel in skeletons(distinct)], dtype=bool)
        ids = np.fromiter(map(number.__getitem__, words), dtype=np.int32, count=len(words))
        ids = ids[sounding[ids]] if len(ids) else ids
        codes = column.codes
        gap = (codes == _SPACE) | (codes == _NEWLINE) | (codes == 0)
        starts = np.zeros(len(codes), dtype=bool)
        starts[1:] = ~gap[1:] & gap[:-1]
        ordinal = np.cumsum(starts, dtype=np.int32) - 1
        if len(ids) != int(ordinal[-1]) + 1:  # cannot be while skeletons are word by word
            ids = np.full(int(ordinal[-1]) + 1, -1, dtype=np.int32)
        self.word_at = np.where(gap, np.int32(-1), ids[np.maximum(ordinal, 0)] if len(ids)
                                else np.int32(-1))
        self.words = distinct

    def pairs(self, positions: np.ndarray, behind_article: np.ndarray,
              ) -> tuple[list[int], np.ndarray]:
        """The distinct key words at ``positions`` of the skeleton column, each as
        ``2 * word + behind_article`` (negative if unknown), and which each position holds."""
        held = self.word_at[positions].astype(np.int64) * 2 + behind_article
        ordered = np.sort(held)
        pairs = ordered[np.diff(ordered, prepend=ordered[:1] - 1) != 0]
        return pairs.tolist(), np.searchsorted(pairs, held)


class _WholeWords:
    """Where a term is a whole word: the line of each place, the share of the line the word
    covers with its article, and (skeleton column) which key word is at each place."""

    __slots__ = ("lines", "shares", "_words", "_places")

    def __init__(self, lines: np.ndarray, shares: np.ndarray,
                 words: tuple[list[int], np.ndarray] | None) -> None:
        self.lines, self.shares, self._words = lines, shares, words
        self._places: tuple[np.ndarray, np.ndarray] | None = None

    def places_in(self, lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:func:`_places` in the lines of the term's matches (always the same)."""
        if self._places is None:
            self._places = _places(lines, self.lines)
        return self._places

    def alike(self, typed: str, words: list[str]) -> np.ndarray:
        """Which places hold a word that :func:`sounds_alike` ``typed`` (each distinct
        word, with or without its article, is compared once)."""
        assert self._words is not None
        pairs, inverse = self._words
        verdicts = np.array([pair >= 0 and _sounds_alike(typed, words[pair // 2],
                                                         bool(pair % 2)) for pair in pairs],
                            dtype=bool)
        return verdicts[inverse]


def _places(lines: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each of ``wanted`` is in the ascending ``lines``, and whether it is there."""
    places = np.minimum(np.searchsorted(lines, wanted), len(lines) - 1)
    return places, lines[places] == wanted


_sounds_alike = lru_cache(maxsize=1 << 16)(sounds_alike)


@dataclass(frozen=True, slots=True)
class _Sounds:
    """The key letters behind one skeleton letter: its consonant(s), the vowel letters after it
    up to the next consonant of the word, and (for a word's first consonant) those before."""

    own: tuple[int, ...]
    tail: tuple[int, ...]
    head: tuple[int, ...]


def _sounds(key: str, origin: list[tuple[int, ...]]) -> list[_Sounds]:
    consonants = {index for sources in origin for index in sources}

    def run(index: int, step: int) -> tuple[int, ...]:
        found = []
        index += step
        while 0 <= index < len(key) and key[index] != " " and index not in consonants:
            found.append(index)
            index += step
        return tuple(found)

    sounds = []
    for place, sources in enumerate(origin):
        if not sources:
            sounds.append(_Sounds((), (), ()))
            continue
        first_in_word = place == 0 or not origin[place - 1]
        sounds.append(_Sounds(sources, run(max(sources), 1),
                              run(min(sources), -1) if first_in_word else ()))
    return sounds


class _Locator:
    """Finds where one query term lies in a name, for highlighting (made once per query)."""

    def __init__(self, term: _Term) -> None:
        self.skeleton = term.kind == "skeleton"
        self.text = term.text
        article = "l" if self.skeleton else _ARTICLE
        self.typed_article = term.word != term.text and not self.skeleton
        self.word_start = re.compile(f"(?:^| )({re.escape(article)})?{re.escape(term.text)}")
        self.vowel_first = term.word[0] in _LATIN_VOWELS
        self.vowel_last = term.word[-1] in _LATIN_VOWELS

    def place(self, key: str) -> list[int]:
        """Indices of the term in ``key``: at a word start, else contiguous, else scattered."""
        found = self.word_start.search(key)
        if found:
            first = found.end() - len(self.text)
            if self.typed_article and found.group(1):
                first -= len(_ARTICLE)
            return list(range(first, found.end()))
        first = key.find(self.text)
        if first >= 0:
            return list(range(first, first + len(self.text)))
        return _greedy(key, self.text)

    def in_key(self, key: str) -> list[int]:
        return self.place(key)

    def in_skeleton(self, skel: str, sounds: list[_Sounds]) -> list[int]:
        """Key letters for a skeleton match, with the vowel letters between matched consonants
        of a word (the «و» of «بومبيو» for «pompeo») and those the query spelled at its ends."""
        places = [p for p in self.place(skel) if sounds[p].own]
        if not places:
            return []
        picked = [index for p in places for index in sounds[p].own]
        for left, right in zip(places, places[1:], strict=False):
            if right == left + 1:
                picked += sounds[left].tail
        if self.vowel_first:
            picked += sounds[places[0]].head
        if self.vowel_last:
            picked += sounds[places[-1]].tail
        return picked


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
