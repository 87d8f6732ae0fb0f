"""The analysis cache: hits skip analysis, keys follow content and analyser, and a broken,
tampered or half-written cache file never breaks an analysis."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path

import pytest

import explorer.analysis.corpus_run as corpus_run
import explorer.cache as cache_module
import explorer.corpus.loader as loader
import explorer.stored_corpus as stored_corpus
from explorer.analysis.pipeline import ArticleAnalysis
from explorer.cache import FILE_NAME, AnalysisCache, analyser_version, default_dir
from explorer.model import Actor, Article, Corpus, Entity, LoadError, Quote
from explorer.stored_corpus import decode_corpus, decode_rows, encode_corpus
from explorer.tui.screens.profile import gathered

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
    real = corpus_run.analyze_many

    def analyze_many(articles, ner="auto"):
        analysed.extend(article.id for article in articles)
        return real(articles, ner)

    monkeypatch.setattr(corpus_run, "analyze_many", analyze_many)
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


# -- the merged corpus, kept whole ---------------------------------------------------------

@pytest.fixture()
def mixed(articles: Path) -> Path:
    """The articles plus a JSON Lines file of several records, one of them broken."""
    (articles / "briefs.jsonl").write_text(
        (SAMPLES / "briefs.jsonl").read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    return articles


def open_folder(folder: Path, cache_dir: Path, **options) -> tuple[Corpus, int]:
    """The corpus of ``folder`` and how many items were reported one by one (0 when the
    merged corpus came whole from the cache)."""
    reported: list[object] = []
    corpus = corpus_run.analyze_paths([folder], jobs=1, cache_dir=cache_dir,
                                      on_item=lambda *item: reported.append(item), **options)
    return corpus, len(reported)


def fresh(folder: Path) -> dict:
    return corpus_run.analyze_paths([folder], jobs=1, cache=False).to_json()


def test_an_unchanged_folder_reopens_as_one_merged_corpus(mixed, tmp_path, reads, counted):
    first, reported = open_folder(mixed, tmp_path / "cache")
    assert reported == len(first.articles) + len(first.errors) > 5
    assert first.errors and any("#" in article.id for article in first.articles)
    reads.clear()
    counted.clear()
    second, reported = open_folder(mixed, tmp_path / "cache")
    assert reported == 0 and reads == [] and counted == []
    assert second.to_json() == first.to_json() == fresh(mixed)
    assert [(a.mentions, a.quotes) for a in second.actors] == [
        (a.mentions, a.quotes) for a in first.actors]
    assert any(a.quotes for a in second.actors)


def test_the_merged_corpus_round_trips_exactly():
    article = Article("a.txt", "a.txt", "عنوان", "عنوان\nقال أحمد علي: «نعم».", date="2024",
                      entities=[Entity(10, 18, "أحمد علي", "PERS", "p1"),
                                Entity(10, 14, "احمد", "PERS", "p1")],   # not the slice
                      quotes=[Quote(21, 24, "نعم", "direct", "قال", "p1", "أحمد علي"),
                              Quote(6, 9, "قول", "indirect", "", None, None)])
    actor = Actor("p1", "أحمد علي", "PERS", ["احمد"], ["وزير"], 2, 1, ["a.txt"])
    corpus = Corpus([article], [actor], [LoadError("b.txt", "not UTF-8")])
    index, bodies = encode_corpus(corpus)
    stored = list(bodies)
    decoded = decode_corpus(index, lambda number: stored[number])
    assert decoded.to_json() == corpus.to_json() and decoded == corpus
    assert decoded.quotes_of("p1") == corpus.quotes_of("p1")
    assert gathered(decoded, decoded.actors[0]) == gathered(corpus, actor)


def stored_pair() -> tuple[Corpus, str, list[str]]:
    """A corpus of one article and one actor, and what is stored for it."""
    article = Article("a.txt", "a.txt", "عنوان", "عنوان\nقال أحمد علي: «نعم».",
                      entities=[Entity(10, 18, "أحمد علي", "PERS", "p1")],
                      quotes=[Quote(21, 24, "نعم", "direct", "قال", "p1", "أحمد علي")])
    corpus = Corpus([article], [Actor("p1", "أحمد علي", "PERS", [], [], 1, 1, ["a.txt"])])
    index, bodies = encode_corpus(corpus)
    return corpus, index, list(bodies)


def test_the_rows_are_read_before_the_actors_and_a_body_waits_for_them():
    corpus, index, bodies = stored_pair()
    rows = decode_rows(index, lambda number: bodies[number])
    assert [a.title for a in rows.articles] == ["عنوان"] and rows.actors == []
    read: list[str] = []
    reader = threading.Thread(target=lambda: read.append(rows.articles[0].quotes[0].speaker))
    reader.start()
    reader.join(0.2)
    assert reader.is_alive() and read == []   # a body names actors: it waits for them
    assert rows.read_actors()
    reader.join(5)
    assert read == ["p1"] and rows == corpus and rows.actor_by_id["p1"].name == "أحمد علي"
    assert rows.read_actors()   # once: a second call keeps what was read


def test_damaged_actors_drop_the_stored_corpus_and_leave_empty_bodies():
    _, index, bodies = stored_pair()
    rows, _, actors = index.partition("\n")
    forgotten: list[bool] = []
    warnings: list[str] = []
    damaged = decode_rows(rows + "\n" + actors.replace('"p1"', "7", 1),
                          lambda number: bodies[number], warnings.append,
                          lambda: forgotten.append(True))
    assert not damaged.read_actors() and forgotten == [True] and damaged.actors == []
    assert damaged.articles[0].text == "" and warnings == []  # being made again: no warning
    with pytest.raises(ValueError, match="actors"):
        decode_corpus(rows + "\n" + actors.replace('"p1"', "7", 1), lambda number: None)


@pytest.mark.parametrize("change", ["edit", "add", "remove"])
def test_a_changed_folder_is_merged_again(mixed, tmp_path, counted, change):
    open_folder(mixed, tmp_path / "cache")
    target = sorted(mixed.glob("*.txt"))[1]
    if change == "edit":
        target.write_text(target.read_text(encoding="utf-8") + "\nسطر جديد.", encoding="utf-8")
    elif change == "add":
        target = mixed / "added.txt"
        target.write_text((SAMPLES / "water_talks_02.txt").read_text(encoding="utf-8"),
                          encoding="utf-8")
    else:
        target.unlink()
    counted.clear()
    changed, reported = open_folder(mixed, tmp_path / "cache")
    assert reported > 0
    assert counted == ([] if change == "remove" else [target.name])
    assert changed.to_json() == fresh(mixed)
    again, reported = open_folder(mixed, tmp_path / "cache")  # the new corpus replaced it
    assert reported == 0 and again.to_json() == changed.to_json()


def tamper(cache_dir: Path, change, table: str = "corpus_parts", row: str = "1") -> None:
    """Rewrite a stored corpus's index (its only part; ``change`` sees its rows with the
    actors' list in place of their count) or, in ``corpus_bodies`` with ``row`` "number =
    0", its first article's body."""
    with sqlite3.connect(cache_dir / FILE_NAME) as db:
        (value,) = db.execute(f"SELECT value FROM {table} WHERE {row}").fetchone()
        if table == "corpus_parts":
            value = index_as_one(value, change)
        else:
            try:
                data = json.loads(value)
            except ValueError:
                data = None
            value = change(data)
        db.execute(f"UPDATE {table} SET value = ? WHERE {row}", (value,))


