"""Regenerate the README's screenshots from the bundled sample articles (100×30).

    python docs/make_screenshot.py
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))

from explorer.tui.app import ExplorerApp, sample_articles  # noqa: E402


async def main() -> None:
    app = ExplorerApp([sample_articles()], rtl="app", cache=False)
    async with app.run_test(size=(100, 30)) as pilot:
        while app.loading:
            await pilot.pause(0.05)
        await pilot.press("4", "enter")          # visit the first quote in the text
        await pilot.pause()
        app.save_screenshot("screenshot.svg", str(DOCS))
        top = app.actor_list.current_actor
        if top is not None:
            app.open_profile(top)
            await pilot.pause()
            app.save_screenshot("profile.svg", str(DOCS))


if __name__ == "__main__":
    asyncio.run(main())
