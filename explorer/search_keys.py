"""Keys the actor search matches on: folded names and consonant skeletons.

Both keys exist in two shapes. The bulk shape turns a whole list of names into keys with
C-level string operations, because the index is built over 100,000 actors and must open in
a fraction of a second. The mapped shape does the same to one string in Python and also says
which character of the original each key character came from, so that highlights land on the
letters the user sees (diacritics and tatweel are in the displayed name, not in the key).
The two shapes follow the same per-character rules and the tests hold them equal.

* The folded key is :func:`explorer.arabic.fold` applied character by character, plus two
  spellings searches must ignore that the merging key keeps apart: the hamza seats ؤ/ئ as a
  bare ء (مسؤول/مسئول) and the Persian ی/ک.
* The consonant skeleton reduces Arabic and Latin letters to shared phonetic classes and drops
  vowels (ا و ي ى ع ء; a e i o u w y), so that «pompeo» and «بومبيو» both become ``bmb`` and
  «ilham ahmed» and «إلهام أحمد» both become ``lhm hmd``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from explorer.arabic import fold

_EXTRA = str.maketrans({"ؤ": "ء", "ئ": "ء", "ی": "ي", "ک": "ك"})
_SEPARATOR = "\n"

ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
LATIN_LETTER = re.compile("[a-z]")


@cache
def char_key(char: str) -> str:
    """What folding makes of one character: ``""`` for marks, ``" "`` for any space."""
    if char.isspace():
        return " "
    return fold(char).translate(_EXTRA)


class _CharKeys(dict[int, str]):
    """A translation table that folds any character on first sight (``str.translate``)."""

    def __missing__(self, char_code: int) -> str:
        value = self[char_code] = char_key(chr(char_code))
        return value


_TABLE = _CharKeys({ord(_SEPARATOR): _SEPARATOR})
_SPACES = re.compile(" +")


def search_key(text: str) -> str:
    """The folded search key of ``text`` (spaces collapsed, no leading or trailing space)."""
    return _SPACES.sub(" ", text.replace(_SEPARATOR, " ").translate(_TABLE)).strip()


def search_keys(texts: Sequence[str]) -> list[str]:
    """:func:`search_key` of every text, computed on one joined string.

    Lower-casing is one C pass; then only the few characters folding changes (diacritics,
    hamza seats, ى, ة, tatweel...) are replaced, each by one C-level ``str.replace``.
    """
    if not texts:
        return []
    joined = _SEPARATOR.join(text.replace(_SEPARATOR, " ") for text in texts)
    seen = set(joined) - {_SEPARATOR}
    for char in seen:
        if "".join(map(char_key, char.lower())) != char_key(char):
            joined = joined.replace(char, char_key(char))  # lower-casing would fold it wrongly
    joined = joined.lower()
    for char in set("".join(seen).lower()) - {_SEPARATOR}:
        if char_key(char) != char:
            joined = joined.replace(char, char_key(char))
    if "  " in joined:
        joined = _SPACES.sub(" ", joined)
    parts = joined.split(_SEPARATOR)
    if " \n" in joined or "\n " in joined or joined[:1] == " " or joined[-1:] == " ":
        parts = [part.strip() for part in parts]
    return parts


def search_key_map(text: str) -> tuple[str, list[int]]:
    """:func:`search_key` of ``text`` and, for each key character, its index in ``text``."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = " " if char == _SEPARATOR else char_key(char)
        for out in folded:
            if out == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(out)
            origin.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), origin


# --- consonant skeletons ---------------------------------------------------------------

_CLASSES: dict[str, str] = {}
for _letters, _class in (
    ("bpبپ", "b"), ("tتطث", "t"), ("jgجغ", "j"), ("hحه", "h"), ("kqcخقكک", "k"),
    ("dدذض", "d"), ("zزظ", "z"), ("sسصش", "s"), ("rر", "r"), ("lل", "l"), ("mم", "m"),
    ("nن", "n"), ("fvفڤ", "f"), ("x", "ks"), ("aeiouwyاويىءعآأإ", ""),
    ("0123456789", None),
):
    for _letter in _letters:
        _CLASSES[_letter] = _letter if _class is None else _class
_LATIN_VOWELS = "aeiouy"
_DIGRAPHS = {"kh": "k", "gh": "j", "sh": "s", "ch": "s", "th": "t", "dh": "d", "ph": "f",
             "ck": "k", "dj": "j"}