def index_as_one(stored: str, change) -> str:
    """A stored index (rows, a line break, actors) changed as one document: its rows with
    the actors' list in place of their count."""
    rows, _, actors = stored.partition("\n")
    data = json.loads(rows)
    count = data["actors"]
    changed = change({**data, "actors": json.loads(actors)})
    try:
        whole = json.loads(changed)
    except ValueError:
        return changed
    if "actors" not in whole:
        return changed  # stored as it is
    listed = whole.pop("actors")
    return (json.dumps({**whole, "actors": count}, ensure_ascii=False) + "\n"
            + json.dumps(listed, ensure_ascii=False))


def _set(path: list, value):
    def change(data):
        place = data
        for step in path[:-1]:
            place = place[step]
        place[path[-1]] = value
        return json.dumps(data, ensure_ascii=False)
    return change


INDEX_TAMPERINGS = {
    "not JSON": lambda data: "{not json",
    "an actor's name that is not text": _set(["actors", 0, 1], 7),
    "an actor in an article that is not there": _set(["actors", 0, 5], [10**6]),
    "an actor's mentions that are not a number": _set(["actors", 0, 6], "3"),
    "an article's quotes that are not a number": _set(["articles", 0, 7], None),
    "an article title that is not text": _set(["articles", 0, 2], ["x"]),
    "a row too short": _set(["articles", 0], ["a.txt"]),
    "an actor fewer than the rows say": lambda data: _set(["actors"], data["actors"][1:])(data),
    "one document, no line break before the actors": lambda data: json.dumps({"index": data}),
}


