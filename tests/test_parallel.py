"""Parallel analysis: worker processes give the same results, in corpus order, streamed."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

import explorer.analysis.corpus_run as corpus_run
from explorer.analysis.ner import BackendUnavailable
from explorer.analysis.pipeline import ArticleAnalysis
from explorer.model import Article, LoadError

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_articles"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough articles for the pool (more than PARALLEL_MIN), with a load error among them."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for number in range(corpus_run.PARALLEL_MIN + 6):
        text = texts[number % len(texts)] + f"\nوقال المتحدث إن عدد المشاركين بلغ {number}."
        (folder / f"{number:03d}.txt").write_text(text, encoding="utf-8")
    (folder / "015b.txt").write_bytes(b"\xff\xfe\x00\x00broken\x00")
    return folder


def snapshot(items) -> list:
    return [item.to_json() if isinstance(item, LoadError)
            else [item.article.to_json(), [asdict(a) for a in item.actors]] for item in items]


def analysed(folder: Path, jobs: int) -> list:
    return [item for _, item in corpus_run.stream_analyses([folder], jobs=jobs, cache=False)]


def test_workers_give_the_same_results_in_the_same_order(corpus):
    alone = analysed(corpus, jobs=1)
    together = analysed(corpus, jobs=2)
    assert snapshot(together) == snapshot(alone)
    ids = [item.path if isinstance(item, LoadError) else item.article.id for item in together]
    assert ids == sorted(ids)
    assert any(isinstance(item, LoadError) for item in together)


def test_results_stream_before_the_whole_corpus_is_done(corpus, monkeypatch):
    monkeypatch.setattr(corpus_run, "CHUNK_MAX", 1)
    stream = corpus_run.stream_analyses([corpus], jobs=2, cache=False)
    total, first = next(stream)
    assert total == corpus_run.PARALLEL_MIN + 7
    assert first.article.id == "000.txt"
    stream.close()  # stopping early shuts the workers down


def test_reading_stays_a_bounded_way_ahead_of_what_is_handed_out(monkeypatch):
    """A corpus of any size streams: entries (here mostly load errors, an article now and
    then, as in a cached corpus with a few new files) are read only a bounded way ahead of
    the results handed out, and come out in order, each article with its own analysis."""
    monkeypatch.setattr(corpus_run, "analyze_many", lambda articles, ner: [
        corpus_run.ArticleAnalysis(article) for article in articles])
    read = 0

    def entries():
        nonlocal read
        for number in range(20_000):
            read += 1
            yield ((Article(f"{number}", "p", "", "نص"), f"key{number}") if number % 97 == 0
                   else (LoadError(f"{number}", "unreadable"), None))

    ahead = []
    handed = []
    for item, key in corpus_run._in_order(entries(), fresh=207, ner="crf", jobs=1):
        handed.append((item.article.id, key) if isinstance(item, ArticleAnalysis)
                      else (item.path, key))
        ahead.append(read - len(handed))
    assert handed == [(f"{n}", f"key{n}" if n % 97 == 0 else None) for n in range(20_000)]
    assert max(ahead) <= corpus_run._AHEAD_MAX + 1


def test_a_small_corpus_is_analysed_in_process(tmp_path, monkeypatch):
    for number in range(3):
        (tmp_path / f"{number}.txt").write_text("قال الوزير إن الاجتماع مهم.", encoding="utf-8")

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for three articles")

    monkeypatch.setattr(corpus_run, "ProcessPoolExecutor", no_pool)
    assert len(analysed(tmp_path, jobs=2)) == 3


def test_an_unavailable_backend_is_reported_from_the_workers(corpus):
    with pytest.raises(BackendUnavailable, match="unknown NER backend"):
        list(corpus_run.stream_analyses([corpus], jobs=2, cache=False, ner="nonesuch"))


def test_cli_jobs_option_gives_the_same_json(corpus, tmp_path):
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.json"
        done = subprocess.run(
            [sys.executable, "-m", "explorer", "analyze", str(corpus), "--jobs", jobs,
             "--no-cache", "-o", str(out)], cwd=REPO, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs.append(json.loads(out.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]["articles"]) == corpus_run.PARALLEL_MIN + 6


def test_cli_rejects_a_bad_jobs_value(tmp_path):
    done = subprocess.run([sys.executable, "-m", "explorer", "analyze", str(tmp_path),
                           "--jobs", "none"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 2
    assert "not a number of processes" in done.stderr
