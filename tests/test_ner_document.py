"""Article-level NER features and consistency: what the first pass said of the same word
elsewhere, and names carried to their other mentions."""

from __future__ import annotations

import pytest

from explorer.analysis.ner.document import document_features, propagate
from explorer.analysis.ner.features import FeatureExtractor
from explorer.analysis.ner.resources import load_resources


@pytest.fixture(scope="module")
def features() -> FeatureExtractor:
    return FeatureExtractor(load_resources())


def test_a_word_learns_how_it_was_tagged_elsewhere(features: FeatureExtractor) -> None:
    words = ["قال", "دونالد", "ترامب", ".", "ورد", "ترامب", "."]
    tags = ["O", "B-PERS", "I-PERS", "O", "O", "O", "O"]
    found = document_features(words, tags, features)
    assert found[5][:3] == ("y1=O", "y1-1=O", "y1+1=O")
    assert "doc=PERS" in found[5] and "doc=SURNAME" in found[5]  # «ترامب» ended a name
    assert "doc=O" in found[2] and "doc=PERS" not in found[2]  # only itself was PERS


def test_a_name_tagged_once_is_tagged_at_its_other_mentions(features: FeatureExtractor
                                                            ) -> None:
    resources = load_resources()
    words = ["قال", "دونالد", "ترامب", "إن", "ترامب", "سيزور", "لندن", "."]
    tags = ["O", "B-PERS", "I-PERS", "O", "O", "O", "B-LOC", "O"]
    result = propagate(words, tags, features, resources)
    assert result[4] == "B-PERS"
    assert result[:4] == tags[:4] and result[5:] == tags[5:]


def test_a_nationality_ending_a_name_is_not_carried_to_its_other_uses(
        features: FeatureExtractor) -> None:
    resources = load_resources()
    # the tagger ended a name with «العربية»; the language and culture are no persons
    words = ["زار", "ضريح", "مريم", "العربية", ".", "وكتب", "بلغة", "عربية", "عن",
             "الثقافة", "العربية", "."]
    tags = ["O", "O", "B-PERS", "I-PERS", "O", "O", "O", "O", "O", "O", "O", "O"]
    assert propagate(words, tags, features, resources) == tags
