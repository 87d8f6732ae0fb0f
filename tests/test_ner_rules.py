"""The corrections made to the tagger's person spans (``rules.correct_persons``)."""

from __future__ import annotations

import pytest

from explorer.analysis.ner.features import FeatureExtractor
from explorer.analysis.ner.resources import load_resources
from explorer.analysis.ner.rules import (
    correct_persons,
    currencies_are_no_bodies,
    names_after_titles,
    organisation_edges,
    persons_in_other_names,
    persons_that_are_words,
    persons_without_nunation,
    prayers_are_no_entities,
    prophets_are_no_persons,
    title_positions,
)


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


def test_a_speech_verb_in_front_is_cut(features) -> None:
    words = ["وقالت", "كارين", "سباراباني"]
    assert correct_persons(words, person(3), features) == ["O", *person(2)]


def test_a_latin_word_in_front_of_an_arabic_name_is_cut(features) -> None:
    words = ["Previous", "فيصل", "محفوظ"]
    assert correct_persons(words, person(3), features) == ["O", *person(2)]


@pytest.mark.parametrize("words", [
    ["فيديريكا", "موغيريني", "للرياض"],   # a preposition with the article
    ["خالد", "الفيصل", "بالرياض"],        # ... before a place the gazetteer knows
    ["محمد", "ظريف", "ليرى"],             # a verb after its particle
    ["باراك", "أوباما", "فسيكون"],
])
def test_the_next_word_of_the_sentence_is_cut_from_the_end(features, words) -> None:
    assert correct_persons(words, person(3), features) == [*person(2), "O"]


@pytest.mark.parametrize("words", [
    ["ماجد", "الصالح", "والذي"],          # «و» before a word with the article
    ["جورج", "ماكين", "والمدافعين"],
    ["باراك", "أوباما", "وإدارته"],       # «و» before a noun with its pronoun
    ["جوزيه", "مورينيو", "ومساعديه"],
    ["لويس", "غوميز", "ورغبته"],
])
def test_waw_before_the_next_phrase_is_cut_from_the_end(features, words) -> None:
    assert correct_persons(words, person(3), features) == [*person(2), "O"]


@pytest.mark.parametrize("words", [
    ["ديبورا", "والش"],             # a foreign name in «وال»
    ["سكوت", "ووكر"],               # «و» of the name itself
    ["أحمد", "وجيه"],               # a name in «ه», too short for a noun and pronoun
])
def test_a_name_that_begins_with_waw_is_not_cut(features, words) -> None:
    assert correct_persons(words, person(2), features) == person(2)


@pytest.mark.parametrize("words", [
    ["المعتصم", "بالله"],           # a name's own word
    ["سركيس", "باليان"],            # ب + ال + «يان»: no place, not written alone
    ["دراغان", "سيران"],            # a bare «س» is no particle
])
def test_a_name_that_ends_like_a_clitic_stays_whole(features, words) -> None:
    tags = person(len(words))
    corrected = correct_persons(words, tags, features)
    assert corrected[len(words) - 1] != "O"


def test_a_preposition_with_a_place_the_article_writes_alone_is_cut(features) -> None:
    words = ["فيصل", "بالششة", "وفي", "الششة"]
    tags = [*person(2), "O", "B-LOC"]
    assert correct_persons(words, tags, features)[:2] == ["B-PERS", "O"]


def test_a_name_that_stops_at_a_link_word_takes_the_next_word(features) -> None:
    words = ["بدر", "بن", "علي", "كحيل", "في"]  # «في»: nothing closes a family name
    tags = [*person(2), "O", "O", "O"]
    assert correct_persons(words, tags, features) == [*person(3), "O", "O"]


def test_a_given_name_in_front_of_a_compound_name_joins_it(features) -> None:
    words = ["الرئيس", "علي", "عبد", "الله", "صالح"]
    tags = ["O", "O", *person(3)]
    assert correct_persons(words, tags, features) == ["O", *person(4)]


def test_a_preposition_that_folds_like_a_given_name_does_not_join(features) -> None:
    # «على» folds to «علي»; «باسم» is also «in the name of»
    for first in ("على", "باسم"):
        words = [first, "عبد", "الله", "صالح"]
        assert correct_persons(words, ["O", *person(3)], features) == ["O", *person(3)]


def test_a_person_inside_the_name_of_a_body_or_place_is_not_a_person(features) -> None:
    words = ["في", "مستشفى", "الملك", "فيصل", "بجدة"]
    tags = ["O", "O", "O", "B-PERS", "B-LOC"]
    assert persons_in_other_names(words, tags, features) == [
        "O", "B-ORG", "I-ORG", "I-ORG", "B-LOC"]
    words = ["وجامعة", "الملك", "عبدالعزيز"]
    assert persons_in_other_names(words, ["O", "O", "B-PERS"], features) == [
        "B-ORG", "I-ORG", "I-ORG"]
    for head in ("جسر", "بمنتزه", "كأس", "جامعتي"):  # bridges, parks, cups, two universities
        assert persons_in_other_names([head, "الملك", "فهد"], ["O", "O", "B-PERS"],
                                      features)[2] != "B-PERS", head


def test_a_person_right_after_what_is_named_after_him_is_that_name(features) -> None:
    # «بمركز [سعد بن فهد] للتأهيل», «لدوري [عبدالعزيز جميل]», «شركة [بالتيكو]»
    for words in (["بمركز", "سعد", "بن", "فهد", "للتأهيل"], ["لدوري", "عبدالعزيز", "جميل"],
                  ["شركة", "بالتيكو"]):
        tags = ["O", *person(len(words) - 1)] if len(words) < 5 else [
            "O", *person(3), "O"]
        found = persons_in_other_names(words, tags, features)
        assert "B-PERS" not in found and found[0] == "B-ORG", words


def test_a_person_after_a_definite_head_or_through_a_road_stays_a_person(features) -> None:
    # «الفريق» is also a rank; «مدير الفريق بالنادي [خالد]» is a man; «عن طريق» is "through"
    for words in (["الفريق", "سامي", "عنان"], ["بالنادي", "نايف", "العتيبي"],
                  ["عن", "طريق", "سامي", "عنان"]):
        tags = ["O"] * (len(words) - 2) + person(2)
        assert persons_in_other_names(words, tags, features) == tags, words


