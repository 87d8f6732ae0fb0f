"""What the explorer writes from hostile articles: quote exports and `analyze -o` files hold
no control character, and every write is atomic (a failed rename leaves the old file whole
and no temporary file behind)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import explorer.atomic
from explorer.analysis.corpus_run import analyze_paths
from explorer.cli import main
from explorer.export import FORMATS, export, quote_rows
from explorer.model import Corpus
from tests.hostile import make_corpus as hc

FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def hostile_analysis(hostile_corpus: Path) -> Corpus:
    return analyze_paths([hostile_corpus], jobs=1, cache=False)


def test_exports_of_hostile_quotes_hold_no_control_character(hostile_analysis: Corpus,
                                                            tmp_path: Path) -> None:
    items = [(a, q) for a in hostile_analysis.articles for q in a.quotes]
    rows = quote_rows(hostile_analysis, items)
    hostile_ids = {"ansi_csi.txt", "osc_sequences.txt", "hostile_metadata.json",
                   "bidi_overrides.txt", "c0_c1_controls.txt", "lone_surrogate.json"}
    assert hostile_ids <= {row.article_id for row in rows}
    for fmt in FORMATS:
        path = tmp_path / f"quotes.{fmt}"
        export(rows, path, fmt)
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")  # CSV ends rows in CRLF
        assert not FORBIDDEN.search(text), fmt
        assert hc.MARKER not in text and hc.CLIPBOARD_B64 not in text
        assert "[RLO]" in text  # the title's override is exported as its visible marker


@pytest.fixture
def failing_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every atomic write fails at its last step, the rename over the target."""
    def refuse(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(explorer.atomic.os, "replace", refuse)


def test_a_failed_export_leaves_the_old_file_whole(hostile_analysis: Corpus, tmp_path: Path,
                                                   failing_rename: None) -> None:
    target = tmp_path / "quotes.json"
    target.write_text("previous export\n", encoding="utf-8")
    items = [(a, q) for a in hostile_analysis.articles for q in a.quotes]
    with pytest.raises(OSError, match="No space left"):
        export(quote_rows(hostile_analysis, items), target)
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert os.listdir(tmp_path) == ["quotes.json"]  # the temporary file is gone


def test_a_failed_analysis_output_is_one_line_and_the_old_file_stays(
        hostile_corpus: Path, tmp_path: Path, capsys, failing_rename: None) -> None:
    target = tmp_path / "analysis.json"
    target.write_text("previous analysis\n", encoding="utf-8")
    code = main(["analyze", str(hostile_corpus / "english.txt"), "-o", str(target),
                 "--no-cache", "-j", "1"])
    assert code == 1
    assert capsys.readouterr().err == (
        f"explorer: {target}: cannot write: No space left on device\n")
    assert target.read_text(encoding="utf-8") == "previous analysis\n"
    assert os.listdir(tmp_path) == ["analysis.json"]
