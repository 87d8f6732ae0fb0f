"""CRF features for one sentence of words, with per-word parts computed once and cached.

Most of what tells a name apart in Arabic news is in the word's shape and its window:
the folded form, the stem without proclitics (و ف ب ل ك ال), affixes, whether the stem
is an ordinary dictionary word, gazetteer membership, name shape (long-vowel density,
«أبو/بن/عبد» compounds), and cue words around it (titles, organisation heads, speech
verbs, nationality adjectives). Words repeat, so each word's features are built once
per process and reused; only the multi-word gazetteer match is computed per sentence.
"""

from __future__ import annotations

import re

from explorer.analysis.ner.resources import Resources, nationality_key
from explorer.arabic.clitics import name_variants, strip_proclitics
from explorer.arabic.normalize import fold

_ARABIC_WORD = re.compile("[\u0600-\u06ff]+")
_LONG_VOWELS = frozenset("اوي")
_NAME_LINKS = frozenset(("ابو", "ابن", "بن", "بنت", "عبد", "ام", "ال", "دي", "فان", "دو"))
_SENTENCE_END = frozenset(".!?؟")
_SUFFIXES = ("ه", "ها", "هم", "هن", "هما", "ات", "ين", "ون", "ان", "ي", "يه", "ا", "ت", "تا",
             "وا", "ته", "تها", "تهم", "نا", "كم", "يين", "يون", "يات", "اته", "اتها")
_VERB_PREFIXES = frozenset("سيتنا")
# Offsets of the neighbours whose cue features a word sees (unrolled in ``sentence``).
WINDOW = (-2, -1, 1, 2)
# Past this many distinct words the caches start again, so a very large corpus cannot grow
# them without bound (frequent words come back at once). With the row tables of both passes
# this is most of a worker's memory: on the July 2015 news, 50,000 words made the two
# workers and the main process peak at 1.54 GB together, 20,000 at 1.20 GB in the same time
# (102 s), 10,000 at 1.11 GB but in 121 s.
MAX_CACHED_WORDS = 20_000


def word_shape(word: str) -> str:
    """A coarse class of the word: Arabic, Latin, digits, punctuation or mixed."""
    if word.isdigit():
        return "D"
    if not word[:1].isalnum():
        return "P"
    if _ARABIC_WORD.fullmatch(word):
        return "A"
    if word.isascii() and word.isalpha():
        return "C" if word[:1].isupper() else "L"
    return "M"


