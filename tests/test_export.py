"""Quote export: citation text and CSV / JSON / Markdown files written atomically."""

from __future__ import annotations

import csv
import json
import os
import stat
from pathlib import Path

import pytest

import explorer.atomic
from explorer.atomic import write_text_atomic
from explorer.export import QuoteRow, citation, export, format_for, quote_rows, render
from explorer.model import Actor, Article, Corpus, Entity, Quote

TEXT = "قال ترامب: ندعم بقاء قوة صغيرة."
INDIRECT_TEXT = "وقالت سلمى بن عمر إن كتلتها ستشكل لجنة متابعة."


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


def test_a_speaker_not_yet_merged_is_named_by_the_text_not_an_unnamed_source():
    # while the corpus is analysed a quote's speaker is its article's local actor
    c = corpus()
    quote = c.articles[0].quotes[0]
    quote.speaker = "PERS:ترامب"
    row = quote_rows(Corpus(c.articles, []), [(c.articles[0], quote)])[0]
    assert (row.attribution, row.speaker) == ("named", "ترامب")
    assert citation(row).startswith("«ندعم بقاء قوة صغيرة» — ترامب, رسالة")
    # an implicit subject has no words of its own: the name of its mention is taken
    quote.speaker_text = None
    c.articles[0].entities = [Entity(5, 10, "ترامب", "PERS", "PERS:ترامب")]
    row = quote_rows(Corpus(c.articles, []), [(c.articles[0], quote)])[0]
    assert (row.attribution, row.speaker) == ("named", "ترامب")


def test_csv_json_markdown(tmp_path):
    data = rows()
    export(data, tmp_path / "q.csv")
    with open(tmp_path / "q.csv", encoding="utf-8-sig", newline="") as handle:
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


# --- direct and indirect quotes --------------------------------------------------------

def indirect_corpus() -> Corpus:
    """A direct quote of Trump and an indirect one (reported speech) of Salma Ben Omar."""
    c = corpus()
    start = INDIRECT_TEXT.index("كتلتها")
    quote = Quote(start, len(INDIRECT_TEXT) - 1, INDIRECT_TEXT[start:-1], "indirect", "قالت",
                  "p2", "سلمى بن عمر")
    article = Article("b.txt", "b.txt", "تشكيل لجنة متابعة", INDIRECT_TEXT, date="2019-03-01",
                      quotes=[quote])
    actor = Actor("p2", "سلمى بن عمر", "PERS", [], ["النائبة"], 1, 1, ["b.txt"])
    return Corpus([*c.articles, article], [*c.actors, actor])


def both_rows() -> list[QuoteRow]:
    c = indirect_corpus()
    return quote_rows(c, [(a, q) for a in c.articles for q in a.quotes])


def test_an_indirect_quote_is_cited_as_reported_speech_never_in_quotation_marks():
    direct, indirect = both_rows()
    assert citation(direct).startswith("«ندعم بقاء قوة صغيرة» — دونالد ترامب")
    cited = citation(indirect)
    assert cited == ("Reported speech (not verbatim): كتلتها ستشكل لجنة متابعة — سلمى بن عمر, "
                     "النائبة, تشكيل لجنة متابعة, 2019-03-01")
    assert "«" not in cited and "»" not in cited and '"' not in cited


def test_an_indirect_quote_of_an_unnamed_or_unknown_source_names_nobody():
    c = indirect_corpus()
    article = c.articles[1]
    quote = article.quotes[0]
    quote.speaker, quote.speaker_text = None, "مصدر مسؤول"
    cited = citation(quote_rows(c, [(article, quote)])[0])
    assert cited.startswith("Reported speech (not verbatim): كتلتها ستشكل لجنة متابعة — "
                            "unnamed source (مصدر مسؤول), تشكيل")
    quote.speaker_text = None
    cited = citation(quote_rows(c, [(article, quote)])[0])
    assert "— speaker not known, تشكيل" in cited and "سلمى" not in cited


