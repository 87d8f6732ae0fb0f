"""Copying text to the user's clipboard from a terminal app, wherever it runs.

Outside tmux the terminal's own clipboard (OSC 52) works over SSH and needs no tools. Inside
tmux an application's OSC 52 is dropped unless the user set ``set-clipboard on``, and the
passthrough form (``ESC P tmux;``) needs ``allow-passthrough`` and never fills tmux's own
buffers. So inside tmux the text goes to tmux itself (``tmux load-buffer -w``), which keeps it
as a buffer and sends it on to the outer terminal's clipboard, whatever ``set-clipboard`` says;
only when tmux cannot be asked is a plain OSC 52 written. The text also goes to the first
system clipboard tool found (wl-copy, xclip, xsel, pbcopy, or the pyperclip package), and the
caller is told exactly what was done. No Textual here: the app passes a function that writes
to its terminal.
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
TMUX_TIMEOUT = 2.0      # seconds; a tmux server that does not answer by then is not used
SET_CLIPBOARD_HINT = "tmux: set -g set-clipboard on"


def osc52(text: str, *, tmux: bool = False) -> str:
    """The OSC 52 sequence that puts ``text`` on the clipboard (in tmux's passthrough if asked).

    The text is base64-encoded, so nothing of it can act as a control sequence.
    """
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    sequence = f"\x1b]52;c;{payload}\x07"
    if tmux:
        return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    return sequence


@dataclass(frozen=True, slots=True)
class TmuxState:
    """What the tmux server around the app says about copying from its pane."""

    version: tuple[int, int]
    terminal: str             # the outer terminal's name, as tmux knows it
    clipboard_feature: bool   # tmux knows the outer terminal takes OSC 52
    passthrough: bool         # allow-passthrough is on for the app's pane

    @property
    def forwards(self) -> bool:
        """``load-buffer -w`` (tmux 3.2+) reaches the outer terminal's clipboard."""
        return self.version >= (3, 2) and self.clipboard_feature


def _version(text: str) -> tuple[int, int]:
    """``3.3a`` → (3, 3); ``next-3.4`` → (3, 4); anything unreadable → (0, 0)."""
    digits = text.rsplit("-", 1)[-1]
    major, _, rest = digits.partition(".")
    minor = "".join(c for c in rest if c.isdigit()) or "0"
    return (int(major), int(minor)) if major.isdigit() else (0, 0)


def _tmux(args: list[str], env: Mapping[str, str], text: str | None = None
          ) -> subprocess.CompletedProcess[str] | None:
    """Run ``tmux args`` against the app's own server; None if it cannot be asked."""
    program = shutil.which("tmux", path=env.get("PATH"))
    if program is None:
        return None
    try:
        done = subprocess.run([program, *args], input=text, capture_output=True, text=True,
                              encoding="utf-8", timeout=TMUX_TIMEOUT, env=dict(env), check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done if done.returncode == 0 else None


def tmux_state(env: Mapping[str, str]) -> TmuxState | None:
    """Ask the tmux server named by ``$TMUX`` about the app's pane; None if it does not answer."""
    target = ["-t", env["TMUX_PANE"]] if env.get("TMUX_PANE") else []
    done = _tmux(["display-message", "-p", *target,
                  "#{version}|#{client_termname}|#{client_termfeatures}|#{allow-passthrough}"],
                 env)
    if done is None:
        return None
    version, terminal, features, passthrough = (done.stdout.strip().split("|") + [""] * 4)[:4]
    return TmuxState(_version(version), terminal, "clipboard" in features.split(","),
                     passthrough in ("on", "all", "1"))


def tmux_copy(text: str, state: TmuxState, env: Mapping[str, str]) -> bool:
    """Put ``text`` in tmux's buffer (and, with ``-w``, the outer terminal's clipboard)."""
    return _tmux(["load-buffer", *(["-w"] if state.forwards else []), "-"], env, text) \
        is not None


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
    """What a copy did, for a one-line notification that claims no more than that."""

    characters: int
    osc52: bool                 # a plain OSC 52 was written to the terminal
    tool: str | None            # the system clipboard tool that took the text
    tmux_buffer: bool = False   # tmux keeps the text as a buffer
    tmux_forwarded: bool = False  # tmux sent it on to the outer terminal's clipboard
    passthrough: bool = False   # OSC 52 sent through tmux's passthrough to the outer terminal
    hint: str = ""              # what the user may need to set for the rest to work

    @property
    def ok(self) -> bool:
        return self.osc52 or self.tmux_buffer or self.passthrough or self.tool is not None

    def describe(self) -> str:
        ways = []
        if self.tmux_buffer:
            ways.append("tmux's buffer" + (" and the terminal clipboard"
                                            if self.tmux_forwarded else ""))
        if self.passthrough:
            ways.append("the terminal clipboard (OSC 52 through tmux's passthrough)")
        if self.osc52:
            ways.append("the terminal clipboard (OSC 52)")
        if self.tool:
            ways.append(self.tool)
        if not ways:
            return (f"Kept {self.characters} characters in the app; no clipboard available "
                    "(no terminal clipboard, tmux, wl-copy, xclip, pbcopy or pyperclip)")
        hint = f"; if nothing arrives: {self.hint}" if self.hint else ""
        return f"Copied {self.characters} characters to " + " and ".join(ways) + hint


def copy(text: str, write_terminal: Callable[[str], None] | None,
         env: Mapping[str, str] | None = None,
         system: Callable[[str, Mapping[str, str]], str | None] | None = None,
         tmux: Callable[[Mapping[str, str]], TmuxState | None] | None = None) -> CopyResult:
    """Copy ``text`` by every means available and say which were used.

    ``write_terminal`` sends a string to the terminal (None when there is none, as in
    tests or when output is not a terminal); ``system`` copies with a system tool
    (default :func:`system_copy`); ``tmux`` asks the surrounding tmux server
    (default :func:`tmux_state`).
    """
    env = os.environ if env is None else env
    plain_sequence = osc52(text)
    writer = write_terminal if len(plain_sequence) <= OSC52_LIMIT \
        and env.get("TERM_PROGRAM") != "Apple_Terminal" else None
    in_tmux_buffer = forwarded = passthrough = plain = False
    hint = ""
    state = (tmux or tmux_state)(env) if env.get("TMUX") else None
    if state is not None and tmux_copy(text, state, env):
        in_tmux_buffer, forwarded = True, state.forwards
        if not forwarded and state.passthrough and writer is not None:
            writer(osc52(text, tmux=True))
            passthrough = True
        elif not forwarded:
            hint = f"tmux: set -as terminal-features ',{state.terminal or 'TERM'}:clipboard'"
    elif writer is not None:
        writer(plain_sequence)
        plain = True
        if env.get("TMUX") or env.get("TERM", "").startswith(("tmux", "screen")):
            hint = SET_CLIPBOARD_HINT   # an OSC 52 from a pane goes no further without it
    tool = (system or system_copy)(text, env)
    return CopyResult(len(text), plain, tool, in_tmux_buffer, forwarded, passthrough, hint)
