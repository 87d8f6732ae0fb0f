"""`explorer eval actors`: the audit of an analysis's actors finds each class of defect."""

from __future__ import annotations

import json
from pathlib import Path

from explorer.cli import main


def _actor(actor_id: str, name: str, mentions: int, articles: int, kind: str = "PERS"
           ) -> dict[str, object]:
    return {"id": actor_id, "name": name, "type": kind, "aliases": [], "roles": [],
            "mentions": mentions, "quotes": 0,
            "articles": [f"a.json#{i}" for i in range(articles)]}


def _audit(tmp_path: Path, actors: list[dict[str, object]], capsys) -> list[str]:
    path = tmp_path / "analysis.json"
    path.write_text(json.dumps({"schema": "explorer/1", "articles": [], "actors": actors,
                                "errors": []}, ensure_ascii=False), encoding="utf-8")
    assert main(["eval", "actors", str(path)]) == 0
    return capsys.readouterr().out.splitlines()


def test_the_audit_lists_unclean_names_spread_names_and_splits(tmp_path: Path,
                                                               capsys) -> None:
    lines = _audit(tmp_path, [
        _actor("p1", "باراك أوباما", 60, 20),
        _actor("p2", "بارك أوباما", 3, 2),          # a first name spelt otherwise
        _actor("p3", "أوباما", 9, 4),               # the surname alone
        _actor("p4", "عادل بن أحمد الجبير", 40, 10),
        _actor("p5", "عادل الجبير", 30, 10),        # the father's name left out
        _actor("p6", "محمــــد بن سلـمان", 50, 30),  # tatweel
        _actor("p7", "لنوري المالكي", 20, 5),       # a glued «لـ»
        _actor("p8", "نوري المالكي", 15, 5),
        _actor("p9", "خالد", 12, 9),                # a bare given name in 9 articles
        _actor("o1", "الوزارة", 30, 7, "ORG"),      # a generic head in 7 articles
    ], capsys)
    text = "\n".join(lines)
    assert "names not clean among the 300 persons with most mentions: 2" in lines
    assert "  محمــــد بن سلـمان  (50 mentions)" in lines
    assert "  لنوري المالكي  (20 mentions)" in lines
    assert "bare given names and generic heads in 5 articles or more: 2" in lines
    assert "خالد  (PERS, 9 articles)" in text and "الوزارة  (ORG, 7 articles)" in text
    for pair in ("باراك أوباما (60) / بارك أوباما (3)", "باراك أوباما (60) / أوباما (9)",
                 "عادل بن أحمد الجبير (40) / عادل الجبير (30)"):
        assert pair in text, pair


def test_a_clean_index_has_nothing_to_list(tmp_path: Path, capsys) -> None:
    lines = _audit(tmp_path, [_actor("p1", "باراك أوباما", 60, 20),
                              _actor("p2", "جون كيري", 40, 20),
                              _actor("p3", "خالد", 3, 1)], capsys)
    assert [line for line in lines if line.startswith("  ")] == []


def test_a_file_that_is_no_analysis_is_one_line_of_error(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    assert main(["eval", "actors", str(bad)]) == 2
    assert main(["eval", "actors", str(tmp_path / "missing.json")]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 2 and all(line.startswith("explorer: eval actors: ") for line in errors)
    assert "bad.json: not an analysis JSON" in errors[0]


def test_the_audit_lists_roles_of_two_countries_and_names_with_no_name_words(
        tmp_path: Path, capsys) -> None:
    merged = _actor("p1", "عبدالله الخالد", 30, 12)
    merged["roles"] = ["وزير الداخلية السعودي", "وزير الداخلية الكويتي"]
    one_country = _actor("p2", "عادل الجبير", 40, 20)
    one_country["roles"] = ["وزير الخارجية السعودي", "الوزير السعودي"]
    lines = _audit(tmp_path, [
        merged, one_country,
        _actor("p3", "أوباما قال", 20, 5),          # a speech verb run into the name
        _actor("p4", "لكرة القدم", 15, 9),          # a sport the curated lists know
        _actor("p5", "طالب الرفاعي", 10, 3),        # «طالب» is a name as well as a verb
    ], capsys)
    assert "likely over-merges among the 300 persons with most mentions: 1" in lines
    over = [line for line in lines if line.startswith("  عبدالله الخالد  (roles of")]
    assert len(over) == 1 and " and " in over[0]
    assert "suspicious names among the 300 persons with most mentions: 2" in lines
    assert "  أوباما قال  (قال)" in lines
    assert "  لكرة القدم  (لكرة القدم)" in lines
