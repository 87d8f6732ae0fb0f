"""Tagging with a CRF's weights in numpy: emission scores built from cached word parts, and
Viterbi decoding of all of an article's sentences at once.

A word's features come in three parts (:class:`~explorer.analysis.ner.features.
FeatureExtractor`): its own, those it lends its neighbours at each window offset, and a few
that depend on the sentence (gazetteer phrases, the pair with the previous word). A CRF's
score for a label is a sum of weights over features, so the first two parts are summed once
per distinct word and kept as rows of arrays; an article's emission scores are then a
gather and four shifted adds, plus a lookup for the few sentence features. Viterbi runs over
every sentence of the article together, one array step per word position, sentences sorted
longest first so that those still running are always a prefix. The tags are those CRFsuite
gives for the same features (``tests/test_ner_scoring.py``).
"""

from __future__ import annotations

import numpy as np

from explorer.analysis.ner.crfsuite_file import CrfWeights
from explorer.analysis.ner.features import MAX_CACHED_WORDS, WINDOW, FeatureExtractor

_INITIAL_ROWS = 4096
# At most this many (position, sentence) cells are decoded together.
_GROUP_CELLS = 65_536


class EmissionScorer:
    """One model's per-label scores for the words of an article; word sums are cached."""

    def __init__(self, weights: CrfWeights, features: FeatureExtractor) -> None:
        self.weights = weights
        self.features = features
        self._edges = np.array([self.total(edge) for edge in features.edges])
        self._reset()

    def _reset(self) -> None:
        labels = len(self.weights.labels)
        self._rows: dict[str, int] = {}
        self._own = np.empty((_INITIAL_ROWS, labels))
        self._lent = np.empty((_INITIAL_ROWS, len(WINDOW), labels))
        self._combinations: dict[tuple[str, ...], int] = {}
        self._combined = np.empty((_INITIAL_ROWS, labels))

    def total(self, features: list[str] | tuple[str, ...]) -> np.ndarray:
        """The summed weights of ``features`` per label (unknown features weigh nothing)."""
        attributes, unknown = self.weights.attributes, self.weights.unknown
        return self.weights.state[[attributes.get(f, unknown) for f in features]].sum(axis=0)

    def _totals(self, groups: list[list[str] | tuple[str, ...]]) -> np.ndarray:
        """:meth:`total` of each of ``groups``, in one pass (rows of the result)."""
        attributes, unknown = self.weights.attributes, self.weights.unknown
        # Each group starts with the unknown attribute (a zero row), so none is empty.
        ids = [unknown]
        starts = []
        for group in groups:
            starts.append(len(ids) - 1)
            ids.extend([attributes.get(f, unknown) for f in group])
            ids.append(unknown)
        return np.add.reduceat(self.weights.state[ids[:-1]], starts)

    def _add_words(self, words: list[str]) -> None:
        first = len(self._rows)
        needed = first + len(words)
        while needed > len(self._own):
            self._own = np.concatenate([self._own, np.empty_like(self._own)])
            self._lent = np.concatenate([self._lent, np.empty_like(self._lent)])
        groups: list[list[str]] = []
        for word in words:
            own, lent = self.features.word_features(word)
            groups.append(own)
            groups.extend(lent)
        totals = self._totals(groups).reshape(len(words), 1 + len(WINDOW), -1)
        self._own[first:needed] = totals[:, 0]
        self._lent[first:needed] = totals[:, 1:]
        self._rows.update(zip(words, range(first, needed), strict=True))

    def _add_combinations(self, combinations: list[tuple[str, ...]]) -> None:
        first = len(self._combinations)
        needed = first + len(combinations)
        while needed > len(self._combined):
            self._combined = np.concatenate([self._combined, np.empty_like(self._combined)])
        self._combined[first:needed] = self._totals(combinations)
        self._combinations.update(zip(combinations, range(first, needed), strict=True))

    def scores(self, words: list[str], sentence_of: np.ndarray,
               *extra: list[list[str]]) -> np.ndarray:
        """Scores (words × labels) of ``words``, where ``sentence_of`` numbers each word's
        sentence (the window stops at sentence ends) and each ``extra`` gives more features
        per word (the same combinations recur, so each is summed once)."""
        if (len(self._rows) + len(words) > MAX_CACHED_WORDS
                or len(self._combinations) + len(words) > MAX_CACHED_WORDS):
            self._reset()  # start again rather than grow without bound
        rows = self._rows
        new = [word for word in dict.fromkeys(words) if word not in rows]
        if new:
            self._add_words(new)
        index = np.array([rows[word] for word in words], dtype=np.intp)
        scores = self._own[index]
        count = len(words)
        positions = np.arange(count)
        for offset, delta in enumerate(WINDOW):
            neighbour = np.clip(positions + delta, 0, count - 1)
            inside = (sentence_of[neighbour] == sentence_of) & (neighbour == positions + delta)
            scores += np.where(inside[:, None], self._lent[index[neighbour], offset],
                               self._edges[offset])
        if extra:
            combined = [tuple(names) for names in extra[0]]
            for more in extra[1:]:
                combined = [names + tuple(added) for names, added in zip(combined, more,
                                                                          strict=True)]
            known = self._combinations
            new_combinations = [key for key in dict.fromkeys(combined) if key not in known]
            if new_combinations:
                self._add_combinations(new_combinations)
            scores += self._combined[[known[key] for key in combined]]
        return scores


