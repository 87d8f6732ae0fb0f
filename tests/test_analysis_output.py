"""The analysis JSON written record by record is the same, byte for byte, as the whole
corpus dumped at once (``indent=1``), and JSON Lines has one record a line."""

from __future__ import annotations

import io
import json

import pytest

from explorer.analysis.corpus_run import analyze_paths
from explorer.analysis_output import write_analysis
from explorer.model import Corpus, LoadError

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    corpus = analyze_paths([SAMPLES], jobs=1, cache=False)
    corpus.errors.append(LoadError("broken.json", "not JSON: line 1 column 2"))
    return corpus


def _written(corpus: Corpus, fmt: str) -> bytes:
    out = io.BytesIO()
    write_analysis(corpus, fmt, out)
    return out.getvalue()


def test_json_is_the_whole_corpus_dumped_at_once(corpus: Corpus) -> None:
    expected = json.dumps(corpus.to_json(), ensure_ascii=False, indent=1) + "\n"
    assert _written(corpus, "json") == expected.encode("utf-8")


@pytest.mark.parametrize("empty", ["articles", "actors", "errors"])
def test_an_empty_list_is_written_as_dumps_writes_it(corpus: Corpus, empty: str) -> None:
    data = corpus.to_json()
    data[empty] = []
    partial = Corpus.from_json(data)
    expected = json.dumps(partial.to_json(), ensure_ascii=False, indent=1) + "\n"
    assert _written(partial, "json") == expected.encode("utf-8")


def test_jsonl_has_one_record_a_line_in_corpus_order(corpus: Corpus) -> None:
    lines = [json.loads(line) for line in _written(corpus, "jsonl").decode().splitlines()]
    kinds = [line.pop("record") for line in lines]
    data = corpus.to_json()
    assert kinds == (["article"] * len(data["articles"]) + ["actor"] * len(data["actors"])
                     + ["error"] * len(data["errors"]))
    assert lines == data["articles"] + data["actors"] + data["errors"]


def test_an_unknown_format_is_refused(corpus: Corpus) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        _written(corpus, "xml")


def test_a_write_that_fails_part_way_leaves_the_old_file(tmp_path, corpus: Corpus) -> None:
    from explorer.atomic import atomic_writer

    target = tmp_path / "analysis.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as out:
        write_analysis(corpus, "json", out)
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["analysis.json"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("cache", [False, True])
def test_analysing_record_by_record_writes_what_the_whole_corpus_would(
        tmp_path, monkeypatch, fmt: str, cache: bool) -> None:
    """The merge from per-article summaries gives the same ids, actors and names."""
    import shutil

    from explorer.analysis.corpus_run import analyze_to

    folder = tmp_path / "articles"
    shutil.copytree(SAMPLES, folder)
    (folder / "broken.json").write_text("[1, 2", encoding="utf-8")
    (folder / ".explorer-aliases").write_text("سلمى بن عمر = إيلينا روسي\n", encoding="utf-8")
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    whole = analyze_paths([folder], jobs=1, cache=False)
    expected = _written(whole, fmt)
    # with a cache: analysed, then from the cached analyses, then (once the app's loader
    # has kept it) the merged corpus itself
    for run in range(3 if cache else 1):
        if run == 2:
            analyze_paths([folder], jobs=1, cache=True)
        out = io.BytesIO()
        articles, errors = analyze_to(out, fmt, [folder], jobs=1, cache=cache)
        assert out.getvalue() == expected, run
        assert articles == len(whole.articles) and errors == whole.errors
