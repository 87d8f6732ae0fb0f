"""Quotes with their speakers: Enter visits one, ``c`` copies it, ``C`` copies a citation."""

from __future__ import annotations

from rich.style import Style
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip

from explorer.arabic.display import RtlMode
from explorer.export import QuoteRow
from explorer.model import Article, Quote
from explorer.tui.look import DIM_STYLE, ENTITY_STYLES, QUOTE_STYLE, romanise
from explorer.tui.render import paint_lines, paint_text
from explorer.tui.widgets.virtual_list import VirtualList


class QuoteList(VirtualList):
    """One quote per three lines: speaker (and article, when quotes span articles), text."""

    BINDINGS = [
        Binding("c", "copy(False)", "Copy", id="quotes.copy",
                tooltip="Copy the quote's text exactly as written"),
        Binding("C", "copy(True)", "Cite", id="quotes.copy_citation",
                tooltip="Cite: «quote» or reported speech — speaker, role, title, date"),
    ]
    row_height = 3

    class CopyRequested(Message):
        """The user asked to copy ``row`` (as a citation when ``citation``)."""

        def __init__(self, row: QuoteRow, citation: bool) -> None:
            super().__init__()
            self.row = row
            self.citation = citation

    def __init__(self, *, id: str | None = None, show_article: bool = False) -> None:
        super().__init__(id=id)
        self.items: list[tuple[Article, Quote]] = []
        self.rows: list[QuoteRow] = []
        self.show_article = show_article
        self.mode = RtlMode.APP
        self.translit: str | None = None

    def show(self, items: list[tuple[Article, Quote]], rows: list[QuoteRow]) -> None:
        self.items, self.rows = items, rows
        self.set_count(len(rows))

    @property
    def current(self) -> tuple[Article, Quote, QuoteRow] | None:
        if not self.rows:
            return None
        article, quote = self.items[self.cursor]
        return article, quote, self.rows[self.cursor]

    def _shown(self, text: str) -> str:
        return romanise(text, self.translit) if self.translit else text

    def render_row(self, index: int, line: int, width: int, base: Style) -> Strip:
        row = self.rows[index]
        if line == 0:
            if row.attribution == "named":
                speaker = self._shown(row.speaker)
                if row.role:
                    speaker += "، " + self._shown(row.role)
            elif row.attribution == "unnamed source":
                speaker = f"{self._shown(row.speaker)} (unnamed source)"
            else:
                speaker = "(speaker not known)"
            tail = row.article_title if self.show_article else row.kind
            tail_width = min(len(tail) + 1, width // 3)
            head = paint_text(speaker, width - tail_width, self.mode,
                              base + ENTITY_STYLES["PERS"])
            mark = paint_text(self._shown(tail), tail_width, self.mode, base + DIM_STYLE,
                              align="left")
            return Strip.join([mark, head])
        lines = paint_lines(self._shown(row.quote), width, 2, self.mode, base + QUOTE_STYLE)
        return lines[line - 1]

    def action_copy(self, citation: bool) -> None:
        if self.rows:
            self.post_message(self.CopyRequested(self.rows[self.cursor], citation))
