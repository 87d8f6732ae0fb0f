"""The default recogniser on real, untokenised text: exact offsets, no proclitic inside."""

from __future__ import annotations

import pytest

from explorer.analysis.ner import get_recognizer
from explorer.analysis.ner.resources import is_known_name, load_resources
from explorer.analysis.ner.spans import clitic_letters, entities_from_tags, tags_from_entities
from explorer.arabic.tokens import tokenize
from explorer.model import Entity


@pytest.fixture(scope="module")
def recognizer():
    return get_recognizer("crf")


def found(recognizer, text: str) -> list[tuple[str, str]]:
    entities = recognizer.recognize(text, tokenize(text))
    for entity in entities:
        assert text[entity.start:entity.end] == entity.text
    return [(entity.type, entity.text) for entity in entities]


@pytest.mark.parametrize(("word", "kind", "letters"), [
    ("وليد", "PERS", 0),        # و is part of the name
    ("لبنان", "LOC", 0),        # ل is part of the name
    ("والعراق", "LOC", 1),
    ("للعراق", "LOC", 2),       # ل + (ا)لعراق: both lams go
    ("بسوريا", "LOC", 1),
    ("وبريطانيا", "LOC", 1),     # ب belongs to the name
    ("وترامب", "PERS", 1),
    ("فيديريكا", "PERS", 0),    # a name's F, not the conjunction ف
    ("ويلفريد", "PERS", 0),     # a name's W
    ("بالادينو", "PERS", 0),    # not ب + ال + ادينو
    ("وَسوريا", "LOC", 1),      # marks are not letters
    ("والبيروني", "PERS", 1),   # «و» before a surname with the article, listed so or not
    ("والزمخشري", "PERS", 1),
    ("والتر", "PERS", 0),       # a W-name whose rest is short
    ("والتون", "PERS", 0),
    ("وعلي", "PERS", 1),        # «و» before a given name, listed whole or not
    ("وليلى", "PERS", 1),
    ("وسام", "PERS", 0),        # a given name itself
])
def test_clitic_letters(word: str, kind: str, letters: int) -> None:
    resources = load_resources()
    assert clitic_letters(word, kind, lambda key: is_known_name(resources, key)) == letters


def test_names_behind_clitics_start_after_them(recognizer) -> None:
    text = "وأكد وزير الخارجية الأمريكي مايك بومبيو، خلال زيارته لبغداد، دعم بلاده للعراق."
    result = found(recognizer, text)
    assert ("PERS", "مايك بومبيو") in result
    assert ("LOC", "بغداد") in result
    assert ("LOC", "عراق") in result


def test_conjunction_is_outside_places(recognizer) -> None:
    text = "وأعلنت منظمة الصحة العالمية في جنيف أن الوباء انتهى في لبنان والعراق وبريطانيا."
    result = found(recognizer, text)
    assert ("ORG", "منظمة الصحة العالمية") in result
    assert {("LOC", "جنيف"), ("LOC", "لبنان"), ("LOC", "العراق"), ("LOC", "بريطانيا")} <= set(
        result)


def test_surname_after_speech_verb_and_full_name(recognizer) -> None:
    text = ("وكان الرئيس الأمريكي دونالد ترامب قد وصل إلى بغداد.\n"
            "وقال ترامب إن بلاده لن تنسحب من سوريا.")
    result = found(recognizer, text)
    assert ("PERS", "دونالد ترامب") in result
    assert ("PERS", "ترامب") in result
    start = text.index("وقال ترامب") + len("وقال ")
    entity = next(e for e in recognizer.recognize(text, tokenize(text)) if e.start == start)
    assert entity.end == start + len("ترامب")


def test_tags_from_entities_marks_overlapped_tokens() -> None:
    text = "زار بومبيو والعراق"
    tokens = tokenize(text)
    entities = [Entity(4, 10, "بومبيو", "PERS"), Entity(12, 18, "العراق", "LOC")]
    assert tags_from_entities(tokens, entities) == ["O", "B-PERS", "B-LOC"]


def test_feature_cache_is_bounded_and_results_stay_the_same(
        recognizer, monkeypatch: pytest.MonkeyPatch) -> None:
    from explorer.analysis.ner import features

    text = "وأكد وزير الخارجية الأمريكي مايك بومبيو، خلال زيارته لبغداد، دعم بلاده للعراق."
    before = found(recognizer, text)
    monkeypatch.setattr(features, "MAX_CACHED_WORDS", 5)
    assert found(recognizer, text) == before
    found(recognizer, "جملة أخرى فيها كلمات جديدة كثيرة لم ترد من قبل هنا.")
    assert len(recognizer.features._own) <= 5 + 14


def test_unknown_name_after_a_title_chain(recognizer) -> None:
    # The tagger alone finds no one in the first (it finds the second envoy by itself since
    # the list of nationalities grew); the rule after it finds the minister.
    text = "أكدت وزيرة الصحة المغربية نادية العلمي أن الوضع مستقر."
    assert ("PERS", "نادية العلمي") in found(recognizer, text)
    text = ("ومن جهتها، أكدت المبعوثة الأممية الخاصة لشؤون المياه إيلينا بيرتولي أن الجانبين "
            "اتفقا على جدول الأعمال.")
    assert ("PERS", "إيلينا بيرتولي") in found(recognizer, text)


def test_no_person_made_of_a_title_alone(recognizer) -> None:
    text = "وقالت متحدثة باسم الجيش إن القوات انسحبت، وأعلنت متحدثة عسكرية إسرائيلية أن الهدوء عاد."
    assert not [kind for kind, _ in found(recognizer, text) if kind == "PERS"]



def test_rules_fire_in_whichever_sentence_holds_the_title(recognizer) -> None:
    # The rules after the tagger visit only the sentences that hold a title or an
    # institution head: one in the second and fourth lines of an article is still found.
    titled = "أكدت وزيرة الصحة المغربية نادية العلمي أن الوضع مستقر."  # the tagger alone: no one
    institution = "وأعلنت وزارة الخارجية التركية أن الوفد وصل."
    text = "\n".join(["وصل الوفد إلى المدينة مساء أمس", titled, "وانتهى الاجتماع.", institution])
    entities = recognizer.recognize(text, tokenize(text))
    person = next(e for e in entities if e.text == "نادية العلمي")
    body = next(e for e in entities if e.text == "وزارة الخارجية التركية")
    assert (person.type, body.type) == ("PERS", "ORG")
    assert text.index(titled) < person.start < text.index("وانتهى") < body.start


def test_a_person_loses_a_clitic_the_article_writes_without() -> None:
    resources = load_resources()

    def known(key: str) -> bool:
        return is_known_name(resources, key)

    assert clitic_letters("لدرويش", "PERS", known, frozenset({"درويش"})) == 1
    assert clitic_letters("لدرويش", "PERS", known) == 0


def test_the_pages_next_previous_buttons_are_no_part_of_a_name() -> None:
    # one paper's pages begin with its slider's «Next Previous»: not a name, nor its start
    text = "Next Previous نايف عبدالله – عين اليوم. شاهد Next فيلما"
    tokens = tokenize(text)
    tags = ["O"] * len(tokens)
    tags[0:4] = ["B-PERS", "I-PERS", "I-PERS", "I-PERS"]
    tags[len(tokens) - 2] = "B-MISC"  # «Next» alone, a title's word, stays
    entities = entities_from_tags(text, tokens, tags, lambda key: False)
    assert [(e.type, e.text) for e in entities] == [("PERS", "نايف عبدالله"), ("MISC", "Next")]
