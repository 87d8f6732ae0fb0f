"""Score where persons begin and end on real newspaper text, against gold kept as offsets.

ANERcorp is tokenised, so its scores cannot show a person's span running into the next
word of untokenised text («أوباما فسيكون»). The gold here marks, by reading, every person in
the opening of real articles of a corpus the project does not ship; it holds only offsets
into the corpus's files (file, record, url, the end of the read stretch, each person's
start and end), never its text. Each record is loaded as the app loads it and tagged as the
app tags it; a predicted person counts when its span in the read stretch is a gold span
exactly. Heavy imports happen inside :func:`run`, so building the CLI parser stays cheap.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from explorer.evaluation.ner_eval import Counts

if TYPE_CHECKING:
    from explorer.analysis.ner import Recognizer
    from explorer.model import Article

PARTS = ("dev", "held-out")


class GoldError(ValueError):
    """The gold file or the corpus it points into cannot be used; the message says why."""


class Located(Protocol):
    """A gold item's record: its file and its place in the file's JSON list, from 0."""

    @property
    def file(self) -> str: ...

    @property
    def record(self) -> int: ...


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One record's read stretch, ``[0, end)`` of its raw ``content``, and its persons;
    ``record`` is the record's place in the file's JSON list, counted from 0."""

    file: str
    record: int
    url: str
    end: int
    part: str
    persons: tuple[tuple[int, int], ...]


@dataclass(slots=True)
class SpanScores(Counts):
    # wrong predicted spans that overlap a gold person: the name is found, its edges wrong
    overlapping: int = 0
    # (article url, "predicted" or "missed", text) of every wrong span, for reading
    misses: list[tuple[str, str, str]] = field(default_factory=list)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", type=Path, metavar="GOLD.json",
                        help="person offsets (tests/gold_news/persons.json)")
    parser.add_argument("--corpus", type=Path, required=True,
                        help="the folder of the corpus the offsets point into")
    parser.add_argument("--part", choices=(*PARTS, "all"), default="all",
                        help="score the dev part, the held-out part or all (default: all)")
    parser.add_argument("--ner", default="crf", help="NER backend (default: crf, the app's)")
    parser.add_argument("--misses", action="store_true",
                        help="list every wrong or missed person span")


def read_gold(path: Path) -> list[GoldArticle]:
    """The gold articles of ``path``; :class:`GoldError` naming the file if it is bad."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [GoldArticle(item["file"], int(item["record"]), item["url"], int(item["end"]),
                            item["part"], tuple((int(s), int(e)) for s, e in item["persons"]))
                for item in data["articles"]]
    except OSError as error:
        raise GoldError(f"{path}: cannot read ({error.strerror})") from None
    except (ValueError, KeyError, TypeError) as error:
        raise GoldError(f"{path}: not a person-span gold file ({error})") from None


def load_records(corpus: Path, gold: Sequence[Located]
                 ) -> dict[tuple[str, int], tuple[dict[str, Any], Article]]:
    """Each gold record as the file holds it and its article as the app loads it."""
    from explorer.corpus.loader import load_file
    from explorer.model import Article

    records: dict[tuple[str, int], tuple[dict[str, Any], Article]] = {}
    for name in sorted({item.file for item in gold}):
        path = corpus / name
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise GoldError(f"{path}: cannot read the corpus file ({error})") from None
        wanted = {item.record for item in gold if item.file == name}
        for found in load_file(path, name):
            if not isinstance(found, Article):
                continue
            index = int(found.id.partition("#")[2]) - 1  # the app counts records from 1
            if index in wanted:
                records[name, index] = raw[index], found
    missing = [f"{item.file}#{item.record}" for item in gold
               if (item.file, item.record) not in records]
    if missing:
        raise GoldError(f"{corpus}: records missing or unreadable: {', '.join(missing[:3])}")
    return records


def text_offsets(content: str, article_text: str) -> Callable[[int], int]:
    """Where each offset of ``content`` is in the article's text: the app puts the title
    first and sanitises the body (:func:`explorer.corpus.sanitize.sanitize`), which may
    shorten it before any offset."""
    from explorer.corpus.sanitize import sanitize

    body = sanitize(content)
    start = article_text.find(body.strip())
    if start < 0:
        raise GoldError("the article's text does not hold its content")
    shift = start - (len(body) - len(body.lstrip()))
    return lambda offset: shift + len(sanitize(content[:offset]))


def score(recognizer: Recognizer, gold: Sequence[GoldArticle],
          records: dict[tuple[str, int], tuple[dict[str, Any], Article]]) -> SpanScores:
    """Exact-span counts of persons inside the read stretches."""
    from explorer.arabic.tokens import tokenize

    articles = [records[item.file, item.record] for item in gold]
    tagged = recognizer.recognize_many([(article.text, tokenize(article.text))
                                        for _, article in articles])
    scores = SpanScores()
    for item, (record, article), entities in zip(gold, articles, tagged, strict=True):
        place = text_offsets(record["content"], article.text)
        start, end = place(0), place(item.end)
        wanted = {(place(s), place(e)) for s, e in item.persons}
        found = {(e.start, e.end) for e in entities
                 if e.type == "PERS" and start <= e.start and e.end <= end}
        scores.correct += len(wanted & found)
        scores.predicted += len(found)
        scores.gold += len(wanted)
        scores.overlapping += sum(any(s < e2 and s2 < e for s2, e2 in wanted)
                                  for s, e in found - wanted)
        for kind, spans in (("predicted", found - wanted), ("missed", wanted - found)):
            scores.misses.extend((item.url, kind, article.text[s:e]) for s, e in sorted(spans))
    return scores


def run(args: argparse.Namespace) -> int:
    from explorer.analysis.ner import BackendUnavailable, get_recognizer

    try:
        gold = [item for item in read_gold(args.gold) if args.part in ("all", item.part)]
        records = load_records(args.corpus, gold)
        recognizer = get_recognizer(args.ner)
        scores = score(recognizer, gold, records)
    except (GoldError, BackendUnavailable) as error:
        print(f"explorer: eval persons: {error}", file=sys.stderr)
        return 2
    print(f"{args.gold} ({args.part}): {len(gold)} articles, {scores.gold} persons, "
          f"backend {recognizer.name}")
    print(f"person spans: precision {scores.precision:.3f} ({scores.correct}/{scores.predicted})"
          f"  recall {scores.recall:.3f} ({scores.correct}/{scores.gold})")
    print(f"wrong spans: {scores.predicted - scores.correct}, of which {scores.overlapping} "
          "overlap a gold person (its edges wrong)")
    if args.misses:
        for url, kind, text in scores.misses:
            print(f"{kind:9}  {text}  {url}")
    return 0

