"""The analysis pipeline: Article → tokens → entities (NER, then the mentions the text's
titles and speech structure prove) → quotes → local actors → speakers.

``analyze`` is pure and its inputs and outputs are picklable, so it runs unchanged in
worker processes; the recogniser is loaded once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from explorer.analysis.actors import LocalActor, resolve_article
from explorer.analysis.collector import collector_paused
from explorer.analysis.mentions import collect_mentions
from explorer.analysis.ner import Recognizer, get_recognizer
from explorer.analysis.quotes import find_quotes
from explorer.analysis.speakers import attribute
from explorer.arabic.tokens import Token, tokenize
from explorer.model import Article, Entity


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
    return analyze_many([article], ner)[0]


def analyze_many(articles: Sequence[Article], ner: str = "auto") -> list[ArticleAnalysis]:
    """:func:`analyze` for each of several articles, the recogniser tagging them together
    (what a worker does with its chunk of a corpus)."""
    with collector_paused():
        tokens = [tokenize(article.text) for article in articles]
        recognised = recognizer(ner).recognize_many(
            [(article.text, article_tokens)
             for article, article_tokens in zip(articles, tokens, strict=True)])
        return [_analyze_recognised(article, article_tokens, entities)
                for article, article_tokens, entities in zip(articles, tokens, recognised,
                                                             strict=True)]


def _analyze_recognised(article: Article, tokens: list[Token],
                        recognised: list[Entity]) -> ArticleAnalysis:
    """The rest of the analysis once the recogniser has found its entities."""
    text = article.text
    mentions, reader = collect_mentions(text, tokens, recognised)
    found = find_quotes(text, reader, mentions)
    entities = mentions.entities
    actors = resolve_article(entities, mentions.roles, mentions.genders)
    quotes = attribute(text, found, entities, actors)
    return ArticleAnalysis(replace(article, entities=entities, quotes=quotes), actors)
