"""Audit an analysis's actors: the defects a reader of the actor index would meet first.

Reads the analysis JSON that ``explorer analyze -o FILE`` writes and lists, among the
persons with most mentions, display names that are not clean (a glued proclitic,
tatweel, diacritics, presentation forms, stray whitespace), bare given names and generic
heads of bodies that span many articles (many people or bodies as one actor), and likely
splits (one person as several actors: the same surname with a like first name, or the
surname alone), likely over-merges (roles of two countries: «وزير الداخلية السعودي» and
«وزير الداخلية الكويتي» are two men, or one man and a neighbour's role) and suspicious
names (a speech verb, a particle or a thing the curated lists know for no person inside a
person's name: «بلاتر سيحضر», «لكرة القدم»). The next defect is then found by a command
rather than by luck; the output is for reading, and what it flags is a candidate, not a
verdict.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# First names this close (rapidfuzz ratio) with the same surname are likely one person
# spelt twice («ميشال بلاتيني» / «ميشيل بلاتيني»).
_LIKE_FIRST_NAMES = 75
_SURNAME_MENTIONS = 3  # a surname alone written this often is worth a look
_SPREAD = 5  # articles from which a bare given name or a generic head is one actor too many


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("analysis", type=Path, help="analysis JSON from `explorer analyze -o`")
    parser.add_argument("--top", type=int, default=300,
                        help="persons with most mentions whose names are checked (300)")
    parser.add_argument("--splits", type=int, default=50,
                        help="persons with most mentions checked for splits (50)")


@dataclass
class Audit:
    """What the audit found, each list in order of mentions."""

    unclean: list[str] = field(default_factory=list)
    spread: list[str] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)
    merges: list[str] = field(default_factory=list)
    suspicious: list[str] = field(default_factory=list)
    persons: int = 0


def audit(actors: list[dict[str, Any]], top: int = 300, splits: int = 50) -> Audit:
    """Audit the actors of an analysis (the ``actors`` list of its JSON)."""
    from explorer.analysis.actors import first_names, stays_local_name
    from explorer.arabic.clitics import PROCLITIC_LETTERS
    from explorer.arabic.normalize import clean_display, name_key

    persons = sorted((a for a in actors if a.get("type") == "PERS"),
                     key=lambda a: (-a.get("mentions", 0), a.get("id", "")))
    result = Audit(persons=len(persons))
    keys = {a["id"]: name_key(a["name"]) for a in persons}
    shown = {a["name"] for a in persons}
    given = first_names((a.get("type", ""), name_key(a["name"]), a.get("mentions", 0))
                        for a in actors)
    for actor in persons[:top]:
        name = actor["name"]
        # a proclitic the key reads as one, before a name shown elsewhere or a given name
        glued = (name[:1] in PROCLITIC_LETTERS and name_key(name[1:]) == keys[actor["id"]]
                 and (name[1:] in shown
                      or stays_local_name("PERS", name_key(name[1:]).split()[0])))
        if clean_display(name) != name or glued:
            result.unclean.append(f"{name}  ({actor.get('mentions', 0)} mentions)")
        countries = _countries(actor.get("roles", []))
        if len(countries) > 1:
            result.merges.append(f"{name}  (roles of {' and '.join(sorted(countries))})")
        odd = _not_name_words(name)
        if odd:
            result.suspicious.append(f"{name}  ({', '.join(odd)})")
    for actor in actors:
        articles = len(actor.get("articles", []))
        if articles >= _SPREAD and stays_local_name(actor.get("type", ""),
                                                    name_key(actor["name"]), given):
            result.spread.append(f"{actor['name']}  ({actor['type']}, {articles} articles)")
    by_surname: dict[str, list[dict[str, Any]]] = {}
    for actor in persons:
        words = keys[actor["id"]].split()
        if words:
            by_surname.setdefault(words[-1], []).append(actor)
    for actor in persons[:splits]:
        words = keys[actor["id"]].split()
        for other in by_surname.get(words[-1], []) if len(words) > 1 else []:
            theirs = keys[other["id"]].split()
            if other["id"] != actor["id"] and _like(words, theirs, other, given):
                result.splits.append(f"{actor['name']} ({actor.get('mentions', 0)}) / "
                                     f"{other['name']} ({other.get('mentions', 0)})")
    return result


def _countries(roles: list[str]) -> set[str]:
    """The countries whose nationality adjectives end the ``roles``
    («وزير الخارجية السعودي» → المملكة العربية السعودية)."""
    from explorer.analysis.ner.resources import nationality_key
    from explorer.analysis.ner.rules import country_of_adjective
    from explorer.arabic.normalize import fold

    found = set()
    for role in roles:
        words = role.split()
        if len(words) > 1:
            country = country_of_adjective(nationality_key(fold(words[-1])))
            if country:
                found.add(country)
    return found


def _not_name_words(name: str) -> list[str]:
    """The words of a person's name that no name holds: a speech verb or particle, or
    the whole name being a thing, place or body the curated lists know for no person."""
    from explorer.analysis.mentions import is_listed_non_person
    from explorer.analysis.speech_verbs import cue_info
    from explorer.arabic.normalize import fold

    if is_listed_non_person(name):
        return [name]
    odd = []
    for word in name.split():
        key = fold(word)
        cue = cue_info(key)
        if key in _PARTICLES or (cue is not None and cue.form == "finite"
                                 and key not in _NAME_LIKE_CUES):
            odd.append(word)
    return odd


_PARTICLES = frozenset(("في", "من", "عن", "الى", "ان", "قد", "لا", "لم", "لن", "هذا", "هذه",
                        "التي", "الذي", "كان", "كانت", "سوف"))
# Finite cue words that are also given names («طالب الرفاعي»).
_NAME_LIKE_CUES = frozenset(("طالب",))


def _like(words: list[str], theirs: list[str], other: dict[str, Any],
          given: frozenset[str]) -> bool:
    """Whether a person named ``theirs`` is likely the one named ``words`` (same surname):
    the surname alone, written a few times and no given name («بلاتر»); the same number of
    words with a like first name («ميشال» / «ميشيل»); or the same first name with other
    words between («عزام الدخيل» / «عزام بن محمد الدخيل»)."""
    from rapidfuzz import fuzz

    if len(theirs) == 1:
        return theirs[0] not in given and other.get("mentions", 0) >= _SURNAME_MENTIONS
    if words[0] == theirs[0]:
        return min(len(words), len(theirs)) == 2  # «X Y» / «X بن Z Y», not «X بن A» / «X بن B»
    return len(words) == len(theirs) and fuzz.ratio(words[0], theirs[0]) >= _LIKE_FIRST_NAMES


def report(found: Audit, top: int, splits: int) -> str:
    lines = [f"{found.persons} persons"]
    for title, items in (
            (f"names not clean among the {top} persons with most mentions", found.unclean),
            (f"bare given names and generic heads in {_SPREAD} articles or more",
             found.spread),
            (f"likely splits of the {splits} persons with most mentions", found.splits),
            (f"likely over-merges among the {top} persons with most mentions", found.merges),
            (f"suspicious names among the {top} persons with most mentions",
             found.suspicious)):
        lines.append(f"{title}: {len(items)}")
        lines.extend(f"  {item}" for item in items)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        data = json.loads(args.analysis.read_text(encoding="utf-8"))
        actors = data["actors"]
        if not isinstance(actors, list):
            raise TypeError("actors is not a list")
    except OSError as error:
        print(f"explorer: eval actors: {args.analysis}: cannot read ({error.strerror})",
              file=sys.stderr)
        return 2
    except (ValueError, KeyError, TypeError) as error:
        print(f"explorer: eval actors: {args.analysis}: not an analysis JSON ({error})",
              file=sys.stderr)
        return 2
    print(report(audit(actors, args.top, args.splits), args.top, args.splits))
    return 0
