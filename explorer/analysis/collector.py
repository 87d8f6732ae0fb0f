"""Work that makes many objects, without pauses for Python's cycle collector.

The collector runs after every few hundred container allocations and, as the objects
kept grow, walks them all again and again. Two kinds of work here make objects in bulk
and no reference cycles (what they make is freed by reference counting the moment it is
dropped): analysing a chunk of articles (hundreds of thousands of small lists, tuples and
strings, many kept in the per-word caches: on text where most words are new, collecting
took a third of the tagging time) and building a whole corpus (reopening 10,000 articles
spent more time collecting than decoding). Both pause the collector for their length; it
catches up in one pass after.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, freeze_from: int | None = None) -> Iterator[None]:
    """Pause the cycle collector inside the block; resume it after, if it was running.

    With ``freeze_from``, when at least that many objects were made inside, they are also
    left out of every later collection (``gc.freeze``): a large corpus is kept for the
    whole session, and each full collection would walk it all again. Objects made meanwhile
    elsewhere are frozen too, which only keeps their cyclic garbage (there is little) from
    being collected.

    Process-wide, so safe with threads in the sense that matters: whichever block ends
    last among those that found the collector running leaves it running, and one that
    found it paused (by the caller or a block still open) never turns it on.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze_from is not None and gc.get_count()[0] >= freeze_from:
            gc.freeze()
        if running:
            gc.enable()
