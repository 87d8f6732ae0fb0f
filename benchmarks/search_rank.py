"""Where the actor search ranks the actor a query is meant to find, over a probe set.

    python benchmarks/search_rank.py ANALYSIS.json [--probes FILE] [--json OUT] [--all]

ANALYSIS.json is the output of ``explorer analyze FOLDER -o ANALYSIS.json``. Its actors are
indexed as the app indexes them (``ActorIndex(corpus.actors)``, the app's 500 hits per
query), and each probe of ``benchmarks/search_probes.json`` (a query and the intended actor's
name as displayed) is searched. The rank of a probe is the place of the first hit bearing
that name (a name split over several actors counts at its best place); a miss is a probe
whose actor is in the corpus but not among the hits; an absent one names no actor of this
corpus and is left out of the figures. Printed: each probe not at rank 1, then the mean rank
of the probes found, how many are first, the misses and the mean reciprocal rank (a miss
counts 0).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from explorer.model import Corpus  # noqa: E402
from explorer.search import ActorIndex  # noqa: E402

PROBES = REPO / "benchmarks" / "search_probes.json"


def load_probes(path: Path) -> list[tuple[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(probe["query"], probe["actor"]) for probe in data["probes"]]


def rank_probes(corpus: Corpus, probes: list[tuple[str, str]]) -> dict:
    """The rank of each probe's actor, and the figures over the set."""
    actors = corpus.actors
    index = ActorIndex(actors)
    present = {actor.name for actor in actors}
    rows = []
    for query, expected in probes:
        hits = index.search(query)
        names = [actors[hit.index].name for hit in hits]
        rank = names.index(expected) + 1 if expected in names else None
        rows.append({"query": query, "actor": expected, "rank": rank,
                     "absent": expected not in present, "first": names[0] if names else None})
    counted = [row for row in rows if not row["absent"]]
    found = [row["rank"] for row in counted if row["rank"] is not None]
    return {
        "probes": len(rows), "absent": [row["query"] for row in rows if row["absent"]],
        "mean_rank": statistics.fmean(found) if found else None,
        "at_rank_1": sum(rank == 1 for rank in found),
        "misses": [row["query"] for row in counted if row["rank"] is None],
        "mean_reciprocal_rank": (sum(1 / rank for rank in found) / len(counted)
                                 if counted else None),
        "rows": rows,
    }


def report(result: dict, every: bool) -> str:
    lines = []
    for row in result["rows"]:
        if every or row["rank"] != 1:
            where = ("absent from the corpus" if row["absent"] else
                     "missed" if row["rank"] is None else f"rank {row['rank']}")
            first = f" (first: {row['first']})" if row["rank"] != 1 and row["first"] else ""
            lines.append(f"{row['query']:>16}  {where:<10} {row['actor']}{first}")
    counted = result["probes"] - len(result["absent"])
    mean = result["mean_rank"]
    lines.append(
        f"{counted} probes: mean rank {'n/a' if mean is None else f'{mean:.2f}'}, "
        f"{result['at_rank_1']} at rank 1, {len(result['misses'])} missed"
        + (f" ({', '.join(result['misses'])})" if result["misses"] else "")
        + f", mean reciprocal rank {result['mean_reciprocal_rank'] or 0:.3f}"
        + (f"; {len(result['absent'])} absent" if result["absent"] else ""))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("analysis", type=Path, help="the JSON of explorer analyze -o")
    parser.add_argument("--probes", type=Path, default=PROBES, help="the probe set")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the ranks here")
    parser.add_argument("--all", action="store_true", help="list the probes at rank 1 too")
    args = parser.parse_args()
    started = time.perf_counter()
    corpus = Corpus.from_json(json.loads(args.analysis.read_text(encoding="utf-8")))
    result = rank_probes(corpus, load_probes(args.probes))
    print(report(result, args.all))
    print(f"{len(corpus.actors):,} actors, {time.perf_counter() - started:.1f} s",
          file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
