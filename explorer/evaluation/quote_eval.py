"""Score quotes, speakers and person actors against the gold files of tests/gold/, or
against the real-news gold of tests/gold_news/quotes.json (``--news``).

A predicted quote matches a gold quote when its text contains the gold ``piece`` (each is
matched at most once); one that contains a ``borderline`` piece (a case the annotators
could not decide) counts neither way. A matched quote's speaker is right when the
predicted speaker actor's name or one of its aliases names, by :func:`same_name`, the gold
speaker's name or one of its forms; speaker accuracy is over the quotes with a named
speaker, and a quote of an unnamed source (``speaker_type`` UNKNOWN) is counted apart: it
should name no person. Person actors are compared per article: a gold person is found when
a predicted person actor of that article names it; predicted persons that match no gold
person are spurious.
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
    parser.add_argument("--news", type=Path, metavar="GOLD.json",
                        help="score the real-news gold (tests/gold_news/quotes.json) instead "
                             "of GOLD_DIR; needs --corpus")
    parser.add_argument("--corpus", type=Path, metavar="DIR",
                        help="with --news, the folder of the corpus its offsets point into")
    parser.add_argument("--part", choices=("dev", "held-out", "all"), default="all",
                        help="with --news, score the dev part, the held-out part or all")
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
    borderline: int = 0  # predicted quotes that match a borderline case: not counted
    unnamed: int = 0  # matched quotes of an unnamed source
    unnamed_named: int = 0  # ... of which the app gave to a named person
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
        """Right speakers over the matched quotes that have a named speaker."""
        named = self.matched - self.unnamed
        return self.speaker_right / named if named else 0.0

    @property
    def person_recall(self) -> float:
        total = self.persons_found + self.persons_missed
        return self.persons_found / total if total else 0.0

    @property
    def spurious_share(self) -> float:
        """Spurious person actors as a share of the person actors found."""
        return self.persons_spurious / self.persons_found if self.persons_found else 0.0


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
        if item.get("speaker_type") == "UNKNOWN":
            scores.unnamed += 1
            if actor is not None and actor.type == "PERS":
                scores.unnamed_named += 1
                scores.notes.append(f"{article.id}: unnamed source given to {actor.name}"
                                    f" [{item.get('cue')}] {piece}")
            continue
        wanted = forms.get(name_key(item.get("speaker", "")), {name_key(item.get("speaker", ""))})
        if actor is not None and any(same_name(key, want) for key in _actor_keys(actor)
                                     for want in wanted):
            scores.speaker_right += 1
        else:
            said = actor.name if actor else None
            scores.notes.append(f"{article.id}: speaker {said} instead of {item.get('speaker')}"
                                f" [{item.get('cue')}] {piece}")
    undecided = [item.get("piece", "") for item in gold.get("borderline", [])]
    uncounted = 0
    for i, quote in enumerate(quotes):
        if i in used:
            continue
        if any(piece and piece in article.text[quote.start:quote.end] for piece in undecided):
            uncounted += 1
            continue
        scores.notes.append(f"{article.id}: spurious [{quote.cue}] {quote.text[:60]}")
    scores.borderline += uncounted
    scores.predicted += len(quotes) - uncounted


def _gold_forms(gold: dict[str, Any]) -> dict[str, set[str]]:
    """Name key of every gold person/organisation/place → keys of all its forms."""
    from explorer.arabic.normalize import name_key

    result: dict[str, set[str]] = {}
    for group in ("persons", "organisations", "places"):
        for item in gold.get(group, []):
            keys = {name_key(item["name"])} | {name_key(f) for f in item.get("forms", [])}
            result[name_key(item["name"])] = keys
    return result


def same_name(predicted: str, gold: str) -> bool:
    """Whether two name keys name the same person: equal, or the words of one are among
    the other's and it is not a bare given name: «الجبير» names «عادل الجبير», and «سلمان بن
    عبدالعزيز» names «سلمان بن عبدالعزيز آل سعود», but «عادل» alone names nobody for sure.
    The gold gives each person's fullest form, the app often a shorter one."""
    ours, theirs = _compound(predicted).split(), _compound(gold).split()
    if ours == theirs:
        return bool(ours)
    short, long = sorted((ours, theirs), key=len)
    return bool(short) and set(short) <= set(long) and (len(short) > 1 or short[-1] == long[-1])


def _compound(key: str) -> str:
    """A name key with «عبد» joined to the word after it, as news writes it both ways."""
    return key.replace("عبد ", "عبد")


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
                    and any(same_name(name_key(a.name), key) for key in keys)), None)
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
        f"({scores.speaker_right}/{scores.matched - scores.unnamed}, quotes with a named "
        "speaker)",
        f"person actors: found {scores.persons_found}, missed {scores.persons_missed}, "
        f"spurious {scores.persons_spurious} (recall {scores.person_recall:.3f}, spurious "
        f"{scores.spurious_share:.1%} of found)",
    ]
    if scores.unnamed or scores.borderline:
        lines.append(f"unnamed sources: {scores.unnamed} matched, {scores.unnamed_named} of "
                     f"them given to a named person; borderline quotes not counted: "
                     f"{scores.borderline}")
    if verbose:
        lines += ["", *scores.rows, "", *scores.notes]
    return "\n".join(lines) + "\n"


def score_news(articles: list[tuple[Article, dict[str, Any]]], ner: str) -> QuoteScores:
    """Analyse the gold articles of the real-news gold together, as one corpus, and score
    each against its gold (:func:`explorer.evaluation.news_gold.load_news_gold`)."""
    from explorer.analysis.corpus_run import corpus_from
    from explorer.analysis.pipeline import analyze_many

    corpus = corpus_from(analyze_many([article for article, _ in articles], ner))
    scores = QuoteScores()
    for article, (_, gold) in zip(corpus.articles, articles, strict=True):
        score_article(corpus, article, gold, scores)
    return scores


def _run_news(args: argparse.Namespace) -> int:
    from explorer.analysis.ner import BackendUnavailable
    from explorer.evaluation.news_gold import load_news_gold
    from explorer.evaluation.person_spans import GoldError as NewsGoldError

    if args.corpus is None:
        print("explorer: eval quotes: --news needs --corpus DIR", file=sys.stderr)
        return 2
    try:
        scores = score_news(load_news_gold(args.news, args.corpus, args.part), args.ner)
    except (NewsGoldError, BackendUnavailable) as exc:
        print(f"explorer: eval quotes: {exc}", file=sys.stderr)
        return 2
    print(f"{args.news} ({args.part}), backend {args.ner}")
    sys.stdout.write(report(scores, verbose=args.verbose))
    return 0


def run(args: argparse.Namespace) -> int:
    from explorer.analysis.corpus_run import analyze_paths
    from explorer.analysis.ner import BackendUnavailable

    if args.news is not None:
        return _run_news(args)
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
