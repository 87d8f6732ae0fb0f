"""The analysis model: exact JSON round-trip and the derived indices."""

from __future__ import annotations

import json

import pytest

from explorer.model import SCHEMA, Actor, Article, Corpus, Entity, LoadError, Quote


def _span(text: str, piece: str, occurrence: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece), piece


def _corpus() -> Corpus:
    text = "قال الرئيس دونالد ترامب: «ندعم بقاء القوات». وأضاف ترامب أن العمل مستمر."
    article = Article(
        id="a.txt", path="a.txt", title="عنوان", text=text, date="2026-01-02", source="وكالة",
        entities=[Entity(*_span(text, "دونالد ترامب"), "PERS", "p1"),
                  Entity(*_span(text, "ترامب", 1), "PERS", "p1")],
        quotes=[Quote(*_span(text, "ندعم بقاء القوات"), "direct", "قال", "p1", "دونالد ترامب"),
                Quote(*_span(text, "العمل مستمر."), "indirect", "وأضاف", "p1", None)],
    )
    other = Article(id="b.json#2", path="b.json", title="", text="نص")
    actor = Actor("p1", "دونالد ترامب", "PERS", ["ترامب"], ["الرئيس"], 2, 2, ["a.txt"])
    return Corpus([article, other], [actor], [LoadError("bad.bin", "not text: binary content")])


def test_json_round_trip_is_exact() -> None:
    corpus = _corpus()
    encoded = json.dumps(corpus.to_json(), ensure_ascii=False)
    assert Corpus.from_json(json.loads(encoded)) == corpus


def test_json_shape_follows_the_schema() -> None:
    data = _corpus().to_json()
    assert data["schema"] == SCHEMA
    assert set(data) == {"schema", "articles", "actors", "errors"}
    article = data["articles"][0]
    assert {"id", "path", "title", "text", "entities", "quotes"} <= set(article)
    assert set(article["entities"][0]) == {"start", "end", "text", "type", "actor"}
    assert set(article["quotes"][0]) == {"start", "end", "text", "kind", "cue", "speaker",
                                         "speaker_text"}
    assert "date" not in data["articles"][1]
    assert data["errors"] == [{"path": "bad.bin", "error": "not text: binary content"}]


def test_offsets_index_the_text() -> None:
    article = _corpus().articles[0]
    for span in [*article.entities, *article.quotes]:
        assert article.text[span.start:span.end] == span.text


def test_indices() -> None:
    corpus = _corpus()
    assert corpus.article_by_id["b.json#2"].path == "b.json"
    assert corpus.actor_by_id["p1"].name == "دونالد ترامب"
    assert [e.text for _, e in corpus.mentions_by_actor["p1"]] == ["دونالد ترامب", "ترامب"]
    assert [q.kind for _, q in corpus.quotes_by_actor["p1"]] == ["direct", "indirect"]


def test_indices_follow_changes_after_invalidate() -> None:
    corpus = _corpus()
    assert len(corpus.mentions_by_actor["p1"]) == 2
    corpus.articles[0].entities.pop()
    corpus.invalidate()
    assert len(corpus.mentions_by_actor["p1"]) == 1


def test_wrong_schema_is_refused() -> None:
    with pytest.raises(ValueError, match="schema"):
        Corpus.from_json({"schema": "other/1", "articles": []})


def test_error_summary_tells_records_from_files() -> None:
    from explorer.tui.look import error_summary, unreadable_short

    errors = [LoadError("scan.bin", "not text: binary content"),
              LoadError("a.jsonl#3", "line 3: invalid JSON", records=1),
              LoadError("a.jsonl#9", "line 9: invalid JSON", records=1),
              LoadError("a.jsonl", "137 more bad records not listed", records=137),
              LoadError("b.json#2", "key 'title' should be text", records=1)]
    assert error_summary(errors) == ("1 file could not be read; 140 records in 2 files were "
                                     "skipped")
    assert unreadable_short(errors) == "1 file, 140 records unreadable"
    assert error_summary(errors[:1]) == "1 file could not be read"
    assert error_summary(errors[1:2]) == "1 record in 1 file was skipped"
    assert [e.file for e in errors] == ["scan.bin", "a.jsonl", "a.jsonl", "a.jsonl", "b.json"]


def test_a_record_count_survives_the_json_round_trip() -> None:
    error = LoadError("a.jsonl#3", "line 3: invalid JSON", records=1)
    assert LoadError.from_json(error.to_json()) == error
    assert LoadError("x.txt", "empty file").to_json() == {"path": "x.txt", "error": "empty file"}
