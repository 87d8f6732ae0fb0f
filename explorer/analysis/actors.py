"""Actors: mentions merged into one actor per real person or organisation.

Within an article, a person's mentions merge by name key (folded: hamza, ya, ta marbuta,
diacritics; each word without proclitics or ال), and a surname or first name joins the one
full name it belongs to («بالادينو» → «روبرت بالادينو», «بن عمر» → «سلمى بن عمر»). An
institution or place written with and without its nisba adjectives («الخارجية» /
«الخارجية الأمريكية») is one actor. Across the corpus, local actors with the same key
merge; a lone surname, or a name that begins a longer one, joins the full name that
dominates the corpus's mentions of the names that hold it; a bare given name or a body's
generic head stays an actor of its article.
Ids are the type's initial and a number in order of first appearance, so the same input
always gives the same ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from explorer.analysis.aliases import Aliases, apply_aliases
from explorer.analysis.name_phrases import is_generic_body_key
from explorer.analysis.ner.resources import curated_given_names
from explorer.arabic.clitics import PROCLITIC_LETTERS
from explorer.arabic.normalize import clean_display, fold, name_key
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
    full name that fits. Longer names join first, so a shorter full name already joined to
    a longer one («منصور البلوي», «منصور بن حمدان البلوي») is one candidate, not two, for
    the first name alone («منصور»)."""
    full = [g for g in groups if g[0].type == "PERS" and len(_words(g[0])) > 1]
    joined: set[int] = set()  # ids of the groups that joined a longer name
    for group in sorted(groups, key=lambda g: -len(_words(g[0]))):
        words = _words(group[0])
        if group[0].type != "PERS" or group in full and len(words) > 2:
            continue
        fits = [g for g in full if g is not group and id(g) not in joined
                and len(_words(g[0])) > len(words)
                and (_words(g[0])[-len(words):] == words
                     or len(words) == 1 and _words(g[0])[0] == words[0]
                     or len(words) == 2 and _words(g[0])[0] == words[0]
                     and _words(g[0])[-1] == words[1])]
        if len(fits) == 1:
            fits[0].extend(group)
            joined.add(id(group))
    return [g for g in groups if id(g) not in joined]


def _merge_adjectival(groups: list[list[Entity]]) -> list[list[Entity]]:
    """«الخارجية» joins «الخارجية الأمريكية»: same head, the longer adds nisba adjectives
    (not a noun behind «لل»: «الاتحاد» is not «الاتحاد الجزائري للأندية»)."""
    result: list[list[Entity]] = []
    for group in sorted(groups, key=lambda g: -len(_words(g[0]))):
        words = _words(group[0])
        target = next((g for g in result if g[0].type == group[0].type != "PERS"
                       and len(_words(g[0])) > len(words)
                       and _words(g[0])[:len(words)] == words
                       and all(w.endswith(("ي", "يه")) for w in _words(g[0])[len(words):])
                       and not any(fold(w).startswith("لل")
                                   for w in g[0].text.split()[len(words):])),
                      None)
        if target is not None:
            target.extend(group)
        else:
            result.append(group)
    return result


def _merge_generic_heads(groups: list[list[Entity]]) -> list[list[Entity]]:
    """«الوزارة» joins «وزارة الداخلية الكويتية», and a kind of body alone its full name
    that begins with it («الهيئة» «الهيئة العامة للسياحة والآثار»; not a name of its
    own: «الاتحاد» the club is not «الاتحاد الدولي لكرة القدم»; only where no name in
    construct fits), when the article names one body of that kind: the head alone, with
    the article, is the body named before in full."""
    # each body named in full by its first word as written: the name key would read
    # «وزارة» as و + «زارة»
    heads = [(fold(g[0].text).split()[0], g) for g in groups
             if g[0].type == "ORG" and len(_words(g[0])) > 1]
    result: list[list[Entity]] = []
    for group in groups:
        written = fold(group[0].text)
        head = written.removeprefix("ال")
        fits = []
        if group[0].type == "ORG" and " " not in written and head != written:
            fits = [g for first, g in heads if first == head]
            if not fits and is_generic_body_key(written):
                fits = [g for first, g in heads if first == written]
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


@dataclass(slots=True)
class ArticleActors:
    """What the corpus merge needs of one article, without its text: its id, its local
    actors, how often each local key is mentioned as each written form (in the order the
    forms first appear), and how many quotes each speaks. A corpus too large to hold whole
    is merged from these (:func:`merge_actors`)."""

    article_id: str
    actors: list[LocalActor]
    forms: Counter[tuple[str, str]]  # (local key, text as written) → mentions
    quotes: Counter[str]  # local key → quotes it speaks


