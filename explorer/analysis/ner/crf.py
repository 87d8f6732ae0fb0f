"""The default recogniser: a CRF (python-crfsuite) over Arabic news features, offline.

The model and its word lists ship in ``explorer/data/ner/`` and are rebuilt by
``python -m explorer.analysis.ner.train``. After tagging, a document pass makes names
consistent inside the article (see :mod:`explorer.analysis.ner.document`).
"""

from __future__ import annotations

from pathlib import Path

from explorer.analysis.ner import BackendUnavailable
from explorer.analysis.ner.document import propagate
from explorer.analysis.ner.features import FeatureExtractor, split_sentences
from explorer.analysis.ner.resources import DATA_DIR, is_known_name, load_resources
from explorer.analysis.ner.spans import entities_from_tags
from explorer.arabic.tokens import Token
from explorer.model import Entity

MODEL_FILE = "crf.model"


class CrfRecognizer:
    name = "crf"

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        import pycrfsuite

        path = data_dir / MODEL_FILE
        if not path.is_file():
            raise BackendUnavailable(f"NER model missing: {path} (rebuild it with "
                                     "python -m explorer.analysis.ner.train)")
        self.resources = load_resources(data_dir)
        self.features = FeatureExtractor(self.resources)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))

    def _known(self, key: str) -> bool:
        return is_known_name(self.resources, key)

    def tag(self, text: str, tokens: list[Token]) -> list[str]:
        """One B-/I-/O tag per token; sentences end at . ! ? ؟ and at line breaks."""
        words = [token.text for token in tokens]
        breaks = {i for i in range(1, len(tokens))
                  if "\n" in text[tokens[i - 1].end:tokens[i].start]}
        tags: list[str] = []
        for start, end in split_sentences(words, breaks):
            tags.extend(self._tagger.tag(self.features.sentence(words[start:end])))
        return propagate(words, tags, self.features, self.resources)

    def recognize(self, text: str, tokens: list[Token]) -> list[Entity]:
        return entities_from_tags(text, tokens, self.tag(text, tokens), self._known)