def test_a_title_with_the_article_is_cut_even_where_names_begin_with_it(features) -> None:
    words = ["الأمير", "سعد", "الفيصل"]
    assert correct_persons(words, person(3), features) == ["O", *person(2)]


def test_a_place_spelt_with_jim_for_the_gazetteers_ghayn_is_a_place(features) -> None:
    # the gazetteer writes «الغابون» and «السنغال»
    for word in ("الجابون", "للسنجال"):
        assert persons_in_other_names(["إلى", word], ["O", "B-PERS"], features) == [
            "O", "B-LOC"], word


def test_god_is_no_person(features) -> None:
    assert persons_in_other_names(["ولله", "الحمد"], person(2), features) == ["O", "O"]
    # «بعد [توفيق الله] سبحانه»: a phrase about God before a word of praise
    assert persons_in_other_names(["بعد", "توفيق", "الله", "سبحانه"],
                                  ["O", *person(2), "O"], features) == ["O"] * 4
    assert persons_in_other_names(["وقال", "ضيف", "الله"], ["O", *person(2)],
                                  features) == ["O", *person(2)]


def test_an_unlisted_first_name_before_a_surname_link_joins_it(features) -> None:
    words = ["ومساعديه", "مناف", "أبو", "شقير"]
    assert correct_persons(words, ["O", "O", *person(2)], features) == ["O", *person(3)]
    for before in ("بحياة", "الشعراء"):  # a word with a clitic or the article stays out
        words = [before, "أبو", "سارة"]
        assert correct_persons(words, ["O", *person(2)], features) == ["O", *person(2)]


def test_a_given_name_before_a_family_name_taken_alone_joins_it(features) -> None:
    # «وقال المقدم علي الشهراني إنه», the tagger took «الشهراني» alone
    words = ["وقال", "المقدم", "علي", "الشهراني", "إنه"]
    assert correct_persons(words, ["O", "O", "O", "B-PERS", "O"], features) == [
        "O", "O", *person(2), "O"]
    # «على» is the preposition: «ضيقت الخناق على الأسد»; a title is no family name
    for words in (["الخناق", "على", "الأسد"], ["وقال", "علي", "الرئيس"]):
        assert correct_persons(words, ["O", "O", "B-PERS"], features) == [
            "O", "O", "B-PERS"], words

def test_a_headlines_present_verb_after_a_known_name_ends_the_person(features) -> None:
    # «سعود بن نايف يزور مصابي الحادث»: the verb right after its subject
    words = ["سعود", "بن", "نايف", "يزور", "مصابي"]
    assert correct_persons(words, [*person(4), "O"], features) == [*person(3), "O", "O"]
    # a foreign family name that reads as a verb stays: «جانيت يلين», and after «بن»
    for words in (["جانيت", "يلين"], ["حي", "بن", "يقظان"]):
        assert correct_persons(words, person(len(words)), features) == person(len(words))


def test_a_headlines_verb_in_the_dual_or_plural_ends_the_person(features) -> None:
    # «محمد عبده وطلال سلامة يغنيان»; «أبناء الملك الراحل عبدالله بن عبدالعزيز يدشنون»
    for words in (["طلال", "سلامة", "يغنيان", "سلمان"],
                  ["عبدالله", "بن", "عبدالعزيز", "يدشنون", "مسجد"]):
        size = len(words) - 2
        assert correct_persons(words, [*person(size + 1), "O"], features) == [
            *person(size), "O", "O"], words

def test_words_with_nunation_are_no_part_of_a_person() -> None:
    # cut from the edges: «وأوضحت أن جون مختفٍ منذ», a participle taken for a name
    assert persons_without_nunation(["أن", "جون", "مختفٍ", "منذ"], ["O", *person(2), "O"]) == [
        "O", "B-PERS", "O", "O"]
    assert persons_without_nunation(["،", "مبيناً", "أن"], ["O", "B-PERS", "O"]) == ["O"] * 3
    # one inside leaves nothing of the person: «محافظ عدن ووكيلاً أول»
    assert persons_without_nunation(["عدن", "ووكيلاً", "أول"], person(3)) == ["O"] * 3
    # a dual's ending with its sukun («معتمريْن»), not the sukuns of a vowelled name
    assert persons_without_nunation(["وقال", "معتمريْن"], ["O", "B-PERS"]) == ["O", "O"]
    assert persons_without_nunation(["عَبْدُ", "اللهِ"], person(2)) == person(2)
    tags = ["O", *person(2), "B-LOC"]  # a name without nunation and other types are kept
    assert persons_without_nunation(["قال", "عادل", "الجبير", "بالرياض"], tags) == tags


def test_a_speech_verb_after_a_name_is_cut(features) -> None:
    # «مشعل بن ماجد ينوه», «نور الدين فيرى»; «جون راي» keeps its name
    assert correct_persons(["مشعل", "بن", "ماجد", "ينوه"], person(4), features) == [
        *person(3), "O"]
    assert correct_persons(["نور", "الدين", "فيرى"], person(3), features) == [*person(2), "O"]
    assert correct_persons(["جون", "راي"], person(2), features) == person(2)


def test_no_span_grows_across_a_sentence_start(features) -> None:
    words = ["عيضة", "ابن", "طوير"]
    tags = ["O", *person(2)]
    assert correct_persons(words, tags, features, frozenset({1})) == tags
    assert correct_persons(words, tags, features) == person(3)


