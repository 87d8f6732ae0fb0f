"""Rebuild the shipped NER model from the corpora: one deterministic command.

    python -m explorer.analysis.ner.train --corpora ../shared/corpora

writes ``crf1.npz`` (the first-pass CRF, trained with python-crfsuite), ``neural.npz`` (the second
pass, trained with torch: :mod:`explorer.analysis.ner.train_neural`), ``gazetteer.tsv``,
``lexicon.txt`` and ``names.txt`` in ``explorer/data/ner/``; the lexicon is read from the
Ayaspell dictionary (``apt-get install hunspell-ar``). Training data: all of ANERcorp
train, AQMAR train and AQMAR dev, and WikiFANE Gold through feature augmentation
(:mod:`explorer.analysis.ner.domains`). With ``--dev`` the last sixth of ANERcorp train and
all of AQMAR dev are held out, the models are trained on the rest and scored on those two
parts, with and without the institution pass; this is how the figures in docs/ner.md were
measured.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from explorer.analysis.ner.conll import ConllError, Sentence, read_conll
from explorer.analysis.ner.resources import DATA_DIR, HUNSPELL_AR, load_resources, write_resources
from explorer.analysis.ner.train_neural import NeuralConfig
from explorer.analysis.ner.wikifane import read_wikifane
from explorer.arabic.normalize import fold

if TYPE_CHECKING:
    from explorer.analysis.ner.scoring import EmissionScorer

ARTICLE_SENTENCES = 50
FOLDS = 3
DEV_PARTS = 6
WIKIFANE_FILE = "wikifane_gold.conll"


def split_corpora(corpora: Path, dev: bool, part: int = DEV_PARTS
                  ) -> tuple[list[list[Sentence]], dict[str, list[Sentence]]]:
    """Training articles and named dev sets (empty unless ``dev``): ANERcorp's dev set is
    its ``part``-th sixth (see :func:`held_out`)."""
    anercorp = read_conll(corpora / "anercorp_train.conll")
    aqmar = read_conll(corpora / "aqmar_train.conll")
    aqmar_dev = read_conll(corpora / "aqmar_dev.conll")
    if not dev:
        return articles(anercorp) + articles(aqmar) + articles(aqmar_dev), {}
    start, end = held_out(len(anercorp), part)
    return articles(anercorp[:start]) + articles(anercorp[end:]) + articles(aqmar), {
        "anercorp-dev": anercorp[start:end], "aqmar-dev": aqmar_dev}


def wikifane_articles(corpora: Path) -> list[list[Sentence]]:
    """WikiFANE Gold's articles, clitics joined (:mod:`explorer.analysis.ner.wikifane`),
    without AQMAR's sentences that it holds too, so that AQMAR dev stays unseen."""
    aqmar = {_text_key(s) for name in ("aqmar_train.conll", "aqmar_dev.conll")
             for s in read_conll(corpora / name)}
    return articles([s for s in read_wikifane(corpora / WIKIFANE_FILE)
                     if _text_key(s) not in aqmar])


def _text_key(sentence: Sentence) -> str:
    """A sentence's letters, folded, without spaces: the same text under either corpus's
    tokenisation and spelling of hamza."""
    return fold("".join(sentence.tokens))


def held_out(count: int, part: int) -> tuple[int, int]:
    """The sentences [start, end) of ANERcorp's ``part``-th sixth (1 to 6). The last, the
    default dev set, runs from five sixths of the way to the end; the others begin and end
    on the 50-sentence boundaries that training and ``eval ner`` take as articles. Another
    part measures a change fairly once the errors of the default one have been read."""
    if part == DEV_PARTS:
        return count * (DEV_PARTS - 1) // DEV_PARTS, count
    start, end = count * (part - 1) // DEV_PARTS, count * part // DEV_PARTS
    return start - start % ARTICLE_SENTENCES, end - end % ARTICLE_SENTENCES


