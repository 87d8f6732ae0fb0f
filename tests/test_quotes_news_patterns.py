"""Quote patterns of real newspapers, each from the shape of a real sentence (written anew)."""

from __future__ import annotations

import pytest

from explorer.analysis.mentions import MentionSet, collect_mentions
from explorer.analysis.pipeline import recognizer
from explorer.analysis.speakers import read_subject
from explorer.arabic.tokens import tokenize
from tests.test_quotes import HEAD, _corpus, _quotes


def _speaker_texts(text: str) -> list[str | None]:
    """How the app names each quote's speaker as written («عدد من المختصين» for a group)."""
    return [quote.speaker_text for quote in _corpus(text).articles[0].quotes]


def test_the_cue_after_the_clause_it_reports() -> None:
    *_, (kind, cue, speaker, content) = _quotes(
        HEAD + "وقال المحامي رامي فارس إن السوق تحسنت. وتستغرق إجراءات التسجيل نحو "
        "ثلاثين يوما في العادة، كما يقول السيد فارس.")
    [(kind2, cue2, speaker2, content2)] = _quotes(
        HEAD + "وتراجعت أسعار الشقق في المدينة منذ بداية العام، حسبما أفادت الخبيرة "
        "ليلى داود، وهي مستشارة عقارية.")
    assert (kind, cue, speaker) == ("indirect", "يقول", "رامي فارس")
    assert content == "وتستغرق إجراءات التسجيل نحو ثلاثين يوما في العادة"
    assert (kind2, cue2, speaker2) == ("indirect", "أفادت", "ليلى داود")
    assert content2 == "وتراجعت أسعار الشقق في المدينة منذ بداية العام"


def test_a_paper_that_learned_from_a_source_gives_the_source_its_words() -> None:
    # «علم» relays only with «من» and a source after it, like «نقل» with «عن»
    text = HEAD + "وعلمت «الشرق الأوسط» من مصادر مطلعة أن الموقوف استقبل منفذ العملية في منزله."
    [(kind, cue, speaker, content)] = _quotes(text)
    assert (kind, cue, speaker) == ("indirect", "علمت", None)  # an unnamed source
    assert _speaker_texts(text) == ["مصادر مطلعة"]
    assert content == "الموقوف استقبل منفذ العملية في منزله"
    # the paper's own sources, after its «من» or as a subject, are unnamed sources too
    own = HEAD + 'وتفصيلاً، علمت "سبق" من مصادرها، أن المعتمر كان قد أدى العمرة قبل وفاته.'
    assert [cue for _, cue, _, _ in _quotes(own)] == ["علمت"]
    assert _speaker_texts(own) == ["مصادرها"]
    assert _speaker_texts(HEAD + "وذكرت مصادرنا أن الاجتماع تأجل إلى الأسبوع المقبل.") == [
        "مصادرنا"]
    assert _quotes(HEAD + "وذكرت مصادرنا أن الاجتماع تأجل إلى الأسبوع المقبل.")[0][2] is None
    assert _quotes(HEAD + "كانت الصحيفة سباقة في النشر دون أن تكشف مصادرها، ما جعلها "
                          "جهة فاعلة في الأحداث.") == []
    for text in ("ومع أنها علمت أن هناك مسجدا قريبا فإنها لم تذهب إليه.",
                 "وعلمت الأسرة من خلال تحليل دم أن ابنها مصاب بالمرض منذ سنوات.",
                 "وعلمت الشركة أنه من الطبيعي أن ترتفع الأسعار في الصيف.",
                 "وكان أستاذ علم الجريمة من جامعة الرياض يرى الأمر ممكنا، وأن الحل قريب."):
        assert _quotes(HEAD + text) == [], text


@pytest.mark.parametrize(("text", "expected"), [
    # «وعبّر ... عن», as «أعرب»
    ("وعبّر رئيس اللجنة حامد الشمري عن شكره للجهات المشاركة في المهرجان.",
     ("indirect", "عبّر", "حامد الشمري", "عن شكره للجهات المشاركة في المهرجان")),
    # «وعبر» without «عن» after its subject is «and via»: only the cue after it reports
    ("وعبر حسابه في تويتر كتب الوزير أن الاجتماع مثمر.",
     ("indirect", "كتب", None, "الاجتماع مثمر")),
    # a promise: «ووعد» behind its «و»
    ("ووعد وزير الإسكان ماجد الحقيل بأن يكون العام المقبل عام الإنجاز في المشاريع.",
     ("indirect", "وعد", "ماجد الحقيل", "يكون العام المقبل عام الإنجاز في المشاريع")),
    # «نقل» needs «عن» to report («تولت نقل الرجل»), unless «حسبما/وفق ما» put it after
    # the words it reports, at the sentence's end
    ("ووقعت الشركة مذكرة تفاهم لإطلاق برامج جديدة في مراكز التسوق بالمدينة، حسبما نقلت "
     "وكالة الأنباء الإماراتية.",
     ("indirect", "نقلت", "وكالة الأنباء الإماراتية",
      "ووقعت الشركة مذكرة تفاهم لإطلاق برامج جديدة في مراكز التسوق بالمدينة")),
    # «بحسب ما ذكرته» / «وفقا لما قاله»: the verb carries «ما»'s pronoun
    ("وارتفعت نسبة الراغبين في الحفاظ على الدستور إلى النصف، بحسب ما ذكرته وكالة كيودو.",
     ("indirect", "ذكرته", "وكالة كيودو",
      "وارتفعت نسبة الراغبين في الحفاظ على الدستور إلى النصف")),
    ("ولم يكن الأمر بتلك البساطة في المدينة، وفقا لما قاله الكاتب ديفيد مارانيس.",
     ("indirect", "قاله", "ديفيد مارانيس", "ولم يكن الأمر بتلك البساطة في المدينة")),
    # «وذلك» between the clause and its cue
    ("ولن يلعب المهاجم في الموسم المقبل إلا رأس حربة، وذلك بحسب ما أكد وكيل أعماله خالد "
     "السبيعي.",
     ("indirect", "أكد", "خالد السبيعي", "ولن يلعب المهاجم في الموسم المقبل إلا رأس حربة")),
])
def test_a_cue_of_real_news_reports_its_clause(text, expected) -> None:
    assert _quotes(HEAD + text) == [expected]


@pytest.mark.parametrize("text", [
    "وعبر الحدود دخلت الشاحنات إلى المدينة محملة بالمساعدات.",  # «and across»
    "وكان وعد الحكومة بإصلاح الطرق قد تأخر كثيرا.",  # the bare «وعد» is «a promise»
])
def test_a_word_shaped_like_a_cue_is_none_here(text) -> None:
    assert _quotes(HEAD + text) == []


def test_a_speaker_whose_words_an_agency_relays_keeps_them_without_the_relay() -> None:
    # each cue its own quote; the ministry's ends before «حسبما», which is the agency's
    rows = _quotes(HEAD + "وقالت وزارة التجارة إن المبيعات هبطت بنسبة ستة في المائة خلال "
                          "الشهر الماضي، وفق ما نقلت وكالة رويترز.")
    said = {cue: (speaker, content) for _, cue, speaker, content in rows}
    assert said["قالت"] == ("وزارة التجارة", "المبيعات هبطت بنسبة ستة في المائة خلال الشهر "
                                             "الماضي")
    assert said["نقلت"][0] == "وكالة رويترز"


def test_a_relaying_source_between_a_cue_and_its_words_is_no_cue() -> None:
    rows = _quotes(HEAD + "وشدد المهندس سامي العتيبي، حسبما نقلت عنه صحيفة محلية، على "
                          "أهمية دور المهندسين في معالجة أزمة الإسكان.")
    assert [(cue, speaker) for _, cue, speaker, _ in rows] == [("شدد", "سامي العتيبي")]


def test_also_announced_is_no_attribution() -> None:
    # «كما أعلنت ... عن»: «also announced», with what was announced after it
    [(_, cue, speaker, content)] = _quotes(
        HEAD + "وافتتحت البلدية الحديقة الجديدة في الحي، كما أعلنت الوزارة عن إطلاق "
        "برنامج جديد للشباب.")
    assert (cue, speaker, content) == ("أعلنت", "الوزارة", "عن إطلاق برنامج جديد للشباب")


def test_quotation_marks_right_after_the_cue() -> None:
    [(kind, cue, speaker, content)] = _quotes(
        HEAD + "وتحدث المحامي رامي فارس عن السوق. وأفاد «كانت هناك إشارات على النشاط "
        "في العام الماضي، لكن هذا العام أفضل».")
    assert (kind, cue, speaker) == ("direct", "أفاد", "رامي فارس")
    assert content.startswith("كانت هناك إشارات")


def test_quoted_words_that_open_with_inna_after_an_adjunct() -> None:
    rows = _quotes(HEAD + "أعلن يوري ميلنر عن مشروعه. وقال ميلنر في مقابلة \"إنه أكثر "
                          "الأسئلة إثارة في عصرنا\" مشيرا إلى أنه شغف بالفكرة منذ صغره.")
    assert [(kind, speaker) for kind, _, speaker, _ in rows] == [
        ("direct", "يوري ميلنر"), ("indirect", "يوري ميلنر")]
    assert rows[0][3] == "إنه أكثر الأسئلة إثارة في عصرنا"


def test_researchers_speak_as_an_unnamed_source() -> None:
    [(kind, cue, speaker, content)] = _quotes(
        HEAD + "نشرت الجامعة دراسة جديدة. وأوضح الباحثون أن النوم الكافي يحسن الذاكرة.")
    assert (kind, cue, speaker, content) == ("indirect", "أوضح", None,
                                             "النوم الكافي يحسن الذاكرة")


def test_the_outlet_told_comes_between_the_cue_and_its_subject() -> None:
    rows = _quotes(HEAD + "أكد لـ\"الاقتصادية\" عبدالرحمن المسعد مدير مكتب العمل أن السوق "
                          "تحتاج إلى عمال.\nوأوضح لـ(عكاظ) المتحدث الإعلامي للجوازات النقيب "
                          "سامي الحربي، أن الفريقين يواصلان العمل.\nوصرح للصحفيين وزير "
                          "المالية كمال الطرابلسي بأن العجز سينخفض.")
    assert [speaker for _, _, speaker, _ in rows] == [
        "عبدالرحمن المسعد", "سامي الحربي", "كمال الطرابلسي"]


