"""Quote finding and speaker attribution on small articles, one pattern at a time."""

from __future__ import annotations

import pytest

from explorer.analysis.actors import build_corpus
from explorer.analysis.pipeline import analyze
from explorer.arabic.normalize import fold
from explorer.model import Article, Corpus


def _corpus(text: str) -> Corpus:
    result = analyze(Article("a.txt", "a.txt", text.split("\n")[0], text))
    return build_corpus([(result.article, result.actors)])


def _quotes(text: str) -> list[tuple[str, str, str | None, str]]:
    """(kind, cue, speaker name, content) of each quote, in text order."""
    corpus = _corpus(text)
    article = corpus.articles[0]
    rows = []
    for quote in article.quotes:
        assert article.text[quote.start:quote.end] == quote.text
        speaker = corpus.actor_by_id[quote.speaker].name if quote.speaker else None
        rows.append((quote.kind, quote.cue, speaker, quote.text))
    return rows


HEAD = "عنوان الخبر\n\n"


def test_direct_quote_after_cue_and_colon() -> None:
    [(kind, cue, speaker, content)] = _quotes(
        HEAD + "وقال وزير الخارجية الأردني سامر الخطيب للصحفيين: «لن نقبل بأي حل منقوص».")
    assert (kind, cue, speaker, content) == ("direct", "قال", "سامر الخطيب",
                                             "لن نقبل بأي حل منقوص")


@pytest.mark.parametrize("marks", [("«", "»"), ("\"", "\""), ("“", "”"), ("„", "“")])
def test_every_kind_of_quotation_mark(marks: tuple[str, str]) -> None:
    opening, closing = marks
    [(kind, _, speaker, content)] = _quotes(
        HEAD + f"وقالت وزيرة الصحة نادية العلمي: {opening}نريد التزامات ملموسة{closing}.")
    assert (kind, speaker, content) == ("direct", "نادية العلمي", "نريد التزامات ملموسة")


def test_quote_over_several_sentences_keeps_them_all() -> None:
    [(_, _, _, content)] = _quotes(
        HEAD + "وقال المدير العام للمنظمة ماركوس فيلدمان: «الأزمة حقيقية. نعيشها اليوم. "
        "ولن ننتظر أكثر».\n\nوتشارك في القمة وفود كثيرة.")
    assert content == "الأزمة حقيقية. نعيشها اليوم. ولن ننتظر أكثر"


def test_cue_after_the_quote() -> None:
    [(kind, cue, speaker, content)] = _quotes(
        HEAD + "طرح وزير الخارجية الأردني سامر الخطيب مقترحاً.\n\n"
        "«نحن لا نفرض حلولاً على أحد»، قال الخطيب في مؤتمر صحفي.")
    assert (kind, cue, speaker, content) == ("direct", "قال", "سامر الخطيب",
                                             "نحن لا نفرض حلولاً على أحد")


def test_according_to_after_the_quote() -> None:
    rows = _quotes(HEAD + "وقالت الناشطة زينب الموسوي إن الوضع صعب.\n\n"
                   "«الملوحة تجاوزت كل الحدود»، بحسب ما قالت الموسوي.")
    assert rows[-1][0] == "direct"
    assert rows[-1][2:] == ("زينب الموسوي", "الملوحة تجاوزت كل الحدود")


def test_nested_marks_give_one_quote() -> None:
    [(_, _, speaker, content)] = _quotes(
        HEAD + "وقال رئيس الوزراء كمال الطرابلسي: «ما يسمى \"الموازنة التقشفية\" ليس إلا "
        "تسمية سياسية».")
    assert speaker == "كمال الطرابلسي"
    assert content == "ما يسمى \"الموازنة التقشفية\" ليس إلا تسمية سياسية"


def test_unbalanced_mark_does_not_swallow_the_article() -> None:
    rows = _quotes(
        HEAD + "وقال وزير المالية كمال الطرابلسي: «الموازنة واقعية\n\n"
        "وأكدت النائبة سلمى بن عمر أن العجز سيرتفع.")
    assert ("indirect", "أكدت", "سلمى بن عمر", "العجز سيرتفع") in rows
    direct = [r for r in rows if r[0] == "direct"]
    assert direct and direct[0][3] == "الموازنة واقعية"


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    rows = _quotes(HEAD + "وتأتي الجولة ضمن ما بات يُعرف بـ«مسار عمّان»، وتختتم بإعلان "
                   "يحمل اسم «ميثاق مراكش» في حضور قناة «الجزيرة».")
    assert rows == []


