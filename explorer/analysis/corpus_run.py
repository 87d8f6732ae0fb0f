"""Loading and analysing a whole corpus, shared by the CLI and the app's worker.

Articles already analysed by the same analyser come from the cache (:mod:`explorer.cache`);
the others are analysed on all cores by a process pool, in chunks, and every result is
handed back in corpus order as soon as it and those before it are ready, so callers can show
articles while the rest are being analysed. Small batches stay in the calling process, where
starting workers would cost more than it saves. :func:`analyze_paths` also keeps the merged
corpus in the cache, and a corpus none of whose files changed comes back from it whole.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing import forkserver, resource_tracker
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from explorer.analysis.actors import ArticleActors, article_actors, build_corpus, merge_actors
from explorer.analysis.aliases import Aliases, aliases_path, read_aliases
from explorer.analysis.collector import collector_paused
from explorer.analysis.ner import BackendUnavailable
from explorer.analysis.pipeline import ArticleAnalysis, analyze_many, recognizer
from explorer.corpus import DEFAULT_MAX_BYTES, discover, load_file
from explorer.model import Article, Corpus, LoadError

if TYPE_CHECKING:
    from explorer.cache import AnalysisCache
    from explorer.stored_corpus import StoredCorpus

Progress = Callable[[int, int, ArticleAnalysis | LoadError], None]
Warn = Callable[[str], None]

# Below this many articles to analyse, worker start-up (a model load each) costs more.
PARALLEL_MIN = 24
CHUNK_MAX = 16


def default_jobs() -> int:
    """Worker processes to use by default: one per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def stream_analyses(paths: Iterable[str | Path], *, ner: str = "auto",
                    max_bytes: int = DEFAULT_MAX_BYTES, jobs: int | None = None,
                    cache: bool = True, warn: Warn | None = None,
                    cache_dir: Path | None = None
                    ) -> Iterator[tuple[int, ArticleAnalysis | LoadError]]:
    """``(total, item)`` for every article (analysed) or load error under ``paths``, in order.

    ``total`` is the number of items to expect, known once the files have been read, so
    that callers can show progress while articles arrive one by one. ``jobs`` worker
    processes analyse (default: all cores); ``cache=False`` neither reads nor writes the
    analysis cache; ``warn`` receives one-line notices (default: stderr).
    """
    with _open_cache(cache, ner, warn, cache_dir) as (store, version):
        yield from _stream(store, version, _discover(paths, store), ner, max_bytes, jobs)


# A file found under the opened paths: its path, its id, and (with a cache) its stamp.
Found = tuple[Path, str, str | None]


def _discover(paths: Iterable[str | Path], store) -> list[Found | LoadError]:
    """The files under ``paths`` in order, with their stamps (taken before any is read, so
    a file changed while it is read is read again next time)."""
    from explorer.cache import file_stamp

    return [item if isinstance(item, LoadError)
            else (*item, file_stamp(item[0]) if store is not None else None)
            for item in discover(paths)]


def _stream(store, version: str, found: list[Found | LoadError], ner: str, max_bytes: int,
            jobs: int | None) -> Iterator[tuple[int, ArticleAnalysis | LoadError]]:
    """The items of ``found`` in order: cached analyses, and the others analysed now (and
    stored). The files are read twice, one at a time: first to count their items (the
    total callers show progress against), then to hand them out; so no more than one
    file's articles and the analyses in flight are held at once, however large the corpus."""
    total, fresh = _count(store, found, max_bytes, version)
    entries = _entries(store, found, max_bytes, version)
    for item, key in _in_order(entries, fresh, ner, default_jobs() if jobs is None else jobs):
        if store is not None and key is not None:
            store.put(key, item)
        yield total, item


# What the second reading hands on: a load error, an analysis from the cache or an article
# to analyse, each with its cache key when a fresh analysis is to be stored under it.
Entry = tuple[ArticleAnalysis | LoadError | Article, str | None]


def _count(store, found: list[Found | LoadError], max_bytes: int, version: str
           ) -> tuple[int, int]:
    """How many items the files of ``found`` hold, and how many of their articles have no
    analysis in the cache (each file read, or its entry in the cache decoded, and let go)."""
    total = fresh = 0
    keys: list[str] = []
    for items, file_keys in _loaded_files(store, found, max_bytes, version):
        total += len(items)
        fresh += sum(isinstance(item, Article) for item in items)
        keys += file_keys
        if store is not None and len(keys) >= _CACHE_ASK:
            fresh -= len(store.cached_keys(keys))
            keys = []
    if store is not None:
        fresh -= len(store.cached_keys(keys))
        store.flush()  # the second reading finds the files' entries the first one made
    return total, fresh


