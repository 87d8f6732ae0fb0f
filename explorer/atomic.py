"""Atomic file writes: a temporary file in the target folder, then a rename.

A crash or a full disk leaves either the old file or the new one, never half of one.

The temporary file is created private (``mkstemp`` gives it mode 0600) and the rename keeps
the temporary file's mode, so before the rename the file is given the mode the user expects:
an existing file keeps its own permission bits, a new one gets ``0o666`` less the umask, as
``open(path, "w")`` would have given it.
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PROC_STATUS = Path("/proc/self/status")
_umask_lock = threading.Lock()
_umask_cache: int | None = None


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows.

    Linux reports it in ``/proc/self/status``, so each call sees the current value. Elsewhere
    the only way is ``os.umask``, which sets it as it reads it; that is process-wide, so it is
    done once, under a lock, setting the common 022 for the instant between the two calls (a
    file another thread creates then gets that rather than 0), and the value is kept.
    """
    global _umask_cache
    try:
        for line in PROC_STATUS.read_text("ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _umask_lock:
        if _umask_cache is None:
            _umask_cache = os.umask(0o022)
            os.umask(_umask_cache)
        return _umask_cache


def mode_for(path: Path) -> int:
    """The permission bits ``path`` should have once written: its own if it exists (set-id
    and sticky bits left out), else those a new file gets under the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode) & 0o777
    except OSError:
        return 0o666 & ~current_umask()


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_writer(path) as out:
        out.write(data)


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` piece by piece: it takes ``path``'s place only when
    the block ends without an error, so a large output need not be held in memory whole."""
    path = Path(path)
    mode = mode_for(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                    dir=path.parent if str(path.parent) else ".")
    try:
        with os.fdopen(handle, "wb") as out:
            if hasattr(os, "fchmod"):
                os.fchmod(out.fileno(), mode)
            else:  # pragma: no cover - Windows before Python 3.13
                os.chmod(temp, mode)
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
