"""Loading and analysing a whole corpus, shared by the CLI and the app's worker."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from explorer.analysis.actors import build_corpus
from explorer.analysis.pipeline import ArticleAnalysis, analyze
from explorer.corpus import DEFAULT_MAX_BYTES, load
from explorer.model import Corpus, LoadError

Progress = Callable[[int, int, ArticleAnalysis | LoadError], None]


def stream_analyses(paths: Iterable[str | Path], *, ner: str = "auto",
                    max_bytes: int = DEFAULT_MAX_BYTES
                    ) -> Iterator[tuple[int, ArticleAnalysis | LoadError]]:
    """``(total, item)`` for every article (analysed) or load error under ``paths``, in order.

    ``total`` is the number of items to expect, known once the files have been read, so
    that callers can show progress while articles arrive one by one.
    """
    items = list(load(paths, max_bytes=max_bytes))
    for item in items:
        yield len(items), item if isinstance(item, LoadError) else analyze(item, ner)


def corpus_from(items: Iterable[ArticleAnalysis | LoadError]) -> Corpus:
    """Merge analysed articles' actors across the corpus, keeping the load errors."""
    analyses = [i for i in items if not isinstance(i, LoadError)]
    errors = [i for i in items if isinstance(i, LoadError)]
    return build_corpus(((a.article, a.actors) for a in analyses), errors)


def analyze_paths(paths: Iterable[str | Path], *, ner: str = "auto",
                  max_bytes: int = DEFAULT_MAX_BYTES,
                  on_item: Progress | None = None) -> Corpus:
    """Load, analyse and merge everything under ``paths``; ``on_item(done, total, item)``
    is called after each article or error."""
    items: list[ArticleAnalysis | LoadError] = []
    for done, (total, item) in enumerate(stream_analyses(paths, ner=ner, max_bytes=max_bytes), 1):
        items.append(item)
        if on_item is not None:
            on_item(done, total, item)
    return corpus_from(items)