def test_a_long_role_with_its_body_before_the_name() -> None:
    [(_, _, speaker, content)] = _quotes(
        HEAD + "وأوضح المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت "
        "الصباغ، أن الرحلة خصصت للمواد الطبية.")
    assert (speaker, content) == ("رأفت الصباغ", "الرحلة خصصت للمواد الطبية")


def test_an_engineer_is_a_title_before_a_name() -> None:
    [(_, _, speaker, _)] = _quotes(
        HEAD + "وذكر المهندس حسين محمود العلي أن أسعار الرطب تنخفض في كل موسم.")
    assert speaker == "حسين محمود العلي"


def test_an_indefinite_subject_is_no_person() -> None:
    [(_, _, speaker, _)] = _quotes(HEAD + "وقال معتمريْن من الأردن إن الرحلة كانت طويلة.")
    assert speaker is None


def test_a_verbal_noun_as_what_was_announced_or_stressed() -> None:
    rows = _quotes(HEAD + "أعلنت وزارة الداخلية عن ضبط 44 عنصرا من الخلية في المدينة.\n"
                          "وزار الوزير المستشفى، مؤكداً حرص الوزارة على تقديم أفضل الخدمات.")
    assert [(kind, cue, content) for kind, cue, _, content in rows] == [
        ("indirect", "أعلنت", "عن ضبط 44 عنصرا من الخلية في المدينة"),
        ("indirect", "مؤكداً", "حرص الوزارة على تقديم أفضل الخدمات")]
    assert rows[0][2] == "وزارة الداخلية"


def test_a_cue_word_in_another_sense_reports_nothing() -> None:
    for text in ("وفرضت الحكومة رقابة مشددة على الأسواق في المدينة.",
                 "مصرع طالب سوداني من المتسللين في عملية انتحارية بسوريا.",
                 "وافتتحت البلدية الحديقة مما يؤكد أهمية المشاريع في الأحياء."):
        assert _quotes(HEAD + text) == [], text


def test_the_ministry_is_the_ministry_named_before() -> None:
    rows = _quotes(HEAD + "أعلنت وزارة الداخلية الكويتية عن تفكيك خلية إرهابية في البلاد. "
                          "وذكرت الوزارة أن أحد أعضائها قتل في العراق.")
    assert [speaker for _, _, speaker, _ in rows] == ["وزارة الداخلية الكويتية"] * 2


def test_a_statement_speaks_for_the_body_that_issued_it() -> None:
    rows = _quotes(HEAD + "أعلنت وزارة الصحة عن حملة جديدة للتطعيم. وأكد البيان أن الحالات "
                          "تراجعت في المدينة. وقالت تقارير صحفية إن المستشفيات امتلأت.")
    assert [(speaker, content) for _, _, speaker, content in rows][1:] == [
        ("وزارة الصحة", "الحالات تراجعت في المدينة"), (None, "المستشفيات امتلأت")]


def test_a_person_after_a_noun_the_role_list_lacks() -> None:
    [(_, _, speaker, _)] = _quotes(
        HEAD + "ويضيف صاحب المزرعة محمد السماعيل: كنا نبيع الأغنام المحلية بأسعار أقل.")
    assert speaker == "محمد السماعيل"


def test_a_dignitary_as_a_pronoun_and_men_named_by_a_plural() -> None:
    rows = _quotes(HEAD + "زار الأمير فيصل بن مشعل الإمارة. وقال سموه في لقاء بالموظفين: "
                          "\"نحمد الله على نعمة الأمن\".\nوقال المحاميان يومها «لا توجد "
                          "أدلة كافية في الملف».")
    assert [(speaker, content) for _, _, speaker, content in rows] == [
        ("فيصل بن مشعل", "نحمد الله على نعمة الأمن"), (None, "لا توجد أدلة كافية في الملف")]


def test_marks_after_the_cue_and_its_subject_with_the_clause_going_on() -> None:
    [(kind, _, speaker, content)] = _quotes(
        HEAD + "والتقى الرئيس فلاديمير بوتين الصحفيين. واوضح بوتين ايضا \"نحن نرى ما يحصل "
        "حول كرة القدم\" في اشارة إلى التحقيقات.")
    assert (kind, speaker, content) == ("direct", "فلاديمير بوتين",
                                        "نحن نرى ما يحصل حول كرة القدم")


def test_a_long_role_before_the_person_who_denies_something() -> None:
    [(_, cue, speaker, content)] = _quotes(
        HEAD + "ونفى مساعد وزير الداخلية اللواء حسن السوهاجي ما تردد عن إصابة السجين "
        "بحالة تسمم.")
    assert (cue, speaker, content) == ("نفى", "حسن السوهاجي",
                                       "ما تردد عن إصابة السجين بحالة تسمم")


def test_a_forecast_is_reported_but_an_impersonal_passive_is_not() -> None:
    [(_, cue, _, content)] = _quotes(
        HEAD + "وتحدث الخبير سامي داود عن السوق. متوقعاً أن ترتفع الأسعار في الصيف.")
    assert (cue, content) == ("متوقعاً", "ترتفع الأسعار في الصيف")
    assert _quotes(HEAD + "ويُتوقع أن يهيمن الملف على اجتماعات اللجنة.") == []


def test_a_directorate_speaks_as_a_body() -> None:
    [(_, _, speaker, _)] = _quotes(
        HEAD + "وأفادت المديرية العامة للشؤون الصحية بمنطقة مكة المكرمة بأنه تم اتخاذ كل "
        "الإجراءات اللازمة.")
    assert speaker is not None and speaker.startswith("المديرية العامة للشؤون الصحية")


def test_people_named_after_a_common_noun_or_an_honorific() -> None:
    rows = _quotes(HEAD + "وتقول الطفلة شروق العالي \"11 عاما\": إنها استمتعت بالألعاب كثيرا.\n"
                          "وأكد معالي أمين العاصمة الدكتور أسامة البار أن المشاريع ستكتمل.")
    assert [speaker for _, _, speaker, _ in rows] == ["شروق العالي", "أسامة البار"]


def test_bodies_and_papers_in_the_plural_are_unnamed_sources() -> None:
    [(_, _, speaker, content)] = _quotes(
        HEAD + "في غضون ذلك، كشفت منظمات حقوقية في عدن أن نحو 70 في المائة من الضحايا "
        "مدنيون.")
    assert (speaker, content) == (None, "نحو 70 في المائة من الضحايا مدنيون")


@pytest.mark.parametrize(("sentence", "source"), [
    ("وقال متعاملون في سوق الذهب إن الأسعار ستتراجع.", "متعاملون"),
    ("ويرى كثيرون أن الزيارة جاءت متأخرة.", "كثيرون"),
    ("وقال منتقدو الاتفاق إنه سيغني الحكومة.", "منتقدو الاتفاق"),
    ("وقال داعشي آخر في حساب على تويتر إنه مستعد للقتال.", "داعشي آخر"),
    ("ويقول مهندسون متطوعون للعمل في الموقع إن الأضرار كبيرة.", "مهندسون متطوعون"),
    ("وقال مسعفون إن عدد الجرحى ارتفع.", "مسعفون"),
])
def test_people_named_by_what_they_are_are_unnamed_sources(sentence, source) -> None:
    text = HEAD + sentence
    [(_, _, speaker, _)] = _quotes(text)
    assert (speaker, _speaker_texts(text)) == (None, [source])
    assert not [e for e in _corpus(text).articles[0].entities if e.type == "PERS"]


@pytest.mark.parametrize(("sentence", "named"), [
    # «برنامج», «بعثة», «بنك» begin with «ب» but are the head, not «ب» + a head
    ("يقول برنامج الأغذية العالمي إن ستة ملايين نسمة يعانون من نقص الغذاء.",
     "برنامج الأغذية العالمي"),
    ("وقال حمدان إن الأسعار ستتراجع.", "حمدان"),  # a name that ends like a plural
])
def test_speakers_whose_names_read_like_other_words(sentence, named) -> None:
    [(_, _, speaker, _)] = _quotes(HEAD + sentence)
    assert speaker == named


def test_according_to_after_a_clause_without_a_comma() -> None:
    [(_, cue, _, content)] = _quotes(
        HEAD + "وسيطر المقاتلون على مبنى الإذاعة في معارك عنيفة حسبما قال المتحدث باسم "
        "المجموعة علي الأحمدي.")
    assert (cue, content) == ("قال", "وسيطر المقاتلون على مبنى الإذاعة في معارك عنيفة")


def test_marks_after_the_cue_left_open_to_the_end_of_the_paragraph() -> None:
    [(kind, _, _, content)] = _quotes(
        HEAD + "وأضاف «المملكة لديها استثمارات تقدر بمئات المليارات في الخارج\n\nفقرة أخرى.")
    assert (kind, content) == ("direct", "المملكة لديها استثمارات تقدر بمئات المليارات في "
                                         "الخارج")


def test_a_sentence_that_opens_with_its_source() -> None:
    rows = _quotes(HEAD + "وبحسب وزير المالية كمال الطرابلسي، فإن العجز سينخفض في العام المقبل.\n"
                          "وبحسب مصادر مطلعة، سيعقد الاجتماع غدا في الرياض.\n"
                          "ووفق أرقام رسمية، تجاوز عدد المسجلين تسعة ملايين ناخب.")
    assert [(speaker, content) for _, _, speaker, content in rows] == [
        ("كمال الطرابلسي", "العجز سينخفض في العام المقبل"),
        (None, "سيعقد الاجتماع غدا في الرياض")]


def test_directors_of_a_kind_are_no_person() -> None:
    [(_, _, speaker, content)] = _quotes(
        HEAD + "من جهتهم، أكد مديرو التعليم أن المدارس جاهزة لبدء العام الدراسي.")
    assert (speaker, content) == (None, "المدارس جاهزة لبدء العام الدراسي")