def _entries(store, found: list[Found | LoadError], max_bytes: int, version: str
             ) -> Iterator[Entry]:
    """Every item of the ``found`` files in order, each article's cached analysis in its
    place; the cache is asked for a few hundred articles at a time."""
    keyed = ((item, None if isinstance(item, LoadError) else next(file_keys, None))
             for items, keys in _loaded_files(store, found, max_bytes, version)
             for file_keys in [iter(keys)] for item in items)
    if store is None:
        yield from keyed
        return
    while block := list(islice(keyed, _CACHE_ASK)):
        articles = [(item, key) for item, key in block if isinstance(item, Article)]
        known = _cached_analyses(store, [item for item, _ in articles],
                                 [key for _, key in articles])
        for item, key in block:
            cached = known.get(key) if key is not None else None
            yield (item, key) if cached is None else (cached, None)


def _loaded_files(store, found: list[Found | LoadError], max_bytes: int, version: str
                  ) -> Iterator[tuple[list[Article | LoadError], list[str]]]:
    """Each found file's items and its articles' cache keys (none without a cache), the
    cache asked for the files' entries a few hundred files at a time."""
    for first in range(0, len(found), _CACHE_ASK):
        yield from _load_through(store, found[first:first + _CACHE_ASK], max_bytes, version)


def _in_order(entries: Iterator[Entry], fresh: int, ner: str, jobs: int
              ) -> Iterator[tuple[ArticleAnalysis | LoadError, str | None]]:
    """Each entry ready, in order: the articles among them analysed in chunks (on ``jobs``
    worker processes when there are enough of them), the rest as they are. Chunks are
    handed out as the entries are read, and reading stops while the oldest is still being
    analysed and too much waits behind it, so what is held stays bounded."""
    with _Chunks(ner, jobs if fresh >= PARALLEL_MIN else 1, fresh) as chunks:
        waiting: deque[tuple[ArticleAnalysis | LoadError | _Chunk, int, str | None]] = deque()
        for item, key in entries:
            if isinstance(item, Article):
                chunk, place = chunks.add(item)
                waiting.append((chunk, place, key))
            else:
                waiting.append((item, 0, key))
            while waiting and (len(waiting) > _AHEAD_MAX or chunks.too_many()
                               or _ready(waiting[0][0])):
                yield _result(waiting.popleft(), chunks)
        while waiting:
            yield _result(waiting.popleft(), chunks)


# Articles asked from the cache at a time, and entries read ahead of the oldest unfinished
# chunk at most.
_CACHE_ASK = 256
_AHEAD_MAX = 1024


def _ready(item: ArticleAnalysis | LoadError | _Chunk) -> bool:
    return not isinstance(item, _Chunk) or item.done()


def _result(waiting: tuple[ArticleAnalysis | LoadError | _Chunk, int, str | None],
            chunks: _Chunks) -> tuple[ArticleAnalysis | LoadError, str | None]:
    item, place, key = waiting
    return (chunks.result(item)[place], key) if isinstance(item, _Chunk) else (item, key)


