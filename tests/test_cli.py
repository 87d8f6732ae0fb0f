"""The ``explorer analyze`` command: output schema, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main

from .analysis_checks import assert_valid_analysis
from .conftest import SAMPLES

ARTICLE = "وزير الخارجية: لن نقبل\n\nقال الرئيس الأمريكي دونالد ترامب إن القوات ستبقى في سوريا.\n"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_writes_the_analysis_json(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = _run(capsys, "analyze", str(tmp_path))
    assert code == 0 and err == ""
    data = json.loads(out)
    assert_valid_analysis(data)
    assert [a["id"] for a in data["articles"]] == ["a.txt"]


def test_bad_files_are_one_line_each_and_good_ones_still_analysed(tmp_path: Path,
                                                                  capsys) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.json").write_text("[{", encoding="utf-8")
    (tmp_path / "win.txt").write_bytes(ARTICLE.encode("cp1256"))
    out_file = tmp_path.parent / "out.json"
    code, out, err = _run(capsys, "analyze", str(tmp_path), "-o", str(out_file))
    assert code == 0 and out == ""
    lines = err.splitlines()
    assert len(lines) == 3
    assert all(line.startswith("explorer: ") for line in lines)
    assert any("blob.bin: not text" in line for line in lines)
    assert any("empty.txt: empty file" in line for line in lines)
    assert any("bad.json: invalid JSON" in line for line in lines)
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert_valid_analysis(data)
    assert [a["id"] for a in data["articles"]] == ["good.txt", "win.txt"]
    assert {e["path"] for e in data["errors"]} == {"blob.bin", "empty.txt", "bad.json"}


def test_jsonl_output_has_one_record_a_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = _run(capsys, "analyze", str(tmp_path), "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert records[0]["record"] == "article" and records[0]["id"] == "a.txt"
    assert all(r["record"] in ("article", "actor") for r in records)


def test_nothing_analysed_exits_1(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = _run(capsys, "analyze", str(tmp_path))
    assert code == 1
    assert err.splitlines() == ["explorer: empty.txt: empty file",
                                "explorer: nothing could be analysed"]


def test_usage_errors_exit_2(capsys) -> None:
    assert _run(capsys, "analyze")[0] == 2
    assert _run(capsys, "analyze", "x", "--format", "xml")[0] == 2
    code, _, err = _run(capsys, "analyze", "x", "--max-size", "lots")
    assert code == 2 and "not a size" in err


def test_unknown_ner_backend_is_a_usage_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = _run(capsys, "analyze", str(tmp_path), "--ner", "nonsense")
    assert code == 2
    assert len(err.splitlines()) == 1 and "nonsense" in err


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="sample_articles missing")
def test_every_sample_article_gives_valid_spans() -> None:
    result = subprocess.run([sys.executable, "-m", "explorer", "analyze", str(SAMPLES)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert_valid_analysis(data)
    assert len(data["articles"]) >= 12
    assert data["errors"] == []


def test_importing_the_analysis_does_not_import_textual_or_torch() -> None:
    code = ("import sys, explorer.analysis.pipeline, explorer.cli; "
            "bad = [m for m in ('textual', 'torch') if m in sys.modules]; "
            "print(*bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
