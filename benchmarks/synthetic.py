"""Synthetic corpora for the benchmarks: the sample articles with names, places and numbers
varied, so that 10,000 articles hold tens of thousands of different actors.

Each synthetic article copies one sample article and replaces every person the analysis
finds in it by a drawn name (a full mention by the full name, a one-word mention by the
matching word of it), every place by a drawn city, and every number by another of the same
length. The draw is seeded: the same count and seed give the same files.

    python benchmarks/synthetic.py OUT_DIR COUNT [--seed N]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.names import CITIES, person_name  # noqa: E402
from explorer.analysis.pipeline import analyze  # noqa: E402
from explorer.corpus import load  # noqa: E402
from explorer.model import Article, Entity  # noqa: E402

SAMPLES = REPO / "sample_articles"
PER_FOLDER = 1000
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Template:
    """A sample article and the spans to vary in it."""

    text: str
    people: list[Entity]
    places: list[Entity]


def templates() -> list[Template]:
    """The sample articles with their person and place mentions (found by the analysis)."""
    found = []
    for item in load([SAMPLES]):
        if isinstance(item, Article):
            entities = analyze(item).article.entities
            found.append(Template(item.text, [e for e in entities if e.type == "PERS"],
                                  [e for e in entities if e.type == "LOC"]))
    if not found:
        raise SystemExit(f"no sample articles under {SAMPLES}")
    return found


def vary(template: Template, rng: random.Random) -> str:
    """One synthetic article text from ``template``."""
    names: dict[str, list[str]] = {}
    replacements: list[tuple[int, int, str]] = []
    for entity in template.people:
        words = names.setdefault(entity.actor or entity.text, person_name(rng).split())
        count = len(entity.text.split())
        replacements.append((entity.start, entity.end,
                             " ".join(words if count > 1 else words[-1:])))
    cities: dict[str, str] = {}
    for entity in template.places:
        replacements.append((entity.start, entity.end,
                             cities.setdefault(entity.text, rng.choice(CITIES))))
    taken = [(start, end) for start, end, _ in replacements]
    for match in _NUMBER.finditer(template.text):
        if not any(start < match.end() and match.start() < end for start, end in taken):
            digits = len(match.group())
            number = str(rng.randrange(10 ** (digits - 1) if digits > 1 else 0, 10 ** digits))
            replacements.append((match.start(), match.end(), number))
    text = template.text
    for start, end, new in sorted(replacements, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def make_corpus(folder: Path, count: int, seed: int = 0,
                bases: list[Template] | None = None) -> Path:
    """Write ``count`` synthetic articles as ``.txt`` files under ``folder`` (1,000 per
    sub-folder) and return ``folder``."""
    bases = bases or templates()
    for number in range(count):
        target = folder / f"{number // PER_FOLDER:03d}" / f"article_{number:06d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article_text(bases, seed, number) + "\n", encoding="utf-8")
    return folder


def article_text(bases: list[Template], seed: int, number: int) -> str:
    """The text of article ``number`` of the corpus drawn with ``seed``: each article has its
    own draw, so any one can be made again without the others."""
    rng = random.Random(seed * 10_000_019 + number)
    return vary(bases[rng.randrange(len(bases))], rng)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    make_corpus(args.folder, args.count, args.seed)
    print(f"{args.count} articles written under {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
