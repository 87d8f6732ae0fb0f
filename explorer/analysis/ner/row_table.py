"""Rows of numbers computed once per key (a word, a combination of features) and kept.

Both tagging passes sum learnt weights over each word's features; words and feature
combinations recur, so each distinct one is summed once, the first time it is met, and
kept as a row of an array that doubles when full. A very large corpus cannot grow a table
without bound: past ``MAX_CACHED_WORDS`` keys it starts again (frequent keys come back at
once).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from itertools import chain

import numpy as np

from explorer.analysis.ner.features import MAX_CACHED_WORDS

_INITIAL_ROWS = 4096
_SUM_CHUNK = 1024  # groups summed together by ``grouped_sums``


class RowTable:
    """Rows of ``shape`` for keys, filled by ``compute`` (new keys → their rows, stacked)."""

    def __init__(self, shape: tuple[int, ...], compute: Callable[[list], np.ndarray],
                 dtype: type = np.float64) -> None:
        self._shape = shape
        self._compute = compute
        self._dtype = dtype
        self._start_again()

    def _start_again(self) -> None:
        self.rows = np.empty((_INITIAL_ROWS, *self._shape), self._dtype)
        self._index: dict[Hashable, int] = {}

    def index(self, keys: Sequence[Hashable]) -> list[int]:
        """The row of each of ``keys``, computing the rows of those not seen before."""
        found = self._index
        if len(found) + len(keys) > MAX_CACHED_WORDS:
            self._start_again()
            found = self._index
        rows = list(map(found.get, keys))
        if None not in rows:  # most lookups: every key seen before
            return rows
        new = list(dict.fromkeys(key for key, row in zip(keys, rows, strict=True) if row is None))
        first = len(found)
        needed = first + len(new)
        if needed > len(self.rows):
            self._grow(needed)
        self.rows[first:needed] = self._compute(new)
        found.update(zip(new, range(first, needed), strict=True))
        return [found[key] if row is None else row for key, row in zip(keys, rows, strict=True)]

    def _grow(self, needed: int) -> None:
        """Room for ``needed`` rows: the size doubles, but never past ``MAX_CACHED_WORDS``
        rows (the index starts again before it would need more), and only the rows in use
        are copied, so the pages of the empty half are not touched until rows fill them."""
        size = len(self.rows)
        while size < needed:
            size *= 2
        grown = np.empty((max(min(size, MAX_CACHED_WORDS), needed), *self._shape), self._dtype)
        used = len(self._index)
        grown[:used] = self.rows[:used]
        self.rows = grown

    def __getitem__(self, keys: Sequence[Hashable]) -> np.ndarray:
        """The rows of ``keys``, stacked."""
        index = self.index(keys)  # first: it may replace ``rows`` with a larger array
        return self.rows[index]


def grouped_sums(table: np.ndarray, groups: Sequence[Sequence[int]], zero: int) -> np.ndarray:
    """For each group of row ids, the sum of those rows of ``table``; ``zero`` is the id of
    a row of zeros, which pads the groups of a chunk to one width.

    A padded (groups × width) gather summed along its rows is several times faster than a
    gather of the exact rows reduced by group (``np.add.reduceat`` along the first axis),
    and chunks keep the gathered block small.
    """
    sums = np.empty((len(groups), *table.shape[1:]), table.dtype)
    for first in range(0, len(groups), _SUM_CHUNK):
        part = groups[first:first + _SUM_CHUNK]
        counts = np.fromiter(map(len, part), dtype=np.intp, count=len(part))
        width = max(int(counts.max()), 1)
        ids = np.full((len(part), width), zero, dtype=np.intp)
        ids[np.arange(width) < counts[:, None]] = np.fromiter(
            chain.from_iterable(part), dtype=np.intp, count=int(counts.sum()))
        sums[first:first + _SUM_CHUNK] = table[ids].sum(axis=1)
    return sums
