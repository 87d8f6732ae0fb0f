"""Command palette: the app's main actions, and opening any article by name or title.

File names and titles come from the articles, so they are escaped, never read as markup.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from functools import cache, partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from explorer.arabic.display import RtlMode
from explorer.tui.screens.help import binding_rows, bindings_by_id
from explorer.tui.widgets.quote_list import QuoteList

if TYPE_CHECKING:
    from explorer.model import Article
    from explorer.tui.app import ExplorerApp

TRANSLIT_SCHEMES = ("hsb", "buckwalter")
RTL_MODES = ((RtlMode.AUTO, "decide from the terminal"),
             (RtlMode.APP, "the app reorders and joins letters"),
             (RtlMode.TERMINAL, "the terminal does bidi (VTE, Konsole, mintty)"),
             (RtlMode.OFF, "logical order, as stored"))
# Palette titles of actions that have a key: each holds the word the footer shows for that
# key («Romanise» for t, «Cite» for C), so typing that word finds it; its help line is the
# key's line in the help screen.
BOUND_COMMANDS = (
    ("Find actor", "app.find_actor"),
    ("Export quotes", "app.export"),
    ("Romanise: toggle transliteration", "app.transliterate"),
    ("Cite quote", "quotes.copy_citation"),
    ("Copy quote", "quotes.copy"),
    ("Next mention", "app.next_mention"),
    ("Previous mention", "app.previous_mention"),
    ("Load errors", "app.errors"),
    ("Help", "app.help"),
)


@cache
def bound_help(binding_id: str) -> tuple[str, str]:
    """The footer's word for a binding, and its help line followed by its keys (the
    bindings are fixed, so each is looked up once, not each time the palette opens)."""
    binding = bindings_by_id()[binding_id]
    keys = next(keys for _, keys, id_, _ in binding_rows() if id_ == binding_id)
    return binding.description, f"{binding.tooltip or binding.description} ({keys})"


def explorer_commands(app: ExplorerApp) -> Iterator[SystemCommand]:
    """The app's own commands, after Textual's (theme, keys, quit...)."""
    actions = {"app.find_actor": app.action_find_actor, "app.export": app.action_export,
               "app.transliterate": app.action_toggle_translit,
               "quotes.copy_citation": partial(copy_quote, app, citation=True),
               "quotes.copy": partial(copy_quote, app, citation=False),
               "app.next_mention": partial(app.action_mention, 1),
               "app.previous_mention": partial(app.action_mention, -1),
               "app.errors": app.action_show_errors, "app.help": app.action_help}
    for title, binding_id in BOUND_COMMANDS:
        yield SystemCommand(title, bound_help(binding_id)[1], actions[binding_id])
        if binding_id == "app.export":
            yield SystemCommand("Export all quotes", "Every quote of the corpus",
                                lambda: app.action_export("all"))
    for scheme in TRANSLIT_SCHEMES:
        yield SystemCommand(f"Transliteration scheme: {scheme}", "Romanisation used by t",
                            partial(app.set_scheme, scheme))
    for mode, why in RTL_MODES:
        yield SystemCommand(f"RTL mode: {mode.value}", why, partial(app.set_rtl, mode))


def copy_quote(app: ExplorerApp, citation: bool) -> None:
    """What c (or C, ``citation``) does in the quote list in view: the focused one, else the
    first with quotes on the screen."""
    focused = app.screen.focused
    lists = [focused] if isinstance(focused, QuoteList) and focused.rows else []
    lists += [widget for widget in app.screen.query(QuoteList) if widget.rows]
    if not lists:
        app.notify("No quote in view: open an article or an actor with quotes", timeout=3)
        return
    lists[0].action_copy(citation)


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
        for number, article in enumerate(self._articles()):
            if number % 500 == 499:
                await asyncio.sleep(0)   # let keys through on a corpus of thousands
            label = f"Open article: {article.id}"
            score = max(matcher.match(label), matcher.match(article.title))
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._open, article),
                          help=escape(article.title))
