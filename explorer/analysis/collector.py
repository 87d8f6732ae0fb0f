"""Analysis work without pauses for Python's cycle collector.

Analysing a chunk of articles allocates hundreds of thousands of small lists, tuples and
strings and keeps many of them (the per-word caches). Python's cyclic garbage collector
runs after every few hundred container allocations and, as the kept objects grow, walks
them all again and again: on text where most words are new it took a third of the
tagging time. The analysis makes no reference cycles of its own (its objects are freed by
reference counting the moment they are dropped), so the collector is paused for the
length of one chunk and resumed after it, when it catches up with one pass.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector inside the block; resume it after, if it was running.

    Process-wide, so safe with threads in the sense that matters: whichever block ends
    last among those that found it running leaves it running, and one that found it
    paused (by the caller or a block still open) never turns it on.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()
