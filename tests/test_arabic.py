"""Arabic primitives: token offsets, matching keys, clitics and transliteration."""

from __future__ import annotations

from explorer.arabic import fold, name_key, strip_marks, tokenize
from explorer.arabic.clitics import name_variants, strip_proclitics
from explorer.arabic.normalize import offset_after_letters
from explorer.arabic.tokens import sentence_spans
from explorer.arabic.translit import transliterate


def test_tokens_keep_diacritics_and_tatweel_with_exact_offsets() -> None:
    text = "وقالَ المُتحدّث بـاسم الـوزارة: «لن نقبل» بنسبة 3.5% في ٢٠٢٦."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == [
        "وقالَ", "المُتحدّث", "بـاسم", "الـوزارة", ":", "«", "لن", "نقبل", "»", "بنسبة",
        "3.5", "%", "في", "٢٠٢٦", "."]
    for token in tokens:
        assert text[token.start:token.end] == token.text


def test_tokens_of_latin_names_and_punctuation() -> None:
    text = 'قال John O\'Brien (CNN): "yes".'
    assert [t.text for t in tokenize(text)] == [
        "قال", "John", "O'Brien", "(", "CNN", ")", ":", '"', "yes", '"', "."]


def test_fold_removes_marks_and_folds_letters() -> None:
    assert fold("إلهامُ أحمـد") == fold("الهام احمد") == "الهام احمد"
    assert fold("مُستشفى الجامعة") == "مستشفي الجامعه"
    assert fold("ﻻ") == "لا"  # presentation form, NFKC
    assert fold("Trump") == "trump"
    assert strip_marks("قَـالَ") == "قال"


def test_proclitics_are_split_only_when_a_stem_remains() -> None:
    assert strip_proclitics("والحكومة") == ("وال", "حكومة")
    assert strip_proclitics("للحكومة") == ("لل", "حكومة")
    assert strip_proclitics("وليد") == ("", "وليد")
    assert strip_proclitics("بلد") == ("", "بلد")
    assert strip_proclitics("وسوريا") == ("و", "سوريا")


def test_name_key_merges_spellings() -> None:
    assert name_key("وإلهام أحمد") == name_key("الهام احمد")
    assert name_key("الأمم المتحدة") == name_key("الامم المتحده")


def test_name_variants_offer_the_article_as_part_of_a_name() -> None:
    assert ("و", "العراق") in name_variants("والعراق")
    assert ("ل", "العراق") in name_variants("للعراق")
    assert name_variants("سوريا") == []


def test_offset_after_letters_skips_marks() -> None:
    assert offset_after_letters("وَسوريا", 1) == 2
    assert offset_after_letters("وسوريا", 1) == 1


def test_sentence_spans() -> None:
    text = "جملة أولى. جملة ثانية؟ ثالثة\n\nرابعة"
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "جملة أولى.", "جملة ثانية؟", "ثالثة", "رابعة"]


def test_a_dot_after_a_lone_letter_ends_no_sentence() -> None:
    # titles and agencies abbreviated letter by letter: «(د. ب. أ)» is dpa
    text = "وقالت مصادر لوكالة الأنباء (د. ب. أ) إن الطيران نفذ طلعاته. وقال د. محمد إنه بخير."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "وقالت مصادر لوكالة الأنباء (د. ب. أ) إن الطيران نفذ طلعاته.",
        "وقال د. محمد إنه بخير."]
    dated = "يعقد المؤتمر في 10 شوال 1436 ه. وحسب البيان فإن الشركة ستعلن نتائجها."
    assert len(sentence_spans(dated)) == 2  # «ه.» closes its Hijri year


def test_transliteration_keeps_length() -> None:
    assert transliterate("مايك بومبيو", "buckwalter") == "mAyk bwmbyw"
    text = "قالَ ترامب 2026"
    assert len(transliterate(text, "hsb")) == len(text)


def test_derived_verbal_nouns_are_told_from_adjectives_elatives_and_participles() -> None:
    from explorer.arabic.verbal_nouns import is_derived_verbal_noun

    nouns = ["تاكيد", "التزام", "انسحاب", "استمرار", "تعاقد"]
    others = ["تركيه", "اعلي", "اول", "تابع", "تابعه", "تنفيذي", "اتحاديه", "عام", "انباء",
              "اكراد"]
    assert [is_derived_verbal_noun(fold(word)) for word in nouns] == [True] * len(nouns)
    assert [is_derived_verbal_noun(fold(word)) for word in others] == [False] * len(others)
