"""camel-tools' BERT named-entity tagger (``camel_tools.ner.NERecognizer``) as a backend.

It needs camel-tools' ``ner-arabert`` data, which only a download installs; without it
the backend is unavailable with a one-line reason. Data presence is checked on disk
before ``camel_tools.ner`` is imported, because importing camel-tools' data module
fetches a catalogue when none is there. torch is imported only when this backend loads.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from explorer.analysis.ner import BackendUnavailable
from explorer.analysis.ner.features import split_sentences
from explorer.analysis.ner.resources import is_known_name, load_resources
from explorer.analysis.ner.spans import entities_from_tags
from explorer.arabic import camel_data
from explorer.arabic.tokens import Token
from explorer.model import Entity


def camel_model_path() -> Path | None:
    """Folder of the installed ``ner-arabert`` model, or None."""
    return camel_data.dataset_path("ner", "arabert")


class CamelRecognizer:
    name = "camel"

    def __init__(self, model_path: Path | None = None) -> None:
        path = model_path or camel_model_path()
        if path is None:
            raise BackendUnavailable("camel NER needs camel-tools' ner-arabert data, which is "
                                     "not installed (camel_data -i ner-arabert)")
        try:
            from camel_tools.ner import NERecognizer

            self._model = NERecognizer(str(path), use_gpu=False)
        except (ImportError, OSError, ValueError) as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise BackendUnavailable(f"camel NER cannot load {path}: {reason}") from None
        self._resources = load_resources()

    def _known(self, key: str) -> bool:
        return is_known_name(self._resources, key)

    def tag(self, text: str, tokens: list[Token]) -> list[str]:
        """One tag per token; words the BERT tokenizer drops (no word pieces) get O."""
        tokenizer = self._model.tokenizer
        kept = [i for i, token in enumerate(tokens) if tokenizer.tokenize(token.text)]
        words = [tokens[i].text for i in kept]
        breaks = {n for n in range(1, len(kept))
                  if "\n" in text[tokens[kept[n - 1]].end:tokens[kept[n]].start]}
        ranges = split_sentences(words, breaks)
        predicted = self._model.predict([words[start:end] for start, end in ranges])
        tags = ["O"] * len(tokens)
        for (start, _), labels in zip(ranges, predicted, strict=True):
            for offset, label in enumerate(labels):
                tags[kept[start + offset]] = label
        return tags

    def recognize(self, text: str, tokens: list[Token]) -> list[Entity]:
        return entities_from_tags(text, tokens, self.tag(text, tokens), self._known)

    def recognize_many(self, articles: Sequence[tuple[str, list[Token]]]
                       ) -> list[list[Entity]]:
        return [self.recognize(text, tokens) for text, tokens in articles]
