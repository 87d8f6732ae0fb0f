"""F5 reads the opened folder again: new and changed files are analysed, the rest comes from
the cache, and the article being read stays open."""

from __future__ import annotations

import shutil

import explorer.analysis.corpus_run as corpus_run
from explorer.tui.app import ExplorerApp, sample_articles
from tests.test_tui_app import SIZE, run_async, screen_lines, shown, wait_loaded

NEW_TITLE = "افتتاح معرض الكتاب في جدة"
NEW_TEXT = (f"{NEW_TITLE}\n\nجدة - افتتح أمير منطقة مكة المكرمة معرض الكتاب أمس.\n"
            "وقال مدير المعرض سامي الحربي إن \"عدد دور النشر بلغ خمسمئة دار\".\n")


def _opened(tmp_path, monkeypatch) -> tuple:
    """A folder of three sample articles, and the app to open it with a cache of its own."""
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("health_summit_01.txt", "health_summit_02.txt", "health_summit_04.txt"):
        shutil.copy(sample_articles() / name, folder / name)
    return folder, ExplorerApp([folder], rtl="app", jobs=1)


def _counting_analyses(monkeypatch) -> list[str]:
    """The ids of the articles analysed from now on (not taken from the cache)."""
    analysed: list[str] = []
    analyze_many = corpus_run.analyze_many

    def counting(articles, ner):
        analysed.extend(article.id for article in articles)
        return analyze_many(articles, ner)

    monkeypatch.setattr(corpus_run, "analyze_many", counting)
    return analysed


async def _reloaded(pilot, articles: int) -> None:
    await pilot.press("f5")
    for _ in range(400):
        await pilot.pause(0.05)
        if not pilot.app.loading and f"{articles} articles" in pilot.app.sub_title:
            return
    raise AssertionError(f"not reloaded: {pilot.app.sub_title}")


@run_async
async def test_reload_analyses_only_new_and_changed_files(tmp_path, monkeypatch):
    folder, app = _opened(tmp_path, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert "3 articles" in app.sub_title
        await pilot.press("down")  # read the second article
        await pilot.press("enter")
        await pilot.pause()
        reading = app.current_article.id
        assert reading == "health_summit_02.txt"
        analysed = _counting_analyses(monkeypatch)
        (folder / "book_fair.txt").write_text(NEW_TEXT, encoding="utf-8")
        changed = folder / "health_summit_04.txt"
        changed.write_text(changed.read_text(encoding="utf-8")
                           + "\nوقال المتحدث إن القمة ستعقد مجددا العام المقبل.\n",
                           encoding="utf-8")
        await _reloaded(pilot, 4)
        assert sorted(analysed) == ["book_fair.txt", "health_summit_04.txt"]
        assert app.current_article.id == reading
        assert any(shown(NEW_TITLE) in line for line in screen_lines(app))
        assert any(a.name == "سامي الحربي" for a in app.corpus.actors)


@run_async
async def test_reload_after_a_file_is_removed_drops_its_article(tmp_path, monkeypatch):
    folder, app = _opened(tmp_path, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        analysed = _counting_analyses(monkeypatch)
        (folder / "health_summit_02.txt").unlink()
        await _reloaded(pilot, 2)
        assert analysed == []
        assert "health_summit_02.txt" not in app.corpus.article_by_id


@run_async
async def test_reload_says_why_it_cannot_without_a_folder():
    from explorer.model import Corpus

    app = ExplorerApp(corpus=Corpus(), rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("f5")
        await pilot.pause()
        assert any("no folder to read again" in str(n.message) for n in app._notifications)
