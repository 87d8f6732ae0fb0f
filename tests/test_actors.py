"""Actors: mentions merged within an article and across the corpus, with stable ids."""

from __future__ import annotations

from explorer.analysis.actors import LocalActor, build_corpus, resolve_article
from explorer.analysis.pipeline import analyze
from explorer.model import Article, Entity


def _mention(text: str, phrase: str, kind: str, occurrence: int = 0) -> Entity:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Entity(start, start + len(phrase), phrase, kind)


def test_surname_and_full_name_are_one_person() -> None:
    text = "روبرت بالادينو قال. وأشار بالادينو إلى ذلك."
    entities = [_mention(text, "روبرت بالادينو", "PERS"), _mention(text, "بالادينو", "PERS", 1)]
    [actor] = resolve_article(entities)
    assert actor.name == "روبرت بالادينو"
    assert actor.aliases == ["بالادينو"]
    assert entities[0].actor == entities[1].actor == actor.key


def test_article_and_spelling_variants_merge() -> None:
    """With/without ال, hamza forms, ta marbuta and ya/alef maqsura fold to one key."""
    text = "حيدر الساعدي. الساعدي. إيلينا روسي. ايلينا روسى."
    entities = [_mention(text, "حيدر الساعدي", "PERS"), _mention(text, "الساعدي", "PERS", 1),
                _mention(text, "إيلينا روسي", "PERS"), _mention(text, "ايلينا روسى", "PERS")]
    actors = resolve_article(entities)
    assert [a.name for a in actors] == ["حيدر الساعدي", "إيلينا روسي"]


def test_first_name_and_surname_of_a_longer_name_are_the_same_person() -> None:
    text = "حمود بن حمدان الجازي الثبيتي. وقال حمود الثبيتي إن."
    entities = [_mention(text, "حمود بن حمدان الجازي الثبيتي", "PERS"),
                _mention(text, "حمود الثبيتي", "PERS")]
    [actor] = resolve_article(entities)
    assert actor.aliases == ["حمود الثبيتي"]


def test_a_first_name_joins_two_forms_of_one_full_name() -> None:
    # a column names its man in full once and short elsewhere: the first name alone must
    # join him though two full forms begin with it, as they are one person
    text = "فهد الغامدي الأول. فهد بن سعد الغامدي قاد الفريق. وفهد هو من بنى الفريق."
    entities = [_mention(text, "فهد الغامدي", "PERS"),
                _mention(text, "فهد بن سعد الغامدي", "PERS"),
                _mention(text, "فهد", "PERS", 2)]
    [actor] = resolve_article(entities)
    assert actor.name == "فهد بن سعد الغامدي"
    assert sorted(actor.aliases) == ["فهد", "فهد الغامدي"]


def test_the_ministry_alone_is_the_ministry_named_in_full() -> None:
    text = "وزارة الداخلية الكويتية. وذكرت الوزارة. وزارة الصحة."
    entities = [_mention(text, "وزارة الداخلية الكويتية", "ORG"),
                _mention(text, "الوزارة", "ORG")]
    [actor] = resolve_article(entities)
    assert actor.name == "وزارة الداخلية الكويتية"
    # with two ministries named, «الوزارة» is neither
    entities.append(_mention(text, "وزارة الصحة", "ORG"))
    assert len(resolve_article(entities)) == 3


def test_two_people_sharing_a_surname_keep_the_surname_apart() -> None:
    text = "أحمد الخطيب وسامر الخطيب. الخطيب."
    entities = [_mention(text, "أحمد الخطيب", "PERS"), _mention(text, "سامر الخطيب", "PERS"),
                _mention(text, "الخطيب", "PERS", 2)]
    assert len(resolve_article(entities)) == 3


def test_institution_with_and_without_its_adjective_is_one_actor() -> None:
    text = "الخارجية الأمريكية. الخارجية."
    entities = [_mention(text, "الخارجية الأمريكية", "ORG"),
                _mention(text, "الخارجية", "ORG", 1)]
    [actor] = resolve_article(entities)
    assert actor.name == "الخارجية الأمريكية"


