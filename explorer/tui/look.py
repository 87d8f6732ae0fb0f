"""How things look and are told apart: entity colours and the key that groups mentions."""

from __future__ import annotations

from rich.style import Style

from explorer.model import Entity

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
