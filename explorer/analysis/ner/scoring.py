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

from collections.abc import Sequence

import numpy as np

from explorer.analysis.ner.crfsuite_file import CrfWeights
from explorer.analysis.ner.features import WINDOW, FeatureExtractor
from explorer.analysis.ner.row_table import RowTable, grouped_sums

# At most this many (position, sentence) cells are decoded together.
_GROUP_CELLS = 65_536


class EmissionScorer:
    """One model's per-label scores for the words of an article; word sums are cached."""

    def __init__(self, weights: CrfWeights, features: FeatureExtractor) -> None:
        self.weights = weights
        self.features = features
        self._edges = self._totals(list(features.edges))
        labels = len(weights.labels)
        # per word: its own features' sums, then those it lends at each window offset
        self._words = RowTable((1 + len(WINDOW), labels), self._word_totals)
        self._combinations = RowTable((labels,), self._totals)

    def _totals(self, groups: Sequence[Sequence[str]]) -> np.ndarray:
        """The summed weights per label of each of ``groups`` of features, in one pass
        (rows of the result; unknown features weigh nothing)."""
        attributes, unknown = self.weights.attributes, self.weights.unknown
        return grouped_sums(self.weights.state,
                            [[attributes.get(f, unknown) for f in group] for group in groups],
                            unknown)

    def _word_totals(self, words: list[str]) -> np.ndarray:
        groups: list[list[str]] = []
        for word in words:
            own, lent = self.features.word_features(word)
            groups.append(own)
            groups.extend(lent)
        return self._totals(groups).reshape(len(words), 1 + len(WINDOW), -1)

    def scores(self, words: list[str], sentence_of: np.ndarray,
               extra: Sequence[tuple[str, ...]]) -> np.ndarray:
        """Scores (words × labels) of ``words``, where ``sentence_of`` numbers each word's
        sentence (the window stops at sentence ends) and ``extra`` gives each word's
        sentence features (the same combinations recur, so each is summed once)."""
        index = np.array(self._words.index(words), dtype=np.intp)
        table = self._words.rows
        scores = table[index, 0]
        count = len(words)
        positions = np.arange(count)
        for offset, delta in enumerate(WINDOW):
            neighbour = np.clip(positions + delta, 0, count - 1)
            inside = (sentence_of[neighbour] == sentence_of) & (neighbour == positions + delta)
            scores += np.where(inside[:, None], table[index[neighbour], 1 + offset],
                               self._edges[offset])
        scores += self._combinations[extra]
        return scores

    def tag(self, words: list[str], ranges: list[tuple[int, int]]
            ) -> tuple[list[str], list[tuple[str, ...]], np.ndarray]:
        """The tags of an article's ``words`` (sentences split by ``ranges``, at least
        one), each word's sentence features and the label scores, which a second pass
        reads too."""
        sentence_of = np.repeat(np.arange(len(ranges)), [end - start for start, end in ranges])
        extra = [features for start, end in ranges
                 for features in self.features.sentence_features(words[start:end])]
        scores = self.scores(words, sentence_of, extra)
        labels = viterbi(scores, ranges, self.weights.transition).tolist()
        return [self.weights.labels[i] for i in labels], extra, scores


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
