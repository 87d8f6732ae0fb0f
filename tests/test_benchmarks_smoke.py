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
