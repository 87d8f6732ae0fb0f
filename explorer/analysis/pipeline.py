"""The analysis pipeline: Article → tokens → entities (NER) → quotes → local actors.

``analyze`` is pure and its inputs and outputs are picklable, so it runs unchanged in
worker processes; the recogniser is loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from explorer.analysis.actors import LocalActor, resolve_article
from explorer.analysis.ner import Recognizer, get_recognizer
from explorer.analysis.quotes import extract_quotes
from explorer.arabic.tokens import tokenize
from explorer.model import Article


@dataclass(slots=True)
class ArticleAnalysis:
    """An analysed article (entities and quotes keyed to local actors) and those actors."""

    article: Article
    actors: list[LocalActor] = field(default_factory=list)


@cache
def recognizer(name: str = "auto") -> Recognizer:
    """The process-wide recogniser for ``name`` (loading a model once per process)."""
    return get_recognizer(name)


def analyze(article: Article, ner: str = "auto") -> ArticleAnalysis:
    """Analyse one article; the input article is not modified."""
    text = article.text
    tokens = tokenize(text)
    entities = recognizer(ner).recognize(text, tokens)
    actors = resolve_article(entities)
    quotes = extract_quotes(text, entities)
    return ArticleAnalysis(replace(article, entities=entities, quotes=quotes), actors)
