"""Who speaks: the subject of a speech cue, and its resolution to one of the article's actors.

The subject is read from the words after the cue (VSO: «وقال وزير الخارجية ... إن») or,
for a headline, the words before the colon. It is a name (possibly after a title), a role
alone, an institution or state, an anonymous source, a text that speaks for its issuer
(«البيان», «بيان صادر عن وزارة الداخلية», «تقارير»), or nothing (pro-drop: «وأضاف أن»).
Resolution then maps a name to its actor, a role to the person holding it in the article,
and an implicit subject to the most recent compatible speaker, using gender agreement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from explorer.analysis.actors import LocalActor
from explorer.analysis.mentions import MentionSet
from explorer.analysis.name_phrases import (
    ACCORDING_TO,
    HONORIFIC_PRONOUNS,
    OPENING_MARKS,
    PhraseReader,
    folded_set,
    is_anonymous,
    is_given_name,
    is_indefinite,
    is_org_head,
    is_org_head_key,
    is_stop,
    is_time,
)
from explorer.analysis.speech_verbs import cue_info
from explorer.arabic.normalize import fold, name_key
from explorer.model import Entity, Quote

if TYPE_CHECKING:
    from explorer.analysis.quotes import FoundQuote

SubjectKind = Literal["named", "role", "anonymous", "implicit", "referent", "document",
                      "source"]

# Adverbials that may stand between the verb and its subject («وقال، أمس، الوزير»,
# «بحسب ما أفاد به الناطق»).
_LEADING_ADVERBS = folded_set("ايضا كذلك بدوره بدورها بدورهم اليوم امس به بها له لها "
                               "بذلك معالي سمو سعاده فضيله سماحه فخامه عليه عليها عليهم منه "
                               "منها عنه عنها اليه اليها سابقا لاحقا مؤخرا حاليا مجددا مرارا "
                               "د ا م")  # «د.» doctor, «أ.» professor, «م.» engineer
# Subjects that are texts: a source that names no speaker («وأكد البيان أن»), which speaks
# for the body that issued it when the article names one.
_DOCUMENTS = folded_set(
    "البيان بيان التقرير تقرير الرساله رساله الوثيقه وثيقه النص نص المذكره الدراسه دراسه "
    "القرار المرسوم الاتفاق الاتفاقيه الصحيفه الموقع المصدر تقارير التقارير")

# The documents of _DOCUMENTS that are outlets, named again by their kind («وأضافت الصحيفة»).
_OUTLETS = folded_set("صحيفه موقع")

# What stands between a statement and its issuer: «بيان صادر عن», «البيان الذي أصدرته».
_ISSUED = folded_set("صادر الصادر صدر مشترك المشترك رسمي الرسمي اصدره اصدرته")
_ISSUED_BY = folded_set("عن من")

# How far after its first word a subject may name its person («مساعد وزير الداخلية لقطاع
# السجون اللواء حسن السوهاجي»).
_MAX_SUBJECT_WORDS = 7
# The press in general, a source no one in particular speaks for.
_PRESS = folded_set("صحف وسائل تقارير")
_PLURAL_ENDINGS = ("ون", "ين", "ان", "ات")

# Who a statement is made to, between the cue and its subject.
_AUDIENCES = folded_set("للصحفيين للصحافيين للصحافه للاعلاميين للتلفزيون للاذاعه")
_CLOSING_MARKS = frozenset("»\"”“)")

# Institutions named with their seat: «السفارة التركية في بغداد», «مكتب الأمم المتحدة في جنيف».
_LOCATED_ORGS = folded_set("سفاره قنصليه مكتب بعثه ممثليه فرع")


@dataclass(frozen=True, slots=True)
class Spoken:
    """A quote already read: in which sentence, whose (``key``, or ``None`` with the
    phrase of an unnamed source in ``text``), the gender of its verb, and whether the
    speaker was named as a statement's issuer."""

    sentence: int
    key: str | None
    gender: str | None
    issued: bool = False
    text: str | None = None


@dataclass(slots=True)
class Subject:
    """The speaker as the text gives it, before resolution to an actor."""

    kind: SubjectKind
    entity: Entity | None = None
    role: str | None = None
    text: str | None = None
    # named as the issuer of a statement, whose gender its verbs take («وقال بيان ...»)
    issued: bool = False


