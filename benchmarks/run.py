"""Speed and scale, measured side by side in one run.

    python benchmarks/run.py [--quick | --smoke] [--full] [--json FILE] [--jobs N]
    python benchmarks/run.py --scale [--scale-size N] [--scale-add N] [--scale-dir DIR]

* actor search: a name typed letter by letter over 100,000 actors, per keystroke (p50, p95),
  against ``fzf --filter`` on the same names (Debian package fzf; reported missing if absent);
* analysis throughput of the default pipeline against a BERT-base token classifier (the
  architecture of camel-tools' NER model, random weights, CPU) on the same sentences;
* on synthetic corpora of 1,000 and 10,000 articles (100,000 with ``--full``): analysis time
  on all cores, reopening through the cache, the app's first screen (headless), peak memory.

``--scale`` measures only an archive: 300,000 articles analysed, reopened, opened in the app,
searched over every actor, and 1,000 more added (``benchmarks/scale.py``).
``--quick`` measures 1,000 articles and the 100,000-actor search in about a minute; ``--smoke``
checks in seconds that every part runs (tiny sizes and a tiny BERT: its figures mean nothing).
Each corpus measurement runs in its own process (``benchmarks/probe.py``) with its own cache
folder; nothing is read from or written to the user's cache.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.names import distinct_people  # noqa: E402

PROBE = REPO / "benchmarks" / "probe.py"
SCREEN_ROWS = 40
# Typed letter by letter in the search benchmark, with the actor each must find.
PROBES = [("pompeo", "مايك بومبيو"), ("bumbiu", "مايك بومبيو"), ("trump", "دونالد ترامب"),
          ("paladino", "كارل بالادينو"), ("ilham ahmed", "إلهام أحمد"),
          ("الهام احمد", "إلهام أحمد"), ("بومبيو", "مايك بومبيو")]


@dataclass(frozen=True)
class Mode:
    sizes: tuple[int, ...]
    actors: int
    typed_names: int       # Arabic names typed in full, besides the probes
    throughput_articles: int  # analysed by the pipeline
    bert_articles: int        # of those, tagged by BERT too
    camel_articles: int       # of those, tagged by the same BERT through camel-tools
    tiny_bert: bool
    fzf_queries: int       # keystrokes given to fzf (each is one fzf process)
    throughput_runs: int = 3  # fresh processes timing pipeline and BERT; medians reported


MODES = {
    "smoke": Mode((12,), 2_000, 2, 4, 2, 1, True, 10, throughput_runs=1),
    "quick": Mode((1_000,), 100_000, 6, 100, 6, 1, False, 40),
    "default": Mode((1_000, 10_000), 100_000, 12, 300, 24, 4, False, 150),
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# --- actor search --------------------------------------------------------------------------

def search_benchmark(mode: Mode, seed: int = 0) -> dict:
    """Type names letter by letter into an :class:`ActorIndex` of ``mode.actors`` actors and
    into ``fzf --filter`` (one process per keystroke, which is how it filters a list)."""
    from explorer.model import Actor
    from explorer.search import ActorIndex

    featured = sorted({name for _, name in PROBES})
    names = [n for n in distinct_people(mode.actors, seed) if n not in featured]
    names = names[:mode.actors - len(featured)] + featured
    rng = random.Random(seed)
    actors = [Actor(f"p{i}", name, "PERS", [name.split()[-1]], [], rng.randint(1, 60))
              for i, name in enumerate(names)]
    started = time.perf_counter()
    index = ActorIndex(actors)
    build_s = time.perf_counter() - started
    targets = [(name, name) for name in rng.sample(names, mode.typed_names)] + PROBES
    keystrokes, timings, ranks = type_queries(index, actors, targets)
    result = {"actors": len(actors), "name_forms": sum(1 + len(a.aliases) for a in actors),
              "index_build_s": build_s, "keystrokes": len(timings),
              "search_p50_ms": statistics.median(timings),
              "search_p95_ms": percentile(timings, 0.95), "search_max_ms": max(timings),
              "probe_rank": {q: ranks[q] for q, _ in PROBES}}
    result.update(fzf_benchmark(actors, keystrokes, mode.fzf_queries, rng))
    return result


def type_queries(index, actors: list, targets: list[tuple[str, str]]
                 ) -> tuple[list[str], list[float], dict[str, int | None]]:
    """Each query of ``targets`` (query, name it must find) typed letter by letter into
    ``index``: every keystroke's text, its time in ms (the search and the highlights of the
    rows a screen shows), and the rank of the expected name after the last letter."""
    keystrokes: list[str] = []
    timings: list[float] = []
    ranks: dict[str, int | None] = {}
    for query, expected in targets:
        for end in range(1, len(query) + 1):
            keystrokes.append(query[:end])
            started = time.perf_counter()
            hits = index.search(query[:end])
            for hit in hits[:SCREEN_ROWS]:  # highlights are worked out for the rows drawn
                hit.positions  # noqa: B018
            timings.append((time.perf_counter() - started) * 1000)
        ranks[query] = next((rank for rank, hit in enumerate(hits, 1)
                             if actors[hit.index].name == expected), None)
    return keystrokes, timings, ranks


def fzf_benchmark(actors: list, keystrokes: list[str], count: int,
                  rng: random.Random) -> dict:
    fzf = shutil.which("fzf")
    if fzf is None:
        return {"fzf_available": False, "fzf_p50_ms": None, "fzf_p95_ms": None}
    lines = "".join(f"{form}\n" for a in actors for form in (a.name, *a.aliases))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt",
                                     delete=False) as names:
        names.write(lines)
    try:
        sample = keystrokes if len(keystrokes) <= count else rng.sample(keystrokes, count)
        timings = []
        for query in sample:
            timings.append(_fzf(fzf, names.name, query)[0])
        found = {}
        for query, expected in PROBES:
            output = _fzf(fzf, names.name, query)[1]
            found[query] = next((rank for rank, line in enumerate(output, 1)
                                 if line == expected), None)
        version = subprocess.run([fzf, "--version"], capture_output=True, text=True)
    finally:
        os.unlink(names.name)
    return {"fzf_available": True, "fzf_version": version.stdout.split()[0],
            "fzf_keystrokes": len(timings), "fzf_p50_ms": statistics.median(timings),
            "fzf_p95_ms": percentile(timings, 0.95), "fzf_probe_rank": found}


def _fzf(fzf: str, names: str, query: str) -> tuple[float, list[str]]:
    with open(names, "rb") as source:
        started = time.perf_counter()
        done = subprocess.run([fzf, "--filter", query], stdin=source, capture_output=True)
        elapsed = (time.perf_counter() - started) * 1000
    return elapsed, done.stdout.decode("utf-8", "replace").splitlines()


# --- corpora -----------------------------------------------------------------------------

class TreeMemory:
    """Samples the resident memory of a process and all its descendants (Linux /proc)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_mb = pid, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, self.sample())
            self._stop.wait(0.1)

    def sample(self) -> float:
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                    parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
        tree, frontier = {self.pid}, [self.pid]
        while frontier:
            parent = frontier.pop()
            for pid, ppid in parents.items():
                if ppid == parent and pid not in tree:
                    tree.add(pid)
                    frontier.append(pid)
        total_kb = 0
        for pid in tree:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        return total_kb / 1024


