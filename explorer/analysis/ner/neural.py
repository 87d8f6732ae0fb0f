"""The second pass of the default recogniser: a small BiLSTM-CRF tagger, run in numpy.

The first CRF sees a word through its features and a ±2 window; many names it misses are
foreign or rare names it never met in training. This tagger reads each word as a sum of
learnt vectors of the same features (:meth:`~explorer.analysis.ner.features.
FeatureExtractor.word_features`: folded form, stem, affixes, dictionary test, gazetteer,
cue flags, shape), a character CNN over the folded word (which generalises to names never
seen), the gazetteer phrase it is in, and what the first CRF said about it and about the
same stem elsewhere in the article (:func:`~explorer.analysis.ner.document.
document_features`); a bidirectional LSTM reads the sentence and a CRF layer decodes it,
with the transitions that cannot happen (``I-X`` after ``O`` or another type, or at a
sentence start) forbidden.

It is trained with torch (:mod:`explorer.analysis.ner.train_neural`) and shipped as plain
arrays in ``neural.npz``; tagging needs only numpy, so the app never imports torch. Per word
the feature sum and the character CNN are computed once and cached; an article's sentences
run through the LSTM together, longest first, one array step per word position.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from explorer.analysis.ner.features import FeatureExtractor
from explorer.analysis.ner.row_table import RowTable, grouped_sums
from explorer.analysis.ner.scoring import viterbi

NEURAL_MODEL = "neural.npz"
LABELS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
# A word is read from at most this many characters of its folded form.
MAX_CHARS = 20
# Sentences are read in pieces of at most this many words, in training as in tagging.
PIECE = 100
# Index 0 of every vocabulary is "unknown / none"; characters also keep 1 for unknown.
PAD, UNKNOWN_CHAR = 0, 1
FORBIDDEN = -1e4


class NeuralFormatError(ValueError):
    """A model file is not a tagger this code can run; the message names the file."""


def allowed(previous: str, label: str) -> bool:
    """Whether ``label`` may follow ``previous``: ``I-X`` only continues ``B-X``/``I-X``."""
    return not label.startswith("I-") or (previous != "O" and previous[2:] == label[2:])


def forbidden_transitions() -> tuple[np.ndarray, np.ndarray]:
    """Masks (0 or ``FORBIDDEN``) for label pairs and for a sentence's first label."""
    pairs = np.array([[0.0 if allowed(a, b) else FORBIDDEN for b in LABELS] for a in LABELS])
    first = np.array([FORBIDDEN if label.startswith("I-") else 0.0 for label in LABELS])
    return pairs, first


def phrase_tag(sentence_features: Sequence[str]) -> str:
    """The gazetteer phrase tag (``B-LOC`` …) among a word's sentence features, or ''."""
    for feature in sentence_features:
        if feature.startswith("ph="):
            return feature[3:]
    return ""


def label_probabilities(scores: np.ndarray, labels: list[str]) -> np.ndarray:
    """Per word, the softmax of a CRF's label ``scores`` (words × ``labels``), in the order
    of ``LABELS`` (a label the CRF never learnt gets 0): how sure the first pass was, which
    its best tag alone does not say."""
    ordered = np.full((len(scores), len(LABELS)), -np.inf)
    for column, label in enumerate(LABELS):
        if label in labels:
            ordered[:, column] = scores[:, labels.index(label)]
    ordered = np.exp(ordered - ordered.max(axis=1, keepdims=True))
    return ordered / ordered.sum(axis=1, keepdims=True)