def article_actors(article: Article, actors: list[LocalActor]) -> ArticleActors:
    """The merge's view of ``article`` (its mentions and quotes still keyed locally)."""
    return ArticleActors(article.id, list(actors),
                         Counter((e.actor, e.text) for e in article.entities if e.actor),
                         Counter(q.speaker for q in article.quotes if q.speaker))


def build_corpus(analysed: Iterable[tuple[Article, list[LocalActor]]],
                 errors: Iterable[LoadError] = (), aliases: Aliases | None = None) -> Corpus:
    """Merge local actors across articles and give every actor a stable id; ``aliases``
    (the folder's aliases file) corrects the merge where a reader found it wrong."""
    items = [(article, list(locals_)) for article, locals_ in analysed]
    actors, ids = merge_actors([article_actors(article, locals_) for article, locals_ in items],
                               aliases)
    for (article, _), article_ids in zip(items, ids, strict=True):
        for entity in article.entities:
            entity.actor = article_ids.get(entity.actor) if entity.actor else None
        for quote in article.quotes:
            quote.speaker = article_ids.get(quote.speaker) if quote.speaker else None
    return Corpus([article for article, _ in items], actors, list(errors))


def merge_actors(summaries: list[ArticleActors], aliases: Aliases | None = None
                 ) -> tuple[list[Actor], list[dict[str, str]]]:
    """The corpus's actors, ids in order of first appearance, with their mentions, quotes
    and display names; and for each article, its local keys' actor ids."""
    weights: Counter[str] = Counter()  # mentions of each local key
    spread: Counter[str] = Counter()  # articles of each local key
    for summary in summaries:
        for (key, _), count in summary.forms.items():
            weights[key] += count
        spread.update(local.key for local in summary.actors)
    given = first_names({(local.type, _name_of(local.key), weights.get(local.key, 0))
                         for summary in summaries for local in summary.actors})
    canonical = _corpus_keys((local for summary in summaries for local in summary.actors),
                             _Weights(weights, spread), given)
    if aliases:
        apply_aliases(canonical, aliases, weights)
    merged: dict[str, Actor] = {}
    counters: dict[str, int] = {}
    seen_in: dict[str, set[str]] = {}  # actor id → its article ids (the list keeps order)
    mapping: list[dict[str, str]] = []
    for summary in summaries:
        ids: dict[str, str] = {}
        for local in summary.actors:
            key = canonical[local.key]
            if key == local.key and stays_local_name(local.type, _name_of(key), given):
                key = f"{key}@{summary.article_id}"  # «محمد», «الوزارة»: of this article
            actor = merged.get(key)
            if actor is None:
                counters[local.type] = counters.get(local.type, 0) + 1
                actor_id = f"{local.type[0].lower()}{counters[local.type]}"
                actor = merged[key] = Actor(actor_id, local.name, local.type)
            _absorb(actor, local)
            ids[local.key] = actor.id
            seen = seen_in.setdefault(actor.id, set())
            if summary.article_id not in seen:
                seen.add(summary.article_id)
                actor.articles.append(summary.article_id)
        mapping.append(ids)
    _count(merged.values(), summaries, mapping)
    return list(merged.values()), mapping


def _count(actors: Iterable[Actor], summaries: list[ArticleActors],
           mapping: list[dict[str, str]]) -> None:
    """Each actor's mentions and quotes over the corpus, and its name shown (forms counted
    in the order they first appear in the corpus, as its mentions are read)."""
    forms: dict[str, Counter[str]] = {}
    quotes: Counter[str] = Counter()
    for summary, ids in zip(summaries, mapping, strict=True):
        for (key, text), count in summary.forms.items():
            if key in ids:
                forms.setdefault(ids[key], Counter())[text] += count
        for key, count in summary.quotes.items():
            if key in ids:
                quotes[ids[key]] += count
    for actor in actors:
        written = forms.get(actor.id)
        actor.mentions = sum(written.values()) if written else 0
        actor.quotes = quotes.get(actor.id, 0)
        if written:
            _show_name(actor, written)


def _name_of(key: str) -> str:
    """The name part of an actor key («PERS:باراك اوباما» → «باراك اوباما»)."""
    return key.split(":", 1)[1]


def first_names(persons: Iterable[tuple[str, str, int]]) -> frozenset[str]:
    """Given names: the curated list, and words that begin the full names of two persons or
    more among ``persons`` (type, name key, mentions), and begin more mentions than they
    end («فلاديمير بوتين», «فلاديمير بوزنر»; not «أوباما» or «خامنئي», which begin a few
    runs of the tagger's and end «باراك أوباما», «علي خامنئي» hundreds of times)."""
    begins: dict[str, set[str]] = {}
    weight: Counter[str] = Counter()  # mentions of names a word begins, less those it ends
    for kind, key, mentions in persons:
        words = key.split()
        if kind == "PERS" and len(words) > 1:
            begins.setdefault(words[0], set()).add(key)
            weight[words[0]] += mentions
            weight[words[-1]] -= mentions
    return curated_given_names() | frozenset(word for word, keys in begins.items()
                                      if len(keys) > 1 and weight[word] > 0)


