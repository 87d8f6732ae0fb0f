"""The default recogniser: two stacked CRFs (python-crfsuite) over Arabic news features.

The first CRF tags each sentence from word and window features; the second sees the
same features plus what the first said about the same words elsewhere in the article
(see :mod:`explorer.analysis.ner.document`), which carries a name found once with
confidence to its other mentions. The models and their word lists ship in
``explorer/data/ner/`` and are rebuilt by ``python -m explorer.analysis.ner.train``.
"""

from __future__ import annotations

from pathlib import Path

from explorer.analysis.ner import BackendUnavailable
from explorer.analysis.ner.document import document_features, propagate
from explorer.analysis.ner.features import FeatureExtractor, split_sentences
from explorer.analysis.ner.institutions import mark_institutions
from explorer.analysis.ner.model_attributes import ModelFormatError, model_attributes
from explorer.analysis.ner.resources import DATA_DIR, is_known_name, load_resources
from explorer.analysis.ner.rules import correct_persons, names_after_titles
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
        import pycrfsuite

        self.institutions = institutions
        self.name = "crf" if institutions else "crf-corpus"
        self._taggers = []
        known: set[str] = set()
        for name in (FIRST_MODEL, SECOND_MODEL):
            path = data_dir / name
            if not path.is_file():
                raise BackendUnavailable(f"NER model missing: {path} (rebuild it with "
                                         "python -m explorer.analysis.ner.train)")
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            self._taggers.append(tagger)
            try:
                known |= model_attributes(path)
            except ModelFormatError as error:
                raise BackendUnavailable(str(error)) from None
        self.resources = load_resources(data_dir)
        self.features = FeatureExtractor(self.resources, known=frozenset(known))

    def _known(self, key: str) -> bool:
        return is_known_name(self.resources, key)

    def tag(self, text: str, tokens: list[Token]) -> list[str]:
        """One B-/I-/O tag per token; sentences end at . ! ? ؟ and at line breaks."""
        words = [token.text for token in tokens]
        breaks = {i for i in range(1, len(tokens))
                  if "\n" in text[tokens[i - 1].end:tokens[i].start]}
        ranges = split_sentences(words, breaks)
        first, second = self._taggers
        sentences = [self.features.sentence(words[start:end]) for start, end in ranges]
        tags = [tag for sequence in sentences for tag in first.tag(sequence)]
        extra = document_features(words, tags, self.features)
        tags = []
        for (start, _), sequence in zip(ranges, sentences, strict=True):
            tags.extend(second.tag([own + extra[start + i] for i, own in enumerate(sequence)]))
        tags = correct_persons(words, tags, self.features)
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

    def recognize(self, text: str, tokens: list[Token]) -> list[Entity]:
        return entities_from_tags(text, tokens, self.tag(text, tokens), self._known)
