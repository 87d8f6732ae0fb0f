"""The keyboard never lies: keystrokes reach the search box in the order they were typed.

Keys are sent the way a terminal delivers a fast typist's or a paste's input: each one a
separate event, one after the other, with no pause for the app to catch up. Whatever the
search does per keystroke, the box must then hold exactly what an editor would.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from textual import events
from textual.keys import _character_to_key

from explorer.tui.app import ExplorerApp
from tests.test_tui_app import SIZE, fixture_app, run_async, screen_lines, wait_loaded

LETTERS = "abcdefghijklmnopqrstuvwxyz" + "ترامببومبيوإلهامأحمد" + " "
EDITING_KEYS = ("backspace", "delete", "left", "right", "home", "end")


@dataclass
class Editor:
    """What a one-line text box holds after each key: the reference for the app's box."""

    value: str = ""
    cursor: int = 0

    def apply(self, key: str, text: str = "") -> None:
        before, after = self.value[:self.cursor], self.value[self.cursor:]
        if key == "character" or key == "paste":
            self.value, self.cursor = before + text + after, self.cursor + len(text)
        elif key == "backspace" and before:
            self.value, self.cursor = before[:-1] + after, self.cursor - 1
        elif key == "delete":
            self.value = before + after[1:]
        elif key == "left":
            self.cursor = max(0, self.cursor - 1)
        elif key == "right":
            self.cursor = min(len(self.value), self.cursor + 1)
        elif key == "home":
            self.cursor = 0
        elif key == "end":
            self.cursor = len(self.value)


