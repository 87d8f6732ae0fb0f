"""Actors: mentions merged into one actor per real person or organisation.

Within an article, a person's mentions merge by name key (folded: hamza, ya, ta marbuta,
diacritics; each word without proclitics or ال), and a surname or first name joins the one
full name it belongs to («بالادينو» → «روبرت بالادينو», «بن عمر» → «سلمى بن عمر»). An
institution or place written with and without its nisba adjectives («الخارجية» /
«الخارجية الأمريكية») is one actor. Across the corpus, local actors with the same key
merge, and a lone surname joins a full name only when exactly one actor carries it.
Ids are the type's initial and a number in order of first appearance, so the same input
always gives the same ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from explorer.arabic.normalize import fold, name_key
from explorer.model import Actor, Article, Corpus, Entity, LoadError

Span = tuple[int, int]


@dataclass(slots=True)
class LocalActor:
    """An actor as seen inside one article, before corpus-wide merging.

    ``gender`` ('m'/'f' or None) comes from titles (وزيرة) and agreeing verbs (قالت).
    """

    key: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None


def resolve_article(entities: list[Entity], roles: Mapping[Span, list[str]] | None = None,
                    genders: Mapping[Span, str] | None = None) -> list[LocalActor]:
    """Group an article's mentions into local actors and set each mention's ``actor`` key.

    ``roles`` and ``genders`` give what the text says about a mention at (start, end).
    """
    roles = roles or {}
    genders = genders or {}
    groups: list[list[Entity]] = []
    by_key: dict[tuple[str, str], list[Entity]] = {}
    for entity in entities:
        key = (entity.type, name_key(entity.text))
        if key not in by_key:
            by_key[key] = []
            groups.append(by_key[key])
        by_key[key].append(entity)
    groups = _merge_partial_names(groups)
    groups = _merge_adjectival(groups)
    groups = _merge_generic_heads(groups)
    actors: list[LocalActor] = []
    for group in sorted(groups, key=lambda g: min(e.start for e in g)):
        actor = _local_actor(group, roles, genders)
        for entity in group:
            entity.actor = actor.key
        actors.append(actor)
    return actors


@lru_cache(maxsize=8192)
def name_words(text: str) -> tuple[str, ...]:
    """The words of a name's key (cached: names recur many times in an article)."""
    return tuple(name_key(text).split())


def _words(entity: Entity) -> list[str]:
    return list(name_words(entity.text))


def _merge_partial_names(groups: list[list[Entity]]) -> list[list[Entity]]:
    """Persons named by a surname, a first name, or a first name and surname join the one
    full name that fits."""
    full = [g for g in groups if g[0].type == "PERS" and len(_words(g[0])) > 1]
    result: list[list[Entity]] = []
    for group in groups:
        words = _words(group[0])
        if group[0].type != "PERS" or group in full and len(words) > 2:
            result.append(group)
            continue
        fits = [g for g in full if g is not group and len(_words(g[0])) > len(words)
                and (_words(g[0])[-len(words):] == words
                     or len(words) == 1 and _words(g[0])[0] == words[0]
                     or len(words) == 2 and _words(g[0])[0] == words[0]
                     and _words(g[0])[-1] == words[1])]
        if len(fits) == 1:
            fits[0].extend(group)
        else:
            result.append(group)
    return [g for g in result if g]


def _merge_adjectival(groups: list[list[Entity]]) -> list[list[Entity]]:
    """«الخارجية» joins «الخارجية الأمريكية»: same head, the longer adds nisba adjectives."""
    result: list[list[Entity]] = []
    for group in sorted(groups, key=lambda g: -len(_words(g[0]))):
        words = _words(group[0])
        target = next((g for g in result if g[0].type == group[0].type != "PERS"
                       and len(_words(g[0])) > len(words)
                       and _words(g[0])[:len(words)] == words
                       and all(w.endswith(("ي", "يه")) for w in _words(g[0])[len(words):])),
                      None)
        if target is not None:
            target.extend(group)
        else:
            result.append(group)
    return result


