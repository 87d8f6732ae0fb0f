"""Shared test fixtures: paths to the data the project ships and to ../shared when present."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from explorer.cache import ENV_DIR

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_articles"
GOLD = REPO / "tests" / "gold"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The analysis cache of this test session, never the user's: what an earlier version
    left there (and the warning it then gets) is no business of the tests. A test that
    sets the variable itself (monkeypatch) overrides it."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get(ENV_DIR)
    os.environ[ENV_DIR] = str(folder)
    yield folder
    if before is None:
        os.environ.pop(ENV_DIR, None)
    else:
        os.environ[ENV_DIR] = before


@pytest.fixture
def seed_dir() -> Path:
    """The seed article folder beside the checkout; tests needing it skip without it."""
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not available")
    return seeds


@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile corpus: the committed small files plus the large and special ones
    (50 MB line, link loops, pipe, device, hostile names) made for this test session."""
    import shutil

    from tests.hostile.make_corpus import CORPUS, write_special

    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    shutil.copytree(CORPUS, folder)
    write_special(folder)
    return folder