def random_typing(rng: random.Random, length: int) -> list[tuple[str, str]]:
    """``length`` key events, mostly letters, with editing keys and pastes between them."""
    steps: list[tuple[str, str]] = []
    for _ in range(length):
        roll = rng.random()
        if roll < 0.55:
            steps.append(("character", rng.choice(LETTERS)))
        elif roll < 0.93:
            steps.append((rng.choice(EDITING_KEYS), ""))
        else:
            steps.append(("paste", "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 6)))))
    return steps


def send_without_pauses(app: ExplorerApp, steps: list[tuple[str, str]]) -> None:
    """Hand every step to the app's driver at once, as a terminal's input would arrive."""
    driver = app._driver
    assert driver is not None
    for key, text in steps:
        if key == "paste":
            event: events.Event = events.Paste(text)
        elif key == "character":
            event = events.Key(_character_to_key(text), text)   # as the terminal parser names it
        else:
            event = events.Key(key, None)
        event.set_sender(app)
        driver.send_message(event)


async def settled(pilot, done, most: int = 60) -> None:
    """Let the app work until ``done()`` holds, then a few turns more (late keys would show)."""
    for _ in range(most):
        if done():
            break
        await pilot.pause()
    for _ in range(3):
        await pilot.pause()


@run_async
async def test_randomised_fast_typing_leaves_exactly_what_was_typed_in_the_search_box():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        box = app.query_one("#actor-query")
        rng = random.Random(20261205)
        for round_ in range(40):
            box.value = ""
            await pilot.pause()
            steps = random_typing(rng, rng.randint(5, 40))
            editor = Editor()
            for key, text in steps:
                editor.apply(key, text)
            send_without_pauses(app, steps)
            expected = editor.value
            await settled(pilot, lambda expected=expected: box.value == expected)
            assert (box.value, round_) == (editor.value, round_), steps
            assert app.focused is box


TERMINAL_KEYS = {"backspace": b"\x7f", "delete": b"\x1b[3~", "left": b"\x1b[D",
                 "right": b"\x1b[C", "home": b"\x1b[H", "end": b"\x1b[F"}


def terminal_bytes(key: str, text: str) -> bytes:
    """What a terminal sends for one step (a paste comes bracketed, as terminals send it)."""
    if key == "character":
        return text.encode()
    if key == "paste":
        return b"\x1b[200~" + text.encode() + b"\x1b[201~"
    return TERMINAL_KEYS[key]


def search_box_text(screen: str) -> str | None:
    """The search box's text on a screen of the app: the line under the Actors title."""
    lines = screen.splitlines()
    for row, line in enumerate(lines[:-1]):
        if "─ Actors ─" in line:
            box = lines[row + 1]
            return box[box.index("│") + 1:].split("│")[0].strip()
    return None


def test_fast_typing_in_a_real_terminal_keeps_every_key_in_order(tmp_path):
    from explorer.tui.app import sample_articles
    from tests.terminal import TerminalSession, app_command, app_environment

    session = TerminalSession(app_command(sample_articles()),
                              app_environment(tmp_path, (120, 35)), 120, 35)
    rng = random.Random(5)
    latin = "abcdefghijklmnopqrstuvwxyz"
    try:
        assert session.read_until("articles · ", seconds=120), "the app never finished loading"
        session.press(b"/")
        for _ in range(8):
            steps = [("character" if rng.random() < 0.6 else rng.choice(EDITING_KEYS),
                      rng.choice(latin)) for _ in range(30)]
            steps = [(key, text if key == "character" else "") for key, text in steps]
            steps.insert(rng.randrange(len(steps)), ("paste", "pasted"))
            steps.append(("character", "z"))   # never empty, so the box can be read
            editor = Editor()
            for key, text in steps:
                editor.apply(key, text)
                session.press(terminal_bytes(key, text))   # one write per key, no pause
            expected = editor.value[:30]
            deadline = 0
            while search_box_text(session.display()) != expected and deadline < 30:
                session.read(0.2)
                deadline += 1
            assert search_box_text(session.display()) == expected, steps
            session.press(b"\x1b[F\x15")   # end, ctrl+u: the box is empty for the next round
            session.read(0.3)
        session.press(b"\x1b")
        session.press(b"q")
    finally:
        session.close()


# -- the focus model: where each navigation leaves the focus, and that keys then command --

def focused_id(app: ExplorerApp) -> str | None:
    return app.focused.id if app.focused is not None else None


async def started(pilot) -> None:
    await wait_loaded(pilot)
    assert focused_id(pilot.app) == "articles"


@run_async
async def test_enter_on_an_article_focuses_its_text_and_digits_still_command():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("down", "enter")
        assert focused_id(app) == "text" and app.current_article.id == "a2.txt"
        await pilot.press("1")
        assert focused_id(app) == "articles"


@run_async
async def test_slash_then_typing_at_full_speed_lands_in_the_search_box():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        send_without_pauses(app, [("character", "/"), *[("character", c) for c in "pompeo"]])
        box = app.query_one("#actor-query")
        await settled(pilot, lambda: box.value == "pompeo")
        assert box.value == "pompeo" and app.focused is box


@run_async
async def test_escape_and_down_leave_the_search_box_for_the_hits():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("slash", *"ba1")            # "1" is typed while in the box
        assert app.query_one("#actor-query").value == "ba1"
        await pilot.press("backspace", "escape")
        assert focused_id(app) == "actors"
        await pilot.press("2")                         # and now a command again
        assert focused_id(app) == "text"
        await pilot.press("slash", "down")
        assert focused_id(app) == "actors"


@run_async
async def test_back_from_a_profile_lands_on_the_hits_not_in_the_search_box():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("slash", *"paladino", "enter")
        assert type(app.screen).__name__ == "ProfileScreen"
        assert focused_id(app) == "profile-quotes"
        await pilot.press("escape")
        assert app.screen is app.main_screen and focused_id(app) == "actors"
        assert app.actor_list.current_actor.id == "p3"
        await pilot.press("1", "r")                    # commands, not query text
        assert focused_id(app) == "articles" and app.query_one("#actor-query").value == "paladino"
        assert app.rtl_mode.value == "terminal"


@run_async
async def test_an_article_opened_from_a_profile_shows_the_actor_marked_with_the_text_focused():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("slash", *"trump", "enter", "tab")   # quotes → articles of the profile
        assert focused_id(app) == "profile-articles"
        await pilot.press("down", "enter")
        assert app.screen is app.main_screen and focused_id(app) == "text"
        text = app.current_article.text
        first = text.index("ترامب")
        assert app.current_article.id == "a2.txt"
        assert app.article_view.current == (first, first + len("ترامب"))
        assert marked_cells(app) == "ترامب"
        await pilot.press("n")                         # next mention: a command, and it wraps
        assert app.article_view.current == (first, first + len("ترامب"))
        await pilot.press("1")
        assert focused_id(app) == "articles"


@run_async
async def test_a_quote_opened_from_a_profile_is_marked_with_the_text_focused():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("slash", *"pompeo", "enter", "enter")
        assert app.screen is app.main_screen and focused_id(app) == "text"
        quote = "لن نترك سوريا قبل هزيمة داعش"
        start = app.current_article.text.index(quote)
        assert app.article_view.current == (start, start + len(quote))
        await pilot.press("4")
        assert focused_id(app) == "quotes"


@run_async
async def test_help_and_errors_close_back_to_the_pane_the_user_was_in():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("3", "f1")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("1")                         # the app's keys rest under help
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        assert focused_id(app) == "entities"


def marked_cells(app: ExplorerApp) -> str:
    """The logical text of the characters drawn in reverse video in the text pane."""
    view = app.article_view
    row = view.line_of(view.current[0]) - int(view.scroll_offset.y)
    strip = view.render_line(row)
    marked = "".join(segment.text for segment in strip
                     if segment.style is not None and segment.style.reverse)
    return shown_logically(marked)


def shown_logically(cells: str) -> str:
    """Painted Arabic (display order, joined forms) back to logical letters."""
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", c) for c in reversed(cells)).strip()


# -- messages that say what happened ------------------------------------------------------

@run_async
async def test_a_search_without_hits_says_so_in_the_list():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("slash", *"zzzq")
        assert app.actor_list.count == 0
        assert any("No actor matches «zzzq»" in line for line in screen_lines(app))


@run_async
async def test_n_on_a_heading_of_the_entities_pane_says_what_to_do_there():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("3", "n")
        assert app.entity_list.rows[app.entity_list.cursor].key is None   # a heading
        messages = [n.message for n in app._notifications]
        assert messages[-1] == "«Persons» is a heading: move down to one of its entities"
        await pilot.press("down", "n")
        assert app.article_view.current is not None
