"""The app driven by keys (Pilot), asserting on what the screen shows and on app state."""

from __future__ import annotations

import asyncio
import functools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.arabic.display import RtlMode, layout_line
from explorer.corpus import load
from explorer.model import Article, LoadError
from explorer.tui.app import ExplorerApp, sample_articles
from tests.tui_corpus import TITLE_1, make_corpus

SIZE = (100, 30)


def run_async(test):
    """Run an ``async`` test in a fresh event loop (no pytest plugin needed)."""
    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))
    return wrapper


async def wait_loaded(pilot) -> None:
    for _ in range(1200):
        if not pilot.app.loading:
            break
        await pilot.pause(0.05)
    assert not pilot.app.loading, "analysis did not finish"
    await pilot.pause()


def screen_lines(app) -> list[str]:
    """The text of every row of the screen as the terminal would show it."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def shown(text: str) -> str:
    """``text`` as the app paints it (display order, joined letters)."""
    return layout_line(text, 0, len(text), RtlMode.APP).text


@pytest.fixture(autouse=True)
def no_system_clipboard(monkeypatch):
    """Keep the tests away from the machine's clipboard tools and any tmux around them."""
    monkeypatch.setattr("explorer.clipboard.system_copy", lambda text, env=None: None)
    monkeypatch.delenv("TMUX", raising=False)


def fixture_app() -> ExplorerApp:
    return ExplorerApp(corpus=make_corpus(), rtl="app")


@run_async
async def test_opening_the_sample_articles():
    samples = sample_articles()
    assert samples is not None
    expected = [item for item in load([samples]) if isinstance(item, Article)]
    app = ExplorerApp([samples], rtl="app", cache=False, jobs=1)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert [a.id for a in app.corpus.articles] == [a.id for a in expected]
        assert app.article_list.count == len(expected)
        assert app.current_article is app.corpus.articles[0]
        screen = "\n".join(screen_lines(app))
        first_words = " ".join(expected[0].title.split()[:2])
        assert shown(first_words) in screen
        assert f"{len(expected)} articles" in app.sub_title


@run_async
async def test_selecting_an_article_shows_its_text_entities_and_quotes():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("1", "down")
        await pilot.pause()
        second = app.corpus.articles[1]
        assert app.current_article is second
        assert app.quote_list.rows[0].speaker == "روبرت بالادينو"
        labels = [row.label for row in app.entity_list.rows]
        assert labels[0] == "Persons" and "روبرت بالادينو" in labels
        screen = "\n".join(screen_lines(app))
        assert shown("المتحدث باسم الخارجية") in screen


@run_async
async def test_search_trump_and_an_arabic_variant_reach_the_right_profiles():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"trump")
        await pilot.pause()
        assert app.actor_list.current_actor.name == "دونالد ترامب"
        await pilot.press("enter")
        await pilot.pause()
        profile = app.screen
        assert type(profile).__name__ == "ProfileScreen" and profile.actor.id == "p1"
        screen = "\n".join(screen_lines(app))
        assert shown("دونالد ترامب") in screen and shown("الرئيس الأمريكي") in screen
        assert "2 articles" in screen
        await pilot.press("escape", "slash", *["ctrl+a", "ctrl+k"])
        await pilot.press(*"الهام احمد")   # no hamza: إلهام أحمد
        await pilot.pause()
        assert app.actor_list.current_actor.name == "إلهام أحمد"
        # the query itself reads right to left, joined, in the search box
        assert shown("الهام احمد") in app.query_one("#actor-query").render_line(0).text
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert app.screen.actor.name == "إلهام أحمد"


@run_async
async def test_bumbiu_finds_pompeo_with_matched_letters_highlighted():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"bumbiu")
        await pilot.pause()
        hit = app.actor_list.hits[0]
        assert app.corpus.actors[hit.index].name == "مايك بومبيو" and hit.positions
        assert len(app.actor_list.hits) < len(app.corpus.actors)


