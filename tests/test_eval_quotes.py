"""``explorer eval quotes``: scoring against tests/gold, and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.analysis.corpus_run import analyze_paths
from explorer.cli import main
from explorer.evaluation.quote_eval import QuoteScores, gold_name, score_corpus

from .conftest import GOLD, SAMPLES


@pytest.fixture(scope="module")
def sample_scores() -> QuoteScores:
    return score_corpus(analyze_paths([SAMPLES]), GOLD)


def test_every_sample_article_has_gold() -> None:
    corpus = analyze_paths([SAMPLES])
    assert all((GOLD / gold_name(a.id)).is_file() for a in corpus.articles)


def test_sample_quote_f1_and_speaker_accuracy(sample_scores: QuoteScores) -> None:
    assert sample_scores.articles >= 6
    assert sample_scores.f1 >= 0.90, sample_scores.notes
    assert sample_scores.speaker_accuracy >= 0.90, sample_scores.notes


def test_sample_person_actors(sample_scores: QuoteScores) -> None:
    total = sample_scores.persons_found + sample_scores.persons_missed
    assert sample_scores.persons_found / total >= 0.90, sample_scores.notes


def test_a_wrong_speaker_and_a_missed_quote_are_counted(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "خبر\n\nوقال وزير المالية كمال الطرابلسي إن العجز سينخفض.\n", encoding="utf-8")
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = {"article": "a.txt",
            "persons": [{"name": "كمال الطرابلسي", "forms": ["كمال الطرابلسي"],
                         "roles": ["وزير المالية"], "gender": "m"},
                        {"name": "سلمى بن عمر", "forms": ["سلمى بن عمر"], "roles": [],
                         "gender": "f"}],
            "quotes": [{"kind": "indirect", "speaker": "سلمى بن عمر", "cue": "قال",
                        "piece": "العجز سينخفض"},
                       {"kind": "direct", "speaker": "سلمى بن عمر", "cue": "قالت",
                        "piece": "غير موجود في النص"}]}
    (gold_dir / "a.txt.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    scores = score_corpus(analyze_paths([tmp_path / "a.txt"]), gold_dir)
    assert (scores.gold, scores.predicted, scores.matched, scores.speaker_right) == (2, 1, 1, 0)
    assert (scores.persons_found, scores.persons_missed, scores.persons_spurious) == (1, 1, 0)
    assert scores.recall == 0.5 and scores.precision == 1.0
    assert scores.rows == ["a.txt: quotes gold 2 predicted 1 matched 1, speakers right 0/1, "
                           "persons found 1 missed 1 spurious 0"]


def test_command_prints_the_scores(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "quotes", str(GOLD), str(SAMPLES)]) == 0
    out = capsys.readouterr().out
    assert "quote recall" in out and "speaker accuracy" in out and "person actors" in out


def test_missing_gold_folder_is_one_line(capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    assert main(["eval", "quotes", str(tmp_path / "nope"), str(SAMPLES)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope" in err


def test_broken_gold_file_is_one_line_naming_it(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("خبر\n\nنص.\n", encoding="utf-8")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.txt.json").write_text("{not json", encoding="utf-8")
    assert main(["eval", "quotes", str(tmp_path / "gold"), str(tmp_path / "a.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "a.txt.json" in err


def test_analysis_json_carries_quotes_and_actors_as_designed(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "خبر\n\nوقال الرئيس الأمريكي دونالد ترامب: \"ندعم بقاء القوات\".\n\n"
        "وأكد ترامب أن القرار نهائي.\n", encoding="utf-8")
    assert main(["analyze", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [article] = data["articles"]
    assert [set(q) for q in article["quotes"]] == [
        {"start", "end", "text", "kind", "cue", "speaker", "speaker_text"}] * 2
    [person] = [a for a in data["actors"] if a["type"] == "PERS"]
    assert set(person) == {"id", "name", "type", "aliases", "roles", "mentions", "quotes",
                           "articles"}
    assert (person["id"], person["name"], person["quotes"]) == ("p1", "دونالد ترامب", 2)
    assert person["roles"] == ["الرئيس الأمريكي"] and person["articles"] == ["a.txt"]
    assert {q["speaker"] for q in article["quotes"]} == {"p1"}
    assert [q["kind"] for q in article["quotes"]] == ["direct", "indirect"]
