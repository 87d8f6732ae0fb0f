"""The export dialog: which quotes, which format, and the path the user confirms."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from explorer.export import FORMATS, export, format_for, quote_rows
from explorer.model import Actor, Article, Corpus, Quote
from explorer.tui.widgets.query_input import InOrderInput

FORMAT_NAMES = {"csv": "CSV", "json": "JSON", "md": "Markdown"}
QuoteSet = Callable[[], list[tuple[Article, Quote]]]
Scopes = dict[str, tuple[str, int, QuoteSet]]


def quote_scopes(corpus: Corpus, article: Article | None, actor: Actor | None) -> Scopes:
    """The quote sets to offer, key → (label, count, quotes): those in view first, then all.

    In view means the actor's quotes on a profile, else the open article's. The quotes are
    gathered only for the set exported, which matters on a corpus of thousands of articles.
    """
    scopes: Scopes = {}
    if actor is not None:
        items = corpus.quotes_by_actor.get(actor.id, [])
        scopes["actor"] = ("This actor's quotes", len(items), lambda: items)
    elif article is not None:
        scopes["article"] = ("This article's quotes", len(article.quotes),
                             lambda: [(article, q) for q in article.quotes])
    total = sum(len(a.quotes) for a in corpus.articles)
    scopes["all"] = ("All quotes", total,
                     lambda: [(a, q) for a in corpus.articles for q in a.quotes])
    return scopes


class ExportDialog(ModalScreen[Path | None]):
    """Pick a set of quotes and a format, confirm the path; written atomically on Export."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, corpus: Corpus, scopes: Scopes,
                 default: str | None = None, folder: Path | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.scopes = scopes
        self.scope = default if default in scopes else next(iter(scopes))
        self.folder = folder or Path.cwd()
        self.fmt = "csv"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Export quotes", id="export-title")
            with RadioSet(id="export-scope"):
                for key, (label, count, _) in self.scopes.items():
                    yield RadioButton(f"{label} ({count})", value=key == self.scope, name=key)
            with RadioSet(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(FORMAT_NAMES[fmt], value=fmt == self.fmt, name=fmt)
            yield InOrderInput(str(self.folder / self._file_name()), id="export-path")
            yield Label("", id="export-note", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()
        self._update_note()

    def _file_name(self) -> str:
        return f"quotes-{self.scope}.{self.fmt}"

    @on(RadioSet.Changed, "#export-scope")
    def _scope_changed(self, event: RadioSet.Changed) -> None:
        self.scope = event.pressed.name or self.scope
        self._retarget()

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        self.fmt = event.pressed.name or self.fmt
        self._retarget()

    def _retarget(self) -> None:
        path_input = self.query_one("#export-path", Input)
        current = Path(path_input.value or self._file_name())
        if current.name.startswith("quotes-"):
            current = current.with_name(self._file_name())
        else:
            current = current.with_suffix(f".{self.fmt}")
        path_input.value = str(current)
        self._update_note()

    @on(Input.Changed, "#export-path")
    def _update_note(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        note = self.query_one("#export-note", Label)
        path = Path(value).expanduser() if value else None
        if path is None:
            note.update("Type a file path")
        elif path.is_dir():
            note.update("That is a folder; add a file name")
        elif path.exists():
            note.update(f"{path.name} exists and will be replaced")
        else:
            note.update(f"{self.scopes[self.scope][1]} quotes as "
                        f"{FORMAT_NAMES[format_for(path) or self.fmt]}")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def action_confirm(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self.query_one("#export-note", Label).update("Type a file path")
            return
        path = Path(value).expanduser()
        rows = quote_rows(self.corpus, self.scopes[self.scope][2]())
        try:
            fmt = export(rows, path, format_for(path) or self.fmt)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.query_one("#export-note", Label).update(f"Cannot write: {reason}")
            return
        self.app.notify(f"Exported {len(rows)} quotes as {FORMAT_NAMES[fmt]} to {path}",
                        markup=False)
        self.dismiss(path)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
