"""Parsing each supported file format into raw article records.

A record is a dict with ``title``, ``body`` and optional ``date``/``source``/``url``; a
format problem is raised as :class:`FormatError` with a one-line message. Multi-article
files (a JSON list, JSON Lines) yield ``(index, record-or-error)`` pairs so that one bad
record does not lose the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

TITLE_KEYS = ("title", "headline")
BODY_KEYS = ("text", "body", "content")
META_KEYS = ("date", "source", "url")

Record = dict[str, Any]


class FormatError(ValueError):
    """The text is readable but is not a valid article of its format."""


def parse_plain(text: str, *, markdown: bool = False) -> Record:
    """Title on the first non-empty line (a Markdown ``#`` heading is unmarked)."""
    lines = text.strip("\n").split("\n")
    if not any(line.strip() for line in lines):
        raise FormatError("empty file")
    first = next(i for i, line in enumerate(lines) if line.strip())
    title = lines[first].strip()
    if markdown:
        title = title.lstrip("#").strip()
        lines[first] = title
    return {"title": title, "document": "\n".join(lines[first:]).rstrip()}


def record_from_object(obj: object) -> Record:
    """A JSON object with accepted keys → record; anything else → :class:`FormatError`.

    A key holding the wrong type (a list as ``text``, an object as ``title``) is an error
    rather than silently ignored, so the user learns why an article is missing or untitled;
    ``null`` counts as absent, and numbers are accepted for the title and metadata.
    """
    if not isinstance(obj, dict):
        raise FormatError(f"expected an article object, found {_json_type(obj)}")
    title = _first_field(obj, TITLE_KEYS)
    body = _first_field(obj, BODY_KEYS, numbers=False)
    if body is None or not body.strip():
        raise FormatError("no text: none of the keys " + "/".join(BODY_KEYS) + " holds a string")
    record: Record = {"title": title or "", "body": body}
    for key in META_KEYS:
        value = _field(obj, key)
        if value is not None:
            record[key] = value
    return record


def _field(obj: dict[str, Any], key: str, *, numbers: bool = True) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if numbers and isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value) if isinstance(value, float) else str(value)
    raise FormatError(f"key {key!r} should be text, found {_json_type(value)}")


def _first_field(obj: dict[str, Any], keys: tuple[str, ...], *, numbers: bool = True
                 ) -> str | None:
    for key in keys:
        value = _field(obj, key, numbers=numbers)
        if value is not None:
            return value
    return None


def _json_type(value: object) -> str:
    """The JSON name of a parsed value's type, as the user wrote it."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def parse_json(text: str) -> Iterator[tuple[int, Record | FormatError]]:
    try:
        data = json.loads(text)
    except RecursionError:
        raise FormatError("invalid JSON: nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise FormatError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") \
            from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise FormatError(f"invalid JSON: {_first_line(exc)}") from None
    if isinstance(data, list):
        if not data:
            raise FormatError("empty JSON list")
        for index, item in enumerate(data, 1):
            yield index, _record_or_error(item)
    else:
        yield 0, record_from_object(data)


def parse_jsonl(text: str) -> Iterator[tuple[int, Record | FormatError]]:
    found = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        found = True
        try:
            item = json.loads(line)
        except RecursionError:
            yield number, FormatError(f"line {number}: invalid JSON: nested too deeply")
            continue
        except json.JSONDecodeError as exc:
            yield number, FormatError(f"line {number}: invalid JSON: {exc.msg}")
            continue
        except ValueError as exc:
            yield number, FormatError(f"line {number}: invalid JSON: {_first_line(exc)}")
            continue
        result = _record_or_error(item)
        if isinstance(result, FormatError):
            result = FormatError(f"line {number}: {result}")
        yield number, result
    if not found:
        raise FormatError("empty file")


def _first_line(exc: Exception) -> str:
    return str(exc).split("\n", 1)[0].split(":", 1)[0]


def _record_or_error(item: object) -> Record | FormatError:
    try:
        return record_from_object(item)
    except FormatError as exc:
        return exc


class _ArticleHTML(HTMLParser):
    """Collects <title>/<h1> and paragraph text, skipping script, style and the like."""

    _SKIP = {"script", "style", "noscript", "template", "svg", "head"}
    _BLOCKS = {"p", "h1", "h2", "h3", "h4", "blockquote", "li"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self.paragraphs: list[str] = []
        self.loose: list[str] = []
        self._skip_depth = 0
        self._in_title = False
        self._block: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP and tag != "head":
            self._skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self._BLOCKS and self._block is None:
            self._block, self._buffer = tag, []
        elif tag == "br" and self._block:
            self._buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and tag != "head":
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "title":
            self._in_title = False
        elif tag == self._block:
            text = " ".join("".join(self._buffer).split())
            if text:
                if tag == "h1" and not self.h1:
                    self.h1 = text
                else:
                    self.paragraphs.append(text)
            self._block = None

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._in_title:
            self.title += data
        elif self._block:
            self._buffer.append(data)
        elif data.strip():
            self.loose.append(" ".join(data.split()))


def parse_html(text: str) -> Record:
    parser = _ArticleHTML()
    parser.feed(text)
    parser.close()
    paragraphs = parser.paragraphs or parser.loose
    title = parser.h1 or " ".join(parser.title.split())
    if not paragraphs:
        raise FormatError("no paragraph text in HTML")
    return {"title": title, "body": "\n\n".join(paragraphs)}
