"""A keyboard list of any length that renders only the rows on screen.

Textual's OptionList, DataTable and ListView build a widget or a row object per item and
take seconds at 100,000 actors; this list (like Toolong's log view) is a ``ScrollView``
whose ``render_line`` paints row ``y`` on demand, so its cost is the visible rows only.
Subclasses say how many rows there are and paint one.
"""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from explorer.arabic.display import RtlMode
from explorer.tui.render import paint_text


class VirtualList(ScrollView, can_focus=True):
    """Rows of ``row_height`` lines with a cursor; Enter selects."""

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="list.up"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="list.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="list.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="list.page_down"),
        Binding("home", "jump(0)", "First", show=False, id="list.first"),
        Binding("end", "jump(-1)", "Last", show=False, id="list.last"),
        Binding("enter", "select", "Open", id="list.select",
                tooltip="Open the row: article, actor profile, quote or entity in the text"),
    ]
    DEFAULT_CSS = """
    VirtualList { background: $surface; scrollbar-gutter: stable; scrollbar-size-vertical: 1;
                  overflow-x: hidden; }
    """
    COMPONENT_CLASSES = {"virtual-list--cursor"}

    row_height = 1
    cursor: reactive[int] = reactive(0, init=False)
    empty_text = ""   # said on the first line when there are no rows, so a blank is explained
    mode = RtlMode.APP   # who reorders right-to-left text (the app sets it on every list)

    class _RowMessage(Message):
        def __init__(self, sender: VirtualList, index: int) -> None:
            super().__init__()
            self.list = sender
            self.index = index

        @property
        def control(self) -> VirtualList:
            return self.list

    class Highlighted(_RowMessage):
        """The cursor moved to ``index``."""

    class Selected(_RowMessage):
        """The user chose row ``index`` (Enter or click)."""

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._count = 0

    # -- for subclasses -------------------------------------------------------------
    def render_row(self, index: int, line: int, width: int, base: Style) -> Strip:
        """Line ``line`` of row ``index``, ``width`` cells, on ``base`` style."""
        raise NotImplementedError

    @property
    def count(self) -> int:
        return self._count

    def say_when_empty(self, text: str) -> None:
        """What the list says while it has no rows (e.g. «No actor matches «x»»)."""
        if text != self.empty_text:
            self.empty_text = text
            self.refresh()

    def set_count(self, count: int, *, keep_cursor: bool = False) -> None:
        """Say the list now has ``count`` rows (and repaint)."""
        self._count = count
        self.virtual_size = Size(self.size.width, count * self.row_height)
        cursor = min(self.cursor, count - 1) if keep_cursor else 0
        self.set_reactive(VirtualList.cursor, max(0, cursor))
        if not keep_cursor:
            self.scroll_to(y=0, animate=False)
        self.refresh()

    # -- rendering ------------------------------------------------------------------
    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, self._count * self.row_height)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        absolute = y + int(self.scroll_offset.y)
        index, line = divmod(absolute, self.row_height)
        base = self.rich_style
        if index >= self._count:
            if self._count == 0 and absolute == 0 and self.empty_text:
                return paint_text(self.empty_text, width, self.mode,
                                  base + Style(dim=True, italic=True), align="left")
            return Strip.blank(width, base)
        if index == self.cursor:
            cursor = self.get_component_rich_style("virtual-list--cursor")
            base = base + cursor if self.has_focus else base + Style(bgcolor=cursor.bgcolor,
                                                                     dim=True)
        return self.render_row(index, line, width, base)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self.scroll_to_cursor()
        self.post_message(self.Highlighted(self, new))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def scroll_to_cursor(self) -> None:
        top = self.cursor * self.row_height
        height = self.scrollable_content_region.height
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)
        elif top + self.row_height > self.scroll_offset.y + height:
            self.scroll_to(y=top + self.row_height - height, animate=False)

    # -- actions --------------------------------------------------------------------
    def move_to(self, index: int) -> None:
        if self._count:
            self.cursor = max(0, min(self._count - 1, index))

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // self.row_height)
        self.move_to(self.cursor + direction * rows)

    def action_jump(self, index: int) -> None:
        self.move_to(index if index >= 0 else self._count - 1)

    def action_select(self) -> None:
        if self._count:
            self.post_message(self.Selected(self, self.cursor))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + int(self.scroll_offset.y)) // self.row_height
        if 0 <= index < self._count:
            if index == self.cursor:
                self.action_select()
            self.cursor = index
