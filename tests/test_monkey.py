"""A monkey test: thousands of seeded random key presses over the sample articles, from the
first frame (while the analysis still runs) on, must not raise and must leave the app
running.

The keys are the app's bindings plus letters, digits, arrows, Tab, Enter, Escape, ``/`` and
Arabic letters, so the search box, the export dialog, the help, profile and errors views all
get typed into. Only the keys that quit on purpose (``q``, ``ctrl+q``, ``ctrl+c``) and the
command palette (whose fuzzy match can pick "Quit") are left out.
"""

from __future__ import annotations

import asyncio
import random
import unicodedata
from pathlib import Path

from textual import events
from textual.keys import _get_unicode_name_from_key

import explorer.export
from explorer.tui.app import ExplorerApp
from tests.conftest import SAMPLES

PRESSES = 2000
BURST = 50
SEED = 20261014
QUIT_KEYS = {"q", "ctrl+q", "ctrl+c", "ctrl+p"}
KEYS = sorted({
    *"abcdefghijklmnoprstuvwxyzABCNZ0123456789",
    "slash", "question_mark", "exclamation_mark", "space", "comma", "full_stop", "colon",
    "up", "down", "left", "right", "pageup", "pagedown", "home", "end",
    "tab", "shift+tab", "enter", "escape", "backspace", "delete", "f1",
    *"ابتثجحخدرزسشصضطظعغفقكلمنهويءأإآةى",
} - QUIT_KEYS)


def character(key: str) -> str | None:
    """The character a key types, as Textual's own key simulation computes it."""
    if len(key) == 1:
        return key
    try:
        return unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:
        return None


def binding_keys(app: ExplorerApp) -> set[str]:
    """Every key bound by the app, its screen and their widgets, quitting keys aside."""
    keys = set()
    for node in (app, app.screen, *app.screen.walk_children()):
        for cls in type(node).__mro__:
            for binding in getattr(cls, "BINDINGS", []):
                key = binding.key if hasattr(binding, "key") else binding[0]
                keys.update(k.strip() for k in key.split(","))
    return keys - QUIT_KEYS


def test_random_keys_do_not_break_the_app(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # exports typed by the monkey land here...
    write = explorer.export.write_text_atomic

    def write_inside(path: Path, text: str) -> None:
        """...and nowhere else: a typed «/x» must not write to the filesystem's root."""
        if not Path(path).resolve().is_relative_to(tmp_path.resolve()):
            raise OSError(f"{path}: outside the test folder")
        write(path, text)

    monkeypatch.setattr(explorer.export, "write_text_atomic", write_inside)
    for variable in ("DISPLAY", "WAYLAND_DISPLAY"):  # no clipboard tools to spawn
        monkeypatch.delenv(variable, raising=False)
    pressed = asyncio.run(_monkey(random.Random(SEED)))
    assert pressed >= PRESSES


async def _monkey(rng: random.Random) -> int:
    app = ExplorerApp([SAMPLES], cache=False, jobs=1)
    app.animation_level = "none"  # the keys, not smooth scrolling, are under test
    pressed = 0
    async with app.run_test(size=(80, 24)) as pilot:
        keys = sorted(set(KEYS) | binding_keys(app))
        while pressed < PRESSES:
            # Posted the way the driver posts a terminal's keys, a burst at a time (a fast
            # typist, a held key), then the app settles: Pilot.press waits for the app to be
            # idle after every single key, which made 2,000 keys take minutes.
            for key in (rng.choice(keys) for _ in range(BURST)):
                app.post_message(events.Key(key, character(key)))
                pressed += 1
            await pilot.pause()
            assert app.is_running, f"the app stopped after {pressed} keys"
        await pilot.pause()
        assert app.is_running and app.return_code is None
        while app.loading:  # the analysis finished despite the keys
            await pilot.pause(0.1)
        assert len(app.corpus.articles) >= 15
        for key in (rng.choice(keys) for _ in range(BURST)):
            app.post_message(events.Key(key, character(key)))
            pressed += 1
        # Leaving closes the app with those keys still queued: a late handler must not fail.
    return pressed


def test_a_key_after_the_screens_are_gone_is_ignored() -> None:
    # what the monkey's last burst meets when the app closes with keys still queued
    async def press_on_empty_stack() -> None:
        app = ExplorerApp([SAMPLES], cache=False, jobs=1)
        assert app.screen_stack == []
        await app.on_event(events.Key("a", "a"))

    asyncio.run(press_on_empty_stack())