class _Chunk:
    """Articles analysed together: in a worker (``future``) or, without workers, here the
    first time the results are asked for."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.future: Future | None = None
        self.results: list[ArticleAnalysis] | None = None

    def done(self) -> bool:
        return self.results is not None or self.future is not None and self.future.done()


class _Chunks:
    """Makes the chunks of one stream and has them analysed: in this process when ``jobs``
    is 1 (the first article alone, so the app can show it at once), else on a pool of
    ``jobs`` workers with a few chunks each in flight."""

    def __init__(self, ner: str, jobs: int, fresh: int) -> None:
        self._ner = ner
        self._jobs = jobs
        self._size = max(1, min(CHUNK_MAX, fresh // (jobs * 4))) if jobs > 1 else CHUNK_MAX
        self._open: _Chunk | None = None
        self._started = 0
        self._in_flight: deque[_Chunk] = deque()
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Chunks:
        if self._jobs > 1:
            context = _context()
            _start_helper_processes(context)
            self._pool = ProcessPoolExecutor(max_workers=self._jobs, mp_context=context,
                                             initializer=_start_worker, initargs=(self._ner,))
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def add(self, article: Article) -> tuple[_Chunk, int]:
        """The chunk ``article`` goes into, and its place there; a full chunk is sent off."""
        chunk = self._open or _Chunk()
        self._open = chunk
        chunk.articles.append(article)
        if len(chunk.articles) >= (1 if self._started == 0 and self._pool is None
                                   else self._size):
            self._send(chunk)
        return chunk, len(chunk.articles) - 1

    def too_many(self) -> bool:
        """Whether the oldest chunk must be waited for before more are read."""
        while self._in_flight and self._in_flight[0].done():
            self._in_flight.popleft()
        return len(self._in_flight) >= (self._jobs * 4 if self._pool is not None else 1)

    def result(self, chunk: _Chunk) -> list[ArticleAnalysis]:
        """The analyses of ``chunk``, waiting for them (sending it off first if it is the
        one still filling)."""
        if chunk is self._open:
            self._send(chunk)
        if chunk.results is None:
            if chunk.future is None:
                chunk.results = analyze_many(chunk.articles, self._ner)
            else:
                batch = chunk.future.result()
                if isinstance(batch, str):
                    raise BackendUnavailable(batch)
                chunk.results = batch
            chunk.articles = []
        return chunk.results

    def _send(self, chunk: _Chunk) -> None:
        self._open = None
        self._started += 1
        if self._pool is not None:
            chunk.future = self._pool.submit(_analyse_chunk, chunk.articles, self._ner)
        self._in_flight.append(chunk)


@contextlib.contextmanager
def _open_cache(use: bool, ner: str, warn: Warn | None, directory: Path | None
                ) -> Iterator[tuple[AnalysisCache | None, str]]:
    """The analysis cache and the analyser's version, or ``(None, "")`` without a cache;
    the cache is closed after the block."""
    if not use:
        yield None, ""
        return
    from explorer.cache import AnalysisCache, analyser_version

    store = AnalysisCache(directory, **({"warn": warn} if warn else {}))
    try:
        yield store, analyser_version(ner)
    finally:
        store.close()


def _load_through(store, found: list[Found | LoadError], max_bytes: int, version: str
                  ) -> Iterator[tuple[list[Article | LoadError], list[str]]]:
    """Each of the ``found`` files' items and its articles' cache keys (none without a
    cache), in order.

    A file whose stamp (size, times, inode) matches what the cache holds for it is not read:
    its articles and errors come from the cache. Every other file is loaded, and what it
    produced is remembered under the stamp taken before reading it.
    """
    from explorer.cache import article_key, encode_file, file_key

    files = [None if store is None or isinstance(item, LoadError)
             else file_key(item[0], item[1], max_bytes, version) for item in found]
    entries = {} if store is None else store.get_files([key for key in files if key])
    for item, key in zip(found, files, strict=True):
        if isinstance(item, LoadError):
            yield [item], []
            continue
        path, article_id, stamp = item
        entry = entries.get(key) if key is not None else None
        with collector_paused():
            stored = _decoded_file(entry[1]) if entry is not None and entry[0] == stamp else None
            if stored is None:
                loaded = list(load_file(path, article_id, max_bytes=max_bytes))
                loaded_keys = [] if store is None else [
                    article_key(a, version) for a in loaded if isinstance(a, Article)]
                if store is not None and stamp is not None:
                    store.put_file(key, stamp, encode_file(loaded, loaded_keys))
                stored = loaded, loaded_keys
        yield stored


def _decoded_file(value: str) -> tuple[list[Article | LoadError], list[str]] | None:
    """What a file's cache entry holds; None when it is damaged (the file is read again)."""
    from explorer.cache import decode_file

    try:
        return decode_file(value)
    except ValueError:
        return None


def _cached_corpus(store, opening: str, stamp: str | None, warn: Warn | None
                   ) -> Corpus | None:
    """The merged corpus the cache keeps for ``opening`` if its files are still those of
    ``stamp``; None otherwise, or when the entry is damaged (the corpus is then made again
    and replaces it)."""
    entry = store.get_corpus(opening) if stamp is not None else None
    if entry is None or entry[0] != stamp:
        return None
    return _decoded_corpus(store, opening, entry, warn)


def _last_corpus(store, opening: str, warn: Warn | None) -> tuple[str, StoredCorpus] | None:
    """The stamp and merged corpus the cache keeps for ``opening``, whatever its files
    are now, its actors not read yet (:meth:`StoredCorpus.read_actors`); None when there is
    none or its rows are damaged."""
    entry = store.get_corpus(opening)
    corpus = None if entry is None else _decoded_corpus(store, opening, entry, warn,
                                                        rows_only=True)
    return None if corpus is None else (entry[0], corpus)


