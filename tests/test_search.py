"""The actor index: Arabic spelling variants, Latin queries, ranking, narrowing, highlights."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.arabic import fold
from explorer.model import Actor, Corpus
from explorer.search import ActorIndex, SearchHit, parse_query
from explorer.search_keys import (
    search_key,
    search_key_map,
    search_keys,
    skeleton,
    skeleton_map,
    skeletons,
    sounds_alike,
)

NAMES = [
    ("مايك بومبيو", ["بومبيو"], 40),
    ("إلهام أحمد", [], 5),
    ("دونالد ترامب", ["ترامب", "الرئيس ترامب"], 90),
    ("كارل بالادينو", ["بالادينو"], 3),
    ("بشار الأسد", ["الأسد"], 30),
    ("مُحَمَّد بن سلمان", ["بن سلمان"], 25),
    ("أحمد محمد الرشيد", [], 2),
    ("مصطفى", [], 1),
    ("هيئة الانتخابات", [], 4),
    ("مسؤول أمريكي", [], 1),
    ("عبـــد الله الثاني", [], 6),
    ("ليلى الطرابلسي", [], 2),
    ("فاطمة الزهراء", [], 3),
    ("Emmanuel Macron", ["ماكرون"], 8),
]


@pytest.fixture(scope="module")
def actors() -> list[Actor]:
    return [Actor(f"p{i}", name, "PERS", aliases, [], mentions)
            for i, (name, aliases, mentions) in enumerate(NAMES)]


@pytest.fixture()
def index(actors: list[Actor]) -> ActorIndex:
    return ActorIndex(actors)


def names(index: ActorIndex, actors: list[Actor], query: str) -> list[str]:
    return [actors[hit.index].name for hit in index.search(query)]


def top(index: ActorIndex, actors: list[Actor], query: str) -> str:
    found = names(index, actors, query)
    assert found, f"nothing found for {query!r}"
    return found[0]


@pytest.mark.parametrize(("query", "expected"), [
    ("الهام احمد", "إلهام أحمد"),          # hamza forms
    ("إلْهَام", "إلهام أحمد"),               # diacritics in the query
    ("محمد بن سلمان", "مُحَمَّد بن سلمان"),   # diacritics in the name
    ("مصطفي", "مصطفى"),                    # ى / ي
    ("هيئه", "هيئة الانتخابات"),             # ة / ه
    ("هيءه", "هيئة الانتخابات"),             # hamza seat
    ("مسئول", "مسؤول أمريكي"),              # ؤ / ئ
    ("عبد الله", "عبـــد الله الثاني"),      # tatweel in the name
    ("عبــد", "عبـــد الله الثاني"),         # tatweel in the query
    ("الأسد", "بشار الأسد"),
    ("اسد", "بشار الأسد"),                  # the article is optional
    ("الرشيد", "أحمد محمد الرشيد"),
    ("رشيد", "أحمد محمد الرشيد"),
    ("الطرابلسى", "ليلى الطرابلسي"),
])
def test_arabic_spelling_variants_find_the_actor(index, actors, query, expected):
    assert top(index, actors, query) == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("trump", "دونالد ترامب"),
    ("pompeo", "مايك بومبيو"),
    ("bumbiu", "مايك بومبيو"),
    ("paladino", "كارل بالادينو"),
    ("ilham ahmed", "إلهام أحمد"),
    ("mike pompeo", "مايك بومبيو"),
    ("assad", "بشار الأسد"),
    ("macron", "Emmanuel Macron"),
    ("Trump", "دونالد ترامب"),
])
def test_latin_queries_find_arabic_names(index, actors, query, expected):
    assert top(index, actors, query) == expected


def test_unrelated_query_finds_nothing(index, actors):
    assert names(index, actors, "zebulon") == []
    assert names(index, actors, "ققققق") == []


def test_an_index_without_actors_finds_nothing():
    index = ActorIndex([])
    assert len(index) == 0
    assert index.search("") == []
    assert index.search("trump") == []
    assert index.search("محمد") == []


def test_actors_without_usable_names_are_harmless():
    people = [Actor("a", "", "PERS"), Actor("b", "   ", "ORG", ["ـــ"]),
              Actor("c", "خالد", "PERS")]
    index = ActorIndex(people)
    assert [people[h.index].name for h in index.search("خالد")] == ["خالد"]
    assert len(index.search("")) == 3


def test_empty_query_lists_actors_by_mentions(index, actors):
    hits = index.search("")
    assert [actors[h.index].name for h in hits[:3]] == ["دونالد ترامب", "مايك بومبيو",
                                                        "بشار الأسد"]
    assert len(hits) == len(actors)
    assert len(index.search("", limit=2)) == 2


def test_ranking_prefers_word_starts_then_contiguous_then_scattered():
    people = [Actor("a", "حامد", "PERS", mentions=1),
              Actor("b", "محمد", "PERS", mentions=1),
              Actor("c", "حمدي", "PERS", mentions=1),
              Actor("d", "سامي", "PERS", mentions=1)]
    index = ActorIndex(people)
    assert [people[h.index].name for h in index.search("حمد")] == ["حمدي", "محمد", "حامد"]


def test_ranking_prefers_names_the_query_covers_more_of():
    people = [Actor("a", "سامي عبد الحميد", "PERS", mentions=1),
              Actor("b", "حميد", "PERS", mentions=1)]
    index = ActorIndex(people)
    assert [people[h.index].name for h in index.search("حميد")] == ["حميد", "سامي عبد الحميد"]


def test_more_mentions_break_ties(actors):
    people = [Actor("a", "خالد يوسف", "PERS", mentions=1),
              Actor("b", "خالد يونس", "PERS", mentions=50)]
    index = ActorIndex(people)
    assert [people[h.index].name for h in index.search("خالد")] == ["خالد يونس", "خالد يوسف"]


def test_hits_are_sorted_and_each_actor_appears_once(index):
    hits = index.search("ا")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert len({h.index for h in hits}) == len(hits)
    assert all(isinstance(h, SearchHit) for h in hits)


def test_limit_is_respected(index):
    assert len(index.search("ا", limit=3)) == 3


def highlighted(hit: SearchHit) -> str:
    return "".join(hit.matched[p] for p in hit.positions)


def test_positions_land_on_the_displayed_letters(index, actors):
    hit = index.search("محمد")[0]
    assert hit.matched == "مُحَمَّد بن سلمان"
    assert highlighted(hit) == "محمد"               # the diacritics between are skipped
    hit = index.search("عبد الله")[0]
    assert fold(highlighted(hit)) == "عبدالله"
    hit = index.search("الهام")[0]
    assert highlighted(hit) == "إلهام"
    hit = index.search("pompeo")[0]
    assert highlighted(hit) == "بومبيو"
    hit = index.search("trump")[0]
    assert highlighted(hit) == "ترامب"


def test_positions_are_valid_for_every_hit(index):
    for query in ("ا", "م", "ال", "bn", "محمد", "trump", "ilham", "عبـد", "هيئه"):
        for hit in index.search(query):
            assert all(0 <= p < len(hit.matched) for p in hit.positions)
            assert list(hit.positions) == sorted(set(hit.positions))


def random_actors(count: int, seed: int) -> list[Actor]:
    rng = random.Random(seed)
    first = ["محمد", "أحمد", "علي", "إلهام", "مريم", "سامي", "جو", "مايك", "دونالد"]
    last = ["بومبيو", "ترامب", "الأسد", "بايدن", "الحريري", "بالادينو", "حداد", "سلامة"]
    return [Actor(f"p{i}", f"{rng.choice(first)} {rng.choice(first)} {rng.choice(last)}",
                  "PERS", [rng.choice(last)] if rng.random() < 0.5 else [], [],
                  rng.randint(0, 20)) for i in range(count)]


@pytest.mark.parametrize("target", ["محمد الأسد", "pompeo", "ilham b", "مايك بوم"])
def test_narrowing_gives_the_same_results_as_a_fresh_search(target):
    people = random_actors(400, seed=3)
    typing = ActorIndex(people)
    for end in range(1, len(target) + 1):
        query = target[:end]
        narrowed = typing.search(query)
        fresh = ActorIndex(people).search(query)
        assert narrowed == fresh, query


def test_narrowing_after_a_query_that_is_not_a_prefix():
    people = random_actors(200, seed=5)
    index = ActorIndex(people)
    for query in ("ا", "ال", "الا", "ال", "بو", "ب", "s", "sh", "p", "ph"):
        assert index.search(query) == ActorIndex(people).search(query), query


def test_query_terms_drop_the_article_and_use_skeletons_for_latin():
    assert [t.text for t in parse_query("الأسد trump")] == ["اسد", "trmb"]


# --- keys -----------------------------------------------------------------------------------

ARABIC_NAME_CHARS = st.sampled_from(
    list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة") + ["\u064e", "\u0651", "\u0640", " ",
                                                    "ﻻ", "ٱ", "a", "B", "k", "h"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(ARABIC_NAME_CHARS, max_size=20), min_size=1, max_size=5))
def test_bulk_and_mapped_keys_agree(texts):
    keys = search_keys(texts)
    assert keys == [search_key(t) for t in texts]
    assert skeletons(keys) == [skeleton(k) for k in keys]
    for text, key in zip(texts, keys, strict=True):
        mapped, origin = search_key_map(text)
        assert mapped == key
        assert len(origin) == len(key) and all(0 <= i < len(text) for i in origin)
        skel, skel_origin = skeleton_map(key)
        assert skel == skeleton(key)
        assert all(0 <= i < len(key) for sources in skel_origin for i in sources)


@pytest.mark.parametrize("name", ["مُحَمَّد بن سلمان", "إلهام أحمد", "عبـــد الله", "هيئة",
                                  "ﻻعب", "مصطفى"])
def test_search_key_is_fold_with_hamza_seats(name):
    assert search_key(name) == fold(name).replace("ئ", "ء").replace("ؤ", "ء")


@pytest.mark.parametrize(("latin", "arabic"), [
    ("pompeo", "بومبيو"), ("trump", "ترامب"), ("paladino", "بالادينو"),
    ("ilham ahmed", "إلهام أحمد"), ("bumbiu", "بومبيو"), ("khaled", "خالد"),
    ("abdullah", "عبدالله"), ("fatima", "فاطمة"), ("guterres", "غوتيريش"),
])
def test_latin_and_arabic_spellings_share_a_skeleton(latin, arabic):
    assert skeleton(search_key(latin)) == skeleton(search_key(arabic))


def test_a_mistyped_letter_still_finds_the_name(index: ActorIndex,
                                                 actors: list[Actor]) -> None:
    # No name holds these as written, so the edit-similarity fallback answers.
    assert top(index, actors, "trunp") == "دونالد ترامب"
    assert top(index, actors, "بومبيوو") == "مايك بومبيو"
    assert top(index, actors, "الهام احمذ") == "إلهام أحمد"
    assert names(index, actors, "ظظظظ") == []
    assert names(index, actors, "ظغ") == []  # too short to guess at


def test_exact_matches_are_not_diluted_by_near_misses(index: ActorIndex,
                                                      actors: list[Actor]) -> None:
    # «ترامب» exists: only names holding it are offered, not names one letter away.
    assert names(index, actors, "ترامب") == ["دونالد ترامب"]


# --- whole words first ----------------------------------------------------------------------

def ranked(people: list[Actor], query: str) -> list[str]:
    return [people[hit.index].name for hit in ActorIndex(people).search(query)]


def test_a_whole_name_comes_before_partial_and_acronym_matches():
    # The defect as seen on real news: all four share the skeleton «bmb» of «pompeo», and
    # the better known Bombay, Pompeii and PMP came first.
    people = [Actor("a", "بومباي", "LOC", mentions=10), Actor("b", "بومبي", "LOC", mentions=8),
              Actor("c", "PMP", "MISC", mentions=8),
              Actor("d", "مايك بومبيو", "PERS", ["بومبيو"], mentions=2)]
    assert ranked(people, "pompeo")[0] == "مايك بومبيو"
    assert ranked(people, "mike pompeo")[0] == "مايك بومبيو"
    assert ranked(people, "pmp")[0] == "PMP"         # the acronym typed as such


@pytest.mark.parametrize(("query", "expected", "others"), [
    ("kerry", "جون كيري", ["كوريا الجنوبية"]),           # same skeleton «kr»
    ("sisi", "عبد الفتاح السيسي", ["آسيا", "الشيعة"]),   # «ss» is «s» in the skeleton
    ("assad", "بشار الأسد", ["السعودية"]),
    ("abbas", "محمود عباس", ["بيشة", "جيب بوش"]),
    ("aoun", "ميشال عون", ["اليونان"]),
    ("hollande", "فرنسوا هولاند", ["هولندا"]),
    ("saleh", "علي عبد الله صالح", ["سولي مونتاري", "شل"]),  # the final h is the name's ح
    ("الحوثي", "عبد الملك الحوثي", ["الحوثيين"]),            # Arabic: a whole word first
    ("نتنياهو", "بنيامين نتنياهو", ["نتنياهوية"]),
])
def test_whole_words_outrank_better_known_partial_matches(query, expected, others):
    people = [Actor(f"o{i}", name, "ORG", mentions=500) for i, name in enumerate(others)]
    people.append(Actor("x", expected, "PERS", mentions=3))
    assert ranked(people, query)[0] == expected


def test_mentions_break_ties_between_whole_matches():
    people = [Actor("a", "ترمب", "PERS", mentions=16),
              Actor("b", "دونالد ترومب", "PERS", mentions=1),
              Actor("c", "دونالد ترامب", "PERS", ["ترامب"], mentions=50),
              Actor("d", "ترومبيت", "ORG", mentions=90)]
    assert ranked(people, "trump") == ["دونالد ترامب", "ترمب", "دونالد ترومب", "ترومبيت"]


def test_a_whole_word_covers_its_article():
    # «الجبير» is all of the alias «الجبير», as «جبير» is all of «جبير»: mentions decide.
    people = [Actor("a", "جبير", "PERS", mentions=1),
              Actor("b", "عادل الجبير", "PERS", ["الجبير"], mentions=2)]
    for query in ("الجبير", "جبير", "jubeir"):
        hits = ActorIndex(people).search(query)
        assert [people[hit.index].name for hit in hits] == ["عادل الجبير", "جبير"], query
        assert hits[1].matched == "جبير"


@pytest.mark.parametrize(("latin", "name", "alike"), [
    ("pompeo", "بومبيو", True), ("pompeo", "بومباي", False), ("pompeo", "بومبي", False),
    ("pompeo", "PMP", False), ("pmp", "PMP", True), ("trump", "ترامب", True),
    ("trump", "ترمب", True), ("mike", "مايك", True), ("kerry", "كيري", True),
    ("kerry", "كوريا", False), ("kerry", "قرة", False), ("sisi", "سيسي", True),
    ("sisi", "آسيا", False), ("obama", "أوباما", True), ("erdogan", "أردوغان", True),
    ("khamenei", "خامنئي", True), ("netanyahu", "نتنياهو", True), ("mustafa", "مصطفى", True),
    ("hamza", "حمزة", True), ("saleh", "صالح", True), ("salman", "سلمان", True),
    ("hollande", "هولاند", True), ("hollande", "هولندا", False), ("macron", "Macron", True),
])
def test_sounds_alike(latin, name, alike):
    assert sounds_alike(latin, search_key(name)) is alike


@pytest.mark.parametrize(("latin", "name"), [("assad", "الأسد"), ("jubeir", "الجبير"),
                                             ("sisi", "السيسي"), ("maliki", "المالكي")])
def test_sounds_alike_behind_the_article(latin, name):
    assert sounds_alike(latin, search_key(name), article=True)
    assert not sounds_alike(latin, search_key(name))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(ARABIC_NAME_CHARS, max_size=20), min_size=1, max_size=5))
def test_a_skeleton_is_its_words_skeletons(texts):
    # The search finds which name word a Latin term matched by counting words: this holds.
    for key, skel in zip(search_keys(texts), skeletons(search_keys(texts)), strict=True):
        assert skel == " ".join(part for part in skeletons(key.split()) if part)


def test_whole_words_agree_with_a_fresh_search_while_typing():
    people = random_actors(400, seed=11) + [Actor("z", "مايك بومبيو", "PERS", ["بومبيو"]),
                                           Actor("y", "PMP", "MISC", mentions=30)]
    typing = ActorIndex(people)
    for target in ("pompeo", "saleh", "الأسد", "mike pom", "b", "bo", "pmp"):
        for end in range(1, len(target) + 1):
            query = target[:end]
            assert typing.search(query) == ActorIndex(people).search(query), query


# --- the probe set --------------------------------------------------------------------------

def test_the_probe_set_has_fifty_latin_and_arabic_queries():
    from benchmarks.search_rank import PROBES, load_probes

    probes = load_probes(PROBES)
    assert len(probes) >= 50 and len({query for query, _ in probes}) == len(probes)
    latin = [query for query, _ in probes if query.isascii()]
    assert len(latin) >= 20 and len(probes) - len(latin) >= 20


def test_the_probe_ranks_are_counted():
    from benchmarks.search_rank import rank_probes, report

    corpus = Corpus(actors=[Actor("a", "بومباي", "LOC", mentions=9),
                            Actor("b", "مايك بومبيو", "PERS", ["بومبيو"], mentions=1),
                            Actor("c", "دونالد ترامب", "PERS", mentions=5)])
    result = rank_probes(corpus, [("pompeo", "مايك بومبيو"), ("bombay", "مايك بومبيو"),
                                  ("zzz", "دونالد ترامب"), ("obama", "باراك أوباما")])
    assert [row["rank"] for row in result["rows"]] == [1, 2, None, None]
    assert result["absent"] == ["obama"] and result["misses"] == ["zzz"]
    assert result["mean_rank"] == 1.5 and result["at_rank_1"] == 1
    assert "3 probes: mean rank 1.50, 1 at rank 1, 1 missed (zzz)" in report(result, False)


@pytest.mark.parametrize("typed", ["وليد مؤيد عباس", "وليد مؤيد", "walid muayad"])
def test_a_name_typed_in_order_comes_before_the_same_words_in_another(typed):
    # two different men whose names hold the same words; the one typed has fewer mentions
    actors = [Actor("p0", "مؤيد وليد عباس", "PERS", [], [], 60),
              Actor("p1", "وليد مؤيد عباس", "PERS", [], [], 2)]
    hits = ActorIndex(actors).search(typed)
    assert [actors[hit.index].name for hit in hits] == ["وليد مؤيد عباس", "مؤيد وليد عباس"]


def test_order_does_not_outrank_whole_words():
    # both words whole but the other way round, against both in order but only word starts
    actors = [Actor("p0", "حلبي سامي", "PERS", [], [], 1),
              Actor("p1", "ساميه حلبيات", "PERS", [], [], 90)]
    hits = ActorIndex(actors).search("سامي حلبي")
    assert [actors[hit.index].name for hit in hits] == ["حلبي سامي", "ساميه حلبيات"]
