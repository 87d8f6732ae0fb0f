"""Make article text safe to print: nothing from a file may drive the user's terminal.

A scraped article can carry terminal escape sequences (OSC 52 rewrites the clipboard, OSC 0
retitles the window, CSI moves the cursor or hides text) and invisible Unicode controls that
make a quote read differently from what it says. So, at load time:

- escape sequences (CSI, OSC, DCS, SOS, PM, APC, in 7-bit ``ESC`` and 8-bit C1 forms) are
  removed whole, so no «[31m» debris is left; a string sequence (OSC...) ends at its BEL or
  ST terminator or at the end of the line, and an 8-bit one counts only when terminated,
  since a stray C1 byte in a text is more often debris than a command, and what follows it
  is article text to keep;
- every other C0/C1 control except newline and tab is removed; line endings become ``\\n``
  (``\\r\\n``, ``\\r``, U+2028, U+2029);
- bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) become visible
  markers such as «[RLO]», since hiding them would silently change the reading order;
- invisible characters with no meaning in a news text are dropped: zero-width space, word
  joiner, byte-order mark, LRM/RLM/ALM, soft hyphen, invisible operators, deprecated format
  controls, interlinear annotation and tag characters (used to smuggle hidden text);
  ZWJ/ZWNJ stay, as Persian and Urdu spelling and emoji need them;
- unpaired surrogates (possible through JSON ``\\ud800`` escapes) become U+FFFD, and runs of
  more than eight combining marks are cut to eight, so stacked marks cannot cover other lines.

:func:`printable_name` does the same job for file names, keeping them distinct.
"""

from __future__ import annotations

import re

# ESC-introduced sequences and their 8-bit C1 forms (ECMA-48; xterm's ctlseqs).
_ESCAPE_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"             # CSI: parameters, intermediates, final
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC string
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)"  # 8-bit: if terminated
    r"|\x1b[ -/]*[0-~]?"                            # other escapes (ESC c, ESC ( B, ESC 7)
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
_SURROGATES = re.compile("[\ud800-\udfff]")

BIDI_MARKERS = {
    "\u202a": "[LRE]", "\u202b": "[RLE]", "\u202c": "[PDF]", "\u202d": "[LRO]",
    "\u202e": "[RLO]", "\u2066": "[LRI]", "\u2067": "[RLI]", "\u2068": "[FSI]",
    "\u2069": "[PDI]",
}
_BIDI = re.compile("[" + "".join(BIDI_MARKERS) + "]")
_INVISIBLE_CHARS = (
    "\u00ad\u061c\u180e\u200b\u200e\u200f\u2060-\u2064\u206a-\u206f"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\U000e0000-\U000e007f"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_COMBINING = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u20d0-\u20ff\ufe20-\ufe2f"
)
MAX_COMBINING_RUN = 8
_COMBINING_FLOOD = re.compile(f"([{_COMBINING}]{{{MAX_COMBINING_RUN}}})[{_COMBINING}]+")


# Every pattern but the combining flood needs one of these characters to match: text
# without any (nearly every article) skips those passes.
_SUSPECT = re.compile("[\ud800-\udfff\r\u2028\u2029\x00-\x08\x0b-\x1f\x7f-\x9f"
                      + "".join(BIDI_MARKERS) + _INVISIBLE_CHARS + "]")


def sanitize(text: str) -> str:
    """The printable form of ``text`` (see module docstring); idempotent."""
    if not _SUSPECT.search(text):
        return _COMBINING_FLOOD.sub(r"\1", text)
    text = _SURROGATES.sub("\ufffd", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _ESCAPE_SEQUENCES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _BIDI.sub(lambda m: BIDI_MARKERS[m.group()], text)
    return _COMBINING_FLOOD.sub(r"\1", text)


def sanitize_field(value: object) -> str | None:
    """A metadata field (title, date, source, url) as one clean line, or None."""
    if value is None or isinstance(value, bool):
        return None
    if not isinstance(value, str | int | float):
        return None
    text = " ".join(sanitize(str(value)).split())
    return text or None


_UNPRINTABLE_NAME = re.compile(
    "[\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff" + _INVISIBLE_CHARS + "".join(BIDI_MARKERS) + "]")


def printable_name(name: str) -> str:
    """A file name or path safe to print, still telling different names apart.

    Controls, invisible characters and undecodable bytes (which ``os.fsdecode`` turns into
    lone surrogates) are written as visible ``\\xNN``/``\\uNNNN`` escapes; bidi controls
    become the same markers as in article text.
    """
    return _UNPRINTABLE_NAME.sub(_escape_name_char, name)


def _escape_name_char(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in BIDI_MARKERS:
        return BIDI_MARKERS[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