def test_media_name_in_marks_before_the_real_quote() -> None:
    [(_, _, speaker, content)] = _quotes(
        HEAD + "وقالت المتحدثة باسم الهيئة، ليلى حدّاد، في تصريح لإذاعة «موزاييك إف إم»: "
        "«لن نسمح بالتأجيل».")
    assert (speaker, content) == ("ليلى حداد", "لن نسمح بالتأجيل")


def test_headline_with_colon_is_a_quote_of_the_named_speaker() -> None:
    rows = _quotes("روسّي: اتفاق مبدئي على لجنة مشتركة\n\n"
                   "أعلنت المبعوثة الأممية إيلينا روسّي أن الطرفين اتفقا.")
    assert rows[0] == ("direct", ":", "إيلينا روسي", "اتفاق مبدئي على لجنة مشتركة")


def test_headline_role_resolves_to_the_person_holding_it() -> None:
    rows = _quotes("وزير الموارد المائية العراقي: لن نوقع أي اتفاق\n\n"
                   "وقال وزير الموارد المائية العراقي حيدر الساعدي إن المفاوضات صعبة.")
    assert rows[0][:3] == ("direct", ":", "حيدر الساعدي")


def test_headline_tag_is_not_a_speaker() -> None:
    assert _quotes("عاجل: انفجار في الميناء\n\nوقع انفجار كبير صباح اليوم.") == []


@pytest.mark.parametrize(("sentence", "cue", "content"), [
    ("وأكد وزير المالية كمال الطرابلسي أن العجز سينخفض.", "أكد", "العجز سينخفض"),
    ("وقال وزير المالية كمال الطرابلسي إن العجز سينخفض.", "قال", "العجز سينخفض"),
    ("وأشار وزير المالية كمال الطرابلسي إلى أن العجز سينخفض.", "أشار", "العجز سينخفض"),
    ("وشدد وزير المالية كمال الطرابلسي على أن العجز سينخفض.", "شدد", "العجز سينخفض"),
    ("وحذر وزير المالية كمال الطرابلسي من أن العجز سيرتفع.", "حذر", "العجز سيرتفع"),
    ("وصرح وزير المالية كمال الطرابلسي بأن العجز سينخفض.", "صرح", "العجز سينخفض"),
    ("فأوضح وزير المالية كمال الطرابلسي أن العجز سينخفض.", "أوضح", "العجز سينخفض"),
    ("ويرى وزير المالية كمال الطرابلسي أن العجز سينخفض.", "يرى", "العجز سينخفض"),
])
def test_indirect_speech_verbs(sentence: str, cue: str, content: str) -> None:
    [(kind, found_cue, speaker, found_content)] = _quotes(HEAD + sentence)
    assert (kind, found_cue, speaker, found_content) == ("indirect", cue, "كمال الطرابلسي",
                                                         content)


def test_participles_continue_the_speaker() -> None:
    rows = _quotes(HEAD + "وقال وزير المالية كمال الطرابلسي إن العجز سينخفض، مضيفاً أن "
                   "الدين مستقر، ومشيراً إلى أن النمو سيتحسن.")
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("قال", "كمال الطرابلسي", "العجز سينخفض"),
        ("مضيفاً", "كمال الطرابلسي", "الدين مستقر"),
        ("مشيراً", "كمال الطرابلسي", "النمو سيتحسن"),
    ]


def test_participle_after_a_non_speech_main_verb() -> None:
    [(_, cue, speaker, _)] = _quotes(
        HEAD + "ودافع وزير المالية كمال الطرابلسي عن المشروع، مؤكداً أن الموازنة واقعية.")
    assert (cue, speaker) == ("مؤكداً", "كمال الطرابلسي")


