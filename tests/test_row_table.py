"""The row table behind both tagging passes: rows computed once per key, kept, and
right after the table grows or starts again."""

from __future__ import annotations

import numpy as np

from explorer.analysis.ner import row_table
from explorer.analysis.ner.row_table import RowTable, grouped_sums


def _squares(computed: list[int]):
    def compute(keys: list[int]) -> np.ndarray:
        computed.extend(keys)
        return np.array([[key * key, -key] for key in keys], dtype=np.float64)
    return compute


def test_rows_are_right_when_one_lookup_grows_the_table() -> None:
    computed: list[int] = []
    table = RowTable((2,), _squares(computed))
    keys = list(range(3 * row_table._INITIAL_ROWS + 5))
    rows = table[keys]
    assert rows.shape == (len(keys), 2)
    assert rows[:, 0].tolist() == [key * key for key in keys]
    assert rows[:, 1].tolist() == [-key for key in keys]


def test_each_key_is_computed_once() -> None:
    computed: list[int] = []
    table = RowTable((2,), _squares(computed))
    table[[3, 1, 3]]
    rows = table[[1, 2, 3, 2]]
    assert sorted(computed) == [1, 2, 3]
    assert rows[:, 0].tolist() == [1, 4, 9, 4]


def test_table_starts_again_past_its_limit(monkeypatch) -> None:
    monkeypatch.setattr(row_table, "MAX_CACHED_WORDS", 10)
    computed: list[int] = []
    table = RowTable((2,), _squares(computed))
    table[list(range(8))]
    rows = table[[20, 21, 22, 5]]  # 8 + 4 keys pass the limit of 10: computed afresh
    assert rows[:, 0].tolist() == [400, 441, 484, 25]
    assert computed == [*range(8), 20, 21, 22, 5]


def test_a_growing_table_keeps_its_rows_and_never_passes_the_limit(monkeypatch) -> None:
    limit = row_table._INITIAL_ROWS + 1000
    monkeypatch.setattr(row_table, "MAX_CACHED_WORDS", limit)
    computed: list[int] = []
    table = RowTable((2,), _squares(computed))
    table[list(range(3000))]
    rows = table[list(range(3000, 5000))]  # 5,000 rows needed: the table grows, to the limit
    assert len(table.rows) == limit  # not the 8,192 rows doubling would give
    assert rows[:, 0].tolist() == [key * key for key in range(3000, 5000)]
    assert table[[0, 2999]][:, 1].tolist() == [0, -2999]  # rows made before growing kept
    assert computed == list(range(5000))


def test_grouped_sums_adds_each_group_and_allows_empty_ones() -> None:
    table = np.array([[0.0, 0.0], [1.0, 2.0], [10.0, 20.0]])
    sums = grouped_sums(table, [[1, 2], [], [2, 2, 1]], zero=0)
    assert sums.tolist() == [[11.0, 22.0], [0.0, 0.0], [21.0, 42.0]]