# The bulk skeleton works on bytes: the Windows Arabic code page has one byte for every letter
# above (bar ڤ, replaced by ف first), so deleting and mapping letters are C-level byte tables.
_CODEPAGE = "cp1256"
_BYTE_CLASSES = {char.encode(_CODEPAGE)[0]: cls for char, cls in _CLASSES.items() if char != "ڤ"}
_ALLOWED = set(_BYTE_CLASSES) | {ord(" "), ord("\n")}
_DROP = bytes(byte for byte in range(256) if byte not in _ALLOWED)
_VOWEL_BYTES = bytes(byte for byte, cls in _BYTE_CLASSES.items() if cls == "")
_CLASS_BYTES = bytes.maketrans(
    bytes(byte for byte, cls in _BYTE_CLASSES.items() if len(cls) == 1),
    bytes(ord(cls) for cls in _BYTE_CLASSES.values() if len(cls) == 1))
_ARABIC_BYTES = re.escape(bytes(sorted(
    byte for byte in _BYTE_CLASSES if ARABIC_LETTER.match(bytes([byte]).decode(_CODEPAGE)))))
_BYTES_FINAL_LATIN_H = re.compile(b"([" + _LATIN_VOWELS.encode() + b"])h(?![a-z])")
_BYTES_FINAL_ARABIC_H = re.compile(re.escape("ه".encode(_CODEPAGE)) + b"(?![" + _ARABIC_BYTES
                                   + b"])")
_BYTES_DIGRAPH = re.compile(b"|".join(pair.encode() for pair in _DIGRAPHS))
_BYTES_DOUBLES = re.compile(rb"([a-z])\1+")
_BYTES_SPACES = re.compile(b" +")


def skeletons(keys: Sequence[str]) -> list[str]:
    """The consonant skeleton of every folded key, computed on one joined byte string."""
    if not keys:
        return []
    data = "\n".join(keys).replace("ڤ", "ف").encode(_CODEPAGE, errors="replace")
    data = data.translate(None, _DROP)
    data = _BYTES_FINAL_ARABIC_H.sub(b"", _BYTES_FINAL_LATIN_H.sub(rb"\1", data))
    data = _BYTES_DIGRAPH.sub(lambda match: _DIGRAPHS[match.group().decode()].encode(), data)
    data = data.replace(b"x", b"ks").translate(_CLASS_BYTES, _VOWEL_BYTES)
    data = _BYTES_SPACES.sub(b" ", _BYTES_DOUBLES.sub(rb"\1", data))
    return [part.strip() for part in data.decode("ascii").split("\n")]


def skeleton(key: str) -> str:
    """The consonant skeleton of one folded key."""
    return skeletons([key])[0]


def skeleton_map(key: str) -> tuple[str, list[tuple[int, ...]]]:
    """:func:`skeleton` of ``key`` and, per skeleton character, the key indices it stands for."""
    kept = [(char, index) for index, char in enumerate(key) if char in _CLASSES or char == " "]
    letters = [char for char, _ in kept]
    survivors: list[tuple[str, int]] = []
    for position, (char, index) in enumerate(kept):
        following = letters[position + 1] if position + 1 < len(letters) else ""
        previous = letters[position - 1] if position else ""
        if char == "h" and previous and previous in _LATIN_VOWELS and not (
                following and LATIN_LETTER.match(following)):
            continue
        if char == "ه" and not (following and ARABIC_LETTER.match(following)):
            continue
        survivors.append((char, index))
    out: list[str] = []
    origin: list[tuple[int, ...]] = []
    position = 0
    while position < len(survivors):
        char, index = survivors[position]
        pair = char + survivors[position + 1][0] if position + 1 < len(survivors) else ""
        if pair in _DIGRAPHS:
            classes, sources = _DIGRAPHS[pair], (index, survivors[position + 1][1])
            position += 2
        else:
            classes, sources = (" " if char == " " else _CLASSES[char]), (index,)
            position += 1
        for cls in classes:
            if cls == " ":
                if out and out[-1] != " ":
                    out.append(" ")
                    origin.append(())
            elif out and out[-1] == cls and cls.isalpha():
                origin[-1] = origin[-1] + sources
            else:
                out.append(cls)
                origin.append(sources)
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


# --- whole-word agreement of a Latin word with a name word ------------------------------

