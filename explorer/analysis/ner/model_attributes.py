"""The attribute names a CRFsuite model knows, read from the model file itself.

CRFsuite ignores any attribute its model has no weight for, but only after each one has
been copied into C++ and looked up; for words and word pairs never seen in training that
is a sixth of all features. Knowing the model's attributes lets the recogniser drop them
once, when a word's features are built, with the same tags. ``Tagger.info()`` also lists
them but dumps and parses the whole model (half a second per model), so the attribute
dictionary (a CQDB database inside the model) is read here directly.
"""

from __future__ import annotations

import struct
from pathlib import Path

_MODEL_MAGIC = b"lCRF"
_ATTRIBUTES_OFFSET_AT = 36  # header: magic, size, type, version, 3 counts, 3 offsets
_DATABASE_MAGIC = b"CQDB"


class ModelFormatError(ValueError):
    """The file is not a CRFsuite model this reader understands."""


def model_attributes(path: Path) -> frozenset[str]:
    """Every attribute name the CRFsuite model at ``path`` has weights for."""
    data = path.read_bytes()
    if data[:4] != _MODEL_MAGIC:
        raise ModelFormatError(f"{path}: not a CRFsuite model")
    (base,) = struct.unpack_from("<I", data, _ATTRIBUTES_OFFSET_AT)
    magic, _size, _flag, _order, count, table = struct.unpack_from("<4sIIIII", data, base)
    if magic != _DATABASE_MAGIC:
        raise ModelFormatError(f"{path}: no attribute dictionary where the header says")
    names = []
    # The backward table maps each attribute id to its record: id, key size, key + NUL.
    for offset in struct.unpack_from(f"<{count}I", data, base + table):
        if offset:
            (size,) = struct.unpack_from("<I", data, base + offset + 4)
            start = base + offset + 8
            names.append(data[start:start + size - 1].decode("utf-8"))
    return frozenset(names)