def test_names_the_curated_lists_know_are_no_persons_take_their_type(features) -> None:
    # places the gazetteer does not hold, platforms, and things that are no actor
    assert persons_in_other_names(["إلى", "جازان"], ["O", "B-PERS"], features) == [
        "O", "B-LOC"]
    assert persons_in_other_names(["حسابه", "بتويتر"], ["O", "B-PERS"], features) == [
        "O", "B-ORG"]
    # «زين» alone is the telecom company in the news, «زين العابدين» a person
    assert persons_in_other_names(["أرباح", "زين"], ["O", "B-PERS"], features) == [
        "O", "B-ORG"]
    assert persons_in_other_names(["زين", "العابدين"], person(2), features) == person(2)
    assert persons_in_other_names(["مكافحة", "فيروس", "كورونا"], ["O", *person(2)],
                                  features) == ["O"] * 3
    # «كارمن» is not «ك» + «ارمن»
    assert persons_in_other_names(["وداعا", "كارمن"], ["O", "B-PERS"], features) == [
        "O", "B-PERS"]


def test_a_movement_named_by_its_men_is_an_organisation(features) -> None:
    words = ["من", "ميليشيات", "الحوثي", "وصالح"]
    tags = ["O", "O", "B-PERS", "B-PERS"]
    assert persons_in_other_names(words, tags, features) == ["O", "O", "B-ORG", "B-PERS"]
    assert persons_in_other_names(words, ["O", *person(2), "B-PERS"], features) == [
        "O", "B-ORG", "I-ORG", "B-PERS"]


def test_a_people_or_faith_as_a_whole_is_no_person(features) -> None:
    for words in (["التجار", "الأرمن"], ["ملايين", "المسلمين"], ["يضم", "بحرينيين"],
                  ["وأعرب", "المغردون"]):
        assert persons_in_other_names(words, ["O", "B-PERS"], features) == ["O", "O"], words
    # surnames that end like a plural stay persons
    for name in ("الحسين", "الياسين", "الشاهين", "الجبير"):
        assert persons_in_other_names(["وقال", name], ["O", "B-PERS"], features) == [
            "O", "B-PERS"], name


def test_an_adjective_of_belonging_to_a_body_is_no_person(features) -> None:
    for words in (["التنظيم", "الداعشي", "الإرهابي"], ["بتنظيم", "إرهابي", "داعشي"]):
        tags = ["O", "B-PERS", "O"] if words[1] == "الداعشي" else ["O", "O", "B-PERS"]
        assert persons_in_other_names(words, tags, features) == ["O"] * 3, words
    # a name the lists know stays
    assert persons_in_other_names(["وقال", "طالباني"], ["O", "B-PERS"], features) == [
        "O", "B-PERS"]


@pytest.mark.parametrize(("words", "expected"), [
    (["لأجهزة", "أندرويد"], "O"),
    (["لمرض", "زهايمر"], "O"),
    (["عبر", "هاشتاق"], "O"),
    (["شكره", "سبكيم"], "B-ORG"),
    (["عناصر", "بوكو"], "B-ORG"),
    (["الجمهور", "النصراوي"], "O"),  # a club's supporters, with the article or without
    (["المهاجم", "الأورغوياني"], "O"),  # a nationality as news spells it
])
def test_products_and_companies_the_lists_know_are_no_persons(features, words,
                                                               expected) -> None:
    assert persons_in_other_names(words, ["O", "B-PERS"], features) == ["O", expected]


def test_a_lone_person_the_gazetteer_lists_as_a_place_takes_that_type(features) -> None:
    words = ["لصحيفة", "الرياض", "وقال", "أحمد"]
    tags = ["O", "B-PERS", "O", "B-PERS"]
    assert persons_in_other_names(words, tags, features) == ["O", "B-LOC", "O", "B-PERS"]


def test_an_organisation_is_cut_to_the_name_an_actor_goes_by(features) -> None:
    org = ["B-ORG", "I-ORG", "I-ORG"]
    assert organisation_edges(["قناة", "روناهي", "الكردية"], org, features) == [
        "O", "B-ORG", "O"]
    assert organisation_edges(["الكونجرس", "الأمريكي"], org[:2], features) == ["B-ORG", "O"]
    assert organisation_edges(["التحالف", "الدولي"], org[:2], features) == org[:2]
    assert organisation_edges(["الجامعة", "العربية"], org[:2], features) == org[:2]


def after_titles(words: list[str], features: FeatureExtractor,
                 tags: list[str] | None = None) -> list[str]:
    keys = features.folded(words)
    titles = title_positions(keys, features.stems(words), features.resources.titles)
    return names_after_titles(words, tags or ["O"] * len(words), features, titles)


def test_an_unknown_name_after_a_title_is_taken_when_it_ends_in_an_unlisted_word(
        features) -> None:
    words = ["المبعوث", "الأممي", "الخاص", "إلى", "سوريا", "غير", "بيدرسون", "،"]
    tags = ["O"] * 4 + ["B-LOC"] + ["O"] * 3
    assert after_titles(words, features, tags)[5:7] == person(2)
    words = ["وقال", "المدير", "سعد", "الشريدة", "."]  # a given name first
    assert after_titles(words, features)[2:4] == person(2)


def test_a_phrase_after_a_title_is_no_name(features) -> None:
    # its last word is a word the dictionary lists, alone or after a proclitic
    for words in (["النائب", "الثاني", "لرئيس", "مجلس", "الوزراء", "."],
                  ["للتواصل", "مع", "الكاتب", "ارسل", "رسالة", "SMS", "تبدأ"],
                  ["أرواح", "الرئيس", "بسبب", "أن", "الكل"],
                  ["رئيس", "المالديف", "بمناسبة", "ذكرى", "استقلال", "."]):
        assert "B-PERS" not in after_titles(words, features), words


def test_a_name_after_the_body_a_title_names_is_its_holder(features) -> None:
    # «الرئيسة التنفيذية للشركة [بريندا كولتير] أمس»: the tagger read a body; the body
    # is named already, so this is the title holder
    words = ["وقالت", "الرئيسة", "التنفيذية", "للشركة", "بريندا", "كولتير", "أمس", "إنها"]
    tags = ["O"] * 4 + ["B-ORG", "I-ORG"] + ["O"] * 2
    assert after_titles(words, features, tags)[4:6] == person(2)
    # a listed body, or one written with the article, stays a body
    for body in (["أرامكو"], ["بالجبيل"]):
        words = ["وقال", "الرئيس", "التنفيذي", "للشركة", *body, "إن"]
        tags = ["O"] * 4 + ["B-ORG"] + ["O"]
        assert after_titles(words, features, tags)[4] == "B-ORG", body


