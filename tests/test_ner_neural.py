"""The neural second pass: numpy tagging equals the torch model it was trained as, decoding
never produces an impossible tag sequence, and the shipped file loads offline."""

from __future__ import annotations

import random
import socket
from pathlib import Path

import numpy as np
import pytest

from explorer.analysis.ner import BackendUnavailable
from explorer.analysis.ner.crf import FIRST_MODEL, CrfRecognizer
from explorer.analysis.ner.features import FeatureExtractor
from explorer.analysis.ner.neural import (
    LABELS,
    NEURAL_MODEL,
    PIECE,
    NeuralFormatError,
    NeuralTagger,
    NeuralWeights,
    allowed,
    forbidden_transitions,
    pieces,
)
from explorer.analysis.ner.npz import save_arrays
from explorer.analysis.ner.resources import DATA_DIR, load_resources
from explorer.analysis.ner.scoring import viterbi
from explorer.arabic.tokens import tokenize

SENTENCES = [
    ["قال", "الرئيس", "سامر", "الخطيب", "في", "عمان", "."],
    ["وأعلنت", "منظمة", "الصحة", "العالمية", "في", "جنيف", "أن", "الوباء", "انتهى", "."],
    ["وزار", "ترامب", "بغداد", "."],
    ["Reuters"],
    ["وقال", "Жуков", "ڤيينا", "."],  # characters and words the tagger never saw
]


def test_only_continuations_may_follow() -> None:
    assert allowed("B-PERS", "I-PERS") and allowed("I-PERS", "I-PERS")
    assert allowed("O", "B-LOC") and allowed("I-ORG", "B-ORG") and allowed("B-LOC", "O")
    assert not allowed("O", "I-PERS")
    assert not allowed("B-LOC", "I-PERS") and not allowed("I-ORG", "I-LOC")


def test_long_sentences_are_read_in_pieces_as_in_training() -> None:
    assert pieces([(0, 3), (3, 3 + PIECE), (3 + PIECE, 3 + 2 * PIECE + 5)]) == [
        (0, 3), (3, 3 + PIECE), (3 + PIECE, 3 + 2 * PIECE), (3 + 2 * PIECE, 3 + 2 * PIECE + 5)]


def test_decoding_never_gives_an_impossible_sequence() -> None:
    pairs, first = forbidden_transitions()
    generator = np.random.default_rng(5)
    lengths = [1, 6, 3, 9, 2]
    ranges = [(sum(lengths[:i]), sum(lengths[:i + 1])) for i in range(len(lengths))]
    for _ in range(20):
        scores = generator.normal(size=(sum(lengths), len(LABELS)))
        scores[:, [LABELS.index(label) for label in LABELS if label.startswith("I-")]] += 3.0
        scores[[start for start, _ in ranges]] += first
        tags = [LABELS[i] for i in viterbi(scores, ranges, pairs).tolist()]
        for start, end in ranges:
            assert not tags[start].startswith("I-")
            assert all(allowed(a, b) for a, b in zip(tags[start:end - 1], tags[start + 1:end],
                                                      strict=True))
        assert any(tag.startswith("I-") for tag in tags)  # the boost was not simply lost


def _training_sentences(extractor: FeatureExtractor):
    from explorer.analysis.ner.neural import phrase_tag
    from explorer.analysis.ner.train_neural import TrainingSentence

    result = []
    generator = np.random.default_rng(2)
    for words in SENTENCES:
        documents = [("y1=O", "doc=PERS") if i % 2 else ("y1=B-LOC",) for i in range(len(words))]
        result.append(TrainingSentence(
            own=[extractor.word_features(word)[0] for word in words],
            keys=extractor.folded(words),
            phrases=[phrase_tag(f) for f in extractor.sentence_features(words)],
            documents=documents,
            first_scores=generator.dirichlet(np.ones(len(LABELS)), size=len(words)),
            tags=["O"] * len(words)))
    return result


