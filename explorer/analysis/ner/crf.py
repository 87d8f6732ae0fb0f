"""The default recogniser: two stacked CRFs over Arabic news features.

The first CRF tags each sentence from word and window features; the second sees the
same features plus what the first said about the same words elsewhere in the article
(see :mod:`explorer.analysis.ner.document`), which carries a name found once with
confidence to its other mentions. The models and their word lists ship in
``explorer/data/ner/`` and are rebuilt by ``python -m explorer.analysis.ner.train``
(python-crfsuite trains them); tagging reads their weights into numpy
(:mod:`explorer.analysis.ner.scoring`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from explorer.analysis.ner import BackendUnavailable
from explorer.analysis.ner.crfsuite_file import ModelFormatError, read_crfsuite
from explorer.analysis.ner.document import document_features, propagate
from explorer.analysis.ner.features import FeatureExtractor, split_sentences
from explorer.analysis.ner.institutions import mark_institutions
from explorer.analysis.ner.resources import DATA_DIR, is_known_name, load_resources
from explorer.analysis.ner.rules import correct_persons, names_after_titles
from explorer.analysis.ner.scoring import EmissionScorer, viterbi
from explorer.analysis.ner.spans import entities_from_tags
from explorer.arabic.tokens import Token
from explorer.model import Entity

FIRST_MODEL = "crf1.model"
SECOND_MODEL = "crf2.model"


class CrfRecognizer:
    """``institutions`` adds government bodies and parties as organisations (see
    :mod:`explorer.analysis.ner.institutions`); without it the output follows the
    corpora's own conventions, which leave them untagged."""

    def __init__(self, data_dir: Path = DATA_DIR, *, institutions: bool = True) -> None:
        self.institutions = institutions
        self.name = "crf" if institutions else "crf-corpus"
        models = []
        for name in (FIRST_MODEL, SECOND_MODEL):
            path = data_dir / name
            if not path.is_file():
                raise BackendUnavailable(f"NER model missing: {path} (rebuild it with "
                                         "python -m explorer.analysis.ner.train)")
            try:
                models.append(read_crfsuite(path))
            except ModelFormatError as error:
                raise BackendUnavailable(str(error)) from None
        self.resources = load_resources(data_dir)
        known = frozenset(models[0].attributes).union(models[1].attributes)
        self.features = FeatureExtractor(self.resources, known=known)
        self._first, self._second = (EmissionScorer(model, self.features) for model in models)

    def _known(self, key: str) -> bool:
        return is_known_name(self.resources, key)

    def tag(self, text: str, tokens: list[Token]) -> list[str]:
        """One B-/I-/O tag per token; sentences end at . ! ? ؟ and at line breaks."""
        words = [token.text for token in tokens]
        breaks = {i for i in range(1, len(tokens))
                  if "\n" in text[tokens[i - 1].end:tokens[i].start]}
        ranges = split_sentences(words, breaks)
        tags = correct_persons(words, self.stacked_tags(words, ranges), self.features)
        for start, end in ranges:
            tags[start:end] = names_after_titles(words[start:end], tags[start:end],
                                                 self.features)
        tags = propagate(words, tags, self.features, self.resources,
                         frozenset(start for start, _ in ranges))
        if self.institutions:
            for start, end in ranges:
                tags[start:end] = mark_institutions(words[start:end], tags[start:end],
                                                    self.features)
        return tags

    def stacked_tags(self, words: list[str], ranges: list[tuple[int, int]]) -> list[str]:
        """The second CRF's tags of an article's ``words``, split into sentences by
        ``ranges``, after the first CRF's tags of the whole article."""
        if not ranges:
            return []
        sentence_of = np.repeat(np.arange(len(ranges)), [end - start for start, end in ranges])
        extra = [features for start, end in ranges
                 for features in self.features.sentence_features(words[start:end])]
        tags = self._tags(self._first, words, ranges, sentence_of, extra)
        documents = document_features(words, tags, self.features)
        return self._tags(self._second, words, ranges, sentence_of, extra, documents)

    @staticmethod
    def _tags(scorer: EmissionScorer, words: list[str], ranges: list[tuple[int, int]],
              sentence_of: np.ndarray, *extra: list[list[str]]) -> list[str]:
        labels = scorer.weights.labels
        scores = scorer.scores(words, sentence_of, *extra)
        return [labels[i] for i in viterbi(scores, ranges, scorer.weights.transition).tolist()]

    def recognize(self, text: str, tokens: list[Token]) -> list[Entity]:
        return entities_from_tags(text, tokens, self.tag(text, tokens), self._known)
