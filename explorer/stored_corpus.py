"""A merged corpus as the analysis cache keeps it: compact JSON, checked whole on reading.

Reopening 10,000 articles through this entry is one JSON decode of some 30 MB, so the shape
is chosen for decoding speed: rows instead of objects, actors, articles and repeated words
by position, and a mention's text left out when the article text gives it. Nothing decoded
is used before every value is checked, so a damaged or tampered entry is made again, never
shown. A change of this shape must bump :data:`explorer.cache.FORMAT`, which is in its key.
"""

from __future__ import annotations

import json
from typing import Any

from explorer.model import Actor, Article, Corpus, Entity, LoadError, Quote


def encode_corpus(corpus: Corpus) -> str:
    """What is stored for a merged corpus, made to decode fast: rows instead of objects; an
    actor or article named by its position; entity types, quote kinds and cues by their
    position in a table of such words; a mention's or quote's text left out (null) when it
    is the slice of the article text its offsets name, as it nearly always is. Mention and
    quote counts are not stored: they are counted again from the mentions on reading."""
    words: dict[str, int] = {}
    actor_at = {actor.id: number for number, actor in enumerate(corpus.actors)}
    article_at = {article.id: number for number, article in enumerate(corpus.articles)}

    def word(value: str) -> int:
        return words.setdefault(value, len(words))

    def actor(actor_id: str | None) -> int | None:
        return None if actor_id is None else actor_at[actor_id]

    articles = []
    for article in corpus.articles:
        text = article.text
        entities = [[e.start, e.end, None if text[e.start:e.end] == e.text else e.text,
                     word(e.type), actor(e.actor)] for e in article.entities]
        quotes = [[q.start, q.end, None if text[q.start:q.end] == q.text else q.text,
                   word(q.kind), word(q.cue), actor(q.speaker), q.speaker_text]
                  for q in article.quotes]
        articles.append([article.id, article.path, article.title, text, article.date,
                         article.source, article.url, entities, quotes])
    actors = [[a.id, a.name, word(a.type), a.aliases, a.roles,
               [article_at[article_id] for article_id in a.articles]] for a in corpus.actors]
    errors = [[e.path, e.error, e.records] for e in corpus.errors]
    return json.dumps({"words": list(words), "actors": actors, "articles": articles,
                       "errors": errors}, ensure_ascii=False, separators=(",", ":"))


def decode_corpus(stored: str) -> Corpus:
    """The corpus :func:`encode_corpus` stored, checked as a whole before use: every value
    of its type, offsets inside their article's text, every actor, article or word named by
    position present; ValueError if anything is off, so that the corpus is made again
    instead of shown."""
    try:
        data: dict[str, Any] = json.loads(stored)
        words: list[str] = data["words"]
        actors = [Actor(actor_id, name, words[kind], aliases, roles, 0, 0, seen_in)
                  for actor_id, name, kind, aliases, roles, seen_in in data["actors"]]
        actor_ids = [actor.id for actor in actors]
        articles = [_decode_article(row, words, actor_ids) for row in data["articles"]]
        article_ids = [article.id for article in articles]
        for actor in actors:
            actor.articles = [article_ids[number] for number in actor.articles]
        errors = [LoadError(path, error, records) for path, error, records in data["errors"]]
        _check_types(words, actors, errors)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
        raise ValueError(f"unreadable corpus entry: {error}") from None
    corpus = Corpus(articles, actors, errors)
    mentions, quoted = corpus.mentions_by_actor, corpus.quotes_by_actor
    for actor in actors:
        actor.mentions = len(mentions.get(actor.id, ()))
        actor.quotes = len(quoted.get(actor.id, ()))
    return corpus


def _decode_article(row: list[Any], words: list[str], actor_ids: list[str]) -> Article:
    """One article of :func:`decode_corpus`, its rows checked as they are read."""
    article_id, path, title, text, date, source, url, entities, quotes = row
    if not (type(article_id) is type(path) is type(title) is type(text) is str) or any(
            value is not None and type(value) is not str for value in (date, source, url)):
        raise ValueError("an article field of the wrong type")
    length = len(text)
    for start, end, said, _, _ in entities:
        if (type(start) is not int or type(end) is not int or not 0 <= start <= end <= length
                or said is not None and type(said) is not str):
            raise ValueError("a mention that does not fit its article")
    for start, end, said, _, _, _, speaker_text in quotes:
        if (type(start) is not int or type(end) is not int or not 0 <= start <= end <= length
                or said is not None and type(said) is not str
                or speaker_text is not None and type(speaker_text) is not str):
            raise ValueError("a quote that does not fit its article")
    return Article(
        article_id, path, title, text, date, source, url,
        [Entity(start, end, text[start:end] if said is None else said, words[kind],
                None if actor is None else actor_ids[actor])
         for start, end, said, kind, actor in entities],
        [Quote(start, end, text[start:end] if said is None else said, words[kind], words[cue],
               None if speaker is None else actor_ids[speaker], speaker_text)
         for start, end, said, kind, cue, speaker, speaker_text in quotes])


def _check_types(words: list[str], actors: list[Actor], errors: list[LoadError]) -> None:
    """ValueError unless the words, actors and errors of a decoded corpus hold strings where
    strings belong, and no two actors share an id."""
    strings: list[object] = [*words]
    for actor in actors:
        if type(actor.aliases) is not list or type(actor.roles) is not list:
            raise ValueError("an actor's names or roles are not a list")
        strings += (actor.id, actor.name, *actor.aliases, *actor.roles)
    for error in errors:
        strings += (error.path, error.error)
        if type(error.records) is not int:
            raise ValueError("a load error's record count is not a number")
    if not all(type(value) is str for value in strings):
        raise ValueError("a name of the wrong type")
    if len({actor.id for actor in actors}) != len(actors):
        raise ValueError("two actors with one id")
