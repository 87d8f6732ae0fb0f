"""The actors found so far, while a corpus is still being analysed.

A first analysis of a large folder takes minutes; the actor index proper is merged across
the corpus only at its end. Meanwhile the actor pane searches these provisional actors:
each article's local actors, joined across articles when their normalised keys are equal
(the first step of the corpus merge, without its surname and spelling joins). Adding a
batch costs only that batch; the search index over them is rebuilt off the UI thread, and
the larger it is the more rarely (:func:`reindex_pause`): building it costs a fraction of
a second at tens of thousands of actors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from explorer.model import Actor

if TYPE_CHECKING:
    from explorer.analysis.pipeline import ArticleAnalysis

REINDEX_SECONDS = 1.5  # how often the app looks whether to index the actors again
# An index build holds the interpreter for a while (0.4 s at 54,000 actors): the next one
# waits this many times as long, so that at most a sixth of the time goes to indexing.
_PAUSE_FACTOR = 5.0


def reindex_pause(took: float) -> float:
    """Seconds to wait after an index build that took ``took`` seconds."""
    return max(REINDEX_SECONDS, _PAUSE_FACTOR * took)


class ProvisionalActors:
    """Local actors of the articles analysed so far, one :class:`Actor` per local key."""

    def __init__(self) -> None:
        self._by_key: dict[str, Actor] = {}
        self.changed = False

    def __len__(self) -> int:
        return len(self._by_key)

    def add(self, analysed: Iterable[ArticleAnalysis]) -> None:
        """Count the local actors of ``analysed`` articles in."""
        for item in analysed:
            article = item.article
            mentions: dict[str, int] = {}
            for entity in article.entities:
                if entity.actor:
                    mentions[entity.actor] = mentions.get(entity.actor, 0) + 1
            quotes: dict[str, int] = {}
            for quote in article.quotes:
                if quote.speaker:
                    quotes[quote.speaker] = quotes.get(quote.speaker, 0) + 1
            for local in item.actors:
                actor = self._by_key.get(local.key)
                if actor is None:
                    actor = self._by_key[local.key] = Actor(local.key, local.name, local.type)
                for form in (local.name, *local.aliases):
                    if form != actor.name and form not in actor.aliases:
                        actor.aliases.append(form)
                for role in local.roles:
                    if role not in actor.roles:
                        actor.roles.append(role)
                actor.mentions += mentions.get(local.key, 0)
                actor.quotes += quotes.get(local.key, 0)
                actor.articles.append(article.id)
                self.changed = True

    def snapshot(self) -> list[Actor]:
        """The actors as they stand (the list is new; the index built over it keeps it)."""
        self.changed = False
        return list(self._by_key.values())
