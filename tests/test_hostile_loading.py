"""Sanitising, decoding and loading of hostile input, case by case."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from explorer.corpus import load
from explorer.corpus.decode import DecodeError, decode_bytes, repair_mojibake
from explorer.corpus.loader import MAX_RECORD_ERRORS, MAX_TITLE_CHARS
from explorer.corpus.sanitize import printable_name, sanitize, sanitize_field
from explorer.model import Article, LoadError

ARABIC = "قال وزير الخارجية فيصل بن فرحان إن المفاوضات مستمرة."


@pytest.mark.parametrize(("raw", "clean"), [
    ("a\x1b[31;1mb\x1b[0mc", "abc"),                              # SGR colour
    ("a\x1b[2J\x1b[Hb\x1b[10;20Hc", "abc"),                       # clear screen, cursor moves
    ("a\x1b[?1049hb\x1b[!pc\x1b[38;2;1;2;3md", "abcd"),           # private and intermediates
    ("a\x9b31mb", "ab"),                                          # 8-bit CSI
    ("a\x1b]52;c;Y3VybA==\x07b", "ab"),                           # OSC 52 ended by BEL
    ("a\x1b]0;title\x1b\\b", "ab"),                               # OSC 0 ended by ST
    ("a\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),  # OSC 8 keeps its text
    ("a\x1bP1$qm\x1b\\b\x1b_apc\x1b\\c\x1b^pm\x1b\\d\x1bXsos\x1b\\e", "abcde"),  # DCS APC PM SOS
    ("a\x9d0;title\x9cb\x90dcs\x07c", "abc"),                     # 8-bit OSC and DCS
    ("a\x1b]0;unterminated\nnext line", "a\nnext line"),          # OSC ends at the line end
    ("price \x90 rises", "price  rises"),                         # a stray C1 byte is debris
    ("a\x1bcb\x1b(0c\x1b#8d\x1b7e\x1b8f\x1b", "abcdef"),          # reset, charset, DECALN
    ("a\x1b\x1b[31mb", "ab"),                                     # doubled ESC
    ("a\x00b\x07c\x08d\x7fe\x85f\x9fg", "abcdefg"),               # C0, DEL, C1
    ("a\tb\r\nc\rd\u2028e\u2029f", "a\tb\nc\nd\ne\nf"),           # line endings
    ("\u202eabc\u202c \u2067x\u2069", "[RLO]abc[PDF] [RLI]x[PDI]"),
    ("a\u200bb\u2060c\ufeffd\u200ee\u200ff\u061cg\u00adh\U000e0041i", "abcdefghi"),
    ("نص\u200cمع\u200dوصل", "نص\u200cمع\u200dوصل"),             # ZWNJ/ZWJ are spelling
    ("\ud800x\udfff", "\ufffdx\ufffd"),                           # lone surrogates from JSON
    ("a" + "\u0301" * 50 + "b", "a" + "\u0301" * 8 + "b"),       # stacked marks are capped
    ("شَدَّة", "شَدَّة"),                                          # Arabic marks are kept
])
def test_sanitize_real_sequences(raw: str, clean: str) -> None:
    assert sanitize(raw) == clean
    assert sanitize(clean) == clean


def test_sanitize_field_is_one_clean_line() -> None:
    assert sanitize_field("  عنوان\x1b]0;x\x07\n\tثان ") == "عنوان ثان"
    assert sanitize_field(2026) == "2026"
    assert sanitize_field(True) is None and sanitize_field(["x"]) is None
    assert sanitize_field("\x1b[31m\x07") is None


def test_printable_name_keeps_names_distinct_and_inert() -> None:
    assert printable_name("a\x1b]0;t\x07.txt") == "a\\x1b]0;t\\x07.txt"
    assert printable_name(os.fsdecode(b"bad\xffname.txt")) == "bad\\xffname.txt"
    assert printable_name("\u202etxt.exe") == "[RLO]txt.exe"
    assert printable_name("a\u200bb") == "a\\u200bb"
    assert printable_name("عادي/ملف.txt") == "عادي/ملف.txt"
    assert printable_name("a\x01") != printable_name("a\x02")


def test_decode_encodings_and_refusals() -> None:
    assert decode_bytes(b"    \n") == "    \n"  # spaces are not UTF-16 daggers
    assert decode_bytes(ARABIC.encode("utf-32")) == ARABIC
    assert decode_bytes(ARABIC.encode("utf-16-be")) == ARABIC
    assert decode_bytes("plain English text".encode("utf-16-le")) == "plain English text"
    assert decode_bytes(b"\xef\xbb\xbf" + ARABIC.encode()) == ARABIC
    with pytest.raises(DecodeError, match="binary content"):
        decode_bytes(bytes(range(256)) * 8)
    with pytest.raises(DecodeError, match="binary content"):
        decode_bytes(b"\xff\xfe" + b"\x01\x00\x41\x00\x02\x00" * 50)  # a BOM on a binary
    with pytest.raises(DecodeError, match="invalid UTF-8 at byte 7"):
        decode_bytes(ARABIC.encode()[:7] + b"\xff" + ARABIC.encode()[7:])
    with pytest.raises(DecodeError, match="not UTF-8"):
        decode_bytes("café".encode("latin-1"))


def test_mojibake_repair_is_per_stretch_and_leaves_real_latin_alone() -> None:
    mangled = ARABIC.encode().decode("latin-1")
    assert repair_mojibake(f"{mangled}\nكلام سليم\nun café") == f"{ARABIC}\nكلام سليم\nun café"
    assert repair_mojibake("un café, déjà vu, Ørsted") == "un café, déjà vu, Ørsted"


def _load(*paths: Path, **options: int) -> tuple[list[Article], list[LoadError]]:
    items = list(load(paths, **options))
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, LoadError)])


def test_an_unreadable_file_is_one_error_and_the_others_load(tmp_path: Path,
                                                             monkeypatch) -> None:
    # Tests may run as root, for whom chmod 000 does not stop a read; so the refusal the
    # kernel gives an ordinary user is simulated for that one path.
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(ARABIC, encoding="utf-8")
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if Path(path) == secret:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    articles, errors = _load(tmp_path)
    assert [a.id for a in articles] == ["good.txt"]
    assert [str(e) for e in errors] == ["secret.txt: cannot read: Permission denied"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_mode_000_file_cannot_be_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(ARABIC, encoding="utf-8")
    secret.chmod(0)
    _, errors = _load(tmp_path)
    assert [str(e) for e in errors] == ["secret.txt: cannot read: Permission denied"]


def test_an_unreadable_folder_is_one_error(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    real_scandir = os.scandir

    def refusing_scandir(path="."):
        if Path(path) == tmp_path / "sub":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    articles, errors = _load(tmp_path)
    assert [a.id for a in articles] == ["good.txt"]
    assert [str(e) for e in errors] == ["sub: cannot read folder: Permission denied"]


def test_a_flood_of_bad_records_is_capped(tmp_path: Path) -> None:
    records = [{"title": "t", "text": ARABIC}] + [{"text": [n]} for n in range(30)]
    (tmp_path / "feed.json").write_text(json.dumps(records, ensure_ascii=False),
                                        encoding="utf-8")
    articles, errors = _load(tmp_path)
    assert [a.id for a in articles] == ["feed.json#1"]
    assert len(errors) == MAX_RECORD_ERRORS + 1
    assert str(errors[-1]) == f"feed.json: {30 - MAX_RECORD_ERRORS} more bad records not listed"
    assert sum(e.records for e in errors) == 30 and {e.file for e in errors} == {"feed.json"}


def test_a_giant_first_line_gives_a_short_title_and_the_whole_text(tmp_path: Path) -> None:
    line = "كلمة " * 2000
    (tmp_path / "one_line.txt").write_text(line, encoding="utf-8")
    [article], _ = _load(tmp_path)
    assert len(article.title) == MAX_TITLE_CHARS and article.title.endswith("…")
    assert article.text == line.strip()


def test_a_file_given_by_name_that_is_a_pipe_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    _, errors = _load(tmp_path / "pipe.txt")
    assert [str(e) for e in errors] == ["pipe.txt: not a regular file: a named pipe"]


def test_folder_links_are_followed_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "real" / "loop").symlink_to(tmp_path)
    (tmp_path / "z_link").symlink_to(tmp_path / "real")
    articles, errors = _load(tmp_path)
    assert [a.id for a in articles] == ["real/a.txt"]
    assert sorted(e.path for e in errors) == ["real/loop", "z_link"]
    assert all("folder already read" in e.error for e in errors)