def test_verbal_noun_cue() -> None:
    [(kind, cue, speaker, content)] = _quotes(
        HEAD + "ويأتي هذا بعد يومين من تأكيد وزيرة الصحة نادية العلمي أن الوضع مستقر.")
    assert (kind, cue, speaker, content) == ("indirect", "تأكيد", "نادية العلمي", "الوضع مستقر")


def test_verbal_noun_without_content_clause_is_not_a_quote() -> None:
    assert _quotes(HEAD + "وفي أعقاب إعلان الوزارة عن الخطة التقى الوزير بالوفد.") == []


def test_expressing_support_is_not_reported_speech() -> None:
    assert _quotes(HEAD + "وكان الرئيس الأمريكي دونالد ترامب عبر في رسالة عن تأييده "
                   "المطلق لبقاء القوات.") == []


def test_implicit_subject_takes_the_last_speaker_of_the_same_gender() -> None:
    rows = _quotes(
        HEAD + "وقال وزير المالية كمال الطرابلسي إن العجز سينخفض.\n\n"
        "وقالت النائبة سلمى بن عمر إن الأرقام غير دقيقة.\n\n"
        "وأضاف أن الحكومة ستنشر التفاصيل.\n\nوتابعت أن المعارضة ستطعن في القانون.")
    assert [(r[1], r[2]) for r in rows] == [
        ("قال", "كمال الطرابلسي"), ("قالت", "سلمى بن عمر"),
        ("أضاف", "كمال الطرابلسي"), ("تابعت", "سلمى بن عمر")]


def test_surname_resolves_to_the_full_name() -> None:
    rows = _quotes(HEAD + "التقى وزير المالية كمال الطرابلسي بالنواب.\n\n"
                   "وأوضح الطرابلسي أن الحكومة ستخفض العجز.")
    assert rows == [("indirect", "أوضح", "كمال الطرابلسي", "الحكومة ستخفض العجز")]


def test_title_and_name_in_apposition_give_the_role() -> None:
    corpus = _corpus(HEAD + "وبدوره أفاد متحدث باسم الخارجية، روبرت بالادينو، أن العملية "
                     "ستتواصل.")
    [quote] = corpus.articles[0].quotes
    actor = corpus.actor_by_id[quote.speaker]
    assert actor.name == "روبرت بالادينو"
    assert actor.roles == ["متحدث باسم الخارجية"]


def test_role_alone_resolves_to_its_holder() -> None:
    rows = _quotes(HEAD + "وصل وزير الخارجية الأردني سامر الخطيب إلى بغداد.\n\n"
                   "وقال وزير الخارجية الأردني إن الزيارة ناجحة.")
    assert rows == [("indirect", "قال", "سامر الخطيب", "الزيارة ناجحة")]


def test_institutions_and_states_speak() -> None:
    rows = _quotes(HEAD + "أعلنت وزارة الخارجية الأردنية أن الاجتماعات ستستمر.\n\n"
                   "وتقول أنقرة إن مشاريعها لا تضر أحداً.")
    assert [(r[2], r[3]) for r in rows] == [
        ("وزارة الخارجية الأردنية", "الاجتماعات ستستمر"),
        ("أنقرة", "مشاريعها لا تضر أحداً")]


def test_anonymous_source_has_no_speaker_actor() -> None:
    [(kind, _, speaker, content)] = _quotes(HEAD + "وقال مصدر أمني إن الهجوم وقع فجراً.")
    assert (kind, speaker, content) == ("indirect", None, "الهجوم وقع فجراً")


def test_statement_as_subject_is_a_source_with_no_speaker_named() -> None:
    # news readers count what a statement or report says («وقالت تقارير عسكرية إن»),
    # but it names no one who said it; a thing as subject is the writer's own claim
    assert _quotes(HEAD + "وأكد البيان أن الاجتماع سيعقد الأحد.") == [
        ("indirect", "أكد", None, "الاجتماع سيعقد الأحد")]
    assert _quotes(HEAD + "وكشفت الأرقام أن الصادرات تراجعت.") == []


def test_indirect_content_stops_at_the_next_cue() -> None:
    rows = _quotes(HEAD + "ويأتي هذا بعد تأكيد النائبة سلمى بن عمر أن القوات ستبقى وأكدت "
                   "بن عمر في حوار أن الأزمة مستمرة.")
    assert [r[3] for r in rows] == ["القوات ستبقى", "الأزمة مستمرة"]
    assert {r[2] for r in rows} == {"سلمى بن عمر"}


