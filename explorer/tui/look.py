"""How things look and are told apart: entity colours, the key that groups mentions, and
counts said in words."""

from __future__ import annotations

from rich.style import Style

from explorer.model import Entity, ErrorCounts, LoadError

ENTITY_STYLES: dict[str, Style] = {
    "PERS": Style(color="#7cb7ff", bold=True),
    "ORG": Style(color="#d49cff"),
    "LOC": Style(color="#8fd18a"),
    "MISC": Style(color="#e8c26e"),
}
TYPE_NAMES = {"PERS": "Persons", "ORG": "Organisations", "LOC": "Places", "MISC": "Other"}
TYPE_NAME = {"PERS": "Person", "ORG": "Organisation", "LOC": "Place", "MISC": "Other"}
QUOTE_STYLE = Style(color="#f0a46b", italic=True)
TITLE_STYLE = Style(bold=True)
CURRENT_QUOTE_STYLE = Style(bgcolor="#4a3b2a")
SELECTED_STYLE = Style(reverse=True, bold=True)
CURRENT_MENTION_STYLE = Style(reverse=True, bold=True, underline=True)
MATCH_STYLE = Style(color="#ffd75f", bold=True, underline=True)
DIM_STYLE = Style(dim=True)


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """«1 quote», «2 quotes», «3 entities» (with ``plural``)."""
    return f"{number} {noun}" if number == 1 else f"{number} {plural or noun + 's'}"


def unreadable_short(errors: list[LoadError]) -> str:
    """«2 files, 139 records unreadable», for the title bar."""
    counts = ErrorCounts.of(errors)
    parts = [counted(n, noun) for n, noun in ((counts.files, "file"),
                                                (counts.records, "record")) if n]
    return ", ".join(parts) + " unreadable" if parts else ""


def error_summary(errors: list[LoadError]) -> str:
    """«2 files could not be read; 139 records in 10 files were skipped», as many as apply."""
    counts = ErrorCounts.of(errors)
    parts = []
    if counts.files:
        parts.append(f"{counted(counts.files, 'file')} could not be read")
    if counts.records:
        parts.append(f"{counted(counts.records, 'record')} in "
                     f"{counted(counts.record_files, 'file')} "
                     f"{'was' if counts.records == 1 else 'were'} skipped")
    return "; ".join(parts)


def entity_key(entity: Entity) -> str:
    """What makes two mentions «the same» in the entities pane: their actor, else their text."""
    if entity.actor:
        return entity.actor
    from explorer.arabic.normalize import fold  # camel-tools: loaded after the first screen

    return "~" + fold(entity.text)


def romanise(text: str, scheme: str) -> str:
    """``text`` in Latin letters (offsets kept); camel-tools is loaded on first use only."""
    from explorer.arabic.translit import transliterate

    return transliterate(text, scheme)
