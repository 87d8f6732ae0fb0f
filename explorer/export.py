"""Quotes out of the app: citations for the clipboard and CSV / JSON / Markdown files.

A citation names who said it and where: «quote» — speaker, role, article title, date.
It never names a speaker the analysis did not find: a quote of an unnamed source says so
(«— unnamed source (مصدر مسؤول), ...»), and one whose speaker is not known says that.

Only a direct quote (``kind`` ``direct``: the speaker's own words) is put in quotation marks
or a Markdown blockquote. Any other (``indirect``: the article reports what was said in its
own words) is written as reported speech, unquoted and labelled so that nobody pastes a
paraphrase as someone's words: ``Reported speech (not verbatim): text — speaker, ...``.
CSV and JSON carry the ``kind`` of every row.

CSV files start with a UTF-8 byte-order mark unless asked not to, so that Excel reads the
Arabic as UTF-8. Files are written atomically (:mod:`explorer.atomic`), so a failed export
never leaves a half-written file where a good one was.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from explorer.atomic import write_text_atomic
from explorer.model import Article, Corpus, Quote

FORMATS = ("csv", "json", "md")
VERBATIM = "direct"                          # the one kind quoted as the speaker's words
REPORTED = "Reported speech (not verbatim)"  # the label of every other kind
BOM = "\ufeff"


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quote with everything needed to cite it."""

    quote: str
    speaker: str
    role: str
    article_id: str
    article_title: str
    date: str
    kind: str
    cue: str
    start: int
    end: int
    attribution: str = "named"  # named, unnamed source, or not known (see ATTRIBUTIONS)


# How sure a row is of its speaker: an actor of the corpus; a source the text names
# without naming anyone («مصدر مسؤول», «البيان»); or no one the text makes clear.
ATTRIBUTIONS = ("named", "unnamed source", "not known")


def quote_row(corpus: Corpus, article: Article, quote: Quote) -> QuoteRow:
    """The citable form of ``quote`` from ``article``."""
    actor = corpus.actor_by_id.get(quote.speaker) if quote.speaker else None
    # a speaker of an article still being analysed is named by the text until the
    # corpus's actors are merged: named, not an unnamed source
    speaker = actor.name if actor else quote.speaker_text or next(
        (entity.text for entity in article.entities
         if quote.speaker and entity.actor == quote.speaker), "")
    role = actor.roles[0] if actor and actor.roles else ""
    attribution = ATTRIBUTIONS[0 if quote.speaker else 1 if quote.speaker_text else 2]
    return QuoteRow(quote.text, speaker, role, article.id, article.title, article.date or "",
                    quote.kind, quote.cue, quote.start, quote.end, attribution)


def who(row: QuoteRow) -> str:
    """The speaker as a citation gives it: the name (and role), the unnamed source as
    such, or that the speaker is not known."""
    if row.attribution == "named":
        return ", ".join(part for part in (row.speaker, row.role) if part)
    if row.attribution == "unnamed source":
        return f"unnamed source ({row.speaker})"
    return "speaker not known"


def quote_rows(corpus: Corpus, quotes: Iterable[tuple[Article, Quote]]) -> list[QuoteRow]:
    return [quote_row(corpus, article, quote) for article, quote in quotes]


def is_verbatim(row: QuoteRow) -> bool:
    """Whether ``row`` is the speaker's own words (a direct quote), not reported speech."""
    return row.kind == VERBATIM


def citation(row: QuoteRow) -> str:
    """«quote» — speaker, role, article title, date (empty parts left out); reported speech
    as ``Reported speech (not verbatim): text — speaker, ...``, never in quotation marks."""
    source = ", ".join(part for part in (who(row), row.article_title, row.date) if part)
    if is_verbatim(row):
        return f"«{row.quote}» — {source}"
    return f"{REPORTED}: {row.quote} — {source}"


# A line that Markdown would read as a blockquote, heading, list, table, rule or code.
_MD_BLOCK_START = re.compile(r"^(\d+(?=[.)])|)((?<=\d)[.)]|[>#*+=|~`_<-])")


def _md_plain(line: str) -> str:
    """``line`` as an ordinary paragraph line: no indentation, a leading marker escaped."""
    return _MD_BLOCK_START.sub(r"\1\\\2", line.strip(), count=1)


def format_for(path: Path) -> str | None:
    """The export format implied by ``path``'s extension, if any."""
    suffix = path.suffix.lower().lstrip(".")
    return {"markdown": "md"}.get(suffix, suffix) if suffix in (*FORMATS, "markdown") else None


def render(rows: list[QuoteRow], fmt: str) -> str:
    """``rows`` as a CSV, JSON or Markdown document."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=list(QuoteRow.__dataclass_fields__))
        writer.writeheader()
        writer.writerows(asdict(row) for row in rows)
        return out.getvalue()
    if fmt == "json":
        return json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "md":
        blocks = ["# Quotes\n"]
        for row in rows:
            source = who(row)
            where = ", ".join(p for p in (f"*{row.article_title}*" if row.article_title else "",
                                          row.date, f"`{row.article_id}`") if p)
            if is_verbatim(row):
                quoted = "\n".join(f"> {line}" for line in row.quote.splitlines() or [""])
                blocks.append(f"{quoted}\n>\n> — {source} ({where})\n")
            else:
                text = "\n".join(_md_plain(line) for line in row.quote.splitlines())
                blocks.append(f"**{REPORTED}:**\n{text}\n\n— {source} ({where})\n")
        return "\n".join(blocks)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def export(rows: list[QuoteRow], path: Path, fmt: str | None = None, *,
           bom: bool = True) -> str:
    """Write ``rows`` to ``path`` atomically; returns the format used. A CSV file starts
    with a UTF-8 byte-order mark (for Excel) unless ``bom`` is false.

    Raises ``ValueError`` for an unknown format and ``OSError`` when the file cannot be
    written; both messages are one line for the user.
    """
    path = Path(path).expanduser()
    fmt = fmt or format_for(path) or "csv"
    text = render(rows, fmt)
    if fmt == "csv" and bom:
        text = BOM + text
    if not path.parent.is_dir():
        raise OSError(f"{path}: folder does not exist")
    write_text_atomic(path, text)
    return fmt