def viterbi(scores: np.ndarray, ranges: list[tuple[int, int]],
            transition: np.ndarray) -> np.ndarray:
    """The best label id for each word: ``scores`` (words × labels) holds every sentence of
    ``ranges`` (contiguous (start, end) word ranges) and ``transition[y, z]`` scores label
    ``z`` after ``y``. Ties go to the lower label id, as in CRFsuite."""
    order = sorted(ranges, key=lambda span: span[0] - span[1])  # longest first, stable
    starts = np.array([start for start, _ in order], dtype=np.intp)
    lengths = np.array([end - start for start, end in order], dtype=np.intp)
    labels = np.empty(len(scores), dtype=np.intp)
    first = 0
    while first < len(order):  # groups of bounded size: one huge sentence stays alone
        last = first + max(1, _GROUP_CELLS // int(lengths[first]))
        _decode(scores, starts[first:last], lengths[first:last], transition, labels)
        first = last
    return labels


def _decode(scores: np.ndarray, starts: np.ndarray, lengths: np.ndarray,
            transition: np.ndarray, labels: np.ndarray) -> None:
    """Viterbi over sentences sorted longest first, all at once, time step by time step:
    the sentences still running at step ``t`` are the first ``running[t]``."""
    longest, count = int(lengths[0]), len(starts)
    steps = np.arange(longest)
    running = np.searchsorted(-lengths, -np.arange(longest + 1), side="left")
    index = np.minimum(starts + steps[:, None], len(scores) - 1)  # (steps, sentences)
    emitted = scores[index]  # time-major; past a sentence's end, unused filler
    back = np.empty((longest, count, scores.shape[1]), dtype=np.intp)
    best = emitted[0].copy()
    finals = np.empty_like(best)
    for t in range(1, longest):
        active = running[t]
        finals[active:running[t - 1]] = best[active:]  # the sentences that ended at t - 1
        candidates = best[:active, :, None] + transition
        back[t, :active] = candidates.argmax(axis=1)
        best = np.maximum.reduce(candidates, axis=1)
        best += emitted[t, :active]
    finals[:running[longest - 1]] = best
    path = np.empty((longest, count), dtype=np.intp)
    current = np.empty(count, dtype=np.intp)
    rows = np.arange(count)
    for t in range(longest - 1, -1, -1):
        active = running[t]
        ending = slice(running[t + 1], active)
        current[ending] = finals[ending].argmax(axis=1)
        path[t, :active] = current[:active]
        if t:
            current[:active] = back[t, rows[:active], current[:active]]
    inside = steps[:, None] < lengths
    labels[index[inside]] = path[inside]
