"""The app on the hostile corpus: the good articles are listed, the errors view lists the
bad files, and nothing an article carries reaches the terminal.

Two levels: Pilot tests read what the screen's compositor shows (text and styles, so a
link or click action smuggled in as markup would show up), and a pseudo-terminal test runs
the real app and inspects every byte it writes, replaying them in a terminal emulator
(pyte) to check what a user would see.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from explorer.tui.app import ExplorerApp
from explorer.tui.screens.errors import ErrorsScreen
from tests.hostile import make_corpus as hc
from tests.terminal import TerminalSession, app_command, app_environment
from tests.test_hostile_cli import snapshot

FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SIZE = (180, 60)


async def wait_for(pilot: Pilot, condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert pilot.app.is_running, "the app stopped"
        assert time.monotonic() < deadline, "timed out waiting for the app"
        await pilot.pause(0.05)


def screen_strips(app: ExplorerApp) -> list:
    return app.screen._compositor.render_strips()


def check_strips_are_inert(strips: list) -> list[str]:
    """The lines' text, after checking no segment carries a control, a link or an action."""
    lines = []
    for strip in strips:
        for segment in strip:
            assert not FORBIDDEN.search(segment.text), repr(segment.text)
            style = segment.style
            if style is not None:
                assert not (style.link and "evil" in style.link), style.link
                assert "@click" not in str(style.meta), style.meta
        lines.append(strip.text)
    return lines


def test_app_lists_the_good_articles_and_shows_them_inertly(hostile_corpus: Path) -> None:
    asyncio.run(_browse_articles(hostile_corpus))


async def _browse_articles(hostile_corpus: Path) -> None:
    app = ExplorerApp([hostile_corpus], cache=False, jobs=1)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: not app.loading)
        assert sorted(a.id for a in app.article_list.articles) == hc.expected_good()
        app.article_list.focus()
        seen = check_strips_are_inert(screen_strips(app))
        for _ in app.article_list.articles[1:]:  # open every article, as a reader would
            await pilot.press("down")
            await pilot.pause(0.02)
            seen += check_strips_are_inert(screen_strips(app))
        screen_text = "\n".join(seen)
        for article in app.article_list.articles:  # the text pane is titled with the id
            assert f"─ {article.id} ─" in screen_text, article.id
        assert hc.MARKER not in screen_text and hc.CLIPBOARD_B64 not in screen_text
        assert "[@click=app.quit]XCLICKX[/]" in screen_text  # markup in a text is text
        assert app.is_running


def bad_counts() -> tuple[int, int]:
    """Whole files and single records (``name#index``) of the hostile corpus that are bad."""
    records = sum("#" in path for path in hc.expected_bad())
    return len(hc.expected_bad()) - records, records


def test_errors_view_lists_every_bad_file(hostile_corpus: Path) -> None:
    asyncio.run(_browse_errors(hostile_corpus))


async def _browse_errors(hostile_corpus: Path) -> None:
    app = ExplorerApp([hostile_corpus], cache=False, jobs=1)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: not app.loading)
        assert "unreadable (press !)" in app.sub_title
        await pilot.press("exclamation_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, ErrorsScreen))
        seen: list[str] = []
        for _ in range(len(hc.expected_bad())):
            seen += check_strips_are_inert(screen_strips(app))
            await pilot.press("down")
        screen_text = "\n".join(seen)
        for path in hc.expected_bad():
            assert f"{path}: " in screen_text, path
        files, records = bad_counts()
        assert (f"{files} files could not be read; {records} records in {records} files were "
                "skipped") in screen_text
        await pilot.press("escape")
        assert not isinstance(app.screen, ErrorsScreen)


def test_a_folder_of_only_bad_files_opens_on_its_errors(tmp_path: Path) -> None:
    for name in ("binary.bin", "empty.txt", "deep_nesting.json"):
        (tmp_path / name).write_bytes(hc.BAD_TEXT[name])
    asyncio.run(_only_bad_files(tmp_path))


async def _only_bad_files(folder: Path) -> None:
    app = ExplorerApp([folder], cache=False, jobs=1)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: not app.loading)
        assert app.corpus.articles == [] and len(app.corpus.errors) == 3
        await pilot.press("exclamation_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, ErrorsScreen))
        screen_text = "\n".join(check_strips_are_inert(screen_strips(app)))
        for name in ("binary.bin: ", "empty.txt: ", "deep_nesting.json: "):
            assert name in screen_text


# -- the real terminal output -----------------------------------------------------------------

@pytest.fixture(scope="module")
def terminal_run(hostile_corpus: Path, tmp_path_factory: pytest.TempPathFactory
                 ) -> tuple[bytes, str | None, str | None, int]:
    """Open the app on the hostile corpus, browse the articles, open the errors view, quit."""
    before = snapshot(hostile_corpus)
    session = TerminalSession(app_command(hostile_corpus),
                              app_environment(tmp_path_factory.mktemp("cache"), (160, 50)))
    try:
        files, records = bad_counts()
        articles_view = session.read_until(  # the header once every file is in
            f"{len(hc.expected_good())} articles",
            f"{files} files, {records} records unreadable")
        for _ in range(len(hc.expected_good())):
            session.press(b"\x1b[B")  # down: open the next article
            session.read(0.1)
        session.press(b"!")
        errors_view = session.read_until("(Escape closes)", seconds=10)
        session.press(b"\x1b")
        session.read(0.5)
        session.press(b"q")
    finally:
        status = session.close()
    assert snapshot(hostile_corpus) == before, "the app wrote, touched or removed an input"
    return bytes(session.output), articles_view, errors_view, status


def test_the_app_quits_cleanly_in_a_real_terminal(terminal_run) -> None:
    output, _, _, status = terminal_run
    assert status == 0
    assert b"Traceback" not in output


def test_no_article_payload_reaches_the_terminal(terminal_run) -> None:
    output, _, _, _ = terminal_run
    assert hc.MARKER.encode() not in output
    assert hc.CLIPBOARD_B64.encode() not in output
    assert b"\x1b]52;" not in output  # nothing was copied, so no clipboard write at all
    assert b"\x1b]0;NAMEPAYLOAD" not in output  # the hostile file name shows escaped
    for sequence in re.findall(rb"\x1b\][^\x07\x1b]*", output):  # every OSC the app sent
        assert b"evil" not in sequence, sequence
    # No 8-bit C1 control and no bidi control, in their UTF-8 encodings.
    assert not re.search(rb"\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]", output)


def test_the_terminal_shows_the_articles_and_the_errors(terminal_run) -> None:
    _, articles_view, errors_view, _ = terminal_run
    assert articles_view is not None, "the analysis never finished on screen"
    assert errors_view is not None, "the errors view never opened"
    for shown in ("Water talks resume in Amman", "english.txt", "ansi_csi.txt",
                  "bad\\xffname.txt", "\u2500 \\x1b]0;NAMEPAYLOAD\\x07.txt \u2500"):
        assert shown in articles_view, shown
    for path in ("binary.bin", "invalid_utf8.txt", "named_pipe.txt", "big_single_line.txt",
                 "self_loop.txt", "deep_nesting.json"):
        assert f"{path}: " in errors_view, path
    assert "file too large" in errors_view
