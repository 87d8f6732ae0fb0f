"""The actor index at 100,000 actors: filtered on every keystroke, painting only what shows.

Speed itself is measured by ``benchmarks/tui_actor_filter.py``; these tests check that the
work per keystroke does not grow with the corpus (only visible rows are painted) and that
every keystroke's result is on screen before the next key is read.
"""

from __future__ import annotations

from explorer.tui.app import ExplorerApp
from explorer.tui.widgets.actor_list import ActorList
from tests.test_tui_app import run_async, screen_lines, shown, wait_loaded
from tests.tui_corpus import make_corpus

ACTORS = 100_000


@run_async
async def test_100k_actors_filtered_keystroke_by_keystroke(monkeypatch):
    painted: list[int] = []
    original = ActorList.render_row

    def counting(self, index, line, width, base):
        painted.append(index)
        return original(self, index, line, width, base)

    monkeypatch.setattr(ActorList, "render_row", counting)
    app = ExplorerApp(corpus=make_corpus(extra_actors=ACTORS), rtl="app")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        actors = app.actor_list
        assert len(app.index) == ACTORS + 7
        assert actors.count > 0
        await pilot.press("slash")
        query = ""
        for key in "bumbiu":
            painted.clear()
            await pilot.press(key)
            await pilot.pause()
            query += key
            # the list shows this keystroke's result before the next key is read
            assert [h.index for h in actors.hits] == [h.index for h in app.index.search(query)]
            visible = actors.size.height
            # only the rows on screen were painted, however many actors matched
            assert len(set(painted)) <= visible
        assert app.corpus.actors[actors.hits[0].index].name == "مايك بومبيو"
        assert any(shown("مايك بومبيو") in line for line in screen_lines(app))
        # scrolling to the end of a long list also paints only one screenful
        await pilot.press("ctrl+a", "ctrl+k", "escape")
        await pilot.pause()
        painted.clear()
        await pilot.press("end")
        await pilot.pause()
        assert actors.cursor == actors.count - 1
        assert len(set(painted)) <= actors.size.height
