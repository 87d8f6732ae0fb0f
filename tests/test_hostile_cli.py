"""`explorer analyze` over the hostile corpus: exit 0, every good file analysed, every bad
file one line on stderr and one `errors` entry, nothing from an article able to drive a
terminal in the output, and the input files untouched."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from explorer.corpus.sanitize import BIDI_MARKERS
from tests.analysis_checks import assert_valid_analysis
from tests.hostile import make_corpus as hc

REPO = Path(__file__).resolve().parents[1]
# C0 and C1 controls other than newline and tab, and the bidi controls made visible at load.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
REFERENCE_TEXT = f"{hc.HEADLINE}\n\n{hc.ARABIC}"


def run_explorer(*args: str, encoding: str = "utf-8", cache: Path | None = None
                 ) -> subprocess.CompletedProcess[bytes]:
    """``explorer ARGS`` in a subprocess; the analysis cache only when a folder is given."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": encoding}
    if cache is None:
        args = (*args, "--no-cache")
    else:
        env["EXPLORER_CACHE_DIR"] = str(cache)
    return subprocess.run([sys.executable, "-m", "explorer", *args], cwd=REPO, env=env,
                          capture_output=True, timeout=120, check=False)


def strings_in(value: Any) -> list[str]:
    """Every string (keys included) anywhere in a parsed JSON document."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *strings_in(v))]
    if isinstance(value, list):
        return [s for item in value for s in strings_in(item)]
    return []


def snapshot(folder: Path) -> dict[str, tuple[int, bytes | None, int]]:
    """Mode, content (regular files) and mtime of every entry, links not followed."""
    state = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        data = path.read_bytes() if stat.S_ISREG(info.st_mode) else None
        state[os.fsdecode(path)] = (info.st_mode, data, info.st_mtime_ns)
    return state


@pytest.fixture(scope="module")
def analysed(hostile_corpus: Path) -> tuple[subprocess.CompletedProcess[bytes], dict, dict]:
    before = snapshot(hostile_corpus)
    result = run_explorer("analyze", str(hostile_corpus))
    after = snapshot(hostile_corpus)
    assert before == after, "an input file was written, touched or removed"
    return result, json.loads(result.stdout), before


def test_committed_corpus_is_what_the_generator_writes() -> None:
    committed = {p.name: p.read_bytes() for p in hc.CORPUS.iterdir() if p.name[0] != "."}
    assert committed == {**hc.GOOD_TEXT, **hc.BAD_TEXT}


def test_exit_status_zero_and_every_good_file_analysed(analysed) -> None:
    result, data, _ = analysed
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(a["id"] for a in data["articles"]) == hc.expected_good()


def test_every_bad_file_is_one_error_line_and_one_json_error(analysed) -> None:
    result, data, _ = analysed
    expected = hc.expected_bad()
    errors = {e["path"]: e["error"] for e in data["errors"]}
    assert sorted(errors) == sorted(expected)
    for path, fragment in expected.items():
        assert fragment in errors[path], (path, errors[path])
    lines = result.stderr.decode("utf-8").splitlines()
    assert sorted(lines) == sorted(f"explorer: {p}: {e}" for p, e in errors.items())


def test_no_control_character_or_payload_in_the_output(analysed) -> None:
    result, data, _ = analysed
    for text in strings_in(data):
        assert not FORBIDDEN.search(text), repr(text)
    raw = result.stdout.decode("utf-8") + result.stderr.decode("utf-8")
    assert not FORBIDDEN.search(raw.replace("\n", ""))
    assert hc.MARKER not in raw and hc.CLIPBOARD_B64 not in raw


def test_hostile_articles_keep_their_visible_text(analysed) -> None:
    _, data, _ = analysed
    text = {a["id"]: a["text"] for a in data["articles"]}
    same_as_reference = ["utf8_bom_crlf.txt", "utf16_bom.txt", "utf16le_no_bom.txt",
                         "utf16be_no_bom.txt", "windows1256.txt", "latin1_mojibake.txt",
                         "cp1252_mojibake.txt", "linked_folder/inner.txt", *hc.SPECIAL_NAMES]
    for article_id in same_as_reference:
        assert text[article_id] == REFERENCE_TEXT, article_id
    assert text["ansi_csi.txt"].count(hc.HIDDEN_TEXT) == 2  # hidden text is shown, not hidden
    assert text["osc_sequences.txt"].endswith("\n\nانقر هنا")  # the link text, not its URL
    assert "«[RLO]اتفاق سيئ[PDF]»" in text["bidi_overrides.txt"]
    for marker in ("[LRO]", "[RLE]", "[LRI]", "[RLI]", "[FSI]", "[PDI]", "[LRE]"):
        assert marker in text["bidi_overrides.txt"]
    assert text["c0_c1_controls.txt"].endswith("«نأمل في اتفاق قريب».  نهاية\nسطر\nآخر")
    assert text["nul_bytes.txt"].endswith(" نص بعد صفر")
    assert text["zero_width.txt"].endswith(" الخ\u200c\u200dطيب")  # only ZWNJ/ZWJ stay
    assert "[@click=app.quit]XCLICKX[/]" in text["markup_in_text.txt"]
    assert "alert" not in text["script_style.html"] and "color" not in text["script_style.html"]


def test_a_visible_bidi_marker_is_no_entity(analysed) -> None:
    # «[RLE]» is one mark: no name, place or other entity is cut from its letters (the
    # Latin words the controls wrapped, «LTR», «RLE», stay words of the text)
    _, data, _ = analysed
    [article] = [a for a in data["articles"] if a["id"] == "bidi_overrides.txt"]
    text = article["text"]
    markers = [range(m.start(), m.end()) for m in re.finditer(
        "|".join(map(re.escape, BIDI_MARKERS.values())), text)]
    assert markers and article["entities"]
    assert not [e["text"] for e in article["entities"]
                if any(e["start"] < span.stop and span.start < e["end"] for span in markers)]


def test_metadata_fields_are_sanitised(analysed) -> None:
    _, data, _ = analysed
    [article] = [a for a in data["articles"] if a["id"] == "hostile_metadata.json"]
    assert article["title"] == "عنوان خبيث [RLO]مقلوب[PDF]"
    assert (article["date"], article["source"], article["url"]) == (
        "2026-10-14", "وكالة", "https://example.org/a")


def test_spans_index_the_text_and_speakers_exist(analysed) -> None:
    assert_valid_analysis(analysed[1])


def test_jsonl_to_a_file_is_control_free_and_lists_errors(hostile_corpus: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run_explorer("analyze", str(hostile_corpus), "--format", "jsonl", "-o", str(out))
    assert result.returncode == 0 and result.stdout == b""
    raw = out.read_text(encoding="utf-8")
    records = [json.loads(line) for line in raw.splitlines()]
    assert {r["path"] for r in records if r["record"] == "error"} == set(hc.expected_bad())
    assert not any(FORBIDDEN.search(s) for r in records for s in strings_in(r))
    assert hc.MARKER not in raw and not list(tmp_path.glob(".*.tmp"))


def test_size_limit_is_configurable_with_a_clear_message(hostile_corpus: Path) -> None:
    result = run_explorer("analyze", str(hostile_corpus / "english.txt"),
                          str(hostile_corpus / "osc_sequences.txt"), "--max-size", "0.5k")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert [a["id"] for a in data["articles"]] == ["english.txt"]
    size = (hostile_corpus / "osc_sequences.txt").stat().st_size
    assert result.stderr.decode() == (
        f"explorer: osc_sequences.txt: file too large: {size:,} bytes "
        "(limit 512; raise it with --max-size)\n")


def test_a_bad_size_is_a_usage_error(hostile_corpus: Path) -> None:
    result = run_explorer("analyze", str(hostile_corpus), "--max-size", "lots")
    assert result.returncode == 2
    assert "not a size: 'lots'" in result.stderr.decode()


def test_nothing_readable_exits_one_with_one_line_per_file(hostile_corpus: Path) -> None:
    result = run_explorer("analyze", str(hostile_corpus / "binary.bin"),
                          str(hostile_corpus / "named_pipe.txt"))
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "explorer: binary.bin: not text: binary content",
        "explorer: named_pipe.txt: not a regular file: a named pipe",
        "explorer: nothing could be analysed"]


def test_an_ascii_locale_still_gets_utf8_json(hostile_corpus: Path) -> None:
    result = run_explorer("analyze", str(hostile_corpus / "mixed_arabic_english.txt"),
                          str(hostile_corpus / "empty.txt"), encoding="ascii")
    assert result.returncode == 0
    [article] = json.loads(result.stdout.decode("utf-8"))["articles"]
    assert article["title"].startswith("محادثات المياه")
    assert result.stderr.decode("ascii") == "explorer: empty.txt: empty file\n"


def test_cached_analyses_of_hostile_articles_come_back_identical(analysed, hostile_corpus: Path,
                                                                 tmp_path: Path) -> None:
    _, uncached, _ = analysed
    first = run_explorer("analyze", str(hostile_corpus), cache=tmp_path / "cache")
    again = run_explorer("analyze", str(hostile_corpus), cache=tmp_path / "cache")
    assert first.returncode == again.returncode == 0
    assert list((tmp_path / "cache").iterdir())  # the cache was written
    assert json.loads(first.stdout) == json.loads(again.stdout) == uncached
