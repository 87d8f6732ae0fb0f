"""Copying inside a real tmux: the quote reaches tmux's buffer and the outer terminal.

A private tmux server runs the app on the sample articles; its client is attached to a
pseudo-terminal that plays the user's terminal, so the test sees both ends of a copy: what
tmux keeps (``save-buffer``) and the OSC 52 sequence tmux sends on to the terminal outside.
Skipped where tmux is not installed.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from explorer import clipboard
from explorer.analysis.corpus_run import analyze_paths
from explorer.export import citation, quote_row
from explorer.tui.app import sample_articles
from tests.terminal import TerminalSession, app_command, app_environment

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

COLUMNS, LINES = 120, 35


class TmuxServer:
    """A tmux server of the test's own, on its own socket, with only ``settings`` set."""

    def __init__(self, folder: Path, settings: str) -> None:
        self.socket = folder / "tmux.sock"
        self.config = folder / "tmux.conf"
        self.config.write_text(settings, encoding="utf-8")

    def command(self, *args: str) -> list[str]:
        return ["tmux", "-S", str(self.socket), "-f", str(self.config), *args]

    def run(self, *args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(self.command(*args), capture_output=True, timeout=10, check=False)

    def buffer(self) -> str | None:
        """The newest tmux buffer, exactly, or None when there is none."""
        done = self.run("save-buffer", "-")
        return done.stdout.decode("utf-8") if done.returncode == 0 else None

    def wait_for_buffer(self, expected: str, seconds: float = 15) -> str | None:
        deadline = time.monotonic() + seconds
        while (found := self.buffer()) != expected and time.monotonic() < deadline:
            time.sleep(0.1)
        return found

    def environment(self) -> dict[str, str]:
        """What a program inside one of this server's panes sees."""
        return {"TMUX": f"{self.socket},0,0", "PATH": os.environ.get("PATH", "")}

    def stop(self) -> None:
        self.run("kill-server")


def osc52_payload(text: str) -> bytes:
    return b"]52;;" + base64.b64encode(text.encode("utf-8")) + b"\x07"


@pytest.fixture(scope="module")
def first_quote() -> tuple[str, str]:
    """The first quote of the first sample article, exactly and as a citation."""
    samples = sample_articles()
    assert samples is not None
    corpus = analyze_paths([samples], cache=False, jobs=1)
    article = corpus.articles[0]
    quote = article.quotes[0]
    return quote.text, citation(quote_row(corpus, article, quote))


@pytest.mark.parametrize("settings", ["set -g set-clipboard on\n", ""],
                         ids=["set-clipboard-on", "tmux-defaults"])
def test_c_and_shift_c_put_the_exact_texts_in_tmux_and_the_outer_clipboard(
        tmp_path: Path, first_quote: tuple[str, str], settings: str) -> None:
    quote, cited = first_quote
    server = TmuxServer(tmp_path, settings)
    samples = sample_articles()
    assert samples is not None
    session = TerminalSession(
        server.command("new-session", "-x", str(COLUMNS), "-y", str(LINES),
                       *app_command(samples)),
        app_environment(tmp_path / "cache"), COLUMNS, LINES)
    try:
        assert session.read_until("articles · ", seconds=120), "the app never finished loading"
        session.press(b"4")            # the quotes pane, first quote selected
        session.read(0.5)
        session.press(b"c")
        assert server.wait_for_buffer(quote) == quote
        session.read(0.5)
        assert osc52_payload(quote) in session.output, "tmux did not pass it to the terminal"
        assert "Copied" in session.display() and "tmux's buffer" in session.display()
        session.press(b"C")
        assert server.wait_for_buffer(cited) == cited
        session.read(0.5)
        assert osc52_payload(cited) in session.output
        session.press(b"q")
        session.read(1)
    finally:
        server.stop()
        session.close()


def test_copy_reaches_a_real_tmux_buffer_without_a_client(tmp_path: Path) -> None:
    """No client attached (a detached session): tmux still keeps the text as a buffer."""
    server = TmuxServer(tmp_path, "")
    server.run("new-session", "-d", "sleep 30")
    try:
        written: list[str] = []
        result = clipboard.copy("ندعم بقاء قوة", written.append, env=server.environment(),
                                system=lambda text, env: None)
        assert server.buffer() == "ندعم بقاء قوة"
        assert result.tmux_buffer and written == []
    finally:
        server.stop()
