"""Command palette: open any article by its file name or title.

File names and titles come from the articles, so they are escaped, never read as markup.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

if TYPE_CHECKING:
    from explorer.model import Article


class ArticleCommands(Provider):
    """«Open article: …» for every article of the corpus."""

    def _articles(self) -> list[Article]:
        corpus = getattr(self.app, "corpus", None)
        return corpus.articles if corpus is not None else []

    def _open(self, article: Article) -> None:
        self.app.to_main_screen()
        self.app.open_article(article)

    async def discover(self) -> Hits:
        for article in self._articles()[:20]:
            yield DiscoveryHit(Content(f"Open article: {article.id}"),
                               partial(self._open, article), help=escape(article.title))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article in self._articles():
            label = f"Open article: {article.id}"
            score = max(matcher.match(label), matcher.match(article.title))
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._open, article),
                          help=escape(article.title))
