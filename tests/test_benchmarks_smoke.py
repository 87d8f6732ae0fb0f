"""The benchmark command runs end to end (tiny sizes: this checks it works, not how fast)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
KEYS = ("search_p50_ms", "search_p95_ms", "fzf_p95_ms", "pipeline_tokens_per_s",
        "bert_tokens_per_s", "first_paint_s", "analyze_s", "reopen_s", "peak_rss_mb",
        "articles", "actors")


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    out = tmp_path_factory.mktemp("bench") / "result.json"
    done = subprocess.run([sys.executable, "benchmarks/run.py", "--smoke", "--json", str(out)],
                          cwd=REPO, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8")), done.stdout


def test_the_benchmark_writes_every_key_with_sane_values(smoke):
    result, _ = smoke
    for key in KEYS:
        assert key in result, key
    assert result["articles"] == 12 and result["actors"] == 2000
    assert 0 < result["search_p50_ms"] <= result["search_p95_ms"] < 5000
    assert result["pipeline_tokens_per_s"] > 0 and result["bert_tokens_per_s"] > 0
    # camel-tools' own input (every sentence padded to 256 positions) costs the same BERT
    # far more than the lean batches sorted by length
    assert 0 < result["camel_tokens_per_s"] < result["bert_tokens_per_s"]
    assert 0 < result["analyze_s"] < 120 and 0 < result["reopen_s"] < 120
    assert 0 < result["first_paint_s"] < 60
    assert 10 < result["peak_rss_mb"] < 4000
    if result["search"]["fzf_available"]:
        assert 0 < result["fzf_p95_ms"] < 5000
    else:
        assert result["fzf_p95_ms"] is None


def test_the_search_finds_what_fzf_cannot(smoke):
    result, _ = smoke
    ranks = result["search"]["probe_rank"]
    assert all(rank is not None and rank <= 20 for rank in ranks.values()), ranks


def test_the_table_names_each_measure(smoke):
    _, table = smoke
    for label in ("actor search p50 / p95", "pipeline / BERT-base", "analyse 12 articles",
                  "reopen 12 articles", "first paint 12 articles", "peak memory"):
        assert label in table


@pytest.fixture(scope="module")
def scale(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str, Path]:
    work = tmp_path_factory.mktemp("scale")
    out = work / "result.json"
    done = subprocess.run([sys.executable, "benchmarks/run.py", "--scale", "--scale-size", "30",
                           "--scale-add", "5", "--scale-dir", str(work / "kept"),
                           "--json", str(out)],
                          cwd=REPO, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8"))["scale"], done.stdout, work / "kept"


def test_the_scale_run_measures_every_step_of_an_archive(scale):
    result, table, kept = scale
    assert result["articles"] == 30 and result["actors"] > 30
    assert result["grown_articles"] == 35 and result["added"] == 5
    assert result["corpus_reused"] is False
    assert 0 < result["analyze_s"] < 120 and 0 < result["reopen_s"] < 120
    assert result["added_alone_s"] > 0 and result["grow_s"] > 0
    assert 0 < result["first_paint_s"] <= result["app_list_s"] <= result["app_ready_s"] < 60
    assert result["first_paint_s"] <= result["app_article_s"] <= result["app_ready_s"]
    assert 0 < result["search_p50_ms"] <= result["search_p95_ms"] < 5000
    # every drawn person is typed in full: each must then be among the first ten
    assert result["search_found_top10"] == result["search_names_typed"] > 0
    for key in ("analyze_peak_rss_mb", "reopen_peak_rss_mb", "app_peak_rss_mb"):
        assert 10 < result[key] < 8000, key
    for label in ("analyse 30 articles", "app first paint", "app first article shown",
                  "actor search p50 / p95", "add 5 articles"):
        assert label in table
    # the archive is kept as drawn: the added articles are taken out again
    assert sorted(path.name for path in kept.iterdir()) == [
        "cache", "corpus_30", "corpus_30.stamp.json"]
    assert len(list((kept / "corpus_30").rglob("*.txt"))) == 30


def test_a_kept_archive_is_reused_only_while_it_is_the_same_draw(tmp_path):
    from benchmarks.scale import kept_corpus
    from benchmarks.synthetic import templates

    bases = templates()
    folder, reused = kept_corpus(tmp_path, 4, bases)
    first = {path: path.read_text(encoding="utf-8") for path in folder.rglob("*.txt")}
    assert not reused and len(first) == 4
    again, reused = kept_corpus(tmp_path, 4, bases)
    assert reused and again == folder
    stamp = tmp_path / "corpus_4.stamp.json"
    stamp.write_text(stamp.read_text(encoding="utf-8").replace('"texts": "', '"texts": "0'),
                     encoding="utf-8")
    (folder / "000" / "stray.txt").write_text("not drawn", encoding="utf-8")
    again, reused = kept_corpus(tmp_path, 4, bases)
    assert not reused
    assert {path: path.read_text(encoding="utf-8") for path in again.rglob("*.txt")} == first