def test_a_body_named_with_a_noun_behind_lil_is_another_body() -> None:
    # «للأندية» ends in «ية» as an adjective does, but it is a noun with a preposition;
    # «الاتحاد» alone is a name of its own (the club), no kind of body
    text = "الاتحاد العربي. الاتحاد الجزائري للأندية. الاتحاد."
    entities = [_mention(text, "الاتحاد الجزائري للأندية", "ORG"),
                _mention(text, "الاتحاد", "ORG", 2)]
    assert sorted(actor.name for actor in resolve_article(entities)) == [
        "الاتحاد", "الاتحاد الجزائري للأندية"]


def test_a_kind_of_body_alone_is_the_one_named_in_full_before() -> None:
    # «اللجنة» after the only full name that begins with it
    text = "اللجنة الوطنية للمرضى. اللجنة."
    entities = [_mention(text, "اللجنة الوطنية للمرضى", "ORG"),
                _mention(text, "اللجنة", "ORG", 1)]
    assert [actor.name for actor in resolve_article(entities)] == ["اللجنة الوطنية للمرضى"]


def test_roles_and_gender_are_kept_on_the_actor() -> None:
    text = "وزيرة الصحة نادية العلمي."
    entity = _mention(text, "نادية العلمي", "PERS")
    [actor] = resolve_article([entity], {(entity.start, entity.end): ["وزيرة الصحة"]},
                              {(entity.start, entity.end): "f"})
    assert actor.roles == ["وزيرة الصحة"]
    assert actor.gender == "f"


def _article(article_id: str, text: str) -> tuple[Article, list[LocalActor]]:
    result = analyze(Article(article_id, article_id, text.split("\n")[0], text))
    return result.article, result.actors


def test_corpus_merges_the_same_person_across_articles() -> None:
    corpus = build_corpus([
        _article("a.txt", "خبر\n\nوقال وزير المالية كمال الطرابلسي إن العجز سينخفض."),
        _article("b.txt", "خبر\n\nوأكد الطرابلسي أن الدين مستقر."),
    ])
    [person] = [a for a in corpus.actors if a.type == "PERS"]
    assert person.name == "كمال الطرابلسي"
    assert person.articles == ["a.txt", "b.txt"]
    assert person.quotes == 2
    assert "الطرابلسي" in person.aliases


def test_lone_surname_shared_by_two_people_is_not_merged_across_articles() -> None:
    corpus = build_corpus([
        _article("a.txt", "خبر\n\nوقال وزير المالية كمال الساعدي إن العجز سينخفض."),
        _article("b.txt", "خبر\n\nوقال وزير الخارجية حيدر الساعدي إن الزيارة ناجحة."),
        _article("c.txt", "خبر\n\nوأكد الساعدي أن الدين مستقر."),
    ])
    names = sorted(a.name for a in corpus.actors if a.type == "PERS")
    assert names == ["الساعدي", "حيدر الساعدي", "كمال الساعدي"]


def test_ids_are_stable_for_the_same_input() -> None:
    texts = [("a.txt", "خبر\n\nوقال وزير المالية كمال الطرابلسي إن العجز سينخفض في تونس."),
             ("b.txt", "خبر\n\nأعلنت وزارة الخارجية الأردنية أن الاجتماع سيعقد.")]
    first = build_corpus([_article(i, t) for i, t in texts]).to_json()
    second = build_corpus([_article(i, t) for i, t in texts]).to_json()
    assert first == second
    assert [a["id"] for a in first["actors"] if a["type"] == "PERS"] == ["p1"]


def test_speaker_mentions_have_exact_offsets_without_clitics() -> None:
    article, _ = _article("a.txt", "خبر\n\nوأشار بالادينو إلى أن الحوار مستمر، وقال "
                          "متحدث باسم الخارجية، روبرت بالادينو، إن العمل سيتواصل.")
    for entity in article.entities:
        assert article.text[entity.start:entity.end] == entity.text
        if entity.type in ("PERS", "LOC"):
            assert not entity.text.startswith(("و", "ل")), entity


