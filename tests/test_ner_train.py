"""The training command is deterministic and its output loads as a recogniser."""

from __future__ import annotations

import hashlib
from pathlib import Path

from explorer.analysis.ner.conll import Sentence
from explorer.analysis.ner.crf import CrfRecognizer
from explorer.analysis.ner.crfsuite_file import load_weights
from explorer.analysis.ner.neural import NeuralWeights
from explorer.analysis.ner.resources import write_resources
from explorer.analysis.ner.train import articles, held_out, main, train
from explorer.analysis.ner.train_neural import NeuralConfig
from explorer.arabic.tokens import tokenize

SENTENCES = [
    Sentence(["قال", "الرئيس", "سامر", "الخطيب", "في", "عمان", "."],
             ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"]),
    Sentence(["وأعلنت", "منظمة", "الصحة", "العالمية", "في", "جنيف", "."],
             ["O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "O"]),
    Sentence(["وزار", "ترامب", "بغداد", "أمس", "."], ["O", "B-PERS", "B-LOC", "O", "O"]),
]


# Another corpus's convention: the head noun inside the organisation.
OTHER = [
    Sentence(["وقال", "نادي", "الهلال", "في", "الرياض", "."],
             ["O", "B-ORG", "I-ORG", "O", "B-LOC", "O"]),
    Sentence(["وزار", "ترامب", "بغداد", "."], ["O", "B-PERS", "B-LOC", "O"]),
]


def build(folder: Path, *, other: bool = False) -> dict[str, str]:
    dictionary = folder.parent / f"{folder.name}.dic"
    dictionary.write_text("3\nقال/1\nزار\nأمس\n", encoding="utf-8")
    write_resources(folder, dictionary, ["سامر", "منظمة", "عمان", "جنيف", "ترامب", "بغداد"])
    corpus = articles(SENTENCES * 60)  # 180 sentences: four articles, three folds
    train(corpus, folder, c1=0.05, c2=0.05, iterations=15,
          neural=NeuralConfig(epochs=4, feature_dim=16, char_filters=16, hidden=16,
                              learning_rate=0.01),
          other=articles(OTHER * 60) if other else [], other_in_second=other)
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.iterdir())}


def test_training_twice_gives_identical_files(tmp_path: Path) -> None:
    first, second = build(tmp_path / "a"), build(tmp_path / "b")
    assert set(first) == {"crf1.npz", "neural.npz", "gazetteer.tsv", "lexicon.txt",
                          "names.txt"}
    assert first == second


def test_training_beside_another_corpus_is_deterministic_and_ships_the_news_view(
        tmp_path: Path) -> None:
    first, second = build(tmp_path / "a", other=True), build(tmp_path / "b", other=True)
    assert first == second
    weights = NeuralWeights.load(tmp_path / "a" / "neural.npz")
    assert "bias" in weights.own and not any("@" in name for name in weights.own)
    crf = load_weights(tmp_path / "a" / "crf1.npz")
    assert "bias" in crf.attributes and not any("@" in name for name in crf.attributes)
    recognizer = CrfRecognizer(tmp_path / "a", institutions=False)
    text = "وزار ترامب جنيف أمس."
    found = [(e.type, e.text) for e in recognizer.recognize(text, tokenize(text))]
    assert ("PERS", "ترامب") in found


def test_trained_files_load_and_tag(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    build(folder)
    recognizer = CrfRecognizer(folder, institutions=False)
    text = "وزار ترامب جنيف أمس."
    found = [(e.type, e.text) for e in recognizer.recognize(text, tokenize(text))]
    assert ("PERS", "ترامب") in found and ("LOC", "جنيف") in found


def test_held_out_parts_are_in_order_on_article_bounds_and_the_last_is_unchanged() -> None:
    count = 4118  # ANERcorp train's sentences
    parts = [held_out(count, part) for part in range(1, 7)]
    assert parts[0] == (0, 650) and parts[3] == (2050, 2700)
    assert parts[5] == (count * 5 // 6, count)  # the dev set every earlier figure used
    for (start, end), (following, _) in zip(parts, parts[1:], strict=False):
        assert start < end <= following
    assert all(start % 50 == 0 and end % 50 == 0 for start, end in parts[:5])


def test_missing_corpora_give_one_line(tmp_path: Path, capsys) -> None:
    dictionary = tmp_path / "ar.dic"
    dictionary.write_text("1\nقال\n", encoding="utf-8")
    assert main(["--corpora", str(tmp_path), "--lexicon", str(dictionary),
                 "--out", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "anercorp_train.conll: no such file" in error