def _decoded_corpus(store, opening: str, entry: tuple[str, str, str], warn: Warn | None, *,
                    rows_only: bool = False) -> StoredCorpus | None:
    """The corpus of a cache ``entry`` (stamp, index, generation), its bodies read from the
    cache as they are used (``rows_only``: its actors left to read too); None when the
    index is damaged."""
    from explorer.stored_corpus import decode_corpus, decode_rows

    reader = store.body_reader(opening, entry[2])
    with _bulk():
        try:
            return (decode_rows if rows_only else decode_corpus)(entry[1], reader, warn,
                                                                 reader.forget)
        except ValueError:
            return None


def _cached_analyses(store, articles: Sequence[Article], keys: Sequence[str]
                     ) -> dict[str, ArticleAnalysis]:
    """The analyses the cache holds for ``articles`` (none without a cache)."""
    if store is None or not articles:
        return {}
    from explorer.cache import decode

    stored = store.get_many(keys)
    known: dict[str, ArticleAnalysis] = {}
    for article, key in zip(articles, keys, strict=True):
        if key in stored:
            try:
                known[key] = decode(article, stored[key])
            except ValueError:
                continue  # a damaged entry: analyse again, and the new result replaces it
    return known


def _context() -> multiprocessing.context.BaseContext:
    """Workers start from a small server process (not a fork of a threaded app), with the
    analysis modules imported once; spawn where that is not available."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["explorer.analysis.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


def _start_helper_processes(context: multiprocessing.context.BaseContext) -> None:
    """Start multiprocessing's resource tracker (and fork server) with the real stderr.

    They hand ``sys.stderr.fileno()`` to the new process; inside a Textual app ``sys.stderr``
    captures prints and its ``fileno()`` is -1, which made every parallel analysis in the
    app fail with «bad value(s) in fds_to_keep».
    """
    real = sys.__stderr__
    if real is None or sys.stderr is real:
        return
    captured, sys.stderr = sys.stderr, real
    try:
        if context.get_start_method() == "forkserver":
            forkserver.ensure_running()
        else:
            resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def _start_worker(ner: str) -> None:
    """Load the recogniser once per worker (an unavailable one is reported per chunk)."""
    with contextlib.suppress(BackendUnavailable):
        recognizer(ner)


def _analyse_chunk(articles: list[Article], ner: str) -> list[ArticleAnalysis] | str:
    try:
        return analyze_many(articles, ner)
    except BackendUnavailable as error:
        return str(error)


def corpus_from(items: Iterable[ArticleAnalysis | LoadError],
                aliases: Aliases | None = None) -> Corpus:
    """Merge analysed articles' actors across the corpus, keeping the load errors;
    ``aliases``: the folder's corrections to the merge (:mod:`explorer.analysis.aliases`)."""
    with _bulk():
        items = list(items)
        analyses = [i for i in items if not isinstance(i, LoadError)]
        errors = [i for i in items if isinstance(i, LoadError)]
        return build_corpus(((a.article, a.actors) for a in analyses), errors, aliases)


def folder_aliases(paths: Iterable[str | Path], warn: Warn | None = None) -> Aliases:
    """The aliases file of the folder opened, each problem in it told to ``warn``."""
    aliases, problems = read_aliases(aliases_path(paths))
    for problem in problems:
        if warn is None:
            print(f"explorer: {problem}", file=sys.stderr)
        else:
            warn(problem)
    return aliases


# Objects made in one go above which they are frozen out of later collections.
FREEZE_MIN = 100_000


def _bulk() -> contextlib.AbstractContextManager[None]:
    """No cycle collection while a corpus of objects is made; a large one is frozen out of
    later collections (see :mod:`explorer.analysis.collector`)."""
    return collector_paused(freeze_from=FREEZE_MIN)


