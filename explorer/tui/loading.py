"""Loading a corpus for the app, off the UI thread, one message per article.

:func:`load_corpus` is the body of the app's thread worker: it posts
:class:`ItemAnalysed` for every article or unreadable file as soon as it is done, then
:class:`CorpusReady` with the actors merged across the corpus and indexed for search. A
failure never escapes: it becomes :class:`AnalysisFailed`, and what was analysed is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from explorer.model import Corpus, LoadError

if TYPE_CHECKING:
    from explorer.analysis.pipeline import ArticleAnalysis
    from explorer.search import ActorIndex


class ItemAnalysed(Message):
    """Item ``done`` of ``total`` is ready: an analysed article or a load error."""

    def __init__(self, done: int, total: int, item: ArticleAnalysis | LoadError) -> None:
        super().__init__()
        self.done, self.total, self.item = done, total, item


class CorpusReady(Message):
    """Actors are merged across the corpus and the actor index is built."""

    def __init__(self, corpus: Corpus, index: ActorIndex) -> None:
        super().__init__()
        self.corpus, self.index = corpus, index


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
    from explorer.analysis.corpus_run import corpus_from, stream_analyses
    from explorer.analysis.ner import BackendUnavailable
    from explorer.corpus import DEFAULT_MAX_BYTES
    from explorer.search import ActorIndex

    if request.corpus is not None:
        index = ActorIndex(request.corpus.actors)
        _build_indices(request.corpus)
        post(CorpusReady(request.corpus, index))
        return
    items: list[ArticleAnalysis | LoadError] = []
    max_bytes = DEFAULT_MAX_BYTES if request.max_bytes is None else request.max_bytes
    try:
        analyses = stream_analyses(request.paths, ner=request.ner, max_bytes=max_bytes,
                                   jobs=request.jobs, cache=request.cache, warn=warn)
        for done, (total, item) in enumerate(analyses, 1):
            items.append(item)
            post(ItemAnalysed(done, total, item))
    except BackendUnavailable as exc:
        post(AnalysisFailed(str(exc), final=True))
        return
    except Exception as exc:  # keep what was analysed; say why the rest was not
        post(AnalysisFailed(
            f"analysis stopped after {len(items)} item(s): {type(exc).__name__}: {exc}",
            final=False))
    corpus = corpus_from(items)
    index = ActorIndex(corpus.actors)
    _build_indices(corpus)
    post(CorpusReady(corpus, index))


def _build_indices(corpus: Corpus) -> None:
    """Build the corpus's lookups here, off the UI thread: on 10,000 articles they take
    about a second, which the first profile opened would otherwise wait for."""
    for name in ("article_by_id", "actor_by_id", "mentions_by_actor", "quotes_by_actor"):
        getattr(corpus, name)   # a cached property: computed once, here
