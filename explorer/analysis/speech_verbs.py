"""The lexicon of speech cues: reporting verbs in all their inflections, participles, nouns.

Arabic news reports speech with a few dozen verbs (قال، أكد، أضاف، أشار ...). Each is listed
once by its stems; the inflected forms (past/present, masculine/feminine, singular/
plural, behind و/ف) are generated on folded keys, so «وأكدت» and «واكدت» and «وأكّدت»
all find the same entry. A cue knows its grammatical gender when the form shows it, which
later lets an implicit subject («وأضافت أن») pick the right earlier speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from explorer.arabic.normalize import fold

CueForm = Literal["finite", "participle", "noun"]
Gender = Literal["m", "f"]


@dataclass(frozen=True, slots=True)
class CueInfo:
    """What a cue word is: its verb, its form, the gender it shows (None when unmarked)."""

    lemma: str
    form: CueForm
    gender: Gender | None
    plural: bool = False
    referent: bool = False  # a noun with a pronoun («قوله», «تأكيده»): the speaker is before


@dataclass(frozen=True, slots=True)
class _Verb:
    """One reporting verb by its written stems (folded when the lexicon is built).

    ``past``/``present`` are the 3rd person masculine singular; ``past_f``/``past_pl`` and
    ``present_pl`` are given only for verbs whose endings are irregular (defective verbs).
    ``finite_needs_conj`` marks verbs whose bare past form is too often another word
    («بين» between), so only «وبين»/«فبين» count; ``present_needs_conj`` does the same for
    the present forms alone («ويتابع: ...» goes on speaking, «تتابع المجلات» follows the
    magazines); ``plural_participle`` is off for verbs
    whose participle in the plural names people («متابعين» followers, «معلنين»
    advertisers, «متعهدين» contractors).
    """

    past: str
    present: str | None = None
    participle: str | None = None
    nouns: tuple[str, ...] = ()
    past_f: str | None = None
    past_pl: str | None = None
    present_pl: str | None = None
    finite_needs_conj: bool = False
    present_needs_conj: bool = False
    plural_participle: bool = True  # «مؤكدين»; not where it names people («متابعين»)


_VERBS: tuple[_Verb, ...] = (
    _Verb("قال", "يقول", "قائل", ("قول",)),
    _Verb("أكد", "يؤكد", "مؤكد", ("تأكيد",)),
    _Verb("أضاف", "يضيف", "مضيف"),
    _Verb("أوضح", "يوضح", "موضح", ("توضيح",)),
    _Verb("أشار", "يشير", "مشير", ("إشارة",)),
    _Verb("أعلن", "يعلن", "معلن", ("إعلان",), plural_participle=False),
    _Verb("صرح", "يصرح", "مصرح", ("تصريح",)),
    _Verb("أفاد", "يفيد", "مفيد", plural_participle=False),
    _Verb("اعتبر", "يعتبر", "معتبر"),
    _Verb("رأى", "يرى", past_f="رأت", past_pl="رأوا", present_pl="يرون"),
    _Verb("لفت", "يلفت", "لافت"),
    _Verb("شدد", "يشدد", "مشدد", ("تشديد",)),
    _Verb("نفى", "ينفي", "نافي", ("نفي",), past_f="نفت", past_pl="نفوا", present_pl="ينفون"),
    _Verb("حذر", "يحذر", "محذر", ("تحذير",)),
    _Verb("طالب", "يطالب", "مطالب", plural_participle=False),
    _Verb("دعا", "يدعو", "داعي", past_f="دعت", past_pl="دعوا", present_pl="يدعون"),
    _Verb("كشف", "يكشف", "كاشف"),
    _Verb("ذكر", None, "ذاكر", plural_participle=False),
    _Verb("تابع", "يتابع", "متابع", plural_participle=False, present_needs_conj=True),
    _Verb("أردف", "يردف", "مردف"),
    _Verb("بين", None, "مبين", finite_needs_conj=True),
    _Verb("نوه", "ينوه", "منوه"),
    _Verb("أفصح", "يفصح"),
    _Verb("زعم", "يزعم", "زاعم"),
    _Verb("ادعى", "يدعي", past_f="ادعت", past_pl="ادعوا", present_pl="يدعون"),
    _Verb("اعترف", "يعترف", "معترف"),
    _Verb("أقر", "يقر"),
    _Verb("أبلغ", "يبلغ"),
    _Verb("أخبر", "يخبر"),
    _Verb("استبعد", "يستبعد", "مستبعد"),
    _Verb("علق", "يعلق"),
    _Verb("استطرد", "يستطرد", "مستطرد"),
    _Verb("أجاب", "يجيب"),
    _Verb("كتب", "يكتب"),
    _Verb("غرد", "يغرد"),
    _Verb("تساءل", "يتساءل", "متسائل"),
    _Verb("سأل", "يسأل"),
    _Verb("روى", "يروي", past_f="روت", past_pl="رووا", present_pl="يروون"),
    _Verb("شرح", "يشرح", "شارح"),
    _Verb("استدرك", "يستدرك", "مستدرك"),
    _Verb("نبه", "ينبه", "منبه"),
    _Verb("توقع", None, "متوقع"),  # not «يُتوقع أن», the passive
    _Verb("أعرب", "يعرب", "معرب"),  # «أعرب عن شكره لـ...»
    _Verb("أثنى", "يثني", "مثني", past_f="أثنت", past_pl="أثنوا", present_pl="يثنون"),
    _Verb("ندد", "يندد", "مندد"),
    _Verb("أبان", None),  # «وأبان أن»
    _Verb("أشاد", "يشيد", "مشيد"),  # «أشاد بما يحظى به»
    _Verb("وصف", None, "واصف", finite_needs_conj=True),  # bare «وصف» is the noun
    _Verb("زاد", None, finite_needs_conj=True),  # «وزاد: ...»; bare «زاد» is «increased»
    _Verb("جزم", "يجزم", "جازم"),
    _Verb("ناشد", "يناشد", "مناشد"),  # «وناشد الغامدي المواطنين بفتح المسار»
    _Verb("أهاب", "يهيب"),  # «وأهاب المعهد بالمتقدمين إحضار ...»; «مهيب» is "awesome"
    _Verb("حث", "يحث", "حاث", finite_needs_conj=True),  # «وحث البنوك على»; «حث الخطى»
    _Verb("استغرب", "يستغرب", "مستغرب"),
    _Verb("رجح", "يرجح"),  # «يبدو مرجحا» is "seems likely"
    _Verb("أورد", "يورد"),  # «وأورد التقرير أن»
    _Verb("اشترط", "يشترط", "مشترط"),
    _Verb("أبدى", None, "مبدي", past_f="أبدت", past_pl="أبدوا"),  # «لا يبدون خجلا»
    _Verb("تعهد", "يتعهد", "متعهد", plural_participle=False),
    _Verb("نقل", "ينقل"),  # «ونقلت الوكالة عن مصدر أن»: a cue only with «عن» (quotes.py)
    # «ووعد الأمير بأن يكون الموسم مميزاً»; bare «وعد» is the noun, «يعد» is «is counted»
    # and «واعدة» «promising»: only the past behind «و/ف»
    _Verb("وعد", None, finite_needs_conj=True),
    # «وعبّر الأمير عن شكره», as «أعرب»; the bare «عبر» is «via», «يعبر» also «crosses» and
    # «معبر» «a crossing»: only the past behind «و/ف»
    _Verb("عبر", None, finite_needs_conj=True),
)

_CONJUNCTIONS = ("و", "ف")


def _finite_forms(verb: _Verb) -> dict[str, CueInfo]:
    lemma = fold(verb.past)
    past = fold(verb.past)
    forms: dict[str, CueInfo] = {
        past: CueInfo(lemma, "finite", "m"),
        fold(verb.past_f) if verb.past_f else past + "ت": CueInfo(lemma, "finite", "f"),
        fold(verb.past_pl) if verb.past_pl else past + "وا": CueInfo(lemma, "finite", "m", True),
    }
    # the dual (قالا) is left out: written without vowels it is the accusative of a noun
    # («طالباً عدم كشف هويته»)
    forms.update(_present_forms(verb))
    return forms


def _present_forms(verb: _Verb) -> dict[str, CueInfo]:
    if not verb.present:
        return {}
    lemma, present = fold(verb.past), fold(verb.present)
    plural = fold(verb.present_pl) if verb.present_pl else present + "ون"
    return {present: CueInfo(lemma, "finite", "m"),
            "ت" + present[1:]: CueInfo(lemma, "finite", "f"),
            plural: CueInfo(lemma, "finite", "m", True)}


def _participle_forms(verb: _Verb) -> dict[str, CueInfo]:
    if not verb.participle:
        return {}
    lemma = fold(verb.past)
    stem = fold(verb.participle)
    forms = {
        stem + "ا": CueInfo(lemma, "participle", "m"),
        stem + "ه": CueInfo(lemma, "participle", "f"),
    }
    if verb.plural_participle:  # «قائلين لرويترز إنه», «مؤكدين على أن»
        forms[stem + "ين"] = CueInfo(lemma, "participle", "m", True)
        forms[stem + "ات"] = CueInfo(lemma, "participle", "f", True)
    return forms


def _noun_forms(verb: _Verb) -> dict[str, CueInfo]:
    """The verbal nouns, bare («تأكيد») and with a possessive pronoun («تأكيده»)."""
    lemma = fold(verb.past)
    forms: dict[str, CueInfo] = {}
    for noun in verb.nouns:
        key = fold(noun)
        forms[key] = CueInfo(lemma, "noun", None)
        stem = key[:-1] + "ت" if key.endswith("ه") else key
        for suffix, gender in (("ه", "m"), ("ها", "f"), ("هم", "m")):
            forms[stem + suffix] = CueInfo(lemma, "noun", gender, suffix == "هم", True)
    return forms


@cache
def _lexicon() -> tuple[dict[str, CueInfo], frozenset[str]]:
    """(folded form → info, forms that only count behind a conjunction)."""
    table: dict[str, CueInfo] = {}
    conj_only: set[str] = set()
    for verb in _VERBS:
        finite = _finite_forms(verb)
        if verb.finite_needs_conj:
            conj_only.update(finite)
        elif verb.present_needs_conj:
            conj_only.update(_present_forms(verb))
        for forms in (finite, _participle_forms(verb), _noun_forms(verb)):
            for form, info in forms.items():
                table.setdefault(form, info)
    return table, frozenset(conj_only)


# Whole words that report speech like a participle: «واكتفى بالقول إن», «ردّ بالقول:».
# «ختم حديثه بالقول», «استهل حديثه بقوله»: the saying that follows is the subject's own.
_SET_PHRASES = {fold("بالقول"): CueInfo(fold("قال"), "participle", None),
                fold("بقوله"): CueInfo(fold("قال"), "participle", "m"),
                fold("بقولها"): CueInfo(fold("قال"), "participle", "f")}


@lru_cache(maxsize=1 << 16)
def cue_info(word: str) -> CueInfo | None:
    """The speech cue a written word is, or None; a leading و/ف is allowed (cached: the
    quote rules ask it of nearly every word)."""
    table, conj_only = _lexicon()
    key = fold(word)
    if key in _SET_PHRASES:
        return _SET_PHRASES[key]
    info = table.get(key)
    if info is not None and key not in conj_only:
        return info
    if len(key) > 2 and key[0] in _CONJUNCTIONS:
        rest = key[1:]
        info = table.get(rest)
        if info is not None:
            return info
    return None


def kept_cue_info(cue: str) -> CueInfo | None:
    """What a cue as a quote keeps it (:func:`without_conjunction`) is: also a form that
    counts only behind the conjunction it was written with («يتابع» of «ويتابع»)."""
    return cue_info(cue) or _lexicon()[0].get(fold(cue))


def without_conjunction(word: str) -> str:
    """A cue as written without its leading و/ف («وأضاف» → «أضاف», «وبين» → «بين»); a
    word that is not a cue behind one, or is one only as a whole («وعد»), as it stands."""
    table, _ = _lexicon()
    key = fold(word)
    if len(key) > 2 and key[0] in _CONJUNCTIONS and cue_info(word) is not None \
            and (key[1:] in table or key[1:] in _SET_PHRASES):
        return word[1:]
    return word
