"""Corpus loading: every format, every encoding, and one error line per bad file."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

from explorer.corpus import load
from explorer.corpus.decode import decode_bytes
from explorer.model import Article, LoadError

TITLE = "وزير الخارجية: لن نقبل بأي اتفاق"
BODY = "قال وزير الخارجية سامر الخطيب إن المفاوضات مستمرة."


def _load(*paths: Path) -> tuple[list[Article], list[LoadError]]:
    items = list(load(paths))
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, LoadError)])


def test_plain_text_title_is_the_first_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"\n{TITLE}\n\n{BODY}\n", encoding="utf-8")
    [article], errors = _load(tmp_path)
    assert errors == []
    assert article.id == "a.txt" and article.title == TITLE
    assert article.text == f"{TITLE}\n\n{BODY}"


def test_markdown_heading_is_unmarked(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"# {TITLE}\n\n{BODY}\n", encoding="utf-8")
    [article], _ = _load(tmp_path)
    assert article.title == TITLE
    assert article.text.startswith(TITLE + "\n")


def test_json_object_with_alternative_keys(tmp_path: Path) -> None:
    record = {"headline": TITLE, "body": BODY, "date": "2026-10-14", "source": "وكالة",
              "url": "https://example.org/a"}
    (tmp_path / "a.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    [article], _ = _load(tmp_path)
    assert (article.title, article.date, article.source, article.url) == (
        TITLE, "2026-10-14", "وكالة", "https://example.org/a")
    assert article.text == f"{TITLE}\n\n{BODY}"


def test_json_list_and_jsonl_keep_good_records_and_report_bad_ones(tmp_path: Path) -> None:
    good = {"title": TITLE, "content": BODY}
    (tmp_path / "list.json").write_text(
        json.dumps([good, {"title": "no text"}, good], ensure_ascii=False), encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        json.dumps(good, ensure_ascii=False) + "\n{broken\n\n"
        + json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8")
    articles, errors = _load(tmp_path)
    assert [a.id for a in articles] == ["feed.jsonl#1", "feed.jsonl#4", "list.json#1",
                                        "list.json#3"]
    assert all(a.path in ("feed.jsonl", "list.json") for a in articles)
    assert [(e.path, e.error.split(":")[0]) for e in errors] == [
        ("feed.jsonl#2", "line 2"), ("list.json#2", "no text")]


def test_html_title_and_paragraphs_without_script_or_style(tmp_path: Path) -> None:
    html = (f"<html><head><title>موقع</title><style>p{{color:red}}</style></head><body>"
            f"<script>alert('x')</script><h1>{TITLE}</h1><p>{BODY}</p><p>فقرة <b>ثانية</b>.</p>"
            "</body></html>")
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    [article], _ = _load(tmp_path)
    assert article.title == TITLE
    assert article.text == f"{TITLE}\n\n{BODY}\n\nفقرة ثانية."
    assert "alert" not in article.text and "color" not in article.text


def test_encodings(tmp_path: Path) -> None:
    content = f"{TITLE}\n\n{BODY}\n"
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + content.encode("utf-8"))
    (tmp_path / "utf16.txt").write_bytes(content.encode("utf-16"))
    (tmp_path / "utf16be.txt").write_bytes(codecs.BOM_UTF16_BE + content.encode("utf-16-be"))
    (tmp_path / "win.txt").write_bytes(content.encode("cp1256"))
    articles, errors = _load(tmp_path)
    assert errors == []
    assert [a.text for a in articles] == [f"{TITLE}\n\n{BODY}"] * 4


def test_undecodable_binary_empty_and_malformed_files_are_one_line_errors(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(f"{TITLE}\n\n{BODY}", encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"title": "x", ', encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("café résumé naïve".encode("latin-1"))
    articles, errors = _load(tmp_path)
    assert [a.id for a in articles] == ["good.txt"]
    reasons = {e.path: e.error for e in errors}
    assert reasons["blob.bin"] == "not text: binary content"
    assert reasons["empty.txt"] == reasons["blank.txt"] == "empty file"
    assert reasons["bad.json"].startswith("invalid JSON at line 1")
    assert "not UTF-8" in reasons["latin.txt"]
    assert all("\n" not in e.error for e in errors)


def test_folders_are_recursive_sorted_and_skip_hidden_entries(tmp_path: Path) -> None:
    for name in ("b/2.txt", "b/1.txt", "a.txt", ".hidden.txt", ".git/x.txt", "c/.d/y.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{TITLE}\n\n{BODY}", encoding="utf-8")
    articles, _ = _load(tmp_path)
    assert [a.id for a in articles] == ["a.txt", "b/1.txt", "b/2.txt"]


def test_a_file_path_and_a_missing_path(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(f"{TITLE}\n\n{BODY}", encoding="utf-8")
    articles, errors = _load(tmp_path / "x.txt", tmp_path / "missing")
    assert [a.id for a in articles] == ["x.txt"]
    assert errors[0].error == "no such file or folder"


def test_controls_are_removed_and_bidi_overrides_made_visible(tmp_path: Path) -> None:
    raw = f"{TITLE}\x1b]0;title\x07\n\n\x1b[31m{BODY}\x1b[0m\x00 \u202eمقلوب\u202c\r\n"
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    [article], _ = _load(tmp_path)
    assert article.title == TITLE
    assert article.text == f"{TITLE}\n\n{BODY} [RLO]مقلوب[PDF]"


def test_size_limit_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(TITLE + "\n\n" + BODY * 100, encoding="utf-8")
    items = list(load([tmp_path], max_bytes=1000))
    assert isinstance(items[0], LoadError)
    assert items[0].error.startswith("file too large")


def test_input_files_are_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(f"{TITLE}\x1b[31m\n\n{BODY}\r\n".encode())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    list(load([tmp_path]))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_decode_refuses_text_that_is_neither_utf8_nor_arabic() -> None:
    assert decode_bytes("نص عربي".encode("cp1256")) == "نص عربي"
    assert decode_bytes("نص عربي".encode("utf-16-le")) == "نص عربي"


def test_a_scraped_title_has_its_quotation_marks_written_out(tmp_path: Path) -> None:
    record = {"title": "مصادر &quot;سبق&quot;: الدراسة في موعدها &amp; لا تأجيل",
              "content": "نص الخبر."}
    (tmp_path / "a.json").write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    [article] = [a for a in load([tmp_path]) if isinstance(a, Article)]
    assert article.title == 'مصادر "سبق": الدراسة في موعدها &amp; لا تأجيل'
    assert article.text.startswith(article.title + "\n\n")
