"""The shared analysis model: articles, entity mentions, quotes, actors and the corpus.

Every pane of the app, the actor search, the cache and the CLI read this one model, so it
depends on nothing else of ours and round-trips exactly through the analysis JSON
(schema ``explorer.analysis/1``, see DESIGN.md and docs/architecture.md).

Offsets are Python code-point indices into ``Article.text`` (``end`` exclusive).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

SCHEMA = "explorer.analysis/1"

EntityType = Literal["PERS", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "indirect"]
ENTITY_TYPES: tuple[str, ...] = ("PERS", "ORG", "LOC", "MISC")


@dataclass(slots=True)
class Entity:
    """One mention of a named entity in an article's text."""

    start: int
    end: int
    text: str
    type: str
    actor: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "type": self.type, "actor": self.actor}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entity:
        return cls(data["start"], data["end"], data["text"], data["type"], data.get("actor"))


@dataclass(slots=True)
class Quote:
    """Reported speech: the span of what was said, how, and by whom."""

    start: int
    end: int
    text: str
    kind: str
    cue: str
    speaker: str | None = None
    speaker_text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "cue": self.cue, "speaker": self.speaker, "speaker_text": self.speaker_text}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Quote:
        return cls(data["start"], data["end"], data["text"], data["kind"], data.get("cue", ""),
                   data.get("speaker"), data.get("speaker_text"))


@dataclass(slots=True)
class Article:
    """An article as loaded and analysed.

    ``text`` is the whole readable document in logical order, the headline first when the
    source has one, so that a headline quote («فلان: ...») has offsets like any other.
    """

    id: str
    path: str
    title: str
    text: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "path": self.path, "title": self.title,
                                "text": self.text}
        for key in ("date", "source", "url"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        data["entities"] = [e.to_json() for e in self.entities]
        data["quotes"] = [q.to_json() for q in self.quotes]
        return data

    @property
    def entity_count(self) -> int:
        """How many mentions the article has (the list shows it; a stored article knows
        it without reading its body)."""
        return len(self.entities)

    @property
    def quote_count(self) -> int:
        return len(self.quotes)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        return cls(
            id=data["id"], path=data.get("path", data["id"]), title=data.get("title", ""),
            text=data["text"], date=data.get("date"), source=data.get("source"),
            url=data.get("url"),
            entities=[Entity.from_json(e) for e in data.get("entities", [])],
            quotes=[Quote.from_json(q) for q in data.get("quotes", [])],
        )


@dataclass(slots=True)
class Actor:
    """One real-world person or organisation (or a place, when it speaks) across the corpus."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    quotes: int = 0
    articles: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type,
                "aliases": list(self.aliases), "roles": list(self.roles),
                "mentions": self.mentions, "quotes": self.quotes,
                "articles": list(self.articles)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Actor:
        return cls(data["id"], data["name"], data["type"], list(data.get("aliases", [])),
                   list(data.get("roles", [])), data.get("mentions", 0), data.get("quotes", 0),
                   list(data.get("articles", [])))


@dataclass(slots=True)
class LoadError:
    """A file (or records in it) that could not be read; one line for the user.

    ``records`` says how many records of a multi-article file the line stands for (one bad
    record, or a line counting those not listed one by one); 0 means the file itself was
    lost. The counts keep «139 records in 10 files» from being told as «139 files».
    """

    path: str
    error: str
    records: int = 0

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "error": self.error}
        if self.records:
            data["records"] = self.records
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LoadError:
        return cls(data["path"], data["error"], int(data.get("records", 0)))

    @property
    def file(self) -> str:
        """The file the line is about (a record's ``#index`` taken off)."""
        head, hash_, index = self.path.rpartition("#")
        return head if self.records and hash_ and index.isdigit() else self.path

    def __str__(self) -> str:
        return f"{self.path}: {self.error}"


@dataclass(frozen=True, slots=True)
class ErrorCounts:
    """How much could not be read: whole files, and bad records inside other files."""

    files: int
    records: int
    record_files: int

    @classmethod
    def of(cls, errors: list[LoadError]) -> ErrorCounts:
        return cls(len({e.file for e in errors if not e.records}),
                   sum(e.records for e in errors), len({e.file for e in errors if e.records}))


@dataclass
class Corpus:
    """All articles, actors and load errors, with the indices the panes need.

    The indices are derived on first use and never serialised, so equality and the JSON
    round-trip only concern the data itself.
    """

    articles: list[Article] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"schema": SCHEMA,
                "articles": [a.to_json() for a in self.articles],
                "actors": [a.to_json() for a in self.actors],
                "errors": [e.to_json() for e in self.errors]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Corpus:
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not an {SCHEMA} document (schema: {data.get('schema')!r})")
        return cls([Article.from_json(a) for a in data.get("articles", [])],
                   [Actor.from_json(a) for a in data.get("actors", [])],
                   [LoadError.from_json(e) for e in data.get("errors", [])])

    def invalidate(self) -> None:
        """Forget the derived indices after the articles or actors changed."""
        for name in ("article_by_id", "actor_by_id", "article_position", "mentions_by_actor",
                     "quotes_by_actor"):
            self.__dict__.pop(name, None)

    def prepare(self) -> None:
        """Build the lookups the panes use, so that the first profile opened does not wait
        for them (on 10,000 articles they take about a second): call it off the UI thread."""
        for name in ("article_by_id", "actor_by_id", "article_position", "quotes_by_actor"):
            getattr(self, name)   # a cached property: computed once, here

    def quotes_of(self, actor_id: str) -> list[tuple[Article, Quote]]:
        """Every quote attributed to the actor, in corpus order."""
        return self.quotes_by_actor.get(actor_id, [])

    def quote_total(self) -> int:
        return sum(article.quote_count for article in self.articles)

    @cached_property
    def article_position(self) -> dict[str, int]:
        """Article id → its place in :attr:`articles` (the list follows the open article)."""
        return {article.id: number for number, article in enumerate(self.articles)}

    @cached_property
    def article_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def actor_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def mentions_by_actor(self) -> dict[str, list[tuple[Article, Entity]]]:
        """Actor id → every mention of it, in corpus order."""
        index: dict[str, list[tuple[Article, Entity]]] = defaultdict(list)
        for article in self.articles:
            for entity in article.entities:
                if entity.actor is not None:
                    index[entity.actor].append((article, entity))
        return dict(index)

    @cached_property
    def quotes_by_actor(self) -> dict[str, list[tuple[Article, Quote]]]:
        """Actor id → every quote attributed to it, in corpus order."""
        index: dict[str, list[tuple[Article, Quote]]] = defaultdict(list)
        for article in self.articles:
            for quote in article.quotes:
                if quote.speaker is not None:
                    index[quote.speaker].append((article, quote))
        return dict(index)
