"""The default recogniser: a CRF and a neural tagger stacked over Arabic news features.

The CRF tags each sentence from word and window features; the second pass, a small
BiLSTM-CRF (:mod:`explorer.analysis.ner.neural`), reads the same word features, the
characters of each word and what the CRF said about the same words elsewhere in the
article (see :mod:`explorer.analysis.ner.document`), which carries a name found once with
confidence to its other mentions. The models and their word lists ship in
``explorer/data/ner/`` and are rebuilt by ``python -m explorer.analysis.ner.train``
(python-crfsuite and torch train them); tagging runs in numpy
(:mod:`explorer.analysis.ner.scoring`, :mod:`explorer.analysis.ner.neural`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from explorer.analysis.collector import collector_paused
from explorer.analysis.ner import BackendUnavailable
from explorer.analysis.ner.crfsuite_file import ModelFormatError, load_weights
from explorer.analysis.ner.document import document_features, propagate
from explorer.analysis.ner.features import FeatureExtractor, split_sentences
from explorer.analysis.ner.institutions import (
    head_positions,
    mark_institutions,
    mark_listed_organisations,
)
from explorer.analysis.ner.neural import (
    NEURAL_MODEL,
    NeuralFormatError,
    NeuralTagger,
    NeuralWeights,
    label_probabilities,
    phrase_tag,
)
from explorer.analysis.ner.resources import DATA_DIR, is_known_name, load_resources
from explorer.analysis.ner.rules import (
    correct_persons,
    currencies_are_no_bodies,
    names_after_titles,
    organisation_edges,
    persons_in_other_names,
    persons_that_are_words,
    persons_without_nunation,
    prayers_are_no_entities,
    prophets_are_no_persons,
    title_positions,
)
from explorer.analysis.ner.scoring import EmissionScorer
from explorer.analysis.ner.spans import entities_from_tags
from explorer.arabic.tokens import Token, line_break_offsets
from explorer.model import Entity

FIRST_MODEL = "crf1.npz"


class CrfRecognizer:
    """``institutions`` adds government bodies and parties as organisations (see
    :mod:`explorer.analysis.ner.institutions`); without it the output follows the
    corpora's own conventions, which leave them untagged."""

    def __init__(self, data_dir: Path = DATA_DIR, *, institutions: bool = True) -> None:
        self.institutions = institutions
        self.name = "crf" if institutions else "crf-corpus"
        for name in (FIRST_MODEL, NEURAL_MODEL):
            if not (data_dir / name).is_file():
                raise BackendUnavailable(f"NER model missing: {data_dir / name} (rebuild it "
                                         "with python -m explorer.analysis.ner.train)")
        try:
            first = load_weights(data_dir / FIRST_MODEL)
            second = NeuralWeights.load(data_dir / NEURAL_MODEL)
        except (ModelFormatError, NeuralFormatError) as error:
            raise BackendUnavailable(str(error)) from None
        self.resources = load_resources(data_dir)
        known = frozenset(first.attributes).union(second.names)
        self.features = FeatureExtractor(self.resources, known=known)
        self._first = EmissionScorer(first, self.features)
        self._second = NeuralTagger(second, self.features)

    def _known(self, key: str) -> bool:
        return is_known_name(self.resources, key)

    def tag(self, text: str, tokens: list[Token]) -> list[str]:
        """One B-/I-/O tag per token; sentences end at . ! ? ؟ and at line breaks."""
        return self.tag_many([(text, tokens)])[0]

    def tag_many(self, articles: Sequence[tuple[str, list[Token]]]) -> list[list[str]]:
        """:meth:`tag` for each of several articles (text, tokens). The two passes run over
        all their sentences together: most of their cost is array steps paid once per word
        position of the longest sentence, so a batch pays them once instead of per article."""
        with collector_paused():
            return self._tag_many(articles)

    def _tag_many(self, articles: Sequence[tuple[str, list[Token]]]) -> list[list[str]]:
        split = []
        for text, tokens in articles:
            words = [token.text for token in tokens]
            split.append((words, split_sentences(words, _line_breaks(text, tokens))))
        return [self._rules(words, ranges, stacked, phrases)
                for (words, ranges), (stacked, phrases) in zip(split, self._passes(split),
                                                               strict=True)]

    def _rules(self, words: list[str], ranges: list[tuple[int, int]], stacked: list[str],
               phrases: list[str]) -> list[str]:
        """The rules after the two passes, over one article."""
        keys = self.features.folded(words)
        starts = frozenset(start for start, _ in ranges)
        tags = correct_persons(words, stacked, self.features, starts)
        titles = title_positions(keys, self.features.stems(words), self.resources.titles)
        for (start, end), found in _by_sentence(ranges, titles):
            tags[start:end] = names_after_titles(words[start:end], tags[start:end],
                                                 self.features, found)
        tags = persons_in_other_names(words, persons_without_nunation(words, tags),
                                      self.features)
        tags = persons_that_are_words(words, tags, self.features)
        tags = propagate(words, tags, self.features, self.resources, starts)
        if self.institutions:
            tags = prophets_are_no_persons(words, tags, self.features)
            tags = mark_listed_organisations(organisation_edges(words, tags, self.features),
                                             phrases)
            for (start, end), found in _by_sentence(ranges, head_positions(keys)):
                tags[start:end] = mark_institutions(words[start:end], tags[start:end],
                                                    self.features, found)
            tags = prayers_are_no_entities(words, tags, self.features)
            tags = currencies_are_no_bodies(words, tags, self.features)
        return tags

    def stacked_tags(self, words: list[str], ranges: list[tuple[int, int]]) -> list[str]:
        """The second pass's tags of an article's ``words``, split into sentences by
        ``ranges``, after the first CRF's tags of the whole article."""
        return self._passes([(words, ranges)])[0][0]

    def _passes(self, articles: list[tuple[list[str], list[tuple[int, int]]]]
                ) -> list[tuple[list[str], list[str]]]:
        """For each article (words, sentence ranges): :meth:`stacked_tags` and each word's
        gazetteer phrase tag (or ''). The articles are laid end to end: a sentence never
        spans two of them, and the document features are each article's own."""
        words: list[str] = []
        ranges: list[tuple[int, int]] = []
        bounds = []
        for article_words, article_ranges in articles:
            first = len(words)
            words.extend(article_words)
            ranges.extend((start + first, end + first) for start, end in article_ranges)
            bounds.append((first, len(words)))
        if not ranges:
            return [([], []) for _ in articles]
        tags, extra, scores = self.first_tags(words, ranges)
        documents = [features for first, last in bounds for features in document_features(
            words[first:last], tags[first:last], self.features)]
        phrases = [phrase_tag(f) for f in extra]
        second = self._second.tags(words, ranges, phrases, documents, label_probabilities(
            scores, self._first.weights.labels))
        return [(second[first:last], phrases[first:last]) for first, last in bounds]

    def first_tags(self, words: list[str], ranges: list[tuple[int, int]]
                   ) -> tuple[list[str], list[tuple[str, ...]], np.ndarray]:
        """The first CRF's tags of an article's ``words`` (sentences split by ``ranges``,
        at least one), each word's sentence features and the CRF's label scores, which the
        second pass reads too."""
        return self._first.tag(words, ranges)

    def recognize(self, text: str, tokens: list[Token]) -> list[Entity]:
        return self.recognize_many([(text, tokens)])[0]

    def recognize_many(self, articles: Sequence[tuple[str, list[Token]]]
                       ) -> list[list[Entity]]:
        """:meth:`recognize` for each of several articles (text, tokens), tagged together."""
        return [entities_from_tags(text, tokens, tags, self._known)
                for (text, tokens), tags in zip(articles, self.tag_many(articles),
                                                strict=True)]


def _line_breaks(text: str, tokens: list[Token]) -> set[int]:
    """Indices of the tokens that follow a line break (which ends a sentence)."""
    starts = [token.start for token in tokens]
    return {i for i in (bisect_left(starts, offset) for offset in line_break_offsets(text))
            if 0 < i < len(tokens)}


def _by_sentence(ranges: list[tuple[int, int]], positions: list[int]
                 ) -> list[tuple[tuple[int, int], list[int]]]:
    """The sentences of ``ranges`` that hold any of the word ``positions`` (both in order),
    each with those positions counted from its start: the rules that start at a title or
    an institution head visit only these."""
    starts = [start for start, _ in ranges]
    held: dict[int, list[int]] = {}
    for i in positions:
        sentence = bisect_right(starts, i) - 1
        held.setdefault(sentence, []).append(i - starts[sentence])
    return [(ranges[sentence], found) for sentence, found in held.items()]
