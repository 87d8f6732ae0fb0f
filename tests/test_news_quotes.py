"""The real-news quote gold: its offsets, its loading and how it is scored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.evaluation.news_gold import load_news_gold, read_news_gold
from explorer.evaluation.person_spans import GoldError
from explorer.evaluation.quote_eval import same_name, score_news
from tests.conftest import REPO, SHARED

GOLD = REPO / "tests" / "gold_news" / "quotes.json"
NEWS = SHARED / "corpora" / "news-2015-07"
TITLE = "الطرابلسي: العجز سينخفض هذا العام"
CONTENT = ("\u200fوقال وزير المالية كمال الطرابلسي إن العجز سينخفض في العام المقبل. "
           "وذكر مصدر مسؤول أن الحكومة ستقترض مبلغا جديدا. وأشاد «الطرابلسي» بالبرلمان.")


def span(field: str, text: str, part: str) -> list:
    start = text.index(part)
    return [field, start, start + len(part)]


def write_corpus(folder: Path) -> tuple[Path, Path]:
    """One record with a headline quote, a quote of a named person and one of an unnamed
    source, a borderline case, and a bidi mark before the text that the app removes."""
    folder.mkdir()
    records = [{"title": "لا نص"}, {"title": TITLE, "content": CONTENT, "url": "u"}]
    (folder / "day.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    minister = [span("content", CONTENT, "كمال الطرابلسي")]
    article = {
        "file": "day.json", "record": 1, "url": "u", "part": "dev",
        "persons": [minister],
        "quotes": [
            {"kind": "direct", "piece": span("title", TITLE, "العجز سينخفض هذا العام"),
             "cue": None, "speaker": minister, "speaker_type": "PERS"},
            {"kind": "indirect", "piece": span("content", CONTENT, "سينخفض في العام المقبل"),
             "cue": span("content", CONTENT, "وقال"), "speaker": minister,
             "speaker_type": "PERS"},
            {"kind": "indirect", "piece": span("content", CONTENT, "الحكومة ستقترض مبلغا"),
             "cue": span("content", CONTENT, "وذكر"),
             "speaker": [span("content", CONTENT, "مصدر مسؤول")], "speaker_type": "UNKNOWN"}],
        "borderline": []}
    gold = folder.parent / "quotes.json"
    gold.write_text(json.dumps({"articles": [article]}, ensure_ascii=False), encoding="utf-8")
    return folder, gold


def test_the_gold_is_read_back_from_the_corpus_as_the_app_shows_it(tmp_path: Path) -> None:
    corpus, gold_file = write_corpus(tmp_path / "corpus")
    [(article, gold)] = load_news_gold(gold_file, corpus)
    assert article.id == "day.json#2"
    assert [q["piece"] for q in gold["quotes"]] == [
        "العجز سينخفض هذا العام", "سينخفض في العام المقبل", "الحكومة ستقترض مبلغا"]
    assert all(q["piece"] in article.text for q in gold["quotes"])
    assert gold["quotes"][2]["speaker"] == "مصدر مسؤول"
    assert gold["persons"] == [{"name": "كمال الطرابلسي", "forms": ["كمال الطرابلسي"]}]
    assert read_news_gold(gold_file, "held-out") == []


def test_news_quotes_are_scored_with_unnamed_sources_apart(tmp_path: Path) -> None:
    corpus, gold_file = write_corpus(tmp_path / "corpus")
    scores = score_news(load_news_gold(gold_file, corpus), "crf")
    assert scores.gold == 3 and scores.matched == 3 and scores.predicted == 3, scores.notes
    # the unnamed source is not in the speaker accuracy and was given to no person
    assert (scores.unnamed, scores.unnamed_named) == (1, 0)
    assert scores.speaker_accuracy == 1.0, scores.notes
    assert scores.persons_found == 1


def test_a_borderline_quote_counts_neither_way(tmp_path: Path) -> None:
    corpus, gold_file = write_corpus(tmp_path / "corpus")
    data = json.loads(gold_file.read_text(encoding="utf-8"))
    unnamed = data["articles"][0]["quotes"].pop()
    data["articles"][0]["borderline"].append(unnamed)
    gold_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    scores = score_news(load_news_gold(gold_file, corpus), "crf")
    assert (scores.gold, scores.matched, scores.predicted, scores.borderline) == (2, 2, 2, 1)


def test_bad_gold_is_one_line_naming_the_file(tmp_path: Path, capsys) -> None:
    corpus, gold_file = write_corpus(tmp_path / "corpus")
    data = json.loads(gold_file.read_text(encoding="utf-8"))
    data["articles"][0]["quotes"][0]["piece"] = ["title", 0, 999]
    gold_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldError, match="day.json#1: bad annotation"):
        load_news_gold(gold_file, corpus)
    assert main(["eval", "quotes", "--news", str(gold_file), "--corpus", str(corpus)]) == 2
    assert main(["eval", "quotes", "--news", str(gold_file)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "bad annotation" in err[0] and "--corpus" in err[1]


def test_a_shorter_name_names_the_same_person_unless_it_is_a_bare_given_name() -> None:
    assert same_name("جبير", "عادل جبير")
    assert same_name("سلمان بن عبدالعزيز", "سلمان بن عبد العزيز ال سعود")
    assert not same_name("عادل", "عادل جبير")
    assert not same_name("عادل جبير", "خالد جبير")


@pytest.fixture(scope="module")
def news_gold():
    if not NEWS.is_dir():
        pytest.skip("../shared/corpora/news-2015-07 is not available")
    return load_news_gold(GOLD, NEWS)


def test_every_gold_piece_and_name_is_in_the_article_the_app_shows(news_gold) -> None:
    assert len(news_gold) >= 80
    for article, gold in news_gold:
        for quote in (*gold["quotes"], *gold["borderline"]):
            assert quote["piece"] in article.text, (article.id, quote["piece"])
            for word in quote["speaker"].split():
                assert word in article.text, (article.id, quote["speaker"])
        for person in gold["persons"]:
            assert all(word in article.text for word in person["name"].split())


def test_a_third_of_the_news_gold_is_held_out() -> None:
    if not GOLD.is_file():
        pytest.skip("no news quote gold")
    gold = read_news_gold(GOLD)
    held = [item for item in gold if item.part == "held-out"]
    assert len(held) * 3 == len(gold)
    assert len({item.url.split("/")[2] for item in held}) >= 6  # several newspapers
