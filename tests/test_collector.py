"""The cycle collector is paused for a chunk of analysis and left as it was found."""

from __future__ import annotations

import gc

import pytest

from explorer.analysis.collector import collector_paused


@pytest.fixture(autouse=True)
def _collector_running():
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_running_after() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_running_again_after_an_error_inside() -> None:
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("bad article")
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_nested_blocks_resume_only_at_the_outermost() -> None:
    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_analysis_leaves_the_collector_running() -> None:
    from explorer.analysis.pipeline import analyze_many
    from explorer.model import Article

    article = Article(id="a.txt", path="a.txt", title="خبر",
                      text="خبر\nقال الرئيس الفرنسي إيمانويل ماكرون إن الاتفاق صامد.")
    [analysis] = analyze_many([article], ner="crf")
    assert any(entity.text == "إيمانويل ماكرون" for entity in analysis.article.entities)
    assert gc.isenabled()


def test_a_large_burst_is_frozen_out_of_later_collections() -> None:
    gc.unfreeze()
    try:
        with collector_paused(freeze_from=1_000):
            kept = [[i] for i in range(5_000)]
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()


def test_a_small_burst_is_not_frozen() -> None:
    gc.unfreeze()
    with collector_paused(freeze_from=1_000_000):
        kept = [[i] for i in range(10)]
    assert gc.get_freeze_count() == 0
    assert kept