def test_a_relative_with_an_age_in_parentheses() -> None:
    [(kind, _, speaker, content)] = _quotes(
        HEAD + "وقال ابيه (52عاما) ان \"ابني كان يحب الحياة\".")
    assert (kind, speaker, content) == ("direct", None, "ابني كان يحب الحياة")


def test_a_chain_keeps_its_speaker_until_another_is_introduced() -> None:
    rows = _quotes(HEAD + "وقال الوزير سامر الخطيب إن المحادثات بدأت.\n\nوأضاف أن النتائج "
                          "مثمرة، مشيراً إلى أن الوفد سيعود.\n\nمن جهته، أكد السفير نادر الحسن "
                          "أن العلاقات متينة، ولفت إلى أن الزيارة ناجحة.")
    assert [speaker for _, _, speaker, _ in rows] == [
        "سامر الخطيب", "سامر الخطيب", "سامر الخطيب", "نادر الحسن", "نادر الحسن"]


def test_speech_nouns_name_their_source() -> None:
    rows = _quotes(HEAD + "ونقلت الوكالة عن مصدر مسؤول قوله إن الاجتماع تأجل.\n"
                          "وقال الوزير سامر الخطيب في تصريح لـ«الجزيرة» إن الأزمة انتهت.")
    assert [(speaker, content) for _, _, speaker, content in rows] == [
        (None, "الاجتماع تأجل"), ("سامر الخطيب", "الأزمة انتهت")]


def test_real_spelling_without_hamza_with_tatweel_and_presentation_forms() -> None:
    for text in ("واكد الوزير سامر الخطيب ان الحكومة ستدعم المزارعين.",
                 "وقـال الوزير ســامر الخطيب إن الحكومة ستدعم المزارعين.",
                 "ﻭﻗﺎﻝ ﺍﻟﻮﺯﻳﺮ ﺳﺎﻣﺮ ﺍﻟﺨﻄﻴﺐ ﺇﻥ ﺍﻟﺤﻜﻮﻣﺔ ﺳﺘﺪﻋﻢ ﺍﻟﻤﺰﺍﺭﻋﻴﻦ."):
        [(kind, _, speaker, _)] = _quotes(HEAD + text)
        assert kind == "indirect" and speaker is not None, text


def test_a_quote_split_by_saying() -> None:
    rows = _quotes(HEAD + "وأكد المدير سامر الخطيب \"نعمل علي تطوير المشروع\" قائلاً "
                          "\"سنفتتحه قريبا\".")
    assert [(speaker, content) for _, _, speaker, content in rows] == [
        ("سامر الخطيب", "نعمل علي تطوير المشروع"), ("سامر الخطيب", "سنفتتحه قريبا")]


def test_thanks_and_condemnation_are_reported_speech() -> None:
    rows = _quotes(HEAD + "وأعرب الوزير سامر الخطيب عن شكره للمنظمين على جهودهم الكبيرة.\n"
                          "وزاد: «لن نترك المزارعين وحدهم في هذه الأزمة».")
    assert [(cue, speaker) for _, cue, speaker, _ in rows] == [
        ("أعرب", "سامر الخطيب"), ("زاد", "سامر الخطيب")]  # «زاد» counts only behind «و»
    assert _quotes(HEAD + "زاد عدد الزوار في الصيف على مليون زائر.") == []


def test_a_participle_run_straight_into_what_was_said() -> None:
    rows = _quotes(HEAD + "وقال البائع حسن محمد إن الأسعار ارتفعت، مبيناً سعر المواشي في الشمال "
                          "أقل تكلفة، مضيفا شركات الحج تتضرر من هذه الطريقة.")
    assert [(cue, content) for _, cue, _, content in rows][1:] == [
        ("مبيناً", "سعر المواشي في الشمال أقل تكلفة"),
        ("مضيفا", "شركات الحج تتضرر من هذه الطريقة")]


def test_a_subject_set_off_by_a_comma_before_its_verbal_noun() -> None:
    [(_, cue, speaker, content)] = _quotes(
        HEAD + "أعلنت المؤسسة العامة للتدريب التقني والمهني, استمرار فترة القبول للعام "
        "التدريبي الجديد.")
    assert (cue, content) == ("أعلنت", "استمرار فترة القبول للعام التدريبي الجديد")
    assert speaker is not None


def test_a_role_whose_body_the_recogniser_found_before_the_name() -> None:
    [(_, _, speaker, _)] = _quotes(
        HEAD + "واكدت وكيلة الوزارة للشؤون التعليمية هيا العواد أن جميع اللجان عملت بجد.")
    assert speaker == "هيا العواد"


def test_more_speech_verbs_of_local_news() -> None:
    rows = _quotes(HEAD + "من جانبه بين مدير شؤون المعلمين عثمان عريبي أن المقابلات تبدأ غدا.\n"
                          "وأبان أن المؤسسة أنجزت عددا من المشاريع.\n"
                          "وأشار \"جون كيري\" إلى أن العملية سمحت بفرض العقوبات.\n"
                          "وأعلن رئيس النادي سامر الخطيب عبر حسابه الرسمي في موقع تويتر عن "
                          "وصوله إلى الرياض مساء أمس.\n"
                          "ووصف الوزير نادر الحسن القرار بأنه تطور لافت.")
    assert [(cue, speaker) for _, cue, speaker, _ in rows] == [
        ("بين", "عثمان عريبي"), ("أبان", "عثمان عريبي"), ("أشار", "جون كيري"),
        ("أعلن", "سامر الخطيب"), ("وصف", "نادر الحسن")]
    assert _quotes(HEAD + "ونقل المؤرخ بجانب وصف بعض الرحالة لها بأنها البوابة الغربية.") == []


def test_an_aside_between_the_cue_and_its_content() -> None:
    [(_, cue, _, content)] = _quotes(
        HEAD + "وأشار أيضا، وحسب ملاحظاته، إلى أن أغلب الشباب يحبون التصاميم الجديدة.")
    assert (cue, content) == ("أشار", "أغلب الشباب يحبون التصاميم الجديدة")
    [(_, cue, speaker, _)] = _quotes(
        HEAD + "كما بينت العمادة أن التحويل الخارجي سيكون آليا.")
    assert (cue, speaker) == ("بينت", "العمادة")


def test_a_headline_quoting_unnamed_sources() -> None:
    rows = _quotes("مسؤولون خليجيون: المملكة رائدة في مكافحة الإرهاب\n\nنص الخبر.")
    assert rows == [("direct", ":", None, "المملكة رائدة في مكافحة الإرهاب")]


def test_his_saying_runs_into_his_own_words() -> None:
    rows = _quotes(HEAD + "التقينا سالم اليافعي والد الشهيد، حيث استهل حديثه بقوله الحمدلله "
                          "ابني ناضل حتى استشهد.\nواضاف الوزير سامر الخطيب قائلا الحمد لله على "
                          "نجاح الموسم.")
    assert [(kind, cue, speaker) for kind, cue, speaker, _ in rows] == [
        ("direct", "بقوله", "سالم اليافعي"), ("direct", "قائلا", "سامر الخطيب")]


def test_a_sentence_opening_with_but_keeps_its_subject() -> None:
    [(_, cue, speaker, _)] = _quotes(
        HEAD + "لكن ناقد الموضة المعروف أندي ماكدوال له رأي آخر، فقد تساءل عن مدى فائدة "
        "مشاركة الخياطين في الأسبوع.")
    assert (cue, speaker) == ("تساءل", "أندي ماكدوال")


def test_abbreviated_titles_a_statement_said_before_and_one_mark_on_both_sides() -> None:
    rows = _quotes(HEAD + "وذكر د. الموسى في كلمة له خلال التدشين، أن النظام يوفر الوقت.\n"
                          "وكانت الحكومة التركية أكدت، تزامنا مع الغارات، أن العملية ستستمر.\n"
                          "وأوضح مدير المتحف حاتم الذيابي لـ”الوئام” أن المتحف يضم قطعا نادرة.\n"
                          "بالسياق، أوضح الأمن المصري، بشمال سيناء، أن معارك عنيفة دارت.")
    assert [speaker for _, _, speaker, _ in rows] == [
        "الموسى", "الحكومة التركية", "حاتم الذيابي", "الأمن المصري"]


def test_a_name_in_quotation_marks_is_no_quote() -> None:
    [(kind, _, _, content)] = _quotes(
        HEAD + "ويضيف الدكتور علي النعيمي، مدير “جامعة الإمارات العربية المتحدة”، بأنه يتم "
        "العمل على بناء فريق.")
    assert (kind, content) == ("indirect", "بأنه يتم العمل على بناء فريق")


def test_a_statement_speaks_for_the_body_named_with_it() -> None:
    # «بيان صادر عن ...», «بيان لـ...» and «بيان ...» in construct; the chain after it keeps
    # the issuer although its verbs agree with «بيان», not with «وزارة»
    rows = _quotes(HEAD + "وقال بيان صادر عن وزارة الصحة اليوم إن الفرق الطبية عالجت مئة "
                          "مصاب في المدينة.\nولفت إلى أن الحالات كلها مستقرة الآن.\n"
                          "وذكر بيان لوزارة النقل أن الطريق سيفتح يوم الأحد.")
    assert [(cue, speaker) for _, cue, speaker, _ in rows] == [
        ("قال", "وزارة الصحة"), ("لفت", "وزارة الصحة"), ("ذكر", "وزارة النقل")]



def test_an_unnamed_source_keeps_the_dropped_subjects_of_its_sentence() -> None:
    # the minister spoke before; «مؤكدا» belongs to the source of its own sentence
    rows = _quotes(HEAD + "وقال وزير الداخلية سامي الحربي إن الأمن مستتب في المدينة.\n"
                          "وحذر مصدر رسمي من أن الوضع متوتر جدا في الناحية، مؤكدا تسجيل "
                          "خمس حالات خطف أمس.\nوأضاف أن الشرطة انتشرت في الأحياء.")
    assert [(cue, speaker) for _, cue, speaker, _ in rows] == [
        ("قال", "سامي الحربي"), ("حذر", None), ("مؤكدا", None), ("أضاف", "سامي الحربي")]


