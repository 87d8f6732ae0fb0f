"""The article list: title, then date and counts of entities and quotes."""

from __future__ import annotations

from rich.style import Style
from textual.strip import Strip

from explorer.arabic.display import RtlMode
from explorer.model import Article
from explorer.tui.look import DIM_STYLE, counted, romanise
from explorer.tui.render import paint_text
from explorer.tui.widgets.virtual_list import VirtualList


class ArticleList(VirtualList):
    """Articles in corpus order, two lines each; grows while the corpus is analysed."""

    row_height = 2

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.articles: list[Article] = []
        self.mode = RtlMode.APP
        self.translit: str | None = None

    def set_articles(self, articles: list[Article]) -> None:
        self.articles = articles
        self.set_count(len(articles), keep_cursor=True)

    def render_row(self, index: int, line: int, width: int, base: Style) -> Strip:
        article = self.articles[index]
        if line == 0:
            title = article.title or article.id
            if self.translit:
                title = romanise(title, self.translit)
            return paint_text(title, width, self.mode, base + Style(bold=True))
        meta = [counted(article.entity_count, "entity", "entities"),
                counted(article.quote_count, "quote"), article.date or article.id]
        return paint_text(" · ".join(meta), width, RtlMode.OFF, base + DIM_STYLE,
                          align="left")
