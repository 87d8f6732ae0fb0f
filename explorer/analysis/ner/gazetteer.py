"""A small gazetteer recogniser: known names matched on folded token keys.

It needs no model and serves as the floor of the pipeline; the trained recogniser replaces
it as the default.
"""

from __future__ import annotations

from explorer.arabic.clitics import name_variants
from explorer.arabic.normalize import fold, offset_after_letters
from explorer.arabic.tokens import Token
from explorer.model import Entity

_NAMES: dict[str, str] = {
    "سوريا": "LOC", "سوريه": "LOC", "العراق": "LOC", "مصر": "LOC", "الاردن": "LOC",
    "لبنان": "LOC", "فرنسا": "LOC", "المانيا": "LOC", "بريطانيا": "LOC", "واشنطن": "LOC",
    "جنيف": "LOC", "الولايات المتحده": "LOC", "الولايات المتحده الامريكيه": "LOC",
    "داعش": "ORG", "الامم المتحده": "ORG", "الكونجرس": "ORG", "الناتو": "ORG",
    "التحالف الدولي": "ORG",
}
_MAX_WORDS = max(len(name.split()) for name in _NAMES)


class GazetteerRecognizer:
    name = "gazetteer"

    def recognize(self, text: str, tokens: list[Token]) -> list[Entity]:
        words = [t for t in tokens if t.is_word]
        keys = [fold(t.text) for t in words]
        entities: list[Entity] = []
        i = 0
        while i < len(words):
            for size in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                match = self._match(keys[i:i + size])
                if match is None:
                    continue
                skip, kind = match
                start = words[i].start + offset_after_letters(words[i].text, skip)
                end = words[i + size - 1].end
                entities.append(Entity(start, end, text[start:end], kind))
                i += size
                break
            else:
                i += 1
        return entities

    @staticmethod
    def _match(keys: list[str]) -> tuple[int, str] | None:
        """(letters of proclitic to skip, type) when ``keys`` spell a known name."""
        phrase = " ".join(keys)
        if phrase in _NAMES:
            return 0, _NAMES[phrase]
        for clitic, form in name_variants(keys[0]):
            candidate = " ".join([form, *keys[1:]])
            if clitic and candidate in _NAMES:
                return len(clitic), _NAMES[candidate]
        return None
