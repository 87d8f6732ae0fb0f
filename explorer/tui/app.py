"""The explorer app (Textual)."""

from __future__ import annotations

import argparse
import sys


def run_app(args: argparse.Namespace) -> int:
    print("explorer: the app is not built yet; use `explorer analyze PATH`", file=sys.stderr)
    return 2