def stays_local_name(kind: str, key: str, given: frozenset[str] | None = None) -> bool:
    """Whether a name key is a bare given name («محمد», «فلاديمير») or a body's generic
    head alone («الوزارة», «اللجنة»): across articles such a name is many people and many
    bodies, so it is not merged with the same name elsewhere (``given``: the given names,
    :func:`first_names`; the curated list when None)."""
    words = key.split()
    if len(words) != 1:
        return False
    if kind == "PERS":
        return words[0] in (curated_given_names() if given is None else given)
    return kind == "ORG" and is_generic_body_key(words[0])


# The full name shown is among the forms written at least this share as often as the most
# frequent one.
_COMMON_SHARE = 0.2


def _show_name(actor: Actor, forms: Counter[str]) -> None:
    """Name an actor by the most frequent clean written form of its full name (the longest
    of its usual forms, not one written once or twice): without
    tatweel, diacritics or presentation forms (:func:`clean_display`), and without a
    proclitic glued to it where the corpus writes the name without it too («لأوباما»,
    «والفيصل» → «أوباما», «الفيصل»). The forms as written stay among its aliases."""
    cleaned: Counter[str] = Counter()
    for text, count in forms.items():
        cleaned[clean_display(text)] += count
    for form in sorted(cleaned, key=len, reverse=True):
        bare = _without_glued_clitic(form, cleaned)
        if bare is not None:
            cleaned[bare] += cleaned.pop(form)
    common = cleaned.most_common(1)[0][1] * _COMMON_SHARE  # not a form written once or twice
    usual = [form for form in cleaned if cleaned[form] >= common]
    most_words = max(len(form.split()) for form in usual)
    name = max((form for form in usual if len(form.split()) == most_words),
               key=lambda form: (cleaned[form], form))
    if name != actor.name:
        if actor.name not in actor.aliases:
            actor.aliases.append(actor.name)
        if name in actor.aliases:
            actor.aliases.remove(name)
        actor.name = name


def _without_glued_clitic(form: str, forms: Counter[str]) -> str | None:
    """``form`` without the proclitic glued to its first word, when the corpus also writes
    the name without it («لنوري المالكي» / «نوري المالكي», «للفيصل» / «الفيصل»)."""
    if form[:1] not in PROCLITIC_LETTERS:
        return None
    for bare in (form[1:], "ال" + form[2:] if form.startswith("لل") else ""):
        if bare and bare in forms and bare != form:
            return bare
    return None


# A shorter name joins a longer one that holds it when that one has this share of the
# mentions of all the names that hold it («أوباما» → «باراك أوباما», not «ميشيل أوباما»).
_DOMINANT_SHARE = 0.75


def _corpus_keys(locals_: Iterable[LocalActor], weights: _Weights,
                 given: frozenset[str]) -> dict[str, str]:
    """Local key → corpus key. A person's surname alone joins the full name ending with it
    that dominates the corpus's mentions of such names («أوباما» → «باراك أوباما»); a name
    that begins a longer one joins the longer one that dominates likewise («محمد بن سلمان»
    → «محمد بن سلمان بن عبدالعزيز», «سلمان بن عبدالعزيز» → «... آل سعود»), and a given
    name and surname the one with the father's name between («عادل الجبير» → «عادل بن
    أحمد الجبير»). A given name alone joins nothing: it names many people
    (:func:`stays_local_name`). A name spelt otherwise joins its usual spelling
    (:func:`_spelt_otherwise`)."""
    keys = {local.key: local for local in locals_}
    by_last_word: dict[str, list[str]] = {}  # full person names by their last word
    by_prefix: dict[tuple[str, ...], list[str]] = {}  # full person names by their beginnings
    by_ends: dict[tuple[str, ...], list[str]] = {}  # ... by their first and last words
    by_tail: dict[tuple[str, ...], list[str]] = {}  # ... by all their words but the first
    for key, local in keys.items():
        words = tuple(_name_of(key).split())
        if local.type != "PERS" or len(words) < 2:
            continue
        by_last_word.setdefault(words[-1], []).append(key)
        for size in range(2, len(words)):
            by_prefix.setdefault(words[:size], []).append(key)
        if len(words) > 2:
            by_ends.setdefault((words[0], words[-1]), []).append(key)
        by_tail.setdefault(words[1:], []).append(key)
    result: dict[str, str] = {key: key for key in keys}
    for key, local in keys.items():
        words = tuple(_name_of(key).split())
        if local.type != "PERS" or len(words) < 2:
            continue
        longer = _dominant(key, by_prefix.get(words, []), weights)
        if longer is None and len(words) == 2:
            longer = _dominant(key, by_ends.get(words, []), weights)
        if longer is None:
            longer = _spelt_otherwise(key, words, keys, by_tail, weights, given)
        if longer is not None:
            result[key] = longer
    _follow_chains(result)
    for key, local in keys.items():  # a surname, once the full names are joined
        words = _name_of(key).split()
        if local.type == "PERS" and len(words) == 1 and words[0] not in given:
            holders = by_last_word.get(words[0], [])
            longer = _dominant(*_as_joined(key, holders, result, weights))
            if longer is not None:
                result[key] = longer
    _follow_chains(result)
    return result