def _merge_generic_heads(groups: list[list[Entity]]) -> list[list[Entity]]:
    """«الوزارة» joins «وزارة الداخلية الكويتية» when the article names one body of that
    kind: the head alone, with the article, is the body named before in full."""
    # each body named in full by its first word as written: the name key would read
    # «وزارة» as و + «زارة»
    heads = [(fold(g[0].text).split()[0], g) for g in groups
             if g[0].type == "ORG" and len(_words(g[0])) > 1]
    result: list[list[Entity]] = []
    for group in groups:
        written = fold(group[0].text)
        head = written.removeprefix("ال")
        fits = [g for first, g in heads if first == head] if (
            group[0].type == "ORG" and " " not in written and head != written) else []
        if len(fits) == 1 and min(e.start for e in fits[0]) < min(e.start for e in group):
            fits[0].extend(group)
        else:
            result.append(group)
    return result


def _local_actor(group: list[Entity], roles: Mapping[Span, list[str]],
                 genders: Mapping[Span, str]) -> LocalActor:
    ordered = sorted(group, key=lambda e: e.start)
    name = max((e.text for e in ordered), key=lambda t: (len(name_words(t)), len(t)))
    actor = LocalActor(f"{group[0].type}:{name_key(name)}", name, group[0].type)
    for entity in ordered:
        if entity.text != name and entity.text not in actor.aliases:
            actor.aliases.append(entity.text)
        for role in roles.get((entity.start, entity.end), []):
            if role not in actor.roles:
                actor.roles.append(role)
        if actor.gender is None:
            actor.gender = genders.get((entity.start, entity.end))
    return actor


def build_corpus(analysed: Iterable[tuple[Article, list[LocalActor]]],
                 errors: Iterable[LoadError] = ()) -> Corpus:
    """Merge local actors across articles and give every actor a stable id."""
    items = [(article, list(locals_)) for article, locals_ in analysed]
    canonical = _corpus_keys(local for _, locals_ in items for local in locals_)
    merged: dict[str, Actor] = {}
    counters: dict[str, int] = {}
    seen_in: dict[str, set[str]] = {}  # actor id → its article ids (the list keeps order)
    for article, local_actors in items:
        ids: dict[str, str] = {}
        for local in local_actors:
            key = canonical[local.key]
            actor = merged.get(key)
            if actor is None:
                counters[local.type] = counters.get(local.type, 0) + 1
                actor_id = f"{local.type[0].lower()}{counters[local.type]}"
                actor = merged[key] = Actor(actor_id, local.name, local.type)
            _absorb(actor, local)
            ids[local.key] = actor.id
            seen = seen_in.setdefault(actor.id, set())
            if article.id not in seen:
                seen.add(article.id)
                actor.articles.append(article.id)
        for entity in article.entities:
            entity.actor = ids.get(entity.actor) if entity.actor else None
        for quote in article.quotes:
            quote.speaker = ids.get(quote.speaker) if quote.speaker else None
    corpus = Corpus([a for a, _ in items], list(merged.values()), list(errors))
    for actor in corpus.actors:
        actor.mentions = len(corpus.mentions_by_actor.get(actor.id, []))
        actor.quotes = len(corpus.quotes_by_actor.get(actor.id, []))
    return corpus


def _corpus_keys(locals_: Iterable[LocalActor]) -> dict[str, str]:
    """Local key → corpus key: a one-word person key maps to the single full name that
    ends with it (or starts with it), when the corpus holds exactly one."""
    keys = {local.key: local for local in locals_}
    by_last_word: dict[str, list[str]] = {}  # full person names by their last word
    for k, a in keys.items():
        words = k.split(":", 1)[1].split()
        if a.type == "PERS" and len(words) > 1:
            by_last_word.setdefault(words[-1], []).append(k)
    result: dict[str, str] = {}
    for key, local in keys.items():
        words = key.split(":", 1)[1].split()
        result[key] = key
        if local.type != "PERS" or len(words) != 1:
            continue
        fits = by_last_word.get(words[0], [])
        if len(fits) == 1:
            result[key] = fits[0]
    return result


def _absorb(actor: Actor, local: LocalActor) -> None:
    names = [local.name, *local.aliases]
    if len(name_words(local.name)) > len(name_words(actor.name)) or (
            len(local.name) > len(actor.name)
            and len(name_words(local.name)) == len(name_words(actor.name))):
        names.append(actor.name)
        actor.name = local.name
    for name in names:
        if name != actor.name and name not in actor.aliases:
            actor.aliases.append(name)
    for role in local.roles:
        if role not in actor.roles:
            actor.roles.append(role)