def test_a_participle_with_its_object_before_the_complementizer() -> None:
    # «واصفا زيارته بأنها»: the words after a participle are its object, not its subject
    [(kind, cue, speaker, content)] = _quotes(
        HEAD + "وصل وزير الخارجية سامي الحربي إلى الكويت أمس، واصفا زيارته بأنها خطوة "
               "نحو تعاون أوسع بين البلدين.")
    assert (kind, cue, speaker) == ("indirect", "واصفا", "سامي الحربي")
    assert content.startswith("بأنها خطوة")


def test_a_call_names_the_ones_called_before_what_it_asks() -> None:
    # «دعا/طالب» + subject + the ones addressed + the request: the addressed are no part
    # of the subject, and what is asked is said with them
    rows = _quotes(HEAD + "ودعت الكلية الطلاب المقبولين للحضور إلى مقر لجنة القبول يوم الأحد.\n"
                          "وكان مواطنون قد طالبوا وزارة التعليم بالنظر في تأجيل موعد "
                          "الدراسة إلى ما بعد العيد.")
    assert [(cue, speaker, content) for _, cue, speaker, content in rows] == [
        ("دعت", "الكلية", "الطلاب المقبولين للحضور إلى مقر لجنة القبول يوم الأحد"),
        ("طالبوا", None, "وزارة التعليم بالنظر في تأجيل موعد الدراسة إلى ما بعد العيد")]


def test_a_headline_subject_before_its_verb() -> None:
    # SVO headlines: «وزير التعليم يؤكد: ...», «البيت الأبيض يقول إنه ...»
    rows = _quotes("وزير الصحة يؤكد: المستشفيات جاهزة لموسم الحج\n"
                   "قال وزير الصحة الدكتور سامي الحربي إن المستشفيات جاهزة تماما.")
    assert [(cue, speaker) for _, cue, speaker, _ in rows] == [
        ("يؤكد", "سامي الحربي"), ("قال", "سامي الحربي")]
    [(_, cue, speaker, content)] = _quotes("البيت الأبيض يقول إنه سيدرس العريضة بعناية\n"
                                           "واشنطن - وصلت العريضة إلى الموقع أمس.")
    assert (cue, speaker, content) == ("يقول", "البيت الأبيض", "إنه سيدرس العريضة بعناية")


def test_a_body_with_a_proper_name_takes_verbs_of_either_gender() -> None:
    # «جوجل تطرح ...، مبينةً أن»: a company's own name is no noun with a gender
    [(_, cue, speaker, _)] = _quotes(
        HEAD + "طرحت جوجل نظارتها الذكية في متجرها أمس، مبينةً أن النظارة متوفرة لبعض المناطق.")
    assert (cue, speaker) == ("مبينةً", "جوجل")


def test_an_agency_told_is_no_speaker() -> None:
    # «وقالت لرويترز «...»»: the agency is told; the speaker is the one before
    rows = _quotes(HEAD + "قالت النائبة روين بولدان إن الانفجار كبير. وقالت لرويترز «حضر "
                          "شبان كثيرون لعبور الحدود» مضيفة أن نواب حزبها سيصلون إلى الموقع.")
    assert [speaker for _, _, speaker, _ in rows] == ["روين بولدان"] * 3


def test_a_long_body_before_what_it_announced_and_an_address_after_a_colon() -> None:
    # «أعلنت عمادة ... بجامعة ...، عن فتح ...»; the colon before a web address opens no quote
    [(kind, cue, speaker, content)] = _quotes(
        HEAD + "أعلنت عمادة القبول والتسجيل بجامعة الملك خالد، عن فتح باب التحويل الخارجي "
               "عن طريق موقعها الالكتروني : http://dar.kku.edu.sa ، اعتباراً من يوم غد.")
    assert (kind, cue, speaker) == ("indirect", "أعلنت", "عمادة القبول والتسجيل")
    assert content.startswith("عن فتح باب التحويل الخارجي")


def test_a_body_named_with_its_head_before_what_it_reports() -> None:
    rows = _quotes(HEAD + "وأعلنت خلية الإعلام الحربي العراقية اليوم، عن مقتل عشرة من المسلحين.\n"
                          "ونفت هيئة الطيران المدني في بيان لها أمس وجود أي خلل في الرحلات.\n"
                          "ودعت حركة المقاومة الإسلامية (حماس)، إلى الرد بقوة على الهجوم.")
    assert [(cue, speaker, content.split()[0]) for _, cue, speaker, content in rows] == [
        ("أعلنت", "خلية الإعلام الحربي العراقية", "عن"), ("نفت", "هيئة الطيران المدني", "وجود"),
        ("دعت", "حركة المقاومة الإسلامية", "إلى")]


def test_a_body_whose_gender_the_verb_does_not_take_is_its_object() -> None:
    # «وطالب قوات التحالف ...»: «طالب» is masculine, «قوات» feminine: the speaker is the one
    # before, and the forces are asked
    rows = _quotes(HEAD + "وقال المحافظ سامي الحربي إن المدينة آمنة. وطالب قوات التحالف "
                          "بالاستمرار في توجيه الضربات العسكرية.")
    assert [speaker for _, _, speaker, _ in rows] == ["سامي الحربي"] * 2


def test_a_body_in_construct_with_a_place_keeps_the_place() -> None:
    # «شرطة مكة», «أمانة جدة»: the place is part of the body's name
    rows = _quotes("شرطة مكة: ضبط أشخاص متهمين في التحرش بفتاتين\n"
                   "جدة - أوضحت أمانة جدة أن الأعمال ستنتهي قريبا.")
    assert [speaker for _, _, speaker, _ in rows] == ["شرطة مكة", "أمانة جدة"]


def test_appeals_urgings_and_plural_participles() -> None:
    rows = _quotes(HEAD + "وقال المتحدث سامي الحربي إن الطريق مزدحم.\n"
                          "وناشد الحربي المواطنين بفتح المسار أمام سيارات الإسعاف.\n"
                          "وأهاب المعهد بالمتقدمين إحضار ملف يحتوي على صورة الهوية.\n"
                          "وحث البنوك على استحداث الآليات اللازمة للتأكد من سلامة الأموال.\n"
                          "واستغرب أن تتم هذه العمليات تحت بصر البنوك والمسؤولين.\n"
                          "وأورد التقرير أن حركة الرياح ستكون شمالية غربية.\n"
                          "ورفض الموظفون التعليق قائلين لرويترز إنه ليس لديهم المزيد من المعلومات.")
    assert [cue for _, cue, _, _ in rows] == [
        "قال", "ناشد", "أهاب", "حث", "استغرب", "أورد", "قائلين"]
    assert [speaker for _, _, speaker, _ in rows][:2] == ["سامي الحربي"] * 2
    assert rows[1][3].startswith("المواطنين بفتح المسار")


def test_a_plural_participle_that_names_people_is_no_cue() -> None:
    for text in ("وحضر الحفل عدد من متابعين أن يفوز الفريق بالبطولة.",
                 "وطالب المعلمون بزيادة الرواتب، وهم مطالبين أن يحضروا مبكرا."):
        assert [cue for _, cue, _, _ in _quotes(HEAD + text)] in ([], ["طالب"]), text


def test_a_surname_that_is_also_a_noun_completes_the_speaker() -> None:
    # «أكد البائع [حسن] الطرف أن»: the one word before what was said is the surname
    [(_, _, speaker, _)] = _quotes(HEAD + "وبدوره أكد البائع حسن الطرف أن ارتفاع أسعار "
                                          "الأغنام يعود إلى الشعير.")
    assert speaker == "حسن الطرف"
    for text in ("وقال محمد أيضا إن الوضع جيد في المدينة.",
                 "وقال منصور رئيس النادي إن الفريق جاهز للموسم."):
        [(_, _, speaker, _)] = _quotes(HEAD + text)
        assert speaker in ("محمد", "منصور"), text


def test_a_call_by_a_person_named_after_a_role() -> None:
    rows = _quotes(HEAD + "قال الاقتصادي سامي الحربي إن الظاهرة خطيرة. من جهته دعا رجل "
                          "الأعمال سعود المرزوقي إلى ضرورة تجريم هذه العمليات المالية.")
    assert [speaker for _, _, speaker, _ in rows] == ["سامي الحربي", "سعود المرزوقي"]


def test_a_headline_role_in_short_form() -> None:
    # «رئيس الهيئة:» in the headline is the «رئيس مجلس إدارة الهيئة» of the body
    rows = _quotes("رئيس الهيئة: المشروع سيكتمل قبل نهاية العام الحالي\n"
                   "أكد رئيس مجلس إدارة الهيئة الدكتور محمد العتيبي أن المشروع يسير وفق "
                   "الخطة.")
    assert [speaker for _, _, speaker, _ in rows] == ["محمد العتيبي"] * 2


def test_a_place_before_a_headlines_colon_is_a_dateline_unless_the_place_speaks() -> None:
    # «كينيا: مقتل ...»: where the news comes from, not who said it
    assert _quotes("كينيا: مقتل خمسة أشخاص في هجوم على قرية حدودية\n\n"
                   "قتل خمسة أشخاص أمس في هجوم شنه مسلحون.") == []
    assert _quotes("المغرب: اعتقال ثمانية أشخاص بتهمة التخطيط لاعتداءات\n\nنص الخبر.") == []
    # a word in quotation marks on the right is no speech of the place either
    assert _quotes("بيروت: «أزمة النفايات» تتصاعد في الضاحية\n\nنص الخبر.") == []
    # in the first person the state speaks: «طهران: موجوداتنا ...», «الخرطوم: لسنا ...»
    [(kind, cue, speaker, content)] = _quotes(
        "طهران: موجوداتنا المجمدة في الخارج تبلغ 29 مليار دولار\n\nنص الخبر.")
    assert (kind, cue, speaker) == ("direct", ":", "طهران")
    assert content.startswith("موجوداتنا")
    [(_, _, speaker, _)] = _quotes("الخرطوم: لسنا في حاجة إلى تمويل من أحد\n\nنص الخبر.")
    assert speaker == "الخرطوم"
    # and a whole right side in quotation marks is the place's words
    [(_, _, speaker, _)] = _quotes("لبنان: «لن نقبل بأي تسوية على حساب الدولة»\n\nنص.")
    assert speaker == "لبنان"
    # a body before the colon still speaks («الداخلية المصرية: ضبط 44 عنصرا»)
    [(_, _, speaker, _)] = _quotes("الداخلية المصرية: ضبط 44 عنصرا من المطلوبين\n\nنص الخبر.")
    assert speaker == "الداخلية المصرية"