class FeatureExtractor:
    """Builds crfsuite feature lists for sentences; keeps a cache of per-word parts.

    With ``known`` (the attributes the models have weights for), features outside it are
    left out: the tagger would ignore them anyway, after paying to convert and look them
    up. Training passes no ``known`` and gets every feature.
    """

    def __init__(self, resources: Resources, known: frozenset[str] | None = None) -> None:
        self.resources = resources
        self._keep = _any_feature if known is None else known.__contains__
        # Looked up instead of formatted and then dropped, for the features the models
        # know: for each offset of WINDOW, feature → the feature it lends at that offset;
        # (stem, next stem) → their pair feature.
        self._lent: tuple[dict[str, str], ...] | None = None
        self._bigrams: dict[tuple[str, str], str] | None = None
        if known is not None:
            self._lent, self._bigrams = _lookup_tables(known)
        self._edges = tuple(self._kept([f"{offset}:edge"]) for offset in WINDOW)
        self._own: dict[str, list[str]] = {}
        self._context: dict[str, tuple[list[str], ...]] = {}
        self._keys: dict[str, tuple[str, str]] = {}
        self._lexical_keys: dict[tuple[str, bool], int] = {}
        self._starts: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, kind in resources.gazetteer.items():
            first, *rest = phrase.split()
            if rest:
                self._index.setdefault(first, []).append((tuple(rest), kind))

    def _kept(self, features: list[str]) -> list[str]:
        """``features`` without those the models do not know."""
        keep = self._keep
        return [feature for feature in features if keep(feature)]

    def keys(self, word: str) -> tuple[str, str]:
        """(folded word, folded stem without proclitics), cached."""
        found = self._keys.get(word)
        if found is None:
            key = fold(word)
            found = (key, strip_proclitics(key)[1])
            self._keys[word] = found
        return found

    def folded(self, words: list[str]) -> list[str]:
        """Folded forms of ``words`` (cached per word)."""
        found = self._keys.get
        return [(found(word) or self.keys(word))[0] for word in words]

    def stems(self, words: list[str]) -> list[str]:
        """Folded stems without proclitics of ``words`` (cached per word)."""
        found = self._keys.get
        return [(found(word) or self.keys(word))[1] for word in words]

    def _cues(self, key: str, stem: str) -> list[str]:
        """Cue flags of a word: what kind of neighbour it is for a name."""
        res = self.resources
        if key[:1] in "وف" and len(key) > 3 and stem == key:
            stem = key[1:]  # «واكد»: a conjunction before a three-letter verb
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

    def _lexical(self, key: str, stem: str) -> int:
        """2: the word or its stem is a dictionary word; 1: it is after removing common
        affixes (suffixed pronouns, plural and feminine endings, verb prefixes); 0: not.

        The dictionary lists stems, not inflected forms, so inflection is undone by
        guesswork; names are much less often found this way than ordinary words.
        """
        lexicon = self.resources.lexicon
        forms = {key, stem}
        if key[:1] in "وف" and len(key) > 3:
            forms.add(key[1:])
        if not forms.isdisjoint(lexicon):
            return 2
        forms |= {form[2:] for form in forms if form.startswith("ال")}
        bare = set(forms)
        for form in forms:
            if not form.endswith(_SUFFIXES):  # most words: one test, not one per suffix
                continue
            for ending in _SUFFIXES:
                if form.endswith(ending) and len(form) - len(ending) >= 2:
                    if form[: -len(ending)] in lexicon:
                        return 1
                    bare.add(form[: -len(ending)])
        return 1 if any(form[:1] in _VERB_PREFIXES and len(form) > 3 and form[1:] in lexicon
                        for form in bare) else 0

    def lexical(self, word: str) -> int:
        """The dictionary test of :meth:`_lexical` for a word as written."""
        return self._lexical(*self.keys(word))

    def lexical_key(self, key: str, *, strip: bool = True) -> int:
        """The dictionary test of :meth:`_lexical` for a folded word; without ``strip`` no
        proclitic is split off (so «بيدرسون» is not read as «ب» + «يدرسون»)."""
        found = self._lexical_keys.get((key, strip))
        if found is None:
            found = self._lexical(key, strip_proclitics(key)[1] if strip else key)
            self._lexical_keys[(key, strip)] = found
        return found

    def listed(self, key: str, stem: str) -> str | None:
        """The gazetteer type of a word as written, without its proclitics, or with the
        article they replaced («بالرياض» → «الرياض»)."""
        gazetteer = self.resources.gazetteer
        return gazetteer.get(key) or gazetteer.get(stem) or gazetteer.get("ال" + stem)

    def _build(self, word: str) -> None:
        key, stem = self.keys(word)
        shape = word_shape(word)
        prefix = key[: len(key) - len(stem)]
        lexical = self._lexical(key, stem) if shape == "A" else 0
        gz = self.listed(key, stem)
        cues = self._cues(key, stem)
        vowels = sum(char in _LONG_VOWELS for char in stem)
        own = [
            "bias", "w=" + key, "s=" + stem, "p=" + prefix, "sh=" + shape,
            "x1=" + stem[-1:], "x2=" + stem[-2:], "x3=" + stem[-3:],
            "a2=" + stem[:2], "a3=" + stem[:3], "len=" + str(min(len(stem), 9)),
            "lex=" + str(lexical),
            "vr=" + str(round(4 * vowels / max(len(stem), 1))),
        ]
        if gz:
            own.append("gz=" + gz)
        own.extend(cues)
        if shape == "A" and not lexical and not gz:
            own.append("oov")
        own.extend(f"{cue}|lex={lexical}" for cue in cues[:1])
        self._own[word] = self._kept(own)
        small = ["w=" + key, "s=" + stem, "sh=" + shape, *cues]
        small.append(f"lex={lexical}")
        if gz:
            small.append("gz=" + gz)
        if shape == "P":
            small.append("punct=" + word)
        far = small[2:] + small[:1]  # what the words two away see: no word identity
        if self._lent is None:
            self._context[word] = tuple([f"{offset}:{f}" for f in (
                small if abs(offset) == 1 else far)] for offset in WINDOW)
        else:  # unrolled over WINDOW (-2, -1, +1, +2): this runs for every new word
            two_before, before, after, two_after = (lent.get for lent in self._lent)
            self._context[word] = (
                [found for f in far if (found := two_before(f))],
                [found for f in small if (found := before(f))],
                [found for f in small if (found := after(f))],
                [found for f in far if (found := two_after(f))])

    def _phrase_starts(self, word: str) -> list[tuple[tuple[str, ...], str]]:
        """Multi-word gazetteer phrases that may begin at ``word`` (longest first), cached."""
        found = self._starts.get(word)
        if found is None:
            key = self.keys(word)[0]
            firsts = [key, *(form for _, form in name_variants(key))]
            found = sorted((entry for first in firsts for entry in self._index.get(first, ())),
                           key=lambda entry: -len(entry[0]))
            self._starts[word] = found
        return found

    def _phrases(self, words: list[str]) -> list[str]:
        """Multi-word gazetteer tags (B-/I-TYPE or ''), longest match first."""
        tags = [""] * len(words)
        starts = self._starts
        # Most words begin no phrase: only those that may are looked at one by one.
        candidates = [i for i, word in enumerate(words)
                      if (starts[word] if word in starts else self._phrase_starts(word))]
        if not candidates:
            return tags
        keys = self.folded(words)
        free = 0  # the first word not inside a phrase already found
        for i in candidates:
            if i < free:
                continue
            for rest, kind in starts[words[i]]:
                if tuple(keys[i + 1:i + 1 + len(rest)]) == rest:
                    size = len(rest) + 1
                    tags[i] = "B-" + kind
                    tags[i + 1:i + size] = ["I-" + kind] * (size - 1)
                    free = i + size
                    break
        return tags

    def word_features(self, word: str) -> tuple[list[str], tuple[list[str], ...]]:
        """A word's own features and, for each offset of ``WINDOW``, the features it gives
        the word at that distance from it (built once per word, then cached)."""
        if len(self._own) > MAX_CACHED_WORDS:
            for cached in (self._own, self._context, self._keys, self._starts,
                           self._lexical_keys):
                cached.clear()
        if word not in self._own:
            self._build(word)
        return self._own[word], self._context[word]

    @property
    def edges(self) -> tuple[list[str], ...]:
        """What a word sees at each offset of ``WINDOW`` that lies past its sentence's end."""
        return self._edges

    def sentence_features(self, words: list[str]) -> list[tuple[str, ...]]:
        """The features of each word that depend on the sentence, not the word and its
        window alone: the pair with the word before it and multi-word gazetteer matches
        around it (in that order: its own match, the pair, the previous and the next
        word's matches)."""
        stems = self.stems(words)
        pairs = zip(stems, stems[1:], strict=False)  # each word with the next
        if self._bigrams is None:
            bigrams = ["bi=" + first + "|" + second for first, second in pairs]
        else:
            bigrams = list(map(self._bigrams.get, pairs))
        sequence: list[tuple[str, ...]] = [()] if words else []
        sequence.extend((bigram,) if bigram else () for bigram in bigrams)
        for i, tag in enumerate(self._phrases(words)):
            if tag:  # rare: most words are in no gazetteer phrase
                sequence[i] = ("ph=" + tag, *sequence[i])
                if i + 1 < len(words):
                    sequence[i + 1] += ("-1:ph=" + tag,)
                if i:
                    sequence[i - 1] += ("1:ph=" + tag,)
        return sequence

    def sentence(self, words: list[str]) -> list[list[str]]:
        """Every feature of each word of a sentence, as CRFsuite is trained on them."""
        parts = [self.word_features(word) for word in words]
        edges = self._edges
        # The neighbours' cue features at WINDOW (-2, -1, +1, +2), edge marks past the ends.
        around = [edges, edges, *(context for _, context in parts), edges, edges]
        return [[*own, *around[i][0], *around[i + 1][1], *around[i + 3][2], *around[i + 4][3],
                 *extra]
                for i, ((own, _), extra) in enumerate(zip(parts, self.sentence_features(words),
                                                          strict=True))]


def _any_feature(_feature: str) -> bool:
    return True


def _lookup_tables(known: frozenset[str]
                   ) -> tuple[tuple[dict[str, str], ...], dict[tuple[str, str], str]]:
    """From the features the models know, in one pass: for each offset of ``WINDOW``,
    feature → the feature it lends at that offset, and (stem, next stem) → their pair
    feature (a pair is split at every «|», so a stem holding one is found too)."""
    lent: tuple[dict[str, str], ...] = tuple({} for _ in WINDOW)
    heads = {f"{offset}:": table for offset, table in zip(WINDOW, lent, strict=True)}
    bigrams: dict[tuple[str, str], str] = {}
    for feature in known:
        if feature.startswith("bi="):
            pair = feature[3:]
            for bar in (i for i, char in enumerate(pair) if char == "|"):
                bigrams[pair[:bar], pair[bar + 1:]] = feature
            continue
        head, colon, lent_feature = feature.partition(":")
        table = heads.get(head + colon)
        if table is not None:
            table[lent_feature] = feature
    return lent, bigrams


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
