"""The load-errors view: every file or record that could not be read, and why, one line each."""

from __future__ import annotations

from rich.style import Style
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import Static

from explorer.arabic.display import RtlMode
from explorer.model import LoadError
from explorer.tui.look import error_summary
from explorer.tui.render import paint_text
from explorer.tui.widgets.footer import ExplorerFooter
from explorer.tui.widgets.virtual_list import VirtualList


class ErrorList(VirtualList):
    """``path: reason`` lines; a virtual list because a bad folder can hold many files."""

    BINDINGS = [Binding("enter", "select", "Open", show=False)]   # a line opens nothing

    def __init__(self, errors: list[LoadError]) -> None:
        super().__init__(id="error-list")
        self.errors = errors

    def on_mount(self) -> None:
        self.set_count(len(self.errors))

    def render_row(self, index: int, line: int, width: int, base: Style) -> Strip:
        return paint_text(str(self.errors[index]), width, RtlMode.APP, base, align="left")


class ErrorsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,exclamation_mark", "dismiss", "Close", id="errors.close")]

    def __init__(self, errors: list[LoadError]) -> None:
        super().__init__()
        self.errors = errors

    def compose(self) -> ComposeResult:
        yield Static(f"{error_summary(self.errors)} (Escape closes)", id="errors-title")
        yield ErrorList(self.errors)
        yield ExplorerFooter()

    def on_mount(self) -> None:
        self.query_one(ErrorList).focus()