def _marked(article_id: str, text: str, names: list[tuple[str, str]]
            ) -> tuple[Article, list[LocalActor]]:
    """An article whose mentions are given (every occurrence of each phrase), so that
    what is tested is the merging, not the recogniser."""
    entities = []
    for phrase, kind in names:
        start = text.find(phrase)
        while start >= 0:
            entities.append(Entity(start, start + len(phrase), phrase, kind))
            start = text.find(phrase, start + len(phrase))
    entities.sort(key=lambda e: e.start)
    article = Article(article_id, article_id, "", text, entities=entities)
    return article, resolve_article(entities)


def _persons(corpus) -> list[tuple[str, int]]:
    return sorted((a.name, len(a.articles)) for a in corpus.actors if a.type == "PERS")


def test_the_name_shown_is_the_usual_clean_form() -> None:
    # tatweel, diacritics and a glued «لـ» are shown as the corpus usually writes the name
    corpus = build_corpus([
        _marked("a", "قال محمــــد بن سلـمان. وقال محمد بن سلمان.",
                [("محمــــد بن سلـمان", "PERS"), ("محمد بن سلمان", "PERS")]),
        _marked("b", "شكرا لمحمد بن سلمان. وقال محمد بن سلمان. ثم سلمانُ.",
                [("لمحمد بن سلمان", "PERS"), ("محمد بن سلمان", "PERS")]),
    ])
    [(name, articles)] = _persons(corpus)
    assert (name, articles) == ("محمد بن سلمان", 2)
    [actor] = [a for a in corpus.actors if a.type == "PERS"]
    assert "لمحمد بن سلمان" in actor.aliases  # the forms as written stay searchable


def test_a_bare_given_name_or_a_generic_body_stays_in_its_article() -> None:
    corpus = build_corpus([
        _marked(name, f"وقال محمد إن {body} أعلنت ذلك.", [("محمد", "PERS"), (body, "ORG")])
        for name, body in (("a", "الوزارة"), ("b", "الوزارة"), ("c", "الوزارة"))])
    assert _persons(corpus) == [("محمد", 1)] * 3
    assert sorted(len(a.articles) for a in corpus.actors if a.type == "ORG") == [1, 1, 1]


def test_a_surname_or_a_short_name_joins_the_full_name_that_dominates() -> None:
    full = [_marked(f"f{i}", "قال باراك أوباما وقال محمد بن سلمان بن عبدالعزيز.",
                    [("باراك أوباما", "PERS"), ("محمد بن سلمان بن عبدالعزيز", "PERS")])
            for i in range(4)]
    corpus = build_corpus([
        *full,
        _marked("m", "قالت ميشيل أوباما.", [("ميشيل أوباما", "PERS")]),
        _marked("s", "قال أوباما وقال محمد بن سلمان.", [("أوباما", "PERS"),
                                                    ("محمد بن سلمان", "PERS")]),
    ])
    assert _persons(corpus) == [("باراك أوباما", 5), ("محمد بن سلمان بن عبدالعزيز", 5),
                                ("ميشيل أوباما", 1)]


def test_a_run_of_two_names_in_one_article_absorbs_no_one() -> None:
    # «جون كيري أوباما»: the tagger's run of two names, written once
    corpus = build_corpus([
        *[_marked(f"k{i}", "قال جون كيري.", [("جون كيري", "PERS")]) for i in range(3)],
        _marked("x", "التقى جون كيري أوباما.", [("جون كيري أوباما", "PERS")]),
    ])
    assert _persons(corpus) == [("جون كيري", 3), ("جون كيري أوباما", 1)]


def test_spellings_of_one_name_are_one_actor() -> None:
    # «عبد الله» / «عبدالله», and the father's name between given name and surname
    corpus = build_corpus([
        _marked("a", "قال علي عبد الله صالح وعادل بن أحمد الجبير.",
                [("علي عبد الله صالح", "PERS"), ("عادل بن أحمد الجبير", "PERS")]),
        _marked("b", "قال علي عبدالله صالح وعادل بن أحمد الجبير.",
                [("علي عبدالله صالح", "PERS"), ("عادل بن أحمد الجبير", "PERS")]),
        _marked("c", "قال عادل الجبير.", [("عادل الجبير", "PERS")]),
    ])
    assert _persons(corpus) == [("عادل بن أحمد الجبير", 3), ("علي عبد الله صالح", 2)]


