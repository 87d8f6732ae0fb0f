"""A small analysed corpus for the app's tests, built by hand so it does not change when
the recognisers improve: four persons, two places, an organisation, three quotes."""

from __future__ import annotations

import random

from explorer.model import Actor, Article, Corpus, Entity, Quote

TITLE_1 = "ترامب يدعو إلى بقاء قوة صغيرة في سوريا"
BODY_1 = ("قال الرئيس الأمريكي دونالد ترامب في رسالة إلى الكونغرس: \"ندعم بقاء قوة أمريكية "
          "صغيرة في سوريا للحفاظ على الاستقرار\". وأضاف وزير الخارجية مايك بومبيو أن الحلفاء "
          "سيشاركون في القوة، وقال بومبيو: \"لن نترك سوريا قبل هزيمة داعش\".")
TITLE_2 = "بالادينو: المحادثات مستمرة مع الحلفاء"
BODY_2 = ("وقال المتحدث باسم الخارجية روبرت بالادينو: \"المحادثات مستمرة مع الحلفاء في "
          "واشنطن\". وأكدت إلهام أحمد أن القوات باقية في سوريا، بحسب ما نقل ترامب.")

ACTORS = [
    ("p1", "دونالد ترامب", "PERS", ["ترامب"], ["الرئيس الأمريكي"]),
    ("p2", "مايك بومبيو", "PERS", ["بومبيو"], ["وزير الخارجية"]),
    ("p3", "روبرت بالادينو", "PERS", ["بالادينو"], ["المتحدث باسم الخارجية"]),
    ("p4", "إلهام أحمد", "PERS", [], []),
    ("l1", "سوريا", "LOC", [], []),
    ("l2", "واشنطن", "LOC", [], []),
    ("o1", "الكونغرس", "ORG", [], []),
]
FORMS = {"دونالد ترامب": "p1", "ترامب": "p1", "مايك بومبيو": "p2", "بومبيو": "p2",
         "روبرت بالادينو": "p3", "إلهام أحمد": "p4", "سوريا": "l1", "واشنطن": "l2",
         "الكونغرس": "o1"}
TYPES = {a[0]: a[2] for a in ACTORS}


def _entities(text: str) -> list[Entity]:
    found: list[Entity] = []
    taken: set[int] = set()
    for form in sorted(FORMS, key=len, reverse=True):
        start = text.find(form)
        while start >= 0:
            span = set(range(start, start + len(form)))
            if not span & taken:
                taken |= span
                actor = FORMS[form]
                found.append(Entity(start, start + len(form), form, TYPES[actor], actor))
            start = text.find(form, start + 1)
    return sorted(found, key=lambda e: e.start)


def _quote(text: str, content: str, speaker: str, speaker_text: str) -> Quote:
    start = text.index(content)
    return Quote(start, start + len(content), content, "direct", "قال", speaker, speaker_text)


def make_corpus(extra_actors: int = 0) -> Corpus:
    """The two articles; ``extra_actors`` adds synthetic names to the actor index."""
    text_1 = f"{TITLE_1}\n\n{BODY_1}"
    text_2 = f"{TITLE_2}\n\n{BODY_2}"
    article_1 = Article("a1.txt", "a1.txt", TITLE_1, text_1, date="2019-02-23",
                        entities=_entities(text_1), quotes=[
                            _quote(text_1, "ندعم بقاء قوة أمريكية صغيرة في سوريا للحفاظ على "
                                           "الاستقرار", "p1", "ترامب"),
                            _quote(text_1, "لن نترك سوريا قبل هزيمة داعش", "p2", "بومبيو")])
    article_2 = Article("a2.txt", "a2.txt", TITLE_2, text_2, date="2019-02-24",
                        entities=_entities(text_2), quotes=[
                            _quote(text_2, "المحادثات مستمرة مع الحلفاء في واشنطن", "p3",
                                   "روبرت بالادينو")])
    corpus = Corpus([article_1, article_2])
    for actor_id, name, type_, aliases, roles in ACTORS:
        ids = [a.id for a in corpus.articles if any(e.actor == actor_id for e in a.entities)]
        corpus.actors.append(Actor(actor_id, name, type_, aliases, roles, articles=ids))
    for actor in corpus.actors:
        actor.mentions = len(corpus.mentions_by_actor.get(actor.id, []))
        actor.quotes = len(corpus.quotes_by_actor.get(actor.id, []))
    corpus.actors.extend(synthetic_actors(extra_actors))
    corpus.invalidate()
    return corpus


SYLLABLES = ["با", "تو", "سي", "مر", "نا", "كا", "لي", "دو", "ها", "جو", "فا", "رو", "زي",
             "قو", "عب", "صا", "طا", "غي", "شو", "ثا"]


def synthetic_actors(count: int, seed: int = 7) -> list[Actor]:
    """``count`` plausible two-word Arabic names (deterministic)."""
    rng = random.Random(seed)
    actors = []
    for number in range(count):
        first = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        actors.append(Actor(f"x{number}", f"{first} {last}", rng.choice(["PERS", "ORG"]),
                            mentions=rng.randint(1, 40)))
    return actors
