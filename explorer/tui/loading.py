"""Loading a corpus for the app, off the UI thread, articles handed over in batches.

:func:`load_corpus` is the body of the app's thread worker: it posts :class:`ItemsAnalysed`
with the articles and unreadable files done so far (the first at once, then a batch every
:data:`BATCH_SECONDS` or :data:`BATCH_MAX` items: one message per article kept the UI busy
for seconds at 10,000 articles), then :class:`CorpusReady` with the actors merged across
the corpus and indexed for search. A corpus that comes whole from the cache goes straight
to :class:`CorpusReady`. :func:`reopen_corpus` opens the folder again when its aliases
file changes or the reader asks (F5). A failure never escapes: it becomes
:class:`AnalysisFailed`, and what was analysed is kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from explorer.model import Corpus, LoadError

if TYPE_CHECKING:
    from explorer.analysis.pipeline import ArticleAnalysis
    from explorer.search import ActorIndex
    from explorer.stored_corpus import StoredCorpus


BATCH_SECONDS = 0.05   # the longest an analysed article waits for its batch to be posted
BATCH_MAX = 256        # (or, whichever comes first, this many articles)
SHOWN_WAIT = 0.5       # the longest the loader waits for a corpus it posted to be on screen


class ItemsAnalysed(Message):
    """The ``items`` that end at item ``done`` of ``total`` are ready, in corpus order:
    analysed articles and load errors."""

    def __init__(self, done: int, total: int,
                 items: Sequence[ArticleAnalysis | LoadError]) -> None:
        super().__init__()
        self.done, self.total, self.items = done, total, items


class CorpusReady(Message):
    """Actors are merged across the corpus and the actor index is built. ``checking``: it
    is the corpus the folder gave last time, shown while its files are checked, its list
    before its actors (:class:`ActorsRead`, then :class:`ActorsIndexed`; then
    :class:`CorpusChecked` follows if no file changed, or a new :class:`CorpusReady`)."""

    def __init__(self, corpus: Corpus, index: ActorIndex | None, *,
                 checking: bool = False) -> None:
        super().__init__()
        self.corpus, self.index, self.checking = corpus, index, checking
        # set by the app once the corpus is on screen: the loader, which reads the actors
        # next, holds the interpreter for a second or more and would keep it from painting
        self.shown = threading.Event()


class ActorsRead(Message):
    """The actors of ``corpus``, shown by its list alone (:class:`CorpusReady` with
    ``checking``: the last corpus of a folder, whose actors are read after its list), are
    read: its articles can be opened."""

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus


class ActorsIndexed(Message):
    """The actor index of ``corpus``, shown before it was built (:class:`CorpusReady` with
    no index: the last corpus of an archive, whose list is wanted at once)."""

    def __init__(self, corpus: Corpus, index: ActorIndex) -> None:
        super().__init__()
        self.corpus, self.index = corpus, index


class Checking(Message):
    """Files changed since the corpus shown was stored: ``done`` of ``total`` items are
    read or analysed again towards the new corpus."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total


class CorpusChecked(Message):
    """The corpus shown while its files were checked is the folder's corpus still (or,
    the check having failed, stays shown)."""


class AnalysisFailed(Message):
    """The analysis could not run (``final``: nothing follows) or stopped part way."""

    def __init__(self, reason: str, *, final: bool) -> None:
        super().__init__()
        self.reason = reason
        self.final = final


@dataclass(frozen=True, slots=True)
class LoadRequest:
    """What to open: ``paths`` to analyse, or an already analysed ``corpus``."""

    paths: Sequence[Path] = ()
    corpus: Corpus | None = None
    ner: str = "auto"
    max_bytes: int | None = None
    jobs: int | None = None
    cache: bool = True