def test_a_name_spelt_otherwise_joins_its_usual_spelling() -> None:
    # «ميشيل بلاتيني» written far less than «ميشال بلاتيني»; «لسيب بلاتر» keeps its «لـ»
    # in the key, the first name being too short to read it as a clitic
    corpus = build_corpus([
        *[_marked(f"a{i}", "قال ميشال بلاتيني وسيب بلاتر.",
                  [("ميشال بلاتيني", "PERS"), ("سيب بلاتر", "PERS")]) for i in range(3)],
        _marked("b", "قال ميشيل بلاتيني شكرا لسيب بلاتر.",
                [("ميشيل بلاتيني", "PERS"), ("لسيب بلاتر", "PERS")]),
        _marked("c", "قالت ميشيل أوباما.", [("ميشيل أوباما", "PERS")]),
    ])
    assert _persons(corpus) == [("سيب بلاتر", 4), ("ميشال بلاتيني", 4), ("ميشيل أوباما", 1)]


def test_a_body_the_news_names_by_its_head_alone_stays_one_actor() -> None:
    # «الكونغرس», «التحالف» name one body; «الحكومة» names whichever the article means
    corpus = build_corpus([
        _marked(name, "وقال الكونغرس إن الحكومة وافقت.", [("الكونغرس", "ORG"),
                                                          ("الحكومة", "ORG")])
        for name in ("a", "b", "c")])
    assert sorted((a.name, len(a.articles)) for a in corpus.actors) == [
        ("الحكومة", 1), ("الحكومة", 1), ("الحكومة", 1), ("الكونغرس", 3)]


def test_a_surname_that_begins_runs_of_names_is_no_given_name() -> None:
    # «خامنئي» begins two of the tagger's runs but ends as many names: a surname, merged
    corpus = build_corpus([
        _marked("a", "قال علي خامنئي.", [("علي خامنئي", "PERS")]),
        _marked("a2", "قال علي خامنئي.", [("علي خامنئي", "PERS")]),
        _marked("a3", "قال علي خامنئي.", [("علي خامنئي", "PERS")]),
        _marked("f", "قال المرشد سيد خامنئي.", [("سيد خامنئي", "PERS")]),
        _marked("b", "قال خامنئي روحاني.", [("خامنئي روحاني", "PERS")]),
        _marked("c", "قال خامنئي ظريف.", [("خامنئي ظريف", "PERS")]),
        _marked("d", "وقال خامنئي.", [("خامنئي", "PERS")]),
        _marked("e", "وقال خامنئي.", [("خامنئي", "PERS")]),
    ])
    [khamenei] = [a for a in corpus.actors if a.name == "علي خامنئي"]
    assert len(khamenei.articles) == 5


def test_a_foreign_name_spelt_two_ways_joins_the_more_frequent_spelling() -> None:
    # «ميشال» / «ميشيل» before a foreign surname, in three articles and two; «سعد» /
    # «سعيد» before a family name may be two men, and stay apart unless one spelling
    # is far more frequent
    corpus = build_corpus([
        *[_marked(f"a{i}", "قال ميشال بلاتيني وسعد الحربي.",
                  [("ميشال بلاتيني", "PERS"), ("سعد الحربي", "PERS")]) for i in range(3)],
        *[_marked(f"b{i}", "قال ميشيل بلاتيني وسعيد الحربي.",
                  [("ميشيل بلاتيني", "PERS"), ("سعيد الحربي", "PERS")]) for i in range(2)],
    ])
    assert _persons(corpus) == [("سعد الحربي", 3), ("سعيد الحربي", 2), ("ميشال بلاتيني", 5)]