def _follow_chains(result: dict[str, str]) -> None:
    """Make each key point at the end of its chain of joins, its longest name."""
    for key, target in result.items():
        seen = {key}
        while result.get(target, target) != target and target not in seen:
            seen.add(target)
            target = result[target]
        result[key] = target


def _as_joined(short: str, keys: list[str], result: Mapping[str, str], weights: _Weights
               ) -> tuple[str, list[str], _Weights]:
    """``short`` and ``keys`` (the names that hold it) as the names they were joined to,
    with the weights of the joined names: «الجبير» is held by «عادل الجبير» and «عادل بن
    أحمد الجبير», one man who together dominates the mentions of names ending «الجبير».
    The weights hold only these names (a joined name's articles may be counted twice)."""
    mentions: Counter[str] = Counter({short: weights.mentions[short]})
    articles: Counter[str] = Counter({short: weights.articles[short]})
    joined: list[str] = []
    for key in keys:
        target = result[key]
        if target not in joined:
            joined.append(target)
            mentions[target] += weights.mentions[target]
            articles[target] += weights.articles[target]
        if target != key:
            mentions[target] += weights.mentions[key]
            articles[target] += weights.articles[key]
    return short, joined, _Weights(mentions, articles)


# Two first names this alike (rapidfuzz ratio), with one surname, are one name spelt twice
# («ميشال» / «ميشيل», «جوزيف» / «جوزف») when one is written this many times more often, or
# simply more often when the surname is foreign: «سعد الحربي» and «سعيد الحربي», or «سعد
# جميل» and «سعيد جميل», may be two men, «ميشال بلاتيني» and «ميشيل بلاتيني» are not.
_LIKE_FIRST_NAMES = 80
_WITH_ARTICLE = ("ال", "وال", "فال", "بال", "كال", "لل")
_USUAL_SPELLING = 3


def _spelt_otherwise(key: str, words: tuple[str, ...], keys: Mapping[str, LocalActor],
                     by_tail: Mapping[tuple[str, ...], list[str]], weights: _Weights,
                     given: frozenset[str]) -> str | None:
    """The person a full name is another spelling of: the same words but a proclitic the
    key kept on a short first name («لسيب بلاتر», «وجيب بوش»), or a like first name with
    the same other words, written more often («ميشيل بلاتيني» → «ميشال بلاتيني»)."""
    mentions = weights.mentions
    if words[0][:1] in PROCLITIC_LETTERS:
        bare = key.split(":", 1)[0] + ":" + " ".join((words[0][1:], *words[1:]))
        if bare in keys and mentions[bare] > mentions[key]:
            return bare
    written = fold(keys[key].name.split()[-1])  # the key drops the article of «الحربي»
    foreign = not written.startswith(_WITH_ARTICLE) and words[-1] not in given
    needed = mentions[key] + 1 if foreign else _USUAL_SPELLING * max(mentions[key], 1)
    best = None
    for other in by_tail.get(words[1:], []):
        if (other != key and mentions[other] >= needed
                and fuzz.ratio(_name_of(other).split()[0], words[0])
                >= _LIKE_FIRST_NAMES
                and (best is None or mentions[other] > mentions[best])):
            best = other
    return best


@dataclass(frozen=True, slots=True)
class _Weights:
    """How much of the corpus each local key names: its mentions and its articles."""

    mentions: Counter[str]
    articles: Counter[str]


# A longer name is a name, not a tagger's run of two names («جون كيري أوباما»), when it
# is written in two articles or more and has this share of the shorter one's mentions.
_LONGER_SHARE = 0.05


def _dominant(short: str, keys: list[str], weights: _Weights) -> str | None:
    """The one of ``keys`` (longer names holding ``short``) that ``short`` joins: the one
    with the dominant share of their mentions, itself a name of the corpus."""
    if not keys:
        return None
    mentions = weights.mentions
    best = max(keys, key=lambda key: (mentions[key], key))
    if len(keys) == 1 and " " not in _name_of(short):
        return best  # the one full name a surname belongs to («الطرابلسي»)
    if weights.articles[best] < 2 or mentions[best] < _LONGER_SHARE * mentions[short]:
        return None
    total = sum(mentions[key] for key in keys)
    return best if mentions[best] >= _DOMINANT_SHARE * total else None


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