def test_a_name_the_tagger_cut_in_two_is_made_one(features) -> None:
    # «[عبدالخالق بدرالدين] [الحوثي]»: two persons with no word between them
    words = ["اعتقال", "المتمرد", "عبدالخالق", "بدرالدين", "الحوثي", "أمس"]
    tags = ["O", "O", "B-PERS", "I-PERS", "B-PERS", "O"]
    assert correct_persons(words, tags, features) == ["O", "O", *person(3), "O"]
    # not behind «و», and not where the words that meet are dictionary words
    for words in (["ويل", "سميث", "ومارغوت", "روبي"], ["آل", "سعود", "برقية", "عزاء"]):
        tags = person(2) + person(2)
        assert correct_persons(words, tags, features)[2] == "B-PERS", words


def test_a_surname_that_begins_with_waw_is_joined_to_its_given_name(features) -> None:
    # «وحسب [جيفري] [وايسنفيل]، أحد منظمي المظاهرة»: the «و» is the surname's own letter
    words = ["وحسب", "جيفري", "وايسنفيل", "،", "أحد", "منظمي"]
    tags = ["O", "B-PERS", "B-PERS", "O", "O", "O"]
    assert correct_persons(words, tags, features) == ["O", *person(2), "O", "O", "O"]
    # a second person: a given name or a dictionary word after «و», «و» before a
    # consonant or «أ», or a name the article also writes alone
    for words in (["الشقيقتين", "سارة", "وياسمين", "،"], ["اللاعبين", "محمد", "وكريم", "،"],
                  ["النجمين", "رونالدو", "وروماريو", "،"], ["نظريات", "فرويد", "وأدلر", "،"],
                  ["تألق", "ميسي", "وايسنفيل", "،", "وسجل", "ايسنفيل"]):
        tags = ["O", "B-PERS", "B-PERS", *["O"] * (len(words) - 3)]
        assert correct_persons(words, tags, features)[2] == "B-PERS", words
    words = ["المخرجين", "أسامة", "فوزي", "وايسنفيل", "،"]
    tags = ["O", "B-PERS", "I-PERS", "B-PERS", "O"]
    assert correct_persons(words, tags, features)[3] == "B-PERS"


def test_a_title_in_the_plural_is_no_person(features) -> None:
    words = ["أكد", "مديرو", "التعليم", "جاهزية"]
    tags = ["O", "B-PERS", "O", "O"]
    assert persons_that_are_words(words, tags, features) == ["O"] * 4
    # the title itself is left to the other rules
    assert persons_that_are_words(["مدير"], ["B-PERS"], features) == ["B-PERS"]


@pytest.mark.parametrize("words", [
    ["اشتكى", "منسوبو", "الإدارة", "العامة"],
    ["ويقول", "ممثلو", "الادعاء", "إن"],
    ["يعايد", "منسوبي", "\"", "الحرس", "الوطني", "\""],
    ["والتقى", "بمنسوبي", "الفوج"],  # behind a proclitic
])
def test_a_participles_plural_in_construct_is_no_person(features, words) -> None:
    tags = ["O", "B-PERS", *["O"] * (len(words) - 2)]
    assert persons_that_are_words(words, tags, features) == ["O"] * len(words)


def test_a_participles_plural_behind_li_ends_the_person(features) -> None:
    # «تحدث الأمير متعب بن عبدالله [لمنسوبي] قوة الواجب»: to the men of, not a name
    words = ["الأمير", "متعب", "بن", "عبدالله", "لمنسوبي", "قوة"]
    assert correct_persons(words, ["O", *person(4), "O"], features) == [
        "O", *person(3), "O", "O"]


@pytest.mark.parametrize("words", [
    ["انضم", "اللاعب", "مشاري", "الثمالي"],  # a name in «ي» of a short word
    ["أكد", "منسوبو", "،", "والمحاضر"],  # governing no definite word
])
def test_a_name_or_an_unconstructed_plural_stays(features, words) -> None:
    tags = ["O", "O", "B-PERS", "O"] if words[1] == "اللاعب" else ["O", "B-PERS", "O", "O"]
    assert persons_that_are_words(words, tags, features) == tags


@pytest.mark.parametrize("words", [
    ["وقال", "مسعفون", "إن"],  # a participle's plural: people named by what they do
    ["أمران", "ملكيان", "بترقية"],  # a dual
    ["الباكستانيون", "يموتون", "حرا"],  # a present verb's plural
    ["ما", "لم", "ينظرا", "ويبتسمان", "."],
])
def test_a_participles_or_verbs_plural_alone_is_no_person(features, words) -> None:
    at = next(i for i, word in enumerate(words) if word.endswith(("ون", "ان")) and i)
    tags = ["O"] * len(words)
    tags[at] = "B-PERS"
    assert persons_that_are_words(words, tags, features) == ["O"] * len(words)


def test_a_name_that_ends_like_a_participles_plural_stays(features) -> None:
    for words in (["أما", "السيدة", "مارتين", "،"], ["وقال", "مأمون", "إن"]):
        tags = ["O", "O", "B-PERS", "O"] if len(words) == 4 else ["O", "B-PERS", "O"]
        assert persons_that_are_words(words, tags, features) == tags, words


def test_an_honorific_alone_is_no_person(features) -> None:
    words = ["لمعالي", "وزير", "التعليم", "ومعالي", "وزير", "الصحة"]
    tags = ["O", "O", "O", "B-PERS", "O", "O"]
    assert persons_that_are_words(words, tags, features) == ["O"] * 6


