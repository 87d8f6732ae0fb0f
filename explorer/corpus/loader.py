"""Discovering article files and turning them into :class:`Article` objects.

Every problem becomes a :class:`LoadError` naming the file; nothing here raises for bad
input, and files are only ever opened for reading.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from explorer.corpus.decode import DecodeError, decode_bytes
from explorer.corpus.formats import (
    FormatError,
    Record,
    parse_html,
    parse_json,
    parse_jsonl,
    parse_plain,
)
from explorer.corpus.sanitize import sanitize, sanitize_field
from explorer.model import Article, LoadError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str] | LoadError]:
    """Yield ``(file, id)`` for each file under ``paths``, sorted, hidden entries skipped.

    The id is the path relative to the folder that was opened (or the file name when a
    file was given), with ``/`` separators on every system.
    """
    for given in paths:
        root = Path(given)
        if root.is_file():
            yield root, root.name
        elif root.is_dir():
            yield from _walk(root)
        elif root.is_symlink():
            yield LoadError(str(given), "broken or looping symbolic link")
        else:
            yield LoadError(str(given), "no such file or folder")


def _walk(root: Path) -> Iterator[tuple[Path, str] | LoadError]:
    def on_error(exc: OSError) -> None:
        errors.append(LoadError(exc.filename or str(root), exc.strerror or str(exc)))

    errors: list[LoadError] = []
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder, f) for f in files if not f.startswith("."))
    yield from errors
    for path in sorted(found, key=lambda p: p.relative_to(root).as_posix()):
        yield path, path.relative_to(root).as_posix()


def load_file(path: Path, article_id: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
              display_path: str | None = None) -> Iterator[Article | LoadError]:
    """The articles of one file, or one error line per problem in it."""
    shown = display_path or article_id
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield LoadError(shown, f"file too large: {size:,} bytes (limit {max_bytes:,}; "
                                   "raise it with --max-size)")
            return
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        yield LoadError(shown, f"cannot read: {exc.strerror or exc}")
        return
    try:
        text = decode_bytes(data)
        if not text.strip():
            raise FormatError("empty file")
        for index, record in _records(path.suffix.lower(), text):
            record_id = article_id if index == 0 else f"{article_id}#{index}"
            if isinstance(record, FormatError):
                yield LoadError(f"{shown}#{index}" if index else shown, str(record))
            else:
                article = _article(record_id, article_id, record)
                if article.text.strip():
                    yield article
                else:
                    yield LoadError(record_id, "no readable text after removing control "
                                               "characters")
    except (DecodeError, FormatError) as exc:
        yield LoadError(shown, str(exc))


def _records(suffix: str, text: str) -> Iterator[tuple[int, Record | FormatError]]:
    if suffix == ".json":
        yield from parse_json(text)
    elif suffix == ".jsonl":
        yield from parse_jsonl(text)
    elif suffix in (".html", ".htm"):
        yield 0, parse_html(text)
    else:
        yield 0, parse_plain(text, markdown=suffix in (".md", ".markdown"))


def _article(article_id: str, path: str, record: Record) -> Article:
    title = sanitize_field(record.get("title")) or ""
    if "document" in record:
        text = sanitize(record["document"]).strip("\n")
    else:
        body = sanitize(record["body"]).strip()
        text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    return Article(id=article_id, path=path, title=title, text=text,
                   date=sanitize_field(record.get("date")),
                   source=sanitize_field(record.get("source")),
                   url=sanitize_field(record.get("url")))


def load(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES
         ) -> Iterator[Article | LoadError]:
    """Every article under ``paths`` in order, with a :class:`LoadError` for each problem."""
    for item in discover(paths):
        if isinstance(item, LoadError):
            yield item
        else:
            yield from load_file(item[0], item[1], max_bytes=max_bytes)
