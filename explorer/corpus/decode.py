"""Bytes to text: UTF-8 (with or without BOM), UTF-16 (BOM or plainly detected),
Windows-1256 when the bytes read as Arabic, and a repair of Latin-1 mojibake of Arabic.

Anything else is refused with a one-line reason (:class:`DecodeError`) rather than guessed.
"""

from __future__ import annotations

import codecs
import re


class DecodeError(ValueError):
    """The bytes are not text we can read; the message is shown to the user as is."""


_ARABIC = re.compile("[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
# UTF-8 Arabic read as Latin-1/cp1252: lead bytes Ø Ù Ú Û followed by a continuation char.
_MOJIBAKE = re.compile("[ØÙÚÛ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                       "\u02c6\u02dc\u2013-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def _arabic_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_ARABIC.findall(text)) / letters if letters else 0.0


def _looks_utf16(data: bytes) -> str | None:
    """Detect BOM-less UTF-16 by its zero bytes (Latin) or 0x06 high bytes (Arabic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for codec, high in (("utf-16-le", odd), ("utf-16-be", even)):
        share = sum(1 for b in high if b in (0x00, 0x06, 0x20)) / len(high)
        if share > 0.9:
            return codec
    return None


_BINARY_BYTES = bytes([*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x1b), *range(0x1c, 0x20)])


def _looks_binary(data: bytes) -> bool:
    """Binary when control bytes (other than tab, newlines and ESC) are more than 5% of the
    first 64 KB; a stray NUL in a text file is removed later, not a reason to refuse it."""
    head = data[:65536]
    if not head:
        return False
    controls = sum(head.count(b) for b in _BINARY_BYTES)
    return controls / len(head) > 0.05


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-Latin-1 when the text is full of it; otherwise return it unchanged."""
    if len(_MOJIBAKE.findall(text)) < 3:
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if _arabic_share(fixed) > _arabic_share(text):
            return fixed
    return text


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes; raises :class:`DecodeError` with a one-line reason."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16")
    utf16 = _looks_utf16(data)
    if utf16:
        return _strict(data, utf16)
    if _looks_binary(data):
        raise DecodeError("not text: binary content")
    try:
        return repair_mojibake(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _arabic_share(text) >= 0.5:
        return text
    raise DecodeError(
        f"not UTF-8 (invalid byte at offset {utf8_error.start}) and not Windows-1256 Arabic"
    )


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {codec.upper()} at byte {exc.start}") from None
