"""The analysis JSON and JSON Lines, written record by record.

``json.dumps(corpus.to_json(), indent=1)`` holds the whole corpus as dictionaries and then as
one string (and its UTF-8 bytes): on the 15,000 articles of a month of news that is several
hundred megabytes on top of the corpus itself. Here each article, actor and error is turned
into JSON and written on its own, laid out exactly as that call lays it out (``indent=1``:
records one level down are indented by two spaces), so the bytes are the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, BinaryIO

from explorer.model import SCHEMA, Corpus

FORMATS = ("json", "jsonl")
# The top-level lists of the analysis JSON, in order, and the record kind of each in JSONL.
_SECTIONS = (("articles", "article"), ("actors", "actor"), ("errors", "error"))


def write_analysis(corpus: Corpus, fmt: str, out: BinaryIO) -> None:
    """Write ``corpus`` as the analysis JSON (``fmt`` "json") or JSON Lines ("jsonl")."""
    write_records(((article.to_json() for article in corpus.articles),
                   (actor.to_json() for actor in corpus.actors),
                   (error.to_json() for error in corpus.errors)), fmt, out)


def write_records(sections: tuple[Iterable[dict[str, Any]], ...], fmt: str, out: BinaryIO
                  ) -> None:
    """Write the articles', actors' and errors' records (JSON forms, made as they are
    read) as the analysis JSON or JSON Lines."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if fmt == "jsonl":
        for (_, kind), records in zip(_SECTIONS, sections, strict=True):
            for record in records:
                line = json.dumps({"record": kind, **record}, ensure_ascii=False)
                out.write(line.encode("utf-8") + b"\n")
        return
    out.write(b'{\n "schema": ' + json.dumps(SCHEMA).encode("utf-8") + b",\n")
    for number, ((name, _), records) in enumerate(zip(_SECTIONS, sections, strict=True)):
        out.write(f' "{name}": '.encode())
        first = True
        for record in records:
            text = json.dumps(record, ensure_ascii=False, indent=1).replace("\n", "\n  ")
            out.write((b"[\n  " if first else b",\n  ") + text.encode("utf-8"))
            first = False
        out.write(b"[]" if first else b"\n ]")
        out.write(b",\n" if number < len(_SECTIONS) - 1 else b"\n}\n")