@pytest.mark.parametrize(("words", "tags", "expected"), [
    # a currency or unit after a word of amount
    (["بقيمة", "360", "مليار", "يوان", "("], ["O", "O", "O", "B-PERS", "O"], ["O"] * 5),
    (["اختفاء", "80", "مليون", "بيزو", "أرجنتيني"], ["O", "O", "O", *person(2)], ["O"] * 5),
    (["مقدارها", "250", "ألف", "روبل"], ["O", "O", "O", "B-PERS"], ["O"] * 4),
    # what the money went for, behind «ل»
    (["و8", "ملايين", "لفابيان", "ديلف", "من"], ["O", "O", *person(2), "O"],
     ["O", "O", *person(2), "O"]),
    # «ألف» with no number before it is «wrote»
    (["ولما", "ألف", "إسحاق", "الأنباري", "كتاب"], ["O", "O", *person(2), "O"],
     ["O", "O", *person(2), "O"]),
])
def test_a_currency_after_an_amount_is_no_person(features, words, tags, expected) -> None:
    assert persons_that_are_words(words, tags, features) == expected


def test_an_adjective_after_a_definite_noun_is_no_person(features) -> None:
    words = ["وأضاف", "أن", "الائتمان", "الممنوح", "لأغراض"]
    tags = ["O", "O", "O", "B-PERS", "O"]
    assert persons_that_are_words(words, tags, features) == ["O"] * 5
    # after a title it is the man's name; so is a surname the article gives in full
    assert persons_that_are_words(["الرئيس", "الممنوح"], ["O", "B-PERS"], features) == [
        "O", "B-PERS"]
    words = ["خالد", "الممنوح", "قال", "الائتمان", "الممنوح"]
    tags = [*person(2), "O", "O", "B-PERS"]
    assert persons_that_are_words(words, tags, features) == tags


def test_a_blessing_after_the_prophets_name_ends_it(features) -> None:
    words = ["نبي", "الرحمة", "محمد", "صلوات", "الله", "وسلامه", "عليه"]
    tags = ["O", "O", *person(2), "O", "O", "O"]
    assert persons_that_are_words(words, tags, features) == [
        "O", "O", "B-PERS", "O", "O", "O", "O"]


def test_a_prayer_after_a_name_ends_it_and_alone_is_no_person(features) -> None:
    # «الملك [سلمان بن عبدالعزيز أيده الله]»: the prayer is no part of the name
    words = ["الملك", "سلمان", "بن", "عبدالعزيز", "أيده", "الله", "عمق"]
    tags = ["O", *person(5), "O"]
    assert persons_that_are_words(words, tags, features) == ["O", *person(3), "O", "O", "O"]
    # «القيادة [حفظهما الله]»: a prayer alone
    words = ["القيادة", "حفظهما", "الله", "وأن"]
    assert persons_that_are_words(words, ["O", *person(2), "O"], features) == ["O"] * 4
    # punctuation before the prayer goes with it: «-» alone would be a person
    words = ["الملك", "عبدالعزيز", "بن", "عبدالرحمن", "-", "رحمه", "الله", "،"]
    tags = ["O", *person(6), "O"]
    assert persons_that_are_words(words, tags, features) == ["O", *person(3), *["O"] * 4]
    # names that only look like one stay: «رحمة الله» (Rahmatullah), a verb without «الله»
    for words in (["وقال", "رحمة", "الله", "يوسف", "زائي"], ["وقال", "حفظه", "العتيبي"]):
        tags = ["O", *person(len(words) - 1)]
        assert persons_that_are_words(words, tags, features) == tags, words


def test_prophets_are_no_persons_and_a_companion_is(features) -> None:
    words = ["سنة", "النبي", "محمد", "صلى", "الله", "عليه", "وسلم", "وإن", "يوسف", "(",
             "عليه", "السلام", ")", "وقال", "أبو", "بكر", "رضي", "الله", "عنه"]
    tags = ["O", "O", "B-PERS", "O", "O", "O", "O", "O", "B-PERS", "O", "O", "O", "O", "O",
            *person(2), "O", "O", "O"]
    expected = list(tags)
    expected[2] = expected[8] = "O"
    assert prophets_are_no_persons(words, tags, features) == expected
    # «رسول الله» inside the span, and the blessing itself taken for a name
    words = ["رسول", "الله", "محمد", "قال", "صلى", "الله"]
    tags = [*person(3), "O", *person(2)]
    assert prophets_are_no_persons(words, tags, features) == ["O"] * 6


def test_a_foreign_name_in_wal_is_no_article_word_before_the_name(features) -> None:
    # «والتر» is Walter, not «و» + «ال» + a word; «والي» (governor) is a word
    words = ["الأمريكي", "والتر", "بالمر", "قد", "دفع"]
    tags = ["O", *person(2), "O", "O"]
    assert correct_persons(words, tags, features) == tags
    words = ["وقال", "والي", "أورفة", "عز", "الدين"]
    tags = ["O", *person(2), "O", "O"]
    assert correct_persons(words, tags, features) == ["O", "O", "B-PERS", "O", "O"]


@pytest.mark.parametrize(("words", "expected"), [
    (["فإن", "ماركو", "روسي"], ["O", *person(2)]),              # a particle before the name
    (["ريفربليت", "فإن", "مورا"], ["B-PERS", "O", "B-PERS"]),   # ... between two names
    (["سامي", "عباس", "وفي"], [*person(2), "O"]),                # ... after it
])
def test_no_person_runs_over_a_particle(features, words, expected) -> None:
    assert correct_persons(words, person(3), features) == expected


def test_van_and_ali_as_written_stay_in_the_name(features) -> None:
    # «فان» folds like «فإن»; «على» is often «علي»
    assert correct_persons(["لويس", "فان", "غال"], person(3), features) == person(3)
    assert correct_persons(["على", "خامنئي"], person(2), features) == person(2)


