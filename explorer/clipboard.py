"""Copying text to the user's clipboard from a terminal app, wherever it runs.

The terminal's own clipboard (OSC 52) works over SSH and needs no tools, but inside tmux it
must be wrapped in a DCS passthrough, and some terminals ignore it silently. So the text
also goes to the first system clipboard tool found (wl-copy, xclip, xsel, pbcopy, or the
pyperclip package), and the caller is told what was done. No Textual here: the app passes
a function that writes to its terminal.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

OSC52_LIMIT = 100_000   # bytes of base64; larger payloads are refused by most terminals


def osc52(text: str, *, tmux: bool = False) -> str:
    """The OSC 52 sequence that puts ``text`` on the clipboard (tmux-wrapped if asked).

    The text is base64-encoded, so nothing of it can act as a control sequence.
    """
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    sequence = f"\x1b]52;c;{payload}\x07"
    if tmux:
        return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    return sequence


def _system_commands(env: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """Clipboard commands worth trying here, best first."""
    commands: list[tuple[str, list[str]]] = []
    if env.get("WAYLAND_DISPLAY"):
        commands.append(("wl-copy", ["wl-copy"]))
    if env.get("DISPLAY"):
        commands.append(("xclip", ["xclip", "-selection", "clipboard"]))
        commands.append(("xsel", ["xsel", "--clipboard", "--input"]))
    if sys.platform == "darwin":
        commands.append(("pbcopy", ["pbcopy"]))
    return commands


def system_copy(text: str, env: Mapping[str, str] | None = None) -> str | None:
    """Copy with a system clipboard tool; the tool's name, or None if none worked."""
    env = os.environ if env is None else env
    for name, argv in _system_commands(env):
        if shutil.which(argv[0]) is None:
            continue
        try:
            subprocess.run(argv, input=text.encode("utf-8"), check=True, timeout=2,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (OSError, subprocess.SubprocessError):
            continue
        return name
    try:
        import pyperclip  # optional
    except ImportError:
        return None
    try:
        pyperclip.copy(text)
    except Exception:  # pyperclip raises its own exception types per platform
        return None
    return "pyperclip"


@dataclass(frozen=True, slots=True)
class CopyResult:
    """What a copy did, for a one-line notification."""

    characters: int
    osc52: bool
    tmux: bool
    tool: str | None

    @property
    def ok(self) -> bool:
        return self.osc52 or self.tool is not None

    def describe(self) -> str:
        ways = []
        if self.osc52:
            ways.append("terminal clipboard (OSC 52" + (" via tmux)" if self.tmux else ")"))
        if self.tool:
            ways.append(self.tool)
        if not ways:
            return (f"Kept {self.characters} characters in the app; no clipboard available "
                    "(no terminal clipboard, wl-copy, xclip, pbcopy or pyperclip)")
        return f"Copied {self.characters} characters to the " + " and ".join(ways)


def copy(text: str, write_terminal: Callable[[str], None] | None,
         env: Mapping[str, str] | None = None,
         system: Callable[[str, Mapping[str, str]], str | None] | None = None) -> CopyResult:
    """Copy ``text`` by every means available and say which were used.

    ``write_terminal`` sends a string to the terminal (None when there is none, as in
    tests or when output is not a terminal); ``system`` copies with a system tool
    (default :func:`system_copy`).
    """
    env = os.environ if env is None else env
    in_tmux = bool(env.get("TMUX"))
    sent = False
    payload = osc52(text, tmux=in_tmux)
    if write_terminal is not None and len(payload) <= OSC52_LIMIT \
            and env.get("TERM_PROGRAM") != "Apple_Terminal":
        write_terminal(payload)
        sent = True
    tool = (system or system_copy)(text, env)
    return CopyResult(len(text), sent, in_tmux and sent, tool)
