"""CRF features for one sentence of words, with per-word parts computed once and cached.

Most of what tells a name apart in Arabic news is in the word's shape and its window:
the folded form, the stem without proclitics (و ف ب ل ك ال), affixes, whether the stem
is an ordinary dictionary word, gazetteer membership, name shape (long-vowel density,
«أبو/بن/عبد» compounds), and cue words around it (titles, organisation heads, speech
verbs, nationality adjectives). Words repeat, so each word's features are built once
per process and reused; only the multi-word gazetteer match is computed per sentence.
"""

from __future__ import annotations

from explorer.analysis.ner.resources import Resources, nationality_key
from explorer.arabic.clitics import name_variants, strip_proclitics
from explorer.arabic.normalize import fold

_LONG_VOWELS = frozenset("اوي")
_NAME_LINKS = frozenset(("ابو", "ابن", "بن", "بنت", "عبد", "ام", "ال", "دي", "فان", "دو"))
_SENTENCE_END = frozenset(".!?؟")
MAX_PHRASE = 6
# Offsets of the neighbours whose cue features a word sees.
WINDOW = (-2, -1, 1, 2)


def word_shape(word: str) -> str:
    """A coarse class of the word: Arabic, Latin, digits, punctuation or mixed."""
    if word.isdigit():
        return "D"
    if not word[:1].isalnum():
        return "P"
    if all("\u0600" <= char <= "\u06ff" for char in word):
        return "A"
    if word.isascii() and word.isalpha():
        return "C" if word[:1].isupper() else "L"
    return "M"


class FeatureExtractor:
    """Builds crfsuite feature lists for sentences; keeps a cache of per-word parts."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._own: dict[str, list[str]] = {}
        self._context: dict[str, tuple[list[str], ...]] = {}
        self._keys: dict[str, tuple[str, str]] = {}

    def keys(self, word: str) -> tuple[str, str]:
        """(folded word, folded stem without proclitics), cached."""
        found = self._keys.get(word)
        if found is None:
            key = fold(word)
            found = (key, strip_proclitics(key)[1])
            self._keys[word] = found
        return found

    def _cues(self, key: str, stem: str) -> list[str]:
        """Cue flags of a word: what kind of neighbour it is for a name."""
        res = self.resources
        cues = []
        if key in res.titles or stem in res.titles:
            cues.append("title")
        if key in res.org_heads or stem in res.org_heads:
            cues.append("orghead")
        if key in res.speech_verbs or stem in res.speech_verbs:
            cues.append("speech")
        if nationality_key(stem) in res.nationalities or nationality_key(key) in res.nationalities:
            cues.append("nat")
        if key in res.given_names or stem in res.given_names:
            cues.append("given")
        if key in _NAME_LINKS:
            cues.append("link")
        return cues

    def _in_lexicon(self, key: str, stem: str) -> bool:
        lexicon = self.resources.lexicon
        if key in lexicon or stem in lexicon:
            return True
        for ending in ("ه", "ها", "هم", "ات", "ين", "ون", "ان", "ي", "يه", "ا"):
            if stem.endswith(ending) and stem[: -len(ending)] in lexicon:
                return True
        return False

    def _build(self, word: str) -> None:
        key, stem = self.keys(word)
        shape = word_shape(word)
        prefix = key[: len(key) - len(stem)]
        lexical = self._in_lexicon(key, stem) if shape == "A" else False
        gazetteer = self.resources.gazetteer
        gz = gazetteer.get(key) or gazetteer.get(stem) or gazetteer.get("ال" + stem)
        cues = self._cues(key, stem)
        vowels = sum(char in _LONG_VOWELS for char in stem)
        own = [
            "bias", "w=" + key, "s=" + stem, "p=" + prefix, "sh=" + shape,
            "x1=" + stem[-1:], "x2=" + stem[-2:], "x3=" + stem[-3:],
            "a2=" + stem[:2], "a3=" + stem[:3], "len=" + str(min(len(stem), 9)),
            "lex=" + ("1" if lexical else "0"),
            "vr=" + str(round(4 * vowels / max(len(stem), 1))),
        ]
        if gz:
            own.append("gz=" + gz)
        own.extend(cues)
        if shape == "A" and not lexical and not gz:
            own.append("oov")
        own.extend(f"{cue}|lex={int(lexical)}" for cue in cues[:1])
        self._own[word] = own
        small = ["w=" + key, "s=" + stem, "sh=" + shape, *cues]
        if lexical:
            small.append("lex")
        if gz:
            small.append("gz=" + gz)
        if shape == "P":
            small.append("punct=" + word)
        self._context[word] = tuple([f"{offset}:{f}" for f in (small if abs(offset) == 1
                                     else small[2:] + small[:1])] for offset in WINDOW)

    def _phrases(self, words: list[str]) -> list[str]:
        """Multi-word gazetteer tags (B-/I-TYPE or ''), longest match first."""
        gazetteer = self.resources.gazetteer
        keys = [self.keys(word)[0] for word in words]
        tags = [""] * len(words)
        i = 0
        while i < len(words):
            firsts = [keys[i], *(form for _, form in name_variants(keys[i]))]
            for size in range(min(MAX_PHRASE, len(words) - i), 1, -1):
                rest = keys[i + 1:i + size]
                kind = next((gazetteer[p] for p in (" ".join([f, *rest]) for f in firsts)
                             if p in gazetteer), None)
                if kind:
                    tags[i] = "B-" + kind
                    for j in range(i + 1, i + size):
                        tags[j] = "I-" + kind
                    i += size
                    break
            else:
                i += 1
        return tags

    def sentence(self, words: list[str]) -> list[list[str]]:
        """Feature lists for each word of a sentence."""
        for word in words:
            if word not in self._own:
                self._build(word)
        own = self._own
        context = self._context
        phrases = self._phrases(words)
        stems = [self.keys(word)[1] for word in words]
        count = len(words)
        sequence = []
        for i, word in enumerate(words):
            features = own[word].copy()
            for slot, offset in enumerate(WINDOW):
                j = i + offset
                if 0 <= j < count:
                    features.extend(context[words[j]][slot])
                else:
                    features.append(f"{offset}:edge")
            if phrases[i]:
                features.append("ph=" + phrases[i])
            if i > 0:
                features.append("bi=" + stems[i - 1] + "|" + stems[i])
                if phrases[i - 1]:
                    features.append("-1:ph=" + phrases[i - 1])
            if i + 1 < count and phrases[i + 1]:
                features.append("1:ph=" + phrases[i + 1])
            sequence.append(features)
        return sequence


def split_sentences(words: list[str], breaks: set[int] | None = None) -> list[tuple[int, int]]:
    """(start, end) word ranges of sentences: after . ! ? ؟ and before any index in ``breaks``."""
    ranges = []
    start = 0
    for i, word in enumerate(words):
        if breaks and i in breaks and i > start:
            ranges.append((start, i))
            start = i
        if word in _SENTENCE_END:
            ranges.append((start, i + 1))
            start = i + 1
    if start < len(words):
        ranges.append((start, len(words)))
    return ranges