def read_subject(reader: PhraseReader, mentions: MentionSet, first: int, limit: int,
                 cue_gender: str | None, *, propose: bool = True) -> Subject:
    """The subject in words[first:limit] (the words between a cue and what was said).

    With ``propose`` an unknown name-shaped subject becomes a new mention; without it
    (headlines) only names already known in the article are taken.
    """
    words = reader.words
    if first < limit and words[first].text in "،,":
        return Subject("implicit")  # «وكانت الحكومة أكدت، تزامنا مع الغارات، أن»: said before
    i = past_dative(reader, first, limit)
    while i < limit and ((prayer := _prayer_at(reader, i)) or not words[i].token.is_word
                         or words[i].key in _LEADING_ADVERBS or is_time(words[i])):
        if prayer:
            i += 2  # «مؤكداً - أيده الله - عمق العلاقات»: the prayer for who speaks
            continue
        if words[i].text in OPENING_MARKS and _name_in_marks(reader, i):
            i += 1  # «وأشار "جون كيري" إلى أن», «وقالت «موبايلي» إن»: a name in marks
            continue
        if words[i].text in ":«»\"“”":
            return Subject("implicit")
        i += 1
        if i < limit and words[i].key.removeprefix("و") in ACCORDING_TO:
            # «وأشار أيضا، وحسب ملاحظاته، إلى أن»: an aside, not the subject
            i = next((k + 1 for k in range(i, limit) if words[k].text in "،,"), limit)
    if i >= limit:
        return Subject("implicit")
    word = words[i]
    if i in reader.entity_at and reader.entity_at[i][0].type == "PERS" and is_anonymous(word):
        # the recogniser's «مديرو» of «أكد مديرو التعليم»: men of a kind, not a name
        last = reader.noun_phrase(i, limit)
        return Subject("anonymous", text=" ".join(w.text for w in words[i:last + 1]
                                                     if w.token.is_word))
    if _rank_before_name(reader, i, limit):  # «وشدد الفريق أول صدقي صبحي على أن»
        return read_subject(reader, mentions, i + 1 + (words[i + 1].key in _RANK_GRADES),
                            limit, cue_gender, propose=propose)
    unnamed = _unnamed_body(reader, i, limit)
    if unnamed is not None:
        return unnamed
    group = reader.group_at(i, limit)
    if group is not None:  # «أكد عدد من المختصين», «حذر بعض المحللين»
        return Subject("anonymous", text=" ".join(w.text for w in words[i:group + 1]
                                                     if w.token.is_word))
    if i in reader.entity_at:
        entity, last = reader.entity_at[i]
        if entity.type == "PERS":
            entity, last = _whole_name(reader, mentions, entity, i, last, limit)
            _note_role_after(reader, mentions, entity, last, limit, cue_gender)
        elif entity.type == "ORG":
            # the recogniser's «السفارة التركية» of «السفارة التركية في بغداد»
            org_last = reader.org_at(i, limit)
            if org_last is not None and org_last > last:
                entity = _add_organisation(reader, mentions, i, org_last) or entity
                reader.refresh(mentions)
        return Subject("named", entity, text=entity.text)
    if word.role is not None:
        return _role_subject(reader, mentions, i, limit, cue_gender)
    if is_anonymous(word):
        last = reader.noun_phrase(i, limit)
        return Subject("anonymous", text=" ".join(w.text for w in words[i:last + 1]
                                                     if w.token.is_word))
    if fold(word.text) in _DOCUMENTS:
        # a statement, report or paper reports for the body named with it («وقال بيان
        # صادر عن وزارة الداخلية إن»), else for an unnamed source: «وقالت تقارير
        # عسكرية إن», «وحسب البيان»; the quote stays, with no speaker named
        return _issuer_after(reader, mentions, i, limit) or Subject("source", text=word.text)
    org_last = reader.org_at(i, limit)
    office_of = reader.entity_at.get(i + 1)
    if org_last == i and office_of is not None and office_of[0].type == "PERS":
        return Subject("named", office_of[0], text=office_of[0].text)  # «مكتب نتنياهو»
    if org_last is not None:
        entity = _add_organisation(reader, mentions, i, org_last)
        if entity is not None:
            reader.refresh(mentions)
            return Subject("named", entity, text=entity.text)
    subject = _name_subject(reader, mentions, i, limit, cue_gender, propose)
    if subject.kind == "document":
        return _person_after_noun(reader, mentions, i, limit) or subject
    return subject


