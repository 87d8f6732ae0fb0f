"""One measurement per process, run by ``benchmarks/run.py`` so that each starts cold and its
memory is its own. Prints one JSON object on stdout.

    python benchmarks/probe.py open DIR [--jobs N] [--no-cache]   analyse or reopen a corpus
    python benchmarks/probe.py paint DIR LAUNCHED [--wait S]      the app's first screen
    python benchmarks/probe.py search DIR [--queries N]           actor search, every actor
    python benchmarks/probe.py throughput DIR COUNT [--bert N] [--camel N] [--tiny-bert]
                                                                  versus BERT
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transformers import BertConfig

    from explorer.model import Article

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def _peak_mb() -> float:
    """This process's peak resident memory (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def open_corpus(folder: Path, jobs: int | None, cache: bool) -> dict:
    """Load, analyse (or read from the cache), merge actors and build the actor index: what
    the app does before its actor search answers. ``streamed`` counts the items reported one
    by one: 0 when the merged corpus came whole from the cache."""
    started = time.perf_counter()
    from explorer.analysis.corpus_run import analyze_paths
    from explorer.search import ActorIndex

    streamed: list[float] = []
    corpus = analyze_paths([folder], jobs=jobs, cache=cache,
                           on_item=lambda *_: streamed.append(time.perf_counter()),
                           on_ready=lambda _: streamed.append(time.perf_counter()))
    ready, last_item = streamed[-1], streamed[-2] if len(streamed) > 1 else None
    kept = time.perf_counter()
    ActorIndex(corpus.actors)
    done = time.perf_counter()
    # "seconds" is until the corpus is merged and indexed, as in the app, which shows it
    # before the merged corpus is written to the cache (cache_write_s).
    return {"seconds": done - kept + ready - started, "corpus_s": ready - started,
            "stream_s": None if last_item is None else last_item - started,
            "merge_s": None if last_item is None else ready - last_item,
            "cache_write_s": kept - ready, "index_s": done - kept,
            "streamed": len(streamed) - 1, "articles": len(corpus.articles),
            "actors": len(corpus.actors), "errors": len(corpus.errors),
            "peak_rss_mb": _peak_mb()}


def search_corpus(folder: Path, queries: int, seed: int = 0) -> dict:
    """The actor search over every actor of a corpus opened through the cache, as the app
    holds it: ``queries`` full names of its persons, drawn at random, each typed letter by
    letter (the rank of the person after the last letter is kept), then the Latin probe
    queries of ``benchmarks/run.py`` (timed only: a synthetic corpus may lack their names)."""
    import random

    from benchmarks.run import PROBES, percentile, type_queries
    from explorer.analysis.corpus_run import analyze_paths
    from explorer.search import ActorIndex

    corpus = analyze_paths([folder])
    started = time.perf_counter()
    index = ActorIndex(corpus.actors)
    build_s = time.perf_counter() - started
    people = [actor.name for actor in corpus.actors if actor.type == "PERS" and " " in actor.name]
    drawn = random.Random(seed).sample(people, min(queries, len(people)))
    latin = [(query, name) for query, name in PROBES if query.isascii()]
    _, timings, ranks = type_queries(index, corpus.actors, [(n, n) for n in drawn] + latin)
    found = [ranks[name] for name in drawn]
    return {"actors": len(corpus.actors), "index_build_s": build_s,
            "names_typed": len(drawn), "latin_queries": len(latin), "keystrokes": len(timings),
            "search_p50_ms": statistics.median(timings),
            "search_p95_ms": percentile(timings, 0.95), "search_max_ms": max(timings),
            "found_first": sum(rank == 1 for rank in found),
            "found_top10": sum(rank is not None and rank <= 10 for rank in found),
            "peak_rss_mb": _peak_mb()}


def _beside(cls: type, paths):
    """The app's style sheet path(s) made absolute, for a subclass defined elsewhere."""
    import inspect

    folder = Path(inspect.getfile(cls)).parent
    if paths is None or isinstance(paths, str | Path):
        return None if paths is None else str(folder / paths)
    return [str(folder / path) for path in paths]