def test_numpy_scores_equal_the_torch_model() -> None:
    torch = pytest.importorskip("torch")
    from explorer.analysis.ner.train_neural import (
        NeuralConfig,
        Vocabularies,
        batch_tensors,
        build_model,
        encode,
    )

    extractor = FeatureExtractor(load_resources())
    sentences = _training_sentences(extractor)
    vocabularies = Vocabularies.count(sentences[:-1], min_count=1)
    assert "Ж" not in vocabularies.chars and "ا" in vocabularies.chars
    torch.manual_seed(1)
    model = build_model(vocabularies, NeuralConfig(hidden=12, feature_dim=10, char_filters=7))
    model.eval()
    with torch.no_grad():  # non-zero start and end scores, so that both are checked
        model.start.normal_()
        model.end.normal_()
        inputs, _, mask = batch_tensors(encode(sentences, vocabularies), set(), 0.0,
                                         random.Random(0))
        expected = model(*inputs, mask)[mask].numpy()
        weights = NeuralWeights(**_tables(model.arrays(vocabularies)))
    tagger = NeuralTagger(weights, extractor)
    words = [word for sentence in SENTENCES for word in sentence]
    ends = np.cumsum([len(sentence) for sentence in SENTENCES]).tolist()
    ranges = list(zip([0, *ends[:-1]], ends, strict=True))
    inputs = ([p for s in sentences for p in s.phrases],
              [d for s in sentences for d in s.documents],
              np.concatenate([s.first_scores for s in sentences]))
    found = tagger.scores(words, ranges, *inputs)
    start, end = weights.arrays["start"], weights.arrays["end"]
    for first, last in ranges:
        found[first] -= start
        found[last - 1] -= end
    np.testing.assert_allclose(found, expected, atol=1e-4)
    # cached word vectors give the same scores the second time
    np.testing.assert_allclose(tagger.scores(words, ranges, *inputs),
                               tagger.scores(words, ranges, *inputs))


def _tables(arrays: dict[str, np.ndarray]) -> dict:
    """The fields of :class:`NeuralWeights` for ``arrays``, as its loader builds them."""
    def table(name: str, first: int) -> dict[str, int]:
        return {value: i + first for i, value in enumerate(arrays[name].tolist())}

    return {"arrays": arrays, "own": table("own_features", 1),
            "document": table("document_features", 1), "chars": table("characters", 2),
            "phrases": table("phrases", 1)}


def test_saved_arrays_are_the_same_bytes_and_load_back(tmp_path: Path) -> None:
    arrays = {"b": np.arange(6, dtype=np.float32).reshape(2, 3),
              "a": np.array(["كلمة", "word"], dtype=str)}
    save_arrays(tmp_path / "one.npz", arrays)
    save_arrays(tmp_path / "two.npz", dict(reversed(arrays.items())))
    assert (tmp_path / "one.npz").read_bytes() == (tmp_path / "two.npz").read_bytes()
    with np.load(tmp_path / "one.npz", allow_pickle=False) as loaded:
        assert loaded["a"].tolist() == ["كلمة", "word"]
        np.testing.assert_array_equal(loaded["b"], arrays["b"])


def test_the_shipped_model_loads_and_tags_without_network(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    recognizer = CrfRecognizer()
    text = "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الاتحاد الأوروبي سيرد."
    found = {(entity.type, entity.text) for entity in recognizer.recognize(text, tokenize(text))}
    assert ("PERS", "إيمانويل ماكرون") in found
    assert ("LOC", "باريس") in found
    # A sentence longer than the pieces the LSTM reads: the last piece is tagged too.
    long_text = " ".join(["وقال ماكرون في باريس"] * 70)
    tags = recognizer.tag(long_text, tokenize(long_text))
    assert len(tags) == 280 > 2 * PIECE
    assert tags[-1] == "B-LOC"


def test_a_damaged_neural_model_makes_the_backend_unavailable(tmp_path: Path) -> None:
    (tmp_path / FIRST_MODEL).write_bytes((DATA_DIR / FIRST_MODEL).read_bytes())
    (tmp_path / NEURAL_MODEL).write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(BackendUnavailable, match=NEURAL_MODEL) as error:
        CrfRecognizer(tmp_path)
    assert "\n" not in str(error.value)
    save_arrays(tmp_path / NEURAL_MODEL, {"labels": np.array(LABELS, dtype=str)})
    with pytest.raises(NeuralFormatError, match=r"not a tagger model \(no .*char_vectors"):
        NeuralWeights.load(tmp_path / NEURAL_MODEL)
    (tmp_path / NEURAL_MODEL).unlink()
    with pytest.raises(BackendUnavailable, match="missing"):
        CrfRecognizer(tmp_path)
