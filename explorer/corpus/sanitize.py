"""Make article text safe to print: nothing from a file may drive the user's terminal.

Escape sequences (CSI, OSC, DCS...) are removed whole, so no «[31m» debris is left; other
C0/C1 controls except newline and tab are removed; invisible bidi controls that would make a
quote read differently from what it says (overrides, embeddings, isolates) are replaced by
visible markers such as «[RLO]»; zero-width and direction marks with no visible effect on
meaning are dropped. Line endings become ``\n``.
"""

from __future__ import annotations

import re

# ESC-introduced sequences and their 8-bit C1 forms.
_ESCAPE_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"                  # CSI ... final byte
    r"|(?:\x1b[\]PX^_]|[\x90\x9d\x98\x9e\x9f])"          # OSC, DCS, SOS, PM, APC ...
    r"[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"             # ... up to BEL / ST
    r"|\x1b[ -/]*[0-~]?"                                 # other two-byte escapes
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

BIDI_MARKERS = {
    "\u202a": "[LRE]", "\u202b": "[RLE]", "\u202c": "[PDF]", "\u202d": "[LRO]",
    "\u202e": "[RLO]", "\u2066": "[LRI]", "\u2067": "[RLI]", "\u2068": "[FSI]",
    "\u2069": "[PDI]",
}
_BIDI = re.compile("[" + "".join(BIDI_MARKERS) + "]")
# Zero-width space/word-joiner/BOM and the direction marks LRM, RLM, ALM.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u200e\u200f\u061c]")


def sanitize(text: str) -> str:
    """The printable form of ``text`` (see module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _INVISIBLE.sub("", text)
    return _BIDI.sub(lambda m: BIDI_MARKERS[m.group()], text)


def sanitize_field(value: object) -> str | None:
    """A metadata field (title, date, source, url) as one clean line, or None."""
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        return None
    text = " ".join(sanitize(str(value)).split())
    return text or None
