"""Arabic text primitives: matching keys, tokens with offsets, clitics, transliteration.

Only camel-tools' data-free utilities are imported here; anything that needs camel-tools'
data goes through :mod:`explorer.arabic.camel_data` first.

The names below are loaded on first use: importing camel-tools takes about a second (it
scans all of Unicode at import), and the app must draw its first screen before that.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from explorer.arabic.normalize import fold, name_key, strip_marks
    from explorer.arabic.tokens import Token, tokenize

_HOMES = {"fold": "normalize", "name_key": "normalize", "strip_marks": "normalize",
          "Token": "tokens", "tokenize": "tokens"}
__all__ = ["Token", "fold", "name_key", "strip_marks", "tokenize"]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"explorer.arabic.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'explorer.arabic' has no attribute {name!r}")
