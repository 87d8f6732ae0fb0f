"""Keystroke latency of the app's actor index at 100,000 actors.

Opens the app headless (Textual's ``run_test``) on a corpus whose actor index holds N
realistic names and types queries one key at a time into the search box. Reports:

- the app's work per keystroke: the search box handler (``ActorIndex.search`` and the list
  update) plus painting every visible row of the list, timed inside the app;
- the share of it spent in ``ActorIndex.search``;
- end to end, key press until the app is idle again, as Pilot sees it; this includes the
  test harness's own pauses, so compare it with ``--actors 100``.

    python benchmarks/tui_actor_filter.py [--actors 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.names import distinct_people  # noqa: E402
from explorer.model import Actor, Article, Corpus  # noqa: E402
from explorer.tui.app import ExplorerApp  # noqa: E402

QUERIES = ["bumbiu", "trump", "paladino", "ilham ahmed", "الهام احمد", "ترمب", "محمد"]


def corpus(count: int) -> Corpus:
    names = distinct_people(count, seed=1)
    actors = [Actor(f"p{i}", name, "PERS", mentions=1 + i % 37) for i, name in enumerate(names)]
    text = "عنوان\n\nنص قصير."
    return Corpus([Article("a.txt", "a.txt", "عنوان", text)], actors)


async def measure(count: int) -> tuple[list[float], list[float], list[float], float]:
    app = ExplorerApp(corpus=corpus(count), rtl="app")
    search_times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        started = time.perf_counter()
        while app.loading:
            await pilot.pause(0.01)
        index_seconds = time.perf_counter() - started
        original = app.index.search

        def timed(query: str, limit: int = 500):
            t = time.perf_counter()
            hits = original(query, limit)
            search_times.append(time.perf_counter() - t)
            return hits

        app.index.search = timed  # type: ignore[method-assign]
        work_times: list[float] = []
        handler = app.search_actors

        def timed_handler(query: str) -> None:
            t = time.perf_counter()
            handler(query)
            for y in range(app.actor_list.size.height):
                app.actor_list.render_line(y)
            work_times.append(time.perf_counter() - t)

        app.search_actors = timed_handler  # type: ignore[method-assign]
        key_times: list[float] = []
        key_search_times: list[float] = []
        typed: list[int] = []
        await pilot.press("slash")
        for query in QUERIES:
            for key in query:
                before = len(search_times)
                t = time.perf_counter()
                await pilot.press(key if key != " " else "space")
                await pilot.pause()
                key_times.append(time.perf_counter() - t)
                key_search_times.append(sum(search_times[before:]))
                typed.append(len(work_times) - 1)
            for _ in query:
                await pilot.press("backspace")
            await pilot.pause()
    return [work_times[i] for i in typed], key_search_times, key_times, index_seconds


def ms(values: list[float], q: float) -> str:
    return f"{statistics.quantiles(values, n=100)[int(q) - 1] * 1000:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    args = parser.parse_args()
    work, searches, keys, index_seconds = asyncio.run(measure(args.actors))
    print(f"actors: {args.actors}   app open to index ready: {index_seconds:.2f} s")
    print(f"app work per keystroke ({len(work)} keys): p50 {ms(work, 50)} ms, "
          f"p95 {ms(work, 95)} ms, max {max(work) * 1000:.1f} ms")
    print(f"  of which ActorIndex.search: p50 {ms(searches, 50)} ms, p95 {ms(searches, 95)} ms")
    print(f"end to end under Pilot: p50 {ms(keys, 50)} ms, p95 {ms(keys, 95)} ms")


if __name__ == "__main__":
    main()