@pytest.mark.parametrize(("words", "tags", "expected"), [
    # a family name in «ي» the tagger left after the chain joins it
    (["العميد", "مشبب", "بن", "محمد", "القحطاني", "،", "مدير"],
     ["O", *person(3), "O", "O", "O"], ["O", *person(4), "O", "O"]),
    (["المدير", "ذعار", "فرج", "الحبيشي", "،"], ["O", *person(2), "O", "O"],
     ["O", *person(3), "O"]),
    # an adjective in «ي» whose stem is a dictionary word, a nationality, «الذي» and
    # «التقى» (written with «ى») end the name
    (["باراك", "أوباما", "التاريخي", "في"], [*person(2), "O", "O"], [*person(2), "O", "O"]),
    (["صالح", "بن", "فريد", "القيادي", "في"], [*person(3), "O", "O"],
     [*person(3), "O", "O"]),
    (["علي", "بن", "حسن", "المصري", "إن"], [*person(3), "O", "O"], [*person(3), "O", "O"]),
    (["محمد", "بن", "سلمان", "الذي", "زار"], [*person(3), "O", "O"], [*person(3), "O", "O"]),
    (["محمد", "بن", "نايف", "التقى", "الوفد"], [*person(3), "O", "O"],
     [*person(3), "O", "O"]),
    # a one-word person takes no family name this way («مورينهو [التدريبي]» is a word)
    (["مورينهو", "الشمراني"], ["B-PERS", "O"], ["B-PERS", "O"]),
])
def test_a_family_name_in_ya_after_a_name_joins_it(features, words, tags, expected) -> None:
    assert correct_persons(words, tags, features) == expected


@pytest.mark.parametrize(("words", "tags", "expected"), [
    # a given name alone, then a family name that is a dictionary word: the article tags
    # that word as a person's elsewhere, so it is the name's
    (["مجموعة", "محمد", "المعجل", "أبرمت", "عقدا", "و", "قال", "المعجل", "إن"],
     ["O", "B-PERS", "O", "O", "O", "O", "O", "B-PERS", "O"],
     ["O", *person(2), "O", "O", "O", "O", "B-PERS", "O"]),
    (["المنشد", "فهد", "مطر", "بشيلة", "و", "أنشد", "مطر"],
     ["O", "B-PERS", "O", "O", "O", "O", "B-PERS"],
     ["O", *person(2), "O", "O", "O", "B-PERS"]),
    # a family name no dictionary explains joins without such evidence
    (["للمنشد", "عبدالعزيز", "العليوي", "تفاعل"], ["O", "B-PERS", "O", "O"],
     ["O", *person(2), "O"]),
    # a dictionary word the article never gives a person stays out: a participle, a
    # noun; a preposition even when written as the name «علي» is elsewhere
    (["الملا", "عمر", "المؤسس", "الفعلي"], ["O", "B-PERS", "O", "O"],
     ["O", "B-PERS", "O", "O"]),
    (["كسب", "رضا", "الجماهير"], ["O", "B-PERS", "O"], ["O", "B-PERS", "O"]),
    (["تزوج", "نزار", "مرتين", "في"], ["O", "B-PERS", "O", "O"], ["O", "B-PERS", "O", "O"]),
    (["يمارسها", "عباس", "مستقويا", "بخصوم"], ["O", "B-PERS", "O", "O"],
     ["O", "B-PERS", "O", "O"]),
    (["تسببت", "جمال", "سائبة", "في"], ["O", "B-PERS", "O", "O"], ["O", "B-PERS", "O", "O"]),
    (["ومنه", "إلى", "زكريا", "أمام", "المرمى"], ["O", "O", "B-PERS", "O", "O"],
     ["O", "O", "B-PERS", "O", "O"]),
    (["طرد", "حازم", "إمام", "كابتن", "و", "إمام"], ["O", "B-PERS", "O", "O", "O", "B-PERS"],
     ["O", *person(2), "O", "O", "B-PERS"]),
    # with the article, a feminine adjective or a plural is the next phrase's, even where
    # the tagger took that word for a person's elsewhere
    (["طوارئ", "سعود", "الطبية", "و", "سعود", "الطبية"],
     ["O", "B-PERS", "O", "O", *person(2)], ["O", "B-PERS", "O", "O", *person(2)]),
    (["يناقش", "بيل", "الصعوبات", "و", "بيل", "الصعوبات"],
     ["O", "B-PERS", "O", "O", *person(2)], ["O", "B-PERS", "O", "O", *person(2)]),
    (["وقوات", "صالح", "على", "مواقع", "و", "علي", "صالح"],
     ["O", "B-PERS", "O", "O", "O", *person(2)], ["O", "B-PERS", "O", "O", "O", *person(2)]),
    # not after a word that is no given name, nor across a sentence start
    (["مورينهو", "المعجل", "و", "المعجل"], ["B-PERS", "O", "O", "B-PERS"],
     ["B-PERS", "O", "O", "B-PERS"]),
])
def test_a_given_name_alone_takes_the_family_name_after_it(features, words, tags, expected
                                                          ) -> None:
    assert correct_persons(words, tags, features) == expected


def test_no_family_name_is_taken_across_a_sentence_start(features) -> None:
    words = ["قال", "محمد", "المعجل", "و", "المعجل"]
    tags = ["O", "B-PERS", "O", "O", "B-PERS"]
    assert correct_persons(words, tags, features, frozenset({2})) == tags


@pytest.mark.parametrize(("words", "tags", "expected"), [
    # her given name, a dictionary word after a title, begins her name
    (["الأميرة", "مشاعل", "بنت", "عبدالمحسن", "بن", "عبدالعزيز"], ["O", "O", *person(4)],
     ["O", *person(5)]),
    (["الأستاذة", "شريفة", "بنت", "محمد", "العمري"], ["O", "O", *person(3)],
     ["O", *person(4)]),
    # no title and no given name before «بنت»: a girl, not a name's link
    (["وأعطيتها", "هدية", "بنت", "عمي"], ["O", "O", *person(2)], ["O", "O", *person(2)]),
])
def test_a_womans_given_name_before_bint_joins_her_name(features, words, tags, expected
                                                       ) -> None:
    assert correct_persons(words, tags, features) == expected


@pytest.mark.parametrize("word", ["رحمته", "برحمته", "وحكومته", "هوايته", "صلاتك",
                                  "بذكرياته", "عباراتك"])  # and plurals in «ات»
