"""The plain CRF that measures how hard a held-out part is: its features and its command."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.analysis.ner.baseline import main, sentence_features, train_and_tag
from explorer.analysis.ner.conll import Sentence


def test_features_are_the_plain_set_with_a_two_word_window() -> None:
    rows = sentence_features(["وأعلن", "الرئيس", "ترامب", "."])
    trump = rows[2]
    assert "w=ترامب" in trump and "k=ترامب" in trump and "st=ترامب" in trump
    assert "p2=تر" in trump and "s3=امب" in trump and "shape=A" in trump
    assert "-1:title" in trump  # «الرئيس» before it
    assert "-2:st=اعلن" in trump  # «وأعلن» folded, without its «و»
    assert "1:k=." in trump and "2:edge" in trump


# A person after a title, a place after «في»: the window and cues have to carry it.
TRAINING = [
    Sentence(["قال", "الرئيس", name, "في", place, "."],
             ["O", "O", "B-PERS", "O", "B-LOC", "O"])
    for name, place in (("سامر", "عمان"), ("ترامب", "بغداد"), ("ماكرون", "باريس"),
                        ("بوتين", "موسكو"))
] * 10


def test_trained_crf_tags_unseen_names_from_their_context() -> None:
    unseen = [Sentence(["قال", "الرئيس", "زيلينسكي", "في", "كييف", "."], ["O"] * 6)]
    [[tags]] = train_and_tag(TRAINING, [unseen])
    assert tags == ["O", "O", "B-PERS", "O", "B-LOC", "O"]


def _write_corpus(path: Path, sentences: list[Sentence]) -> None:
    path.write_text("\n\n".join("\n".join(f"{token} {tag}" for token, tag in
                                          zip(s.tokens, s.tags, strict=True))
                                for s in sentences) + "\n", encoding="utf-8")


def test_command_prints_scores_for_both_dev_sets(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("anercorp_train", "aqmar_train", "aqmar_dev"):
        _write_corpus(tmp_path / f"{name}.conll", TRAINING)
    assert main(["--corpora", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "== anercorp-dev, plain CRF" in out and "== aqmar-dev, plain CRF" in out
    # the held-out sentences are copies of the training ones, so the CRF tags them all
    assert out.count("micro PERS+LOC+ORG       1.000   1.000   1.000") == 2


def test_missing_corpus_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--corpora", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "anercorp_train.conll" in error and "no such file" in error
