"""Command palette: the app's main actions, and opening any article by name or title.

File names and titles come from the articles, so they are escaped, never read as markup.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from explorer.arabic.display import RtlMode

if TYPE_CHECKING:
    from explorer.model import Article
    from explorer.tui.app import ExplorerApp

TRANSLIT_SCHEMES = ("hsb", "buckwalter")
RTL_MODES = ((RtlMode.AUTO, "decide from the terminal"),
             (RtlMode.APP, "the app reorders and joins letters"),
             (RtlMode.TERMINAL, "the terminal does bidi (VTE, Konsole, mintty)"),
             (RtlMode.OFF, "logical order, as stored"))


def explorer_commands(app: ExplorerApp) -> Iterator[SystemCommand]:
    """The app's own commands, after Textual's (theme, keys, quit...)."""
    yield SystemCommand("Find actor", "Search the actor index (/)", app.action_find_actor)
    yield SystemCommand("Export quotes", "Save quotes as CSV, JSON or Markdown (e)",
                        app.action_export)
    yield SystemCommand("Export all quotes", "Every quote of the corpus",
                        lambda: app.action_export("all"))
    yield SystemCommand("Toggle transliteration", "Romanise names and text (t)",
                        app.action_toggle_translit)
    for scheme in TRANSLIT_SCHEMES:
        yield SystemCommand(f"Transliteration scheme: {scheme}", "Romanisation used by t",
                            partial(app.set_scheme, scheme))
    for mode, why in RTL_MODES:
        yield SystemCommand(f"RTL mode: {mode.value}", why, partial(app.set_rtl, mode))
    yield SystemCommand("Load errors", "Files that could not be read (!)",
                        app.action_show_errors)
    yield SystemCommand("Help", "Every binding (F1)", app.action_help)


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
