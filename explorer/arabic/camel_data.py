"""Whether camel-tools' own data (``camel_data``) is installed, checked without importing it.

``camel_tools.data`` downloads a catalogue on import when none is present, which hangs or
fails offline; so we look for the catalogue and the package folder on disk first, and only
then import ``camel_tools.ner`` / ``camel_tools.morphology``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """Where camel-tools looks for its data: ``$CAMELTOOLS_DATA`` or ``~/.camel_tools``."""
    env = os.environ.get("CAMELTOOLS_DATA")
    if env:
        return Path(env).expanduser().absolute()
    if sys.platform == "win32":
        return Path.home() / "AppData/Roaming/camel_tools"
    return Path.home() / ".camel_tools"


def catalogue_present() -> bool:
    """True when importing ``camel_tools.data`` will not try to download its catalogue."""
    return (data_dir() / "catalogue.json").is_file()


def dataset_path(*parts: str) -> Path | None:
    """Path of an installed camel-tools dataset folder (e.g. ``ner``, ``arabert``), or None."""
    if not catalogue_present():
        return None
    path = data_dir().joinpath("data", *parts)
    return path if path.is_dir() and any(path.iterdir()) else None