def _prayer_at(reader: PhraseReader, i: int) -> bool:
    """Whether a prayer for the speaker set off by a dash or bracket («- أيده الله -»,
    «(حفظه الله)») begins at word ``i``; «وكان رحمه الله يصافحني» has none."""
    from explorer.analysis.ner.rules import prayer

    if not i or reader.words[i - 1].token.is_word:
        return False
    words = reader.words[i:i + 2]
    return prayer(0, [w.text for w in words], [w.key for w in words])


# «الفريق» is a rank before a name («الفريق أول صدقي صبحي», «الفريق مميش») and the team
# elsewhere («ويرى الفريق أن»).
_RANK = folded_set("الفريق")
_RANK_GRADES = folded_set("اول ركن")


def _rank_before_name(reader: PhraseReader, i: int, limit: int) -> bool:
    """Whether word ``i`` is the rank «الفريق» before a person («أول»/«ركن» between or
    not)."""
    words = reader.words
    if words[i].key not in _RANK or i + 1 >= limit:
        return False
    name = i + 2 if words[i + 1].key in _RANK_GRADES else i + 1
    # the person, or its surname where the recogniser left out the given name («صدقي»)
    return name < limit and (_person_at(reader, name) or name + 1 < limit
                             and not is_stop(words[name]) and _person_at(reader, name + 1))


def _person_at(reader: PhraseReader, i: int) -> bool:
    """Whether a person the article names begins at word ``i``."""
    hit = reader.entity_at.get(i)
    return hit is not None and hit[0].type == "PERS"


# Adjectives that say what kind a body is without naming it («هيئة دولية», «شركة وهمية»).
_KIND_ADJECTIVES = folded_set(
    "دولية عالمية محلية حكومية رسمية خاصة خيرية مجهولة جديدة وهمية عسكرية أمنية أخرى "
    "كبرى عديدة مختلفة متخصصة")


def _unnamed_body(reader: PhraseReader, i: int, limit: int) -> Subject | None:
    """A body named only by its kind and an adjective, «صحيفة بريطانية», «محكمة أمريكية»,
    «شركة وهمية»: an unnamed source, not an actor (unlike «جامعة جدة», «صحيفة مكة»)."""
    words = reader.words
    if i + 1 >= limit or not words[i + 1].token.is_word:
        return None
    head, adjective = words[i], words[i + 1]
    if head.definite or head.key.startswith("ال") or not is_org_head(head) \
            or adjective.definite or adjective.key.startswith("ال"):
        return None
    if adjective.key not in _KIND_ADJECTIVES and _country_of(adjective.key) is None:
        return None
    last = reader.noun_phrase(i, limit)
    return Subject("anonymous", text=" ".join(w.text for w in words[i:last + 1]
                                                 if w.token.is_word))


def _country_of(key: str) -> str | None:
    """The country a folded nationality adjective names («بريطانية», «صينية»), or None."""
    from explorer.analysis.ner.resources import nationality_key
    from explorer.analysis.ner.rules import country_of_adjective

    return country_of_adjective(nationality_key(key))


def _name_in_marks(reader: PhraseReader, mark: int) -> bool:
    """Whether the quotation mark at word ``mark`` opens a person's name, or a body's
    name that the marks hold alone («قالت «كامبل سوب» أكبر شركة ...»)."""
    hit = reader.entity_at.get(mark + 1)
    if hit is None:
        return False
    after = hit[1] + 1
    return hit[0].type == "PERS" or hit[0].type == "ORG" and after < len(reader.words) \
        and reader.words[after].text in _CLOSING_MARKS


