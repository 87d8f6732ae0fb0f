"""A real pseudo-terminal for tests that must see what a user's terminal receives.

The program runs on the slave side; every byte it writes is kept and replayed in a terminal
emulator (pyte), so a test can read the screen, search the raw output for escape sequences,
and type keys as separate writes, the way a person's keyboard sends them.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import pyte

REPO = Path(__file__).resolve().parents[1]


def read_available(fd: int, seconds: float) -> bytes:
    """Everything ``fd`` gives within ``seconds`` (less if the other side closes)."""
    chunks = []
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], min(left, 0.1))
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
    return b"".join(chunks)


def app_command(*paths: Path | str) -> list[str]:
    """The command line that opens the app from this checkout on ``paths``."""
    return [sys.executable, "-m", "explorer", *map(str, paths)]


def app_environment(cache_dir: Path, size: tuple[int, int] | None = None) -> dict[str, str]:
    """A small, predictable environment for the app: no clipboard tools, its own cache.

    ``size`` (columns, lines) is told to the app through COLUMNS and LINES, which Textual
    prefers to the terminal's own answer; leave it out when the app runs inside a
    multiplexer whose pane is smaller than the terminal.
    """
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                   "HOME": os.environ.get("HOME", "/tmp"), "TERM": "xterm-256color",
                   "PYTHONPATH": str(REPO), "LANG": "C.UTF-8",
                   "EXPLORER_CACHE_DIR": str(cache_dir)}
    if size is not None:
        environment |= {"COLUMNS": str(size[0]), "LINES": str(size[1])}
    return environment


class TerminalSession:
    """``argv`` in a pseudo-terminal of ``columns`` × ``lines``."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str], columns: int = 160,
                 lines: int = 50) -> None:
        self.output = bytearray()
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.process = subprocess.Popen(list(argv), cwd=REPO, env=dict(env), stdin=slave,
                                        stdout=slave, stderr=slave, start_new_session=True)
        os.close(slave)
        self.master = master

    def read(self, seconds: float) -> None:
        data = read_available(self.master, seconds)
        self.output += data
        self.stream.feed(data)

    def read_until(self, *texts: str, seconds: float = 60) -> str | None:
        """The screen once all ``texts`` are on it, or None if they never come."""
        deadline = time.monotonic() + seconds
        while not all(text in self.display() for text in texts):
            if time.monotonic() > deadline or self.process.poll() is not None:
                return None
            self.read(0.3)
        return self.display()

    def display(self) -> str:
        return "\n".join(self.screen.display)

    def press(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def close(self) -> int:
        try:
            self.read(0.5)
            return self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            return self.process.wait()
        finally:
            os.close(self.master)