@pytest.mark.parametrize("change", INDEX_TAMPERINGS.values(), ids=INDEX_TAMPERINGS.keys())
def test_a_damaged_merged_corpus_is_made_again(articles, tmp_path, change):
    first, _ = open_folder(articles, tmp_path / "cache")
    assert first.articles[0].entities and first.articles[0].quotes
    tamper(tmp_path / "cache", change)
    second, reported = open_folder(articles, tmp_path / "cache")
    assert reported > 0   # not the stored corpus: made again from the analyses
    assert second.to_json() == first.to_json()
    third, reported = open_folder(articles, tmp_path / "cache")
    assert reported == 0 and third.to_json() == first.to_json()


BODY_TAMPERINGS = {
    "not JSON": lambda data: "[not json",
    "a mention past the text": _set([1, 0, 1], 10**6),
    "a mention ending before it starts": lambda data: _set([1, 0, 0], data[1][0][1] + 1)(data),
    "an offset that is not a number": _set([1, 0, 0], "0"),
    "a speaker who is not there": _set([2, 0, 5], 10**6),
    "an entity type that is not there": _set([1, 0, 3], 99),
    "a text that is not text": _set([0], ["x"]),
    "a mention fewer than the list says": lambda data: _set([1], data[1][1:])(data),
}


@pytest.mark.parametrize("change", BODY_TAMPERINGS.values(), ids=BODY_TAMPERINGS.keys())
def test_a_damaged_article_body_is_never_shown_and_made_again(articles, tmp_path, change):
    first, _ = open_folder(articles, tmp_path / "cache")
    tamper(tmp_path / "cache", change, "corpus_bodies", "number = 0")
    warnings: list[str] = []
    second, reported = open_folder(articles, tmp_path / "cache", warn=warnings.append)
    assert reported == 0   # the stored index is whole: the corpus opens at once
    damaged = second.articles[0]
    assert (damaged.text, damaged.entities, damaged.quotes) == ("", [], [])
    assert len(warnings) == 1 and warnings[0].startswith(f"{damaged.path}: cached analysis")
    assert second.articles[1].to_json() == first.articles[1].to_json()
    third, reported = open_folder(articles, tmp_path / "cache")
    assert reported > 0 and third.to_json() == first.to_json()  # merged again
    assert open_folder(articles, tmp_path / "cache")[1] == 0


def test_a_stored_corpus_reads_an_article_body_only_when_it_is_used(articles, tmp_path):
    first, _ = open_folder(articles, tmp_path / "cache")
    second, reported = open_folder(articles, tmp_path / "cache")
    bodies = second.articles[0]._bodies
    second.prepare()
    rows = [(a.id, a.title, a.entity_count, a.quote_count) for a in second.articles]
    assert reported == 0 and bodies.reads == 0
    assert rows == [(a.id, a.title, len(a.entities), len(a.quotes)) for a in first.articles]
    assert second.articles[2].text == first.articles[2].text and bodies.reads == 1
    speaker = next(q.speaker for q in first.articles[0].quotes if q.speaker)
    assert second.quotes_of(speaker) == first.quotes_of(speaker)
    profile = gathered(second, second.actor_by_id[speaker])
    assert profile == gathered(first, first.actor_by_id[speaker]) and profile[0]
    assert second.quote_total() == first.quote_total() > 0


def test_a_replaced_corpus_reads_no_body_of_the_new_one(articles, tmp_path):
    open_folder(articles, tmp_path / "cache")
    old, _ = open_folder(articles, tmp_path / "cache")
    target = articles / Path(old.articles[0].path).name
    target.write_text("خبر جديد.\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    new, reported = open_folder(articles, tmp_path / "cache")
    changed = next(a for a in new.articles if a.path.endswith(target.name))
    assert reported > 0 and "خبر جديد" in changed.text
    warnings: list[str] = []
    old.articles[0]._bodies._warn = warnings.append
    assert old.articles[0].text == "" and "missing" in warnings[0]


@pytest.fixture()
def value_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    """SQLite made to refuse any value over 10,000 bytes, as it refuses one over a billion:
    each analysis of the four articles and each article's stored body is under it."""
    limit = 10_000
    connect = sqlite3.connect

    def limited(*args, **kwargs) -> sqlite3.Connection:
        connection = connect(*args, **kwargs)
        connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limit)
        return connection

    monkeypatch.setattr(sqlite3, "connect", limited)
    return limit


def test_a_merged_corpus_over_sqlites_limit_for_one_value_is_kept_in_parts(
        articles, tmp_path, value_limit, monkeypatch):
    monkeypatch.setattr(cache_module, "PART_CHARS", 500)
    warnings: list[str] = []
    first, _ = open_folder(articles, tmp_path / "cache", warn=warnings.append)
    again, reported = open_folder(articles, tmp_path / "cache", warn=warnings.append)
    assert warnings == [] and reported == 0 and again.to_json() == first.to_json()
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as db:
        assert db.execute("SELECT count(*) FROM corpus_parts").fetchone()[0] >= 3