def _whole_name(reader: PhraseReader, mentions: MentionSet, entity: Entity, first: int,
                last: int, limit: int) -> tuple[Entity, int]:
    """A subject person the recogniser cut to its first name, when its surname alone, or
    a second given name and the surname, stand between it and what was said: «أكد البائع
    [حسن] الطرف أن», «المتحدث باسم وزارة الحج [حاتم] قاضي، أن», «سكرتارية عربال الدائمة
    [محمد] علي النقي أن» — after a given name, that word is the surname, even one that is
    also a noun or, without the article and before a comma, a role («قاضي»). Not an
    adverb, a time, a particle, another role («منصور رئيس نادي ...», «منصور الوزير»), a
    cue, a word behind «بـ/لـ» or another name («وقال محمد أيضا إن»)."""
    words = reader.words
    if first != last or not is_given_name(words[first].key):
        return entity, last

    def ends_at(k: int) -> bool:  # what was said, or a comma before it, right after k
        return k + 1 == limit or k + 1 < limit and words[k + 1].text in "،,"

    if ends_at(last + 1):
        surname = last + 1
    elif last + 2 < limit and ends_at(last + 2) and is_given_name(words[last + 1].key) \
            and not words[last + 1].text.endswith("ى") and last + 1 not in reader.entity_at:
        # a second given name, not the preposition «على» that folds like «علي»
        surname = last + 2
    else:
        return entity, last
    word = words[surname]
    if (not word.token.is_word or not word.key.isalpha() or is_stop(word) or is_time(word)
            or word.key in _LEADING_ADVERBS or is_indefinite(word) or cue_info(word.text)
            or word.role and (word.definite or surname + 1 >= len(words)
                              or words[surname + 1].text not in "،,")
            or word.key[:1] in "بل" or surname in reader.entity_at):
        return entity, last
    longer = mentions.add_titled_person(entity.start, word.end, reader.word_ends)
    if longer is None or longer.start != entity.start or longer.end != word.end:
        return entity, last
    reader.refresh(mentions)
    return longer, surname


def _issuer_after(reader: PhraseReader, mentions: MentionSet, i: int, limit: int
                  ) -> Subject | None:
    """The body or person a statement at ``i`` is from, named right after it: «بيان
    صادر عن وزارة الداخلية», «بيان لوزارة الدفاع العراقية», «بيان التحالف», «البيان
    الصادر عن الديوان الملكي». A place or an unnamed «مصادر» issues no statement here."""
    words = reader.words
    j = i + 1
    while j < limit and j - i <= 2 and words[j].key in _ISSUED:
        j += 1
    if j < limit and words[j].key in _ISSUED_BY:
        j += 1
    if j >= limit or not words[j].token.is_word:
        return None
    hit = reader.entity_at.get(j)
    if hit is not None:
        return Subject("named", hit[0], text=hit[0].text, issued=True) if (
            hit[0].type == "ORG") else None
    if not is_org_head(words[j]) or words[j].key != words[j].bare:
        return None  # «رسالة لي»; a body with a proclitic is taken only when recognised
    entity = _add_organisation(reader, mentions, j, reader.noun_phrase(j, limit))
    if entity is None or entity.type != "ORG":
        return None
    reader.refresh(mentions)
    return Subject("named", entity, text=entity.text, issued=True)


def _person_after_noun(reader: PhraseReader, mentions: MentionSet, i: int, limit: int
                       ) -> Subject | None:
    """A person right after a definite noun the role list lacks, as after a title
    («وتقول الطفلة شروق العالي:»), or one the recogniser found a few words on («أكد
    البائع حسن الطرف أن», «ويضيف صاحب المزرعة محمد السماعيل:»)."""
    if i + 1 < limit and i + 1 not in reader.entity_at and reader.words[i].definite:
        last = reader.name_at(i + 1, limit, check=False)  # «وتقول الطفلة شروق العالي»
        entity = None if last is None or last == i + 1 else mentions.add_titled_person(
            reader.words[i + 1].start, reader.words[last].end, reader.word_ends)
        if entity is not None:
            reader.refresh(mentions)
            return Subject("named", entity, text=entity.text)
    for k in range(i + 1, min(i + _MAX_SUBJECT_WORDS, limit)):
        hit = reader.entity_at.get(k)
        if hit is not None and hit[0].type == "PERS":
            entity, _ = _whole_name(reader, mentions, hit[0], k, hit[1], limit)
            return Subject("named", entity, text=entity.text)
        if is_stop(reader.words[k]):
            return None
    return None