def test_csv_and_json_say_which_quote_is_direct_and_which_indirect(tmp_path):
    export(both_rows(), tmp_path / "q.csv")
    with open(tmp_path / "q.csv", encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert [(r["speaker"], r["kind"]) for r in records] == [("دونالد ترامب", "direct"),
                                                           ("سلمى بن عمر", "indirect")]
    export(both_rows(), tmp_path / "q.json")
    data = json.loads((tmp_path / "q.json").read_text("utf-8"))
    assert [(r["quote"], r["kind"]) for r in data] == [("ندعم بقاء قوة صغيرة", "direct"),
                                                      ("كتلتها ستشكل لجنة متابعة", "indirect")]


def test_markdown_blockquotes_only_the_direct_quote(tmp_path):
    export(both_rows(), tmp_path / "q.md")
    markdown = (tmp_path / "q.md").read_text("utf-8")
    direct, indirect = markdown.split("\n\n", 2)[1:]
    assert direct.startswith("> ندعم بقاء قوة صغيرة\n>\n> — دونالد ترامب")
    assert indirect.startswith("**Reported speech (not verbatim):**\nكتلتها ستشكل لجنة متابعة\n")
    assert "— سلمى بن عمر, النائبة (*تشكيل لجنة متابعة*, 2019-03-01, `b.txt`)" in indirect
    assert not any(line.startswith(">") and "كتلتها" in line for line in markdown.splitlines())


def test_reported_speech_in_markdown_cannot_turn_into_a_blockquote():
    row = both_rows()[1]
    hostile = QuoteRow("سطر أول\n> سطر ثان\n1. ثالث\n    رابع", row.speaker, row.role,
                       row.article_id, row.article_title, row.date, "indirect", row.cue,
                       row.start, row.end)
    markdown = render([hostile], "md")
    assert "سطر أول\n\\> سطر ثان\n1\\. ثالث\nرابع\n" in markdown
    assert not any(line.startswith((">", "    ")) for line in markdown.splitlines())


# --- CSV byte-order mark ----------------------------------------------------------------

def test_csv_starts_with_a_utf8_byte_order_mark_unless_turned_off(tmp_path):
    export(rows(), tmp_path / "bom.csv")
    data = (tmp_path / "bom.csv").read_bytes()
    assert data[:3] == b"\xef\xbb\xbf" and data[3:8] == b"quote"
    export(rows(), tmp_path / "plain.csv", bom=False)
    assert (tmp_path / "plain.csv").read_bytes()[:5] == b"quote"
    for fmt in ("json", "md"):  # only CSV gets one
        export(rows(), tmp_path / f"q.{fmt}")
        assert not (tmp_path / f"q.{fmt}").read_bytes().startswith(b"\xef\xbb\xbf")


# --- file modes ---------------------------------------------------------------------------

@pytest.fixture
def umask():
    """Set the process umask for one test, then put the old one back."""
    old = os.umask(0o022)
    os.umask(old)
    yield os.umask
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600),
                                                 (0o002, 0o664)])
def test_a_new_file_follows_the_umask(tmp_path, umask, mask, expected):
    umask(mask)
    export(rows(), tmp_path / "q.csv")
    write_text_atomic(tmp_path / "analysis.json", "{}")
    assert mode(tmp_path / "q.csv") == expected
    assert mode(tmp_path / "analysis.json") == expected


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_replaced_file_keeps_its_own_mode(tmp_path, umask):
    umask(0o022)
    target = tmp_path / "q.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    export(rows(), target)
    assert mode(target) == 0o640 and target.read_text("utf-8").startswith("# Quotes")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_umask_is_read_without_proc_too(tmp_path, umask, monkeypatch):
    monkeypatch.setattr(explorer.atomic, "PROC_STATUS", tmp_path / "no-such-file")
    monkeypatch.setattr(explorer.atomic, "_umask_cache", None)
    umask(0o027)
    assert explorer.atomic.current_umask() == 0o027
    assert os.umask(0o027) == 0o027  # reading it left it as it was
    export(rows(), tmp_path / "q.json")
    assert mode(tmp_path / "q.json") == 0o640


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_analyze_output_follows_the_umask(tmp_path, umask, capsys):
    from explorer.cli import main

    article = tmp_path / "a.txt"
    article.write_text(f"رسالة\n\n{TEXT}\n", encoding="utf-8")
    umask(0o022)
    assert main(["analyze", str(article), "-o", str(tmp_path / "out.json"), "--no-cache",
                 "-j", "1"]) == 0
    assert mode(tmp_path / "out.json") == 0o644
