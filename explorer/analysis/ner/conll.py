"""CoNLL "token tag" files: reading, writing, and entity spans counted the CoNLL way.

Shared by training (the corpora) and ``explorer eval ner`` (a user's file), so both read
tags identically: ``B-``/``I-`` with PERS, LOC, ORG, MISC (PER and MIS are accepted and
renamed) and ``O``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TYPES: tuple[str, ...] = ("PERS", "LOC", "ORG", "MISC")
_RENAME = {"PER": "PERS", "MIS": "MISC"}


class ConllError(ValueError):
    """A CoNLL file cannot be read; the message names the file and line."""


@dataclass(slots=True)
class Sentence:
    tokens: list[str]
    tags: list[str]


def normalize_tag(tag: str) -> str | None:
    """The canonical form of ``tag`` (``B-PER`` → ``B-PERS``), or None if it is not a tag."""
    if tag == "O":
        return tag
    prefix, _, kind = tag.partition("-")
    kind = _RENAME.get(kind, kind)
    if prefix in ("B", "I") and kind in TYPES:
        return f"{prefix}-{kind}"
    return None


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of a CoNLL file; raises :class:`ConllError` naming the bad line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise ConllError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise ConllError(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise ConllError(f"{path}: cannot read ({error.strerror})") from None
    sentences: list[Sentence] = []
    current = Sentence([], [])
    for number, line in enumerate(lines, 1):
        parts = line.split()
        if not parts:
            if current.tokens:
                sentences.append(current)
                current = Sentence([], [])
            continue
        if len(parts) < 2:
            raise ConllError(f"{path}:{number}: expected \"token tag\", got {line.strip()!r}")
        tag = normalize_tag(parts[-1])
        if tag is None:
            raise ConllError(f"{path}:{number}: unknown tag {parts[-1]!r}")
        current.tokens.append(parts[0])
        current.tags.append(tag)
    if current.tokens:
        sentences.append(current)
    return sentences


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(first, last + 1, type)`` of a tag sequence, as conlleval counts them.

    An ``I-X`` that does not continue an ``X`` entity starts a new one.
    """
    found: set[tuple[int, int, str]] = set()
    start, kind, previous = -1, "", -2
    for index in [i for i, tag in enumerate(tags) if tag != "O"]:  # most tags are O
        prefix, _, tag_kind = tags[index].partition("-")
        continues = index == previous + 1 and prefix == "I" and tag_kind == kind
        if kind and not continues:  # closed by an O or by this tag
            found.add((start, previous + 1, kind))
            kind = ""
        if prefix in ("B", "I") and not continues:
            start, kind = index, tag_kind
        previous = index
    if kind:
        found.add((start, previous + 1, kind))
    return found