def past_dative(reader: PhraseReader, first: int, limit: int) -> int:
    """Past the outlet or audience a cue is told to, before its subject: «أكد لـ«عكاظ»
    المتحدث ...», «قال لـ"الاقتصادية" عبدالرحمن المسعد», «صرح للصحفيين الوزير ...»,
    «وقالت لرويترز ...»."""
    words = reader.words
    i = first
    if i >= limit or not words[i].token.is_word:
        return first
    if words[i].text in ("لـ", "ل"):
        i += 1
        if i < limit and words[i].text in OPENING_MARKS:
            close = next((k for k in range(i + 1, min(i + 6, limit))
                          if words[k].text in _CLOSING_MARKS), None)
            return first if close is None or close + 1 >= limit else close + 1
        return i + 1 if i + 1 < limit else first
    if words[i].key in _AUDIENCES and i + 1 < limit:
        return i + 1
    told = reader.entity_at.get(i)
    if (told is not None and told[0].type == "ORG" and words[i].key[:1] == "ل"
            and told[0].start > words[i].start and told[1] < limit):
        return told[1] + 1  # «وقالت لرويترز ...», «وأضاف لقناة الجزيرة»: told to a body
    return first


def _add_organisation(reader: PhraseReader, mentions: MentionSet, first: int,
                      last: int) -> Entity | None:
    """The institution's mention over words[first..last], taking in the organisation
    names inside it («قناة الجزيرة»), the place of a mission («السفارة التركية في
    بغداد») and the place a head without the article is in construct with («شرطة مكة»,
    «وزارة خارجية التشيك»), else cut before a place or person inside it."""
    head = reader.words[first]
    takes_places = head.bare in _LOCATED_ORGS or not head.key.startswith("ال")
    while last >= first:
        start, end, _ = reader.span_text(first, last)
        entity = mentions.add(start, end, "ORG",
                              absorbs=("MISC", "LOC") if takes_places else ("MISC",))
        if entity is not None:
            return entity
        inside = mentions.overlapping(start, end)
        if inside is None or (inside.start == start and inside.end == end):
            return mentions.add(start, end, "ORG") if inside is None else inside
        if inside.start <= start:
            return inside if inside.type in ("ORG", "LOC") else None
        last = reader.word_at(inside.start) - 1
        while last >= first and (is_stop(reader.words[last])
                                 or not reader.words[last].token.is_word):
            last -= 1
    return None


def _role_subject(reader: PhraseReader, mentions: MentionSet, i: int, limit: int,
                  cue_gender: str | None) -> Subject:
    found = reader.person_after_role(i, limit)
    if found is None:
        role = reader.role_phrase(i, reader.noun_phrase(i, limit))
        return Subject("role", role=role.text, text=role.text)
    roles, first, last = found
    entity = mentions.add_titled_person(reader.words[first].start, reader.words[last].end,
                                        reader.word_ends)
    if entity is None:
        return Subject("role", role=roles[0].text, text=roles[0].text)
    reader.refresh(mentions)
    # «المتحدث الرسمي باسم وزارة الحج [حاتم] قاضي، أن»: the surname the recogniser left out
    entity, _ = _whole_name(reader, mentions, entity, first, last, limit)
    for role in roles:
        mentions.note(entity, role=role.text,
                      gender=reader.words[role.first].role or cue_gender)
    return Subject("named", entity, role=roles[0].text, text=entity.text)


def _name_subject(reader: PhraseReader, mentions: MentionSet, i: int, limit: int,
                  cue_gender: str | None, propose: bool) -> Subject:
    last = reader.name_at(i, limit, allow_definite_first=True, check=False)
    if last is None:
        word = reader.words[i]
        if is_stop(word) or word.key[:1] in "لب":
            return Subject("implicit")  # «وأضاف في بيان», «وقال لـ"الجزيرة"»
        if is_indefinite(word) or word.key.endswith(("ات", "ون", "ين")) or word.key in _PRESS:
            # «وقال معتمريْن», «كشفت منظمات حقوقية أن», «ذكرت صحف اقتصادية أن»
            return Subject("anonymous", text=word.text)
        if word.key in HONORIFIC_PRONOUNS:
            return Subject("implicit")  # «وقال سموه»: the prince named before
        return Subject("document", text=word.text)  # a subject that names no speaker
    start, end = reader.words[i].start, reader.words[last].end
    text = reader.text[start:end]
    known = mentions.known_person(text)
    if known is None and _unnamed_people(reader, i, last):
        return Subject("anonymous", text=text)  # «وقال متعاملون إن», «ويرى عسكريون أن»
    person = reader.entity_at.get(last + 1)
    if (known is None and person is not None and person[0].type == "PERS"
            and reader.describes(i, last)):
        # «وأوضح مؤلف المسرحية [نزار السليماني] أن»: what the man is, then his name («ستان
        # [لوريل]» is one name)
        entity, _ = _whole_name(reader, mentions, person[0], last + 1, person[1], limit)
        mentions.note(entity, role=text, gender=cue_gender)
        return Subject("named", entity, role=text, text=entity.text)
    if known is None and not reader.plausible_name(i, last):
        return Subject("document", text=text)
    definite = reader.words[i].definite
    if known is None and not propose:
        return Subject("implicit")
    if known is None and definite and not _nisba_surname(reader, i, last, limit):
        # «وكشفت الأرقام أن»: a thing, not a speaker; men or a body named by a common
        # plural speak unnamed («وقال المحاميان», «وأوضحت الجوازات أن»)
        if reader.words[i].key[:1] in "لبف":
            return Subject("implicit")
        if reader.words[i].key.endswith(_PLURAL_ENDINGS):
            return Subject("anonymous", text=text)
        return Subject("document", text=text)
    kind = "PERS" if known is not None else _unknown_name_type(reader, i, last, cue_gender)
    entity = mentions.add(start, end, kind)
    if entity is None:
        return Subject("implicit")
    reader.refresh(mentions)
    if entity.type == "PERS":
        _note_role_after(reader, mentions, entity, last, limit, cue_gender)
    return Subject("named", entity, text=entity.text)


