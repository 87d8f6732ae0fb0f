"""Named-entity recognisers behind one interface, chosen by name (``--ner``).

A recogniser takes an article's text and its tokens and returns entity mentions whose
``start``/``end`` index that text exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from explorer.arabic.tokens import Token
from explorer.model import Entity


class BackendUnavailable(RuntimeError):
    """A recogniser cannot run here; the message is one line for the user."""


class Recognizer(Protocol):
    name: str

    def recognize(self, text: str, tokens: list[Token]) -> list[Entity]:
        """Entity mentions in ``text`` (without actor ids), in text order."""
        ...

    def recognize_many(self, articles: Sequence[tuple[str, list[Token]]]
                       ) -> list[list[Entity]]:
        """:meth:`recognize` for each of several articles (text, tokens), which a
        recogniser may tag together, faster than one by one."""
        ...


BACKENDS = ("auto", "crf", "crf-corpus", "camel")


def get_recognizer(name: str = "auto", offline: str = "crf") -> Recognizer:
    """The recogniser called ``name``; raises :class:`BackendUnavailable` with a reason.

    ``crf`` is the shipped offline model with government bodies marked as organisations;
    ``crf-corpus`` is the same model following the training corpora's conventions (for
    comparison with CoNLL scores); ``camel`` is camel-tools' BERT tagger, which needs its
    ``ner-arabert`` data; ``auto`` takes ``camel`` when that data is installed and loads,
    and the ``offline`` backend otherwise.
    """
    if name == "auto":
        from explorer.analysis.ner.camel import CamelRecognizer, camel_model_path

        if camel_model_path() is not None:
            try:
                return CamelRecognizer()
            except BackendUnavailable:
                pass  # installed but unusable: the offline model still works
        name = offline
    if name in ("crf", "crf-corpus"):
        from explorer.analysis.ner.crf import CrfRecognizer

        return CrfRecognizer(institutions=name == "crf")
    if name == "camel":
        from explorer.analysis.ner.camel import CamelRecognizer

        return CamelRecognizer()
    raise BackendUnavailable(f"unknown NER backend {name!r}; choose one of {', '.join(BACKENDS)}")
