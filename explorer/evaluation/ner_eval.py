"""Score a NER backend on a CoNLL file: per-type and micro precision/recall/F1 on exact spans.

Heavy imports happen inside :func:`run`, so building the CLI parser stays cheap.
"""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conll", metavar="FILE.conll",
                        help="\"token tag\" lines, blank between sentences")
    parser.add_argument("--ner", default="auto", help="NER backend (default: auto)")
    parser.add_argument("--predictions", metavar="OUT",
                        help='write "token gold predicted" lines here')


def run(args: argparse.Namespace) -> int:
    print("explorer: eval ner: not built yet", file=sys.stderr)
    return 2
