"""Romanisation for readers who do not read Arabic script (camel-tools' CharMapper)."""

from __future__ import annotations

from functools import cache

from camel_tools.utils.charmap import CharMapper

SCHEMES = {"hsb": "ar2hsb", "buckwalter": "ar2bw"}


@cache
def _mapper(scheme: str) -> CharMapper:
    return CharMapper.builtin_mapper(SCHEMES[scheme])


def transliterate(text: str, scheme: str = "hsb") -> str:
    """Arabic letters in ``text`` romanised by ``scheme`` (``hsb`` or ``buckwalter``).

    The mappers are one-to-one on characters, so the result keeps ``text``'s offsets.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown transliteration scheme {scheme!r}; use one of {sorted(SCHEMES)}")
    return _mapper(scheme)(text)
