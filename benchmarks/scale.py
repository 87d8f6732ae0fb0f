"""An archive's scale: a synthetic corpus of 300,000 articles analysed, reopened, shown by the
app, searched, and grown by 1,000 articles, each step in a fresh process
(``benchmarks/probe.py``) whose whole process tree's memory is sampled.

    python benchmarks/run.py --scale [--scale-size N] [--scale-add N] [--scale-dir DIR]

Writing 300,000 files takes minutes, so the corpus is kept under ``DIR`` and reused by a
later run of the same size, seed and generator (a stamp beside it records them, with a
digest of a few of its texts made again, so a changed generator or template never passes
for the old corpus). The analysis cache is made anew by every run, so the first opening
always analyses the whole corpus. Without ``DIR`` everything lives in a temporary folder.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from pathlib import Path

from benchmarks.synthetic import Template, article_text, make_corpus

SEED = 300
# Articles whose texts are made again to check that a kept corpus is still this generator's.
CHECKED = 25
SEARCH_QUERIES = 40


def kept_corpus(root: Path, size: int, bases: list[Template]) -> tuple[Path, bool]:
    """The synthetic corpus of ``size`` articles under ``root``, written unless a complete
    one of the same draw is there; and whether it was reused."""
    folder = root / f"corpus_{size}"
    stamp = root / f"corpus_{size}.stamp.json"
    digest = hashlib.sha256("\n".join(article_text(bases, SEED, number) for number
                                      in range(min(size, CHECKED))).encode()).hexdigest()
    wanted = {"size": size, "seed": SEED, "texts": digest}
    try:
        if json.loads(stamp.read_text(encoding="utf-8")) == wanted and folder.is_dir():
            return folder, True
    except (OSError, ValueError):
        pass
    stamp.unlink(missing_ok=True)  # a run stopped while writing leaves no stamp
    shutil.rmtree(folder, ignore_errors=True)
    make_corpus(folder, size, seed=SEED, bases=bases)
    stamp.write_text(json.dumps(wanted), encoding="utf-8")
    return folder, False


def scale_benchmark(root: Path, size: int, added: int, jobs: int | None,
                    bases: list[Template]) -> dict:
    """Every measure of the scale run (see the module's docstring), as one dict."""
    from benchmarks.run import app_available, probe

    started = time.perf_counter()
    folder, reused = kept_corpus(root, size, bases)
    prepared_s = time.perf_counter() - started
    timeout = max(600.0, size * 0.1)
    jobs_args = ["--jobs", str(jobs)] if jobs else []
    cache = root / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    analysed = probe(["open", str(folder), *jobs_args], cache, timeout)
    reopened = probe(["open", str(folder), *jobs_args], cache, timeout)
    searched = probe(["search", str(folder), "--queries", str(SEARCH_QUERIES)], cache, timeout)
    result = {
        "articles": analysed["articles"], "actors": analysed["actors"],
        "corpus_reused": reused, "corpus_prepare_s": prepared_s,
        "analyze_s": analysed["seconds"], "analyze_peak_rss_mb": analysed["tree_peak_rss_mb"],
        "reopen_s": reopened["seconds"], "reopen_peak_rss_mb": reopened["tree_peak_rss_mb"],
        "search_p50_ms": searched["search_p50_ms"], "search_p95_ms": searched["search_p95_ms"],
        "search_max_ms": searched["search_max_ms"], "search_keystrokes": searched["keystrokes"],
        "search_found_first": searched["found_first"],
        "search_found_top10": searched["found_top10"],
        "search_names_typed": searched["names_typed"],
    }
    missing = app_available()
    if missing:
        result.update(first_paint_s=None, app_list_s=None, app_article_s=None,
                      app_ready_s=None, app_peak_rss_mb=None, first_paint_note=missing)
    else:  # before the growth, which leaves the cache holding the grown corpus
        painted = probe(["paint", str(folder), repr(time.time()), "--wait", str(timeout)],
                        cache, timeout)
        result.update(first_paint_s=painted["first_paint_s"], app_list_s=painted["list_s"],
                      app_article_s=painted["article_s"], app_ready_s=painted["ready_s"],
                      app_peak_rss_mb=painted["tree_peak_rss_mb"])
    result.update(_growth(root, folder, cache, added, jobs_args, bases, timeout))
    return result


def _growth(root: Path, folder: Path, cache: Path, added: int, jobs_args: list[str],
            bases: list[Template], timeout: float) -> dict:
    """``added`` new articles analysed alone (their own fresh cache), then put into the
    analysed corpus and the corpus opened again through its cache, as the app's F5 does;
    the new articles are taken out again afterwards, so the kept corpus stays as drawn."""
    from benchmarks.run import probe

    extra = root / f"added_{added}"
    shutil.rmtree(extra, ignore_errors=True)
    make_corpus(extra, added, seed=SEED + 1, bases=bases)
    alone_cache = root / "cache_added"
    shutil.rmtree(alone_cache, ignore_errors=True)
    alone = probe(["open", str(extra), *jobs_args], alone_cache, timeout)
    inside = folder / "added"
    shutil.rmtree(inside, ignore_errors=True)
    shutil.copytree(extra, inside)
    try:
        grown = probe(["open", str(folder), *jobs_args], cache, timeout)
    finally:
        for made in (inside, alone_cache, extra):
            shutil.rmtree(made, ignore_errors=True)
    return {"added": added, "added_alone_s": alone["seconds"], "grow_s": grown["seconds"],
            "grow_ratio": grown["seconds"] / alone["seconds"],
            "grow_peak_rss_mb": grown["tree_peak_rss_mb"], "grown_articles": grown["articles"]}


def scale_table(result: dict) -> str:
    """The scale run as lines of text, each measure beside the goal of the archive issue."""
    def number(value: float | None, unit: str = "", digits: int = 1) -> str:
        return "n/a" if value is None else f"{value:,.{digits}f}{unit}"

    size = f"{result['articles']:,} articles"
    rows = [
        (f"analyse {size}", f"{number(result['analyze_s'])} s, tree peak "
         f"{number(result['analyze_peak_rss_mb'], ' MB', 0)} ({result['actors']:,} actors)", ""),
        ("reopen through the cache", f"{number(result['reopen_s'], ' s', 2)}, tree peak "
         f"{number(result['reopen_peak_rss_mb'], ' MB', 0)}", ""),
        ("app first paint", number(result["first_paint_s"], " s", 2), "≤ 1 s"),
        ("app article list usable", number(result["app_list_s"], " s", 2), "≤ 3 s"),
        ("app first article shown", number(result["app_article_s"], " s", 2), ""),
        ("app files checked", number(result["app_ready_s"], " s", 2), ""),
        ("app peak memory", number(result["app_peak_rss_mb"], " MB", 0), "≤ 1.5 GB"),
        ("actor search p50 / p95", f"{number(result['search_p50_ms'], ' ms')} / "
         f"{number(result['search_p95_ms'], ' ms')} ({result['search_keystrokes']} keystrokes; "
         f"{result['search_found_first']} of {result['search_names_typed']} names typed "
         "found first)", "p95 ≤ 30 ms"),
        (f"add {result['added']:,} articles", f"{number(result['grow_s'], ' s')} against "
         f"{number(result['added_alone_s'], ' s')} alone (×{result['grow_ratio']:.1f})", "≤ ×2"),
    ]
    width = max(len(name) for name, _, _ in rows)
    lines = [f"{name:<{width}}  {value}" + (f"   [{goal}]" if goal else "")
             for name, value, goal in rows]
    lines.append("corpus " + ("reused" if result["corpus_reused"] else "written") +
                 f" in {number(result['corpus_prepare_s'], ' s')}")
    return "\n".join(lines)
