"""Rebuild the shipped NER model from the corpora: one deterministic command.

    python -m explorer.analysis.ner.train --corpora ../shared/corpora

writes ``explorer/data/ner/{crf.model,gazetteer.tsv,lexicon.txt}``. The lexicon is read
from the Ayaspell dictionary (``apt-get install hunspell-ar``). Training data: all of
ANERcorp train and AQMAR train. With ``--dev`` the last sixth of ANERcorp train is held
out, the model is trained on the rest and scored on that part and on AQMAR dev; this is
how the figures in the README were measured.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from explorer.analysis.ner.conll import Sentence, read_conll
from explorer.analysis.ner.resources import DATA_DIR, HUNSPELL_AR, load_resources, write_resources

MODEL_FILE = "crf.model"


def split_corpora(corpora: Path, dev: bool) -> tuple[list[Sentence], dict[str, list[Sentence]]]:
    """Training sentences and named dev sets (empty unless ``dev``)."""
    anercorp = read_conll(corpora / "anercorp_train.conll")
    aqmar = read_conll(corpora / "aqmar_train.conll")
    if not dev:
        return anercorp + aqmar, {}
    cut = len(anercorp) * 5 // 6
    return anercorp[:cut] + aqmar, {"anercorp-dev": anercorp[cut:],
                                    "aqmar-dev": read_conll(corpora / "aqmar_dev.conll")}


def train(sentences: list[Sentence], out: Path, *, c1: float, c2: float,
          iterations: int) -> Path:
    """Train a CRF on ``sentences`` with the shipped features; returns the model path."""
    import pycrfsuite

    from explorer.analysis.ner.features import FeatureExtractor

    extractor = FeatureExtractor(load_resources(out))
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        trainer.append(extractor.sentence(sentence.tokens), sentence.tags)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    path = out / MODEL_FILE
    trainer.train(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explorer.analysis.ner.train",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, required=True,
                        help="folder with anercorp_train.conll, aqmar_train.conll, aqmar_dev.conll")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="where the model files go")
    parser.add_argument("--lexicon", type=Path, default=HUNSPELL_AR,
                        help="hunspell .dic of Arabic words (default: %(default)s)")
    parser.add_argument("--dev", action="store_true",
                        help="hold out a dev part, train on the rest and report dev scores")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=150)
    args = parser.parse_args(argv)
    if not args.lexicon.is_file():
        print(f"train: {args.lexicon}: no such dictionary (apt-get install hunspell-ar)",
              file=sys.stderr)
        return 2
    began = time.monotonic()
    training, dev_sets = split_corpora(args.corpora, args.dev)
    first_words = [sentence.tokens[i] for sentence in training
                   for i, tag in enumerate(sentence.tags) if tag.startswith("B-")]
    write_resources(args.out, args.lexicon, first_words)
    load_resources.cache_clear()
    path = train(training, args.out, c1=args.c1, c2=args.c2, iterations=args.iterations)
    print(f"model: {path} ({path.stat().st_size / 1e6:.1f} MB, "
          f"{time.monotonic() - began:.0f} s)")
    if dev_sets:
        from explorer.analysis.ner.crf import CrfRecognizer
        from explorer.evaluation.ner_eval import evaluate, format_scores

        recognizer = CrfRecognizer(args.out)
        for name, sentences in dev_sets.items():
            print(f"== {name}")
            print(format_scores(evaluate(recognizer, sentences)[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
