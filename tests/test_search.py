"""The actor index: Arabic spelling variants, Latin queries, ranking, narrowing, highlights."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.arabic import fold
from explorer.model import Actor
from explorer.search import ActorIndex, SearchHit, parse_query
from explorer.search_keys import (
    search_key,
    search_key_map,
    search_keys,
    skeleton,
    skeleton_map,
    skeletons,
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