# What a written Arabic long vowel (or diphthong) needs among the Latin vowels of its place:
# «بومبيو» writes the «e» and the «o» of «pompeo», «بومباي» writes an «a» it does not have.
# A final ه (ة) the skeleton drops is a vowel: «hamza», «حمزة»; «saudi», «السعودية».
_WRITTEN_VOWELS = {"اي": "aiy", "او": "aouw", "ا": "au", "و": "ouw", "ي": "iey", "ه": "aei"}
_SILENT = "ءع"   # hamza and ain stand for no typed vowel


def _syllables(word: str) -> tuple[list[str], list[str]]:
    """The consonant classes of one folded word, and the vowel letters before, between and
    after them (one more than the consonants). Unlike the skeleton, a consonant doubled
    across a vowel stays two («sisi»: s, s), and the letters the skeleton drops (a Latin
    vowel's final h, a final ه) are kept as vowel letters."""
    consonants: list[str] = []
    vowels = [""]
    position = 0
    while position < len(word):
        char = word[position]
        following = word[position + 1] if position + 1 < len(word) else ""
        pair = char + following
        position += 1
        if pair in _DIGRAPHS:
            classes = _DIGRAPHS[pair]
            position += 1
        elif (char == "h" and vowels[-1] and vowels[-1][-1] in _LATIN_VOWELS
              and not LATIN_LETTER.match(following)) or (
                char == "ه" and not ARABIC_LETTER.match(following)):
            vowels[-1] += char
            continue
        else:
            classes = _CLASSES.get(char)
            if classes is None:
                continue    # a mark or a sign: no sound
            if not classes:
                vowels[-1] += char
                continue
        for cls in classes:
            if not (consonants and consonants[-1] == cls and not vowels[-1]):
                consonants.append(cls)
                vowels.append("")
    return consonants, vowels


def sounds_alike(typed: str, word: str, article: bool = False) -> bool:
    """Whether the Latin word ``typed`` can be the whole of the folded name word ``word``
    (after its article when ``article``): the same consonants in the same order, and every
    vowel the name writes spelled by the query at that place.

    Arabic writes long vowels and leaves short ones out, so a Latin vowel need not be written
    («salman», «سلمان»), but a written one must be typed: «و» wants o, u or w, «ي» i, e or y,
    «ا» a or u («trump», «ترامب»), «اي» a, i or y («mike», «مايك»), a final ة a, e or i; a
    word's first ا, hamza and ain stand for no typed vowel. A query ending in a vowel other than
    a silent e needs it written last («pompeo» is not «بومبي»). A name in Latin
    letters must have vowels where the query has them, so «PMP» is no whole «pompeo».
    """
    consonants, vowels = _syllables(word)
    if article and consonants:
        consonants, vowels = consonants[1:], vowels[1:]
    typed_consonants, typed_vowels = _syllables(typed)
    if typed_vowels[-1].endswith("h") and consonants == [*typed_consonants, "h"]:
        # the final h the skeleton drops may be the name's ح or ه: «saleh», «صالح»
        typed_consonants, typed_vowels = consonants, [*typed_vowels[:-1],
                                                      typed_vowels[-1][:-1], ""]
    if consonants != typed_consonants:
        return False
    if not ARABIC_LETTER.search(word):
        return all(bool(mine.strip("h")) == bool(theirs.strip("h"))
                   for mine, theirs in zip(vowels, typed_vowels, strict=True))
    last = len(vowels) - 1
    for place, (written, typed_here) in enumerate(zip(vowels, typed_vowels, strict=True)):
        spoken = typed_here.replace("h", "")
        letters = "".join(char for char in written if char not in _SILENT)
        if place == 0:
            letters = letters.removeprefix("ا")   # a word's first ا carries its vowel
        wanted = ""
        while letters:
            unit = letters[:2] if letters[:2] in _WRITTEN_VOWELS else letters[0]
            wanted = _WRITTEN_VOWELS.get(unit, "")
            if unit == "ي" and place == last:
                wanted += "a"   # a final ى, folded to ي: «mustafa», «مصطفى»
            if not any(char in wanted for char in spoken):
                return False
            letters = letters[len(unit):]
        if place == last and spoken and typed_here != "e" and not (
                spoken[-1] in wanted if wanted else written):
            return False    # the query's last vowel is not the name's («saleh» is no «شل»)
    return True