def _unnamed_people(reader: PhraseReader, first: int, last: int) -> bool:
    """Whether words[first..last], read as a name after a cue, name people by what they
    are, who speak unnamed: a sound plural of a dictionary word alone («وقال متعاملون
    إن», «ويرى عسكريون أن», «أكد كثيرون»), a participle's plural in construct («وقال
    منتقدو الصفقة», «أكد منظمو التظاهرة») or with an adjective («ويقول مهندسون
    متطوعون»), or an adjective of belonging to a body («وقال داعشي آخر»). «سلمان» and
    «حمدان» are names the lists know."""
    from explorer.analysis.ner.resources import is_known_name, load_resources
    from explorer.analysis.ner.rules import (
        of_a_body,
        participles_in_construct,
        plural_of_a_kind,
        sound_plural_of_word,
    )

    resources = load_resources()
    word = reader.words[first]
    if is_known_name(resources, word.key):
        return False
    if first == last and sound_plural_of_word(word.key, resources):
        return True
    if plural_of_a_kind(word.key, resources):
        return True  # with an adjective: «ويقول مهندسون متطوعون إن»
    return (first < last and reader.words[first + 1].definite
            and participles_in_construct(word.key, resources)) or of_a_body(word.bare, resources)


def _unknown_name_type(reader: PhraseReader, first: int, last: int,
                       cue_gender: str | None) -> str:
    """A lone unknown word is a place when the gazetteer says so, or when a feminine verb
    has it as subject («تقول أنقرة إن»: states and cities are feminine); else a person."""
    from explorer.analysis.ner.resources import load_resources

    if first != last:
        return "PERS"
    kind = load_resources().gazetteer.get(reader.words[first].key)
    if kind in ("LOC", "ORG"):
        return kind
    return "LOC" if cue_gender == "f" else "PERS"


def _nisba_surname(reader: PhraseReader, first: int, last: int, limit: int) -> bool:
    """A lone definite word ending in ي right before the content or an adjunct is a
    surname («وأكد الطرابلسي أن»), not a noun such as «الجانب» or «المجتمعون»."""
    word = reader.words[first]
    after = reader.words[last + 1] if last + 1 < limit else None
    return (first == last and word.key.startswith("ال") and word.key.endswith("ي")
            and len(word.key) > 5 and (after is None or is_stop(after)))


def _note_role_after(reader: PhraseReader, mentions: MentionSet, entity: Entity, last: int,
                     limit: int, cue_gender: str | None) -> None:
    role = reader.role_after_name(last, limit)
    gender = reader.words[role.first].role if role else None
    mentions.note(entity, role=role.text if role else None, gender=gender or cue_gender)