def test_a_corpus_that_cannot_be_stored_takes_no_analysis_with_it(
        articles, tmp_path, value_limit, monkeypatch, counted):
    encode = stored_corpus.encode_corpus

    def with_a_body_too_big(corpus):
        index, bodies = encode(corpus)
        return index, [*bodies, "x" * 2 * value_limit]

    monkeypatch.setattr(stored_corpus, "encode_corpus", with_a_body_too_big)
    warnings: list[str] = []
    first, _ = open_folder(articles, tmp_path / "cache", warn=warnings.append)
    assert len(warnings) == 1 and "analysis cache not used" in warnings[0]
    monkeypatch.undo()
    counted.clear()
    again, reported = open_folder(articles, tmp_path / "cache")
    assert reported > 0 and counted == []  # merged again, from analyses that were kept
    assert again.to_json() == first.to_json()


def test_a_merged_corpus_missing_a_part_is_made_again(articles, tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "PART_CHARS", 2_000)
    first, _ = open_folder(articles, tmp_path / "cache")
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as db:
        db.execute("DELETE FROM corpus_parts WHERE part = 1")
    second, reported = open_folder(articles, tmp_path / "cache")
    assert reported > 0 and second.to_json() == first.to_json()
    assert open_folder(articles, tmp_path / "cache")[1] == 0  # stored whole again


def test_a_merged_corpus_follows_the_opening_and_the_size_limit(articles, tmp_path):
    cache_dir = tmp_path / "cache"
    limited, _ = open_folder(articles, cache_dir, max_bytes=50)
    assert not limited.articles
    whole, reported = open_folder(articles, cache_dir)
    assert reported > 0 and whole.to_json() == fresh(articles)
    parent, reported = open_folder(articles.parent, cache_dir)
    assert reported > 0
    assert [a.id for a in parent.articles] == [f"articles/{a.id}" for a in whole.articles]
    assert open_folder(articles, cache_dir, max_bytes=50)[1] == 0  # each kept apart


def test_no_cache_keeps_no_merged_corpus(articles, tmp_path):
    corpus_run.analyze_paths([articles], jobs=1, cache=False, cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_the_app_is_given_the_merged_corpus_before_it_is_stored(articles, tmp_path,
                                                                 monkeypatch):
    stored: list[str] = []
    monkeypatch.setattr(AnalysisCache, "put_corpus",
                        lambda self, key, stamp, index, bodies: stored.append(index))
    seen: list[int] = []
    corpus_run.analyze_paths([articles], jobs=1, cache_dir=tmp_path / "cache",
                             on_ready=lambda corpus: seen.append(len(stored)))
    assert seen == [0] and len(stored) == 1


def test_another_loader_reads_the_files_again(mixed, tmp_path, reads, monkeypatch):
    first, _ = open_folder(mixed, tmp_path / "cache")
    monkeypatch.setattr("explorer.cache.loader_version", lambda: "another loader")
    reads.clear()
    second, reported = open_folder(mixed, tmp_path / "cache")
    assert reported > 0 and len(reads) == 6
    assert second.to_json() == first.to_json()


@pytest.mark.parametrize(("change", "written"), [
    ("UPDATE meta SET value = '2' WHERE key = 'format'", "format 2"),
    ("DROP TABLE meta", "an older format"),  # written before the format was recorded
])
def test_a_cache_of_another_format_is_emptied_and_said_so(articles, tmp_path, counted,
                                                          change, written):
    first, _ = open_folder(articles, tmp_path / "cache")
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as db:
        db.execute(change)
        db.execute("INSERT INTO analyses (key, value) VALUES ('an old key', '{}')")
    counted.clear()
    warnings: list[str] = []
    second, reported = open_folder(articles, tmp_path / "cache", warn=warnings.append)
    assert warnings == [f"{tmp_path / 'cache' / FILE_NAME}: written by another version of "
                        f"explorer ({written}); its entries were dropped and are made again"]
    assert reported > 0 and len(counted) == 4 and second.to_json() == first.to_json()
    with sqlite3.connect(tmp_path / "cache" / FILE_NAME) as db:
        assert db.execute("SELECT count(*) FROM analyses WHERE key = 'an old key'"
                          ).fetchone() == (0,)
    warnings.clear()
    assert open_folder(articles, tmp_path / "cache", warn=warnings.append)[1] == 0
    assert warnings == []