def test_a_body_named_only_by_its_kind_is_an_unnamed_source() -> None:
    # «صحيفة بريطانية», «محكمة أمريكية», «جماعة مجهولة»: no one the reader can cite
    for subject in ("صحيفة بريطانية", "محكمة أمريكية", "جماعة مجهولة", "هيئة دولية"):
        [(kind, cue, speaker, content)] = _quotes(
            HEAD + f"وقالت {subject} إن الحكومة تدرس خطة جديدة للإسكان.")
        assert (cue, speaker) == ("قالت", None), subject
        assert content == "الحكومة تدرس خطة جديدة للإسكان"
    # a body named by its place is named («جامعة جدة»), as is one with the article
    [(_, _, speaker, _)] = _quotes(HEAD + "وأعلنت جامعة جدة أن التسجيل يبدأ غدا.")
    assert speaker == "جامعة جدة"
    [(_, _, speaker, _)] = _quotes(HEAD + "وقالت منظمة العفو الدولية إن الوضع خطير جدا.")
    assert speaker == "منظمة العفو الدولية"


def test_a_colon_quote_ends_where_a_later_sentence_opens_a_quote() -> None:
    # «قال متحدث لوكالة ...: إن الضحايا ... . وأوضح المتحدث أن ...»: one paragraph, two
    # quotes; a sentence without a cue stays in the colon quote
    rows = _quotes(
        HEAD + "وقال متحدث باسم الدفاع المدني للصحفيين: إن الضحايا هم أربعة عمال في الحقول "
        "قرب المدينة. وكانت الأمطار غزيرة. وأوضح المتحدث أن الأطفال أعمارهم بين ثلاث وتسع "
        "سنوات.")
    assert [(kind, cue) for kind, cue, _, _ in rows] == [("direct", "قال"), ("indirect", "أوضح")]
    assert rows[0][3] == ("إن الضحايا هم أربعة عمال في الحقول قرب المدينة. "
                          "وكانت الأمطار غزيرة.")
    assert rows[1][3] == "الأطفال أعمارهم بين ثلاث وتسع سنوات"


def test_a_headline_role_goes_to_the_one_man_whose_role_says_more() -> None:
    # «أمين الرياض: ...»: the body names «أمين منطقة الرياض» and, later, a man who is only
    # «الأمين»; nobody has spoken before the headline
    rows = _quotes(
        "أمين الرياض: ماضون في تطوير فعاليات العيد\n\nافتتح أمين منطقة الرياض المهندس "
        "إبراهيم السلطان فعاليات العيد في الحدائق العامة أمس. وحضر الحفل الأمين سعد "
        "الحربي وعدد من المسؤولين.")
    assert rows[0][1:3] == (":", "إبراهيم السلطان")
    # a one-word role tells too little: «الملك:» stays unnamed between two kings
    rows = _quotes(
        "الملك: نرحب بالضيوف\n\nاستقبل الملك سلمان بن عبدالعزيز ملك المملكة العربية "
        "السعودية الملك عبدالله الثاني ملك الأردن في جدة أمس.")
    assert rows[0][1:3] == (":", None)


def test_a_role_takes_the_place_it_governs_and_its_holder_follows() -> None:
    # «محافظ محافظة عدن نائف البكري»: the place is part of the role, the name after it
    corpus = _corpus(HEAD + "وقال محافظ محافظة عدن نائف البكري إن الأوضاع مستقرة في المدينة.")
    [quote] = corpus.articles[0].quotes
    speaker = corpus.actor_by_id[quote.speaker]
    assert speaker.name == "نائف البكري"
    assert "محافظ محافظة عدن" in speaker.roles
    # a headline's short form of it finds the same man
    rows = _quotes("أمير عسير: الصيف يشهد نقلة نوعية\n\nرحب أمير منطقة عسير الأمير فيصل بن "
                   "خالد بالزوار، وقال إن المنطقة جاهزة.")
    assert rows[0][1:3] == (":", "فيصل بن خالد")
    # the role is often a genitive with no holder named after it
    corpus = _corpus(HEAD + "وذلك برعاية أمير منطقة مكة المكرمة لحفل افتتاح المهرجان أمس.")
    assert not [e for e in corpus.articles[0].entities if e.type == "PERS"]


def test_a_surname_that_is_also_a_role_word_stays_in_the_name() -> None:
    for name in ("صالح بن عبد الله القاضي", "عبداللطيف آل الشيخ", "إسماعيل ولد الشيخ أحمد"):
        [(_, _, speaker, _)] = _quotes(
            HEAD + f"وأكد وزير الشؤون البلدية المهندس {name} أن العمل مستمر في المشروع.")
        assert speaker == name


def test_the_supervisor_of_something_is_a_role_and_the_honourable_is_not() -> None:
    # «أكد المشرف العام على المهرجان فلان أن», «وقالت المشرفة على البرنامج فلانة إن»
    [(_, _, speaker, _)] = _quotes(
        HEAD + "وأكد المشرف العام على المهرجان أحمد السالم أن اللجان جاهزة لاستقبال الزوار.")
    assert speaker == "أحمد السالم"
    [(_, _, speaker, _)] = _quotes(
        HEAD + "وقالت المشرفة على البرنامج نورة العتيبي إن البرنامج يستهدف الطالبات.")
    assert speaker == "نورة العتيبي"
    # the adjective «المشرفة» (honourable) after a noun begins no name
    corpus = _corpus(HEAD + "ونسعى لتقديم الصورة المشرفة لوطننا في كل المحافل الدولية.")
    assert not [e for e in corpus.articles[0].entities if e.type == "PERS"]


def test_pointing_to_a_verbal_noun_reports_it_and_indicating_does_not() -> None:
    rows = _quotes(HEAD + "وقال مدير المرصد سامر خليل إن الغارات استمرت. ولفت إلى مقتل 40 "
                          "من عناصر التنظيم في الضربات الأخيرة. وهذا يشير إلى تراجع كبير في "
                          "قدرات التنظيم. وأشار بيده إلى باب القاعة.")
    assert [(cue, speaker, content) for _, cue, speaker, content in rows] == [
        ("قال", "سامر خليل", "الغارات استمرت"),
        ("لفت", "سامر خليل", "إلى مقتل 40 من عناصر التنظيم في الضربات الأخيرة")]


def test_some_of_a_group_is_an_unnamed_source_and_praise_opens_with_bi() -> None:
    text = (HEAD + "وقال الوزير سامر خليل إن العمل مستمر.\nأكد عدد من المختصين في قطاع "
                   "السياحة على ارتفاع نسبة السفر إلى الخارج هذا الصيف.\nوأشاد عدد كبير من "
                   "الزوار بالتنظيم الجيد الذي شهدته فعاليات المهرجان.\nونوه مدير الشؤون "
                   "الصحية بالمنطقة بالجهود التي بذلتها فرق الإسعاف.")
    assert [(cue, speaker, content) for _, cue, speaker, content in _quotes(text)][1:] == [
        ("أكد", None, "على ارتفاع نسبة السفر إلى الخارج هذا الصيف"),
        ("أشاد", None, "بالتنظيم الجيد الذي شهدته فعاليات المهرجان"),
        ("نوه", None, "بالجهود التي بذلتها فرق الإسعاف")]
    # the group is named as an unnamed source, not given to the minister named before
    assert _speaker_texts(text)[1:] == [
        "عدد من المختصين", "عدد كبير من الزوار", "مدير الشؤون الصحية بالمنطقة"]


def test_a_participle_takes_the_subject_of_its_clause_past_a_place_an_aside_or_fima() -> None:
    rows = _quotes(HEAD + "وشدد مدير التعليم في القصيم سامي العلي على عدم وجود مجاملة لأي "
                          "مقاول، مؤكدا أن الإدارة ستحاسب المقصرين.\nفيما اعترف رئيس البلدية "
                          "المهندس ناصر خليل بتأخر المقاول، مؤكدا أن العمل سيكتمل قريبا.\n"
                          "وتحدث أحمد الديب - كاتب - قائلاً: إن العقال من مكونات اللباس.\n"
                          "من ناحيته ثمَّن السفير فهد قطان، سفير المملكة في مصر دعم الشركة "
                          "للصندوق الخيري، مؤكدا أن الدعم سيستمر.")
    assert [(cue, speaker) for _, cue, speaker, _ in rows] == [
        ("شدد", "سامي العلي"), ("مؤكدا", "سامي العلي"), ("مؤكدا", "ناصر خليل"),
        ("قائلاً", "أحمد الديب"), ("مؤكدا", "فهد قطان")]
    assert rows[0][3] == "على عدم وجود مجاملة لأي مقاول"


def test_a_bare_bayyana_after_min_jihatihi_and_a_comma_is_the_verb() -> None:
    rows = _quotes(HEAD + "وأوضح البائع بسام العلي، أن الزوار يحرصون على شراء العقيق. من "
                          "جهته، بيّن البائع ياسر الديب، أن الأسعار في متناول الجميع، مشيراً "
                          "إلى أن الفضة القديمة تشهد إقبالا كبيرا.")
    assert [(cue, speaker) for _, cue, speaker, _ in rows] == [
        ("أوضح", "بسام العلي"), ("بيّن", "ياسر الديب"), ("مشيراً", "ياسر الديب")]


