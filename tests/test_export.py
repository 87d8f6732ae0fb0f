"""Quote export: citation text and CSV / JSON / Markdown files written atomically."""

from __future__ import annotations

import csv
import json

import pytest

from explorer.export import QuoteRow, citation, export, format_for, quote_rows, render
from explorer.model import Actor, Article, Corpus, Quote

TEXT = "قال ترامب: ندعم بقاء قوة صغيرة."


def corpus() -> Corpus:
    start = TEXT.index("ندعم")
    quote = Quote(start, len(TEXT) - 1, TEXT[start:-1], "direct", "قال", "p1", "ترامب")
    article = Article("a.txt", "a.txt", "رسالة إلى الكونجرس", TEXT, date="2019-02-23",
                      quotes=[quote])
    actor = Actor("p1", "دونالد ترامب", "PERS", ["ترامب"], ["الرئيس الأمريكي"], 1, 1, ["a.txt"])
    return Corpus([article], [actor])


def rows() -> list[QuoteRow]:
    c = corpus()
    return quote_rows(c, [(c.articles[0], c.articles[0].quotes[0])])


def test_rows_name_the_merged_actor_and_role():
    row = rows()[0]
    assert (row.speaker, row.role, row.quote) == ("دونالد ترامب", "الرئيس الأمريكي",
                                                  "ندعم بقاء قوة صغيرة")


def test_citation():
    assert citation(rows()[0]) == ("«ندعم بقاء قوة صغيرة» — دونالد ترامب, الرئيس الأمريكي, "
                                   "رسالة إلى الكونجرس, 2019-02-23")


def test_a_citation_names_no_speaker_the_analysis_did_not_find():
    c = corpus()
    quote = c.articles[0].quotes[0]
    quote.speaker, quote.speaker_text = None, "مصدر مسؤول"
    row = quote_rows(c, [(c.articles[0], quote)])[0]
    assert row.attribution == "unnamed source"
    assert citation(row).startswith("«ندعم بقاء قوة صغيرة» — unnamed source (مصدر مسؤول), رسالة")
    quote.speaker_text = None
    row = quote_rows(c, [(c.articles[0], quote)])[0]
    assert citation(row).startswith("«ندعم بقاء قوة صغيرة» — speaker not known, رسالة")
    assert "— speaker not known (*رسالة" in render([row], "md")


def test_csv_json_markdown(tmp_path):
    data = rows()
    export(data, tmp_path / "q.csv")
    with open(tmp_path / "q.csv", encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert records[0]["quote"] == "ندعم بقاء قوة صغيرة" and records[0]["date"] == "2019-02-23"
    export(data, tmp_path / "q.json")
    assert json.loads((tmp_path / "q.json").read_text("utf-8"))[0]["speaker"] == "دونالد ترامب"
    export(data, tmp_path / "q.md")
    markdown = (tmp_path / "q.md").read_text("utf-8")
    assert "> ندعم بقاء قوة صغيرة" in markdown
    assert "— دونالد ترامب, الرئيس الأمريكي (*رسالة إلى الكونجرس*, 2019-02-23" in markdown


def test_export_leaves_no_temporary_file_and_replaces_atomically(tmp_path):
    target = tmp_path / "q.json"
    target.write_text("old", encoding="utf-8")
    export(rows(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["q.json"]
    assert target.read_text("utf-8").startswith("[")


def test_bad_targets_raise_one_line_errors(tmp_path):
    with pytest.raises(OSError, match="folder does not exist"):
        export(rows(), tmp_path / "missing" / "q.csv")
    with pytest.raises(ValueError, match="unknown export format"):
        render(rows(), "xlsx")


def test_format_from_extension():
    from pathlib import Path

    assert format_for(Path("a.CSV")) == "csv"
    assert format_for(Path("a.markdown")) == "md"
    assert format_for(Path("a.txt")) is None
