"""Arabic text primitives: matching keys, tokens with offsets, clitics, transliteration.

Only camel-tools' data-free utilities are imported here; anything that needs camel-tools'
data goes through :mod:`explorer.arabic.camel_data` first.
"""

from explorer.arabic.normalize import fold, name_key, strip_marks
from explorer.arabic.tokens import Token, tokenize

__all__ = ["Token", "fold", "name_key", "strip_marks", "tokenize"]
