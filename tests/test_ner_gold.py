"""Per-type accuracy floors of the default recogniser on the sample articles' gold files.

A gold entity counts as found when a mention of the right type matches one of its
written forms, allowing the looser span conventions of news NER: «قناة روناهي» may be
found as «روناهي» and «داعش الإرهابي» matches «داعش» (one contains the other, at least
three letters). Precision is over distinct mention texts. The floors are the figures
measured on these articles, rounded down, so a regression shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from explorer.analysis.ner import get_recognizer
from explorer.arabic.normalize import fold
from explorer.arabic.tokens import tokenize
from explorer.corpus import load
from explorer.model import Article

from .conftest import GOLD, SAMPLES

KINDS = {"persons": "PERS", "organisations": "ORG", "places": "LOC"}
# Measured with the shipped model (see docs/ner.md, "On the sample articles").
# (recall, precision): measured 44/49 and 61/61 persons, 57/60 and 71/79 organisations,
# 62/78 and 62/62 places.
FLOORS = {"PERS": (0.85, 0.95), "ORG": (0.90, 0.85), "LOC": (0.70, 0.95)}


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    right: int = 0


def matches(mention: str, form: str) -> bool:
    mention, form = fold(mention), fold(form)
    return len(mention) >= 3 and (mention in form or form in mention)


def articles() -> dict[str, Article]:
    return {item.id: item for item in load([SAMPLES]) if isinstance(item, Article)}


def measure() -> dict[str, Tally]:
    recognizer = get_recognizer("crf")
    tallies = {kind: Tally() for kind in KINDS.values()}
    by_id = articles()
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = by_id[gold["article"]]
        entities = recognizer.recognize(article.text, tokenize(article.text))
        for key, kind in KINDS.items():
            tally = tallies[kind]
            mentions = {e.text for e in entities if e.type == kind}
            forms = [form for entry in gold.get(key, []) for form in entry["forms"]]
            for entry in gold.get(key, []):
                tally.gold += 1
                tally.found += any(matches(m, f) for m in mentions for f in entry["forms"])
            tally.predicted += len(mentions)
            tally.right += sum(any(matches(m, f) for f in forms) for m in mentions)
    return tallies


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    if not GOLD.is_dir() or not any(GOLD.glob("*.json")):
        pytest.skip("no gold files")
    return measure()


@pytest.mark.parametrize("kind", list(KINDS.values()))
def test_recall_and_precision_floors(tallies: dict[str, Tally], kind: str) -> None:
    tally = tallies[kind]
    recall_floor, precision_floor = FLOORS[kind]
    assert tally.gold > 0
    assert tally.found / tally.gold >= recall_floor
    assert tally.right / tally.predicted >= precision_floor


if __name__ == "__main__":  # print the figures the floors come from
    for kind, tally in measure().items():
        print(f"{kind}: recall {tally.found}/{tally.gold} = {tally.found / tally.gold:.3f}, "
              f"precision {tally.right}/{tally.predicted} = {tally.right / tally.predicted:.3f}")
