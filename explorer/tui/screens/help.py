"""The help screen: every binding of the app and its panes, with its id."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


def binding_rows() -> list[tuple[str, str, str, str]]:
    """``(where, keys, id, description)`` for every binding with an id, app first.

    The README's bindings table is this list, so the two cannot drift apart (a test checks).
    """
    rows = []
    for where, owner in _places():
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                keys = ", ".join(_key_name(k) for k in binding.key.split(","))
                rows.append((_SEARCH_BOX_ONLY.get(binding.id, where), keys, binding.id,
                             binding.tooltip or binding.description))
    rows.append(("everywhere", "ctrl+p", "app.command_palette",
                 "Command palette: open article, find actor, export, RTL mode, "
                 "transliteration, theme"))
    return rows


def bindings_by_id() -> dict[str, Binding]:
    """Every binding of :func:`binding_rows` by its id (the palette says the same words)."""
    return {binding.id: binding for _, owner in _places() for binding in owner.BINDINGS
            if isinstance(binding, Binding) and binding.id}


def _places() -> tuple[tuple[str, type], ...]:
    """Where bindings act, and the class holding them (imported late: they import this)."""
    from explorer.tui.app import ExplorerApp
    from explorer.tui.screens.profile import ProfileScreen
    from explorer.tui.widgets.article_view import ArticleView
    from explorer.tui.widgets.quote_list import QuoteList
    from explorer.tui.widgets.virtual_list import VirtualList

    return (("everywhere", ExplorerApp), ("quote lists", QuoteList),
            ("actor profile", ProfileScreen), ("lists", VirtualList), ("text", ArticleView))


def bindings_markdown() -> str:
    """The README's bindings table."""
    lines = ["| where | keys | id | what it does |", "| --- | --- | --- | --- |"]
    lines += [f"| {where} | {keys} | `{id_}` | {what} |"
              for where, keys, id_, what in binding_rows()]
    return "\n".join(lines) + "\n"


# App bindings that only act while the search box has focus (see ExplorerApp.check_action).
_SEARCH_BOX_ONLY = {"app.leave_search": "search box", "app.to_hits": "search box"}


def _key_name(key: str) -> str:
    names = {"question_mark": "?", "slash": "/", "exclamation_mark": "!", "space": "space"}
    return names.get(key, key)


class HelpScreen(ModalScreen[None]):
    """Lists :func:`binding_rows`; Escape, q or F1 closes it."""

    BINDINGS = [Binding("escape,q,f1,question_mark", "dismiss", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        yield Static(
            "explorer — Arabic news: who is in them, who said what.\n"
            "Tab moves between panes; Enter opens; ctrl+p lists every command.",
            id="help-intro")
        table: DataTable[str] = DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
        table.add_columns("Where", "Keys", "Id", "What it does")
        for row in binding_rows():
            table.add_row(*row)
        yield table

    def on_mount(self) -> None:
        self.query_one("#help-table").focus()
