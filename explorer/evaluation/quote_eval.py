"""Score quotes, speakers and person actors against the gold files of tests/gold/.

A predicted quote matches a gold quote when its text contains the gold ``piece`` (each is
matched at most once). A matched quote's speaker is right when the predicted speaker
actor's name or one of its aliases equals, by name key, the gold speaker's name or one of
its forms. Person actors are compared per article: a gold person is found when a predicted
person actor of that article shares a name key with one of its forms; predicted persons
that match no gold person are spurious.
Heavy imports happen inside :func:`run`, so building the CLI parser stays cheap.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from explorer.model import Actor, Article, Corpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold_dir", nargs="?", default="tests/gold", metavar="GOLD_DIR")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="articles to analyse (default: sample_articles)")
    parser.add_argument("--ner", default="auto", help="NER backend (default: auto)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="per-article counts, and every missed, spurious and "
                             "misattributed quote and person")


@dataclass(slots=True)
class QuoteScores:
    """Totals over the articles that have a gold file."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    persons_found: int = 0
    persons_missed: int = 0
    persons_spurious: int = 0
    articles: int = 0
    notes: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)  # one line of counts per article

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.matched if self.matched else 0.0


class GoldError(ValueError):
    """A gold file that cannot be used; the message names the file."""


def gold_name(article_id: str) -> str:
    """The gold file name of an article id (``briefs.jsonl#2`` → ``briefs.jsonl__2.json``)."""
    return article_id.replace("#", "__") + ".json"


def read_gold(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("quotes", []), list):
        raise GoldError(f"{path}: not a gold object with a quotes list")
    return data


def score_corpus(corpus: Corpus, gold_dir: Path) -> QuoteScores:
    """Score every article of ``corpus`` that has a gold file in ``gold_dir``."""
    scores = QuoteScores()
    for article in corpus.articles:
        path = gold_dir / gold_name(article.id)
        if path.is_file():
            score_article(corpus, article, read_gold(path), scores)
    return scores


def score_article(corpus: Corpus, article: Article, gold: dict[str, Any],
                  scores: QuoteScores) -> None:
    """Add one article's counts to ``scores`` (and its line to ``scores.rows``)."""
    before = (scores.gold, scores.predicted, scores.matched, scores.speaker_right,
              scores.persons_found, scores.persons_missed, scores.persons_spurious)
    scores.articles += 1
    _score_quotes(corpus, article, gold, scores)
    _score_persons(corpus, article, gold, scores)
    after = (scores.gold, scores.predicted, scores.matched, scores.speaker_right,
             scores.persons_found, scores.persons_missed, scores.persons_spurious)
    g, p, m, r, found, missed, spurious = (b - a for a, b in zip(before, after, strict=True))
    scores.rows.append(f"{article.id}: quotes gold {g} predicted {p} matched {m}, speakers "
                       f"right {r}/{m}, persons found {found} missed {missed} "
                       f"spurious {spurious}")


def _score_quotes(corpus: Corpus, article: Article, gold: dict[str, Any],
                  scores: QuoteScores) -> None:
    from explorer.arabic.normalize import name_key

    forms = _gold_forms(gold)
    quotes = list(article.quotes)
    used: set[int] = set()
    scores.gold += len(gold.get("quotes", []))
    scores.predicted += len(quotes)
    for item in gold.get("quotes", []):
        piece = item.get("piece", "")
        index = next((i for i, q in enumerate(quotes) if i not in used and piece
                      and piece in article.text[q.start:q.end]), None)
        if index is None:
            scores.notes.append(f"{article.id}: missed [{item.get('cue')}] {piece}")
            continue
        used.add(index)
        scores.matched += 1
        quote = quotes[index]
        actor = corpus.actor_by_id.get(quote.speaker) if quote.speaker else None
        wanted = forms.get(name_key(item.get("speaker", "")), {name_key(item.get("speaker", ""))})
        if actor is not None and _actor_keys(actor) & wanted:
            scores.speaker_right += 1
        else:
            said = actor.name if actor else None
            scores.notes.append(f"{article.id}: speaker {said} instead of {item.get('speaker')}"
                                f" [{item.get('cue')}] {piece}")
    for i, quote in enumerate(quotes):
        if i not in used:
            scores.notes.append(f"{article.id}: spurious [{quote.cue}] {quote.text[:60]}")


