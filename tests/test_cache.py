"""The analysis cache: hits skip analysis, keys follow content and analyser, and a broken,
tampered or half-written cache file never breaks an analysis."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import pytest

import explorer.analysis.corpus_run as corpus_run
import explorer.corpus.loader as loader
from explorer.analysis.pipeline import ArticleAnalysis
from explorer.cache import FILE_NAME, AnalysisCache, analyser_version, default_dir
from explorer.model import LoadError

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_articles"


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.txt"))[:4]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    return folder


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records the id of every article actually analysed."""
    analysed: list[str] = []
    real = corpus_run.analyze

    def analyze(article, ner="auto"):
        analysed.append(article.id)
        return real(article, ner)

    monkeypatch.setattr(corpus_run, "analyze", analyze)
    return analysed


def run(folder: Path, cache_dir: Path, warnings: list[str] | None = None, **options):
    warn = (warnings.append if warnings is not None else None)
    return [item for _, item in corpus_run.stream_analyses(
        [folder], jobs=1, cache_dir=cache_dir, warn=warn, **options)]


def as_json(items) -> list[dict]:
    return [item.to_json() if isinstance(item, LoadError)
            else {"article": item.article.to_json(), "actors": [asdict(a) for a in item.actors]}
            for item in items]


def test_reopening_serves_every_analysis_from_the_cache(articles, tmp_path, counted):
    first = run(articles, tmp_path / "cache")
    assert len(counted) == 4
    counted.clear()
    second = run(articles, tmp_path / "cache")
    assert counted == []
    assert as_json(second) == as_json(first)
    assert sum(isinstance(item, ArticleAnalysis) for item in second) == 4


def test_a_changed_article_is_analysed_again_and_only_it(articles, tmp_path, counted):
    run(articles, tmp_path / "cache")
    changed = sorted(articles.glob("*.txt"))[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nسطر جديد.", encoding="utf-8")
    counted.clear()
    run(articles, tmp_path / "cache")
    assert counted == [changed.name]


def test_another_analyser_does_not_reuse_entries(articles, tmp_path, counted, monkeypatch):
    run(articles, tmp_path / "cache")
    monkeypatch.setattr("explorer.cache.__version__", "999")
    counted.clear()
    run(articles, tmp_path / "cache")
    assert len(counted) == 4


def test_analyser_version_names_backend_and_data():
    version = analyser_version("crf")
    assert ":crf:" in version
    assert analyser_version("camel") != version


def test_no_cache_neither_reads_nor_writes(articles, tmp_path, counted):
    run(articles, tmp_path / "cache", cache=False)
    assert not (tmp_path / "cache").exists()
    run(articles, tmp_path / "cache")
    counted.clear()
    run(articles, tmp_path / "cache", cache=False)
    assert len(counted) == 4


def test_a_corrupt_cache_file_is_reported_once_and_bypassed(articles, tmp_path, counted):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / FILE_NAME).write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    items = run(articles, cache_dir, warnings)
    assert len(counted) == 4 and len(items) == 5
    assert len(warnings) == 1
    assert FILE_NAME in warnings[0] and "\n" not in warnings[0]


def test_an_unusable_cache_folder_is_bypassed(articles, tmp_path, counted):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    warnings: list[str] = []
    assert len(run(articles, blocker, warnings)) == 5
    assert len(warnings) == 1 and "not used" in warnings[0]


def test_a_tampered_entry_is_analysed_again(articles, tmp_path, counted):
    first = run(articles, tmp_path / "cache")
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as db:
        key, value = db.execute("SELECT key, value FROM analyses LIMIT 1").fetchone()
        data = json.loads(value)
        data["entities"] = [{"start": 10**6, "end": 10**6 + 5, "text": "x", "type": "PERS"}]
        db.execute("UPDATE analyses SET value = ? WHERE key = ?", (json.dumps(data), key))
        other = db.execute("SELECT key FROM analyses WHERE key != ? LIMIT 1", (key,)).fetchone()
        db.execute("UPDATE analyses SET value = 'not json' WHERE key = ?", other)
    counted.clear()
    second = run(articles, tmp_path / "cache")
    assert len(counted) == 2
    assert as_json(second) == as_json(first)


