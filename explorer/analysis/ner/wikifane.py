"""WikiFANE Gold read as the untokenised text the recogniser meets.

WikiFANE splits clitics off as tokens («و ملكال», «عاصمة ها», «ل ال...»), where news and
ANERcorp write them attached («وملكال», «عاصمتها»). Features learnt from split tokens would
never fire on real text, so the clitics are joined back before training: a proclitic
(و ف ب ل ك) to the word after it, a pronoun suffix (ه ها هم هما هن ي نا كم ك) to the word
before it, with the spelling changes the join makes («ل» + «ال» → «لل», ة → ت and ى → ي
before a suffix). The joined word keeps the tag of its content word, or the proclitic's
``B-`` when the corpus began the name at it.
"""

from __future__ import annotations

from pathlib import Path

from explorer.analysis.ner.conll import Sentence, read_conll
from explorer.arabic.clitics import PROCLITIC_LETTERS

ENCLITICS = frozenset(("ه", "ها", "هم", "هما", "هن", "ي", "نا", "كم", "ك"))


def read_wikifane(path: Path) -> list[Sentence]:
    """The sentences of a WikiFANE CoNLL file with its clitics joined to their words."""
    return [rejoin_clitics(sentence) for sentence in read_conll(path)]


def rejoin_clitics(sentence: Sentence) -> Sentence:
    """``sentence`` with split-off clitics joined to their words (see the module)."""
    tokens: list[str] = []
    tags: list[str] = []
    pending: list[tuple[str, str]] = []  # proclitics waiting for their word
    for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
        if token in PROCLITIC_LETTERS:
            pending.append((token, tag))
            continue
        if pending and _is_arabic(token):
            tag = _joined_tag([t for _, t in pending], tag)
            token = _prefix("".join(p for p, _ in pending), token)
            pending = []
        elif token in ENCLITICS and tokens and _is_arabic(tokens[-1]) and not pending:
            tokens[-1] = _suffix(tokens[-1], token, inside=tag != "O")
            continue
        for clitic, clitic_tag in pending:  # before punctuation or digits: left alone
            tokens.append(clitic)
            tags.append(clitic_tag)
        pending = []
        tokens.append(token)
        tags.append(tag)
    for clitic, clitic_tag in pending:
        tokens.append(clitic)
        tags.append(clitic_tag)
    return Sentence(tokens, tags)


def _is_arabic(token: str) -> bool:
    return "\u0621" <= token[:1] <= "\u064a"


def _joined_tag(clitic_tags: list[str], tag: str) -> str:
    begun = next((t for t in clitic_tags if t.startswith("B-")), None)
    if begun and tag == "I-" + begun[2:]:
        return begun
    return tag


def _prefix(clitics: str, word: str) -> str:
    if clitics.endswith("ل") and word.startswith("ال") and len(word) > 2:
        return clitics + word[1:]
    return clitics + word


def _suffix(word: str, suffix: str, *, inside: bool) -> str:
    if inside:  # a letter split off inside a name («المنوفي ه»), not a pronoun
        return word + suffix
    if word.endswith("ة"):
        return word[:-1] + "ت" + suffix
    if word.endswith("ى"):
        return word[:-1] + "ي" + suffix
    return word + suffix
