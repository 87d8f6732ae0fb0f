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
