"""Score quotes, speakers and person actors against the gold files of tests/gold/.

Heavy imports happen inside :func:`run`, so building the CLI parser stays cheap.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold_dir", nargs="?", default="tests/gold", metavar="GOLD_DIR")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="articles to analyse (default: sample_articles)")
    parser.add_argument("--ner", default="auto", help="NER backend (default: auto)")


def run(args: argparse.Namespace) -> int:
    print("explorer: eval quotes: not built yet", file=sys.stderr)
    return 2
