"""Speed of the default NER recogniser in tokens per second on one core.

    python benchmarks/ner_speed.py [--corpora ../shared/corpora] [--model DIR]

Feeds the CoNLL corpora to the recogniser as untokenised articles of 50 sentences, 16
articles at a time (as ``explorer eval ner`` and a corpus run do), starting from a fresh
process-level cache, so words seen for the first time pay for their features as in real
use. Only the recogniser is timed: from the articles' text and tokens to their entities
(with character offsets), not the building of those articles from the CoNLL lines. Also
reports the model load time. Pinned to one CPU where the system allows it; tokens per
second are given per wall-clock second and per CPU second of this process (the second
does not depend on other work sharing the machine).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The news and Wikipedia corpora every earlier figure was measured on.
CORPORA = ("anercorp_train.conll", "aqmar_dev.conll", "aqmar_train.conll")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--model", type=Path, help="model folder (default: the shipped one)")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from explorer.analysis.ner.conll import read_conll
    from explorer.analysis.ner.crf import CrfRecognizer
    from explorer.analysis.ner.resources import DATA_DIR
    from explorer.evaluation.ner_eval import BATCH_ARTICLES, article_text, split_articles

    files = [args.corpora / name for name in CORPORA if (args.corpora / name).is_file()]
    if not files:
        print(f"ner_speed: {args.corpora}: none of {', '.join(CORPORA)}", file=sys.stderr)
        return 2
    began = time.perf_counter()
    recognizer = CrfRecognizer(args.model or DATA_DIR)
    print(f"model load: {time.perf_counter() - began:.3f} s")
    for path in files:
        sentences = read_conll(path)
        tokens = sum(len(sentence.tokens) for sentence in sentences)
        articles = [article_text(article) for article in split_articles(sentences)]
        began, cpu = time.perf_counter(), time.process_time()
        for first in range(0, len(articles), BATCH_ARTICLES):
            recognizer.recognize_many(articles[first:first + BATCH_ARTICLES])
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
        print(f"{path.name}: {tokens} tokens in {seconds:.2f} s ({cpu:.2f} s CPU): "
              f"{tokens / seconds:,.0f} tokens/s, {tokens / cpu:,.0f} tokens/CPU-s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