def test_unmarked_direct_speech_after_a_colon() -> None:
    [(kind, _, speaker, content)] = _quotes(
        HEAD + "وقال وزير المالية كمال الطرابلسي: الموازنة ليست تقشفية بل واقعية")
    assert (kind, speaker, content) == ("direct", "كمال الطرابلسي",
                                        "الموازنة ليست تقشفية بل واقعية")


def test_cue_keeps_its_written_form_without_the_conjunction() -> None:
    [(_, cue, _, _)] = _quotes(HEAD + "وقـالت وزيرة الصحة نادية العلمي إن الوضع مستقر.")
    assert cue == "قـالت"
    assert fold(cue) == "قالت"


def test_reported_through_an_agency_names_the_source() -> None:
    [(_, cue, speaker, content)] = _quotes(
        HEAD + "ونقلت وكالة تاس عن مصدر دبلوماسي قوله إن جولة جديدة قد تعقد في جنيف.")
    assert (cue, speaker, content) == ("قوله", None, "جولة جديدة قد تعقد في جنيف")


def test_names_with_particles_stop_where_the_name_ends() -> None:
    corpus = _corpus(HEAD + "استقبل الرئيس عبد الفتاح السيسي وزير الخارجية السعودي الأمير "
                     "فيصل بن فرحان تحيات الملك سلمان بن عبد العزيز.")
    names = {a.name for a in corpus.actors if a.type == "PERS"}
    assert {"عبد الفتاح السيسي", "فيصل بن فرحان", "سلمان بن عبد العزيز"} <= names
    assert not any("تحيات" in name for name in names)


def test_ordinary_words_after_a_title_are_not_a_name() -> None:
    corpus = _corpus(HEAD + "وصل وزير الخارجية زار العاصمة أمس.")
    assert [a for a in corpus.actors if a.type == "PERS"] == []


def test_an_honorific_after_a_role_is_not_a_name() -> None:
    corpus = _corpus(HEAD + "وقدم شكره لمعالي وزير التعليم ومعالي وزير الصحة على الدعم.")
    assert [a for a in corpus.actors if a.type == "PERS"] == []


def test_a_plural_with_a_pronoun_after_a_title_is_not_a_name() -> None:
    corpus = _corpus(HEAD + "فيما حمله أمير قطر تحياته لخادم الحرمين الشريفين. وأعد المدرب "
                     "إنجازاته في هذا الملصق. وقال المدرب حسن شحاته إن الفريق جاهز.")
    assert [a.name for a in corpus.actors if a.type == "PERS"] == ["حسن شحاته"]


def test_an_exact_role_beats_a_longer_one() -> None:
    rows = _quotes(HEAD + "استقبل وزير الخارجية سامح شكري وزير الخارجية السعودي فيصل بن "
                   "فرحان.\n\nوأضاف وزير الخارجية: \"هناك توافق كامل في الرؤى\".")
    assert rows[-1][2] == "سامح شكري"


def test_an_office_speaks_for_its_holder() -> None:
    rows = _quotes(HEAD + "وتحدث رئيس الوزراء الإسرائيلي بنيامين نتنياهو مع الرئيس.\n\n"
                   "وأفاد مكتب نتنياهو بأن الاتصال كان بناءً.")
    assert rows[-1][2:] == ("بنيامين نتنياهو", "الاتصال كان بناءً")


def test_agency_after_a_name_is_not_part_of_it() -> None:
    [(_, _, speaker, _)] = _quotes(HEAD + "وقال الرئيس الروسي فلاديمير بوتين لرويترز إن "
                                   "بلاده لن تتراجع.")
    assert speaker == "فلاديمير بوتين"


def test_a_title_in_marks_is_not_the_quote() -> None:
    [(kind, _, speaker, content)] = _quotes(
        HEAD + "وكتب الباحث في الشؤون اليمنية ماجد المذحجي في مقال بعنوان \"البحر الأحمر "
        "ساحة حرب جديدة\" أن التصعيد يهدد الملاحة.")
    assert (kind, speaker, content) == ("indirect", "ماجد المذحجي", "التصعيد يهدد الملاحة")


