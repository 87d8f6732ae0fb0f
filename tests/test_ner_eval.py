"""`explorer eval ner`: CoNLL reading, exact-span counting and the printed figures."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from explorer.analysis.ner.conll import ConllError, read_conll, spans
from explorer.arabic.tokens import Token
from explorer.evaluation import ner_eval
from explorer.model import Entity

# Two sentences; gold has PERS «دونالد ترامب», LOC «واشنطن», ORG «الأمم المتحدة»,
# LOC «جنيف» and MISC «الدولار» (PER and MIS spellings are accepted).
CONLL = """\
قال B-PER
دونالد I-PER
ترامب I-PER
في O
واشنطن B-LOC
. O

الأمم B-ORG
المتحدة I-ORG
في O
جنيف B-LOC
و O
الدولار B-MIS
"""

# What the fixed recogniser below finds, as (sentence, first token, last token + 1, type):
# «دونالد ترامب» PERS (wrong span: gold starts at «قال»), «واشنطن» LOC (right),
# «الأمم المتحدة» ORG (right), «جنيف» PERS (wrong type), nothing for «الدولار».
FOUND = {(0, 1, 3, "PERS"), (0, 4, 5, "LOC"), (1, 0, 2, "ORG"), (1, 3, 4, "PERS")}


class FixedRecognizer:
    """Returns FOUND for the article the evaluator builds (sentences one per line)."""

    name = "fixed"

    def recognize(self, text: str, tokens: list[Token]) -> list[Entity]:
        lines = text.split("\n")
        entities = []
        line_start = 0
        for number, line in enumerate(lines):
            line_tokens = [t for t in tokens if line_start <= t.start < line_start + len(line)]
            for sentence, first, last, kind in FOUND:
                if sentence == number:
                    start, end = line_tokens[first].start, line_tokens[last - 1].end
                    entities.append(Entity(start, end, text[start:end], kind))
            line_start += len(line) + 1
        return entities

    def recognize_many(self, articles: list[tuple[str, list[Token]]]) -> list[list[Entity]]:
        return [self.recognize(text, tokens) for text, tokens in articles]


@pytest.fixture
def conll_file(tmp_path: Path) -> Path:
    path = tmp_path / "small.conll"
    path.write_text(CONLL, encoding="utf-8")
    return path


def test_spans_follow_conlleval_grouping() -> None:
    assert spans(["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC"]) == {
        (0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "LOC")}
    assert spans(["B-ORG", "I-LOC"]) == {(0, 1, "ORG"), (1, 2, "LOC")}
    assert spans(["B-PERS", "I-PERS", "I-PERS"]) == {(0, 3, "PERS")}
    assert spans(["O", "I-PERS", "B-PERS", "MISC", "I-PERS"]) == {
        (1, 2, "PERS"), (2, 3, "PERS"), (4, 5, "PERS")}
    assert spans(["O", "O"]) == set() == spans([])


def _spans_tag_by_tag(tags: list[str]) -> set[tuple[int, int, str]]:
    """conlleval's grouping written out plainly, one tag at a time."""
    found, start, kind = set(), -1, ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, tag_kind = tag.partition("-") if tag != "O" else ("O", "", "")
        continues = prefix == "I" and tag_kind == kind
        if kind and not continues:
            found.add((start, index, kind))
            kind = ""
        if prefix in ("B", "I") and not continues:
            start, kind = index, tag_kind
    return found


def test_spans_agree_with_the_tag_by_tag_grouping() -> None:
    import random

    draw = random.Random(3)
    choices = ["O", "O", "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "I-ORG", "MISC"]
    for _ in range(2000):
        tags = [draw.choice(choices) for _ in range(draw.randrange(0, 12))]
        assert spans(tags) == _spans_tag_by_tag(tags), tags


def test_counts_and_f1_by_hand(conll_file: Path) -> None:
    sentences = read_conll(conll_file)
    assert sentences[0].tags[:3] == ["B-PERS", "I-PERS", "I-PERS"]
    assert sentences[1].tags[-1] == "B-MISC"
    scores, _ = ner_eval.evaluate(FixedRecognizer(), sentences)
    pers, loc, org, misc = (scores.by_type[k] for k in ("PERS", "LOC", "ORG", "MISC"))
    assert (pers.correct, pers.predicted, pers.gold) == (0, 2, 1)
    assert (loc.correct, loc.predicted, loc.gold) == (1, 1, 2)
    assert (org.correct, org.predicted, org.gold) == (1, 1, 1)
    assert (misc.correct, misc.predicted, misc.gold) == (0, 0, 1)
    core = scores.micro(ner_eval.CORE_TYPES)
    # 2 correct of 4 predicted and of 4 gold: P = R = F1 = 0.5.
    assert (core.precision, core.recall, core.f1) == (0.5, 0.5, 0.5)
    everything = scores.micro(("PERS", "LOC", "ORG", "MISC"))
    # 2 of 4 predicted, 2 of 5 gold: P 0.5, R 0.4, F1 = 2*0.5*0.4/0.9 = 4/9.
    assert everything.recall == pytest.approx(0.4)
    assert everything.f1 == pytest.approx(4 / 9)
    assert loc.f1 == pytest.approx(2 / 3)


def test_run_prints_table_and_writes_predictions(conll_file: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("explorer.analysis.ner.get_recognizer",
                        lambda name, offline: FixedRecognizer())
    out = tmp_path / "pred.conll"
    args = argparse.Namespace(conll=str(conll_file), ner="fixed", predictions=str(out))
    assert ner_eval.run(args) == 0
    printed = capsys.readouterr().out
    rows = {line.rsplit(maxsplit=5)[0]: line.split()[-5:] for line in printed.splitlines()[2:]}
    assert rows["micro PERS+LOC+ORG"] == ["0.500", "0.500", "0.500", "4", "4"]
    assert rows["micro all"] == ["0.500", "0.400", "0.444", "5", "4"]
    assert rows["LOC"] == ["1.000", "0.500", "0.667", "2", "1"]
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[:3] == ["قال B-PERS O", "دونالد I-PERS B-PERS", "ترامب I-PERS I-PERS"]
    assert lines[6] == ""
    assert lines[10] == "جنيف B-LOC B-PERS"


def test_bad_files_give_one_line_errors(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.conll"
    bad.write_text("قال O\nترامب B-PERSON\n", encoding="utf-8")
    with pytest.raises(ConllError, match=r"bad.conll:2: unknown tag 'B-PERSON'"):
        read_conll(bad)
    args = argparse.Namespace(conll=str(tmp_path / "missing.conll"), ner="crf",
                              predictions=None)
    assert ner_eval.run(args) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "missing.conll: no such file" in error


def test_unknown_backend_is_reported(conll_file: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(conll=str(conll_file), ner="nope", predictions=None)
    assert ner_eval.run(args) == 2
    assert "unknown NER backend 'nope'" in capsys.readouterr().err


def test_auto_scores_the_corpus_conventions_offline(conll_file: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Without camel-tools' model, ``--ner auto`` scores ``crf-corpus``, and ``crf`` stays
    what the app runs."""
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path))  # no camel-tools data here
    args = argparse.Namespace(conll=str(conll_file), ner="auto", predictions=None)
    assert ner_eval.run(args) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("backend crf-corpus")
    args.ner = "crf"
    assert ner_eval.run(args) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("backend crf")