@pytest.fixture()
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records the name of every file the loader actually reads."""
    read: list[str] = []
    real = loader.read_limited

    def read_limited(path, max_bytes):
        read.append(Path(path).name)
        return real(path, max_bytes)

    monkeypatch.setattr(loader, "read_limited", read_limited)
    return read


def test_unchanged_files_are_not_read_again_on_reopening(articles, tmp_path, reads):
    first = run(articles, tmp_path / "cache")
    assert len(reads) == 5
    reads.clear()
    second = run(articles, tmp_path / "cache")
    assert reads == []
    assert as_json(second) == as_json(first) == as_json(run(articles, tmp_path, cache=False))


def test_a_touched_file_is_read_again_and_only_it(articles, tmp_path, reads, counted):
    first = run(articles, tmp_path / "cache")
    touched = sorted(articles.glob("*.txt"))[2]
    info = touched.stat()
    os.utime(touched, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    reads.clear()
    counted.clear()
    second = run(articles, tmp_path / "cache")
    assert reads == [touched.name]
    assert counted == []  # same content: its analysis still comes from the cache
    assert as_json(second) == as_json(first)


def test_a_rewritten_file_is_read_again_even_with_its_old_size_and_time(articles, tmp_path,
                                                                         reads, counted):
    run(articles, tmp_path / "cache")
    changed = sorted(articles.glob("*.txt"))[1]
    info = changed.stat()
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("ال", "لا", 1), encoding="utf-8")  # same size
    os.utime(changed, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert changed.stat().st_size == info.st_size
    reads.clear()
    counted.clear()
    second = run(articles, tmp_path / "cache")
    assert reads == [changed.name] and counted == [changed.name]
    assert as_json(second) == as_json(run(articles, tmp_path, cache=False))


def test_a_file_entry_follows_the_size_limit_and_the_opened_folder(articles, tmp_path, reads):
    cache_dir = tmp_path / "cache"
    limited = run(articles, cache_dir, max_bytes=50)
    assert all(isinstance(item, LoadError) for item in limited)
    whole = run(articles, cache_dir)
    assert as_json(whole) == as_json(run(articles, tmp_path, cache=False))
    reads.clear()
    from_parent = run(articles.parent, cache_dir)
    assert len([name for name in reads if name.endswith(".txt")]) == 5  # other ids: loaded
    ids = {item.article.id for item in from_parent if isinstance(item, ArticleAnalysis)}
    assert ids == {f"articles/{item.article.id}" for item in whole
                   if isinstance(item, ArticleAnalysis)}


def test_a_file_name_that_is_not_utf8_is_remembered_too(articles, tmp_path, reads):
    (articles / os.fsdecode(b"bad\xffname.txt")).write_text("خبر قصير عن الطقس.\n",
                                                          encoding="utf-8")
    first = run(articles, tmp_path / "cache")
    reads.clear()
    assert as_json(run(articles, tmp_path / "cache")) == as_json(first)
    assert reads == []


def test_a_damaged_file_entry_reads_the_file_again(articles, tmp_path, reads):
    first = run(articles, tmp_path / "cache")
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as db:
        db.execute("UPDATE files SET value = '[[1,2,3]]'")
    reads.clear()
    second = run(articles, tmp_path / "cache")
    assert len(reads) == 5
    assert as_json(second) == as_json(first)


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "here"))
    assert default_dir() == tmp_path / "here"
    monkeypatch.delenv("EXPLORER_CACHE_DIR")
    assert default_dir().name == "explorer"


WRITER = """
import sys, time
from pathlib import Path
from explorer.cache import AnalysisCache
from explorer.analysis.pipeline import ArticleAnalysis
from explorer.model import Article, Entity
cache = AnalysisCache(Path(sys.argv[1]))
text = "نص " * 2000
n = 0
while True:
    for _ in range(cache.BATCH):
        article = Article(f"a{n}", f"a{n}", "t", text, entities=[Entity(0, 2, "نص", "MISC")])
        cache.put(f"k{n}", ArticleAnalysis(article, []))
        n += 1
    print("committed", n, flush=True)
"""


def test_a_killed_writer_leaves_a_consistent_cache(tmp_path):
    cache_dir = tmp_path / "cache"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(cache_dir)], cwd=REPO,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().startswith("committed")
        time.sleep(0.2)  # in the middle of a later transaction
    finally:
        writer.kill()
        writer.wait()
    with sqlite3.connect(cache_dir / FILE_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = db.execute("SELECT key, value FROM analyses").fetchall()
    assert rows and len(rows) % AnalysisCache.BATCH == 0  # whole transactions only
    for _, value in rows:
        assert json.loads(value)["entities"][0]["text"] == "نص"