def test_a_noun_in_ta_with_a_pronoun_is_no_person(features, word) -> None:
    # «يتغمدهما بواسع [رحمته]»: mercy, his
    words = ["يتغمده", "بواسع", word, "."]
    assert persons_that_are_words(words, ["O", "O", "B-PERS", "O"], features) == ["O"] * 4


def test_a_name_that_ends_like_a_plural_with_a_pronoun_stays(features) -> None:
    words = ["وقال", "حسن", "شحاته", "إن"]
    tags = ["O", *person(2), "O"]
    assert persons_that_are_words(words, tags, features) == tags


@pytest.mark.parametrize(("words", "at"), [
    (["ما", "رأيك", "في", "ذلك", "،", "أنت", "؟"], 1),  # interview: your opinion, you
    (["احفظ", "لسانك", "فإن", "كلامك", "عليك"], 1),  # advice: your tongue, your words
    (["قبل", "فقرك", "وصحتك", "قبل", "سقمك"], 1),  # a saying: your poverty, your health
    (["وبرأيك", "هل", "تغني", "المناطق", "الباردة", "عنك", "؟"], 0),
])
def test_a_word_with_your_in_an_addressed_sentence_is_no_person(features, words, at
                                                                ) -> None:
    tags = ["O"] * len(words)
    tags[at] = "B-PERS"
    assert persons_that_are_words(words, tags, features) == ["O"] * len(words)


@pytest.mark.parametrize(("words", "first", "last"), [
    # dialogue and verse: «what is your opinion», «your tongue is your horse»
    (["قالت", "وش", "رأيك", "في", "الفستان", "؟", "هل", "أعجبك"], 1, 3),
    (["يرددون", "المثل", "لسانك", "حصانك", "إن", "صنته", "صانك"], 2, 4),
    (["كيف", "تبدأ", "مشروعك", "الصغير", "إذا", "كنت", "أنت", "المدير"], 2, 4),
])
def test_a_phrase_with_your_in_an_addressed_article_is_no_person(features, words, first,
                                                                  last) -> None:
    tags = ["O"] * len(words)
    tags[first:last] = person(last - first)
    assert persons_that_are_words(words, tags, features) == ["O"] * len(words)


@pytest.mark.parametrize("words", [
    # a foreign name whose «ك» reads as «your», beside a name or a word no dictionary
    # explains, in an article that speaks to its reader
    ["وشاركت", "ساندرا", "بولوك", "في", "الفيلم", "،", "هل", "شاهدته", "أنت", "؟"],
    ["وقال", "ومارك", "اوكيفي", "إن", "الفيلم", "يعجبك", "أنت"],
    ["كتبه", "رتشارد", "ودمارك", "،", "وعليك", "أن", "تقرأه"],
])
def test_a_foreign_name_ending_in_kaf_stays_a_person(features, words) -> None:
    tags = ["O"] * len(words)
    tags[1:3] = person(2)
    assert persons_that_are_words(words, tags, features) == tags


@pytest.mark.parametrize("words", [
    ["وقال", "ماسك", "إن", "الشركة", "ستنمو"],  # Musk: «ماس» is a word, nobody is addressed
    ["وقال", "توسك", "إن", "القمة", "انتهت"],
    ["ويشارك", "مبارك", "في", "سلوك", "الفريق"],  # words whose «ك» is their own
    ["الإطاحة", "بمبارك", "أنت", "تعرفها"],  # a name the lists know, behind «ب»
])
def test_names_ending_in_kaf_stay_persons(features, words) -> None:
    tags = ["O"] * len(words)
    tags[1] = "B-PERS"
    assert persons_that_are_words(words, tags, features) == tags


@pytest.mark.parametrize("word", ["جوته", "بيليه", "فاطمة"])
def test_names_that_end_like_a_pronoun_stay_persons(features, word) -> None:
    words = ["وقال", word, "إن"]
    assert persons_that_are_words(words, ["O", "B-PERS", "O"], features) == ["O", "B-PERS", "O"]


@pytest.mark.parametrize(("words", "expected"), [
    (["روى", "ديفيد", "ريمنيك"], ["O", *person(2)]),  # narrated, written with «ى»
    (["ونوه", "بن", "رقوش"], ["O", *person(2)]),  # a cue no list knows for a name
    (["وأورد", "بولاك"], ["O", "B-PERS"]),
    (["روي", "ميلر"], person(2)),  # Roy: folded like «روى», written otherwise
    (["وروي", "ماكاي"], person(2)),
    (["تري", "باركر"], person(2)),
])
def test_a_speech_verb_before_the_name_is_cut(features, words, expected) -> None:
    assert correct_persons(words, person(len(words)), features) == expected


@pytest.mark.parametrize(("words", "tags", "expected"), [
    # the chain's family name, closed by a comma or by a title after it
    (["وكيل", "المحافظة", "علي", "بن", "إبراهيم", "فلقي", "،", "ومديرو"],
     ["O", "O", *person(3), "O", "O", "O"], ["O", "O", *person(4), "O", "O"]),
    (["أسامة", "بن", "جعفر", "فقيه", "ومعالي", "رئيس"], [*person(3), "O", "O", "O"],
     [*person(4), "O", "O"]),
    # a preposition, a verb, a word behind a proclitic, or nothing that closes the name
    (["أسامة", "بن", "لادن", "قبل", "أن"], [*person(3), "O", "O"], [*person(3), "O", "O"]),
    (["محمد", "بن", "سلمان", "يلتقي", "رئيس"], [*person(3), "O", "O"],
     [*person(3), "O", "O"]),
    (["فيصل", "بن", "عبدالله", "برعاية", "الأستاذ"], [*person(3), "O", "O"],
     [*person(3), "O", "O"]),
    (["سلطان", "بن", "محمد", "المطوع", "كلمة"], [*person(3), "O", "O"],
     [*person(3), "O", "O"]),
    # a title right after may govern the word («نقل ... [دعوة] الملك»); a preposition with
    # a pronoun, or a noun with one behind «ب», is no name before a comma or a stop
    (["محمد", "بن", "سلمان", "دعوة", "الملك"], [*person(3), "O", "O"],
     [*person(3), "O", "O"]),
    (["سلمان", "بن", "عبدالعزيز", "لهم", "،"], [*person(3), "O", "O"],
     [*person(3), "O", "O"]),
    (["عبدالله", "بن", "عبدالعزيز", "بترميمه", "."], [*person(3), "O", "O"],
     [*person(3), "O", "O"]),
])
def test_a_family_name_closing_a_chain_joins_it(features, words, tags, expected) -> None:
    assert correct_persons(words, tags, features) == expected


