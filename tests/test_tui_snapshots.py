"""Snapshots of the main screen, an actor profile and the help screen (100×30).

The corpus is the hand-built one in ``tests/tui_corpus.py`` so that the pictures change
only when the app's look does, not when the recognisers improve.
"""

from __future__ import annotations

from explorer.tui.app import ExplorerApp
from tests.tui_corpus import make_corpus

SIZE = (100, 30)


async def _loaded(pilot) -> None:
    for _ in range(1200):
        if not pilot.app.loading:
            break
        await pilot.pause(0.05)
    await pilot.pause()


def _app() -> ExplorerApp:
    app = ExplorerApp(corpus=make_corpus(), rtl="app")
    app.animation_level = "none"
    return app


def test_main_screen(snap_compare):
    assert snap_compare(_app(), terminal_size=SIZE, run_before=_loaded)


def test_actor_profile(snap_compare):
    async def open_profile(pilot) -> None:
        await _loaded(pilot)
        await pilot.press("slash", *"trump", "enter")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=open_profile)


def test_help_screen(snap_compare):
    async def open_help(pilot) -> None:
        await _loaded(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(_app(), terminal_size=SIZE, run_before=open_help)