def analyze_paths(paths: Iterable[str | Path], *, ner: str = "auto",
                  max_bytes: int = DEFAULT_MAX_BYTES, jobs: int | None = None,
                  cache: bool = True, warn: Warn | None = None, cache_dir: Path | None = None,
                  on_item: Progress | None = None,
                  on_ready: Callable[[Corpus], None] | None = None,
                  on_last: Callable[[StoredCorpus], None] | None = None) -> Corpus:
    """Load, analyse and merge everything under ``paths``.

    ``on_item(done, total, item)`` is called after each article or error, and
    ``on_ready(corpus)`` once the corpus is merged, before it is kept in the cache. A corpus
    none of whose files changed since these paths were last opened comes whole from the
    cache, already merged: then no item is reported, only the corpus. ``on_last(corpus)``
    is given the corpus these paths gave last time, if the cache keeps one, before any file
    is looked at (on an archive, finding and checking the files takes seconds) and before
    its actors are read: it may read them itself (:meth:`StoredCorpus.read_actors`), else
    they are read once it returns; damaged, the corpus is made again. When no file
    changed, it is that same corpus that ``on_ready`` is then given and that is returned.
    """
    from explorer.cache import corpus_stamp, opening_key
    from explorer.stored_corpus import encode_corpus

    paths = list(paths)
    aliases = folder_aliases(paths, warn)
    with _open_cache(cache, ner, warn, cache_dir) as (store, version):
        opening = stamp = last = None
        if store is not None:
            opening = opening_key(paths, max_bytes, version)
            if on_last is not None:
                last = _last_corpus(store, opening, warn)
                if last is not None:
                    on_last(last[1])  # its list at once; it may read the actors itself
                    if not last[1].read_actors():
                        last = None  # damaged: made again, and replaces what is shown
        found = _discover(paths, store)
        if store is not None:
            stamp = corpus_stamp(found, aliases.digest)
            if on_last is None:
                cached = _cached_corpus(store, opening, stamp, warn)
            else:  # the stored corpus is read already: not its index a second time
                cached = last[1] if last is not None and last[0] == stamp else None
            if cached is not None:
                if on_ready is not None:
                    on_ready(cached)
                return cached
        items: list[ArticleAnalysis | LoadError] = []
        for done, (total, item) in enumerate(
                _stream(store, version, found, ner, max_bytes, jobs), 1):
            items.append(item)
            if on_item is not None:
                on_item(done, total, item)
        corpus = corpus_from(items, aliases)
        if on_ready is not None:
            on_ready(corpus)
        if store is not None and opening is not None and stamp is not None:
            with _bulk():
                store.put_corpus(opening, stamp, *encode_corpus(corpus))
        return corpus


def analyze_to(out: BinaryIO, fmt: str, paths: Iterable[str | Path], *, ner: str = "auto",
               max_bytes: int = DEFAULT_MAX_BYTES, jobs: int | None = None,
               cache: bool = True, warn: Warn | None = None, cache_dir: Path | None = None,
               on_item: Progress | None = None) -> tuple[int, list[LoadError]]:
    """:func:`analyze_paths` written to ``out`` as the analysis JSON (``fmt`` "json" or
    "jsonl") without holding the corpus: each analysed article goes to a spool file as it
    comes, the merge works from :class:`ArticleActors`, and the articles are written from
    the spool with their actors' ids. The bytes are those of ``analyze_paths`` then
    :func:`explorer.analysis_output.write_analysis`. Returns the number of articles and the
    load errors. (A merged corpus already in the cache is written from there; one analysed
    here is not put in the cache whole, which would need it in memory.)"""
    from explorer.analysis_output import write_analysis, write_records
    from explorer.cache import corpus_stamp, opening_key

    paths = list(paths)
    aliases = folder_aliases(paths, warn)
    with _open_cache(cache, ner, warn, cache_dir) as (store, version):
        found = _discover(paths, store)
        if store is not None:
            cached = _cached_corpus(store, opening_key(paths, max_bytes, version),
                                    corpus_stamp(found, aliases.digest), warn)
            if cached is not None:
                write_analysis(cached, fmt, out)
                return len(cached.articles), cached.errors
        summaries: list[ArticleActors] = []
        errors: list[LoadError] = []
        with tempfile.TemporaryFile() as spool:
            for done, (total, item) in enumerate(
                    _stream(store, version, found, ner, max_bytes, jobs), 1):
                if isinstance(item, LoadError):
                    errors.append(item)
                else:
                    summaries.append(article_actors(item.article, item.actors))
                    spool.write(json.dumps(item.article.to_json(), ensure_ascii=False)
                                .encode("utf-8") + b"\n")
                if on_item is not None:
                    on_item(done, total, item)
            actors, ids = merge_actors(summaries, aliases)
            del summaries
            spool.seek(0)
            write_records((_with_actor_ids(spool, ids), (a.to_json() for a in actors),
                           (e.to_json() for e in errors)), fmt, out)
        return len(ids), errors


def _with_actor_ids(spool: BinaryIO, ids: list[dict[str, str]]) -> Iterator[dict[str, Any]]:
    """The spooled articles' JSON, their mentions and quotes keyed by corpus actor ids."""
    for line, article_ids in zip(spool, ids, strict=True):
        article = json.loads(line)
        for entity in article["entities"]:
            entity["actor"] = article_ids.get(entity["actor"]) if entity["actor"] else None
        for quote in article["quotes"]:
            quote["speaker"] = article_ids.get(quote["speaker"]) if quote["speaker"] else None
        yield article