def test_a_body_ends_before_a_title_and_before_a_verbal_noun_it_reports() -> None:
    text = (HEAD + "وقال مدير جامعة الملك سعود الدكتور بدران العمر إن العمل مستمر.\n"
                   "وأكدت وزارة الخارجية التركية الالتزام بالاتفاق النووي الموقع.")
    article = _corpus(text).articles[0]
    bodies = [entity.text for entity in article.entities if entity.type == "ORG"]
    assert bodies == ["جامعة الملك سعود", "وزارة الخارجية التركية"]
    assert [(cue, speaker, content) for _, cue, speaker, content in _quotes(text)] == [
        ("قال", "بدران العمر", "العمل مستمر"),
        ("أكدت", "وزارة الخارجية التركية", "الالتزام بالاتفاق النووي الموقع")]


def test_a_body_named_in_quotation_marks_speaks_and_so_does_the_emirate() -> None:
    rows = _quotes("\"البرقان\" يعلن أسماء الأندية المستحقة للتسجيل\n\nوقال رئيس اللجنة "
                   "عبدالله البرقان إن الأندية كثيرة.\nوقالت «موبايلي» إن الخدمة متاحة لجميع "
                   "المشتركين.\nوحذرت إمارة منطقة القصيم من تشغيل العمالة تحت أشعة الشمس.")
    assert [(cue, speaker, content) for _, cue, speaker, content in rows] == [
        ("يعلن", "عبدالله البرقان", "أسماء الأندية المستحقة للتسجيل"),
        ("قال", "عبدالله البرقان", "الأندية كثيرة"),
        ("قالت", "موبايلي", "الخدمة متاحة لجميع المشتركين"),
        ("حذرت", "إمارة منطقة القصيم", "من تشغيل العمالة تحت أشعة الشمس")]


def test_the_rank_al_fariq_before_a_name_is_a_title_and_the_team_is_not() -> None:
    rows = _quotes(HEAD + "وشدد الفريق أول صدقي صبحي وزير الدفاع على أنه لا تهاون مع من يعبث "
                          "بالأمن.\nويقول الفريق مهاب مميش إن المشروع اكتمل في موعده.\nويرى "
                          "الفريق أن الفوز ممكن.")
    assert [(cue, speaker) for _, cue, speaker, _ in rows] == [
        ("شدد", "صدقي صبحي"), ("يقول", "مهاب مميش")]


def test_a_plain_saying_verb_keeps_its_quote_when_its_subject_names_no_one() -> None:
    rows = _quotes(HEAD + "وقال ضابط يمني - فضل عدم الكشف عن اسمه - إن الجيش في حالة صعبة.\n"
                          "وقال 57% من الآباء إن أطفالهم يفضلون الكمبيوتر اللوحي.\nوكشفت "
                          "الأرقام أن البطالة ارتفعت.")
    assert [(cue, speaker, content) for _, cue, speaker, content in rows] == [
        ("قال", None, "الجيش في حالة صعبة"),
        ("قال", None, "أطفالهم يفضلون الكمبيوتر اللوحي")]


def test_a_statement_pointed_back_to_and_an_unnamed_source_with_its_adjectives() -> None:
    text = (HEAD + "وألقى الأمين العام سامر خليل كلمة أعرب فيها عن شكره للمملكة على هذه "
                   "اللفتة.\nوكشف مصدر أمني عراقي مسؤول عن تخلي واشنطن عن الفيتو.\nوأكد "
                   "مسؤولون أمريكيون استمرار الغارات على مواقع التنظيم.")
    assert [(cue, speaker, content) for _, cue, speaker, content in _quotes(text)] == [
        ("أعرب", "سامر خليل", "عن شكره للمملكة على هذه اللفتة"),
        ("كشف", None, "عن تخلي واشنطن عن الفيتو"),
        ("أكد", None, "استمرار الغارات على مواقع التنظيم")]
    assert _speaker_texts(text)[1:] == [
        "مصدر أمني", "مسؤولون أمريكيون"]


def test_a_short_name_in_marks_after_a_clause_opening_cue_is_its_subject() -> None:
    rows = _quotes(HEAD + "وقال المدير سامي الصالح إن العام الدراسي بدأ.\nوحثّ \"الصالح\" "
                          "الجميع على العمل والتكاتف في سبيل إنجاح العام.\nوأعلنت «سابك» "
                          "توزيع أرباح نقدية على المساهمين عن النصف الأول.")
    assert [content for *_, content in rows][1:] == [
        "الجميع على العمل والتكاتف في سبيل إنجاح العام",
        "توزيع أرباح نقدية على المساهمين عن النصف الأول"]


def test_what_was_said_starts_after_the_outlet_and_the_place_of_the_subject() -> None:
    rows = _quotes(HEAD + "وكشفت مصادر تركية مطلعة لـ«الشرق الأوسط» عن مسار جديد للغارات على "
                          "التنظيم.\nوكشف مصدر قبلي في شبوة لـ«الشرق الأوسط»، سيطرة القوات على "
                          "المنطقة كلها.\nوأكد الوزير في الرياض أمس على أهمية العمل المشترك.")
    assert [content for *_, content in rows] == [
        "عن مسار جديد للغارات على التنظيم", "سيطرة القوات على المنطقة كلها",
        "على أهمية العمل المشترك"]


def test_an_indefinite_role_word_before_a_comma_is_the_surname_of_a_cut_name() -> None:
    text = (HEAD + "من جهته، أكد المتحدث الرسمي باسم وزارة الحج حاتم قاضي، أن التسجيل "
                   "الإلكتروني يوفر السهولة للحجاج.")
    [(_, cue, speaker, _)] = _quotes(text)
    assert (cue, speaker) == ("أكد", "حاتم قاضي")


def test_a_second_given_name_and_the_surname_complete_a_cut_name_but_ala_does_not() -> None:
    rows = _quotes(HEAD + "من جانبه، أكد رئيس مجلس إدارة الشركة محمد علي النقي أن المؤتمر "
                          "سيشهد مشاركة واسعة.")
    assert [speaker for _, _, speaker, _ in rows] == ["محمد علي النقي"]


def test_a_group_asking_someone_is_read_whole_before_the_ones_asked() -> None:
    text = (HEAD + "وطالب عدد من السكان الجهات المختصة بتكثيف الرقابة في الحي.\nودعا عدد من "
                   "المختصين إلى أهمية احتواء الشباب حتى لا يقعوا فريسة للتنظيمات.")
    assert [content for *_, content in _quotes(text)] == [
        "الجهات المختصة بتكثيف الرقابة في الحي",
        "إلى أهمية احتواء الشباب حتى لا يقعوا فريسة للتنظيمات"]
    assert _speaker_texts(text) == [
        "عدد من السكان", "عدد من المختصين"]


def _person_names(text: str) -> list[str]:
    """The names of the persons among the actors of ``text``."""
    return [actor.name for actor in _corpus(text).actors if actor.type == "PERS"]


def test_a_club_a_paper_or_a_hospital_speaks_as_the_body_it_heads() -> None:
    text = (HEAD + "وذكر نادي الوحدة عبر حسابه الرسمي أن اللاعب سيغيب عن المباراة.\n"
                   "وأوضح المستشفى أن حالة المصاب مستقرة.")
    assert [(cue, speaker) for _, cue, speaker, _ in _quotes(text)] == [
        ("ذكر", "نادي الوحدة"), ("أوضح", "المستشفى")]
    assert _person_names(text) == []


def test_a_spokesman_for_a_body_is_no_person_named_basim() -> None:
    # «الناطق الإعلامي باسم»: the adjective is itself a role; «باسم صحة جدة»: an
    # indefinite body; «باسم «شركة»»: a body in marks
    text = (HEAD + "وقال الناطق الإعلامي باسم الشرطة العقيد فهد الزهراني إن الحادث وقع ليلا.\n"
                   "وأكد المتحدث الرسمي باسم صحة جدة سالم الغامدي أن المصابين بخير.\n"
                   "وقالت المتحدثة باسم «نوفا» إن الخدمة ستعود.")
    assert [speaker for _, _, speaker, _ in _quotes(text)] == [
        "فهد الزهراني", "سالم الغامدي", None]
    assert sorted(_person_names(text)) == ["سالم الغامدي", "فهد الزهراني"]


def test_a_word_behind_lam_after_a_role_and_its_club_is_no_name() -> None:
    # «لعدم وجود» is "for lack of", not the man the role names
    text = (HEAD + "وتشير المصادر إلى بقاء القريني رئيسا مكلفا لنادي الوحدة لعدم وجود "
                   "مرشحين لهذا المنصب.")
    assert "لعدم وجود" not in _person_names(text)


def test_what_the_man_is_before_his_name_is_no_name_of_its_own() -> None:
    # a rank's words after a title, and a description before the cue's subject
    text = (HEAD + "وقال العميد طيار ركن فهد سعد الزهراني إن الطلعات مستمرة.\n"
                   "وأوضح منظم الفعالية نزار السليماني أن العرض يستمر أسبوعا.")
    assert [speaker for _, _, speaker, _ in _quotes(text)] == [
        "فهد سعد الزهراني", "نزار السليماني"]
    assert sorted(_person_names(text)) == ["فهد سعد الزهراني", "نزار السليماني"]


def test_the_praise_of_god_is_no_person() -> None:
    text = (HEAD + "وهنأ المحافظ المواطنين بالعيد، داعيًا المولى عز وجل أن يديم على البلاد "
                   "نعمة الأمن.")
    assert _person_names(text) == []


def test_the_kings_title_names_the_king_after_it_and_no_one_alone() -> None:
    text = (HEAD + "وشدد خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز على أن المملكة "
                   "ستكافح الإرهاب.\nوحمل خادم الحرمين الشريفين تحياته للرئيس.")
    assert [speaker for _, _, speaker, _ in _quotes(text)] == ["سلمان بن عبدالعزيز"]
    assert _person_names(text) == ["سلمان بن عبدالعزيز"]


def test_particles_and_others_are_no_persons_but_names_in_alif_madda_are() -> None:
    # «آخرون» folds like «اخرون»; «آي» and «آلان» fold like «أي» and «الآن»
    text = (HEAD + "ويرى آخرون أن الرسوم ستحرك السوق.\nوأكد الخبراء أن المخرج ليس هو الحل "
                   "وحده.\nوقال آي إنه حصل على التأشيرة.\nوقال آلان بليندر أستاذ الاقتصاد "
                   "إن الأرباح تتحسن.")
    assert sorted(_person_names(text)) == ["آلان بليندر", "آي"]


