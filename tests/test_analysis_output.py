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