def attribute(text: str, found: list[FoundQuote], entities: list[Entity],
              actors: list[LocalActor]) -> list[Quote]:
    """Quotes with their speaker's local actor key (see the module docstring)."""
    by_key = {actor.key: actor for actor in actors}
    quotes: list[Quote] = []
    speakers: list[Spoken] = []  # so far
    unnamed: set[int] = set()  # sentences with an unnamed source
    for item in sorted(found, key=lambda q: q.cue_at):
        subject = item.subject
        speaker: str | None = None
        named_by = subject.text if subject.kind != "implicit" else None
        if subject.kind == "named" and subject.entity is not None:
            speaker = subject.entity.actor
        elif subject.kind == "role" and subject.role:
            speaker = _role_holder(subject.role, actors, speakers)
        elif subject.kind == "referent":
            speaker = _nearest_mention(item, entities, by_key)
        elif subject.kind == "implicit":
            speaker, named_by = _implicit(item, speakers, by_key)
        elif subject.kind == "source" and (document := fold(subject.text or "")) \
                in _DOCUMENTS and document.startswith("ال"):
            speaker = _named_as(text, document[2:], entities, item, by_key) \
                or _issuer(item, speakers, entities, by_key)
        if speaker is not None:
            speakers.append(Spoken(item.sentence, speaker, item.gender,
                                   subject.issued))
        elif subject.kind in ("anonymous", "source") or named_by and item.sentence in unnamed:
            speakers.append(Spoken(item.sentence, None, item.gender,
                                   text=named_by))
            unnamed.add(item.sentence)
        quotes.append(Quote(item.start, item.end, text[item.start:item.end], item.kind,
                            item.cue, speaker, named_by))
    return sorted(quotes, key=lambda q: q.start)


def _agrees(actor: LocalActor, gender: str | None) -> bool:
    """Whether a verb of ``gender`` can have ``actor`` as subject (states are feminine)."""
    if gender is None:
        return True
    if actor.type == "PERS":
        return actor.gender in (None, gender)
    if actor.type == "LOC":
        return gender == "f"
    head = fold(actor.name).split()[0]
    if not head.startswith("ال") and not is_org_head_key(head):
        return True  # a proper name takes verbs of either gender («جوجل تطرح», «جوجل يطلق»)
    return (head.endswith("ه") or head.endswith("ات")) == (gender == "f")


def _implicit(item: FoundQuote, speakers: list[Spoken], by_key: dict[str, LocalActor]
              ) -> tuple[str | None, str | None]:
    """Pro-drop, as (speaker key, unnamed source): the speaker of an earlier cue in the
    same sentence, else the sentence's own subject («دافع الوزير ... عن المشروع، وقال:
    ...»), else the latest agreeing speaker, else the subject of the sentence before;
    else no one. The nearest person named before was right for two of seven such quotes
    on real news: a reader is better told that the speaker is not known. An unnamed
    source keeps the dropped subjects of its sentence («وحذر مصدر رسمي من أن ...، مؤكدا
    ...»; past it, the chains of named speakers run on through such quotes), and a
    body named as a statement's issuer agrees with the statement's verbs («وقال بيان
    صادر عن وزارة الداخلية ... ولفت إلى أن»)."""
    same = [spoken for spoken in speakers if spoken.sentence == item.sentence]
    if same and _speaks_on(same[-1], item.gender, by_key):
        return same[-1].key, same[-1].text
    subject = item.clause_subject
    if subject is not None and subject.actor in by_key \
            and _agrees(by_key[subject.actor], item.gender):
        return subject.actor, None
    for spoken in reversed(speakers):  # across sentences, named speakers only
        if spoken.key is not None and _speaks_on(spoken, item.gender, by_key):
            return spoken.key, None
    subject = item.previous_subject  # «زار الأمير فلان الإمارة. وقال سموه ...»
    if subject is not None and subject.actor in by_key \
            and _agrees(by_key[subject.actor], item.gender):
        return subject.actor, None
    return None, None


def _speaks_on(spoken: Spoken, gender: str | None, by_key: dict[str, LocalActor]) -> bool:
    """Whether a dropped subject of ``gender`` can be the speaker of ``spoken``."""
    if spoken.key is None:
        return gender is None or spoken.gender in (None, gender)
    return _agrees(by_key[spoken.key], gender) or (spoken.issued and gender is not None
                                                   and spoken.gender == gender)


def _issuer(item: FoundQuote, speakers: list[Spoken], entities: list[Entity],
            by_key: dict[str, LocalActor]) -> str | None:
    """Whose the statement, report or paper named with the article is («وحسب البيان»,
    «وأضافت الصحيفة»), when it is not a paper named as one before (:func:`_named_as`):
    the latest body that has spoken, else the nearest body named before; an indefinite
    one («تقارير عسكرية») is no one's in particular."""
    for spoken in reversed(speakers):
        if spoken.key is not None and by_key[spoken.key].type == "ORG":
            return spoken.key
    for entity in reversed(entities):
        if entity.start < item.cue_at and entity.actor in by_key \
                and by_key[entity.actor].type == "ORG":
            return entity.actor
    return None


