"""A merged corpus as the analysis cache keeps it: an index read whole, bodies read lazily.

Reopening an archive decodes its index in two steps: first the article list's rows (id,
path, title, date, source, url, and how many mentions and quotes each has), which the app
shows at once, then the actors with their names, roles, articles and counts
(:meth:`StoredCorpus.read_actors`), about as long again on an archive. An article's text,
mentions and quotes (its body) stay in the cache, one row per article, and are read when
the article is opened, exported or walked for an actor's profile, a few hundred at most
kept decoded. So memory and the time to a usable list grow with the number of articles
and actors, not with their text.

The shape is chosen for decoding speed: rows instead of objects, actors, articles and
repeated words by position, and a mention's text left out when the article text gives it.
The index is checked whole before use, and each body when read, against the index (its
counts and its actors), so a damaged or tampered entry is never shown: a damaged index is
made again (damaged actors, once its checked rows are shown: they stay until the new corpus
replaces them), a damaged body reads as an empty article with a one-line warning and drops the
stored corpus, which the next opening makes again. A change of this shape must bump
:data:`explorer.cache.FORMAT`, which is in its key.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Any

from explorer.analysis.collector import collector_paused
from explorer.model import Actor, Article, Corpus, Entity, LoadError, Quote

KEPT_BODIES = 256  # decoded bodies kept at once: a screen's worth of profile rows and more

ReadBody = Callable[[int], "str | None"]  # article number → its stored body, if present


def encode_corpus(corpus: Corpus) -> tuple[str, Iterator[str]]:
    """What is stored for a merged corpus: its index, and its articles' bodies in order
    (made as they are written, not all held at once). Rows instead of objects; an actor
    or article named by its position; entity types, quote kinds and cues by their position
    in a table of such words; a mention's or quote's text left out (null) when it is the
    slice of the article text its offsets name, as it nearly always is."""
    words: dict[str, int] = {}
    actor_at = {actor.id: number for number, actor in enumerate(corpus.actors)}
    article_at = {article.id: number for number, article in enumerate(corpus.articles)}

    def word(value: str) -> int:
        return words.setdefault(value, len(words))

    for article in corpus.articles:  # every word a body names is in the index's table
        for entity in article.entities:
            word(entity.type)
        for quote in article.quotes:
            word(quote.kind)
            word(quote.cue)
    articles = [[a.id, a.path, a.title, a.date, a.source, a.url, a.entity_count,
                 a.quote_count] for a in corpus.articles]
    actors = [[a.id, a.name, word(a.type), a.aliases, a.roles,
               [article_at[article_id] for article_id in a.articles], a.mentions, a.quotes]
              for a in corpus.actors]
    errors = [[e.path, e.error, e.records] for e in corpus.errors]
    rows = json.dumps({"words": list(words), "articles": articles, "errors": errors,
                       "actors": len(actors)}, ensure_ascii=False, separators=(",", ":"))
    # compact JSON holds no line break (one in a string is written «\n»): the rows end at
    # the first, so they are decoded without the actors
    index = rows + "\n" + json.dumps(actors, ensure_ascii=False, separators=(",", ":"))

    def actor(actor_id: str | None) -> int | None:
        return None if actor_id is None else actor_at[actor_id]

    def bodies() -> Iterator[str]:
        for article in corpus.articles:
            text = article.text
            entities = [[e.start, e.end, None if text[e.start:e.end] == e.text else e.text,
                         words[e.type], actor(e.actor)] for e in article.entities]
            quotes = [[q.start, q.end, None if text[q.start:q.end] == q.text else q.text,
                       words[q.kind], words[q.cue], actor(q.speaker), q.speaker_text]
                      for q in article.quotes]
            yield json.dumps([text, entities, quotes], ensure_ascii=False,
                             separators=(",", ":"))

    return index, bodies()


def decode_corpus(stored: str, read_body: ReadBody,
                  warn: Callable[[str], None] | None = None,
                  forget: Callable[[], None] | None = None) -> StoredCorpus:
    """The corpus :func:`encode_corpus` stored, rows and actors (:func:`decode_rows`, then
    :meth:`StoredCorpus.read_actors`); ValueError if anything is off."""
    corpus = decode_rows(stored, read_body, warn, forget)
    if not corpus.read_actors():
        raise ValueError("unreadable corpus entry: its actors")
    return corpus


def decode_rows(stored: str, read_body: ReadBody,
                warn: Callable[[str], None] | None = None,
                forget: Callable[[], None] | None = None) -> StoredCorpus:
    """The corpus :func:`encode_corpus` stored, its article rows decoded and checked as a
    whole before use (every value of its type, every word named by position present),
    its actors left for :meth:`StoredCorpus.read_actors`; ValueError if anything is off,
    so that the corpus is made again instead of shown. Bodies are read with ``read_body``
    when first used, once the actors are read; ``warn`` hears of a damaged one, and
    ``forget`` is called then, to drop the stored corpus so the next opening makes it
    again."""
    rows, line_break, actors = stored.partition("\n")
    try:
        if not line_break:
            raise ValueError("no actors")
        data: dict[str, Any] = json.loads(rows)
        words: list[str] = data["words"]
        bodies = ArticleBodies(read_body, words, warn, forget)
        articles = [StoredArticle(number, row, bodies)
                    for number, row in enumerate(data["articles"])]
        errors = [LoadError(path, error, records) for path, error, records in data["errors"]]
        _check_types(words, articles, errors)
        if type(data["actors"]) is not int:
            raise ValueError("no count of actors")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
        raise ValueError(f"unreadable corpus entry: {error}") from None
    corpus = StoredCorpus(articles, [], errors)
    corpus.pending = _PendingActors(actors, data["actors"], bodies, forget)
    return corpus


class _PendingActors:
    """The stored actors of a corpus whose rows are decoded, until they are read."""

    def __init__(self, stored: str, count: int, bodies: ArticleBodies,
                 forget: Callable[[], None] | None) -> None:
        self.stored, self.count, self.bodies, self.forget = stored, count, bodies, forget

    def decode(self, articles: list[StoredArticle]) -> list[Actor]:
        """The actors, checked as a whole; ValueError if anything is off."""
        try:
            words = self.bodies.words
            article_ids = [article.id for article in articles]
            actors = [Actor(actor_id, name, words[kind], aliases, roles, mentions, quotes,
                            [article_ids[number] for number in seen_in])
                      for actor_id, name, kind, aliases, roles, seen_in, mentions, quotes
                      in json.loads(self.stored)]
            if len(actors) != self.count:
                raise ValueError("not as many actors as its rows say")
            _check_actor_types(actors)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
            raise ValueError(f"unreadable corpus entry: {error}") from None
        return actors


class StoredArticle(Article):
    """An article whose list row is in memory and whose body (text, mentions, quotes) is
    read from the cache when first asked for, through :class:`ArticleBodies`."""

    __slots__ = ("_number", "_bodies", "_entity_count", "_quote_count")

    def __init__(self, number: int, row: list[Any], bodies: ArticleBodies) -> None:
        (self.id, self.path, self.title, self.date, self.source, self.url,
         self._entity_count, self._quote_count) = row
        self._number, self._bodies = number, bodies

    @property  # type: ignore[override]
    def text(self) -> str:
        return self._bodies.body(self)[0]

    @property  # type: ignore[override]
    def entities(self) -> list[Entity]:
        return self._bodies.body(self)[1]

    @property  # type: ignore[override]
    def quotes(self) -> list[Quote]:
        return self._bodies.body(self)[2]

    @property
    def entity_count(self) -> int:
        return self._entity_count

    @property
    def quote_count(self) -> int:
        return self._quote_count

    def __eq__(self, other: object) -> bool:
        """Equal to any article with the same fields, stored or not."""
        if not isinstance(other, Article):
            return NotImplemented
        return self.to_json() == other.to_json()

    __hash__ = None  # type: ignore[assignment]  # as Article's: mutable, compared by value


Body = tuple[str, list[Entity], list[Quote]]


class ArticleBodies:
    """The stored articles' bodies: read by number, checked against the article's row and
    the actors, and the last :data:`KEPT_BODIES` kept decoded. Safe to use from the UI
    thread and a worker at once."""

    def __init__(self, read: ReadBody, words: list[str], warn: Callable[[str], None] | None,
                 forget: Callable[[], None] | None) -> None:
        self._read, self.words, self._warn, self._forget = read, words, warn, forget
        self.actor_ids: list[str] = []
        # set once the actors are read (or found damaged): a body names them by position
        self.actors_read = threading.Event()
        self.actors_damaged = False
        self._kept: OrderedDict[int, Body] = OrderedDict()
        self._lock = threading.Lock()
        self.reads = 0  # bodies decoded so far (tests check that reading is lazy)

    def body(self, article: StoredArticle) -> Body:
        number = article._number
        self.actors_read.wait()
        if self.actors_damaged:
            return "", [], []  # the corpus is being made again, and replaces this one
        with self._lock:
            found = self._kept.get(number)
            if found is not None:
                self._kept.move_to_end(number)
                return found
        stored = self._read(number)
        try:
            if stored is None:
                raise ValueError("its body is missing from the cache")
            found = self._decode(stored, article)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
            if self._warn is not None:
                self._warn(f"{article.path}: cached analysis unreadable ({error}); it is "
                           "made again when the folder is next opened")
            if self._forget is not None:
                self._forget()
            found = ("", [], [])
        with self._lock:
            self.reads += 1
            self._kept[number] = found
            while len(self._kept) > KEPT_BODIES:
                self._kept.popitem(last=False)
        return found

    def _decode(self, stored: str, article: StoredArticle) -> Body:
        """One body, checked as it is read: offsets inside the text, values of their type,
        as many mentions and quotes as the article's row says."""
        text, entities, quotes = json.loads(stored)
        words, actor_ids = self.words, self.actor_ids
        if type(text) is not str:
            raise ValueError("a text that is not a string")
        if len(entities) != article.entity_count or len(quotes) != article.quote_count:
            raise ValueError("its mentions or quotes do not match the article list")
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
        return (text,
                [Entity(start, end, text[start:end] if said is None else said, words[kind],
                        None if actor is None else actor_ids[actor])
                 for start, end, said, kind, actor in entities],
                [Quote(start, end, text[start:end] if said is None else said, words[kind],
                       words[cue], None if speaker is None else actor_ids[speaker],
                       speaker_text)
                 for start, end, said, kind, cue, speaker, speaker_text in quotes])


