"""Word lists the NER features read: gazetteer, lexicon and the curated cue lists.

Two files under ``explorer/data/ner/`` are built by the training command and ship with
the model, so features at run time are exactly those the model was trained with:

* ``gazetteer.tsv`` — folded phrase and type: countries, regions and cities (CLDR
  territory and time-zone city names in Arabic, through babel), languages (``LANG``) and
  the curated organisations of :mod:`explorer.analysis.ner.curated`.
* ``lexicon.txt`` — folded stems of the Ayaspell Arabic dictionary (Debian package
  ``hunspell-ar``, tri-licensed GPL 2 / LGPL 2.1 / MPL 1.1; shipped under MPL 1.1): the
  "is an ordinary Arabic word" feature that tells unseen names from unseen words.
* ``names.txt`` — folded words that begin a name in the training corpora, written as
  the name begins (no proclitic): tells «لبنان» (a name) from «لِ + بنان».
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from explorer.analysis.ner import curated
from explorer.arabic.normalize import fold

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "ner"
GAZETTEER_FILE = "gazetteer.tsv"
LEXICON_FILE = "lexicon.txt"
NAMES_FILE = "names.txt"
HUNSPELL_AR = Path("/usr/share/hunspell/ar.dic")


def folded_words(words: list[str]) -> frozenset[str]:
    """The folded forms of ``words``: curated lists are written in full Arabic spelling and
    looked up by folded keys."""
    return frozenset(fold(word) for word in words)


_NATIONALITY_ENDINGS = ("يون", "يين", "يه", "ين", "ون")


def nationality_key(word_key: str) -> str:
    """A folded nationality adjective reduced to its masculine stem (الامريكيه → امريكي)."""
    if word_key.startswith("ال"):
        word_key = word_key[2:]
    if not word_key.endswith(_NATIONALITY_ENDINGS):  # most words: one test, not five
        return word_key
    for ending in _NATIONALITY_ENDINGS:
        if word_key.endswith(ending) and len(word_key) > len(ending) + 2:
            return word_key[: -len(ending)] + ("ي" if ending.startswith("ي") else "")
    return word_key


@cache
def curated_given_names() -> frozenset[str]:
    """The folded given names of :mod:`curated`, without loading the model's word lists."""
    return folded_words(curated.GIVEN_NAMES)


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything the features look words up in, all keyed by folded forms."""

    gazetteer: dict[str, str]
    lexicon: frozenset[str]
    names: frozenset[str]
    titles: frozenset[str] = folded_words(curated.TITLES)
    org_heads: frozenset[str] = folded_words(curated.ORG_HEADS)
    speech_verbs: frozenset[str] = folded_words(curated.SPEECH_VERBS)
    given_names: frozenset[str] = curated_given_names()
    institution_heads: frozenset[str] = folded_words(curated.INSTITUTION_HEADS)
    nationalities: frozenset[str] = frozenset(
        nationality_key(fold(word)) for word in curated.NATIONALITIES)


@cache
def load_resources(data_dir: Path = DATA_DIR) -> Resources:
    """The shipped word lists (read once per process)."""
    gazetteer: dict[str, str] = {}
    for line in (data_dir / GAZETTEER_FILE).read_text(encoding="utf-8").splitlines():
        phrase, _, kind = line.partition("\t")
        gazetteer[phrase] = kind
    lexicon = frozenset((data_dir / LEXICON_FILE).read_text(encoding="utf-8").split())
    names = frozenset((data_dir / NAMES_FILE).read_text(encoding="utf-8").split())
    return Resources(gazetteer, lexicon, names)


def is_known_name(resources: Resources, key: str) -> bool:
    """Whether a folded word begins a mention as written: a gazetteer entry, a given
    name, a word that begins a name in the corpora, or an organisation head."""
    return (key in resources.names or key in resources.gazetteer
            or key in resources.given_names or key in resources.org_heads
            or key in resources.institution_heads)


def build_gazetteer() -> dict[str, str]:
    """Folded phrase → type, from CLDR names in Arabic and the curated organisations."""
    import babel

    locale = babel.Locale("ar")
    gazetteer: dict[str, str] = {}
    for name in locale.languages.values():
        gazetteer[fold(name)] = "LANG"
    for zone in locale.time_zones.values():
        city = zone.get("city")
        if city:
            gazetteer[fold(city)] = "LOC"
    for code, name in locale.territories.items():
        if code not in ("001", "ZZ"):  # «العالم», «منطقة غير معروفة»
            gazetteer[fold(name)] = "LOC"
    for name in curated.NATIONALITIES.values():
        if name:
            gazetteer[fold(name)] = "LOC"
    for name in (*curated.ORGANISATIONS, *curated.CLUBS, *curated.COMPANIES):
        gazetteer[fold(name)] = "ORG"
    return dict(sorted(gazetteer.items()))


def build_lexicon(dictionary: Path = HUNSPELL_AR) -> list[str]:
    """Folded stems of a hunspell ``.dic`` file (flags, counts and section marks dropped)."""
    words: set[str] = set()
    for line in dictionary.read_text(encoding="utf-8").splitlines()[1:]:
        word = fold(line.split("/")[0].split("\t")[0])
        if word and all("\u0621" <= char <= "\u064a" for char in word):
            words.add(word)
    return sorted(words)


def build_names(first_words: list[str]) -> list[str]:
    """Folded words that begin a name in a corpus, keeping only forms without a proclitic.

    «والعراق» is dropped because «العراق» also begins a name; «لبنان» is kept because
    «بنان» does not.
    """
    from explorer.analysis.ner.spans import proclitic_cuts

    keys = {fold(word) for word in first_words}
    return sorted(key for key in keys
                  if not any(form in keys for _, form in proclitic_cuts(key)))


def write_resources(data_dir: Path, dictionary: Path = HUNSPELL_AR,
                    first_words: list[str] | None = None) -> None:
    """Rebuild ``gazetteer.tsv``, ``lexicon.txt`` and ``names.txt`` in ``data_dir``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    gazetteer = build_gazetteer()
    (data_dir / GAZETTEER_FILE).write_text(
        "".join(f"{phrase}\t{kind}\n" for phrase, kind in gazetteer.items()), encoding="utf-8")
    (data_dir / LEXICON_FILE).write_text("\n".join(build_lexicon(dictionary)) + "\n",
                                         encoding="utf-8")
    (data_dir / NAMES_FILE).write_text("\n".join(build_names(first_words or [])) + "\n",
                                       encoding="utf-8")