def test_a_titled_person_after_and_starts_after_it() -> None:
    text = (HEAD + "وحضر اللقاء المهندس عادل فقيه وزير الاقتصاد والتخطيط، وعادل الجبير وزير "
                   "الخارجية، ووليد الخريجي وكيل الوزارة.")
    names = _person_names(text)
    assert "عادل الجبير" in names and "وعادل الجبير" not in names


def test_a_known_word_before_an_ordinary_definite_word_is_no_name() -> None:
    # «نظير» and «قوة» begin names in the corpora, but «نظير المبلغ» («in return for the
    # sum») and «قوة المهام» are no one; a family name in «ي» after such a word stays
    text = (HEAD + "ويسعى النادي لضم اللاعب نظير المبلغ المالي الكبير.\n"
                   "وقالت قوة المهام المشتركة في بيان إن الغارات استمرت.\n"
                   "وقال الدكتور سلامة الحربي إن الموسم جيد.")
    assert _person_names(text) == ["سلامة الحربي"]


def test_an_agency_named_jihaz_speaks_as_a_body() -> None:
    text = HEAD + "وبين جهاز الإحصاء أن عدد الزوار ارتفع.\n"
    assert [(cue, speaker) for _, cue, speaker, _ in _quotes(text)] == [
        ("بين", "جهاز الإحصاء")]
    assert _person_names(text) == []


def test_a_word_behind_lil_or_bil_ends_a_titled_name() -> None:
    text = (HEAD + "وسيحضر الأمير فيصل للاطلاع على الاستعدادات.\n"
                   "ويسعى المدرب لإقناع الرئيس أوباما بالتوقيع على القرار.\n"
                   "وانضم المهاجم ماريو بالوتيلي إلى الفريق.")
    assert sorted(_person_names(text)) == ["أوباما", "فيصل", "ماريو بالوتيلي"]


def test_a_prayer_for_the_speaker_is_no_subject() -> None:
    # «مؤكداً -أيده الله- عمق ...»: the prayer between the participle and what is said
    text = "وقد حمل الملك معاليه تحياته للرئيس، مؤكداً -أيده الله- عمق العلاقات."
    tokens = tokenize(text)
    mentions, reader = collect_mentions(text, tokens, recognizer("auto").recognize(text, tokens))
    cue = [word.text for word in reader.words].index("مؤكداً")
    subject = read_subject(reader, mentions, cue + 1, cue + 5, None)
    assert (subject.kind, subject.text) == ("implicit", None)


def test_an_abbreviated_title_after_a_role_leads_to_the_name() -> None:
    [(_, cue, speaker, _)] = _quotes(
        HEAD + "وأكد وكيل الوزارة للشؤون التعليمية د.محمد العواد أن جميع اللجان عملت.")
    assert (cue, speaker) == ("أكد", "محمد العواد")


def test_god_prayed_to_is_no_speaker() -> None:
    # «داعيا الله أن ...»: the man who prays speaks; «قال الله تعالى» is left as it was
    text = (HEAD + "وقدم المدير طلال التمياط تعازيه لأسرة الفقيد، داعيا الله أن يتغمده "
                   "برحمته.")
    assert [speaker for _, _, speaker, _ in _quotes(text)] == ["طلال التمياط"]


def test_a_titled_name_after_and_never_keeps_the_and() -> None:
    # «و» before a given name or a name the lists know; «وليد» and «وحي» are names
    text = "الشاعر وبدر الحويفي والمهندس وليد الشمري والمهندس وحي أمان"
    mentions = MentionSet(text, [])
    for written, name in (("وبدر الحويفي", "بدر الحويفي"), ("وليد الشمري", "وليد الشمري"),
                          ("وحي أمان", "وحي أمان")):
        start = text.index(written)
        person = mentions.add_titled_person(start, start + len(written), [])
        assert person is not None and person.text == name


def test_dhu_binds_a_family_name_but_begins_none() -> None:
    text = (HEAD + "وتزوجت الممثلة من المخرج عز الدين ذو الفقار عام 1947.\n"
                   "وأصر الفنان ذو الشهرة العالمية على أن الاتهامات باطلة.")
    assert _person_names(text) == ["عز الدين ذو الفقار"]


def test_a_straight_mark_left_open_ends_with_its_sentence() -> None:
    # the first «"» is never closed; the next sentence's cue opens its own
    rows = _quotes(
        HEAD + "رحب الأمير فيصل بن خالد بزوار المنطقة. وقال سموه \"إن المنطقة بيت الأمن "
               "للسياحة الداخلية. وتحدث سموه عن مقومات المنطقة، وقال سموه \"مرحبا بكل زائر "
               "في هذه المنطقة\" .")
    assert [(kind, cue, speaker) for kind, cue, speaker, _ in rows] == [
        ("direct", "قال", "فيصل بن خالد"), ("direct", "قال", "فيصل بن خالد")]
    assert [content for *_, content in rows] == [
        "إن المنطقة بيت الأمن للسياحة الداخلية.", "مرحبا بكل زائر في هذه المنطقة"]


def test_a_mark_written_as_closing_opens_no_quote() -> None:
    # the first «"» is left over from an unbalanced quote: read as an opening mark, it
    # would pair with the mark before «الجاسر» and shift every pair after it
    rows = _quotes(
        HEAD + "وأوضح المدير خالد الجاسر أن الخطة تتحقق على أرض الواقع\". وأضاف \"الجاسر\" "
               "أن تغيير المسمى من \"مسافر\" إلى \"ضيف\" لن يكون مجرد تغيير في الاسم. وقال: "
               "\"نحن عازمون على الوفاء بالتزاماتنا\".")
    assert [(kind, cue, speaker) for kind, cue, speaker, _ in rows] == [
        ("indirect", "أوضح", "خالد الجاسر"), ("indirect", "أضاف", "خالد الجاسر"),
        ("direct", "قال", "خالد الجاسر")]
    assert rows[2][3] == "نحن عازمون على الوفاء بالتزاماتنا"


def test_according_to_a_source_then_fa_inna_without_a_comma() -> None:
    [(kind, cue, speaker, content)] = _quotes(
        HEAD + "ووفقا للخبير المصرفي سامي الحربي فإن المصارف بدأت تطبيق القواعد الجديدة.")
    assert (kind, cue, speaker) == ("indirect", "ووفقا", "سامي الحربي")
    assert content == "المصارف بدأت تطبيق القواعد الجديدة"
    # figures are no source, behind «ل» too; a report is one, named without the «ل»
    assert _quotes(HEAD + "ووفقا لتقديرات الهيئة فإن القطاع ينمو بسرعة كبيرة هذا العام.") == []
    assert _speaker_texts(HEAD + "ووفقا لتقرير المرصد فإن أسعار الوقود ارتفعت كثيرا هذا "
                                 "الشهر.") == ["تقرير المرصد"]


def test_a_colon_after_inna_opens_the_words_said() -> None:
    [(kind, cue, speaker, content)] = _quotes(
        HEAD + "وقال الوزير سامي الحربي في المؤتمر إن: «أي خطر على بلد هو خطر على الجميع».")
    assert (kind, cue, speaker) == ("direct", "قال", "سامي الحربي")
    assert content == "أي خطر على بلد هو خطر على الجميع"


def test_the_paper_named_again_is_the_paper_named_before() -> None:
    # not the body named between («الاتحاد الدولي للسباحة»), after an unnamed source
    text = (HEAD + "نقلت صحيفة واشنطن بوست الأمريكية عن مصادر قولها إن الوزارة تحقق في صفقات مع "
                   "الاتحاد الدولي للسباحة.\nوأضافت الصحيفة أن المحققين استجوبوا عددا من "
                   "المسؤولين.")
    assert [speaker for _, _, speaker, _ in _quotes(text)] == [None, "واشنطن بوست"]


def test_the_subject_after_kadhalik_speaks_in_his_speech() -> None:
    # «قال فيها»: the speech's giver, the subject of the verb after «وكذلك», not the
    # company named in his titles
    text = (HEAD + "وكذلك ألقى رئيس مجلس إدارة المملكة القابضة ومالك شركة روتانا الأمير "
                   "الوليد بن طلال كلمة لهذا الحفل قال فيها: لقد تابعت بنفسي هذا المشروع "
                   "منذ بدايته.")
    assert [speaker for _, _, speaker, _ in _quotes(text)] == ["الوليد بن طلال"]


def test_a_colon_quote_hands_on_to_the_next_cue_with_a_colon() -> None:
    # no quotation marks: the first quote ends where the next speaker's colon quote begins
    text = (HEAD + "وقال المدير خالد بن فهد: نطلق المشروع من جدة لعدة أسباب، وأضاف الحربي: "
                   "جدة هي القلب النابض للفن.\nوقال المدرب: الجميع جاهز للمنافسات بفضل "
                   "الله وأضاف: أطمئن أهالي اللاعبين أن الجميع بخير.")
    assert [(cue, content) for _, cue, _, content in _quotes(text)] == [
        ("قال", "نطلق المشروع من جدة لعدة أسباب"), ("أضاف", "جدة هي القلب النابض للفن."),
        ("قال", "الجميع جاهز للمنافسات بفضل الله"),
        ("أضاف", "أطمئن أهالي اللاعبين أن الجميع بخير.")]


def test_the_place_that_ends_a_title_is_no_part_of_the_name() -> None:
    text = (HEAD + "وأوضح المدير العام للتعليم بجازان عيسى بن أحمد الحكمي أن المرشحين كثر.\n"
                   "وأوضح مدير جامعتي الملك عبد العزيز وجدة المكلف أن المذكرتين وقعتا.")
    assert _person_names(text) == ["عيسى بن أحمد الحكمي"]
    assert _speaker_texts(text)[0] == "عيسى بن أحمد الحكمي"


