"""Clipboard: OSC 52 (tmux-wrapped when needed), system tools as a fallback, and the report."""

from __future__ import annotations

import base64

from explorer import clipboard

QUOTE = "ندعم بقاء قوة أمريكية صغيرة"


def decode_osc52(sequence: str) -> str:
    assert sequence.startswith("\x1b]52;c;") and sequence.endswith("\x07")
    return base64.b64decode(sequence[len("\x1b]52;c;"):-1]).decode("utf-8")


def test_osc52_carries_the_exact_text_base64_encoded():
    sequence = clipboard.osc52(QUOTE)
    assert decode_osc52(sequence) == QUOTE
    assert "\x1b" not in sequence[1:-1].replace("\x1b]52", "")


def test_osc52_in_tmux_is_wrapped_in_a_passthrough_with_escapes_doubled():
    sequence = clipboard.osc52(QUOTE, tmux=True)
    assert sequence.startswith("\x1bPtmux;\x1b\x1b]52;c;") and sequence.endswith("\x1b\\")
    inner = sequence[len("\x1bPtmux;"):-2].replace("\x1b\x1b", "\x1b")
    assert decode_osc52(inner) == QUOTE


def test_copy_writes_to_the_terminal_and_tries_a_system_tool():
    written: list[str] = []
    result = clipboard.copy(QUOTE, written.append, env={"TMUX": "/tmp/x,1,0"},
                            system=lambda text, env: "xclip")
    assert len(written) == 1 and written[0].startswith("\x1bPtmux;")
    assert result.osc52 and result.tmux and result.tool == "xclip"
    assert result.describe() == (f"Copied {len(QUOTE)} characters to the terminal clipboard "
                                 "(OSC 52 via tmux) and xclip")


def test_copy_without_terminal_falls_back_to_the_system_tool_only():
    result = clipboard.copy(QUOTE, None, env={}, system=lambda text, env: "wl-copy")
    assert not result.osc52 and result.tool == "wl-copy" and result.ok
    assert result.describe().endswith("to the wl-copy")


def test_copy_with_nothing_available_says_so():
    result = clipboard.copy(QUOTE, None, env={}, system=lambda text, env: None)
    assert not result.ok
    assert "no clipboard available" in result.describe()


def test_apple_terminal_gets_no_osc52():
    written: list[str] = []
    clipboard.copy(QUOTE, written.append, env={"TERM_PROGRAM": "Apple_Terminal"},
                   system=lambda text, env: "pbcopy")
    assert written == []


def test_system_copy_runs_the_first_tool_found(monkeypatch):
    calls = []
    monkeypatch.setattr(clipboard.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(clipboard.subprocess, "run",
                        lambda argv, **kw: calls.append((argv, kw["input"])))
    assert clipboard.system_copy(QUOTE, {"WAYLAND_DISPLAY": "wayland-0"}) == "wl-copy"
    assert calls == [(["wl-copy"], QUOTE.encode("utf-8"))]


def test_system_copy_skips_missing_tools(monkeypatch):
    monkeypatch.setattr(clipboard.shutil, "which", lambda name: None)
    monkeypatch.setitem(__import__("sys").modules, "pyperclip", None)
    assert clipboard.system_copy(QUOTE, {"DISPLAY": ":0"}) is None
