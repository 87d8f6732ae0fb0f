"""Rows of numbers computed once per key (a word, a combination of features) and kept.

Both tagging passes sum learnt weights over each word's features; words and feature
combinations recur, so each distinct one is summed once, the first time it is met, and
kept as a row of an array that doubles when full. A very large corpus cannot grow a table
without bound: past ``MAX_CACHED_WORDS`` keys it starts again (frequent keys come back at
once).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

import numpy as np

from explorer.analysis.ner.features import MAX_CACHED_WORDS

_INITIAL_ROWS = 4096


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
        new = [key for key in dict.fromkeys(keys) if key not in found]
        if new:
            first = len(found)
            needed = first + len(new)
            while needed > len(self.rows):
                self.rows = np.concatenate([self.rows, np.empty_like(self.rows)])
            self.rows[first:needed] = self._compute(new)
            found.update(zip(new, range(first, needed), strict=True))
        return [found[key] for key in keys]

    def __getitem__(self, keys: Sequence[Hashable]) -> np.ndarray:
        """The rows of ``keys``, stacked."""
        index = self.index(keys)  # first: it may replace ``rows`` with a larger array
        return self.rows[index]


def grouped_sums(table: np.ndarray, groups: Iterable[Iterable[int]], zero: int) -> np.ndarray:
    """For each group of row ids, the sum of those rows of ``table``, in one pass; ``zero``
    is the id of a row of zeros, which closes every group so that none is empty."""
    ids = [zero]
    starts = []
    for group in groups:
        starts.append(len(ids) - 1)
        ids.extend(group)
        ids.append(zero)
    return np.add.reduceat(table[ids[:-1]], starts)