def test_a_forecast_reports_its_verbal_noun() -> None:
    # «متوقعاً الانتهاء من ...» is what he expects; «توقّع» alone is as often «signs»
    text = (HEAD + "وأكد الوزير خالد الفالح أهمية المشروع، متوقعا الانتهاء من تحديد أسعار "
                   "كافة الشركات الأسبوع المقبل.\nتوقّع إدارة المطار يوم غد عقد إنشاء مبنى "
                   "الطيران الخاص مع شركة وطنية.")
    [(kind, cue, speaker, content)] = _quotes(text)
    assert (kind, cue, speaker) == ("indirect", "متوقعا", "خالد الفالح")
    assert content.startswith("الانتهاء من تحديد أسعار")


def test_a_name_after_a_title_ends_before_waw_and_the_next_phrase() -> None:
    # «و» with the article or before a noun with its pronoun begins what follows the name
    article = _corpus(
        HEAD + "يعمل الرئيس الأمريكي باراك أوباما وإدارته على الترويج للاتفاق. ويبدأ "
        "المدرب الروماني فيكتور بولوني وجهازه المساعد مهامهم اليوم. ورافقه ابنه الأمير "
        "خالد والذي كان عمره آنذاك عشرين سنة.").articles[0]
    persons = {entity.text for entity in article.entities if entity.type == "PERS"}
    assert {"باراك أوباما", "فيكتور بولوني", "خالد"} <= persons
    assert not [name for name in persons if name.split()[-1].startswith("و")]


def test_his_highness_before_a_role_names_its_holder() -> None:
    # «سمو» before the role, as «معالي» is: the role's holder named earlier speaks
    rows = _quotes(HEAD + "ونوه الأمير سعود بن خالد رئيس الهيئة العامة للرياضة بالدعم. "
                          "وأكد سمو رئيس الهيئة أن البرنامج سيبدأ في الخريف.")
    assert [(cue, speaker) for _, cue, speaker, _ in rows][-1] == ("أكد", "سعود بن خالد")


def test_a_body_named_again_by_its_head_alone() -> None:
    # a body whose full name opens with the article («الهيئة العامة ...», «المنسقية ...»)
    # is the same body when its head alone speaks again
    rows = _quotes(HEAD + "أعلنت المنسقية العامة لشؤون الإغاثة أن القوافل وصلت. وأفادت "
                          "المنسقية في بيان لها أن المستودعات امتلأت. وأكدت الهيئة العامة "
                          "للإحصاء أن العدد زاد. وأوضحت الهيئة أن المسح اكتمل.")
    assert [speaker for _, _, speaker, _ in rows] == [
        "المنسقية العامة لشؤون الإغاثة", "المنسقية العامة لشؤون الإغاثة",
        "الهيئة العامة للإحصاء", "الهيئة العامة للإحصاء"]


def test_people_after_a_body_are_the_verbs_object() -> None:
    # «ودعت الوزارة المواطنين»: a plural of people after a definite body is no adjective
    rows = _quotes(HEAD + "أعلنت وزارة النقل أن الطرق مفتوحة. ودعت الوزارة المواطنين إلى "
                          "الالتزام بالسرعة. ودعت الجوازات الأشقاء المقيمين إلى مراجعة "
                          "المراكز.")
    assert [speaker for _, _, speaker, _ in rows] == ["وزارة النقل", "وزارة النقل",
                                                      "الجوازات"]


def test_a_particle_after_a_role_names_no_one() -> None:
    # «فإن» as written begins no name after a role; «فان غال» does
    text = (HEAD + "وحسب الخبير الأممي، فإن هذين العاملين هما السبب وراء الأزمة.\n"
                   "وقال المدرب الهولندي لويس فان غال إن الفريق جاهز.")
    assert _person_names(text) == ["لويس فان غال"]


def test_relayed_through_an_agency_the_source_after_an_speaks() -> None:
    # «ونقلت الوكالة عن فلان أن»: the one named after «عن» speaks, not the agency; without
    # «عن», or with «عن طريق», «نقل» carries things
    rows = _quotes(HEAD + "ونقلت وكالة الأناضول عن المتحدث باسم مجلس المحافظة سامر الحديثي "
                          "أن القوات تقدمت نحو المدينة. ونقلت وكالة رويترز عن مصادر مطلعة أن "
                          "الاجتماع تأجل إلى الأسبوع المقبل. وتم نقل المصابين عن طريق الإسعاف "
                          "بعد أن وصلت الفرق.")
    assert [(cue, speaker, content) for _, cue, speaker, content in rows] == [
        ("نقلت", "سامر الحديثي", "القوات تقدمت نحو المدينة"),
        ("نقلت", None, "الاجتماع تأجل إلى الأسبوع المقبل")]


def test_however_after_a_cue_reports_nothing() -> None:
    # «إلا أن» / «غير أن» open a clause of their own, not what the cue before says
    assert _quotes(HEAD + "وكان المدرب قد طالب اللاعبين بالتركيز في التدريبات، إلا أن "
                          "الإرهاق غلب معظمهم في الحصة الأخيرة.") == []
    [(_, cue, _, content)] = _quotes(HEAD + "وقال الوزير إن المشروع تأخر، إلا أن العمل "
                                            "مستمر في الموقع.")
    assert (cue, content) == ("قال", "المشروع تأخر، إلا أن العمل مستمر في الموقع")


def test_what_was_not_revealed_is_no_quote() -> None:
    # «ولم يكشف ... عن»: nothing was said; «لم يستبعد أن» still reports a view
    assert _quotes(HEAD + "ولم يكشف النادي عن التفاصيل المالية للتعاقد مع اللاعب.") == []
    [(_, cue, _, _)] = _quotes(HEAD + "ولم يستبعد الوزير أن تعود المفاوضات قريبا.")
    assert cue == "يستبعد"


def test_a_clause_of_time_or_need_is_not_what_was_said() -> None:
    # «قبل أن يعود», «يجب أن»: «أن» of time or need; the words said may still follow
    assert _quotes(HEAD + "وأحرز ميسي الهدف الأول ثم أضاف البرازيلي نيمار الهدف الثاني "
                          "قبل أن يعود ميسي للتسجيل.") == []
    [(_, cue, speaker, content)] = _quotes(HEAD + "وقال الوزير بعد أن التقى نظيره إن "
                                                  "العلاقات ممتازة.")
    assert (cue, speaker, content) == ("قال", None, "العلاقات ممتازة")


def test_a_family_name_in_ya_ends_the_speakers_name_after_a_title() -> None:
    # the recogniser left the given name out and the title's reading the family name:
    # the speaker is the whole chain with its family name
    rows = _quotes(HEAD + "ودعا مدير جوازات المنطقة العميد مشبب بن محمد القحطاني، جميع "
                   "الإخوة المقيمين إلى مراجعة المكتب. وأكد القحطاني أن العمل مستمر.\n")
    assert [speaker for _, _, speaker, _ in rows] == ["مشبب بن محمد القحطاني"] * len(rows)
    assert rows


def test_on_behalf_after_a_deputy_spokesman_is_no_name() -> None:
    # «باسم» is also a given name: after «نائب المتحدث» and «كبير المتحدثين» it is «on
    # behalf of», and the man named after the body speaks
    text = (HEAD + "وقال نائب المتحدث باسم الخارجية الأمريكية مارك تونر إن الحكومة تدين "
            "الهجوم. وقال عبيد الله عبيد كبير المتحدثين باسم شرطة الإقليم إن القوات جاهزة.\n")
    corpus = _corpus(text)
    persons = [e.text for e in corpus.articles[0].entities if e.type == "PERS"]
    assert "باسم" not in persons
    assert [speaker for _, _, speaker, _ in _quotes(text)] == ["مارك تونر", "عبيد الله عبيد"]


def test_a_family_name_after_a_chain_ends_the_name_after_a_title() -> None:
    # «فقيه» is also «jurist»: after the chain and before the comma it is his family name
    rows = _quotes(HEAD + "وأوضح مدير الصندوق المهندس عادل بن محمد فقيه، أن البرنامج يدعم "
                   "الكفاءات.\n")
    assert [speaker for _, _, speaker, _ in rows] == ["عادل بن محمد فقيه"]


def test_according_to_a_source_then_fa_qad() -> None:
    [(kind, cue, speaker, content)] = _quotes(
        HEAD + "ووفقا للمحلل المالي سامي الحربي فقد تراجعت أسعار الأسهم في الأسبوع الماضي.")
    assert (kind, cue, speaker) == ("indirect", "ووفقا", "سامي الحربي")
    assert content == "تراجعت أسعار الأسهم في الأسبوع الماضي"
    assert _speaker_texts(HEAD + "وحسب وزارة الداخلية فقد حددت الخطة أدوار الفرق الثلاث "
                                 "بدقة.") == ["وزارة الداخلية"]


@pytest.mark.parametrize("joint", ["، ", " فقد "])
def test_a_source_before_someone_who_speaks_leaves_the_words_to_them(joint) -> None:
    # «according to the agency, the minister said that ...»: one quote, the minister's
    rows = _quotes(HEAD + f"وبحسب وكالة الأنباء{joint}قال الوزير سامي الحربي إن العجز "
                          "سينخفض في العام المقبل.")
    assert [(cue, speaker) for _, cue, speaker, _ in rows] == [("قال", "سامي الحربي")]


def test_a_bare_present_of_tabaa_follows_unless_it_opens_a_sentence() -> None:
    # «أنك تتابع عروضا»: follows, says nothing
    assert _quotes(HEAD + "تنسى للحظات أنك تتابع عروضا ليست عادية، بمعنى أنها موجهة لجمهور "
                          "خاص جدا.") == []
    assert _quotes(HEAD + "ومن يتابع الأخبار منذ سنوات يدرك بسهولة أن الإعلام يوازي في تأثيره "
                          "القنبلة.") == []
    # at a sentence's start, with «و» or without it, it goes on speaking
    text = (HEAD + "وقال المحلل سامي الحربي إن «الأسواق تحتاج وقتا طويلا للتعافي». يتابع أنه "
            "«في مايو الماضي قررت الحكومة خفض الرسوم على الواردات».\n"
            "ويتابع الحربي: «أزعم أن الأسعار ستعود إلى الارتفاع قريبا».")
    assert [cue for _, cue, _, _ in _quotes(text)] == ["قال", "يتابع", "يتابع"]
