"""Corpus loading: discovery, formats, decoding and sanitising of article files."""

from explorer.corpus.loader import DEFAULT_MAX_BYTES, discover, load, load_file

__all__ = ["DEFAULT_MAX_BYTES", "discover", "load", "load_file"]
