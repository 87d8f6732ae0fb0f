"""Actors: mentions merged into one actor per real person or organisation.

Within an article, mentions with the same name key are one local actor; across the corpus,
local actors with the same key and type become one :class:`Actor` with a stable id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from explorer.arabic.normalize import name_key
from explorer.model import Actor, Article, Corpus, Entity, LoadError


@dataclass(slots=True)
class LocalActor:
    """An actor as seen inside one article, before corpus-wide merging."""

    key: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None


def resolve_article(entities: list[Entity]) -> list[LocalActor]:
    """Group an article's mentions into local actors and set each mention's ``actor`` key."""
    actors: dict[str, LocalActor] = {}
    for entity in entities:
        key = f"{entity.type}:{name_key(entity.text)}"
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = LocalActor(key, entity.text, entity.type)
        elif entity.text != actor.name and entity.text not in actor.aliases:
            if len(entity.text) > len(actor.name):
                actor.aliases.append(actor.name)
                actor.name = entity.text
            else:
                actor.aliases.append(entity.text)
        entity.actor = key
    return list(actors.values())


def build_corpus(analysed: Iterable[tuple[Article, list[LocalActor]]],
                 errors: Iterable[LoadError] = ()) -> Corpus:
    """Merge local actors across articles and give every actor a stable id.

    Ids are the type's initial and a number in order of first appearance, so the same
    input always gives the same ids.
    """
    articles: list[Article] = []
    merged: dict[str, Actor] = {}
    counters: dict[str, int] = {}
    for article, local_actors in analysed:
        articles.append(article)
        ids: dict[str, str] = {}
        for local in local_actors:
            actor = merged.get(local.key)
            if actor is None:
                counters[local.type] = counters.get(local.type, 0) + 1
                actor_id = f"{local.type[0].lower()}{counters[local.type]}"
                actor = merged[local.key] = Actor(actor_id, local.name, local.type)
            _absorb(actor, local)
            ids[local.key] = actor.id
            if article.id not in actor.articles:
                actor.articles.append(article.id)
        for entity in article.entities:
            entity.actor = ids.get(entity.actor) if entity.actor else None
        for quote in article.quotes:
            quote.speaker = ids.get(quote.speaker) if quote.speaker else None
    corpus = Corpus(articles, list(merged.values()), list(errors))
    for actor in corpus.actors:
        actor.mentions = len(corpus.mentions_by_actor.get(actor.id, []))
        actor.quotes = len(corpus.quotes_by_actor.get(actor.id, []))
    return corpus


def _absorb(actor: Actor, local: LocalActor) -> None:
    names = [local.name, *local.aliases]
    if len(local.name) > len(actor.name):
        names.append(actor.name)
        actor.name = local.name
    for name in names:
        if name != actor.name and name not in actor.aliases:
            actor.aliases.append(name)
    for role in local.roles:
        if role not in actor.roles:
            actor.roles.append(role)
