"""Snapshots of the main screen, an actor profile, the help screen and the errors view.

The corpus is the hand-built one in ``tests/tui_corpus.py`` so that the pictures change
only when the app's look does, not when the recognisers improve. The main screen, the
profile and the errors view are drawn at the two sizes people use most, 80×24 and 120×35,
and checked there for a footer cut short and for stray glyphs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.widgets._footer import FooterKey

from explorer.model import LoadError
from explorer.tui.app import ExplorerApp
from explorer.tui.widgets.footer import ExplorerFooter
from tests.test_tui_app import run_async, screen_lines
from tests.tui_corpus import make_corpus

SIZE = (100, 30)
SIZES = [(80, 24), (120, 35)]


async def _loaded(pilot) -> None:
    for _ in range(1200):
        if not pilot.app.loading:
            break
        await pilot.pause(0.05)
    await pilot.pause()


def _app() -> ExplorerApp:
    corpus = make_corpus()
    corpus.errors = [LoadError("scanned.pdf.txt", "not text: binary content"),
                     LoadError("feed.jsonl#3", "line 3: invalid JSON", records=1),
                     LoadError("feed.jsonl", "12 more bad records not listed", records=12)]
    app = ExplorerApp(corpus=corpus, rtl="app")
    app.animation_level = "none"
    return app


async def _main(pilot) -> None:
    await _loaded(pilot)


async def _profile(pilot) -> None:
    await _loaded(pilot)
    await pilot.press("slash", *"trump", "enter")
    await pilot.pause()


async def _errors(pilot) -> None:
    await _loaded(pilot)
    await pilot.press("exclamation_mark")
    await pilot.pause()


async def _help(pilot) -> None:
    await _loaded(pilot)
    await pilot.press("f1")
    await pilot.pause()


VIEWS: dict[str, Callable[..., Awaitable[None]]] = {
    "main": _main, "profile": _profile, "errors": _errors}


def test_main_screen(snap_compare):
    assert snap_compare(_app(), terminal_size=SIZE, run_before=_main)


def test_actor_profile(snap_compare):
    assert snap_compare(_app(), terminal_size=SIZE, run_before=_profile)


def test_help_screen(snap_compare):
    assert snap_compare(_app(), terminal_size=SIZE, run_before=_help)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x35"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_views_at_common_sizes(snap_compare, view: str, size: tuple[int, int]):
    assert snap_compare(_app(), terminal_size=size, run_before=VIEWS[view])


def footer_problems(app: ExplorerApp) -> list[str]:
    """Keys of the screen's footer that are not shown whole (cut, or under the palette)."""
    footer = app.screen.query_one(ExplorerFooter)
    keys = list(footer.query(FooterKey))
    palette = [key for key in keys if key.has_class("-command-palette")]
    right = palette[0].region.x if palette else footer.region.right
    return [f"{key.description} ends at {key.region.right}, room up to {right}"
            for key in keys if key not in palette and key.region.right > right]


def stray_glyphs(lines: list[str]) -> list[str]:
    """Rows above the footer with a scrollbar stub «▏» or a bottom border broken by blanks."""
    return [line for line in lines[:-1]
            if "▏" in line or any(part.startswith("   ") for part in line.split("╰")[1:])]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x35"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_views_have_whole_footers_and_no_stray_glyphs(view: str, size: tuple[int, int]):
    @run_async
    async def check() -> None:
        app = _app()
        async with app.run_test(size=size) as pilot:
            await VIEWS[view](pilot)
            await pilot.pause()
            assert footer_problems(app) == []
            lines = screen_lines(app)
            assert stray_glyphs(lines) == []
            assert lines[-1].strip(), "the footer row is empty"

    check()
