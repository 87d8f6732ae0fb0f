"""Tagging with a CRF's weights in numpy gives exactly CRFsuite's tags, and the weights
survive the shipped file format."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from explorer.analysis.ner import BackendUnavailable, scoring
from explorer.analysis.ner.conll import read_conll
from explorer.analysis.ner.crf import FIRST_MODEL, CrfRecognizer
from explorer.analysis.ner.crfsuite_file import (
    ModelFormatError,
    load_weights,
    read_crfsuite,
    save_weights,
)
from explorer.analysis.ner.features import FeatureExtractor, split_sentences
from explorer.analysis.ner.neural import NEURAL_MODEL
from explorer.analysis.ner.resources import DATA_DIR, load_resources
from explorer.analysis.ner.scoring import EmissionScorer
from explorer.analysis.ner.train import fit_crf
from explorer.arabic.tokens import tokenize
from explorer.corpus import load
from explorer.model import Article

pycrfsuite = pytest.importorskip("pycrfsuite")
SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


@pytest.fixture(scope="module")
def recognizer() -> CrfRecognizer:
    return CrfRecognizer()


def _sample_words() -> list[list[str]]:
    articles = [item for item in load([SAMPLES]) if isinstance(item, Article)]
    assert len(articles) == 15
    return [[token.text for token in tokenize(article.text)] for article in articles]


@pytest.fixture(scope="module")
def crfsuite_model(recognizer: CrfRecognizer, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CRFsuite model with every kind of feature the recogniser makes, trained here on
    the sample articles as the shipped recogniser tags them (the shipped first pass is
    one domain's view of such a model, which CRFsuite's format cannot hold)."""
    features = FeatureExtractor(load_resources())
    xseqs, yseqs = [], []
    for words in _sample_words():
        tags = recognizer.stacked_tags(words, split_sentences(words))
        for start, end in split_sentences(words):
            xseqs.append(features.sentence(words[start:end]))
            yseqs.append(tags[start:end])
    path = tmp_path_factory.mktemp("crfsuite") / "first.model"
    fit_crf(xseqs, yseqs, path, {"c1": 0.05, "c2": 0.05, "max_iterations": 40})
    return path


@pytest.fixture(scope="module")
def first(crfsuite_model: Path) -> EmissionScorer:
    weights = read_crfsuite(crfsuite_model)
    return EmissionScorer(weights, FeatureExtractor(load_resources(),
                                                    known=frozenset(weights.attributes)))