class StoredCorpus(Corpus):
    """A corpus whose article bodies stay in the cache: an actor's quotes are gathered
    from the bodies of its own articles when asked for, never indexed over every article
    (which would read them all)."""

    def __eq__(self, other: object) -> bool:
        """Equal to any corpus with the same articles, actors and errors."""
        if not isinstance(other, Corpus):
            return NotImplemented
        return (self.articles, self.actors, self.errors) == (other.articles, other.actors,
                                                             other.errors)

    __hash__ = None  # type: ignore[assignment]

    pending: _PendingActors | None = None  # actors stored but not read yet
    actors_damaged = False  # ... and found damaged when read

    def read_actors(self) -> bool:
        """Read the actors :func:`decode_rows` left stored (any thread; once): True once
        they are read, False if they are damaged; the stored corpus is then dropped, so
        that the opening makes it again, and this one keeps no actors and reads its
        bodies as empty. Until then, reading a body waits."""
        pending = self.pending
        if pending is None:
            return not self.actors_damaged
        from explorer.analysis.corpus_run import FREEZE_MIN

        self.pending = None
        bodies = pending.bodies
        try:
            with collector_paused(freeze_from=FREEZE_MIN):  # millions of objects, no cycles
                self.actors = pending.decode(self.articles)
            bodies.actor_ids = [actor.id for actor in self.actors]
            self.__dict__.pop("actor_by_id", None)
        except ValueError:
            self.actors_damaged = bodies.actors_damaged = True
            if pending.forget is not None:
                pending.forget()
        bodies.actors_read.set()
        return not self.actors_damaged

    def prepare(self) -> None:
        for name in ("article_by_id", "article_position"):
            getattr(self, name)
        if self.pending is None:
            _ = self.actor_by_id

    def quotes_of(self, actor_id: str) -> list[tuple[Article, Quote]]:
        return [(article, quote) for article in self._articles_of(actor_id)
                for quote in article.quotes if quote.speaker == actor_id]

    def _articles_of(self, actor_id: str) -> list[Article]:
        actor = self.actor_by_id.get(actor_id)
        if actor is None:
            return []
        found = self.article_by_id
        return [found[article_id] for article_id in actor.articles if article_id in found]