@run_async
async def test_copying_a_quote_keeps_its_exact_logical_text():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4", "c")
        await pilot.pause()
        quote = app.corpus.articles[0].quotes[0]
        assert app.clipboard == quote.text
        assert app.last_copy is not None and app.last_copy.characters == len(quote.text)
        await pilot.press("C")
        await pilot.pause()
        assert app.clipboard == (f"«{quote.text}» — دونالد ترامب, الرئيس الأمريكي, "
                                 f"{TITLE_1}, 2019-02-23")


async def _cite_second_quote(corpus) -> tuple[str, str | None]:
    """The screen with the first article's second quote selected, and what C copied."""
    app = ExplorerApp(corpus=corpus, rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4", "down")
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        await pilot.press("C")
        await pilot.pause()
        return screen, app.clipboard


@run_async
async def test_a_quote_whose_speaker_is_not_known_says_so_and_names_no_one():
    corpus = make_corpus()
    quote = corpus.articles[0].quotes[1]
    quote.speaker, quote.speaker_text = None, None
    corpus.invalidate()
    screen, copied = await _cite_second_quote(corpus)
    assert "(speaker not known)" in screen
    assert copied == f"«{quote.text}» — speaker not known, {TITLE_1}, 2019-02-23"


@run_async
async def test_citing_reported_speech_does_not_put_it_in_quotation_marks():
    corpus = make_corpus()
    quote = corpus.articles[0].quotes[1]
    quote.kind = "indirect"
    screen, copied = await _cite_second_quote(corpus)
    assert "indirect" in screen
    assert copied == (f"Reported speech (not verbatim): {quote.text} — مايك بومبيو, "
                      f"وزير الخارجية, {TITLE_1}, 2019-02-23")


@run_async
async def test_enter_on_a_quote_jumps_to_it_in_the_text():
    app = fixture_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4", "down", "enter")
        await pilot.pause()
        quote = app.corpus.articles[0].quotes[1]
        view = app.article_view
        assert view.current == (quote.start, quote.end)
        row = view.line_of(quote.start)
        assert view.scroll_offset.y <= row < view.scroll_offset.y + view.size.height
        line = view.line(row)
        assert any(quote.start <= g.index < quote.end for g in line.glyphs)


@run_async
async def test_entity_selection_highlights_mentions_and_n_visits_them():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("3", "down", "enter")
        await pilot.pause()
        view = app.article_view
        assert view.selected_key == "p1"
        full = app.current_article.text.index("دونالد ترامب")
        second = (full, full + len("دونالد ترامب"))
        assert view.mentions == [(0, 5), second]
        assert view.current == (0, 5)
        await pilot.press("n")
        assert view.current == second
        await pilot.press("n")
        assert view.current == (0, 5)          # wraps around
        await pilot.press("N")
        assert view.current == second


@run_async
async def test_exporting_quotes_to_a_file(tmp_path):
    app = fixture_app()
    target = tmp_path / "out.json"
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        path_input = app.screen.query_one("#export-path")
        path_input.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "Screen"
    data = json.loads(target.read_text("utf-8"))
    assert [row["quote"] for row in data] == [q.text for q in app.corpus.articles[0].quotes]


@run_async
async def test_rtl_display_order_of_the_title_line():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        first = app.article_view.line(0)
        text = app.current_article.text
        assert "".join(text[g.index] for g in first.glyphs) == TITLE_1[::-1]
        view_rows = [line for line in screen_lines(app) if shown(TITLE_1) in line]
        assert view_rows, "the title is not on screen in display order"
        await pilot.press("r")                  # app → terminal: logical order, right-aligned
        assert app.rtl_mode is RtlMode.TERMINAL
        assert app.article_view.line(0).text == TITLE_1
        await pilot.press("r")
        assert app.rtl_mode is RtlMode.OFF


@run_async
async def test_transliteration_toggle():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert app.translit == "hsb"
        assert app.article_view.line(0).text.startswith("trAmb")
        assert any("trAmb" in line for line in screen_lines(app))
        await pilot.press("t")
        assert app.translit is None


@run_async
async def test_help_screen_lists_bindings_with_ids():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("f1")
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        assert "app.find_actor" in screen and "quotes.copy_citation" in screen
        await pilot.press("escape")
        assert type(app.screen).__name__ == "Screen"


@run_async
async def test_unreadable_files_go_to_the_errors_view(tmp_path):
    (tmp_path / "good.txt").write_text("عنوان\n\nقال ترامب إن القوات باقية.", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    app = ExplorerApp([tmp_path], rtl="app", cache=False, jobs=1)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert [a.id for a in app.corpus.articles] == ["good.txt"]
        assert [e.path for e in app.corpus.errors] == ["bad.txt"]
        assert app.sub_title == "1 article · 1 actor · 1 file unreadable (press !)"
        await pilot.press("exclamation_mark")
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        assert "bad.txt:" in screen
        assert "1 file could not be read (Escape closes)" in screen
        assert isinstance(app.corpus.errors[0], LoadError)


@run_async
async def test_profile_article_opens_at_the_first_mention():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"paladino", "enter")
        await pilot.pause()
        app.screen.query_one("#profile-articles").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_article.id == "a2.txt"
        assert app.article_view.selected_key == "p3"
        start = app.current_article.text.index("روبرت بالادينو")
        assert app.article_view.current == (start, start + len("روبرت بالادينو"))


def test_importing_the_app_does_not_import_torch_or_camel_tools():
    code = ("import sys, explorer.tui.app; "
            "assert 'torch' not in sys.modules, 'torch'; "
            "assert 'camel_tools' not in sys.modules, 'camel_tools'")
    subprocess.run([sys.executable, "-c", code], check=True,
                   cwd=Path(__file__).resolve().parents[1])


def test_readme_bindings_table_matches_the_code():
    from explorer.tui.screens.help import bindings_markdown

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert bindings_markdown() in readme


@run_async
async def test_command_palette_sets_the_rtl_mode_and_opens_articles():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p", *"RTL mode: off")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.rtl_mode is RtlMode.OFF
        await pilot.press("ctrl+p", *"a2.txt")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_article.id == "a2.txt"


@run_async
async def test_quotes_in_a_profile_are_copyable():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"pompeo", "enter")
        await pilot.pause()
        assert app.screen.actor.id == "p2"
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == "لن نترك سوريا قبل هزيمة داعش"