def first_paint(folder: Path, launched: float, wait: float) -> dict:
    """Seconds from this process's launch to the app's first screen refresh (headless), to
    the whole corpus in the article list (``list_s``: the corpus the folder gave last time,
    when the cache keeps one), to an article shown with its mentions and quotes
    (``article_s``: after the actors of that corpus are read), and to the corpus being
    ready (``ready_s``: articles analysed, or the files checked against the cache)."""
    from explorer.tui.app import ExplorerApp

    result: dict = {}

    class Timed(ExplorerApp):
        CSS_PATH = _beside(ExplorerApp, ExplorerApp.CSS_PATH)

        def on_mount(self) -> None:
            super().on_mount()
            self.call_after_refresh(lambda: result.setdefault("first_paint_s",
                                                              time.time() - launched))

    app = Timed([folder])

    async def drive() -> None:
        async with app.run_test(size=(160, 48)):
            deadline = time.time() + wait
            while app.loading and app.return_code is None and time.time() < deadline:
                if app.index is not None or "checking for changed files" in app.sub_title:
                    result.setdefault("list_s", time.time() - launched)
                if app.current_article is not None:
                    result.setdefault("article_s", time.time() - launched)
                await asyncio.sleep(0.02)
            result["ready_s"] = None if app.loading else time.time() - launched
            result.setdefault("list_s", result["ready_s"])
            result.setdefault("article_s", result["ready_s"])
            result["articles"] = len(app.corpus.articles)

    asyncio.run(drive())
    result["peak_rss_mb"] = _peak_mb()
    return result


def throughput(folder: Path, count: int, bert_count: int, camel_count: int,
               tiny_bert: bool) -> dict:
    """The default pipeline and a BERT-base token classifier (camel-tools' NER architecture:
    12 layers, hidden 768; random weights; CPU) on one core each: the pipeline over ``count``
    articles (its per-word caches fill as a real corpus run's do), in the chunks a worker of
    ``explorer analyze`` gets, BERT over the sentences of the first ``bert_count`` of them
    (its cost per token does not depend on the words), and the same BERT run as camel-tools
    runs its NER model, over the first ``camel_count`` articles (:func:`camel_tools_path`)."""
    import torch

    from explorer.analysis.corpus_run import CHUNK_MAX
    from explorer.analysis.pipeline import analyze, analyze_many, recognizer
    from explorer.arabic.tokens import sentence_spans, tokenize
    from explorer.corpus import load
    from explorer.model import Article

    torch.set_num_threads(1)
    articles = [a for a in load([folder]) if isinstance(a, Article)][:count + 1]
    warm, articles = articles[0], articles[1:]
    recognizer("auto")
    analyze(warm)
    started = time.perf_counter()
    for start in range(0, len(articles), CHUNK_MAX):
        analyze_many(articles[start:start + CHUNK_MAX])
    pipeline_s = time.perf_counter() - started
    tokens = sum(sum(t.is_word for t in tokenize(a.text)) for a in articles)
    sentences = [[t.text for t in tokenize(article.text[s:e]) if t.is_word]
                 for article in articles[:bert_count] for s, e in sentence_spans(article.text)]
    sentences = [words for words in sentences if words]
    bert_tokens = sum(len(words) for words in sentences)

    from transformers import BertConfig, BertForTokenClassification

    config = (BertConfig(num_hidden_layers=2, hidden_size=128, num_attention_heads=2,
                         intermediate_size=512, num_labels=9) if tiny_bert
              else BertConfig(num_labels=9))  # bert-base: 12 layers, hidden 768, 12 heads
    torch.manual_seed(0)
    model = BertForTokenClassification(config).eval()
    batches = _batches(sentences, config.vocab_size, config.max_position_embeddings - 2)
    with torch.inference_mode():
        model(**batches[0])  # warm-up
        started = time.perf_counter()
        for batch in batches:
            model(**batch)
        bert_s = time.perf_counter() - started
    del model, batches  # the camel-tools run loads its own copy
    camel = camel_tools_path(articles[:camel_count], config) if camel_count else {}
    return {**camel, "articles": len(articles), "tokens": tokens, "pipeline_s": pipeline_s,
            "pipeline_articles_per_s": len(articles) / pipeline_s,
            "pipeline_tokens_per_s": tokens / pipeline_s,
            "bert_articles": min(bert_count, len(articles)), "bert_sentences": len(sentences),
            "bert_tokens": bert_tokens, "bert_s": bert_s,
            "bert_articles_per_s": min(bert_count, len(articles)) / bert_s,
            "bert_tokens_per_s": bert_tokens / bert_s,
            "bert_config": {"layers": config.num_hidden_layers, "hidden": config.hidden_size,
                            "heads": config.num_attention_heads},
            "torch_threads": torch.get_num_threads()}


