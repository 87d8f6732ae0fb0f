"""The corrections made to the tagger's person spans (``rules.correct_persons``)."""

from __future__ import annotations

import pytest

from explorer.analysis.ner.features import FeatureExtractor
from explorer.analysis.ner.resources import load_resources
from explorer.analysis.ner.rules import correct_persons


@pytest.fixture(scope="module")
def features() -> FeatureExtractor:
    return FeatureExtractor(load_resources())


def person(size: int) -> list[str]:
    return ["B-PERS"] + ["I-PERS"] * (size - 1)


def test_two_persons_joined_by_and_are_split(features) -> None:
    # «وروي»: «و» before «روي», which begins names in the corpora; «وكلارنس» is not split,
    # since «كلارنس» is in no list the rule reads.
    words = ["مارك", "فان", "بومل", "وكلارنس", "سيدورف", "وروي", "ماكاي"]
    assert correct_persons(words, person(7), features) == person(5) + person(2)
    assert correct_persons(["سولانا", "ولاريجاني"], person(2), features) == ["B-PERS"] * 2


def test_a_name_that_begins_with_waw_stays_whole(features) -> None:
    # «وليد» is a given name itself, not «و» + «ليد»
    words = ["محمد", "وليد", "الحسن"]
    assert correct_persons(words, person(3), features) == person(3)


def test_an_article_word_in_front_is_cut(features) -> None:
    words = ["الشهير", "جون", "بون", "جوفي"]
    assert correct_persons(words, person(4), features) == ["O", *person(3)]
