"""Loading and analysing a whole corpus, shared by the CLI and the app's worker."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from explorer.analysis.actors import build_corpus
from explorer.analysis.pipeline import ArticleAnalysis, analyze
from explorer.corpus import DEFAULT_MAX_BYTES, load
from explorer.model import Article, Corpus, LoadError

Progress = Callable[[int, int, Article | LoadError], None]


def analyze_paths(paths: Iterable[str | Path], *, ner: str = "auto",
                  max_bytes: int = DEFAULT_MAX_BYTES,
                  on_item: Progress | None = None) -> Corpus:
    """Load every file under ``paths``, analyse each article, merge actors across them.

    ``on_item(done, total, item)`` is called after each article or error.
    """
    items = list(load(paths, max_bytes=max_bytes))
    analyses: list[ArticleAnalysis] = []
    errors: list[LoadError] = []
    for done, item in enumerate(items, 1):
        if isinstance(item, LoadError):
            errors.append(item)
        else:
            analyses.append(analyze(item, ner))
        if on_item is not None:
            on_item(done, len(items), item)
    return build_corpus(((a.article, a.actors) for a in analyses), errors)