def test_a_media_name_before_a_cue_is_not_a_quote() -> None:
    rows = _quotes(HEAD + "وفي تصريح خاص لـ\"العربي الجديد\"، قال الخبير العسكري خالد عكاشة "
                   "إن الهجمات ستتواصل.")
    assert rows == [("indirect", "قال", "خالد عكاشة", "الهجمات ستتواصل")]


def test_a_name_beginning_with_madda_is_not_a_complementizer() -> None:
    [(kind, _, speaker, content)] = _quotes(
        HEAD + "من جانبها، قالت عمدة باريس آن هيدالغو: «نحن جاهزون لاستقبال العالم».")
    assert (kind, speaker, content) == ("direct", "آن هيدالغو", "نحن جاهزون لاستقبال العالم")


def test_subject_between_kana_and_qad() -> None:
    [(_, cue, speaker, _)] = _quotes(
        HEAD + "وكانت وزيرة الصحة نادية العلمي قد صرحت الأسبوع الماضي بأن الوضع مستقر.")
    assert (cue, speaker) == ("صرحت", "نادية العلمي")


def test_speech_within_speech_stays_in_the_outer_quote() -> None:
    rows = _quotes(HEAD + "وقال وزير المالية كمال الطرابلسي إن الحكومة أعلنت أن الضرائب لن "
                   "ترتفع، فيما قالت النائبة سلمى بن عمر إن الأرقام غير دقيقة.")
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("قال", "كمال الطرابلسي", "الحكومة أعلنت أن الضرائب لن ترتفع"),
        ("قالت", "سلمى بن عمر", "الأرقام غير دقيقة")]


def test_abbreviation_in_parentheses_between_title_and_name() -> None:
    rows = _quotes("\"قسد\": لن نسلم المنطقة لأي جهة\n\nوقال القائد العام لقوات سوريا "
                   "الديمقراطية (قسد) مظلوم عبدي، إن قواته باقية.")
    assert rows[-1][2:] == ("مظلوم عبدي", "قواته باقية")
    assert rows[0][:2] == ("direct", ":")
    assert rows[0][3] == "لن نسلم المنطقة لأي جهة"


def test_participle_after_a_speech_verb_without_content() -> None:
    rows = _quotes(HEAD + "وقالت النائبة سلمى بن عمر إن الموازنة منحازة.\n\nمن جهتها، طالبت "
                   "الخارجية الروسية بـ\"احترام وحدة الأراضي\"، مشيرة إلى أن موسكو ستواصل الوساطة.")
    assert rows[-1][1:] == ("مشيرة", "الخارجية الروسية", "موسكو ستواصل الوساطة")


def test_a_verbal_noun_without_its_speaker_is_the_writers_phrase() -> None:
    assert _quotes(HEAD + "وتراجعت الأسعار، في إشارة إلى أن الأزمة تنحسر.") == []


def test_inflected_ordinary_words_after_a_title_are_not_names() -> None:
    corpus = _corpus(HEAD + "وقال الرئيس بوش تجاوز صلاحياته. وأجرى الرئيس محادثات مع الوفد. "
                     "والتقى الملك بتشكيل الحكومة.")
    names = {a.name for a in corpus.actors if a.type == "PERS"}
    assert not names & {"بوش تجاوز", "محادثات", "بتشكيل"}


def test_negated_noun_is_not_a_cue() -> None:
    [(_, cue, _, content)] = _quotes(
        HEAD + "وأوضح المسؤول الكبير، طالباً عدم كشف هويته، أنه لا يعلم بالقرار.")
    assert (cue, content) == ("أوضح", "أنه لا يعلم بالقرار")


def test_topic_before_the_verb_is_the_speaker() -> None:
    rows = _quotes(HEAD + "وقالت النائبة سلمى بن عمر إن الموازنة منحازة.\n\n"
                   "أما المبعوث الأمريكي جون ميتشل، فأشار إلى أن بلاده لن توقع.")
    assert rows[-1][1:3] == ("أشار", "جون ميتشل")


