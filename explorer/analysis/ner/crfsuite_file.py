"""A CRFsuite model file read into numpy (its labels, attributes and weights), and those
weights saved and loaded as the shipped first pass.

python-crfsuite tags one sequence at a time, and every feature of every token crosses into
C++ as a string to be looked up again, which made its tagging the larger part of the whole
analysis. The model itself is small and simple (a first-order linear chain: one weight per
attribute and label, one per pair of labels), so it is read here directly from the file and
tagging becomes a few array operations (:mod:`explorer.analysis.ner.scoring`). The layout
is CRFsuite's ``FOMC`` format: a header of counts and offsets, two CQDB string databases
(labels and attributes) and a table of features, each a type (0: attribute → label, 1:
label → label), a source, a destination and a float64 weight. Training reads the file it
made and ships the weights as arrays (:func:`save_weights`).
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from explorer.analysis.ner.npz import save_arrays

_MODEL_MAGIC = b"lCRF"
_MODEL_TYPE = b"FOMC"
# magic, size, type, version, a feature count CRFsuite leaves at 0 (the feature chunk has
# the real one), labels, attributes, and the offsets of the features, labels, attributes,
# label references and attribute references
_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_DATABASE_MAGIC = b"CQDB"
_FEATURE_MAGIC = b"FEAT"
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


class ModelFormatError(ValueError):
    """The file is not a CRFsuite model this reader understands."""


@dataclass(frozen=True, slots=True)
class CrfWeights:
    """A linear-chain CRF's weights.

    ``state[a, y]`` is the weight of attribute ``a`` for label ``y``; it has one extra row
    of zeros at ``unknown`` for attributes the model never saw. ``transition[y, z]`` is the
    weight of label ``z`` following label ``y``. All are float64, as in the file.
    """

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray
    transition: np.ndarray

    @property
    def unknown(self) -> int:
        return len(self.attributes)


def read_crfsuite(path: Path) -> CrfWeights:
    """The weights of the CRFsuite model at ``path``; :class:`ModelFormatError` if it is not
    one (or is damaged)."""
    data = path.read_bytes()
    try:
        (magic, _size, kind, _version, _unused, num_labels, num_attrs, off_features,
         off_labels, off_attrs, _off_labelrefs, _off_attrrefs) = _HEADER.unpack_from(data)
    except struct.error:
        raise ModelFormatError(f"{path}: not a CRFsuite model") from None
    if magic != _MODEL_MAGIC or kind != _MODEL_TYPE:
        raise ModelFormatError(f"{path}: not a CRFsuite model")
    try:
        labels = _strings(data, off_labels, num_labels, path)
        attributes = _strings(data, off_attrs, num_attrs, path)
        chunk, _chunk_size, count = struct.unpack_from("<4sII", data, off_features)
        if chunk != _FEATURE_MAGIC:
            raise ModelFormatError(f"{path}: no feature table where the header says")
        features = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_features + 12)
    except (struct.error, ValueError, UnicodeDecodeError) as error:
        if isinstance(error, ModelFormatError):
            raise
        raise ModelFormatError(f"{path}: damaged CRFsuite model ({error})") from None
    state = np.zeros((num_attrs + 1, num_labels))
    transition = np.zeros((num_labels, num_labels))
    kinds = features["type"]
    for table, kind, rows in ((state, _STATE, num_attrs), (transition, _TRANSITION, num_labels)):
        chosen = features[kinds == kind]
        if chosen.size and (chosen["src"].max() >= rows or chosen["dst"].max() >= num_labels):
            raise ModelFormatError(f"{path}: a feature refers past the model's tables")
        np.add.at(table, (chosen["src"], chosen["dst"]), chosen["weight"])
    return CrfWeights(tuple(labels), dict(zip(attributes, range(num_attrs), strict=True)),
                      state, transition)


def _strings(data: bytes, base: int, expected: int, path: Path) -> list[str]:
    """The strings of the CQDB database at ``base``, in id order."""
    magic, _size, _flag, _order, count, table = struct.unpack_from("<4sIIIII", data, base)
    if magic != _DATABASE_MAGIC or count != expected:
        raise ModelFormatError(f"{path}: no string database where the header says")
    offsets = np.frombuffer(data, "<u4", count, base + table).astype(np.int64)
    if not offsets.all():
        raise ModelFormatError(f"{path}: a string id without its record")
    # The backward table maps each id to its record: id, key size, key + NUL.
    records = base + offsets
    sizes = np.frombuffer(data, np.uint8)[records[:, None] + np.arange(4, 8)].astype(np.int64)
    sizes = sizes @ np.array([1, 1 << 8, 1 << 16, 1 << 24])
    # Each key keeps its NUL: joined, they decode at once and split on it.
    keys = b"".join([data[start:start + size]
                     for start, size in zip((records + 8).tolist(), sizes.tolist(), strict=True)])
    return keys.decode("utf-8").split("\0")[:-1]


def save_weights(path: Path, weights: CrfWeights) -> None:
    """Write ``weights`` as compressed arrays: the state weights as their non-zero entries
    (an L1-trained CRF leaves most attribute and label pairs at zero). The shipped first
    pass is one domain's view of a CRFsuite model (:mod:`explorer.analysis.ner.domains`),
    which CRFsuite's own format cannot hold without the other domain's copies."""
    rows, columns = np.nonzero(weights.state[:weights.unknown])
    names = sorted(weights.attributes, key=weights.attributes.__getitem__)
    save_arrays(path, {"labels": np.array(weights.labels, dtype=str),
                       "attributes": np.array(names, dtype=str),
                       "rows": rows.astype(np.int32), "columns": columns.astype(np.uint8),
                       "values": weights.state[rows, columns],
                       "transition": weights.transition}, compressed=True)


def load_weights(path: Path) -> CrfWeights:
    """The weights :func:`save_weights` wrote; :class:`ModelFormatError` if ``path`` holds
    no such arrays (or they do not fit together)."""
    try:
        with np.load(path, allow_pickle=False) as archive:
            labels = tuple(archive["labels"].tolist())
            names = archive["attributes"].tolist()
            rows, columns = archive["rows"], archive["columns"]
            values, transition = archive["values"], archive["transition"]
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise ModelFormatError(f"{path}: not a first-pass model ({error})") from None
    fits = (transition.shape == (len(labels), len(labels))
            and rows.shape == columns.shape == values.shape
            and (not rows.size or (rows.max() < len(names) and columns.max() < len(labels))))
    if not fits:
        raise ModelFormatError(f"{path}: damaged first-pass model (its arrays do not fit)")
    state = np.zeros((len(names) + 1, len(labels)))
    state[rows, columns] = values
    return CrfWeights(labels, dict(zip(names, range(len(names)), strict=True)), state,
                      transition)
