"""Articles analysed together, as a worker does with its chunk, come out exactly as they do
one by one."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from explorer.analysis.ner.crf import CrfRecognizer
from explorer.analysis.pipeline import analyze, analyze_many
from explorer.arabic.tokens import tokenize
from explorer.corpus import load
from explorer.model import Article

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"


def _articles() -> list[Article]:
    articles = [item for item in load([SAMPLES]) if isinstance(item, Article)]
    assert len(articles) == 15
    return articles


def test_tags_of_a_batch_equal_those_of_each_article_alone() -> None:
    articles = _articles()
    empty = Article("empty.txt", "empty.txt", "", "")
    items = [(article.text, tokenize(article.text)) for article in [*articles, empty]]
    alone = CrfRecognizer()
    together = CrfRecognizer()
    expected = [alone.tag(text, tokens) for text, tokens in items]
    assert together.tag_many(items) == expected
    assert expected[-1] == []
    assert sum(tag.startswith("B-") for tags in expected for tag in tags) > 100


def test_analyze_many_equals_analyze_article_by_article() -> None:
    articles = _articles()
    together = analyze_many(articles)
    assert [asdict(result.article) for result in together] == [
        asdict(analyze(article).article) for article in articles]
    assert [[asdict(actor) for actor in result.actors] for result in together] == [
        [asdict(actor) for actor in analyze(article).actors] for article in articles]
    assert sum(len(result.article.quotes) for result in together) >= 100