def camel_tools_path(articles: list[Article], config: BertConfig) -> dict:
    """The BERT of :func:`throughput` (``config``, random weights) run through explorer's
    ``camel`` backend, that is camel-tools' own ``NERecognizer.predict``, which makes its
    input as it makes it for its real model: punctuation marks are tokens too, and every
    sentence is padded to 256 positions, 32 to a batch. The vocabulary holds every token of
    these articles whole (one piece per word, as in :func:`throughput`'s lean run), and a
    stub catalogue keeps camel-tools' data module offline."""
    import os
    import tempfile

    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    from explorer.analysis.ner.camel import CamelRecognizer
    from explorer.arabic.tokens import tokenize

    labels = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
    texts = [(article.text, tokenize(article.text)) for article in articles]
    words = sorted({token.text for _, tokens in texts for token in tokens})
    with tempfile.TemporaryDirectory() as home:
        Path(home, "catalogue.json").write_text(
            json.dumps({"version": "1.6", "packages": {}, "components": {}}), encoding="utf-8")
        model_folder = Path(home, "data", "ner", "arabert")
        model_folder.mkdir(parents=True)
        vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]
        (model_folder / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
        BertTokenizer(str(model_folder / "vocab.txt"), do_lower_case=False).save_pretrained(
            model_folder)
        settings = {**config.to_dict(), "vocab_size": len(vocab), "num_labels": len(labels),
                    "id2label": dict(enumerate(labels)),
                    "label2id": {label: i for i, label in enumerate(labels)}}
        BertForTokenClassification(BertConfig(**settings)).save_pretrained(model_folder)
        os.environ["CAMELTOOLS_DATA"] = home
        recognizer = CamelRecognizer(model_folder)
        recognizer.recognize_many([(texts[0][0][:200], tokenize(texts[0][0][:200]))])  # warm-up
        started = time.perf_counter()
        recognizer.recognize_many(texts)
        camel_s = time.perf_counter() - started
    tokens = sum(token.is_word for _, article_tokens in texts for token in article_tokens)
    return {"camel_articles": len(texts), "camel_tokens": tokens, "camel_s": camel_s,
            "camel_articles_per_s": len(texts) / camel_s, "camel_tokens_per_s": tokens / camel_s}


def _batches(sentences: list[list[str]], vocab: int, longest: int, size: int = 8) -> list:
    """Sentences as BERT inputs, ``size`` per batch padded to the longest: each word one
    id (a stable hash into the vocabulary; wordpieces would only make more tokens), between
    [CLS] and [SEP], cut at the model's 512 positions."""
    import zlib

    import torch

    ordered = sorted(sentences, key=len)
    batches = []
    for start in range(0, len(ordered), size):
        group = [[101, *(1000 + zlib.crc32(w.encode()) % (vocab - 1000) for w in words[:longest]),
                  102] for words in ordered[start:start + size]]
        width = max(len(ids) for ids in group)
        ids = torch.zeros((len(group), width), dtype=torch.long)
        mask = torch.zeros((len(group), width), dtype=torch.long)
        for row, sequence in enumerate(group):
            ids[row, :len(sequence)] = torch.tensor(sequence)
            mask[row, :len(sequence)] = 1
        batches.append({"input_ids": ids, "attention_mask": mask})
    return batches


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="probe", required=True)
    opened = sub.add_parser("open")
    opened.add_argument("folder", type=Path)
    opened.add_argument("--jobs", type=int)
    opened.add_argument("--no-cache", action="store_true")
    paint = sub.add_parser("paint")
    paint.add_argument("folder", type=Path)
    paint.add_argument("launched", type=float)
    paint.add_argument("--wait", type=float, default=600.0,
                       help="seconds to wait for the corpus to be ready")
    search = sub.add_parser("search")
    search.add_argument("folder", type=Path)
    search.add_argument("--queries", type=int, default=40)
    speed = sub.add_parser("throughput")
    speed.add_argument("folder", type=Path)
    speed.add_argument("count", type=int)
    speed.add_argument("--bert", type=int, default=10, metavar="N",
                       help="articles whose sentences BERT tags (the first N)")
    speed.add_argument("--camel", type=int, default=1, metavar="N",
                       help="articles the same BERT tags through camel-tools (the first N)")
    speed.add_argument("--tiny-bert", action="store_true")
    args = parser.parse_args()
    if args.probe == "open":
        result = open_corpus(args.folder, args.jobs, not args.no_cache)
    elif args.probe == "search":
        result = search_corpus(args.folder, args.queries)
    elif args.probe == "paint":
        result = first_paint(args.folder, args.launched, args.wait)
    else:
        result = throughput(args.folder, args.count, args.bert, args.camel, args.tiny_bert)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
