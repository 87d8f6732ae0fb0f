"""Speed of quote, speaker and actor analysis (after the NER) on one core.

    python benchmarks/quotes_speed.py [--repeat 8]

Runs the stages that follow the recogniser (mentions from titles, quotes, speakers,
actors) over the plain-text sample articles, each on its own and all joined into one long
article repeated ``--repeat`` times, and prints characters per second; the recogniser's
output is computed once beforehand so only these stages are timed. Pinned to one CPU where
the system allows it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=8)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from explorer.analysis.actors import resolve_article
    from explorer.analysis.mentions import collect_mentions
    from explorer.analysis.pipeline import recognizer
    from explorer.analysis.quotes import find_quotes
    from explorer.analysis.speakers import attribute
    from explorer.arabic.tokens import tokenize

    samples = sorted((ROOT / "sample_articles").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in samples]
    long_text = "\n\n".join(texts * args.repeat)
    ner = recognizer("crf")
    for label, batch in (("sample articles, one by one", texts), ("one long article", [long_text])):
        prepared = [(text, tokenize(text)) for text in batch]
        prepared = [(text, tokens, ner.recognize(text, tokens)) for text, tokens in prepared]
        began = time.perf_counter()
        quotes = 0
        for text, tokens, entities in prepared:
            mentions, reader = collect_mentions(text, tokens, list(entities))
            found = find_quotes(text, reader, mentions)
            actors = resolve_article(mentions.entities, mentions.roles, mentions.genders)
            quotes += len(attribute(text, found, mentions.entities, actors))
        seconds = time.perf_counter() - began
        chars = sum(len(text) for text, _, _ in prepared)
        print(f"{label}: {chars:,} characters, {quotes} quotes in {seconds:.3f} s "
              f"= {chars / seconds:,.0f} characters/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
