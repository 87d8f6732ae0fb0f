"""The command palette finds each action by the word the footer and the help screen use."""

from __future__ import annotations

import pytest

from explorer.tui.commands import BOUND_COMMANDS, bound_help
from explorer.tui.screens.help import bindings_by_id
from tests.test_tui_app import SIZE, fixture_app, run_async, screen_lines, wait_loaded


@pytest.fixture(autouse=True)
def no_system_clipboard(monkeypatch):
    monkeypatch.setattr("explorer.clipboard.system_copy", lambda text, env=None: None)
    monkeypatch.delenv("TMUX", raising=False)


@pytest.mark.parametrize(("title", "binding_id"), BOUND_COMMANDS)
def test_each_command_carries_the_footer_word_and_the_help_line(title, binding_id):
    word, help_line = bound_help(binding_id)
    assert word.lower() in title.lower()
    binding = bindings_by_id()[binding_id]
    assert help_line.startswith(binding.tooltip or binding.description)


async def palette(pilot, typed: str) -> list[str]:
    """Open the palette, type ``typed``; the lines of the screen once the hits are in."""
    await pilot.press("ctrl+p", *typed)
    await pilot.pause(0.3)
    return screen_lines(pilot.app)


@run_async
async def test_typing_romanise_in_the_palette_offers_the_transliteration():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        lines = await palette(pilot, "romanise")
        assert any("Romanise: toggle transliteration" in line for line in lines)
        await pilot.press("enter")
        await pilot.pause()
        assert app.translit == app.scheme


@run_async
async def test_cite_in_the_palette_copies_the_quote_in_view_as_a_citation():
    app = fixture_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("4")          # the quotes pane of the first article
        lines = await palette(pilot, "cite")
        assert any("Cite quote" in line for line in lines)
        await pilot.press("enter")
        await pilot.pause()
        quote = app.corpus.articles[0].quotes[0]
        assert app.clipboard.startswith(f"«{quote.text}» — دونالد ترامب")
