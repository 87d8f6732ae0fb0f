"""Leaving out features the models do not know must not change a single tag."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.analysis.ner.crf import FIRST_MODEL, SECOND_MODEL, CrfRecognizer
from explorer.analysis.ner.features import FeatureExtractor
from explorer.analysis.ner.model_attributes import ModelFormatError, model_attributes
from explorer.analysis.ner.resources import DATA_DIR
from explorer.arabic.tokens import tokenize
from explorer.corpus import load
from explorer.model import Article

pycrfsuite = pytest.importorskip("pycrfsuite")
SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"


@pytest.mark.parametrize("name", [FIRST_MODEL, SECOND_MODEL])
def test_attributes_are_those_crfsuite_lists(name: str) -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(DATA_DIR / name))
    assert model_attributes(DATA_DIR / name) == frozenset(tagger.info().attributes)


def test_a_file_that_is_no_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "crf1.model"
    path.write_bytes(b"not a model at all, just some bytes")
    with pytest.raises(ModelFormatError, match="not a CRFsuite model"):
        model_attributes(path)


def test_tags_equal_those_from_every_feature() -> None:
    filtered = CrfRecognizer()
    unfiltered = CrfRecognizer()
    unfiltered.features = FeatureExtractor(unfiltered.resources)
    articles = [item for item in load([SAMPLES]) if isinstance(item, Article)]
    assert articles
    for article in articles:
        tokens = tokenize(article.text)
        assert filtered.tag(article.text, tokens) == unfiltered.tag(article.text, tokens)
    words = [token.text for token in tokenize(articles[0].text)]
    every = unfiltered.features.sentence(words)
    kept = filtered.features.sentence(words)
    assert sum(map(len, kept)) < sum(map(len, every))
