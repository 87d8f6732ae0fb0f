"""The article text, right to left, with entities and quotes highlighted where they are.

The text is wrapped in logical order and each line reordered and shaped for display
(:mod:`explorer.arabic.display`); styles are looked up by logical offset, so a highlighted
entity covers exactly its letters whatever the line's visual order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from explorer.arabic.display import RtlMode, VisualLine, layout_line, wrap_paragraphs
from explorer.model import Article, Entity
from explorer.tui.look import (
    CURRENT_MENTION_STYLE,
    CURRENT_QUOTE_STYLE,
    ENTITY_STYLES,
    QUOTE_STYLE,
    SELECTED_STYLE,
    TITLE_STYLE,
    entity_key,
    romanise,
)
from explorer.tui.render import paint


class ArticleView(ScrollView, can_focus=True):
    """One article's text; ``highlight`` selects an entity's mentions, ``n``/``N`` visit them."""

    BINDINGS = [
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="text.up"),
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="text.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="text.page_up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="text.page_down"),
    ]
    DEFAULT_CSS = "ArticleView { background: $surface; scrollbar-gutter: stable; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.mode = RtlMode.APP
        self.translit: str | None = None
        self.selected_key: str | None = None
        self.current: tuple[int, int] | None = None     # the mention or quote being visited
        self._spans: list[tuple[int, int, int]] = []     # (start, end, base level) per line
        self._line_starts: list[int] = []
        self._laid_out: dict[int, VisualLine] = {}
        self._layout_key: tuple[object, ...] | None = None
        self._entities: list[Entity] = []
        self._entity_starts: list[int] = []
        self._longest = 0
        self._current_style = Style()
        self._line_styles: dict[int, list[Style | None]] = {}

    # -- what is shown ----------------------------------------------------------------
    def show(self, article: Article | None) -> None:
        """Show ``article`` from its top, with no selection."""
        self.article = article
        self.selected_key = None
        self.current = None
        self._relayout()
        self._restyle()
        self.scroll_to(y=0, animate=False)

    def configure(self, mode: RtlMode, translit: str | None) -> None:
        """Change who reorders and whether names and text are romanised."""
        self.mode, self.translit = mode, translit
        self._relayout()

    def highlight(self, key: str | None) -> None:
        """Highlight every mention whose :func:`entity_key` is ``key``."""
        self.selected_key = key
        self.current = None
        self._restyle()

    @property
    def mentions(self) -> list[tuple[int, int]]:
        """Spans of the highlighted entity's mentions, in text order."""
        if self.article is None or self.selected_key is None:
            return []
        return [(e.start, e.end) for e in self.article.entities
                if entity_key(e) == self.selected_key]

    @property
    def shown_text(self) -> str:
        if self.article is None:
            return ""
        text = self.article.text
        return romanise(text, self.translit) if self.translit else text

    def line(self, row: int) -> VisualLine:
        """Display line ``row``, laid out on first use (only visible lines ever are)."""
        laid_out = self._laid_out.get(row)
        if laid_out is None:
            start, end, base = self._spans[row]
            laid_out = layout_line(self.shown_text, start, end, self.mode, base)
            self._laid_out[row] = laid_out
        return laid_out

    # -- moving around ------------------------------------------------------------------
    def visit(self, start: int, end: int) -> None:
        """Mark ``[start, end)`` as the current span and scroll it into view."""
        self.current = (start, end)
        self._restyle()
        row = self.line_of(start)
        height = self.scrollable_content_region.height or 1
        if not self.scroll_offset.y <= row < self.scroll_offset.y + height:
            self.scroll_to(y=max(0, row - height // 3), animate=False)

    def line_of(self, offset: int) -> int:
        """Index of the display line holding logical ``offset``."""
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def next_mention(self, step: int) -> tuple[int, int] | None:
        """Visit the next (``step`` 1) or previous (-1) mention of the selection; wraps."""
        spans = self.mentions
        if not spans:
            return None
        here = self.current[0] if self.current else (-1 if step > 0 else len(self.shown_text))
        later = [s for s in spans if (s[0] > here if step > 0 else s[0] < here)]
        span = (later[0] if step > 0 else later[-1]) if later else spans[0 if step > 0 else -1]
        self.visit(*span)
        return span

    # -- layout and painting --------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self._relayout()

    def _text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - 1)

    def _relayout(self) -> None:
        width = self._text_width()
        key = (id(self.article), width, self.mode, self.translit)
        if key != self._layout_key:
            self._layout_key = key
            self._spans = wrap_paragraphs(self.shown_text, width) if self.article else []
            self._line_starts = [start for start, _, _ in self._spans]
            self._laid_out = {}
            self._line_styles = {}
        self.virtual_size = Size(width, len(self._spans))
        self.refresh()

    def _restyle(self) -> None:
        """Note what is highlighted; each line works out its styles when it is painted, so a
        change of selection costs the lines on screen, not the whole article."""
        article = self.article
        self._entities = sorted(article.entities, key=lambda e: e.start) if article else []
        self._entity_starts = [e.start for e in self._entities]
        self._longest = max((e.end - e.start for e in self._entities), default=0)
        self._current_style = Style()
        if self.current is not None:
            is_mention = self.current in self.mentions
            self._current_style = CURRENT_MENTION_STYLE if is_mention else CURRENT_QUOTE_STYLE
        self._line_styles = {}
        self.refresh()

    def _styles_between(self, start: int, end: int) -> list[Style | None]:
        """Style of each character in ``[start, end)``: quote, title, entity, current span."""
        styles: list[Style | None] = [None] * (end - start)

        def layer(lo: int, hi: int, style: Style) -> None:
            for i in range(max(lo, start), min(hi, end)):
                here = styles[i - start]
                styles[i - start] = here + style if here else style

        article = self.article
        if article is None:
            return styles
        for quote in article.quotes:
            layer(quote.start, quote.end, QUOTE_STYLE)
        title_end = article.text.find("\n")
        if article.title and title_end > 0:
            layer(0, title_end, TITLE_STYLE)
        first = bisect_left(self._entity_starts, start - self._longest)
        last = bisect_left(self._entity_starts, end)
        for entity in self._entities[first:last]:
            style = ENTITY_STYLES.get(entity.type, Style())
            if self.selected_key is not None and entity_key(entity) == self.selected_key:
                style = style + SELECTED_STYLE
            layer(entity.start, entity.end, style)
        if self.current is not None:
            layer(*self.current, self._current_style)
        return styles

    def render_line(self, y: int) -> Strip:
        row = y + int(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self._spans):
            return Strip.blank(width, base)
        start, end, _ = self._spans[row]
        styles = self._line_styles.get(row)
        if styles is None:
            styles = self._line_styles[row] = self._styles_between(start, end)

        def style_at(index: int) -> Style | None:
            return styles[index - start] if start <= index < end else None

        return paint(self.line(row), width, base, style_at)
