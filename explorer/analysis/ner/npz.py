"""Model arrays written as ``.npz`` files that are the same bytes for the same arrays."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np


def save_arrays(path: Path, arrays: dict[str, np.ndarray], *, compressed: bool = False) -> None:
    """Write ``arrays`` as an ``.npz`` file that is the same bytes for the same arrays
    (``numpy.savez`` stamps each member with the current time); ``compressed`` deflates
    them, which pays for sparse tables of names and numbers."""
    method = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
    with zipfile.ZipFile(path, "w", method) as archive:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            with archive.open(info, "w", force_zip64=True) as member:
                np.lib.format.write_array(member, np.ascontiguousarray(arrays[name]),
                                          allow_pickle=False)
