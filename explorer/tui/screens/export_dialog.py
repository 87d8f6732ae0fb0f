"""The export dialog: which quotes, which format, and the path the user confirms.

While the app runs the dialog remembers (:class:`ExportChoice`) the format, whether the
quotes in view or all of them were exported, the folder and the CSV byte-order mark; the
file it proposes is named after the actor or article in view (``quotes-دونالد-ترامب.csv``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from explorer.export import FORMATS, export, format_for, quote_rows
from explorer.model import Actor, Article, Corpus, Quote
from explorer.tui.widgets.query_input import InOrderInput

FORMAT_NAMES = {"csv": "CSV", "json": "JSON", "md": "Markdown"}
BOM_LABEL = "CSV with a byte-order mark, so Excel reads the Arabic"
QuoteSet = Callable[[], list[tuple[Article, Quote]]]


class Scope(NamedTuple):
    """A set of quotes to offer: its label, how many, the quotes, and the file name (no
    extension) proposed for it."""

    label: str
    count: int
    quotes: QuoteSet
    name: str


Scopes = dict[str, Scope]


@dataclass
class ExportChoice:
    """What the dialog remembers for the app's lifetime, from the last export written."""

    fmt: str = "csv"
    scope: str | None = None     # the key of the scope exported: "actor", "article" or "all"
    folder: Path | None = None
    bom: bool = True


# What a file name must not hold: path separators, characters Windows refuses, white space.
_UNSAFE = re.compile(r'[\\/:*?"<>|#\s]+')
_ARTICLE_SUFFIX = re.compile(r"\.(?:txt|md|markdown|json|jsonl|html?)(?=#|$)", re.IGNORECASE)


def safe_name(text: str, limit: int = 60) -> str:
    """``text`` made a file name: control and format characters (escapes, bidi controls)
    dropped, separators and spaces turned into ``-``, no leading dot, at most ``limit``
    characters. Arabic letters stay."""
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
    return _UNSAFE.sub("-", text).strip("-.")[:limit].strip("-.")


def quote_scopes(corpus: Corpus, article: Article | None, actor: Actor | None) -> Scopes:
    """The quote sets to offer, key → :class:`Scope`: those in view first, then all.

    In view means the actor's quotes on a profile, else the open article's. The quotes are
    gathered only for the set exported, which matters on a corpus of thousands of articles.
    """
    scopes: Scopes = {}
    if actor is not None:
        items = corpus.quotes_of(actor.id)
        scopes["actor"] = Scope("This actor's quotes", len(items), lambda: items,
                                f"quotes-{safe_name(actor.name) or 'actor'}")
    elif article is not None:
        name = safe_name(_ARTICLE_SUFFIX.sub("", article.id)) or "article"
        scopes["article"] = Scope("This article's quotes", len(article.quotes),
                                  lambda: [(article, q) for q in article.quotes],
                                  f"quotes-{name}")
    total = corpus.quote_total()
    scopes["all"] = Scope("All quotes", total,
                          lambda: [(a, q) for a in corpus.articles for q in a.quotes],
                          "quotes-all")
    return scopes


class ExportDialog(ModalScreen[Path | None]):
    """Pick a set of quotes and a format, confirm the path; written atomically on Export."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, corpus: Corpus, scopes: Scopes, default: str | None = None,
                 folder: Path | None = None, memory: ExportChoice | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.scopes = scopes
        self.memory = memory if memory is not None else ExportChoice()
        # an explicit scope, else all if all was exported last, else the quotes in view
        last = "all" if self.memory.scope == "all" else None
        self.scope = next(key for key in (default, last, *scopes) if key in scopes)
        self.folder = folder or self.memory.folder or Path.cwd()
        self.fmt = self.memory.fmt if self.memory.fmt in FORMATS else "csv"
        self.bom = self.memory.bom
        self.proposed = self._file_name()

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Export quotes", id="export-title")
            with RadioSet(id="export-scope"):
                for key, scope in self.scopes.items():
                    yield RadioButton(f"{scope.label} ({scope.count})", value=key == self.scope,
                                      name=key, id=f"export-scope-{key}")
            with RadioSet(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(FORMAT_NAMES[fmt], value=fmt == self.fmt, name=fmt,
                                      id=f"export-format-{fmt}")
            yield Checkbox(BOM_LABEL, self.bom, id="export-bom", disabled=self.fmt != "csv")
            yield InOrderInput(str(self.folder / self.proposed), id="export-path")
            yield Label("", id="export-note", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()
        self._update_note()

    def _file_name(self) -> str:
        return f"{self.scopes[self.scope].name}.{self.fmt}"

    @on(RadioSet.Changed, "#export-scope")
    def _scope_changed(self, event: RadioSet.Changed) -> None:
        self.scope = event.pressed.name or self.scope
        self._retarget()

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        self.fmt = event.pressed.name or self.fmt
        self.query_one("#export-bom", Checkbox).disabled = self.fmt != "csv"
        self._retarget()

    @on(Checkbox.Changed, "#export-bom")
    def _bom_changed(self, event: Checkbox.Changed) -> None:
        self.bom = event.value

    def _retarget(self) -> None:
        """The path follows the scope and format; a name the user typed keeps its stem."""
        path_input = self.query_one("#export-path", Input)
        current = Path(path_input.value or self.proposed)
        if current.name == self.proposed:
            current = current.with_name(self._file_name())
        else:
            current = current.with_suffix(f".{self.fmt}")
        self.proposed = current.name
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
            note.update(f"{self.scopes[self.scope].count} quotes as "
                        f"{FORMAT_NAMES[format_for(path) or self.fmt]}")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def action_confirm(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        if not value:
            self.query_one("#export-note", Label).update("Type a file path")
            return
        path = Path(value).expanduser()
        rows = quote_rows(self.corpus, self.scopes[self.scope].quotes())
        try:
            fmt = export(rows, path, format_for(path) or self.fmt, bom=self.bom)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.query_one("#export-note", Label).update(f"Cannot write: {reason}")
            return
        self.memory.fmt, self.memory.scope, self.memory.bom = fmt, self.scope, self.bom
        self.memory.folder = path.absolute().parent
        self.app.notify(f"Exported {len(rows)} quotes as {FORMAT_NAMES[fmt]} to {path}",
                        markup=False)
        self.dismiss(path)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