def articles(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Runs of consecutive sentences taken as one article, as ``explorer eval ner`` does."""
    return [sentences[i:i + ARTICLE_SENTENCES] for i in range(0, len(sentences), ARTICLE_SENTENCES)]


def fit_crf(xseqs: list[list[list[str]]], yseqs: list[list[str]], path: Path,
            params: dict[str, float]) -> None:
    """Train a python-crfsuite CRF on feature and tag sequences and write it to ``path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in zip(xseqs, yseqs, strict=True):
        trainer.append(xseq, yseq)
    trainer.set_params({**params, "feature.possible_transitions": True})
    trainer.train(str(path))


def train(corpus: list[list[Sentence]], out: Path, *, c1: float, c2: float,
          iterations: int, neural: NeuralConfig | None = None, report: bool = False,
          other: list[list[Sentence]] = (), other_in_second: bool = False) -> list[Path]:
    """Train the first CRF and the neural second pass on ``corpus`` (a list of articles);
    returns the model paths.

    The second pass learns from first-pass tags that the CRF gave without having seen
    those articles (three folds), so it learns how far to trust them. ``other`` (WikiFANE's
    articles) trains the CRF too, through feature augmentation, and with
    ``other_in_second`` the second pass as well, told each word's corpus by a domain
    feature (:mod:`explorer.analysis.ner.domains`); both tag in the news domain.
    """
    from explorer.analysis.ner.crf import FIRST_MODEL
    from explorer.analysis.ner.crfsuite_file import read_crfsuite, save_weights
    from explorer.analysis.ner.document import document_features
    from explorer.analysis.ner.domains import (
        NEWS,
        WIKIFANE,
        DomainFeatures,
        domain_bias,
        domain_view,
        neural_domain_view,
    )
    from explorer.analysis.ner.features import FeatureExtractor
    from explorer.analysis.ner.neural import NEURAL_MODEL, phrase_tag
    from explorer.analysis.ner.npz import save_arrays
    from explorer.analysis.ner.scoring import EmissionScorer
    from explorer.analysis.ner.train_neural import TrainingSentence, train_neural

    params = {"c1": c1, "c2": c2, "max_iterations": iterations}
    extractor = FeatureExtractor(load_resources(out))
    everything = [*corpus, *other]
    domains = [NEWS] * len(corpus) + [WIKIFANE] * len(other)
    features = [[extractor.sentence(s.tokens) for s in article] for article in everything]
    if other:
        augmented = DomainFeatures()
        features = [[augmented.augment(x, domain) for x in article]
                    for article, domain in zip(features, domains, strict=True)]
    gold = [[s.tags for s in article] for article in everything]
    # the articles the second pass learns from, each in one fold; the rest in every fold
    second_pass = list(range(len(everything) if other_in_second else len(corpus)))
    fold_of = {n: place % FOLDS for place, n in enumerate(second_pass)}
    first_passes: dict[int, tuple[list[str], np.ndarray]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for fold in range(FOLDS):
            inside = [n for n in range(len(everything)) if fold_of.get(n) != fold]
            path = Path(scratch) / f"fold{fold}.model"
            fit_crf([x for n in inside for x in features[n]],
                    [y for n in inside for y in gold[n]], path, params)
            weights = read_crfsuite(path)
            scorers = {domain: EmissionScorer(domain_view(weights, domain), extractor)
                       for domain in set(domains)}
            for n in second_pass:
                if fold_of[n] == fold:
                    first_passes[n] = _first_pass(scorers[domains[n]], everything[n])
            if report:
                print(f"fold {fold + 1} of {FOLDS} trained", flush=True)
        fit_crf([x for article in features for x in article],
                [y for article in gold for y in article], Path(scratch) / "first.model",
                params)
        first = out / FIRST_MODEL
        save_weights(first, domain_view(read_crfsuite(Path(scratch) / "first.model")))
    if report:
        print("first CRF trained", flush=True)
    sentences: list[TrainingSentence] = []
    for n in second_pass:
        article, (tags, probabilities) = everything[n], first_passes[n]
        marks = [domain_bias(domains[n])] if other_in_second else []
        words = [token for sentence in article for token in sentence.tokens]
        documents = document_features(words, tags, extractor)
        start = 0
        for sentence in article:
            end = start + len(sentence.tokens)
            sentences.append(TrainingSentence(
                own=[extractor.word_features(word)[0] + marks for word in sentence.tokens],
                keys=extractor.folded(sentence.tokens),
                phrases=[phrase_tag(f) for f in extractor.sentence_features(sentence.tokens)],
                documents=documents[start:end], first_scores=probabilities[start:end],
                tags=sentence.tags))
            start = end
    second = out / NEURAL_MODEL
    arrays = train_neural(sentences, neural or NeuralConfig(), report=report)
    save_arrays(second, neural_domain_view(arrays) if other_in_second else arrays)
    return [first, second]


def _first_pass(scorer: EmissionScorer, article: list[Sentence]
                ) -> tuple[list[str], np.ndarray]:
    """A first CRF's tags of an article's words and its label probabilities."""
    from explorer.analysis.ner.neural import label_probabilities

    words = [word for sentence in article for word in sentence.tokens]
    ends = list(itertools.accumulate(len(sentence.tokens) for sentence in article))
    tags, _, scores = scorer.tag(words, list(zip([0, *ends[:-1]], ends, strict=True)))
    return tags, label_probabilities(scores, scorer.weights.labels)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explorer.analysis.ner.train",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, required=True,
                        help="folder with anercorp_train.conll, aqmar_train.conll, "
                             f"aqmar_dev.conll and {WIKIFANE_FILE}")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="where the model files go")
    parser.add_argument("--lexicon", type=Path, default=HUNSPELL_AR,
                        help="hunspell .dic of Arabic words (default: %(default)s)")
    parser.add_argument("--dev", action="store_true",
                        help="hold out a dev part, train on the rest and report dev scores")
    parser.add_argument("--dev-part", type=int, choices=range(1, DEV_PARTS + 1),
                        default=DEV_PARTS, metavar="K",
                        help="with --dev, hold out the K-th sixth of ANERcorp train "
                             "(default: the last)")
    parser.add_argument("--wikifane", choices=("none", "crf", "both"), default="both",
                        help=f"train with {WIKIFANE_FILE} too: not at all, the first CRF "
                             "only, or both passes (default: %(default)s, as shipped)")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.05)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--epochs", type=int, default=NeuralConfig().epochs,
                        help="passes of the neural second pass over the data "
                             "(default: %(default)s)")
    parser.add_argument("--seed", type=int, default=NeuralConfig().seed,
                        help="seed of the neural second pass (default: %(default)s)")
    args = parser.parse_args(argv)
    if not args.lexicon.is_file():
        print(f"train: {args.lexicon}: no such dictionary (apt-get install hunspell-ar)",
              file=sys.stderr)
        return 2
    began = time.monotonic()
    try:
        training, dev_sets = split_corpora(args.corpora, args.dev, args.dev_part)
        other = wikifane_articles(args.corpora) if args.wikifane != "none" else []
    except ConllError as error:
        print(f"train: {error}", file=sys.stderr)
        return 2
    first_words = [sentence.tokens[i] for article in training for sentence in article
                   for i, tag in enumerate(sentence.tags) if tag.startswith("B-")]
    write_resources(args.out, args.lexicon, first_words)
    load_resources.cache_clear()
    paths = train(training, args.out, c1=args.c1, c2=args.c2, iterations=args.iterations,
                  neural=NeuralConfig(epochs=args.epochs, seed=args.seed), report=True,
                  other=other, other_in_second=args.wikifane == "both")
    size = sum(path.stat().st_size for path in paths) / 1e6
    print(f"models: {', '.join(str(path) for path in paths)} ({size:.1f} MB, "
          f"{time.monotonic() - began:.0f} s)")
    if dev_sets:
        from explorer.analysis.ner.crf import CrfRecognizer
        from explorer.evaluation.ner_eval import evaluate, format_scores

        for institutions in (False, True):
            recognizer = CrfRecognizer(args.out, institutions=institutions)
            for name, sentences in dev_sets.items():
                print(f"== {name}, {recognizer.name}")
                print(format_scores(evaluate(recognizer, sentences)[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
