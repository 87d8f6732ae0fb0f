"""The explorer app: articles, their text, entities and quotes, and the corpus's actors.

The screen appears at once; a thread worker loads and analyses the articles and posts them
in batches as they are done, then merges actors across the corpus and builds the actor
index (or takes the merged corpus from the cache when no file changed).
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Header, Input, TabbedContent, TabPane

from explorer import clipboard
from explorer.arabic.display import (
    VTE_EXPLICIT,
    VTE_IMPLICIT,
    RtlMode,
    choose_mode,
    wants_vte_explicit_mode,
)
from explorer.corpus import DEFAULT_MAX_BYTES
from explorer.export import citation, quote_rows
from explorer.model import Actor, Article, Corpus, LoadError
from explorer.tui.commands import ArticleCommands, explorer_commands
from explorer.tui.loading import (
    ActorsIndexed,
    ActorsRead,
    AnalysisFailed,
    Checking,
    CorpusChecked,
    CorpusReady,
    ItemsAnalysed,
    LoadRequest,
    load_corpus,
    reopen_corpus,
)
from explorer.tui.look import counted, error_summary, unreadable_short
from explorer.tui.provisional import REINDEX_SECONDS, ProvisionalActors, reindex_pause
from explorer.tui.screens.export_dialog import ExportChoice, ExportDialog, quote_scopes
from explorer.tui.widgets.actor_list import ActorList
from explorer.tui.widgets.article_list import ArticleList
from explorer.tui.widgets.article_view import ArticleView
from explorer.tui.widgets.entity_list import EntityList
from explorer.tui.widgets.footer import ExplorerFooter
from explorer.tui.widgets.query_input import QueryInput
from explorer.tui.widgets.quote_list import QuoteList
from explorer.tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from explorer.search import ActorIndex

RTL_CYCLE = (RtlMode.APP, RtlMode.TERMINAL, RtlMode.OFF)
ALIASES_CHECK_SECONDS = 2.0  # how often the folder's aliases file is looked at (a stat)


def sample_articles() -> Path | None:
    """The bundled sample articles next to the package (repository or editable install)."""
    folder = Path(__file__).resolve().parents[2] / "sample_articles"
    return folder if folder.is_dir() else None


def everywhere(keys: str, action: str, description: str, binding_id: str, tooltip: str, *,
               show: bool = True) -> Binding:
    """A binding of the whole app, run when its key arrives, before the key goes on to the
    focused widget. A plain app binding runs only after the key has bubbled back up from
    the focused widget, behind keys typed since, which then act in the wrong place (``/``
    then «rossi» typed quickly would land in the article list). Keys a focused text box
    types (letters, digits, ``/``) still go to the box: Textual leaves them out of the
    bindings while it has focus."""
    return Binding(keys, action, description, show=show, id=binding_id, tooltip=tooltip,
                   priority=True)


class ExplorerApp(App[None]):
    """Read a folder of Arabic articles: who is in them and who said what."""

    CSS_PATH = "app.tcss"
    TITLE = "explorer"
    COMMANDS = App.COMMANDS | {ArticleCommands}
    BINDINGS = [
        everywhere("f1,question_mark", "help", "Help", "app.help", "Show every binding"),
        everywhere("slash", "find_actor", "Find actor", "app.find_actor",
                   "Focus the actor search box (Arabic or Latin letters)"),
        everywhere("1", "focus_pane('articles')", "Articles", "app.focus_articles",
                   "Focus the article list", show=False),
        everywhere("2", "focus_pane('text')", "Text", "app.focus_text",
                   "Focus the article text", show=False),
        everywhere("3", "focus_pane('entities')", "Entities", "app.focus_entities",
                   "Focus the entities pane", show=False),
        everywhere("4", "focus_pane('quotes')", "Quotes", "app.focus_quotes",
                   "Focus the quotes pane", show=False),
        everywhere("5", "focus_pane('actors')", "Actors", "app.focus_actors",
                   "Focus the actor index hits", show=False),
        everywhere("n", "mention(1)", "Next mention", "app.next_mention",
                   "Visit the next mention of the selected entity"),
        everywhere("N", "mention(-1)", "Previous mention", "app.previous_mention",
                   "Visit the previous mention of the selected entity", show=False),
        everywhere("t", "toggle_translit", "Romanise", "app.transliterate",
                   "Romanise names and text (scheme: --translit or the command palette)"),
        everywhere("r", "cycle_rtl", "RTL mode", "app.rtl_mode",
                   "Cycle who reorders right-to-left text: app, terminal, off", show=False),
        everywhere("e", "export", "Export", "app.export",
                   "Export the quotes in view (article, actor or all): CSV, JSON, Markdown"),
        everywhere("exclamation_mark", "show_errors", "Load errors", "app.errors",
                   "List the files and records that could not be read, and why", show=False),
        everywhere("f5", "reload", "Reload", "app.reload",
                   "Read the folder again: new and changed files are analysed, the rest "
                   "comes from the cache", show=False),
        everywhere("q", "quit", "Quit", "app.quit", "Quit"),
        everywhere("escape", "leave_query", "Leave search", "app.leave_search",
                   "In the search box: go to the hits", show=False),
        everywhere("down", "leave_query", "To the hits", "app.to_hits",
                   "In the search box: go to the hits", show=False),
    ]

    def __init__(self, paths: Sequence[str | Path] = (), *, ner: str = "auto",
                 max_bytes: int = DEFAULT_MAX_BYTES, rtl: RtlMode | str = RtlMode.AUTO,
                 scheme: str = "hsb", corpus: Corpus | None = None, jobs: int | None = None,
                 cache: bool = True) -> None:
        """Open ``paths`` (analysed in a worker), or an already analysed ``corpus``.

        ``jobs`` and ``cache`` are passed to the analysis (processes; the analysis cache).
        """
        super().__init__()
        self.request = LoadRequest([Path(p) for p in paths], corpus, ner, max_bytes, jobs, cache)
        # the folder's corrections to the actor merge, read again when it changes
        from explorer.analysis.aliases import aliases_path  # not on import: it folds Arabic

        self.aliases_file = None if corpus is not None else aliases_path(self.request.paths)
        self.aliases_seen: tuple[int, int] | None = None
        self.rtl_mode = choose_mode(rtl)
        self.explicit_vte = wants_vte_explicit_mode(self.rtl_mode)
        self.scheme = scheme
        self.translit: str | None = None
        self.corpus = Corpus()
        self.index: ActorIndex | None = None
        self.loading = True
        # the corpus shown waits for its actors (:class:`ActorsRead`) and the article to
        # open when they come
        self.waiting_for_actors = False
        self.wanted_article: Article | None = None
        # while analysing: the actors found so far, their index, and how far it has got
        self.provisional = ProvisionalActors()
        self.provisional_view: tuple[list[Actor], ActorIndex] | None = None
        self.provisional_due = 0.0  # monotonic time before which it is not indexed again
        self.progress = (0, 0)
        self.last_copy: clipboard.CopyResult | None = None
        self.export_choice = ExportChoice()  # the export dialog's memory for the session

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield ArticleList(id="articles")
                with Vertical(id="actors-pane"):
                    yield QueryInput(placeholder="/ find an actor (Arabic or Latin)",
                                     id="actor-query")
                    yield ActorList(id="actors")
            with Vertical(id="right"):
                yield ArticleView(id="text")
                with TabbedContent(id="tabs"):
                    with TabPane("Quotes", id="quotes-tab"):
                        yield QuoteList(id="quotes")
                    with TabPane("Entities", id="entities-tab"):
                        yield EntityList(id="entities")
        yield ExplorerFooter()

    def on_mount(self) -> None:
        self.query_one("#articles").border_title = "Articles"
        self.query_one("#actors-pane").border_title = "Actors"
        self.query_one("#text").border_title = "Text"
        self._apply_display_settings()
        self.sub_title = "analysing…"
        if self.explicit_vte and self._driver is not None and not self.is_headless:
            self._driver.write(VTE_EXPLICIT)
        self.actor_list.say_when_empty("Building the actor index…")
        self.set_interval(REINDEX_SECONDS, self._index_provisional)
        self.query_one("#articles").focus()
        self.aliases_seen = self._aliases_signature()
        self.analyse()
        if self.aliases_file is not None:
            self.set_interval(ALIASES_CHECK_SECONDS, self._check_aliases)

    async def on_event(self, event: events.Event) -> None:
        """Drop a key that arrives after the app has closed its screens: a burst typed (or
        pasted) just as the app quits is still queued, and Textual's binding check would
        fail on the empty screen stack instead of the key being ignored."""
        if isinstance(event, events.Key) and not self.screen_stack:
            return
        await super().on_event(event)

    # -- analysis worker --------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="analysis")
    def analyse(self) -> None:
        """Analyse every article (posting them in batches), then merge actors and index them."""
        load_corpus(self.request, self.post_message, self._warn_from_thread)

    def _index_provisional(self) -> None:
        """Search the actors found so far while the analysis runs (indexed in a worker,
        the more rarely the longer it takes: :func:`reindex_pause`)."""
        if self.index is None and self.provisional.changed \
                and time.monotonic() >= self.provisional_due:
            self.provisional_due = float("inf")  # until this build is done
            self.build_provisional_index(self.provisional.snapshot())

    @work(thread=True, exclusive=True, group="provisional")
    def build_provisional_index(self, actors: list[Actor]) -> None:
        from explorer.search import ActorIndex

        began = time.monotonic()
        index = ActorIndex(actors)
        self.call_from_thread(self._provisional_indexed, actors, index,
                              time.monotonic() - began)

    def _provisional_indexed(self, actors: list[Actor], index: ActorIndex,
                             took: float) -> None:
        self.provisional_due = time.monotonic() + reindex_pause(took)
        if self.index is None:  # not when the merged index came first
            self.provisional_view = (actors, index)
            self.search_actors(self.query_one("#actor-query", Input).value)

    @work(thread=True, exclusive=True, group="analysis")
    def reopen(self, why: str) -> None:
        """Open the folder again (``why``: what is being done, for a failure's message)."""
        if not reopen_corpus(self.request, self.post_message, self._warn_from_thread, why):
            self.call_from_thread(self._show_summary)

    def _aliases_signature(self) -> tuple[int, int] | None:
        """When and how large the aliases file was last written (None: there is none)."""
        if self.aliases_file is None:
            return None
        try:
            info = self.aliases_file.stat()
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size

    def _check_aliases(self) -> None:
        """Merge again when the aliases file was written, created or removed, once the
        analysis is over (a file changed during it is read by the next check)."""
        if self.loading:
            return
        signature = self._aliases_signature()
        if signature != self.aliases_seen:
            self.aliases_seen = signature
            self.loading = True
            self.sub_title = "reading the aliases file…"
            self.reopen("the aliases could not be applied")

    def _warn_from_thread(self, message: str) -> None:
        """A one-line notice from the analysis (e.g. the cache is disabled) as a toast;
        from the UI thread too (a stored article's body found damaged when opened)."""
        if threading.get_ident() == self._thread_id:
            self.notify(message, severity="warning", timeout=8, markup=False)
        else:
            self.call_from_thread(self.notify, message, severity="warning", timeout=8,
                                  markup=False)

    def on_items_analysed(self, message: ItemsAnalysed) -> None:
        first = not self.corpus.articles
        for item in message.items:
            if isinstance(item, LoadError):
                self.corpus.errors.append(item)
            else:
                self.corpus.articles.append(item.article)
        self.provisional.add(item for item in message.items if not isinstance(item, LoadError))
        self.progress = (message.done, message.total)
        if self.index is None and self.provisional_view is None:
            self.search_actors(self.query_one("#actor-query", Input).value)
        self.corpus.invalidate()
        self.article_list.set_articles(self.corpus.articles)
        if first and self.corpus.articles:
            self.open_article(self.corpus.articles[0])
        self.sub_title = f"analysing {message.done}/{message.total}"
        self.article_list.border_subtitle = f"{message.done}/{message.total}"

    def on_corpus_ready(self, message: CorpusReady) -> None:
        current = self.wanted_article if self.waiting_for_actors else self.current_article
        self.waiting_for_actors, self.wanted_article = False, None
        self.corpus = message.corpus
        self.index = message.index
        self.provisional, self.provisional_view = ProvisionalActors(), None
        self.article_list.set_articles(self.corpus.articles)
        self.article_list.border_subtitle = str(len(self.corpus.articles))
        errors = len(self.corpus.errors)
        if message.checking:
            self._show_state("checking for changed files")
        else:
            self._show_summary()
        self.search_actors(self.query_one("#actor-query", Input).value)
        wanted = (self.corpus.article_by_id.get(current.id, current) if current is not None
                  else self.corpus.articles[0] if self.corpus.articles else None)
        if message.checking:  # its actors are read next: an article names them
            self.waiting_for_actors, self.wanted_article = True, wanted
        elif wanted is not None:
            self.open_article(wanted, keep_position=current is not None)
        if errors:
            self.notify(f"{error_summary(self.corpus.errors)}; press ! to see why",
                        severity="warning", timeout=6)
        if not self.corpus.articles:
            self.notify("No articles could be read", severity="error", timeout=8)
        self.call_after_refresh(message.shown.set)

    def _show_summary(self) -> None:
        """What the corpus holds, in the header; the analysis is over."""
        self.loading = False
        self.sub_title = (f"{counted(len(self.corpus.articles), 'article')} · "
                          f"{counted(len(self.corpus.actors), 'actor')}"
                          + (f" · {unreadable_short(self.corpus.errors)} (press !)"
                             if self.corpus.errors else ""))

    def on_actors_read(self, message: ActorsRead) -> None:
        if message.corpus is self.corpus and self.waiting_for_actors:
            self.waiting_for_actors = False
            wanted, self.wanted_article = self.wanted_article, None
            if wanted is not None:
                self.open_article(wanted, keep_position=self.current_article is not None)

    def on_actors_indexed(self, message: ActorsIndexed) -> None:
        if message.corpus is self.corpus:
            self.index = message.index
            self.search_actors(self.query_one("#actor-query", Input).value)

    def on_checking(self, message: Checking) -> None:
        self._show_state(f"files changed: analysing {message.done}/{message.total}")

    def _show_state(self, state: str) -> None:
        """The corpus shown and what is being done to it, in the header."""
        self.sub_title = f"{counted(len(self.corpus.articles), 'article')} · {state}"

    def on_corpus_checked(self, _: CorpusChecked) -> None:
        self._show_summary()

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        if message.final:
            self.loading = False
            self.sub_title = "analysis failed"
        self.notify(message.reason, severity="error", timeout=10, markup=False)

    # -- the panes --------------------------------------------------------------------------
    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one("#text", ArticleView)

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one("#quotes", QuoteList)

    @property
    def entity_list(self) -> EntityList:
        return self.query_one("#entities", EntityList)

    @property
    def actor_list(self) -> ActorList:
        return self.query_one("#actors", ActorList)

    @property
    def current_article(self) -> Article | None:
        return self.article_view.article

    def open_article(self, article: Article, *, keep_position: bool = False) -> None:
        """Show ``article`` in the text, entities and quotes panes; while the corpus shown
        waits for its actors, once they are read (:class:`ActorsRead`)."""
        if self.waiting_for_actors:
            self.wanted_article = article
            return
        view = self.article_view
        position = (view.scroll_offset.y, view.selected_key, view.current)
        view.show(article)
        view.border_title = Text(article.id)   # a file name is not markup
        self.entity_list.show(article)
        items = [(article, q) for q in article.quotes]
        self.quote_list.show(items, quote_rows(self.corpus, items))
        index = self.corpus.article_position.get(article.id, -1)
        if index >= 0 and self.corpus.articles[index] is not article:
            index = -1  # an article of a corpus since replaced
        if index >= 0 and self.article_list.cursor != index:
            self.article_list.move_to(index)
        if keep_position:
            view.highlight(position[1])
            view.current = position[2]
            view.scroll_to(y=position[0], animate=False)

    def visit_actor(self, article: Article, actor: Actor) -> None:
        """Show ``article`` with ``actor``'s mentions highlighted, at the first one marked,
        and the text focused so that ``n`` goes on to the next."""
        self.open_article(article)
        self.article_view.highlight(actor.id)
        self.article_view.next_mention(1)
        self.focus_now(self.article_view)

    def visit_quote(self, article: Article, start: int, end: int) -> None:
        """Show ``article`` at the quote ``[start, end)``, marked, with the text focused."""
        self.open_article(article)
        self.article_view.visit(start, end)
        self.focus_now(self.article_view)

    @on(VirtualList.Highlighted, "#articles")
    def _article_highlighted(self, message: VirtualList.Highlighted) -> None:
        if not message.control.is_attached:  # a late cursor move while the app closes
            return
        articles = self.corpus.articles
        if 0 <= message.index < len(articles) and articles[message.index] is not \
                self.current_article:
            self.open_article(articles[message.index])

    @on(VirtualList.Selected, "#articles")
    def _article_selected(self, message: VirtualList.Selected) -> None:
        self.focus_now(self.article_view)

    @on(VirtualList.Highlighted, "#entities")
    def _entity_highlighted(self, message: VirtualList.Highlighted) -> None:
        rows = self.entity_list.rows
        if 0 <= message.index < len(rows):
            self.article_view.highlight(rows[message.index].key)

    @on(VirtualList.Selected, "#entities")
    def _entity_selected(self, message: VirtualList.Selected) -> None:
        self.article_view.current = None
        self.article_view.next_mention(1)

    @on(VirtualList.Selected, "#quotes")
    def _quote_selected(self, message: VirtualList.Selected) -> None:
        current = self.quote_list.current
        if current is not None:
            self.article_view.visit(current[1].start, current[1].end)

    @on(QuoteList.CopyRequested)
    def _copy_quote(self, message: QuoteList.CopyRequested) -> None:
        self.copy_text(citation(message.row) if message.citation else message.row.quote)

    # -- actor search ----------------------------------------------------------------------
    @on(Input.Changed, "#actor-query")
    def _query_changed(self, message: Input.Changed) -> None:
        self.search_actors(message.value)

    @on(Input.Submitted, "#actor-query")
    def _query_submitted(self, message: Input.Submitted) -> None:
        self.open_profile(self.actor_list.current_actor)

    @on(VirtualList.Selected, "#actors")
    def _actor_selected(self, message: VirtualList.Selected) -> None:
        self.open_profile(self.actor_list.current_actor)

    def search_actors(self, query: str) -> None:
        """Filter the actor index by ``query`` (called on every keystroke)."""
        pane = self.query_one("#actors-pane")
        if self.index is None:
            done, total = self.progress
            building = (f"building the index: {done} of {total} articles" if total
                        else "building the index…")
            if self.provisional_view is not None:
                actors, index = self.provisional_view
                self.actor_list.show(actors, index.search(query))
                self.actor_list.say_when_empty(f"No actor found so far matches «{query.strip()}»"
                                               if query.strip() else building)
            else:
                self.actor_list.show([], [])
                self.actor_list.say_when_empty(building if self.loading else "No actor index")
            pane.border_subtitle = (f"building the index: {done}/{total}" if total
                                    else "") if self.loading else ""
            return
        hits = self.index.search(query)
        self.actor_list.show(self.corpus.actors, hits)
        self.actor_list.say_when_empty(f"No actor matches «{query.strip()}»" if query.strip()
                                       else "No actors found in these articles")
        pane.border_subtitle = f"{len(hits)}/{len(self.index)}" if query else str(len(self.index))

    def open_profile(self, actor: Actor | None) -> None:
        if actor is None:
            return
        if self.index is None:  # a provisional actor: its quotes are not gathered yet
            self.notify("The actor index is still being built; profiles open once it is "
                        "ready", timeout=4)
            return
        from explorer.tui.screens.profile import ProfileScreen

        self.push_screen(ProfileScreen(actor))

    def leave_profile(self) -> None:
        """Back from a profile to the actor hits it was opened from (not to the search box,
        where the next keys would be typed as a query)."""
        self.to_main_screen()
        self.focus_now(self.actor_list if self.actor_list.count else self.article_list)

    # -- copying -------------------------------------------------------------------------------
    def copy_to_clipboard(self, text: str) -> None:
        """Every copy in the app (quotes, and Textual's own, e.g. a selection in the search
        box) goes through :meth:`copy_text`."""
        self.copy_text(text)

    def copy_text(self, text: str) -> clipboard.CopyResult:
        """Copy the logical ``text`` by OSC 52 (tmux-aware) and a system tool; say what was
        done; keep it in ``App.clipboard``."""
        self._clipboard = text
        writer = None
        if self._driver is not None and not self.is_headless:
            writer = self._driver.write
        result = clipboard.copy(text, writer)
        self.last_copy = result
        self.notify(result.describe(), severity="information" if result.ok else "warning")
        return result

    # -- actions -------------------------------------------------------------------------------
    def action_help(self) -> None:
        from explorer.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def to_main_screen(self) -> None:
        """Close the profile, help or dialog screens over the main one."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_find_actor(self) -> None:
        self.to_main_screen()
        self.focus_now(self.query_one("#actor-query", Input))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which app bindings act here: none over a dialog, help or the errors view (their
        own keys rule there); on the main screen and the profile all, but for the search
        box's own two, and ``n``/``N``, which need the article text on screen."""
        if isinstance(self.screen, ModalScreen):
            return False
        if action == "leave_query":
            return isinstance(self.focused, Input) and self.focused.id == "actor-query"
        if action == "mention":
            return self.screen is self.main_screen
        return True

    @property
    def main_screen(self) -> Screen:
        return self.screen_stack[0]

    def focus_now(self, widget: Widget) -> None:
        """Give ``widget`` the focus before the next key is read.

        ``Widget.focus`` waits for the app's next turn, and keys already typed by then
        would still go to the widget that had it (the search box would type ``1 r r``)."""
        widget.screen.set_focus(widget)

    def action_leave_query(self) -> None:
        """From the search box to the hits (Escape or Down), like fzf's list."""
        self.focus_now(self.actor_list)

    def action_focus_pane(self, pane: str) -> None:
        self.to_main_screen()
        if pane in ("quotes", "entities"):
            self.query_one("#tabs", TabbedContent).active = f"{pane}-tab"
        self.focus_now(self.query_one(f"#{pane}"))

    def action_mention(self, step: int) -> None:
        if self.article_view.next_mention(step) is not None:
            return
        on_heading = self.focused is self.entity_list and self.entity_list.count
        if on_heading:
            heading = self.entity_list.rows[self.entity_list.cursor].label
            self.notify(f"«{heading}» is a heading: move down to one of its entities",
                        timeout=3)
        else:
            self.notify("Select an entity first (entities pane, key 3)", timeout=3)

    def action_toggle_translit(self) -> None:
        self.translit = None if self.translit else self.scheme
        self._apply_display_settings()
        self.notify(f"Romanised ({self.scheme})" if self.translit else "Arabic script",
                    timeout=2)

    def action_cycle_rtl(self) -> None:
        position = RTL_CYCLE.index(self.rtl_mode) if self.rtl_mode in RTL_CYCLE else -1
        self.set_rtl(RTL_CYCLE[(position + 1) % len(RTL_CYCLE)])

    def set_rtl(self, mode: RtlMode | str) -> None:
        self.rtl_mode = choose_mode(mode)
        self._apply_display_settings()
        self.notify(f"Right-to-left text: {self.rtl_mode.value}", timeout=2)

    def set_scheme(self, scheme: str) -> None:
        self.scheme = scheme
        if self.translit:
            self.translit = scheme
        self._apply_display_settings()

    def _apply_display_settings(self) -> None:
        for screen in self.screen_stack:
            for widget in screen.query("ArticleList, EntityList, QuoteList, ActorList"):
                widget.mode, widget.translit = self.rtl_mode, self.translit
                widget.refresh()
            for box in screen.query(QueryInput):
                box.mode = self.rtl_mode
                box.refresh()
            for view in screen.query(ArticleView):
                view.configure(self.rtl_mode, self.translit)
            if hasattr(screen, "refresh_display"):
                screen.refresh_display()

    def action_export(self, scope: str | None = None) -> None:
        actor = getattr(self.screen, "actor", None)
        scopes = quote_scopes(self.corpus, self.current_article, actor)
        if not any(item.count for item in scopes.values()):
            self.notify("No quotes to export yet", severity="warning")
            return
        self.push_screen(ExportDialog(self.corpus, scopes, default=scope,
                                      memory=self.export_choice))

    def action_reload(self) -> None:
        """Read the opened folder again, once the analysis is over: files added or changed
        since are analysed, the others come from the cache, and the actors are merged
        again; the article being read stays open."""
        if self.request.corpus is not None or not self.request.paths:
            self.notify("An analysis file was opened: there is no folder to read again",
                        severity="warning", timeout=6)
            return
        if self.loading:
            self.notify("Still analysing: reload once it is done", timeout=4)
            return
        self.loading = True
        self.sub_title = "reading the folder again…"
        self.reopen("the folder could not be read again")

    def action_show_errors(self) -> None:
        from explorer.tui.screens.errors import ErrorsScreen

        if not self.corpus.errors:
            self.notify("Every file was read" if not self.loading else "No errors so far",
                        timeout=3)
            return
        self.push_screen(ErrorsScreen(self.corpus.errors))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from explorer_commands(self)


def run_app(args: argparse.Namespace) -> int:
    """``explorer [PATH...]``: open the app (on the sample articles without paths)."""
    paths: list[str | Path] = list(args.paths)
    if not paths:
        samples = sample_articles()
        if samples is None:
            print("explorer: no PATH given and the bundled sample_articles/ folder is missing",
                  file=sys.stderr)
            return 2
        paths = [samples]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing and len(missing) == len(paths):
        print(f"explorer: {missing[0]}: no such file or folder", file=sys.stderr)
        return 1
    app = ExplorerApp(paths, ner=args.ner, max_bytes=args.max_size, rtl=args.rtl,
                      scheme=args.translit, jobs=args.jobs, cache=not args.no_cache)
    try:
        app.run()
    finally:
        if app.explicit_vte and sys.stdout.isatty():
            sys.stdout.write(VTE_IMPLICIT)
            sys.stdout.flush()
    return 0