def _check_types(words: list[str], articles: list[StoredArticle], errors: list[LoadError]
                 ) -> None:
    """ValueError unless the rows hold strings where strings belong and counts where counts
    belong."""
    strings: list[object] = [*words]
    counts: list[object] = []
    for article in articles:
        strings += (article.id, article.path, article.title)
        strings += [value for value in (article.date, article.source, article.url)
                    if value is not None]
        counts += (article.entity_count, article.quote_count)
    for error in errors:
        strings += (error.path, error.error)
        counts.append(error.records)
    _check_values(strings, counts)


def _check_actor_types(actors: list[Actor]) -> None:
    """ValueError unless the actors hold strings and counts where they belong, and no two
    share an id."""
    strings: list[object] = []
    counts: list[object] = []
    for actor in actors:
        if type(actor.aliases) is not list or type(actor.roles) is not list:
            raise ValueError("an actor's names or roles are not a list")
        strings += (actor.id, actor.name, *actor.aliases, *actor.roles)
        counts += (actor.mentions, actor.quotes)
    _check_values(strings, counts)
    if len({actor.id for actor in actors}) != len(actors):
        raise ValueError("two actors with one id")


def _check_values(strings: list[object], counts: list[object]) -> None:
    if not all(type(value) is str for value in strings):
        raise ValueError("a name of the wrong type")
    if not all(type(value) is int and value >= 0 for value in counts):
        raise ValueError("a count that is not a number")
