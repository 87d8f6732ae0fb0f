"""An article's mentions: the recogniser's entities plus those the text's structure proves.

A title in apposition to a name («وزير الخارجية الأمريكي مايك بومبيو»), a name in a
speaker's place after a speech verb, an institution heading a sentence («أفادت الخارجية
الأمريكية أن») are mentions even when the NER missed them. They are added here, never
overlapping a recognised entity, with the roles and genders the text gives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.analysis.actors import name_words
from explorer.analysis.bylines import byline_span
from explorer.analysis.name_phrases import PhraseReader, is_given_name, words_of
from explorer.analysis.ner import curated
from explorer.arabic.clitics import PROCLITIC_LETTERS, strip_proclitics
from explorer.arabic.normalize import fold, name_key
from explorer.arabic.tokens import Token
from explorer.model import Entity

Span = tuple[int, int]
# Places, bodies and things the recogniser's lists know are no persons, as name keys.
_NOT_PERSONS = frozenset(name_key(name) for names in (
    curated.PLACES_NOT_PERSONS, curated.BODIES_NOT_PERSONS, curated.THINGS_NOT_PERSONS)
    for name in names)


@dataclass
class MentionSet:
    """Entities of one article with what the text says about each (roles, gender)."""

    text: str
    entities: list[Entity]
    roles: dict[Span, list[str]] = field(default_factory=dict)
    genders: dict[Span, str] = field(default_factory=dict)
    added: list[Entity] = field(default_factory=list)  # in the order they were added
    changes: int = 0  # mentions removed or cut so far (readers then re-index)

    def find(self, start: int, end: int) -> Entity | None:
        return next((e for e in self.entities if e.start == start and e.end == end), None)

    def overlapping(self, start: int, end: int) -> Entity | None:
        return next((e for e in self.entities if e.start < end and start < e.end), None)

    def add(self, start: int, end: int, kind: str,
            absorbs: tuple[str, ...] = ()) -> Entity | None:
        """The mention at [start, end): an existing one, a new one, or None on overlap.

        Mentions of the same type (or of the ``absorbs`` types) lying inside the new span
        are replaced by it: the recogniser's «الجلاصي» inside «منصف الجلاصي» after a title
        becomes the full name, «الجزيرة» inside «قناة الجزيرة» the channel.
        """
        existing = self.find(start, end)
        if existing is not None:
            return existing
        inside = [e for e in self.entities if e.start < end and start < e.end]
        if start >= end or any((e.type != kind and e.type not in absorbs)
                               or e.start < start or e.end > end for e in inside):
            return None
        for entity in inside:
            self.entities.remove(entity)
            self.changes += 1
        entity = Entity(start, end, self.text[start:end], kind)
        self.entities.append(entity)
        self.entities.sort(key=lambda e: (e.start, e.end))
        self.added.append(entity)
        return entity

    def add_titled_person(self, start: int, end: int, word_ends: list[int]) -> Entity | None:
        """A person named right after a title: strong evidence, so a recognised entity of
        another type running into the name («منظمة تيدروس أدهانوم» as one organisation)
        is cut back to end before it, and a recognised person running on past the name
        gives way (``word_ends``: the article's word end offsets). A name the curated
        lists know for no person («رئيس الاتحاد الأوروبي [لكرة القدم]») is none."""
        if is_listed_non_person(self.text[start:end]):
            return None
        start += _conjunction_letters(self.text[start:end].split(maxsplit=1)[0])
        first, _, rest = self.text[start:end].partition(" ")
        if rest and is_listed_non_person(first) and not is_given_name(fold(first)):
            # the place that ends a title before the name: «مدير تعليم [جازان] عثمان
            # عريبي»; nothing of a name is left in «مدير جامعتي ... وجدة المكلف»
            if fold(rest).startswith("ال") or _ordinary_word(rest.split()[0]):
                return None  # «بخليص [وبالنسبة]», «جازان [مقذوف]»
            place, start = start, end - len(rest)
            for entity in self.entities:  # the recogniser's «[بجازان عيسى ...]» too
                if entity.type == "PERS" and place <= entity.start < start < entity.end:
                    entity.start, entity.text = start, self.text[start:entity.end]
                    self.changes += 1
                if entity.type == "PERS" and entity.start == start:
                    return entity  # named already, maybe in full
        for entity in [e for e in self.entities if e.start < end and start < e.end]:
            if entity.type == "PERS" and not (entity.start >= start and entity.end > end):
                continue
            self.changes += 1
            cut = None if entity.type == "PERS" or entity.start >= start else max(
                (e for e in word_ends if entity.start < e < start), default=None)
            if cut is None:
                self.entities.remove(entity)
            else:
                entity.end = cut
                entity.text = self.text[entity.start:cut]
        return self.add(start, end, "PERS")

    def note(self, entity: Entity, *, role: str | None = None, gender: str | None = None) -> None:
        span = (entity.start, entity.end)
        if role:
            roles = self.roles.setdefault(span, [])
            if role not in roles:
                roles.append(role)
        if gender and span not in self.genders:
            self.genders[span] = gender

    def person_names(self) -> list[Entity]:
        """Person mentions of two words or more: the full names a surname can refer to."""
        return [e for e in self.entities if e.type == "PERS" and len(name_words(e.text)) > 1]

    def known_person(self, words_text: str) -> Entity | None:
        """The full-name mention that ``words_text`` (a surname, a first name or the full
        name) refers to, when exactly one person fits."""
        key = list(name_words(words_text))
        if not key:
            return None
        fits: dict[str, Entity] = {}
        for entity in self.person_names():
            full = list(name_words(entity.text))
            if full == key or full[-len(key):] == key or (len(key) == 1 and full[0] == key[0]):
                fits.setdefault(" ".join(full), entity)
        return next(iter(fits.values())) if len(fits) == 1 else None


def _ordinary_word(word: str) -> bool:
    """A dictionary word, as written or without its proclitics, that no list knows as a
    name («وجائزة», «مقذوف»; not «عثمان» or the unknown «بيشي»)."""
    from explorer.analysis.ner.resources import is_known_name, load_resources

    resources = load_resources()
    key = fold(word)
    return not is_given_name(key) and not is_known_name(resources, key) and (
        key in resources.lexicon or strip_proclitics(key)[1] in resources.lexicon)


def _conjunction_letters(word: str) -> int:
    """1 when a titled person's first word is the «و» joining him to the one before and
    a given name or a name of three letters or more the lists know («وزير الخارجية،
    [و]عادل الجبير وزير ...», «[و]بدر الحويفي»), else 0: «وليد» and «وائل» are names as
    written, and so are the unknown «ونستون», «وودرو», «وطفاء», and «وحي»."""
    from explorer.analysis.ner.resources import is_known_name, load_resources

    if not word.startswith("و"):
        return 0
    resources = load_resources()
    key = fold(word)
    rest = key[1:]
    return int(not is_known_name(resources, key) and (
        is_given_name(rest) or len(rest) >= 3 and is_known_name(resources, rest)))


def is_listed_non_person(name: str) -> bool:
    """Whether the curated lists know ``name`` for a place, body or thing, no person."""
    return name_key(name) in _NOT_PERSONS or (  # «لكرة»: a short word keeps its proclitic
        name[:1] in PROCLITIC_LETTERS and name_key(name[1:]) in _NOT_PERSONS)


def collect_mentions(text: str, tokens: list[Token], entities: list[Entity]
                     ) -> tuple[MentionSet, PhraseReader]:
    """The recogniser's entities plus persons named after or before a title, and the
    reporter of a byline (:func:`byline_span`), with roles."""
    mentions = MentionSet(text, sorted(entities, key=lambda e: (e.start, e.end)))
    reader = PhraseReader(text, words_of(tokens), mentions)
    words = reader.words
    limit = len(words)
    i = 0
    while i < limit:
        found = reader.person_after_role(i, limit) if words[i].role is not None else None
        if found is None:
            i += 1
            continue
        roles, first, last = found
        entity = mentions.add_titled_person(words[first].start, words[last].end,
                                           reader.word_ends)
        if entity is not None and entity.type == "PERS":
            for role in roles:
                mentions.note(entity, role=role.text, gender=words[role.first].role)
        i = last + 1
    byline = byline_span(text)
    if byline is not None:
        mentions.add_titled_person(*byline, reader.word_ends)
    reader.refresh(mentions)
    for entity in list(mentions.entities):
        if entity.type != "PERS":
            continue
        last = reader.word_at(entity.end - 1)
        if last is None:
            continue
        role = reader.role_after_name(last, limit)
        if role is not None:
            mentions.note(entity, role=role.text, gender=words[role.first].role)
    return mentions, reader
