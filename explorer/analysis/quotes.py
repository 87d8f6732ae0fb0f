"""Quotes: direct speech in quotation marks, with the speech verb (cue) and its speaker.

This first cut finds direct quotes in «...» and "..." that follow a speech verb in the same
sentence and gives them the nearest preceding person mention as speaker.
"""

from __future__ import annotations

import re

from explorer.arabic.normalize import fold
from explorer.model import Entity, Quote

_DIRECT = re.compile(r"«([^«»]+)»|\"([^\"]+)\"|“([^“”]+)”")
_CUES = {"قال", "قالت", "وقال", "وقالت", "اضاف", "اضافت", "واضاف", "واضافت", "موضحا", "موضحه"}
_CUE_WINDOW = 120


def extract_quotes(text: str, entities: list[Entity]) -> list[Quote]:
    """Quotes in ``text``; ``speaker`` holds the speaking mention's actor key."""
    quotes: list[Quote] = []
    for match in _DIRECT.finditer(text):
        group = next(g for g in range(1, 4) if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        before = text[max(0, match.start() - _CUE_WINDOW):match.start()]
        cue = next((w for w in reversed(before.split()) if fold(w).strip(":،,") in _CUES), None)
        if cue is None:
            continue
        speaker = next((e for e in reversed(entities)
                        if e.end <= match.start() and e.type == "PERS"), None)
        quotes.append(Quote(start, end, text[start:end], "direct", cue.strip(":،,"),
                            speaker.actor if speaker else None,
                            speaker.text if speaker else None))
    return quotes