def crfsuite_tags(model: Path, words: list[str], ranges: list[tuple[int, int]]) -> list[str]:
    """The tags python-crfsuite gives for every feature of the words."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    features = FeatureExtractor(load_resources())
    return [tag for start, end in ranges for tag in tagger.tag(features.sentence(words[start:end]))]


def test_weights_are_those_crfsuite_lists(crfsuite_model: Path) -> None:
    weights = read_crfsuite(crfsuite_model)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(crfsuite_model))
    info = tagger.info()
    assert set(weights.attributes) == set(info.attributes)
    label = {name: i for i, name in enumerate(weights.labels)}
    assert set(label) == set(info.labels)
    listed = np.zeros_like(weights.transition)  # info() leaves out the weights L1 made zero
    for (source, target), weight in info.transitions.items():
        listed[label[source], label[target]] = weight
    assert weights.transition == pytest.approx(listed, abs=1e-6)
    assert len(info.state_features) > 1_000
    for (attribute, target), weight in info.state_features.items():
        assert weights.state[weights.attributes[attribute], label[target]] == pytest.approx(
            weight, abs=1e-6)  # info() prints six decimals
    assert not weights.state[weights.unknown].any()


def test_a_file_that_is_no_model_is_refused(crfsuite_model: Path, tmp_path: Path) -> None:
    path = tmp_path / "crf1.model"
    path.write_bytes(b"not a model at all, just some bytes")
    with pytest.raises(ModelFormatError, match="not a CRFsuite model"):
        read_crfsuite(path)
    path.write_bytes(crfsuite_model.read_bytes()[:5000])
    with pytest.raises(ModelFormatError, match="crf1.model"):
        read_crfsuite(path)


def test_saved_weights_load_as_they_were(crfsuite_model: Path, tmp_path: Path) -> None:
    weights = read_crfsuite(crfsuite_model)
    save_weights(tmp_path / "one.npz", weights)
    save_weights(tmp_path / "two.npz", weights)
    assert (tmp_path / "one.npz").read_bytes() == (tmp_path / "two.npz").read_bytes()
    loaded = load_weights(tmp_path / "one.npz")
    assert loaded.labels == weights.labels and loaded.attributes == weights.attributes
    assert np.array_equal(loaded.state, weights.state)
    assert np.array_equal(loaded.transition, weights.transition)
    (tmp_path / "bad.npz").write_bytes((tmp_path / "one.npz").read_bytes()[:3000])
    with pytest.raises(ModelFormatError, match="bad.npz"):
        load_weights(tmp_path / "bad.npz")


def test_a_damaged_model_makes_the_backend_unavailable(tmp_path: Path) -> None:
    (tmp_path / FIRST_MODEL).write_bytes((DATA_DIR / FIRST_MODEL).read_bytes()[:3000])
    (tmp_path / NEURAL_MODEL).write_bytes((DATA_DIR / NEURAL_MODEL).read_bytes())
    with pytest.raises(BackendUnavailable, match="crf1.npz"):
        CrfRecognizer(tmp_path)


def test_viterbi_finds_the_best_sequence_of_every_sentence() -> None:
    generator = np.random.default_rng(3)
    labels = 3
    lengths = [4, 1, 5, 2, 4, 3]
    ranges = [(sum(lengths[:i]), sum(lengths[:i + 1])) for i in range(len(lengths))]
    scores = generator.normal(size=(sum(lengths), labels))
    transition = generator.normal(size=(labels, labels))
    found = scoring.viterbi(scores, ranges, transition)
    for start, end in ranges:
        def total(path: tuple[int, ...], start: int = start) -> float:
            return (sum(scores[start + i, y] for i, y in enumerate(path))
                    + sum(transition[y, z] for y, z in itertools.pairwise(path)))
        best = max(itertools.product(range(labels), repeat=end - start), key=total)
        assert tuple(found[start:end]) == best


def test_tags_equal_crfsuite_tags_on_the_sample_articles(first: EmissionScorer,
                                                         crfsuite_model: Path) -> None:
    for words in _sample_words():
        ranges = split_sentences(words)
        tags = first.tag(words, ranges)[0]
        assert tags == crfsuite_tags(crfsuite_model, words, ranges)
        assert {tag[2:] for tag in tags} >= {"PERS", "LOC"}


def test_small_decoding_groups_give_the_same_tags(recognizer: CrfRecognizer,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    words = _sample_words()[0]
    ranges = split_sentences(words)
    expected = recognizer.stacked_tags(words, ranges)
    monkeypatch.setattr(scoring, "_GROUP_CELLS", 40)  # a group per sentence or two
    assert recognizer.stacked_tags(words, ranges) == expected


@pytest.mark.skipif(not CORPORA.is_dir(), reason="needs ../shared/corpora")
def test_tags_equal_crfsuite_tags_on_news_text(first: EmissionScorer,
                                               crfsuite_model: Path) -> None:
    sentences = read_conll(CORPORA / "anercorp_train.conll")[-400:]
    for start in range(0, len(sentences), 50):
        article = sentences[start:start + 50]
        words = [word for sentence in article for word in sentence.tokens]
        ends = list(itertools.accumulate(len(sentence.tokens) for sentence in article))
        ranges = list(zip([0, *ends[:-1]], ends, strict=True))
        assert first.tag(words, ranges)[0] == crfsuite_tags(crfsuite_model, words, ranges)


def test_tags_equal_those_from_every_feature() -> None:
    filtered = CrfRecognizer()
    unfiltered = CrfRecognizer()
    unfiltered.features = FeatureExtractor(unfiltered.resources)
    for scorer in (unfiltered._first, unfiltered._second):
        scorer.features = unfiltered.features
    articles = [item for item in load([SAMPLES]) if isinstance(item, Article)]
    for article in articles:
        tokens = tokenize(article.text)
        assert filtered.tag(article.text, tokens) == unfiltered.tag(article.text, tokens)
    words = [token.text for token in tokenize(articles[0].text)]
    every = unfiltered.features.sentence(words)
    kept = filtered.features.sentence(words)
    assert sum(map(len, kept)) < sum(map(len, every))