def _gold_forms(gold: dict[str, Any]) -> dict[str, set[str]]:
    """Name key of every gold person/organisation/place → keys of all its forms."""
    from explorer.arabic.normalize import name_key

    result: dict[str, set[str]] = {}
    for group in ("persons", "organisations", "places"):
        for item in gold.get(group, []):
            keys = {name_key(item["name"])} | {name_key(f) for f in item.get("forms", [])}
            result[name_key(item["name"])] = keys
    return result


def _actor_keys(actor: Actor) -> set[str]:
    from explorer.arabic.normalize import name_key

    return {name_key(actor.name)} | {name_key(alias) for alias in actor.aliases}


def _score_persons(corpus: Corpus, article: Article, gold: dict[str, Any],
                   scores: QuoteScores) -> None:
    from explorer.arabic.normalize import name_key

    predicted = {}
    for entity in article.entities:
        if entity.type == "PERS" and entity.actor in corpus.actor_by_id:
            predicted[entity.actor] = corpus.actor_by_id[entity.actor]
    matched: set[str] = set()
    for person in gold.get("persons", []):
        keys = {name_key(person["name"])} | {name_key(f) for f in person.get("forms", [])}
        hit = next((a for a in predicted.values() if a.id not in matched
                    and name_key(a.name) in keys), None)
        if hit is None:
            scores.persons_missed += 1
            scores.notes.append(f"{article.id}: person missed {person['name']}")
        else:
            matched.add(hit.id)
            scores.persons_found += 1
    for actor in predicted.values():
        if actor.id not in matched:
            scores.persons_spurious += 1
            scores.notes.append(f"{article.id}: person spurious {actor.name}")


def report(scores: QuoteScores, *, verbose: bool = False) -> str:
    lines = [
        f"articles with gold: {scores.articles}",
        f"quotes: gold {scores.gold}, predicted {scores.predicted}, matched {scores.matched}",
        f"quote recall {scores.recall:.3f}  precision {scores.precision:.3f}  "
        f"F1 {scores.f1:.3f}",
        f"speaker accuracy {scores.speaker_accuracy:.3f} "
        f"({scores.speaker_right}/{scores.matched})",
        f"person actors: found {scores.persons_found}, missed {scores.persons_missed}, "
        f"spurious {scores.persons_spurious}",
    ]
    if verbose:
        lines += ["", *scores.rows, "", *scores.notes]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from explorer.analysis.corpus_run import analyze_paths
    from explorer.analysis.ner import BackendUnavailable

    gold_dir = Path(args.gold_dir)
    if not gold_dir.is_dir():
        print(f"explorer: eval quotes: {gold_dir}: no such gold folder", file=sys.stderr)
        return 2
    paths = args.paths or ["sample_articles"]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"explorer: eval quotes: {missing[0]}: no such file or folder", file=sys.stderr)
        return 2
    try:
        corpus = analyze_paths(paths, ner=args.ner)
        scores = score_corpus(corpus, gold_dir)
    except BackendUnavailable as exc:
        print(f"explorer: {exc}", file=sys.stderr)
        return 2
    except GoldError as exc:
        print(f"explorer: eval quotes: {exc}", file=sys.stderr)
        return 1
    for error in corpus.errors:
        print(f"explorer: {error}", file=sys.stderr)
    if not scores.articles:
        print(f"explorer: eval quotes: no article has a gold file in {gold_dir}",
              file=sys.stderr)
        return 1
    sys.stdout.write(report(scores, verbose=args.verbose))
    return 0
