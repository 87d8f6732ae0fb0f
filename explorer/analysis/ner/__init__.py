"""Named-entity recognisers behind one interface, chosen by name (``--ner``).

A recogniser takes an article's text and its tokens and returns entity mentions whose
``start``/``end`` index that text exactly.
"""

from __future__ import annotations

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


BACKENDS = ("auto", "gazetteer")


def get_recognizer(name: str = "auto") -> Recognizer:
    """The recogniser called ``name``; raises :class:`BackendUnavailable` with a reason."""
    if name in ("auto", "gazetteer"):
        from explorer.analysis.ner.gazetteer import GazetteerRecognizer

        return GazetteerRecognizer()
    raise BackendUnavailable(f"unknown NER backend {name!r}; choose one of {', '.join(BACKENDS)}")
