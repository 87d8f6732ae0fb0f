"""The person span check on real news: its gold offsets and its scoring."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from explorer.evaluation import person_spans
from explorer.model import Entity
from tests.conftest import REPO, SHARED

GOLD = REPO / "tests" / "gold_news" / "persons.json"
NEWS = SHARED / "corpora" / "news-2015-07"


class FixedRecognizer:
    """Tags «سامر الخطيب» and «ليبيا» wherever they are, and «وقال» as a person."""

    name = "fixed"

    def recognize_many(self, articles):
        found = []
        for text, _ in articles:
            entities = []
            for form, kind in (("سامر الخطيب", "PERS"), ("وقال", "PERS"), ("ليبيا", "LOC")):
                start = text.find(form)
                if start >= 0:
                    entities.append(Entity(start, start + len(form), form, kind))
            found.append(entities)
        return found


def write_corpus(folder: Path) -> tuple[Path, Path]:
    folder.mkdir()
    content = "\u200fوقال سامر الخطيب في ليبيا إن نادر الحسن سيزور.\nسطر لم يقرأ: سامر الخطيب."
    records = [{"title": "لا نص"}, {"title": "عنوان", "content": content, "url": "u"}]
    (folder / "day.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    end = content.index("\n")
    persons = [[content.index(name), content.index(name) + len(name)]
               for name in ("سامر الخطيب", "نادر الحسن")]
    gold = folder.parent / "gold.json"
    gold.write_text(json.dumps({"articles": [
        {"file": "day.json", "record": 1, "url": "u", "end": end, "part": "dev",
         "persons": persons}]}), encoding="utf-8")
    return folder, gold


def test_exact_spans_in_the_read_stretch_are_counted(tmp_path: Path) -> None:
    corpus, gold_file = write_corpus(tmp_path / "corpus")
    gold = person_spans.read_gold(gold_file)
    records = person_spans.load_records(corpus, gold)
    scores = person_spans.score(FixedRecognizer(), gold, records)
    # «سامر الخطيب» right, «وقال» wrong, «نادر الحسن» missed; the second line is unread
    # and the title before the text and the removed bidi mark shift no offset
    assert (scores.correct, scores.predicted, scores.gold, scores.overlapping) == (1, 2, 2, 0)
    assert sorted(kind for _, kind, _ in scores.misses) == ["missed", "predicted"]


def test_bad_gold_and_corpus_give_one_line_errors(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    corpus, gold_file = write_corpus(tmp_path / "corpus")
    bad = tmp_path / "bad.json"
    bad.write_text('{"articles": [{"file": 3}]}', encoding="utf-8")
    for gold, folder, message in ((bad, corpus, "bad.json: not a person-span gold file"),
                                  (gold_file, tmp_path, "day.json: cannot read")):
        args = argparse.Namespace(gold=gold, corpus=folder, part="all", ner="crf",
                                  misses=False)
        assert person_spans.run(args) == 2
        error = capsys.readouterr().err
        assert error.count("\n") == 1 and message in error


def test_the_gold_is_offsets_only_and_a_third_is_held_out() -> None:
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    articles = data["articles"]
    assert len(articles) >= 90
    assert {"file", "record", "url", "end", "part", "persons"} == set(articles[0])
    held_out = [a for a in articles if a["part"] == "held-out"]
    assert abs(len(held_out) - len(articles) / 3) <= 1
    for article in articles:
        previous = 0
        for start, end in article["persons"]:
            assert previous <= start < end <= article["end"]
            previous = end
    assert "content" not in GOLD.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def news_gold():
    if not NEWS.is_dir():
        pytest.skip("../shared/corpora/news-2015-07 is not available")
    gold = person_spans.read_gold(GOLD)
    return gold, person_spans.load_records(NEWS, gold)


def test_every_gold_person_is_a_whole_run_of_letters(news_gold) -> None:
    gold, records = news_gold
    glued = 0  # a name the paper glued to the next word («منصورصرَّح»)
    for item in gold:
        content = records[item.file, item.record][0]["content"]
        for start, end in item.persons:
            assert content[start].isalpha() and content[end - 1].isalpha()
            glued += content[end:end + 1].isalpha()
    assert glued <= 1


def test_the_recogniser_finds_persons_in_real_news_as_measured(news_gold) -> None:
    from explorer.analysis.ner import get_recognizer

    gold, records = news_gold
    recognizer = get_recognizer("crf")
    for part, precision, recall in (("dev", 0.80, 0.78), ("held-out", 0.62, 0.85)):
        scores = person_spans.score(recognizer, [a for a in gold if a.part == part], records)
        assert scores.precision >= precision and scores.recall >= recall, part
