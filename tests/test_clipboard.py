"""Clipboard: OSC 52, tmux's own buffer inside tmux, system tools as a fallback, and the
report."""

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


def test_copy_outside_tmux_writes_plain_osc52_and_tries_a_system_tool():
    written: list[str] = []
    result = clipboard.copy(QUOTE, written.append, env={}, system=lambda text, env: "xclip")
    assert [decode_osc52(w) for w in written] == [QUOTE]
    assert result.osc52 and result.tool == "xclip" and not result.tmux_buffer
    assert result.describe() == (f"Copied {len(QUOTE)} characters to the terminal clipboard "
                                 "(OSC 52) and xclip")


TMUX_ENV = {"TMUX": "/tmp/tmux-0/default,1,0", "TMUX_PANE": "%0"}


def copy_in_tmux(state: clipboard.TmuxState, monkeypatch
                 ) -> tuple[clipboard.CopyResult, list[str], list[str]]:
    """Copy QUOTE with a stand-in tmux server answering ``state``: the result, what tmux
    took as a buffer, and what was written to the terminal."""
    taken: list[str] = []
    written: list[str] = []
    monkeypatch.setattr(clipboard, "tmux_copy",
                        lambda text, state, env: taken.append(text) is None)
    result = clipboard.copy(QUOTE, written.append, env=TMUX_ENV, system=lambda t, e: None,
                            tmux=lambda env: state)
    return result, taken, written


def test_in_tmux_the_text_goes_to_tmux_which_forwards_it_and_nothing_is_written(monkeypatch):
    state = clipboard.TmuxState((3, 3), "xterm-256color", True, False)
    result, taken, written = copy_in_tmux(state, monkeypatch)
    assert taken == [QUOTE] and written == []  # one copy, never two sequences
    assert result.tmux_buffer and result.tmux_forwarded and not result.osc52
    assert result.describe() == (f"Copied {len(QUOTE)} characters to tmux's buffer and the "
                                 "terminal clipboard")


def test_in_tmux_passthrough_is_used_only_when_needed_and_allowed(monkeypatch):
    result, taken, written = copy_in_tmux(clipboard.TmuxState((3, 3), "vt100", False, True),
                                          monkeypatch)
    assert taken == [QUOTE] and len(written) == 1
    inner = written[0][len("\x1bPtmux;"):-2].replace("\x1b\x1b", "\x1b")
    assert written[0].startswith("\x1bPtmux;") and decode_osc52(inner) == QUOTE
    assert result.passthrough and not result.tmux_forwarded
    assert "passthrough" in result.describe()


def test_in_tmux_without_a_way_to_the_outer_clipboard_the_notice_says_what_to_set(monkeypatch):
    result, taken, written = copy_in_tmux(clipboard.TmuxState((3, 3), "vt100", False, False),
                                          monkeypatch)
    assert taken == [QUOTE] and written == []
    assert result.describe() == (f"Copied {len(QUOTE)} characters to tmux's buffer; if "
                                 "nothing arrives: tmux: set -as terminal-features "
                                 "',vt100:clipboard'")


def test_in_tmux_that_cannot_be_asked_a_plain_osc52_goes_out_with_the_setting_it_needs():
    written: list[str] = []
    result = clipboard.copy(QUOTE, written.append, env=TMUX_ENV, system=lambda t, e: None,
                            tmux=lambda env: None)
    assert [decode_osc52(w) for w in written] == [QUOTE]
    assert result.osc52 and not result.tmux_buffer
    assert result.describe().endswith("(OSC 52); if nothing arrives: "
                                      "tmux: set -g set-clipboard on")


def test_tmux_versions_are_read_as_numbers():
    assert clipboard._version("3.3a") == (3, 3)
    assert clipboard._version("next-3.4") == (3, 4)
    assert clipboard._version("openbsd-7.4") == (7, 4)
    assert clipboard._version("") == (0, 0)
    assert clipboard.TmuxState((3, 1), "xterm", True, False).forwards is False
    assert clipboard.TmuxState((3, 2), "xterm", True, False).forwards is True


def test_copy_without_terminal_falls_back_to_the_system_tool_only():
    result = clipboard.copy(QUOTE, None, env={}, system=lambda text, env: "wl-copy")
    assert not result.osc52 and result.tool == "wl-copy" and result.ok
    assert result.describe() == f"Copied {len(QUOTE)} characters to wl-copy"


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
