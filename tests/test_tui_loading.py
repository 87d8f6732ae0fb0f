"""The app's loader: articles reach the screen in batches, the first at once, and a corpus
that comes whole from the cache goes straight to the ready screen."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from explorer import stored_corpus
from explorer.analysis import corpus_run
from explorer.analysis.pipeline import ArticleAnalysis
from explorer.model import LoadError
from explorer.tui import loading
from explorer.tui.app import ExplorerApp
from explorer.tui.loading import (
    ActorsIndexed,
    ActorsRead,
    Checking,
    CorpusChecked,
    CorpusReady,
    ItemsAnalysed,
    LoadRequest,
    load_corpus,
)
from tests.test_tui_app import run_async, screen_lines, shown, wait_loaded

ARTICLES = 30


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """30 short articles and one unreadable file among them."""
    folder = tmp_path_factory.mktemp("articles")
    for number in range(ARTICLES):
        (folder / f"{number:02d}.txt").write_text(
            f"خبر رقم {number}\n\nقال وزير الخارجية أحمد علي إن المحادثات مستمرة.", "utf-8")
    (folder / "10b.txt").write_bytes(b"\xff\xfe\x00\x00broken\x00")
    return folder


def posted(request: LoadRequest) -> list:
    messages: list = []
    load_corpus(request, messages.append, lambda message: None)
    return messages


def test_articles_are_posted_in_batches_in_corpus_order(folder, monkeypatch):
    monkeypatch.setattr(loading, "BATCH_SECONDS", 3600.0)
    monkeypatch.setattr(loading, "BATCH_MAX", 8)
    messages = posted(LoadRequest([folder], jobs=1, cache=False))
    batches, last = messages[:-1], messages[-1]
    assert all(isinstance(message, ItemsAnalysed) for message in batches)
    assert [len(batch.items) for batch in batches] == [1, 8, 8, 8, 6]  # the first alone
    assert [batch.done for batch in batches] == [1, 9, 17, 25, 31]
    assert {batch.total for batch in batches} == {ARTICLES + 1}
    items = [item for batch in batches for item in batch.items]
    names = [item.path if isinstance(item, LoadError) else item.article.id for item in items]
    assert names == sorted(names) and "10b.txt" in names
    assert isinstance(last, CorpusReady)
    assert [a.id for a in last.corpus.articles] == [
        item.article.id for item in items if isinstance(item, ArticleAnalysis)]


def test_a_batch_waits_no_longer_than_its_time(folder, monkeypatch):
    ticks = iter(range(1000))
    monkeypatch.setattr(loading, "time", SimpleNamespace(monotonic=lambda: next(ticks) * 0.02))
    messages = posted(LoadRequest([folder], jobs=1, cache=False))
    sizes = [len(m.items) for m in messages if isinstance(m, ItemsAnalysed)]
    # an item every 0.02 s: a batch is posted when its oldest item is 0.05 s old
    assert sizes == [1, 4, 4, 4, 4, 4, 4, 4, 2]


def test_an_unchanged_corpus_goes_straight_to_ready(folder, tmp_path):
    request = LoadRequest([folder], jobs=1, cache=True)
    cache_dir = tmp_path / "cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXPLORER_CACHE_DIR", str(cache_dir))
        first = posted(request)
        second = posted(request)
    assert len(first) > 1 and not first[-1].checking
    assert [type(message) for message in second] == [CorpusReady, ActorsRead, ActorsIndexed,
                                                     CorpusChecked]
    assert second[0].checking   # shown before the files were looked at, then confirmed
    assert second[0].index is None and second[2].corpus is second[1].corpus is second[0].corpus
    assert second[0].corpus.to_json() == first[-1].corpus.to_json()
    assert len(second[2].index) == len(first[-1].index) > 0


def test_the_actors_are_read_once_the_list_is_on_screen(folder, tmp_path, monkeypatch):
    # reading them holds the interpreter for seconds on an archive: the app paints first
    request = LoadRequest([folder], jobs=1, cache=True)
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    posted(request)
    order: list[str] = []
    real = stored_corpus.StoredCorpus.read_actors

    def recording(corpus):
        order.append("actors read")
        return real(corpus)

    def app_post(message):
        if isinstance(message, CorpusReady) and message.checking:
            order.append("list posted")
            threading.Timer(0.2, lambda: (order.append("list shown"),
                                          message.shown.set())).start()

    monkeypatch.setattr(stored_corpus.StoredCorpus, "read_actors", recording)
    load_corpus(request, app_post, lambda message: None)
    assert order[:3] == ["list posted", "list shown", "actors read"]


def test_damaged_actors_leave_the_last_list_shown_until_the_corpus_is_made_again(
        folder, tmp_path, monkeypatch):
    request = LoadRequest([folder], jobs=1, cache=True)
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    first = posted(request)

    def damaged(pending, articles):
        raise ValueError("unreadable corpus entry: damaged")

    with monkeypatch.context() as patch:
        patch.setattr(stored_corpus._PendingActors, "decode", damaged)
        second = posted(request)
    kinds = [type(message) for message in second]
    assert kinds[0] is CorpusReady and second[0].checking   # the checked rows, shown
    assert ActorsRead not in kinds and kinds[-1] is CorpusReady  # then made again
    assert second[-1].corpus.to_json() == first[-1].corpus.to_json()
    third = posted(request)   # the new corpus was stored in its place
    assert [type(message) for message in third][-1] is CorpusChecked


def test_a_changed_folder_shows_its_last_corpus_until_the_new_one_is_merged(folder,
                                                                            tmp_path):
    copy = tmp_path / "articles"
    shutil.copytree(folder, copy)
    request = LoadRequest([copy], jobs=1, cache=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
        first = posted(request)
        (copy / "05.txt").write_text("خبر معدل\n\nقال أحمد علي إن الاتفاق تم.", "utf-8")
        second = posted(request)
    kinds = [type(message) for message in second]  # no items one by one, only how far
    assert kinds[:3] == [CorpusReady, ActorsRead, ActorsIndexed] and kinds[-1] is CorpusReady
    progress = second[3:-1]
    assert progress and all(isinstance(message, Checking) for message in progress)
    assert (progress[-1].done, progress[-1].total) == (ARTICLES + 1, ARTICLES + 1)
    shown, merged = second[0], second[-1]
    assert shown.checking and not merged.checking
    rows = [(a.id, a.title, a.quote_count) for a in first[-1].corpus.articles]
    assert [(a.id, a.title, a.quote_count) for a in shown.corpus.articles] == rows
    assert merged.corpus.article_by_id["05.txt"].title == "خبر معدل"


@run_async
async def test_the_last_corpus_is_shown_while_the_files_are_checked(folder, tmp_path,
                                                                    monkeypatch):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    posted(LoadRequest([folder], jobs=1, cache=True))
    go_on = threading.Event()
    real = corpus_run._discover

    def slow_discover(paths, store):
        go_on.wait(30)
        return real(paths, store)

    monkeypatch.setattr(corpus_run, "_discover", slow_discover)
    app = ExplorerApp([folder], rtl="app", jobs=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_articles(pilot)
        assert app.loading and app.article_list.count == ARTICLES
        assert "checking for changed files" in app.sub_title
        assert any(shown("خبر رقم 0") in line for line in screen_lines(app))
        for _ in range(200):  # the actors are indexed after the list is shown
            if app.index is not None:
                break
            await pilot.pause(0.05)
        app.search_actors("أحمد")   # searchable while the files are checked
        assert app.actor_list.count > 0
        go_on.set()
        await wait_loaded(pilot)
        assert app.sub_title.startswith(f"{ARTICLES} articles")


@run_async
async def test_an_article_chosen_before_the_actors_are_read_opens_once_they_are(
        folder, tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    posted(LoadRequest([folder], jobs=1, cache=True))
    go_on = threading.Event()
    real = stored_corpus.StoredCorpus.read_actors

    def held(corpus):
        go_on.wait(30)
        return real(corpus)

    monkeypatch.setattr(stored_corpus.StoredCorpus, "read_actors", held)
    app = ExplorerApp([folder], rtl="app", jobs=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_articles(pilot)
        assert "checking for changed files" in app.sub_title and app.waiting_for_actors
        app.article_list.move_to(3)   # the reader picks an article: its body names actors
        await pilot.pause()
        assert app.current_article is None and app.wanted_article is app.corpus.articles[3]
        go_on.set()
        for _ in range(200):
            if app.current_article is not None:
                break
            await pilot.pause(0.05)
        assert app.current_article is app.corpus.articles[3]
        assert str(app.article_view.border_title) == app.corpus.articles[3].id
        assert app.quote_list.count > 0   # its quote and speaker, from the actors read
        await wait_loaded(pilot)


async def wait_for_articles(pilot) -> None:
    """Until the article list shows something (at most ten seconds)."""
    for _ in range(200):
        if pilot.app.article_list.count:
            break
        await pilot.pause(0.05)
    await pilot.pause()


@pytest.fixture
def first_article_only(monkeypatch) -> threading.Event:
    """Analysis stops after the first article until the event returned is set."""
    go_on = threading.Event()
    real = corpus_run.analyze_many

    def slow_after_first(articles, ner="auto"):
        if articles[0].id != "00.txt":
            go_on.wait(30)
        return real(articles, ner)

    monkeypatch.setattr(corpus_run, "analyze_many", slow_after_first)
    return go_on


@run_async
async def test_the_first_article_shows_while_the_rest_are_analysed(folder, first_article_only):
    go_on = first_article_only
    app = ExplorerApp([folder], rtl="app", cache=False, jobs=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_articles(pilot)
        assert app.loading and app.article_list.count == 1
        assert app.current_article is not None and app.current_article.id == "00.txt"
        assert any(shown("خبر رقم 0") in line for line in screen_lines(app))
        assert "analysing 1/31" in app.sub_title
        go_on.set()
        await wait_loaded(pilot)
        assert app.article_list.count == ARTICLES
        assert f"{ARTICLES} articles" in app.sub_title


@run_async
async def test_the_actor_pane_searches_the_actors_found_so_far(folder, first_article_only,
                                                               monkeypatch):
    go_on = first_article_only
    monkeypatch.setattr("explorer.tui.app.REINDEX_SECONDS", 0.05)
    app = ExplorerApp([folder], rtl="app", cache=False, jobs=1)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            if app.provisional_view is not None:
                break
            await pilot.pause(0.05)
        assert app.loading and app.index is None
        pane = app.query_one("#actors-pane")
        assert pane.border_subtitle == f"building the index: 1/{ARTICLES + 1}"
        await pilot.press("slash", *"احمد")
        await pilot.pause(0.2)
        assert any(shown("أحمد علي") in line for line in screen_lines(app))
        await pilot.press("enter")  # no profile yet: its quotes are not gathered
        await pilot.pause(0.1)
        assert app.screen is app.screen_stack[0]
        assert "still being built" in " ".join(
            str(n.message) for n in app._notifications)
        go_on.set()
        await wait_loaded(pilot)
        assert app.index is not None and app.provisional_view is None
        assert pane.border_subtitle != "" and "building" not in str(pane.border_subtitle)


def test_provisional_actors_join_the_same_key_across_articles():
    from explorer.analysis.pipeline import analyze
    from explorer.model import Article
    from explorer.tui.provisional import ProvisionalActors, reindex_pause

    analysed = [analyze(Article(f"{n}.txt", f"{n}.txt", "خبر",
                                "قال وزير الخارجية سامر الخطيب إن المحادثات مستمرة. "
                                "وأضاف الخطيب أن الجولة المقبلة في عمان."))
                for n in range(3)]
    found = ProvisionalActors()
    found.add(analysed[:2])
    assert found.changed
    actors = {actor.name: actor for actor in found.snapshot()}
    assert not found.changed
    minister = actors["سامر الخطيب"]
    assert minister.articles == ["0.txt", "1.txt"]
    assert minister.mentions == 4 and minister.quotes == 4
    assert "وزير الخارجية" in minister.roles
    found.add(analysed[2:])
    assert found.changed and minister.articles[-1] == "2.txt"
    # a slow index build spaces the next one out
    assert reindex_pause(0.01) == 1.5 and reindex_pause(1.0) == 5.0


@run_async
async def test_a_changed_folder_says_how_far_its_check_is(folder, tmp_path, monkeypatch):
    copy = tmp_path / "articles"
    shutil.copytree(folder, copy)
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    posted(LoadRequest([copy], jobs=1, cache=True))
    (copy / "05.txt").write_text("خبر معدل\n\nقال أحمد علي إن الاتفاق تم.", "utf-8")
    go_on = threading.Event()
    real = corpus_run.analyze_many

    def held(articles, ner="auto"):
        go_on.wait(30)
        return real(articles, ner)

    monkeypatch.setattr(corpus_run, "analyze_many", held)
    app = ExplorerApp([copy], rtl="app", jobs=1)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            if "files changed: analysing" in app.sub_title:
                break
            await pilot.pause(0.05)
        assert app.loading and app.article_list.count == ARTICLES  # the last corpus shown
        assert "files changed: analysing" in app.sub_title
        go_on.set()
        await wait_loaded(pilot)
        assert app.sub_title.startswith(f"{ARTICLES} articles")
        assert app.corpus.article_by_id["05.txt"].title == "خبر معدل"
