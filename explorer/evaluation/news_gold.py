"""The real-news quote gold: who said what in articles of a corpus the project does not ship.

``tests/gold_news/quotes.json`` holds, for each article read, only offsets into the
corpus's files: the record (file, place in the file's list, url), and for each quote the
span of a piece of its content, of its cue and of its speaker's fullest name, each as
(field, start, end) with field ``title`` or ``content``; a speaker written nowhere in one
piece is several spans joined by spaces. Borderline cases and the article's persons are
kept the same way. This module turns that back into the gold shape of ``tests/gold/`` from
the corpus itself, so that :mod:`explorer.evaluation.quote_eval` scores both alike.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.evaluation.person_spans import GoldError, load_records

if TYPE_CHECKING:
    from explorer.model import Article

PARTS = ("dev", "held-out")
FIELDS = ("title", "content")


@dataclass(frozen=True, slots=True)
class NewsGold:
    """One annotated record: where it is, its part, and its annotations as offsets."""

    file: str
    record: int
    url: str
    part: str
    data: dict[str, Any]


def read_news_gold(path: Path, part: str = "all") -> list[NewsGold]:
    """The gold articles of ``path`` in ``part``; :class:`GoldError` naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = [NewsGold(item["file"], int(item["record"]), item["url"], item["part"], item)
                 for item in data["articles"]]
    except OSError as error:
        raise GoldError(f"{path}: cannot read ({error.strerror})") from None
    except (ValueError, KeyError, TypeError) as error:
        raise GoldError(f"{path}: not a news quote gold file ({error})") from None
    return [item for item in items if part in ("all", item.part)]


def load_news_gold(path: Path, corpus: Path, part: str = "all"
                   ) -> list[tuple[Article, dict[str, Any]]]:
    """Each gold article as the app loads it, with its gold in the ``tests/gold`` shape
    (quotes and borderline cases with ``piece``, ``cue``, ``speaker``, ``speaker_type``;
    persons with ``name`` and ``forms``), the text read from the corpus's files."""
    gold = read_news_gold(path, part)
    records = load_records(corpus, gold)
    result = []
    for item in gold:
        record, article = records[item.file, item.record]
        fields = {field: record.get(field) or "" for field in FIELDS}
        try:
            result.append((article, _gold_of(item.data, fields)))
        except (ValueError, KeyError, TypeError, IndexError) as error:
            raise GoldError(f"{path}: {item.file}#{item.record}: bad annotation "
                            f"({error})") from None
    return result


def _gold_of(data: dict[str, Any], fields: dict[str, str]) -> dict[str, Any]:
    """The gold of one record; each span is cut from the raw field, then cleaned as the
    app cleans the whole text, so that it is found in the article the app shows."""
    from explorer.corpus.loader import unescape_title
    from explorer.corpus.sanitize import sanitize

    def text(span: Sequence[Any]) -> str:
        field, start, end = span
        if field not in FIELDS or not 0 <= start < end <= len(fields[field]):
            raise ValueError(f"span {list(span)} outside its {field}")
        cut = fields[field][start:end]
        return sanitize(str(unescape_title(cut)) if field == "title" else cut)

    def quote(item: dict[str, Any]) -> dict[str, Any]:
        speaker = " ".join(text(span) for span in item["speaker"] or ())
        return {"kind": item["kind"], "piece": text(item["piece"]).strip(),
                "cue": text(item["cue"]) if item["cue"] else ":", "speaker": speaker,
                "speaker_type": item["speaker_type"]}

    persons = [" ".join(text(span) for span in spans) for spans in data["persons"]]
    return {"quotes": [quote(item) for item in data["quotes"]],
            "borderline": [quote(item) for item in data["borderline"]],
            "persons": [{"name": name, "forms": [name]} for name in persons]}