def test_a_person_behind_a_preposition_is_not_the_implicit_speaker() -> None:
    rows = _quotes(HEAD + "وقال وزير الخارجية الروسي سيرغي لافروف إن الحوار مستمر.\n\n"
                   "وفي لقاء مع الرئيس السوري بشار الأسد، قال إن موسكو تدعم الحل.")
    assert rows[-1][2] == "سيرغي لافروف"


@pytest.mark.parametrize("marks", [("»", "«"), ("”", "“"), ("‘", "’")])
def test_reversed_and_single_marks(marks: tuple[str, str]) -> None:
    opening, closing = marks
    [(kind, _, speaker, content)] = _quotes(
        HEAD + f"وقالت وزيرة الصحة نادية العلمي: {opening}نريد التزامات ملموسة{closing}.")
    assert (kind, speaker, content) == ("direct", "نادية العلمي", "نريد التزامات ملموسة")


def test_according_to_what_someone_said_then_fa_inna() -> None:
    [(kind, cue, speaker, content)] = _quotes(
        HEAD + "وبحسب ما أفاد به الناطق باسم الوحدات نوري محمود لوكالة هاوار، فإن الهجوم "
        "صُدّ بالكامل.")
    assert (kind, cue, speaker) == ("indirect", "أفاد", "نوري محمود")
    assert "الهجوم صُدّ بالكامل" in content


def test_kana_far_before_qad_with_a_long_title() -> None:
    [(_, cue, speaker, _)] = _quotes(
        HEAD + "وكان الرئيس المشترك لهيئة العلاقات الخارجية في الإدارة الذاتية، عبد الكريم "
        "عمر، قد صرح في وقت سابق بأن المخيم قنبلة موقوتة.")
    assert (cue, speaker) == ("صرح", "عبد الكريم عمر")


def test_headline_speaker_after_a_comma() -> None:
    rows = _quotes("بعد لقائه الأسد، لافروف: الحل سياسي فقط\n\nوقال وزير الخارجية الروسي "
                   "سيرغي لافروف إن الحوار مستمر.")
    assert rows[0][:3] == ("direct", ":", "سيرغي لافروف")


def test_bil_qawl_reports_speech() -> None:
    [(_, cue, speaker, content)] = _quotes(
        HEAD + "واكتفى وزير الخارجية سامح شكري بالقول إن المشاورات مستمرة.")
    assert (cue, speaker, content) == ("بالقول", "سامح شكري", "المشاورات مستمرة")


def test_attributed_to_someone_with_ila() -> None:
    [(_, cue, speaker, content)] = _quotes(
        HEAD + "وقال الرئيس الفلسطيني محمود عباس إن الوضع خطير. ونسبت الوكالة إلى وزير "
        "إسرائيلي قوله إن الجيش لم يطلع الحكومة.")[1:]
    assert (cue, speaker, content) == ("قوله", None, "الجيش لم يطلع الحكومة")


def test_subject_before_the_verb() -> None:
    rows = _quotes(HEAD + "وقالت النائبة سلمى بن عمر إن الموازنة منحازة.\n\n"
                   "الرئيس الأمريكي دونالد ترامب قال إن القوات ستبقى.\n\n"
                   "ترامب أكد أن القرار نهائي.")
    assert [r[2] for r in rows[1:]] == ["دونالد ترامب", "دونالد ترامب"]


def test_quoted_name_of_a_newspaper_speaks() -> None:
    [(_, _, speaker, content)] = _quotes(
        HEAD + "وقالت صحيفة \"نيويورك تايمز\" إن المحادثات تعثرت.")
    assert speaker is not None and "نيويورك تايمز" in speaker
    assert content == "المحادثات تعثرت"


def test_a_cue_with_nothing_after_it_is_no_quote() -> None:
    assert _quotes(HEAD + "وقال الوزير إن .\n\nوأضاف: «»") == []


def test_dateline_with_colon_is_not_a_headline_quote() -> None:
    rows = _quotes("دمشق: قال وزير الخارجية سامر الخطيب إن الحوار مستمر\n\nنص.")
    assert rows == [("indirect", "قال", "سامر الخطيب", "الحوار مستمر")]