@run_async
async def test_an_analysis_crash_keeps_what_was_done_and_says_why(tmp_path, monkeypatch):
    from explorer.analysis import corpus_run

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"عنوان {name}\n\nقال ترامب إن القوات باقية.", "utf-8")
    real = corpus_run.analyze_many

    def flaky(articles, ner="auto"):
        if any(article.id == "b.txt" for article in articles):
            raise RuntimeError("recogniser exploded")
        return real(articles, ner)

    monkeypatch.setattr(corpus_run, "analyze_many", flaky)
    app = ExplorerApp([tmp_path], rtl="app", cache=False, jobs=1)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert [a.id for a in app.corpus.articles] == ["a.txt"]
        messages = [n.message for n in app._notifications]
        assert any("analysis stopped after 1 item(s): RuntimeError: recogniser exploded" in m
                   for m in messages)


def test_a_missing_path_is_one_line_on_stderr():
    result = subprocess.run([sys.executable, "-m", "explorer", "no/such/folder"],
                            capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[1])
    assert result.returncode == 1
    assert result.stderr == "explorer: no/such/folder: no such file or folder\n"


@run_async
async def test_highlights_land_on_the_right_cells_of_a_reordered_line():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("3", "down")           # Persons › دونالد ترامب (p1)
        await pilot.pause()
        view = app.article_view
        strip = view.render_line(0)               # the title: «ترامب يدعو ...» reordered
        cells = "".join(segment.text for segment in strip)
        marked = "".join(s.text for s in strip if s.style and s.style.reverse)
        assert marked == shown("ترامب")
        # the first word of a right-to-left line sits at its right end
        assert cells.rstrip().endswith(shown("ترامب"))
        assert view.line(0).column_of(0) == max(view.line(0).column_of(i) or 0
                                                for i in range(5))


