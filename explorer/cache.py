"""Analyses kept in SQLite, so that reopening a corpus skips analysing it again.

An entry is keyed by a hash of the article (id, text and metadata) and of the analyser: the
package version, the NER backend, and the bytes of the analysis code and of the shipped model
and word lists, so a retrained model or changed rules never serve a stale analysis. Values
are JSON (never pickle: a tampered cache file cannot run code), checked before use. Writes
are transactions in WAL mode, so a run killed mid-write leaves the file as it was before that
transaction.

A second table remembers what each file produced (its articles and load errors, with their
keys), under the file's path, id, size limit and the analyser, stamped with its size,
modification time, inode and change time: reopening a corpus whose files did not change
then reads none of them, and goes straight from the stamp to the cached analyses.

A third table keeps, for each opening (the opened paths, size limit, analyser and loader),
the last corpus it gave with its actors merged (as :mod:`explorer.stored_corpus` writes it),
under the paths and stamps of all its files: a reopened corpus none of whose files changed
is one read and one decode of its index, with no merging, and each article's body (text,
mentions, quotes) is read from its own row when it is first used. Anything changed, added or
removed falls back to the two tables above, and the new corpus replaces the old one in one
transaction. The index is kept in parts (a fourth table), since SQLite refuses any one value
over a billion bytes; the bodies in a fifth, under a generation named from the opening and
its stamp, so that a body is never read against another corpus's index.

Any problem with the cache file (unreadable, corrupt, locked, full disk) disables the cache
for the run with one line of explanation; analysing never fails because of it.

The file lives in the user's cache directory (``platformdirs``), or in ``$EXPLORER_CACHE_DIR``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from explorer import __version__
from explorer.analysis.actors import LocalActor
from explorer.analysis.pipeline import ArticleAnalysis
from explorer.model import Article, Entity, LoadError, Quote

ENV_DIR = "EXPLORER_CACHE_DIR"
FILE_NAME = "analyses.sqlite3"
FORMAT = 4  # bump when the stored JSON changes shape (here or in explorer.stored_corpus)
# Characters of a merged corpus per row of ``corpus_parts``: at most 200 MB of UTF-8, far
# under SQLite's limit of a billion bytes for one value.
PART_CHARS = 50_000_000

_PACKAGE = Path(__file__).resolve().parent
# What an analysis depends on: its code and its data. The app, CLI, search and the corpus run
# (which only schedules the analysis) do not count.
_ANALYSER_SOURCES = ("analysis", "arabic", "data", "model.py")
_NOT_ANALYSER = {"analysis/corpus_run.py"}
# What the articles loaded from a file depend on besides the file: the loader. It is in the
# keys of what files produced and of merged corpora, not of analyses (those hash the text).
_LOADER_SOURCES = ("corpus",)

Warn = Callable[[str], None]
_TABLES = ("analyses", "files", "corpora", "corpus_parts", "corpus_bodies")


def default_dir() -> Path:
    """``$EXPLORER_CACHE_DIR`` if set, else the platform's user cache folder."""
    configured = os.environ.get(ENV_DIR)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("explorer", appauthor=False))


def _sources_digest() -> str:
    return _digest(_ANALYSER_SOURCES)


def loader_version() -> str:
    """Identifies the loader (``explorer/corpus``) that turns files into articles."""
    return _digest(_LOADER_SOURCES)[:16]