def test_a_surname_joins_a_full_name_written_in_several_forms() -> None:
    # «عادل الجبير» joins «عادل بن أحمد الجبير»; together they dominate the names ending
    # «الجبير» though neither form does alone, so the lone «الجبير» joins them too
    corpus = build_corpus([
        *[_marked(f"a{i}", "قال عادل بن أحمد الجبير.", [("عادل بن أحمد الجبير", "PERS")])
          for i in range(3)],
        *[_marked(f"b{i}", "قال عادل الجبير.", [("عادل الجبير", "PERS")]) for i in range(3)],
        _marked("c", "قال فهد الجبير.", [("فهد الجبير", "PERS")]),
        _marked("d", "وأضاف الجبير.", [("الجبير", "PERS")]),
    ])
    assert _persons(corpus) == [("عادل بن أحمد الجبير", 7), ("فهد الجبير", 1)]


def test_a_sport_after_a_title_is_no_person() -> None:
    # «رئيس الاتحاد الأوروبي [لكرة القدم]»: the title's apposition reads a name there
    text = "وقال ميشال بلاتيني رئيس الاتحاد الأوروبي لكرة القدم إن الفيفا بخير."
    article = Article("a", "a", "", text)
    persons = [e.text for e in analyze(article).article.entities if e.type == "PERS"]
    assert persons == ["ميشال بلاتيني"]


def _roles(text: str) -> dict[str, list[str]]:
    result = analyze(Article("a", "a", "", text))
    return {actor.name: actor.roles for actor in result.actors if actor.type == "PERS"}


def test_a_title_after_a_preposition_is_another_mans_not_a_role() -> None:
    # «اتصل ... كاميرون بالرئيس الإيراني»: the man he called, not what he is
    roles = _roles("بينما اتصل رئيس الوزراء البريطاني ديفيد كاميرون بالرئيس الإيراني "
                   "الأسبوع الماضي.")
    assert roles["ديفيد كاميرون"] == ["رئيس الوزراء البريطاني"]
    roles = _roles("قال الرئيس الروسي فلاديمير بوتين لرئيس الوزراء الإسرائيلي بنيامين "
                   "نتنياهو اليوم إن الاتفاق قريب.")
    assert roles["فلاديمير بوتين"] == ["الرئيس الروسي"]
    assert roles["بنيامين نتنياهو"] == ["رئيس الوزراء الإسرائيلي"]


def test_a_headlines_last_title_is_not_the_role_of_the_first_name_below() -> None:
    roles = _roles("ولي العهد يجتمع مع رئيس حزب القوات اللبنانية\n\n"
                   "اجتمع صاحب السمو الملكي الأمير محمد بن سلمان في جدة أمس.")
    assert all("رئيس حزب القوات اللبنانية" not in found for found in roles.values())


def test_a_verb_after_a_title_ends_it_before_the_next_name() -> None:
    # «وزير الدفاع الأميركي يلتقي نتنياهو»: the man met, not the minister
    roles = _roles("وزير الدفاع الأميركي يلتقي نتنياهو أملاً في إقناعه بجدوى الاتفاق.")
    assert "وزير الدفاع الأميركي" not in roles.get("نتنياهو", [])
    # a place the role names is no verb, though it reads as one («ينبع»)
    roles = _roles("وأكد رئيس الهيئة الملكية للجبيل وينبع الأمير سعود بن عبدالله بن ثنيان "
                   "أن الهيئة ستسخر تجربتها.")
    assert "رئيس الهيئة الملكية للجبيل" in roles["سعود بن عبدالله بن ثنيان"]


def test_a_word_with_a_preposition_and_a_possessive_is_no_name_after_a_title() -> None:
    # «وزير الخارجية [بشهادته]»: his testimony, not a second man
    roles = _roles("عندما يدلي جون كيري وزير الخارجية بشهادته خلال الأيام المقبلة.")
    assert roles == {"جون كيري": ["وزير الخارجية"]}
    # a name ending in «ة» is no possessive: «بالدكتورة [بدرية البشر]»
    result = analyze(Article("a", "a", "", "تربطه علاقة بالدكتورة بدرية البشر منذ سنوات."))
    assert "بدرية البشر" in [e.text for e in result.article.entities if e.type == "PERS"]