@run_async
async def test_export_from_a_profile_writes_that_actors_quotes_as_markdown(tmp_path):
    app = fixture_app()
    target = tmp_path / "pompeo.md"
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", *"pompeo", "enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.scope == "actor"
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    text = target.read_text("utf-8")
    assert "> لن نترك سوريا قبل هزيمة داعش" in text
    assert "ندعم" not in text


def export_path(app) -> Path:
    return Path(app.screen.query_one("#export-path").value)


def pressed(app, radio_set: str) -> str | None:
    button = app.screen.query_one(f"#{radio_set}").pressed_button
    return button.name if button is not None else None


@run_async
async def test_the_export_dialog_names_the_file_after_the_actor_or_article_in_view(tmp_path,
                                                                                 monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert export_path(app) == tmp_path / "quotes-a1.csv"
        assert "quotes-a1.csv" in "\n".join(screen_lines(app))
        await pilot.press("escape", "slash", *"pompeo", "enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.scope == "actor"
        assert export_path(app) == tmp_path / "quotes-مايك-بومبيو.csv"
        await pilot.click("#export-scope-all")
        await pilot.pause()
        assert export_path(app) == tmp_path / "quotes-all.csv"


@run_async
async def test_the_export_dialog_remembers_format_scope_and_folder_for_the_session(tmp_path):
    app = fixture_app()
    folder = tmp_path / "exports"
    folder.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert (pressed(app, "export-scope"), pressed(app, "export-format")) == ("article", "csv")
        await pilot.click("#export-format-json")
        await pilot.pause()
        assert export_path(app).name == "quotes-a1.json"
        app.screen.query_one("#export-path").value = str(folder / "quotes-a1.json")
        await pilot.click("#export-ok")
        await pilot.pause()
        assert (folder / "quotes-a1.json").exists()
        await pilot.press("down", "e")           # another article; the format and folder stay
        await pilot.pause()
        assert (pressed(app, "export-scope"), pressed(app, "export-format")) == ("article", "json")
        assert export_path(app) == folder / "quotes-a2.json"
        await pilot.click("#export-scope-all")
        await pilot.click("#export-format-md")
        await pilot.pause()
        await pilot.click("#export-ok")
        await pilot.pause()
        assert (folder / "quotes-all.md").exists()
        await pilot.press("e")
        await pilot.pause()
        assert (pressed(app, "export-scope"), pressed(app, "export-format")) == ("all", "md")
        assert export_path(app) == folder / "quotes-all.md"
        await pilot.press("escape")
    fresh = fixture_app()                          # a new session starts from the defaults
    async with fresh.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert (pressed(fresh, "export-scope"), pressed(fresh, "export-format")) == \
            ("article", "csv")


@run_async
async def test_the_csv_byte_order_mark_can_be_left_out_in_the_dialog(tmp_path):
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        box = app.screen.query_one("#export-bom")
        assert box.value and not box.disabled
        assert "byte-order mark" in "\n".join(screen_lines(app))
        await pilot.click("#export-bom")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(tmp_path / "plain.csv")
        await pilot.click("#export-ok")
        await pilot.pause()
        assert (tmp_path / "plain.csv").read_bytes()[:5] == b"quote"
        await pilot.press("e")
        await pilot.pause()
        box = app.screen.query_one("#export-bom")
        assert not box.value                       # remembered
        await pilot.click("#export-format-json")
        await pilot.pause()
        assert box.disabled                        # only CSV has one


@run_async
async def test_pane_keys_do_not_act_behind_a_dialog():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        await pilot.press("tab", "e", "t", "1")   # focus leaves the path box; keys go nowhere
        await pilot.pause()
        assert app.screen is dialog and len(app.screen_stack) == 2
        assert app.translit is None


def test_the_tests_never_touch_the_machines_clipboard():
    from explorer import clipboard

    assert clipboard.copy("x", None, env={"DISPLAY": ":0", "WAYLAND_DISPLAY": "w"}).tool is None
    assert "TMUX" not in __import__("os").environ
