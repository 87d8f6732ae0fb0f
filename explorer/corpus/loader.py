"""Discovering article files and turning them into :class:`Article` objects.

Every problem becomes a :class:`LoadError` naming the file; nothing here raises for bad
input, and files are only ever opened for reading (``O_RDONLY``), never written.
"""

from __future__ import annotations

import html
import os
import re
import stat
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
from explorer.corpus.sanitize import printable_name, sanitize, sanitize_field
from explorer.model import Article, LoadError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Past this many bad records in one file, the rest are summed up in one line.
MAX_RECORD_ERRORS = 20
MAX_TITLE_CHARS = 300


def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str] | LoadError]:
    """Yield ``(file, id)`` for each file under ``paths``, sorted, hidden entries skipped.

    The id is the path relative to the folder that was opened (or the file name when a
    file was given), with ``/`` separators on every system, made printable
    (:func:`printable_name`): a file name is as untrusted as the file's content.
    """
    for given in paths:
        root = Path(given)
        shown = printable_name(str(given))
        if root.is_dir():
            yield from _walk(root)
        elif root.is_file() or root.exists():  # special files are refused by load_file
            yield root, printable_name(root.name)
        elif root.is_symlink():
            yield LoadError(shown, "broken or looping symbolic link")
        else:
            yield LoadError(shown, "no such file or folder")


def _walk(root: Path) -> Iterator[tuple[Path, str] | LoadError]:
    """Every file under ``root``; linked folders are followed once, so a link loop ends."""
    def on_error(exc: OSError) -> None:
        where = Path(exc.filename).relative_to(root).as_posix() if exc.filename else "."
        errors.append(LoadError(printable_name(where), f"cannot read folder: {_reason(exc)}"))

    errors: list[LoadError] = []
    found: list[tuple[str, str, str]] = []  # (relative path, folder, name)
    seen: set[tuple[int, int]] = set()
    top = str(root)
    prefix = os.path.join(top, "")
    for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError as exc:
            on_error(exc)
            dirs.clear()
            continue
        if (info.st_dev, info.st_ino) in seen:
            where = printable_name(Path(folder).relative_to(root).as_posix())
            errors.append(LoadError(where, "folder already read (symbolic link loop or "
                                           "second link to it): skipped"))
            dirs.clear()
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        # Relative names by string slicing: pathlib per file cost a tenth of a second
        # per thousand files, a visible share of reopening a large cached corpus.
        inside = "" if folder == top else folder[len(prefix):].replace(os.sep, "/") + "/"
        found.extend((inside + f, folder, f) for f in files if not f.startswith("."))
    yield from errors
    found.sort()
    for relative, folder, name in found:
        yield Path(folder, name), printable_name(relative)


def _reason(exc: OSError) -> str:
    return exc.strerror or printable_name(str(exc))


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
             (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))
    return next((name for test, name in kinds if test(mode)), "a special file")


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``, opened read-only.

    Raises :class:`OSError` or :class:`ValueError` with a one-line reason. ``O_NONBLOCK``
    keeps a named pipe from blocking the open; the type is checked on the open descriptor,
    so a file swapped for a pipe between a check and the open cannot hang the load.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(f"not a regular file: {_kind(info.st_mode)}")
        if info.st_size > max_bytes:
            raise ValueError(_too_large(info.st_size, max_bytes))
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:  # it grew while we read it
        raise ValueError(_too_large(len(data), max_bytes, at_least=True))
    return data


def _too_large(size: int, max_bytes: int, *, at_least: bool = False) -> str:
    return (f"file too large: {'over ' if at_least else ''}{size:,} bytes "
            f"(limit {max_bytes:,}; raise it with --max-size)")


def load_file(path: Path, article_id: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
              display_path: str | None = None) -> Iterator[Article | LoadError]:
    """The articles of one file, or one error line per problem in it.

    A multi-article file reports at most :data:`MAX_RECORD_ERRORS` bad records one by one,
    then one line counting the rest, so a broken feed cannot flood the error list.
    """
    shown = display_path or article_id
    try:
        data = read_limited(path, max_bytes)
    except OSError as exc:
        yield LoadError(shown, f"cannot read: {_reason(exc)}")
        return
    except ValueError as exc:
        yield LoadError(shown, str(exc))
        return
    bad_records = 0
    try:
        text = decode_bytes(data)
        if not text.strip():
            raise FormatError("empty file")
        for index, record in _records(path.suffix.lower(), text):
            record_id = article_id if index == 0 else f"{article_id}#{index}"
            if isinstance(record, FormatError):
                bad_records += 1
                if bad_records <= MAX_RECORD_ERRORS:
                    yield LoadError(f"{shown}#{index}" if index else shown, str(record),
                                    records=1 if index else 0)
                continue
            article = _article(record_id, article_id, record)
            if article.text.strip():
                yield article
            else:
                yield LoadError(record_id, "no readable text after removing control "
                                           "characters", records=1 if index else 0)
    except (DecodeError, FormatError) as exc:
        yield LoadError(shown, str(exc))
    if bad_records > MAX_RECORD_ERRORS:
        yield LoadError(shown, f"{bad_records - MAX_RECORD_ERRORS:,} more bad records "
                               "not listed", records=bad_records - MAX_RECORD_ERRORS)


def _records(suffix: str, text: str) -> Iterator[tuple[int, Record | FormatError]]:
    if suffix == ".json":
        yield from parse_json(text)
    elif suffix == ".jsonl":
        yield from parse_jsonl(text)
    elif suffix in (".html", ".htm"):
        yield 0, parse_html(text)
    else:
        yield 0, parse_plain(text, markdown=suffix in (".md", ".markdown"))


# The character references a scraped headline keeps from its page («كيري: عدم وجود
# &quot;اتفاقية&quot;»): 178 of the July 2015 newspaper titles carry them.
_TITLE_ENTITIES = re.compile("&(?:quot|apos|#39|#34|lt|gt|nbsp);")


def unescape_title(title: object) -> object:
    """A title with the page's quotation-mark and bracket references written out;
    ``&amp;`` stays, so that cleaning a title twice changes nothing more."""
    if not isinstance(title, str) or "&" not in title:
        return title
    return _TITLE_ENTITIES.sub(lambda m: html.unescape(m.group()), title)


def _article(article_id: str, path: str, record: Record) -> Article:
    title = sanitize_field(unescape_title(record.get("title"))) or ""
    if "document" in record:
        text = sanitize(record["document"]).strip("\n")
    else:
        body = sanitize(record["body"]).strip()
        text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    if len(title) > MAX_TITLE_CHARS:  # a one-line file: the list shows the start only
        title = title[:MAX_TITLE_CHARS - 1] + "…"
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