def _named_as(text: str, head: str, entities: list[Entity], item: FoundQuote,
              by_key: dict[str, LocalActor]) -> str | None:
    """The nearest body before the cue written after ``head`` or beginning with it
    («نقلت صحيفة وول ستريت جورنال ...، وأضافت الصحيفة»: the paper, not «الفيفا» named
    between), when ``head`` (folded, without «ال») is a kind of outlet."""
    if head not in _OUTLETS:
        return None
    for entity in reversed(entities):
        if entity.start >= item.cue_at or entity.actor not in by_key \
                or by_key[entity.actor].type != "ORG":
            continue
        before = text[max(0, entity.start - 12):entity.start].split()
        first, *rest = [fold(word) for word in entity.text.split()] or [""]
        if rest and head in (first, first[2:]) or before and fold(before[-1]).lstrip(
                "و") in (head, "ال" + head):
            return entity.actor  # «صحيفة نيويورك تايمز», «صحيفة [ديلي ميل]», not «[صحيفة]»
    return None


def _nearest_mention(item: FoundQuote, entities: list[Entity],
                     by_key: dict[str, LocalActor]) -> str | None:
    """The closest person (or institution) named before the cue, agreeing in gender."""
    for kinds in (("PERS",), ("ORG",)):
        for entity in reversed(entities):
            if entity.start >= item.cue_at or entity.actor is None:
                continue
            actor = by_key.get(entity.actor)
            if actor is not None and actor.type in kinds and _agrees(actor, item.gender):
                return actor.key
    return None


def _role_holder(role: str, actors: list[LocalActor],
                 speakers: list[Spoken]) -> str | None:
    """The person whose role in this article is ``role``: an exact match first, then a
    longer or shorter form of it («وزير الخارجية» / «وزير الخارجية الأمريكي»); among
    several, the latest to have spoken, else the only one whose role is a longer form of
    one written in two words or more («أمير عسير» of a headline: «أمير منطقة عسير», not another
    man's «الأمير»)."""
    key = name_key(role)
    persons = [a for a in actors if a.type == "PERS"]
    exact = [a.key for a in persons if any(name_key(r) == key for r in a.roles)]
    fitting = exact or [a.key for a in persons
                        if any(_role_fits(key, name_key(r)) for r in a.roles)]
    if len(fitting) == 1:
        return fitting[0]
    spoken = [s.key for s in speakers if s.key in fitting]
    if spoken:
        return spoken[-1]
    if " " not in key:
        return None  # «الملك», «اللاعب»: one word tells too little to choose by
    longer = [a.key for a in persons if a.key in fitting
              and any(_role_lengthens(key, name_key(r)) for r in a.roles)]
    return longer[0] if len(longer) == 1 else None


def _role_lengthens(wanted: str, held: str) -> bool:
    """Whether a role a person holds says more than one as written, with a word or two
    more: «أمير منطقة عسير» for «أمير عسير» (not a long role that merely shares its
    words: «مدير إدارة التطوير في الهيئة العامة للسياحة» for «مدير هيئة السياحة»)."""
    return held.startswith(wanted + " ") or _holds_every_word(wanted, held, most_more=2)


def _role_fits(wanted: str, held: str) -> bool:
    """Whether a role as written fits one a person holds: a longer or shorter form, or
    every word of a headline's short form in the longer one («أمير عسير» / «أمير منطقة
    عسير»)."""
    return (held == wanted or held.startswith(wanted + " ") or wanted.startswith(held + " ")
            or _holds_every_word(wanted, held))


def _holds_every_word(wanted: str, held: str, most_more: int | None = None) -> bool:
    """Whether a held role begins like a role of two words or more as written and holds
    all its words, with at most ``most_more`` words more when given."""
    wanted_words, held_words = wanted.split(), held.split()
    return (len(wanted_words) > 1 and wanted_words[0] == held_words[0]
            and (most_more is None or len(held_words) <= len(wanted_words) + most_more)
            and set(wanted_words) <= set(held_words))
