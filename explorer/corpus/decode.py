"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16 plainly
recognisable without one, Windows-1256 when the bytes read as Arabic, and a repair of UTF-8
Arabic that was mangled through Latin-1 or Windows-1252.

Anything else is refused with a one-line reason (:class:`DecodeError`) rather than guessed:
a wrong guess would show the user confident nonsense.
"""

from __future__ import annotations

import codecs
import re


class DecodeError(ValueError):
    """The bytes are not text we can read; the message is shown to the user as is."""


_ARABIC = re.compile("[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
# Controls that text files hardly hold (tab, newlines, form feed and ESC they may); a stray
# NUL is hostile text to clean, a high share of them is a binary file.
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BINARY_SHARE = 0.05
_SAMPLE = 65536
_UTF8_ARABIC = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")

# Windows-1252 characters for the bytes 0x80-0x9f; Latin-1 covers the rest of 0x00-0xff.
_CP1252_BYTE = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0)
                if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_MOJIBAKE_CHARS = "\u0080-\u00ff" + "".join(_CP1252_BYTE)
# UTF-8 Arabic read as Latin-1/cp1252: lead bytes Ø Ù Ú Û followed by a continuation char.
_MOJIBAKE_PAIR = re.compile("[ØÙÚÛ][\u0080-\u00bf" + "".join(_CP1252_BYTE) + "]")
# A stretch of one line that could be mojibake: such characters, with ASCII between.
_MOJIBAKE_RUN = re.compile(f"[{_MOJIBAKE_CHARS}](?:[\x20-\x7e]*[{_MOJIBAKE_CHARS}])*")


def _arabic_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_ARABIC.findall(text)) / letters if letters else 0.0


def _looks_utf16(data: bytes) -> str | None:
    """Detect BOM-less UTF-16: every other byte is 0x00 (Latin) or 0x06 (Arabic)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        script = (high.count(0x00) + high.count(0x06)) / len(high)
        punctuation = high.count(0x20) / len(high)
        low_zeros = low.count(0) / len(low)
        if script > 0.5 and script + punctuation > 0.9 and low_zeros < 0.5:
            return codec
    return None


def _to_bytes(text: str) -> bytes | None:
    """The bytes a Latin-1/Windows-1252 reader would have turned into ``text``."""
    out = bytearray()
    for char in text:
        code = ord(char)
        if code < 0x100:
            out.append(code)
        elif char in _CP1252_BYTE:
            out.append(_CP1252_BYTE[char])
        else:
            return None
    return bytes(out)


def _repair_run(match: re.Match[str]) -> str:
    run = match.group()
    if not _MOJIBAKE_PAIR.search(run):
        return run
    raw = _to_bytes(run)
    try:
        fixed = raw.decode("utf-8") if raw is not None else run
    except UnicodeDecodeError:
        return run
    return fixed if _ARABIC.search(fixed) else run


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-Latin-1 (or -cp1252) where the text is full of it.

    Each stretch of Latin-1-looking characters is repaired on its own, so a file that mixes
    mangled and correct Arabic is repaired too; a stretch that does not turn into valid
    UTF-8 Arabic is left exactly as it was (genuine «café» stays «café»).
    """
    if len(_MOJIBAKE_PAIR.findall(text)) < 3:
        return text
    return _MOJIBAKE_RUN.sub(_repair_run, text)


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes; raises :class:`DecodeError` with a one-line reason."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _refuse_binary(_strict(data, "utf-32"))
    if data.startswith(codecs.BOM_UTF8):
        return _refuse_binary(repair_mojibake(_strict(data[3:], "utf-8")))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _refuse_binary(_strict(data, "utf-16"))
    utf16 = _looks_utf16(data)
    if utf16:
        return _refuse_binary(_strict(data, utf16))
    _refuse_binary(data[:_SAMPLE].decode("latin-1"))
    try:
        return repair_mojibake(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _mostly_utf8_arabic(data[:_SAMPLE]):
        raise DecodeError(f"invalid UTF-8 at byte {utf8_error.start} (the rest reads as "
                          "UTF-8 Arabic, so it is not guessed as another encoding)")
    text = data.decode("cp1256", errors="replace")
    if _arabic_share(text) >= 0.5:
        return text
    raise DecodeError(
        f"not UTF-8 (invalid byte at offset {utf8_error.start}) and not Windows-1256 Arabic"
    )


def _mostly_utf8_arabic(data: bytes) -> bool:
    """Whether most non-ASCII bytes form UTF-8 Arabic letters (which Windows-1256 would
    happily, and wrongly, read as «ظ…» strings)."""
    high = sum(1 for b in data if b >= 0x80)
    return bool(high) and 2 * len(_UTF8_ARABIC.findall(data)) > 0.5 * high


def _refuse_binary(text: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary that decoded)."""
    sample = text[:_SAMPLE]
    if sample and len(_BINARY_CONTROLS.findall(sample)) > _BINARY_SHARE * len(sample):
        raise DecodeError("not text: binary content")
    return text


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {codec.upper()} at byte {exc.start}") from None