@pytest.mark.parametrize(("words", "tags", "expected"), [
    # after a commoner's title, a word with the article closes the chain whatever follows
    (["الدكتور", "عبدالله", "بن", "عبدالعزيز", "الربيعة", "للتخفيف", "من"],
     ["O", *person(3), "O", "O", "O"], ["O", *person(4), "O", "O"]),
    (["المهندس", "عبدالله", "بن", "عبدالرحمن", "الحصين", "45", "عقدا"],
     ["O", *person(3), "O", "O", "O"], ["O", *person(4), "O", "O"]),
    (["والأستاذ", "سعود", "بن", "حمدان", "العنزي", "فرقة"],
     ["O", *person(3), "O", "O"], ["O", *person(4), "O"]),
    # a royal's chain is followed by his office or the sentence's object
    (["الأمير", "خالد", "بن", "عبدالله", "التخلي", "عن"],
     ["O", *person(3), "O", "O"], ["O", *person(3), "O", "O"]),
    # a role in apposition, a time word, a word without the article
    (["الشيخ", "عبدالعزيز", "بن", "رقوش", "المشرف", "العام"],
     ["O", *person(3), "O", "O"], ["O", *person(3), "O", "O"]),
    (["الدكتور", "محمد", "بن", "علي", "الخميس", "الماضي"],
     ["O", *person(3), "O", "O"], ["O", *person(3), "O", "O"]),
    (["الدكتور", "محمد", "بن", "علي", "زيارة", "للمركز"],
     ["O", *person(3), "O", "O"], ["O", *person(3), "O", "O"]),
])
def test_a_family_name_after_a_commoners_chain_joins_it(features, words, tags,
                                                         expected) -> None:
    assert correct_persons(words, tags, features) == expected


def test_a_prayer_is_no_entity_of_any_type(features) -> None:
    # «الملك فيصل - [رحمه الله] -» was tagged a place, «[وفقك الله]» a body
    words = ["فيصل", "-", "رحمه", "الله", "-", "وقال", "له", "وفقك", "الله"]
    tags = ["B-PERS", "O", "B-LOC", "I-LOC", "O", "O", "O", "B-ORG", "I-ORG"]
    assert prayers_are_no_entities(words, tags, features) == ["B-PERS"] + ["O"] * 8
    # «إلى رحمة الله» with «ة» is no prayer (Rahmatullah is a name): left as it is
    assert prayers_are_no_entities(["رحمة", "الله"], ["B-LOC", "I-LOC"], features) == [
        "B-LOC", "I-LOC"]


@pytest.mark.parametrize(("words", "tags", "expected"), [
    (["في", "قرية", "ابن", "نومة"], ["O", "O", *person(2)], ["O", "O", "B-LOC", "I-LOC"]),
    # a place a direction is given from, after one direction or two
    (["كيلومتر", "جنوب", "غربي", "نيكولسكي"], ["O", "O", "O", "B-PERS"],
     ["O", "O", "O", "B-LOC"]),
    (["في", "بيجي", "شمال", "صلاح", "الدين"], ["O", "B-LOC", "O", *person(2)],
     ["O", "B-LOC", "O", "B-LOC", "I-LOC"]),
    (["يقصد", "قبيلة", "ابن", "مهنا"], ["O", "O", *person(2)], ["O", "O", "B-ORG", "I-ORG"]),
    # a region's name («محافظة صلاح الدين»), but not a place and the man after it
    (["في", "محافظة", "صلاح", "الدين"], ["O", "O", *person(2)], ["O", "O", "B-LOC", "I-LOC"]),
    (["محافظة", "ذي", "قار", "حميد", "الغزي"], ["O", *person(4)], ["O", *person(4)]),
    # with the article, the man after the tribe or village is in apposition
    (["شيخ", "القبيلة", "سعيد", "السبحي"], ["O", "O", *person(2)], ["O", "O", *person(2)]),
    # a drug, an operation
    (["تناولوا", "عقار", "روزجليتازون"], ["O", "O", "B-PERS"], ["O", "O", "B-MISC"]),
    (["قوات", "عاصفة", "الحزم"], ["O", "O", "B-PERS"], ["O", "O", "B-MISC"]),
])
def test_a_name_after_tribe_or_village_is_that_tribe_or_village(features, words, tags,
                                                                 expected) -> None:
    assert persons_in_other_names(words, tags, features) == expected


@pytest.mark.parametrize(("words", "tags", "expected"), [
    # after an amount, «ريال» is the currency, tagged as «دولار» is
    (["تبلغ", "154", "مليار", "ريال", "("], ["O", "O", "O", "B-ORG", "O"],
     ["O", "O", "O", "B-MISC", "O"]),
    (["بين", "(", "700", "-", "1200", ")", "ريال"], ["O"] * 6 + ["B-ORG"],
     ["O"] * 6 + ["B-MISC"]),
    (["حوالي", "120مليار", "ريال"], ["O", "O", "B-PERS"], ["O", "O", "B-MISC"]),
    # a span that ran on past the currency loses the rest
    (["3500", "ريال", "للمتر"], ["O", "B-ORG", "I-ORG"], ["O", "B-MISC", "O"]),
    # without an amount it is the club
    (["وسعى", "ريال", "جاهدا"], ["O", "B-ORG", "O"], ["O", "B-ORG", "O"]),
    (["أمام", "ريال", "مدريد"], ["O", "B-ORG", "I-ORG"], ["O", "B-ORG", "I-ORG"]),
])
def test_the_riyal_after_an_amount_is_no_body(features, words, tags, expected) -> None:
    assert currencies_are_no_bodies(words, tags, features) == expected