def probe(args: list[str], cache_dir: Path, timeout: float) -> dict:
    """Run one probe in a fresh process; its JSON, its wall time and its tree's peak memory."""
    env = {**os.environ, "EXPLORER_CACHE_DIR": str(cache_dir)}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(PROBE), *args], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watch = Path("/proc").is_dir()
    memory = TreeMemory(process.pid) if watch else None
    if memory:
        memory.__enter__()
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        if memory:
            memory.__exit__()
        if process.poll() is None:
            process.kill()
    if process.returncode != 0:
        raise RuntimeError(f"probe {args[0]} failed: {err.strip().splitlines()[-1:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    result["tree_peak_rss_mb"] = memory.peak_mb if memory else None
    return result


def app_available() -> str | None:
    """Why the app cannot be measured here, or None."""
    try:
        import explorer.tui.app  # noqa: F401
    except ImportError as error:
        return f"app not available ({error})"
    return None


def corpus_benchmark(size: int, jobs: int | None, work: Path, bases: list) -> dict:
    from benchmarks.synthetic import make_corpus

    folder = work / f"corpus_{size}"
    started = time.perf_counter()
    make_corpus(folder, size, seed=size, bases=bases)
    generated_s = time.perf_counter() - started
    cache = work / f"cache_{size}"
    timeout = max(600.0, size * 0.2)
    jobs_args = ["--jobs", str(jobs)] if jobs else []
    analysed = probe(["open", str(folder), *jobs_args], cache, timeout)
    reopened = probe(["open", str(folder), *jobs_args], cache, timeout)
    result = {"articles": analysed["articles"], "actors": analysed["actors"],
              "generate_s": generated_s,
              "analyze_s": analysed["seconds"], "analyze_wall_s": analysed["wall_s"],
              "analyze_cache_write_s": analysed["cache_write_s"],
              "articles_per_s": analysed["articles"] / analysed["seconds"],
              "peak_rss_mb": analysed["tree_peak_rss_mb"],
              "main_peak_rss_mb": analysed["peak_rss_mb"],
              "reopen_s": reopened["seconds"], "reopen_wall_s": reopened["wall_s"],
              "reopen_detail": {k: reopened[k] for k in (
                  "corpus_s", "stream_s", "merge_s", "index_s", "streamed")}}
    missing = app_available()
    if missing:
        result.update(first_paint_s=None, first_paint_note=missing)
        return result
    painted = probe(["paint", str(folder), repr(time.time())], cache, timeout)
    result.update(first_paint_s=painted["first_paint_s"], app_ready_s=painted["ready_s"],
                  app_peak_rss_mb=painted["tree_peak_rss_mb"])
    return result


def throughput_benchmark(mode: Mode, work: Path, bases: list) -> dict:
    from benchmarks.synthetic import make_corpus

    folder = make_corpus(work / "throughput", mode.throughput_articles + 1, seed=7,
                         bases=bases)
    args = ["throughput", str(folder), str(mode.throughput_articles),
            "--bert", str(mode.bert_articles), "--camel", str(mode.camel_articles),
            *(["--tiny-bert"] if mode.tiny_bert else [])]
    # One pass of the pipeline lasts a second or two, and this kind of machine's speed
    # wanders over seconds: a single run once gave half the throughput of the runs around
    # it. Each side's median over a few fresh processes is reported, every run kept.
    runs = [probe(args, work / "unused", 3600) for _ in range(mode.throughput_runs)]
    result = dict(runs[0])
    for side in ("pipeline", "bert", "camel"):
        middle = sorted(runs, key=lambda run: run[f"{side}_tokens_per_s"])[len(runs) // 2]
        result.update({key: value for key, value in middle.items()
                       if key.startswith(side + "_")})
    result["ratio"] = result["pipeline_tokens_per_s"] / result["bert_tokens_per_s"]
    result["camel_ratio"] = result["pipeline_tokens_per_s"] / result["camel_tokens_per_s"]
    result["runs"] = [{key: run[key] for key in ("pipeline_tokens_per_s", "bert_tokens_per_s",
                                                 "camel_tokens_per_s")} for run in runs]
    return result


# --- report ------------------------------------------------------------------------------

def _load() -> tuple[float, float, float] | None:
    return os.getloadavg() if hasattr(os, "getloadavg") else None


def machine(load_at_start: tuple[float, float, float] | None) -> dict:
    """The machine, and how busy it was when the run began and when it ended."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu": model or platform.processor(),
            "python": platform.python_version(), "system": platform.platform(),
            "load_average_start": load_at_start, "load_average_end": _load()}


def summary(search: dict, speed: dict, corpora: list[dict], mode_name: str,
            jobs: int | None, load_at_start: tuple[float, float, float] | None) -> dict:
    largest = corpora[-1]
    return {
        "mode": mode_name, "jobs": jobs or os.cpu_count(),
        "articles": largest["articles"], "actors": search["actors"],
        "search_p50_ms": search["search_p50_ms"], "search_p95_ms": search["search_p95_ms"],
        "fzf_p50_ms": search["fzf_p50_ms"], "fzf_p95_ms": search["fzf_p95_ms"],
        "pipeline_articles_per_s": speed["pipeline_articles_per_s"],
        "pipeline_tokens_per_s": speed["pipeline_tokens_per_s"],
        "bert_articles_per_s": speed["bert_articles_per_s"],
        "bert_tokens_per_s": speed["bert_tokens_per_s"], "pipeline_vs_bert": speed["ratio"],
        "camel_tokens_per_s": speed["camel_tokens_per_s"],
        "pipeline_vs_camel": speed["camel_ratio"],
        "first_paint_s": largest.get("first_paint_s"), "analyze_s": largest["analyze_s"],
        "reopen_s": largest["reopen_s"], "peak_rss_mb": largest["peak_rss_mb"],
        "search": search, "throughput": speed, "corpora": corpora,
        "machine": machine(load_at_start),
    }


def table(result: dict) -> str:
    def number(value: float | None, unit: str = "", digits: int = 1) -> str:
        return "n/a" if value is None else f"{value:,.{digits}f}{unit}"

    search, speed = result["search"], result["throughput"]
    fzf = (f"fzf --filter p95 {number(search['fzf_p95_ms'], ' ms')}"
           if search["fzf_available"] else "fzf not installed")
    rows = [
        ("actor search p50 / p95", f"{number(search['search_p50_ms'], ' ms')} / "
         f"{number(search['search_p95_ms'], ' ms')} ({search['actors']:,} actors, "
         f"{search['keystrokes']} keystrokes)", "p95 ≤ 30 ms, ≤ fzf"),
        ("  fzf --filter p50 / p95", f"{number(search['fzf_p50_ms'], ' ms')} / "
         f"{number(search['fzf_p95_ms'], ' ms')}" if search["fzf_available"] else fzf, ""),
        ("  index build", number(search["index_build_s"], " s", 2), ""),
        ("pipeline / BERT-base", f"{number(speed['pipeline_tokens_per_s'], '', 0)} / "
         f"{number(speed['bert_tokens_per_s'], '', 0)} tokens/s = ×{speed['ratio']:.0f}",
         "≥ ×100"),
        ("  the same BERT through camel-tools", f"{number(speed['camel_tokens_per_s'], '', 0)} "
         f"tokens/s: the pipeline is ×{speed['camel_ratio']:.0f}", ""),
    ]
    for corpus in result["corpora"]:
        size = f"{corpus['articles']:,} articles"
        rows += [
            (f"analyse {size}", f"{number(corpus['analyze_s'], ' s')} "
             f"({corpus['actors']:,} actors)", "≤ 60 s at 10k"),
            (f"reopen {size}", number(corpus["reopen_s"], " s", 2), "≤ 3 s at 10k"),
            (f"first paint {size}", number(corpus.get("first_paint_s"), " s", 2)
             if corpus.get("first_paint_s") is not None else corpus.get("first_paint_note",
                                                                        "n/a"), "≤ 1 s"),
            (f"peak memory {size}", number(corpus["peak_rss_mb"], " MB", 0), "≤ 1.5 GB at 10k"),
        ]
    width = max(len(name) for name, _, _ in rows)
    lines = [f"{name:<{width}}  {value}" + (f"   [{goal}]" if goal else "")
             for name, value, goal in rows]
    info = result["machine"]
    lines.append(f"machine: {info['cpus']} CPUs, {info['cpu']}, Python {info['python']}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    speed = parser.add_mutually_exclusive_group()
    speed.add_argument("--quick", action="store_true", help="1,000 articles (about a minute)")
    speed.add_argument("--smoke", action="store_true", help="tiny sizes: check that it runs")
    parser.add_argument("--full", action="store_true", help="also 100,000 articles")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the results here")
    parser.add_argument("--jobs", type=int, help="analysis processes (default: one per core)")
    scale = parser.add_argument_group("archive scale (benchmarks/scale.py)")
    scale.add_argument("--scale", action="store_true", help="measure only an archive's scale")
    scale.add_argument("--scale-size", type=int, default=300_000, metavar="N",
                       help="articles of the archive (default: 300,000)")
    scale.add_argument("--scale-add", type=int, default=1_000, metavar="N",
                       help="articles added to it (default: 1,000)")
    scale.add_argument("--scale-dir", type=Path, metavar="DIR",
                       help="keep the archive here and reuse it in later runs")
    args = parser.parse_args()
    if args.scale:
        return scale_main(args)
    name = "smoke" if args.smoke else "quick" if args.quick else "default"
    mode = MODES[name]
    if args.full:
        mode = Mode((*mode.sizes, 100_000), *list(vars(mode).values())[1:])
    from benchmarks.synthetic import templates

    load_at_start = _load()
    with tempfile.TemporaryDirectory(prefix="explorer-bench-") as work:
        search = search_benchmark(mode)
        bases = templates()
        speed = throughput_benchmark(mode, Path(work), bases)
        corpora = [corpus_benchmark(size, args.jobs, Path(work), bases) for size in mode.sizes]
    result = summary(search, speed, corpora, name, args.jobs, load_at_start)
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


def scale_main(args: argparse.Namespace) -> int:
    from benchmarks.scale import scale_benchmark, scale_table
    from benchmarks.synthetic import templates

    if args.scale_size < 1 or args.scale_add < 1:
        raise SystemExit("benchmarks/run.py: --scale-size and --scale-add must be at least 1")
    load_at_start = _load()
    with tempfile.TemporaryDirectory(prefix="explorer-scale-") as work:
        root = args.scale_dir or Path(work)
        root.mkdir(parents=True, exist_ok=True)
        result = scale_benchmark(root, args.scale_size, args.scale_add, args.jobs, templates())
    result["machine"] = machine(load_at_start)
    print(scale_table(result))
    if args.json:
        args.json.write_text(json.dumps({"scale": result}, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