@cache
def _digest(names: tuple[str, ...]) -> str:
    """A hash of the names and bytes of the package's files under ``names``."""
    digest = hashlib.sha256()
    for name in names:
        root = _PACKAGE / name
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            relative = path.relative_to(_PACKAGE).as_posix()
            if path.is_file() and "__pycache__" not in path.parts and relative not in _NOT_ANALYSER:
                digest.update(relative.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def resolved_backend(ner: str) -> str:
    """The backend ``ner`` names (``auto`` resolved without loading any model)."""
    if ner != "auto":
        return ner
    from explorer.analysis.ner.camel import camel_model_path

    return "camel" if camel_model_path() is not None else "crf"


def analyser_version(ner: str) -> str:
    """Identifies the analysis an article would get: version, backend, code and data."""
    return f"{__version__}:{FORMAT}:{resolved_backend(ner)}:{_sources_digest()[:16]}"


def article_key(article: Article, version: str) -> str:
    """The cache key of ``article`` analysed by analyser ``version``."""
    fields = [version, article.id, article.path, article.title, article.text, article.date,
              article.source, article.url]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()


def file_key(path: Path, article_id: str, max_bytes: int, version: str) -> str:
    """The cache key of what loading ``path`` as ``article_id`` produced."""
    fields = [version, loader_version(), os.path.abspath(path), article_id, max_bytes]
    # dumped as ASCII: a file name may hold surrogates
    return hashlib.sha256(json.dumps(fields).encode()).hexdigest()


def file_stamp(path: Path) -> str | None:
    """What changes whenever the file may have: size, modification and change times, inode.
    None for anything but a readable regular file's status (those always take the loader)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_dev}:{info.st_ino}"


_ARTICLE_FIELDS = ("id", "path", "title", "text", "date", "source", "url")


def encode_file(items: Sequence[Article | LoadError], keys: Sequence[str]) -> str:
    """What is stored for one file: its articles (without analysis) with their keys, and its
    load errors, in order."""
    keyed = iter(keys)
    rows = [[item.path, item.error, item.records] if isinstance(item, LoadError)
            else [next(keyed), *(getattr(item, name) for name in _ARTICLE_FIELDS)]
            for item in items]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def decode_file(stored: str) -> tuple[list[Article | LoadError], list[str]]:
    """The items and article keys :func:`encode_file` stored; ValueError if damaged."""
    try:
        items: list[Article | LoadError] = []
        keys: list[str] = []
        for row in json.loads(stored):
            if len(row) == 3:
                items.append(LoadError(*row))
            else:
                keys.append(row[0])
                items.append(Article(*row[1:]))
        if not all(isinstance(key, str) for key in keys) or not all(
                isinstance(item.text, str) if isinstance(item, Article)
                else isinstance(item.error, str) and type(item.records) is int for item in items):
            raise ValueError("wrong types")
    except (ValueError, TypeError) as error:
        raise ValueError(f"unreadable file entry: {error}") from None
    return items, keys


def encode(analysis: ArticleAnalysis) -> str:
    """What is stored for an analysis: the entities, quotes and local actors (the text and
    metadata are in the key, and come back from the article itself)."""
    article = analysis.article
    return json.dumps({
        "entities": [e.to_json() for e in article.entities],
        "quotes": [q.to_json() for q in article.quotes],
        "actors": [{"key": a.key, "name": a.name, "type": a.type, "aliases": a.aliases,
                    "roles": a.roles, "gender": a.gender} for a in analysis.actors],
    }, ensure_ascii=False, separators=(",", ":"))


def decode(article: Article, stored: str) -> ArticleAnalysis:
    """The analysis of ``article`` from what :func:`encode` stored; ValueError if it does not
    fit the article (so a damaged entry is re-analysed, never shown)."""
    try:  # keyword construction: the stored keys are the field names (a stray key fails)
        data: dict[str, Any] = json.loads(stored)
        entities = [Entity(**e) for e in data["entities"]]
        quotes = [Quote(**q) for q in data["quotes"]]
        actors = [LocalActor(**a) for a in data["actors"]]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"unreadable entry: {error}") from None
    length = len(article.text)
    for span in (*entities, *quotes):
        start, end = span.start, span.end
        if type(start) is not int or type(end) is not int or not 0 <= start <= end <= length:
            raise ValueError("entry does not fit the article")
    known = {actor.key for actor in actors}
    if any(e.actor is not None and e.actor not in known for e in entities) or any(
            q.speaker is not None and q.speaker not in known for q in quotes):
        raise ValueError("entry names an actor it does not hold")
    return ArticleAnalysis(Article(article.id, article.path, article.title, article.text,
                                   article.date, article.source, article.url,
                                   entities, quotes), actors)


def opening_key(paths: Sequence[str | Path], max_bytes: int, version: str) -> str:
    """The cache key of a corpus opened from ``paths``: one merged corpus is kept per key."""
    fields = [version, loader_version(), max_bytes, [os.path.abspath(path) for path in paths]]
    return hashlib.sha256(json.dumps(fields).encode()).hexdigest()  # ASCII, as file_key


def corpus_stamp(found: Sequence[tuple[Path, str, str | None] | LoadError],
                 aliases: str = "") -> str | None:
    """What the merged corpus of an opening depends on besides its key (:func:`opening_key`):
    the path, id and stamp (:func:`file_stamp`) of every file found, and every error met
    finding them, in order, and the digest of the folder's aliases file. None when a file
    has no stamp: such a corpus is never kept."""
    rows: list[list[str]] = [[aliases]]
    for item in found:
        if isinstance(item, LoadError):
            rows.append([item.path, item.error])
        elif item[2] is None:
            return None
        else:
            rows.append([str(item[0]), item[1], item[2]])
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()  # ASCII, as file_key


def _warn_stderr(message: str) -> None:
    print(f"explorer: {message}", file=sys.stderr)


class AnalysisCache:
    """The analysis cache file; every method degrades to "not cached" on any file problem."""

    BATCH = 256  # rows per write transaction

    def __init__(self, directory: Path | None = None, *, warn: Warn = _warn_stderr) -> None:
        self.path = (directory or default_dir()) / FILE_NAME
        self._warn = warn
        self._connection: sqlite3.Connection | None = None
        self.disabled: str | None = None
        self._pending: list[tuple[str, str]] = []
        self._pending_files: list[tuple[str, str, str]] = []
        self._pending_corpora: list[tuple[str, str, str, Iterable[str]]] = []

    def _db(self) -> sqlite3.Connection | None:
        if self.disabled is not None:
            return None
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=2.0)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute("CREATE TABLE IF NOT EXISTS analyses "
                                   "(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                for table in ("files", "corpora"):
                    connection.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY "
                                       "KEY, stamp TEXT NOT NULL, value TEXT NOT NULL)")
                connection.execute("CREATE TABLE IF NOT EXISTS corpus_parts (key TEXT NOT NULL,"
                                   " part INTEGER NOT NULL, value TEXT NOT NULL, "
                                   "PRIMARY KEY (key, part))")
                connection.execute("CREATE TABLE IF NOT EXISTS corpus_bodies (generation TEXT "
                                   "NOT NULL, number INTEGER NOT NULL, value TEXT NOT NULL, "
                                   "PRIMARY KEY (generation, number))")
                connection.commit()
                self._settle_format(connection)
            except (sqlite3.Error, OSError) as error:
                self._disable(error)
                return None
            self._connection = connection
        return self._connection

    def _settle_format(self, connection: sqlite3.Connection) -> None:
        """Empty a cache file written by a version of explorer that stores entries in
        another shape, saying so: its keys are not this version's, so its entries would never
        be read again, only fill the disk (an archive's are gigabytes)."""
        connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, "
                           "value TEXT NOT NULL)")
        row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if row is not None and row[0] == str(FORMAT):
            return
        held = row is not None or connection.execute(
            "SELECT 1 FROM analyses LIMIT 1").fetchone() is not None
        with connection:
            if held:
                for table in _TABLES:
                    connection.execute(f"DELETE FROM {table}")
            connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('format', ?)",
                               (str(FORMAT),))
        if held:
            written = f"format {row[0]}" if row is not None else "an older format"
            self._warn(f"{self.path}: written by another version of explorer ({written}); "
                       "its entries were dropped and are made again")

    def _disable(self, error: BaseException | str) -> None:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        self.disabled = reason
        self._warn(f"{self.path}: analysis cache not used ({reason})")
        self._close_connection()

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        """Stored values for those of ``keys`` that are cached."""
        return {key: value for key, value in self._select("analyses", "value", keys)}

    def cached_keys(self, keys: Sequence[str]) -> set[str]:
        """Those of ``keys`` that have an analysis stored (their values not read)."""
        return {row[0] for row in self._select("analyses", "1", keys)}

    def get_files(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """``(stamp, value)`` stored for those of the file ``keys`` that are known."""
        return {key: (stamp, value)
                for key, stamp, value in self._select("files", "stamp, value", keys)}

    def get_corpus(self, key: str) -> tuple[str, str, str] | None:
        """``(stamp, index, generation)`` of the merged corpus stored for the opening
        ``key``, if any and whole: its row in ``corpora`` holds the stamp, how many parts
        its index has and the generation its bodies are kept under (:meth:`body_reader`)."""
        rows = self._select("corpora", "stamp, value", [key])
        if not rows:
            return None
        count, _, generation = rows[0][2].partition(":")
        parts = self._query("SELECT part, value FROM corpus_parts WHERE key = ? ORDER BY part",
                            [key])
        if count != str(len(parts)) or not generation or any(
                part != number for number, (part, _) in enumerate(parts)):
            return None  # parts missing: the corpus is merged again and stored anew
        return rows[0][1], "".join(value for _, value in parts), generation

    def body_reader(self, key: str, generation: str) -> BodyReader:
        """What reads the bodies of the corpus kept for the opening ``key`` under
        ``generation``, after this cache is closed too."""
        return BodyReader(self.path, key, generation)

    def _select(self, table: str, columns: str, keys: Sequence[str]) -> list[tuple[str, ...]]:
        """Rows ``(key, *columns)`` of ``table`` for ``keys``, asked in chunks that stay
        under SQLite's limit on bound parameters; nothing when the cache is unusable."""
        rows: list[tuple[str, ...]] = []
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows += self._query(f"SELECT key, {columns} FROM {table} WHERE key IN ({marks})",
                                chunk)
            if self.disabled is not None:
                return []
        return rows

    def _query(self, sql: str, parameters: Sequence[Any]) -> list[tuple[Any, ...]]:
        """The rows of one query; nothing when the cache is or becomes unusable."""
        db = self._db()
        if db is None:
            return []
        try:
            return db.execute(sql, parameters).fetchall()
        except sqlite3.Error as error:
            self._disable(error)
            return []

    def put_file(self, key: str, stamp: str, value: str) -> None:
        """Remember what a file produced (replacing what it produced before); batched."""
        if self.disabled is not None:
            return
        self._pending_files.append((key, stamp, value))
        if len(self._pending_files) >= self.BATCH:
            self.flush()

    def put_corpus(self, key: str, stamp: str, index: str, bodies: Iterable[str]) -> None:
        """Keep the merged corpus of an opening (replacing the one it gave before): its
        index in parts and its articles' bodies, in order, written at once in one
        transaction after whatever is pending."""
        if self.disabled is not None:
            return
        self._pending_corpora.append((key, stamp, index, bodies))
        self.flush()

    def put(self, key: str, analysis: ArticleAnalysis) -> None:
        """Store an analysis; written in batches (see :meth:`flush`)."""
        if self.disabled is not None:
            return
        self._pending.append((key, encode(analysis)))
        if len(self._pending) >= self.BATCH:
            self.flush()

    def put_many(self, items: Iterable[tuple[str, ArticleAnalysis]]) -> None:
        for key, analysis in items:
            self.put(key, analysis)
        self.flush()

    def flush(self) -> None:
        """Write the pending analyses and file entries in one transaction, then each pending
        corpus in one of its own, so that a corpus that cannot be written (a full disk)
        takes no analysis with it."""
        pending, self._pending = self._pending, []
        files, self._pending_files = self._pending_files, []
        corpora, self._pending_corpora = self._pending_corpora, []
        db = self._db()
        if db is None or not (pending or files or corpora):
            return
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO analyses (key, value) VALUES (?, ?)",
                               pending)
                db.executemany("INSERT OR REPLACE INTO files (key, stamp, value) "
                               "VALUES (?, ?, ?)", files)
            for key, stamp, value, bodies in corpora:
                starts = range(0, max(len(value), 1), PART_CHARS)
                generation = hashlib.sha256(f"{key}:{stamp}".encode()).hexdigest()[:32]
                with db:
                    for (before,) in db.execute("SELECT value FROM corpora WHERE key = ?",
                                                (key,)).fetchall():
                        db.execute("DELETE FROM corpus_bodies WHERE generation = ?",
                                   (before.partition(":")[2],))
                    db.execute("DELETE FROM corpus_bodies WHERE generation = ?", (generation,))
                    db.executemany("INSERT INTO corpus_bodies (generation, number, value) "
                                   "VALUES (?, ?, ?)",
                                   ((generation, number, body)
                                    for number, body in enumerate(bodies)))
                    db.execute("DELETE FROM corpus_parts WHERE key = ?", (key,))
                    db.executemany("INSERT INTO corpus_parts (key, part, value) VALUES (?, ?, ?)",
                                   ((key, part, value[start:start + PART_CHARS])
                                    for part, start in enumerate(starts)))
                    db.execute("INSERT OR REPLACE INTO corpora (key, stamp, value) "
                               "VALUES (?, ?, ?)", (key, stamp, f"{len(starts)}:{generation}"))
        except sqlite3.Error as error:
            self._disable(error)

    def close(self) -> None:
        self.flush()
        self._close_connection()

    def _close_connection(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None


class BodyReader:
    """Reads the article bodies of one stored corpus (one generation) through a read-only
    connection of its own, usable from any thread, for as long as the corpus is shown. A
    body that cannot be read (the file gone, locked or damaged, the corpus replaced) is
    None: the article then reads as empty with a warning, and nothing else fails."""

    def __init__(self, path: Path, key: str, generation: str) -> None:
        self.path, self.key, self.generation = path, key, generation
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def forget(self) -> None:
        """Drop the stored corpus (a body of it was found damaged), so that the next
        opening merges it again from the analyses; quietly nothing if that fails."""
        with contextlib.suppress(sqlite3.Error, OSError), \
                contextlib.closing(sqlite3.connect(self.path, timeout=2.0)) as db, db:
            db.execute("DELETE FROM corpora WHERE key = ? AND value LIKE ?",
                       (self.key, f"%:{self.generation}"))

    def __call__(self, number: int) -> str | None:
        with self._lock:
            try:
                if self._connection is None:
                    self._connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro",
                                                       uri=True, timeout=2.0,
                                                       check_same_thread=False)
                row = self._connection.execute(
                    "SELECT value FROM corpus_bodies WHERE generation = ? AND number = ?",
                    (self.generation, number)).fetchone()
            except (sqlite3.Error, OSError, ValueError):
                return None
        return None if row is None else row[0]