def pieces(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``ranges`` (start, end) cut into pieces of at most ``PIECE`` words."""
    return [(first, min(first + PIECE, end)) for start, end in ranges
            for first in range(start, end, PIECE)]


def characters(key: str) -> str:
    """The characters of a folded word the character CNN reads."""
    return key[:MAX_CHARS] or " "


def _lstm_rows(weights: np.ndarray, hidden: int) -> np.ndarray:
    """LSTM weights or biases with rows in torch's gate order (i, f, g, o) put in the order
    i, f, o, g, and the rows of the three sigmoid gates halved: then one ``tanh`` serves
    every gate, as sigmoid(x) = (1 + tanh(x / 2)) / 2, and the sigmoid gates are one slice."""
    order = np.r_[0:2 * hidden, 3 * hidden:4 * hidden, 2 * hidden:3 * hidden]
    rows = weights[order].astype(np.float32)
    rows[:3 * hidden] *= 0.5
    return rows


# Names of the arrays in the model file and what they hold (shapes for H hidden units).
ARRAYS = {
    "own_features": "feature names of the word vectors (row i + 1)",
    "own_vectors": "learnt vectors, summed over a word's features; row 0 is zero",
    "document_features": "names of the first-pass features (row i + 1)",
    "document_vectors": "learnt vectors, summed over a word's first-pass features",
    "characters": "characters of the character vectors (row i + 2)",
    "char_vectors": "character vectors; rows 0 (padding) and 1 (unknown)",
    "conv_weight": "character CNN filters (filters, char dim, 3)",
    "conv_bias": "character CNN biases",
    "phrases": "gazetteer phrase tags (row i + 1)",
    "phrase_vectors": "phrase tag vectors; row 0 for none",
    "forward_input": "forward LSTM input weights (4H, input); gates i, f, g, o",
    "forward_hidden": "forward LSTM recurrent weights (4H, H)",
    "forward_bias": "forward LSTM biases (4H)",
    "backward_input": "backward LSTM input weights",
    "backward_hidden": "backward LSTM recurrent weights",
    "backward_bias": "backward LSTM biases",
    "output_weight": "label scores from both LSTM states (labels, 2H)",
    "output_bias": "label score biases",
    "transitions": "label → label scores, forbidden pairs included",
    "start": "first-label scores, forbidden labels included",
    "end": "last-label scores",
    "labels": "the labels, in score order",
}


@dataclass(frozen=True, slots=True)
class NeuralWeights:
    """A trained tagger's arrays, with the input vocabularies as lookup tables."""

    arrays: dict[str, np.ndarray]
    own: dict[str, int]
    document: dict[str, int]
    chars: dict[str, int]
    phrases: dict[str, int]

    @classmethod
    def load(cls, path: Path) -> NeuralWeights:
        try:
            with np.load(path, allow_pickle=False) as archive:
                arrays = {name: archive[name] for name in archive.files}
        except (OSError, ValueError, zipfile.BadZipFile) as error:
            raise NeuralFormatError(f"{path}: not a tagger model ({error})") from None
        missing = sorted(set(ARRAYS) - set(arrays))
        if missing:
            raise NeuralFormatError(f"{path}: not a tagger model (no {', '.join(missing)})")
        if tuple(arrays["labels"].tolist()) != LABELS:
            raise NeuralFormatError(f"{path}: labels {arrays['labels'].tolist()} are not "
                                    f"{list(LABELS)}")

        def table(name: str, first: int) -> dict[str, int]:
            return {value: i + first for i, value in enumerate(arrays[name].tolist())}

        return cls(arrays, table("own_features", 1), table("document_features", 1),
                   table("characters", 2), table("phrases", 1))

    @property
    def names(self) -> frozenset[str]:
        """The word features the tagger has vectors for."""
        return frozenset(self.own)


class NeuralTagger:
    """Tags an article's sentences from the first pass; word vectors are cached."""

    def __init__(self, weights: NeuralWeights, features: FeatureExtractor) -> None:
        self.weights = weights
        self.features = features
        w = weights.arrays
        self._own_vectors = w["own_vectors"].astype(np.float32)
        self._document_vectors = w["document_vectors"].astype(np.float32)
        self._char_vectors = w["char_vectors"].astype(np.float32)
        # characters by code point, for looking a whole article's up at once
        known_chars = sorted(weights.chars.items()) or [("\0", UNKNOWN_CHAR)]
        self._char_codes = np.array([ord(char) for char, _ in known_chars], dtype=np.uint32)
        self._char_ids = np.array([row for _, row in known_chars], dtype=np.intp)
        filters = w["conv_weight"].astype(np.float32)
        # (filters, dim, 3) → one matrix over three neighbouring characters side by side
        self._conv = filters.transpose(2, 1, 0).reshape(-1, filters.shape[0])
        self._conv_bias = w["conv_bias"].astype(np.float32)
        hidden = w["forward_hidden"].shape[1]
        self._hidden = hidden
        directions = ("forward", "backward")
        inputs, hiddens, biases = ([_lstm_rows(w[f"{d}_{part}"], hidden) for d in directions]
                                   for part in ("input", "hidden", "bias"))
        # The LSTM input is [own sum, characters, phrase, first pass]; the input weights of
        # both directions are applied to each part separately, so the parts that belong to
        # a word alone are multiplied once per word.
        both = np.concatenate(inputs).T  # (input, 8H): forward gates, then backward
        own_size = self._own_vectors.shape[1] + filters.shape[0]
        phrase_size = w["phrase_vectors"].shape[1]
        self._word_input = both[:own_size]
        self._phrase_gates = w["phrase_vectors"].astype(np.float32) @ both[
            own_size:own_size + phrase_size]
        document_size = self._document_vectors.shape[1]
        self._document_gates = self._document_vectors @ both[
            own_size + phrase_size:own_size + phrase_size + document_size]
        self._score_input = both[own_size + phrase_size + document_size:]
        self._bias = np.concatenate(biases)
        self._recurrent = np.stack([weights.T for weights in hiddens])  # (2, H, 4H)
        self._output = w["output_weight"].T.astype(np.float32)  # (2H, labels)
        self._output_bias = w["output_bias"].astype(np.float32)
        self._start = w["start"].astype(np.float64)
        self._end = w["end"].astype(np.float64)
        self.transitions = w["transitions"].astype(np.float64)
        self._blas = ThreadpoolController()
        gates = (self._word_input.shape[1],)
        self._words = RowTable(gates, lambda new: self.word_vectors(new) @ self._word_input,
                               np.float32)
        self._contexts = RowTable(gates, self._context_gates, np.float32)

    def word_vectors(self, words: list[str]) -> np.ndarray:
        """The feature sum and character CNN output of each word, side by side."""
        find = self.weights.own.get
        sums = grouped_sums(self._own_vectors, [
            [find(feature, PAD) for feature in self.features.word_features(word)[0]]
            for word in words], PAD)
        keys = [characters(key) for key in self.features.folded(words)]
        lengths = np.fromiter(map(len, keys), dtype=np.intp, count=len(keys))
        codes = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32)
        found = np.minimum(np.searchsorted(self._char_codes, codes), len(self._char_codes) - 1)
        ids = np.where(self._char_codes[found] == codes, self._char_ids[found], UNKNOWN_CHAR)
        starts = np.cumsum(lengths) - lengths
        pooled = np.empty((len(words), self._conv.shape[1]), np.float32)
        # Words of one length at a time: none is padded to the longest word's length.
        for length in np.unique(lengths).tolist():
            members = np.flatnonzero(lengths == length)
            vectors = self._char_vectors[ids[starts[members, None] + np.arange(length)]]
            padded = np.pad(vectors, ((0, 0), (1, 1), (0, 0)))  # zeros: the PAD vector
            windows = np.concatenate([padded[:, :-2], padded[:, 1:-1], padded[:, 2:]], axis=2)
            pooled[members] = (windows @ self._conv).max(axis=1)
        return np.concatenate([sums, np.maximum(pooled + self._conv_bias, 0.0)], axis=1)

    def _context_gates(self, keys: list[tuple[str, tuple[str, ...]]]) -> np.ndarray:
        """LSTM input gates, bias included, from what a word's sentence and article say of
        it (its gazetteer phrase tag, its first-pass features), which recur together."""
        table, phrases = self.weights.document, self.weights.phrases
        return (grouped_sums(self._document_gates,
                             [[table.get(name, PAD) for name in names] for _, names in keys],
                             PAD)
                + self._phrase_gates[[phrases.get(tag, PAD) for tag, _ in keys]] + self._bias)

    def scores(self, words: list[str], ranges: list[tuple[int, int]],
               phrases: list[str], documents: list[tuple[str, ...]], first_scores: np.ndarray
               ) -> np.ndarray:
        """Label scores (words × labels) of an article's ``words`` split into sequences by
        ``ranges`` (sentences cut by :func:`pieces`, as in training), each word with its
        gazetteer phrase tag, first-pass features and first-pass label probabilities; a
        sequence's first and last words include the CRF layer's start and end scores."""
        gates = self._words[words]
        gates += self._contexts[list(zip(phrases, documents, strict=True))]
        gates += first_scores.astype(np.float32) @ self._score_input
        states = self._bidirectional(gates, ranges)
        scores = (states @ self._output + self._output_bias).astype(np.float64)
        scores[[start for start, _ in ranges]] += self._start
        scores[[end - 1 for _, end in ranges]] += self._end
        return scores

    def _bidirectional(self, gates: np.ndarray, ranges: list[tuple[int, int]]) -> np.ndarray:
        """Both LSTM states of every word (words × 2H): all sentences and both directions
        at once, one array step per word position; sentences go longest first, so those
        still running at a step are a prefix, and the backward direction reads each
        sentence from its end."""
        hidden = self._hidden
        order = sorted(ranges, key=lambda span: span[0] - span[1])
        starts = np.array([start for start, _ in order], dtype=np.intp)
        lengths = np.array([end - start for start, end in order], dtype=np.intp)
        longest, count = int(lengths[0]), len(order)
        steps = np.arange(longest)[:, None]
        inside = steps < lengths
        running = np.searchsorted(-lengths, -np.arange(longest), side="left")
        # Rows of ``gates`` seen as (words × 2, 4H): row 2w is word w's forward input, row
        # 2w + 1 its backward input; at step t, sentence s reads rows rows[t, :, s].
        rows = np.empty((longest, 2, count), dtype=np.intp)
        rows[:, 0] = 2 * np.where(inside, starts + steps, 0)
        rows[:, 1] = 2 * np.where(inside, starts + lengths - 1 - steps, 0) + 1
        inputs = gates.reshape(2 * len(gates), 4 * hidden)
        outputs = np.zeros((2 * len(gates), hidden), np.float32)
        state = np.zeros((2, count, hidden), np.float32)
        cell = np.zeros((2, count, hidden), np.float32)
        recurrent = self._recurrent
        for t in range(longest):
            active = running[t]
            now = rows[t, :, :active]
            step = np.matmul(state[:, :active], recurrent)
            step += inputs[now]
            np.tanh(step, out=step)
            sigmoids = step[..., :3 * hidden]  # i, f, o (see _lstm_rows)
            sigmoids += 1.0
            sigmoids *= 0.5
            memory = cell[:, :active]
            memory *= step[..., hidden:2 * hidden]
            memory += step[..., :hidden] * step[..., 3 * hidden:]
            output = state[:, :active]
            np.tanh(memory, out=output)
            output *= step[..., 2 * hidden:3 * hidden]
            outputs[now] = output
        return outputs.reshape(len(gates), 2 * hidden)

    def tags(self, words: list[str], ranges: list[tuple[int, int]], phrases: list[str],
             documents: list[tuple[str, ...]], first_scores: np.ndarray) -> list[str]:
        """The best tags of an article (see :meth:`scores`)."""
        if not ranges:
            return []
        sequences = pieces(ranges)
        # The matrices are small: BLAS threads would cost far more in waking and waiting
        # than they save (several times slower on a busy machine), so one thread does it.
        with self._blas.limit(limits=1, user_api="blas"):
            scores = self.scores(words, sequences, phrases, documents, first_scores)
        return [LABELS[i] for i in viterbi(scores, sequences, self.transitions).tolist()]