def load_corpus(request: LoadRequest, post: Callable[[Message], object],
                warn: Callable[[str], None]) -> None:
    """Analyse (or take) the corpus of ``request``, posting progress with ``post``."""
    from explorer.analysis.corpus_run import analyze_paths, corpus_from, folder_aliases
    from explorer.analysis.ner import BackendUnavailable
    from explorer.corpus import DEFAULT_MAX_BYTES

    if request.corpus is not None:
        _publish(request.corpus, post)
        return
    items: list[ArticleAnalysis | LoadError] = []
    batches = _Batches(post)
    ready: list[Corpus] = []
    shown: list[Corpus] = []  # the folder's last corpus, shown while its files are checked
    said = [0.0]  # when the progress of that check was last posted

    def on_last(corpus: StoredCorpus) -> None:
        shown.append(corpus)
        _publish_last(corpus, post)

    def on_item(done: int, total: int, item: ArticleAnalysis | LoadError) -> None:
        items.append(item)
        if not shown:
            batches.add(done, total, item)
        elif done == total or time.monotonic() >= said[0] + BATCH_SECONDS * 10:
            said[0] = time.monotonic()  # the last corpus stays shown: only how far it is
            post(Checking(done, total))

    def on_ready(corpus: Corpus) -> None:
        batches.flush()
        ready.append(corpus)
        if shown and corpus is shown[0]:
            post(CorpusChecked())
        else:
            _publish(corpus, post)

    max_bytes = DEFAULT_MAX_BYTES if request.max_bytes is None else request.max_bytes
    try:
        analyze_paths(request.paths, ner=request.ner, max_bytes=max_bytes, jobs=request.jobs,
                      cache=request.cache, warn=warn, on_item=on_item, on_ready=on_ready,
                      on_last=on_last)
    except BackendUnavailable as exc:
        batches.flush()
        post(AnalysisFailed(str(exc), final=not shown))
        if shown:
            post(CorpusChecked())
    except Exception as exc:  # keep what was analysed; say why the rest was not
        batches.flush()
        post(AnalysisFailed(
            f"analysis stopped after {len(items)} item(s): {type(exc).__name__}: {exc}",
            final=False))
        if shown and not ready:
            post(CorpusChecked())   # the last corpus stays: better than a part of the new
        elif not ready:
            _publish(corpus_from(items, folder_aliases(request.paths, warn)), post)


def reopen_corpus(request: LoadRequest, post: Callable[[Message], object],
                  warn: Callable[[str], None], why: str) -> bool:
    """Open ``request``'s folder again, after its aliases file changed or at the reader's
    asking: files not changed since come from the cache (a file's stamp, then its articles'
    analyses), the others are analysed, the actors are merged again, and the app is handed
    the new corpus alone (:class:`CorpusReady`), not its articles one by one again. False
    when it could not (``why`` and the reason are posted as :class:`AnalysisFailed`; the
    corpus shown stays as it was)."""
    from explorer.analysis.corpus_run import analyze_paths
    from explorer.corpus import DEFAULT_MAX_BYTES

    max_bytes = DEFAULT_MAX_BYTES if request.max_bytes is None else request.max_bytes
    try:
        analyze_paths(request.paths, ner=request.ner, max_bytes=max_bytes, jobs=request.jobs,
                      cache=request.cache, warn=warn,
                      on_ready=lambda corpus: _publish(corpus, post))
    except Exception as exc:  # the corpus shown stays as it was
        post(AnalysisFailed(f"{why}: {type(exc).__name__}: {exc}", final=False))
        return False
    return True


class _Batches:
    """Items posted as :class:`ItemsAnalysed`: the first alone at once, then together
    once the oldest waiting is :data:`BATCH_SECONDS` old or :data:`BATCH_MAX` wait."""

    def __init__(self, post: Callable[[Message], object]) -> None:
        self._post = post
        self._items: list[ArticleAnalysis | LoadError] = []
        self._since = 0.0
        self._done = self._total = 0

    def add(self, done: int, total: int, item: ArticleAnalysis | LoadError) -> None:
        now = time.monotonic()
        if not self._items:
            self._since = now
        self._items.append(item)
        self._done, self._total = done, total
        if done == 1 or len(self._items) >= BATCH_MAX or now - self._since >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self._items:
            self._post(ItemsAnalysed(self._done, self._total, self._items))
            self._items = []


def _publish_last(corpus: StoredCorpus, post: Callable[[Message], object]) -> None:
    """Hand the app the corpus its folder gave last time, while its files are checked: on
    an archive its list first, then its actors, then their index, each a second or more
    after the other. Its actors damaged, nothing follows the list: the corpus is made
    again and replaces it."""
    from explorer.search import ActorIndex

    corpus.prepare()
    ready = CorpusReady(corpus, None, checking=True)
    post(ready)
    ready.shown.wait(SHOWN_WAIT)
    if corpus.read_actors():
        corpus.prepare()
        post(ActorsRead(corpus))
        post(ActorsIndexed(corpus, ActorIndex(corpus.actors)))


def _publish(corpus: Corpus, post: Callable[[Message], object]) -> None:
    """Index the merged corpus for search and hand it to the app."""
    from explorer.search import ActorIndex

    index = ActorIndex(corpus.actors)
    corpus.prepare()  # its lookups, built here off the UI thread
    post(CorpusReady(corpus, index))
