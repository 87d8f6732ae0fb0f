"""Score a NER backend on a CoNLL file: per-type and micro precision/recall/F1 on exact spans.

Each run of up to 50 consecutive sentences is given to the recogniser as one article (a
line per sentence), so document-level passes work as on real text. Counting is CoNLL's:
a predicted entity is right only when its first token, last token and type all match.
Heavy imports happen inside :func:`run`, so building the CLI parser stays cheap.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explorer.analysis.ner import Recognizer
    from explorer.analysis.ner.conll import Sentence
    from explorer.arabic.tokens import Token

ARTICLE_SENTENCES = 50
BATCH_ARTICLES = 16  # articles given to the recogniser at once (``CHUNK_MAX`` of a corpus run)
CORE_TYPES = ("PERS", "LOC", "ORG")
# What ``--ner auto`` scores without camel-tools' model: CoNLL corpora leave ministries,
# governments and parliaments untagged, which ``crf`` marks as organisations because in
# articles they are actors that speak; scored against those corpora that choice would be
# counted as errors, so the default scores the same model under the corpora's conventions.
SCORED_OFFLINE = "crf-corpus"


@dataclass(slots=True)
class Counts:
    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    by_type: dict[str, Counts] = field(default_factory=dict)

    def micro(self, types: Sequence[str]) -> Counts:
        total = Counts()
        for kind in types:
            counts = self.by_type.get(kind, Counts())
            total.correct += counts.correct
            total.predicted += counts.predicted
            total.gold += counts.gold
        return total


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("conll", metavar="FILE.conll",
                        help="\"token tag\" lines, blank between sentences")
    parser.add_argument("--ner", default="auto",
                        help="NER backend (default: auto, which scores camel when its model "
                             "is installed and otherwise crf-corpus, the shipped model under "
                             "the corpora's conventions; crf adds the app's institutions)")
    parser.add_argument("--predictions", metavar="OUT",
                        help='write "token gold predicted" lines here')


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> Scores:
    """Exact-span counts per type over aligned sentences of gold and predicted tags."""
    from explorer.analysis.ner.conll import TYPES, spans

    scores = Scores({kind: Counts() for kind in TYPES})
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans, predicted_spans = spans(list(gold_tags)), spans(list(predicted_tags))
        for _, _, kind in gold_spans:
            scores.by_type[kind].gold += 1
        for _, _, kind in predicted_spans:
            scores.by_type[kind].predicted += 1
        for _, _, kind in gold_spans & predicted_spans:
            scores.by_type[kind].correct += 1
    return scores


def predict(recognizer: Recognizer, sentences: Sequence[Sentence]) -> list[list[str]]:
    """Predicted tags per sentence, giving the recogniser 50-sentence articles (several at a
    time, as a worker of ``explorer analyze`` does)."""
    from explorer.analysis.ner.spans import tags_from_entities

    articles = split_articles(sentences)
    texts = [article_text(article) for article in articles]
    predicted: list[list[str]] = []
    for first in range(0, len(articles), BATCH_ARTICLES):
        batch = texts[first:first + BATCH_ARTICLES]
        found = recognizer.recognize_many(batch)
        for article, (_, tokens), entities in zip(articles[first:first + BATCH_ARTICLES],
                                                  batch, found, strict=True):
            tags = tags_from_entities(tokens, entities)
            for sentence in article:
                predicted.append(tags[:len(sentence.tokens)])
                tags = tags[len(sentence.tokens):]
    return predicted


def split_articles(sentences: Sequence[Sentence]) -> list[Sequence[Sentence]]:
    """Runs of ``ARTICLE_SENTENCES`` consecutive sentences, each read as one article."""
    return [sentences[begin:begin + ARTICLE_SENTENCES]
            for begin in range(0, len(sentences), ARTICLE_SENTENCES)]


def article_text(article: Sequence[Sentence]) -> tuple[str, list[Token]]:
    """The text of gold sentences as an untokenised article (a space between words, a line
    per sentence) and its tokens, which are the gold ones."""
    from explorer.arabic.tokens import Token, word_like

    tokens: list[Token] = []
    parts: list[str] = []
    position = 0
    for number, sentence in enumerate(article):
        for index, word in enumerate(sentence.tokens):
            if index:
                parts.append(" ")
                position += 1
            elif number:
                parts.append("\n")
                position += 1
            tokens.append(Token(position, position + len(word), word, word_like(word)))
            parts.append(word)
            position += len(word)
    return "".join(parts), tokens


def evaluate(recognizer: Recognizer, sentences: Sequence[Sentence]
             ) -> tuple[Scores, list[list[str]]]:
    """Scores of ``recognizer`` on gold ``sentences`` and its predicted tags."""
    predicted = predict(recognizer, sentences)
    return score([s.tags for s in sentences], predicted), predicted


def format_scores(scores: Scores) -> str:
    """A small table: per type, then micro over PERS+LOC+ORG and over all four."""
    lines = [f"{'type':<20}{'precision':>10}{'recall':>8}{'F1':>8}{'gold':>7}{'found':>7}"]

    def row(label: str, counts: Counts) -> str:
        return (f"{label:<20}{counts.precision:>10.3f}{counts.recall:>8.3f}{counts.f1:>8.3f}"
                f"{counts.gold:>7}{counts.predicted:>7}")

    for kind, counts in scores.by_type.items():
        lines.append(row(kind, counts))
    lines.append(row("micro PERS+LOC+ORG", scores.micro(CORE_TYPES)))
    lines.append(row("micro all", scores.micro(tuple(scores.by_type))))
    return "\n".join(lines)


def write_predictions(path: Path, sentences: Sequence[Sentence],
                      predicted: Sequence[Sequence[str]]) -> None:
    """"token gold predicted" lines, a blank line between sentences."""
    with path.open("w", encoding="utf-8") as out:
        for sentence, tags in zip(sentences, predicted, strict=True):
            for token, gold, guess in zip(sentence.tokens, sentence.tags, tags, strict=True):
                out.write(f"{token} {gold} {guess}\n")
            out.write("\n")


def run(args: argparse.Namespace) -> int:
    from explorer.analysis.ner import BackendUnavailable, get_recognizer
    from explorer.analysis.ner.conll import ConllError, read_conll

    try:
        sentences = read_conll(args.conll)
    except ConllError as error:
        print(f"explorer: eval ner: {error}", file=sys.stderr)
        return 2
    if not sentences:
        print(f"explorer: eval ner: {args.conll}: no tokens", file=sys.stderr)
        return 2
    try:
        recognizer = get_recognizer(args.ner, offline=SCORED_OFFLINE)
    except BackendUnavailable as error:
        print(f"explorer: eval ner: {error}", file=sys.stderr)
        return 2
    scores, predicted = evaluate(recognizer, sentences)
    print(f"{args.conll}: {sum(len(s.tokens) for s in sentences)} tokens, "
          f"backend {recognizer.name}")
    print(format_scores(scores))
    if args.predictions:
        try:
            write_predictions(Path(args.predictions), sentences, predicted)
        except OSError as error:
            print(f"explorer: eval ner: {args.predictions}: cannot write ({error.strerror})",
                  file=sys.stderr)
            return 2
    return 0
