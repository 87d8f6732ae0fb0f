"""Feature augmentation: the news view of a model is its shared weights plus the news copy,
and WikiFANE's split clitics are joined back as running text writes them."""

from __future__ import annotations

import numpy as np

from explorer.analysis.ner.conll import Sentence
from explorer.analysis.ner.crfsuite_file import CrfWeights
from explorer.analysis.ner.domains import (
    NEWS,
    WIKIFANE,
    DomainFeatures,
    domain_bias,
    domain_view,
    neural_domain_view,
)
from explorer.analysis.ner.wikifane import rejoin_clitics


def test_features_are_given_again_under_their_domain() -> None:
    augmented = DomainFeatures().augment([["bias", "w=x"]], WIKIFANE)
    assert augmented == [["bias", "w=x", "wikifane@bias", "wikifane@w=x"]]


def test_the_news_view_adds_the_news_copy_and_drops_the_others() -> None:
    names = ["bias", "news@bias", "wikifane@bias", "news@w=x", "w=y"]
    state = np.array([[1.0, 0.0], [0.5, 0.5], [9.0, 9.0], [2.0, 0.0], [0.0, 3.0], [0.0, 0.0]])
    weights = CrfWeights(("O", "B-PERS"), {n: i for i, n in enumerate(names)}, state,
                         np.eye(2))
    view = domain_view(weights, NEWS)
    rows = {name: view.state[i].tolist() for name, i in view.attributes.items()}
    assert rows == {"bias": [1.5, 0.5], "w=x": [2.0, 0.0], "w=y": [0.0, 3.0]}
    assert view.state[view.unknown].tolist() == [0.0, 0.0]
    assert view.transition is weights.transition


def test_a_model_without_domains_is_its_own_view() -> None:
    weights = CrfWeights(("O",), {"bias": 0}, np.zeros((2, 1)), np.zeros((1, 1)))
    assert domain_view(weights) is weights


def test_the_neural_news_view_joins_the_domain_vector_to_the_bias() -> None:
    arrays = {"own_features": np.array(["bias", domain_bias(NEWS), domain_bias(WIKIFANE), "w=x"]),
              "own_vectors": np.arange(10.0).reshape(5, 2), "labels": np.array(["O"])}
    view = neural_domain_view(arrays)
    assert view["own_features"].tolist() == ["bias", "w=x"]
    assert view["own_vectors"].tolist() == [[0.0, 1.0], [2.0 + 4.0, 3.0 + 5.0], [8.0, 9.0]]
    assert view["labels"] is arrays["labels"]


def test_split_clitics_are_joined_to_their_words() -> None:
    sentence = Sentence(
        ["و", "تعتبر", "مدينة", "جوبا", "عاصمة", "ها", "،", "ل", "الحكومة", "و", "ملكال", "."],
        ["O", "O", "O", "B-LOC", "O", "O", "O", "O", "B-ORG", "O", "B-LOC", "O"])
    joined = rejoin_clitics(sentence)
    assert joined.tokens == ["وتعتبر", "مدينة", "جوبا", "عاصمتها", "،", "للحكومة", "وملكال", "."]
    assert joined.tags == ["O", "O", "B-LOC", "O", "O", "B-ORG", "B-LOC", "O"]


def test_a_letter_split_inside_a_name_is_joined_back_as_it_was() -> None:
    sentence = Sentence(["المنوفي", "ه", "في"], ["B-LOC", "I-LOC", "O"])
    assert rejoin_clitics(sentence).tokens == ["المنوفيه", "في"]


def test_a_clitic_before_punctuation_stays() -> None:
    sentence = Sentence(["و", "15", "."], ["O", "O", "O"])
    assert rejoin_clitics(sentence).tokens == ["و", "15", "."]
