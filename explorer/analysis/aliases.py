"""A corpus folder's own corrections to the actor merge: its aliases file.

The merge joins spellings, surnames and shorter names by rule (:mod:`explorer.analysis.
actors`); a reader who finds one person split into two actors («سيب بلاتر» and «جوزيف
بلاتر») or two people made one writes it down in a file named ``.explorer-aliases`` in the
folder opened (hidden, so it is never read as an article). UTF-8 text, one rule a line;
blank lines and lines starting with ``#`` are skipped:

- ``A = B = C``: the actors named A, B and C are one (named as the one most mentioned);
- ``A != B``: an actor named A never joins the actor of B, though a rule would join them.

Names are matched as the merge matches them (:func:`explorer.arabic.normalize.name_key`):
hamza and ya forms, diacritics, tatweel, a glued proclitic and the article do not matter.
A line that cannot be read is reported (file, line and why) and skipped; the others apply.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from explorer.arabic.normalize import name_key

FILE_NAME = ".explorer-aliases"
# A file this large is no hand-written list of corrections.
MAX_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Aliases:
    """Name keys of actors to make one (``same``) or keep apart (``apart``)."""

    same: tuple[tuple[str, ...], ...] = ()
    apart: tuple[tuple[str, str], ...] = ()
    digest: str = ""  # of the file's bytes: a cached merge made without them is stale

    def __bool__(self) -> bool:
        return bool(self.same or self.apart)


def aliases_path(paths: Iterable[str | Path]) -> Path | None:
    """The aliases file of the first folder among ``paths`` (None when no folder is)."""
    for given in paths:
        if Path(given).is_dir():
            return Path(given) / FILE_NAME
    return None


def read_aliases(path: Path | None) -> tuple[Aliases, list[str]]:
    """The rules of the aliases file at ``path`` (none when it does not exist), and a
    one-line problem for each line or file that could not be read."""
    if path is None or not path.exists():
        return Aliases(), []
    try:
        if path.stat().st_size > MAX_BYTES:
            return Aliases(), [f"{path.name}: larger than {MAX_BYTES:,} bytes; not read"]
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except OSError as exc:
        return Aliases(), [f"{path.name}: cannot be read: {exc.strerror or exc}"]
    except UnicodeDecodeError:
        return Aliases(), [f"{path.name}: not UTF-8 text; not read"]
    same: list[tuple[str, ...]] = []
    apart: list[tuple[str, str]] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rule, problem = parse_rule(line)
        if problem:
            problems.append(f"{path.name}:{number}: {problem}")
        elif "!=" in line:
            apart.append((rule[0], rule[1]))
        else:
            same.append(rule)
    return Aliases(tuple(same), tuple(apart), hashlib.sha256(data).hexdigest()), problems


def parse_rule(line: str) -> tuple[tuple[str, ...], str]:
    """The name keys of one rule line, or a problem saying why the line is no rule."""
    if "!=" in line:
        parts = line.split("!=")
        if len(parts) != 2:
            return (), "«!=» keeps two names apart: write «A != B»"
    elif "=" in line:
        parts = line.split("=")
    else:
        return (), "no «=» or «!=»: write «A = B» to join two actors, «A != B» to part them"
    keys = tuple(name_key(part) for part in parts)
    if any(not key for key in keys):
        return (), "a name is empty"
    if len(set(keys)) < 2:
        return (), "the names are one name already"
    return keys, ""


def apply_aliases(joins: dict[str, str], aliases: Aliases, mentions: Mapping[str, int]
                  ) -> None:
    """Correct ``joins`` (an actor key → the key of the actor it joins, every chain
    followed) by ``aliases``, in place: first the names kept apart, then those made one.
    Actor keys are «TYPE:name key»; a rule holds for every type."""
    by_name: dict[str, list[str]] = {}
    for key in joins:
        by_name.setdefault(key.split(":", 1)[1], []).append(key)
    for name, other in aliases.apart:
        others = {joins[key] for key in by_name.get(other, [])} | set(by_name.get(other, []))
        for key in by_name.get(name, []):
            if joins[key] in others:
                joins[key] = key
    for names in aliases.same:
        members = [key for name in names for key in by_name.get(name, [])]
        targets = {joins[key] for key in members}
        if len(targets) < 2:
            continue
        weight = {target: 0 for target in targets}
        for key, joined in joins.items():
            if joined in weight:
                weight[joined] += mentions.get(key, 0)
        target = max(sorted(targets), key=lambda key: weight[key])
        for key, joined in joins.items():
            if joined in targets:
                joins[key] = target
