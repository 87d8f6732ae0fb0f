"""A plain CRF: the yardstick that tells how hard a held-out part of ANERcorp is.

ANERcorp's test part is hidden, and one figure is known of it: a plain CRF with the usual
features (the word, its folded and clitic-stripped forms, prefixes and suffixes, shape, a
±2 window, title and organisation-head cues) scores about 0.66 micro-F1 over
PERS+LOC+ORG there. The same CRF, trained without one sixth of ANERcorp train and scored
on that sixth, says how the sixth compares with the test, so the recogniser's figures on
the sixths can be read against the test rather than only averaged.

    python -m explorer.analysis.ner.baseline --corpora ../shared/corpora [--dev-part K]

It tags the corpus tokens as they stand (no untokenised text, no rules), as such a CRF is
scored.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from functools import cache
from pathlib import Path

from explorer.analysis.ner import curated
from explorer.analysis.ner.conll import ConllError, Sentence
from explorer.analysis.ner.features import word_shape
from explorer.analysis.ner.resources import folded_words
from explorer.arabic.clitics import strip_proclitics
from explorer.arabic.normalize import fold

WINDOW = (-2, -1, 1, 2)
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150}
_TITLES = folded_words(curated.TITLES)
_ORG_HEADS = folded_words(curated.ORG_HEADS)


@cache
def _own(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A word's own features, and those its neighbours see: folded form, stem, cues."""
    key = fold(word)
    stem = strip_proclitics(key)[1]
    cues = ((("title",) if key in _TITLES or stem in _TITLES else ())
            + (("orghead",) if key in _ORG_HEADS or stem in _ORG_HEADS else ()))
    lent = (f"k={key}", f"st={stem}", *cues)
    return (f"w={word}", f"shape={word_shape(word)}", *(f"p{n}={key[:n]}" for n in (1, 2, 3)),
            *(f"s{n}={key[-n:]}" for n in (1, 2, 3)), *lent), lent


def sentence_features(tokens: list[str]) -> list[list[str]]:
    """Per token: its own features and its ±2 neighbours' folded forms, stems and cues."""
    own = [_own(token) for token in tokens]
    result = []
    for i, (features, _) in enumerate(own):
        row = list(features)
        for offset in WINDOW:
            j = i + offset
            if 0 <= j < len(tokens):
                row.extend(f"{offset}:{feature}" for feature in own[j][1])
            else:
                row.append(f"{offset}:edge")
        result.append(row)
    return result


def train_and_tag(training: list[Sentence], tested: list[list[Sentence]]
                  ) -> list[list[list[str]]]:
    """Train the plain CRF on ``training`` and return its tags for each set of ``tested``."""
    import pycrfsuite

    from explorer.analysis.ner.train import fit_crf

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "plain.model"
        fit_crf([sentence_features(s.tokens) for s in training], [s.tags for s in training],
                path, PARAMS)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        try:
            return [[tagger.tag(sentence_features(s.tokens)) for s in sentences]
                    for sentences in tested]
        finally:
            tagger.close()


def main(argv: list[str] | None = None) -> int:
    from explorer.analysis.ner.train import DEV_PARTS, split_corpora
    from explorer.evaluation.ner_eval import format_scores, score

    parser = argparse.ArgumentParser(prog="python -m explorer.analysis.ner.baseline",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, required=True,
                        help="folder with anercorp_train.conll, aqmar_train.conll, aqmar_dev.conll")
    parser.add_argument("--dev-part", type=int, choices=range(1, DEV_PARTS + 1),
                        default=DEV_PARTS, metavar="K",
                        help="hold out the K-th sixth of ANERcorp train (default: the last)")
    args = parser.parse_args(argv)
    try:
        training, dev_sets = split_corpora(args.corpora, True, args.dev_part)
    except ConllError as error:
        print(f"baseline: {error}", file=sys.stderr)
        return 2
    tagged = train_and_tag([s for article in training for s in article],
                           list(dev_sets.values()))
    for (name, sentences), predicted in zip(dev_sets.items(), tagged, strict=True):
        print(f"== {name}, plain CRF")
        print(format_scores(score([s.tags for s in sentences], predicted)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
