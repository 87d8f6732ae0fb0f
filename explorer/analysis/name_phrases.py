"""Noun phrases that name speakers: titles and roles, person names, organisations.

Arabic news names a person with a title in apposition («وزير الخارجية الأمريكي مايك
بومبيو», «متحدث باسم الخارجية، روبرت بالادينو،», «إلهام أحمد رئيسة الهيئة ...») and an
institution by a head noun and its complements («وزارة الخارجية الأردنية», «الاتحاد العام
التونسي للشغل»). These patterns are read here on folded word keys, independently of the
NER, so that a speaker is found even where the recogniser missed the name; the NER's own
mentions are used whenever they are there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from explorer.analysis.speech_verbs import cue_info
from explorer.arabic.clitics import strip_proclitics
from explorer.arabic.normalize import fold, strip_marks
from explorer.arabic.tokens import Token
from explorer.arabic.verbal_nouns import is_derived_verbal_noun
from explorer.model import Entity

if TYPE_CHECKING:
    from explorer.analysis.ner.resources import Resources


def folded_set(words: str) -> frozenset[str]:
    """Folded keys of a space-separated word list (so «إلى» is stored as it is matched)."""
    return frozenset(fold(word) for word in words.split())


# Titles and roles that precede or follow a person's name (folded, without ال).
_ROLE_HEADS_M = folded_set(
    "رئيس كبير وزير نائب متحدث ناطق مبعوث سفير مدير امين زعيم قائد مستشار عضو ممثل محافظ حاكم "
    "ملك امير مرشد قيادي ناشط باحث خبير محلل كاتب صحفي مدرب لاعب شيخ دكتور سيد جنرال عميد "
    "خادم "
    "لواء عقيد مقدم مشير بابا قاضي مدعي مندوب منسق مفوض عمده مؤسس مراسل مسؤول مرشح "
    "سيناتور محامي طبيب مفتي مطران كاردينال حاخام وسيط موفد استاذ بروفيسور اعلامي مذيع "
    "روائي شاعر فنان مخرج داعيه نقيب رائد ولي وكيل مهندس")
_ROLE_HEADS_F = folded_set(
    "رئيسه كبيره وزيره نائبه متحدثه ناطقه مبعوثه سفيره مديره امينه زعيمه قائده مستشاره عضوه "
    "ممثله ملكه اميره قياديه ناشطه باحثه خبيره محلله كاتبه صحفيه سيده دكتوره قاضيه مندوبه "
    "منسقه مفوضه مراسله مسؤوله مرشحه محاميه طبيبه اعلاميه مذيعه روائيه شاعره فنانه "
    "مخرجه وكيله مهندسه")
# A subject that is some of a group, an unnamed source: «عدد من المختصين», «عدد كبير من
# المواطنين», «بعض المحللين», «مجموعة من أقارب الركاب».
_PARTITIVES = folded_set("عدد مجموعه العديد بعض كثير جمع نخبه عشرات مئات")
_SOME = folded_set("بعض")  # the one that takes its group without «من»
# Nisba adjectives: «أمني», «السعوديين», «عراقيون».
NISBA_ENDINGS = ("ي", "يه", "يين", "يون")
_GROUP_ADJECTIVE_ENDINGS = (*NISBA_ENDINGS, "يات")
_LARGE = folded_set("كبير")
_OF = folded_set("من")
_MAX_GROUP_WORDS = 3
# Speakers that are a role with no name and no holder: sources, officials, witnesses.
_ANONYMOUS = folded_set(
    "احد احدي بعض مصدر مصادر مسؤولون مسؤولين شهود شاهد ناشطون سكان خبراء محللون مراقبون متظاهرون "
    "دبلوماسي دبلوماسيون مشاركون مشاركين محتجون مجتمعون مواطنون لاجئون معارضون قاده "
    "زعماء وزراء سفراء نواب اهالي طرفان جانبان مصادر متحدثون مسؤولو ممثلو "
    "باحثون باحثين علماء خبراء اطباء وكلاء مختصون مختصين محللين مراقبين مغردون مغردين "
    "مستثمرون مستثمرين اقتصاديون اقتصاديين تربويون تربويين مصرفيون مصرفيين معلمون معلمين "
    "منظمون قائمون مسؤولي متابعون متابعين مسعفون ناجون شهود عاملون عاملين مديرو مدراء "
    "مديري "
    # relatives named by their tie to someone: «وقال ابيه (52 عاما) إن»
    "ابوه ابيه اباه والده والدته امه شقيقه شقيقته اخوه اخيه اخته زوجته زوجها ابنه ابنته "
    "جده جدته عمه خاله")
# Heads of organisation names; those marked as construct take one complement of any form
# («مجلس سورية الديمقراطية», «حركة فتح»).
_ORG_CONSTRUCT = folded_set(
    "وزاره مجلس هيئه حزب حركه جماعه منظمه وكاله لجنه مكتب قناه صحيفه اذاعه شركه جامعه مركز "
    "بنك صندوق جبهه قوات سفاره مؤسسه رابطه نقابه جمعيه محكمه موقع مجموعه كتله تحالف اتحاد "
    "مفوضيه قياده اداره بلديه رئاسه دائره شؤون برنامج مرصد تنسيقيه ائتلاف سلطه "
    "مديريه عماده امانه كليه خليه معهد اماره نادي جريده مجله مستشفي مصرف منتدي جهاز "
    "منسقيه ملحقيه بعثه")
_ORG_HEADS = _ORG_CONSTRUCT | folded_set(
    "خارجيه داخليه دفاع حكومه جيش شرطه برلمان كونجرس كونغرس سلطات كرملين اليزيه بنتاغون "
    "بنتاجون كنيست نيابه جانب طرف امن جوازات")
# Words that end a name or a noun phrase: particles, prepositions, time words, pronouns.
_STOP = folded_set(
    "في من الى على عن مع ان انه انها انهم اننا انني بان بانه بانها بانهم لا لم لن ما قد "
    "كان كانت هو هي هم نحن الذي التي الذين اللذين هذا هذه ذلك تلك كل بعد قبل خلال امام عبر "
    "حول ضد بين عند لدى منذ حتى او ثم بل لكن اذا اذ حيث كما ايضا نحو دون فيما بينما وسط "
    "رغم بسبب بشان عقب اثر قبيل اثناء جراء وفق وفقا حسب بحسب اليوم امس غدا مساء صباح ليله "
    "الان يوم الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد اول امس اليوم الماضي "
    "المقبل الحالي الجاري سابق لاحق امام وذلك وهو وهي وقد ولم ولا وكان وكانت حين عندما "
    "لذلك لان لأن اما ان بدوره بدورها جهته جهتها جانبه جانبها تصريح تصريحات بيان مؤتمر "
    "حوار مقابله كلمه رساله تغريده نص لقاء اجتماع جلسه عده بعض جميع مختلف عدد معظم اغلب "
    "اي اخرون اخرين اخر عدم به بها له لها فيه فيها عنه عنها منه منها ليس ليست ولكن "
    "هناك وهناك تم وتم")
_OTHERS = folded_set("اخرون اخرين")
_TIME = folded_set(
    "اليوم امس غدا مساء صباح ليله الليله الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت "
    "الاحد الماضي المقبل ظهر فجر الاسبوع الشهر السنه الصباح المساء الظهر الفجر "
    "اسبوع شهر سنه")
# Particles inside person names: «سلمى بن عمر», «عبد الفتاح», «أبو مازن».
_NAME_PARTICLES = folded_set("بن ابن بنت ابو عبد آل ولد دي دو فان فون ذو")
# The links of a chain of names that a family name may close: «علي بن إبراهيم فلقي».
CHAIN_LINKS = folded_set("بن بنت")
# «أن/إن/بأن», which end a name before what is said about its holder.
THAT = folded_set("أن إن بأن")
# «ذو» binds a family name («عز الدين ذو الفقار») but begins none: «الفنان ذو الشهرة».
_NOT_FIRST_PARTICLES = folded_set("ذو")
# Particles, pronouns and auxiliaries as written, which no name holds; folding would make
# «فإن» the «فان» of «فان غال», so they are told by their letters (:func:`is_particle`).
_WRITTEN_PARTICLES = frozenset((
    "فإن", "بأن", "لأن", "وأن", "وإن", "أن", "إن", "أنه", "إنه", "أنها", "إنها", "في", "وفي",
    "من", "ومن", "عن", "مع", "إلى", "الذي", "التي", "كما", "حيث", "قد", "لقد", "وقد", "لكن",
    "ولكن", "هو", "هي", "لم", "لن", "كان", "كانت", "وكان", "هذا", "هذه", "ذلك", "هذين"))
_FOLDED_PARTICLES = frozenset(fold(word) for word in _WRITTEN_PARTICLES)
# «صلاح الدين», «عبد الله»: the second word completes the given name
_COMPOUND_SECOND = folded_set("الدين الله الاسلام الرحمن")
_QUOTE_OPENERS = {"«": "»", "\"": "\"", "“": "”", "”": "“"}
_CONSTRUCT_ONLY_ROLES = folded_set("كبير كبيره")
# The King's title, «خادم الحرمين الشريفين»: a name follows it only through another role
# («... الملك سلمان»); what follows it at once is the sentence («... تحياته»).
_TITLE_ONLY_ROLES = folded_set("خادم")
# Titles written as one letter and a full stop: «د.» (doctor), «أ.» (professor), «م.»
# (engineer).
_ABBREVIATED_TITLES = frozenset("دأم")
# «بحسب», «حسب», «وفق», «وفقا»: what names a source rather than a speaking verb.
ACCORDING_TO = folded_set("بحسب حسب وفق وفقا")
_INDEFINITE_MARKS = re.compile("[\u064b\u064c\u064d\u0652]")
_SPEAKER_BY = folded_set("باسم")
# Words praising God after His name, never a name's: «المولى عز وجل», «الله تعالى».
_PRAISE_OF_GOD = folded_set("وجل تعالى سبحانه جلاله")
# ends a role's words after a definite one: «ودعا أمير المنطقة [الله] عز وجل أن», not
# «عمه ضيف الله الجابري»
_ALLAH = fold("الله")
_SPEAKER_HEADS = folded_set("متحدث متحدثه متحدثين متحدثون ناطق ناطقه")
# Roles whose complement follows «على»: «المشرف (العام) على المهرجان».
_SUPERVISOR_HEADS = folded_set("مشرف مشرفه")
_SUPERVISOR_FORMS = _SUPERVISOR_HEADS | folded_set("المشرف المشرفه")
_ON = fold("على")
_SUPERVISOR_NEXT = folded_set("على العام العامه")
# Nouns a role governs that take the place they name («أمير منطقة عسير», «محافظ محافظة
# جدة»): without the article they are in construct, and the place is part of the role.
_PLACE_HEADS = folded_set("منطقه محافظه مدينه اماره ولايه اقليم بلديه قريه")


@dataclass(slots=True)
class Word:
    """A token with its matching keys: ``key`` folded, ``bare`` without proclitics, and
    ``role`` 'm'/'f' when it is a title or role noun («مديرها» too). The token's offsets
    and text are copied in: the rules read them hundreds of thousands of times a chunk."""

    index: int
    token: Token
    start: int
    end: int
    text: str
    key: str
    bare: str
    definite: bool
    role: str | None


def words_of(tokens: list[Token]) -> list[Word]:
    """Every token with its keys (punctuation included, so phrases stop at commas)."""
    words = [Word(index, token, token.start, token.end, token.text,
                  *_word_keys(token.text, token.is_word))
             for index, token in enumerate(tokens)]
    for word in words:
        if word.bare in _SUPERVISOR_FORMS:
            _supervisor_role(word, words)
    return words


def _supervisor_role(word: Word, words: list[Word]) -> None:
    """«المشرف (العام) على ...» is a role where the adjective «مُشرِّف» (honourable) is not:
    the word is a role only before «على» or «العام», and not right after a definite noun
    it would qualify («الكعبة المشرفة», «الجهات المشرفة على المؤتمر»)."""
    i = word.index
    following = words[i + 1].key if i + 1 < len(words) else ""
    if following not in _SUPERVISOR_NEXT or i > 0 and words[i - 1].definite:
        return
    word.role = "f" if word.bare.endswith("ه") else "m"


@lru_cache(maxsize=1 << 16)
def _word_keys(text: str, is_word: bool) -> tuple[str, str, bool, str | None]:
    """(key, bare, definite, role) of a token's text; cached because most words repeat."""
    key = fold(text)
    _prefix, stem = strip_proclitics(key)
    # the article is a bare alef: «إلهام» and «ألفت» are not definite
    written, _ = strip_proclitics(strip_marks(text))
    bare = stem if is_word else key
    definite = written.endswith(("ال", "لل"))
    return key, bare, definite, _role_gender(text, key, bare, definite)


def _role_gender(text: str, key: str, bare: str, definite: bool) -> str | None:
    """'m'/'f' when a word with these parts is a title or role noun, else None."""
    if definite and bare in _CONSTRUCT_ONLY_ROLES:
        return None  # «الخطابات الكبيرة» is an adjective; «كبيرة العلماء» a title
    for candidate in (bare, _without_article(key), _possessed_stem(text)):
        if candidate in _ROLE_HEADS_F:
            return "f"
        if candidate in _ROLE_HEADS_M:
            return "m"
    return None


def is_possessed(word: Word) -> bool:
    """A noun with a possessive pronoun («رئيسه» his president, «مديرها»): no complement
    follows it, unlike the construct «رئيسة الهيئة»."""
    stem = _possessed(word)
    return stem is not None and (stem in _ROLE_HEADS_M or stem in _ROLE_HEADS_F
                                 or stem in _ORG_HEADS)


def _possessed(word: Word) -> str | None:
    return _possessed_stem(word.text)


@lru_cache(maxsize=8192)
def _possessed_stem(text: str) -> str | None:
    """The key of a word without a possessive pronoun suffix, when it has one."""
    written = strip_marks(text)
    for suffix in ("هما", "ها", "هم", "ه"):
        if written.endswith(suffix) and len(written) > len(suffix) + 2:
            return fold(written[:-len(suffix)])
    return None


def is_org_head(word: Word) -> bool:
    return word.bare in _ORG_HEADS or _without_article(word.key) in _ORG_HEADS


def is_org_head_key(key: str) -> bool:
    """Whether a folded word is a noun that heads a body's name («وزارة», «المجلس»)."""
    return _without_article(key) in _ORG_HEADS


# Heads that say only what kind of body is meant («الوزارة», «اللجنة»), not which one; not
# those the news uses for one body («التحالف», «الاتحاد», «الكونغرس», «الداخلية»).
_GENERIC_BODIES = (_ORG_CONSTRUCT - folded_set("اتحاد تحالف ائتلاف قوات")) | folded_set(
    "حكومه")


def is_generic_body_key(key: str) -> bool:
    """Whether a folded word, alone, names a kind of body rather than a body."""
    return _without_article(key) in _GENERIC_BODIES


def is_anonymous(word: Word) -> bool:
    return _without_article(word.key) in _ANONYMOUS or word.key in _OUR_SOURCES


# The paper's own sources, «وذكرت [مصادرنا] أن»: never a person («مصادرها», «its sources»,
# is so only where a relaying cue names it, see explorer.analysis.quotes).
_OUR_SOURCES = folded_set("مصادرنا")


def is_indefinite(word: Word) -> bool:
    """A word marked as no name: nunation or a sukun on a dual («عربٍ», «معتمريْن»)."""
    return bool(_INDEFINITE_MARKS.search(word.text))


def reported_after_name(words: list[Word], i: int) -> bool:
    """Whether ``words[i]`` is a definite verbal noun of a derived form, with no clitic
    but the article («التأكيد», «الالتزام»), right after a definite word: after a name,
    what was said, not part of the name («أكدت الوزارة [الالتزام]»); after an
    indefinite word it is that word's genitive («مكافحة الاحتيال»)."""
    word = words[i]
    return i > 0 and words[i - 1].definite and word.key == "ال" + word.bare \
        and is_derived_verbal_noun(word.bare)


def is_stop(word: Word) -> bool:
    """A word that ends a name or a phrase: punctuation, a particle, a time word, a cue
    («آن» of «آن هيدالغو» is a name, not «أن», «آي» no «أي»; «آخرون» is «others»)."""
    if not word.token.is_word:
        return True
    if word.text.startswith("آ") and word.key not in _OTHERS:
        return False
    return word.key in _STOP or word.bare in _TIME or cue_info(word.text) is not None


def _ordinary_form(key: str, *, first: bool, pronoun: bool = False) -> bool:
    """A dictionary word in an inflected form, which no name takes: a present-tense verb
    («يواصل», «تجاوز»), a feminine past verb («تناولت»), the accusative alif («عزما»), a
    possessive pronoun («هويته»), and as a first name a word behind و/ب/ل («وخطط»,
    «بتشكيل», «لصاحب», «لعدم», and with a possessive written «ه», not «ة»: «بشهادته», not «بدرية»;
    ``pronoun`` says the word ends so) or a feminine plural («محادثات»). Known names are
    never refused."""
    from explorer.analysis.ner.resources import is_known_name, load_resources

    resources = load_resources()
    lexicon = resources.lexicon
    if is_known_name(resources, key) or len(key) < 3:
        return False
    if _verb_like(key, lexicon) or key.endswith("ت") and key[:-1] in lexicon:
        return True
    if key.endswith("ا") and len(key) > 3 and key[:-1] in lexicon:
        return True
    if _dictionary_possessed(key, lexicon, written=pronoun):
        return True
    if not first:
        return False
    if key[0] == "و" and len(key) > 3:
        return True
    if key[0] in "بل" and len(key) > 3 and (
            key[1:] in lexicon or pronoun and _dictionary_possessed(key[1:], lexicon,
                                                                    written=True)):
        return True
    return key.endswith("ات") and len(key) > 4


def _dictionary_possessed(key: str, lexicon: frozenset[str], *, written: bool = False
                          ) -> bool:
    """A dictionary word with a possessive pronoun («هويته», «شهادتها»); where the pronoun
    is ``written`` so (not a folded «ة»: «بدرية» is no «بدري» + «ه»), a plural in
    construct too («مساعديه», «مرافقيه»), and a plural in «ات» of five letters or more
    («أمير قطر [تحياته]», «المدرب [إنجازاته]»; «شحاته» is a name)."""
    for suffix in ("هما", "ها", "هم", "ه"):
        base = key[:-len(suffix)]
        if key.endswith(suffix) and len(base) > 2 and (
                base in lexicon or base.endswith("ت") and base[:-1] + "ه" in lexicon
                or written and base.endswith("ي") and base[:-1] in lexicon
                or written and base.endswith("ات") and len(base) > _MIN_PLURAL_IN_AT
                and (base[:-2] + "ه" in lexicon or base[:-2] in lexicon)):
            return True
    return False


_MIN_PLURAL_IN_AT = 4


def is_particle(text: str, key: str) -> bool:
    """Whether a word (``text`` as written, ``key`` folded) is a particle, pronoun or
    auxiliary no name holds («فإن», «وفي»), not a name's word folded alike («فان»); the
    folded key is tested first, as few words are one."""
    return key in _FOLDED_PARTICLES and strip_marks(text) in _WRITTEN_PARTICLES


def _written_pronoun(text: str) -> bool:
    """Whether a word ends in a possessive pronoun as written, not in «ة»."""
    return strip_marks(text).endswith(_PRONOUNS_WRITTEN)


_PRONOUNS_WRITTEN = ("ه", "ها", "هم", "هما")


def begins_next_phrase(text: str, key: str, resources: Resources) -> bool:
    """Whether a word after a name is «و» before the sentence's next phrase, not a word of
    the name: «و» with the article («عبدالعزيز [والذي]», «بولوني [واللاعبين]») or «و»
    before a dictionary noun with its pronoun («أوباما [وإدارته]», «بولوني [وجهازه]»).
    Foreign names in «وال» of five letters that are no «و» + a word («والش», «والتر»,
    «والاس»; «والذي» is) and «و» before a name in «أل» («نيمار وألفيش», which folds to
    «وال») are not."""
    from explorer.analysis.ner.resources import is_known_name

    if key[:1] != "و" or len(key) < _MIN_NEXT_PHRASE or is_known_name(resources, key):
        return False
    if strip_marks(text).startswith("وال"):
        return len(key) > _MAX_WAL_NAME or key[1:] in resources.lexicon
    return _dictionary_possessed(key[1:], resources.lexicon, written=_written_pronoun(text))


def people_after_one(before: str, key: str) -> bool:
    """Whether a definite word (folded ``key``) right after a body's or role's head
    (``before``) that is no plural of people is a plural of people: the verb's object, not
    an adjective, which would agree with the head («ودعت الوزارة [المواطنين]», «دعت
    الجوازات [الأشقاء] اليمنيين», «أبلغ المسؤول [الصحافيين]»); «المسؤولون الأمنيون» and
    «الهيئة السعودية للمهندسين» are one phrase each. Callers check that ``before`` is a
    head: after other words a plural may agree with a plural («القادة العسكريين») or be
    a place («وكالة أنباء البحرين»)."""
    before, word = _without_article(before), key.removeprefix("ال")
    return key.startswith("ال") and not before.endswith(_PEOPLE_ENDINGS) and (
        word.endswith(_PEOPLE_ENDINGS) or word in _PEOPLE_PLURALS)


_PEOPLE_ENDINGS = ("ون", "ين")
_PEOPLE_PLURALS = folded_set("اشقاء اخوه اخوان ناس اهالي طلاب")


def _is_head(word: Word) -> bool:
    """Whether a word heads a role or a body (what :func:`people_after_one` needs)."""
    return word.role is not None or is_org_head(word)


def _before_next_phrase(word: Word) -> bool:
    """:func:`begins_next_phrase` for a word of the text, with the shipped word lists."""
    from explorer.analysis.ner.resources import load_resources

    return begins_next_phrase(word.text, word.key, load_resources())


_MIN_NEXT_PHRASE = 4
_MAX_WAL_NAME = 5


def is_nisba_family_name(text: str, key: str, resources: Resources) -> bool:
    """Whether a word (``text`` as written, ``key`` folded) after a chain with «بن» is the
    family name in «ي» the chain ends with («مشبب بن محمد [القحطاني]», «طارق بن مطلق
    [الروقي]»): the article and «ي» as written (not «ى»: «التقى»), no title or
    nationality, and neither its stem nor the stem without «ي» a dictionary word, which
    tells it from an adjective («التاريخي», «القيادي»; it also leaves out family names
    such a word explains: «العنزي», «المطيري»)."""
    from explorer.analysis.ner.resources import nationality_key

    stem = key[2:]
    return (text.startswith("ال") and text.endswith("ي") and key.startswith("ال")
            and len(stem) > 2 and stem.isalpha()
            and stem not in resources.lexicon and stem[:-1] not in resources.lexicon
            and key not in resources.titles and stem not in resources.titles
            and nationality_key(key) not in resources.nationalities)


def is_chain_family_name(text: str, key: str, following: tuple[str, str] | None,
                         resources: Resources, *, titled: bool = False) -> bool:
    """Whether a word (``text`` as written, ``key`` folded) right after a chain «X بن Y» is
    its family name though the tagger left it out («علي بن إبراهيم [فلقي]،», «أسامة بن
    جعفر [فقيه] ومعالي»): a bare word of three letters or more that is no particle,
    preposition, time word, title, cue, nationality, feminine adjective, verb in the
    present, adverb in «ا», word with a pronoun or word behind a proclitic («برعاية»,
    «بترميمه»), and that what follows closes the name: a comma, colon, dash or closing
    mark, «أن/إن», «و» before a title or honorific, as in a list, or, for a word without
    the article, a stop or the end (``following``: the next token as written and folded,
    None at the end).
    :func:`is_nisba_family_name` takes the family names in «ي» without the closing.
    After a title that is no royal one (``titled``: «الدكتور عبدالله بن عبدالعزيز
    [الربيعة] المشرف», «المهندس عبدالله بن عبدالرحمن [الحصين] 45 عقداً»), any such word with
    the article is taken, as such a chain is a commoner's full name and the family name
    closes it; a royal's chain is followed by his office («الأمير خالد بن عبدالله
    التخلي»)."""
    from explorer.analysis.ner.resources import nationality_key

    if (not text.isalpha() or len(key) < 3 or key[:1] == "و" or key in _NOT_FAMILY_NAMES
            or key in _TIME or is_particle(text, key) or cue_info(key) is not None):
        return False
    bare = key.removeprefix("ال")
    lexicon = resources.lexicon
    pronoun = _written_pronoun(text)
    if (key in resources.titles or bare in resources.titles
            or nationality_key(key) in resources.nationalities or text.endswith("ية")
            or key.startswith(("لل", "بال", "كال")) or _verb_like(key, lexicon)
            or key.endswith("ا") and key[:-1] in lexicon
            or key not in lexicon and _dictionary_possessed(key, lexicon, written=pronoun)
            or key[:1] in "بل" and len(key) > 3 and (
                key[1:] in lexicon or _dictionary_possessed(key[1:], lexicon, written=pronoun))):
        return False
    if titled and key.startswith("ال"):
        return _closes_titled_name(key)
    if following is None or following[0] in _SENTENCE_ENDS:
        # a definite word before the sentence's end is as often its object: «زار الأمير
        # فيصل بن مشعل [الإمارة].»
        return not key.startswith("ال")
    if following[0] in _CLOSING_MARKS:
        return True  # not «(», which opens what the word has: «الوليد بن طلال كلمة (مسجلة)»
    if following[1] in THAT:
        return True
    after = following[1]
    if after[:1] != "و":
        return False  # «نقل الأمير محمد بن سلمان [دعوة] الملك»: a title may govern it
    after = after[1:]
    return after in HONORIFICS or after in resources.titles \
        or after.removeprefix("ال") in resources.titles


def is_commoners_title(key: str) -> bool:
    """Whether a folded word is a title or role, maybe with «و» and the article, that no
    royal bears as his title before his name («الدكتور», «والمهندس», «اللواء»; not
    «الأمير», «الملك», «ولي»)."""
    bare = _without_article(key[1:] if key.startswith("وال") else key)
    return _role_word(bare) and bare not in _ROYAL_TITLES


def _role_word(bare: str) -> bool:
    """Whether a folded word without the article is a title or role noun."""
    return bare in _ROLE_HEADS_M or bare in _ROLE_HEADS_F or bare in _SUPERVISOR_HEADS


def _closes_titled_name(key: str) -> bool:
    """Whether a folded word with the article, right after a chain «X بن Y» that a
    commoner's title introduces (:func:`is_commoners_title`), is the family name that
    closes it: «الدكتور عبدالله بن عبدالعزيز [الربيعة]». Not a role, which follows the
    name in apposition («الشيخ عبدالعزيز بن رقوش [المشرف] العام»), nor a day or time
    word («الخميس», «الماضي»), which may be when the sentence happens; the caller rules
    out particles and the rest."""
    bare = _without_article(key)
    return not _role_word(bare) and key not in _TIME and bare not in _TIME


_ROYAL_TITLES = folded_set("ملك ملكه امير اميره ولي خادم")
_NOT_FAMILY_NAMES = folded_set("الذي التي الذين اللذين قبل بعد منذ خلال عند حول لدى في من على "
                               "الى عن مع قد لم لن كما يجب وهو وهي هو هي له لها لهم لهما لهن "
                               "به بها بهم بهما فكان فكانت فقد فلم فلن فهو فهي")
_CLOSING_MARKS = frozenset("،,:؛;)»”-–")
# Marks that open a quotation or a name in marks: «وقالت «موبايلي» إن», «[منسوبي] "الحرس"».
OPENING_MARKS = frozenset("«\"“„(")
_SENTENCE_ENDS = frozenset(".!?؟")
# Honorifics before a dignitary's role or name: «... فقيه ومعالي رئيس ديوان المظالم».
HONORIFICS = folded_set("معالي سعادة سمو فضيلة سماحة فخامة")
# «سموه», «معاليه»: the dignitary named before, as a pronoun.
HONORIFIC_PRONOUNS = folded_set("سموه سموها معاليه معاليها فضيلته سماحته سيادته فخامته سعادته")


def is_honorific(key: str) -> bool:
    """Whether a folded word is an honorific, maybe behind «و/ف/ل» («ومعالي»), or one with
    the pronoun that stands for a dignitary named before («معاليه»): the word before a
    role or name, never the name."""
    return (key in HONORIFICS or key in HONORIFIC_PRONOUNS
            or key[:1] in "وفل" and key[1:] in HONORIFICS)


def is_given_name(key: str) -> bool:
    """Whether a folded word is a given name of the curated list («حسن», «حاتم»)."""
    from explorer.analysis.ner.resources import curated_given_names

    return key in curated_given_names()


def _preposition_with_article(key: str) -> bool:
    """A folded word that is «لل», or «بال» before a dictionary word or a place, which
    ends a name: «فيصل [للاطلاع]», «عبدالله [بالمسجد]», «سلمان [بالرياض]»; family names in
    «بال» are no dictionary words («بالغنيم», «بالوتيلي») or hold a given name («بالقاسم»,
    «بالهادي»)."""
    if key.startswith("لل"):
        return True
    if not key.startswith("بال"):
        return False
    from explorer.analysis.ner.resources import load_resources

    resources = load_resources()
    stem = key[3:]
    return stem not in resources.given_names and (
        len(stem) > 3 and stem in resources.lexicon  # not «باليان»
        or key[1:] in resources.gazetteer or stem in resources.gazetteer)


def _known_name(key: str) -> bool:
    from explorer.analysis.ner.resources import is_known_name, load_resources

    return is_known_name(load_resources(), key)


def _verb_like(key: str, lexicon: frozenset[str]) -> bool:
    """A dictionary word shaped like a present-tense verb («يواصل», «ويجمد»), also in
    the future («سيغيب», «وستواصل»)."""
    if key[:1] in "وف" and len(key) > 4 and key[1] in "يتس":
        key = key[1:]
    if key[:1] == "س" and len(key) > 4 and key[1] in "يت":
        key = key[1:]
    if key[:1] not in "يت" or len(key) < 4:
        return False
    if key.endswith(("ون", "وا")) and len(key) > 4:
        return True  # «يريدون», «يقولون»
    return key in lexicon


def _present_verb(word: Word) -> bool:
    """A dictionary word shaped like a present-tense verb of the third person («يلتقي»,
    «ويشرف»), which ends a role's words; not «ت» words, most of them verbal nouns
    («تطوير», «تعليم»), nor a place or name («ينبع»)."""
    from explorer.analysis.ner.resources import is_known_name, load_resources
    from explorer.analysis.ner.rules import listed_kind

    if not word.token.is_word:
        return False
    key = word.key
    bare = key[1:] if key[:1] in "وف" and len(key) > 4 else key
    if bare[:1] != "ي":
        return False
    resources = load_resources()
    return (_verb_like(key, resources.lexicon) and not is_known_name(resources, bare)
            and listed_kind(bare) != "LOC")


def is_time(word: Word) -> bool:
    return word.bare in _TIME or word.key in _TIME


def _without_article(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


@dataclass(slots=True)
class Phrase:
    """A span of words [first, last] (word indices, inclusive) and its text, commas dropped."""

    first: int
    last: int
    text: str


class EntitySource(Protocol):
    """The mentions a reader indexes: all of them, those added so far (in order), and a
    count of removals and cuts (see :class:`explorer.analysis.mentions.MentionSet`)."""

    entities: list[Entity]
    added: list[Entity]
    changes: int


class PhraseReader:
    """Reads roles, names and organisation phrases over an article's words."""

    MAX_NP = 10

    def __init__(self, text: str, words: list[Word], mentions: EntitySource) -> None:
        self.text = text
        self.words = words
        self._starts = {w.start: w.index for w in words}
        self.word_starts = [w.start for w in words]
        self.word_ends = [w.end for w in words if w.token.is_word]
        self.entity_at: dict[int, tuple[Entity, int]] = {}
        self._changes = -1
        self._seen = 0
        self.refresh(mentions)

    def refresh(self, mentions: EntitySource) -> None:
        """Index the mentions added since the last call, or all of them again when some
        were removed or cut (so each call costs only what changed)."""
        if mentions.changes != self._changes:
            self.entity_at = {}
            for entity in mentions.entities:
                self._index(entity)
            self._changes = mentions.changes
        else:
            for entity in mentions.added[self._seen:]:
                self._index(entity)
        self._seen = len(mentions.added)

    def _index(self, entity: Entity) -> None:
        first = self.word_at(entity.start)
        last = self.word_at(entity.end - 1)
        if first is not None and last is not None:
            self.entity_at[first] = (entity, last)

    def word_at(self, offset: int) -> int | None:
        """Index of the word covering character ``offset``."""
        if offset in self._starts:
            return self._starts[offset]
        index = bisect_right(self.word_starts, offset) - 1
        if index >= 0 and self.words[index].start <= offset < self.words[index].end:
            return index
        return None

    # -- noun phrases ---------------------------------------------------------------
    def noun_phrase(self, first: int, limit: int) -> int:
        """Last word index of the noun phrase headed at ``first`` (a role or org head)."""
        words = self.words
        head = words[first]
        pending = not head.definite and not head.key.startswith("ال") and not is_possessed(head)
        speaks_for = _without_article(head.bare) in _SPEAKER_HEADS  # «المتحدث باسم ...»
        supervises = _without_article(head.bare) in _SUPERVISOR_HEADS  # «المشرف على ...»
        last = first
        i = first + 1
        while i < limit and i - first < self.MAX_NP:
            word = words[i]
            if not word.token.is_word:
                # «رئيسة، الهيئة»: a stray comma right after a construct head
                if word.text in "،," and pending and i + 1 < limit and words[i + 1].definite:
                    i += 1
                    continue
                # «صحيفة "نيويورك تايمز"»: a quoted name as the complement
                close = self.quoted_name_end(i, limit) if pending else None
                if close is not None:
                    last, pending = close, False
                    i = close + 1
                    continue
                break
            if i in self.entity_at and self.entity_at[i][0].type == "PERS":
                break
            if pending:
                if is_stop(word) and not word.definite:
                    break
                if i in self.entity_at and self.entity_at[i][0].type in ("LOC", "ORG"):
                    last = i = self.entity_at[i][1]
                    pending = False
                    i += 1
                    continue
                last = i
                pending = (not word.definite and (word.role is not None or is_org_head(word)
                                                   or word.bare in _PLACE_HEADS))
                # «نائب المتحدث باسم ...», «كبير المتحدثين باسم ...»
                speaks_for = speaks_for or _without_article(word.bare) in _SPEAKER_HEADS
                i += 1
                continue
            close = self.quoted_name_end(i + 1, limit) \
                if word.key in _SPEAKER_BY and speaks_for and i + 1 < limit else None
            if close is not None:  # «المتحدثة باسم «غوغل»»
                last, pending, speaks_for = close, False, False
                i = close + 1
                continue
            if (word.key in _SPEAKER_BY and speaks_for and i + 1 < limit
                    and self._spoken_for(i + 1)
                    or word.key == _ON and supervises and i + 1 < limit
                    and self._continues(i + 1)):
                body = self.entity_at.get(i + 1) if supervises else None
                speaks_for = supervises = False
                if body is not None and body[0].type in ("LOC", "ORG"):
                    last, pending = body[1], False  # «على مستشفى الملك فهد»
                    i = last + 1
                    continue
                last = i + 1
                pending = not words[i + 1].definite
                i += 2
                continue
            if word.key in ("الي", "لدي", "في", "عن") and i + 1 < limit \
                    and self._prep_object(i + 1, word.key):
                last = i + 1
                pending = not words[i + 1].definite and is_org_head(words[i + 1])
                if i + 1 in self.entity_at:
                    last = self.entity_at[i + 1][1]
                i = last + 1
                continue
            # a spokesman's adjective may itself be a role: «الناطق الإعلامي باسم الشرطة»
            if word.definite and not is_stop(word) and not is_time(word) \
                    and (word.key != _ALLAH or not words[i - 1].definite) \
                    and (word.role is None or speaks_for) and not reported_after_name(words, i) \
                    and not (_is_head(words[i - 1])
                             and people_after_one(words[i - 1].key, word.key)):
                last = i
                i += 1
                continue
            if word.key[:1] == "ل" and not word.definite and (  # «لوزارة»
                    word.key[1:] in _ORG_HEADS or _without_article(word.key[1:]) in _ORG_HEADS):
                last = i
                pending = True
                i += 1
                continue
            break
        return last

    def quoted_name_end(self, i: int, limit: int) -> int | None:
        """Index of the mark closing a short quoted name opening at ``i``, or None."""
        if self.words[i].text not in _QUOTE_OPENERS:
            return None
        for k in range(i + 1, min(i + 6, limit)):
            if self.words[k].text in _QUOTE_OPENERS.get(self.words[i].text, ""):
                return k if k > i + 1 else None
            if not self.words[k].token.is_word:
                return None
        return None

    def _continues(self, i: int) -> bool:
        word = self.words[i]
        return word.token.is_word and (word.definite or is_org_head(word)
                                       or i in self.entity_at)

    def _spoken_for(self, i: int) -> bool:
        """Whether word ``i``, after «المتحدث باسم», begins the body spoken for: any
        word but a particle or a person («باسم تعليم حائل», «باسم الشرطة»)."""
        word = self.words[i]
        hit = self.entity_at.get(i)
        return (word.token.is_word and not is_stop(word)
                and (hit is None or hit[0].type != "PERS"))

    def _prep_object(self, i: int, prep: str) -> bool:
        word = self.words[i]
        if not word.token.is_word:
            return False
        if i in self.entity_at and self.entity_at[i][0].type in ("LOC", "ORG"):
            return prep in ("الي", "لدي", "في", "عن")
        if is_org_head(word):
            return True
        return prep in ("الي", "لدي") and word.definite and not is_time(word)

    # -- names ----------------------------------------------------------------------
    def name_at(self, first: int, limit: int, *, allow_definite_first: bool = False,
                check: bool = True, titled: bool = False) -> int | None:
        """Last index of a person-name-shaped run at ``first``, or None.

        A name is a given name and at most one surname, where particles bind the word
        after them: «فيصل بن فرحان», «سلمان بن عبد العزيز», «عبد الفتاح السيسي», «أبو
        محمد», «صلاح الدين الجورشي», and after the surname a family name in «ي» («مشبب بن
        محمد القحطاني»). With ``check`` a run that reads as ordinary words is
        refused (:meth:`plausible_name`; ``titled`` when a title precedes it).
        """
        words = self.words
        if first >= limit or not self._name_word(words[first], first=True,
                                                 allow_definite=allow_definite_first):
            return None
        last = self._name_part(first, limit)
        if last is None:
            return None
        if not words[first].definite and last + 1 < limit \
                and self._name_word(words[last + 1], first=False, allow_definite=True):
            chain = words[last + 1].key in CHAIN_LINKS
            surname = self._name_part(last + 1, limit)
            if surname is not None:
                last = surname
                if last + 1 < limit and self._family_name_after(words[last + 1]):
                    last += 1  # «مشبب بن محمد [القحطاني]»
                elif chain and last + 1 < limit and self._chain_family_name(last + 1, limit):
                    last += 1  # «أسامة بن جعفر [فقيه]،»
        if not check or self.plausible_name(first, last, titled=titled):
            return last
        return None

    def _family_name_after(self, word: Word) -> bool:
        """Whether a word after a given name and surname is a family name in «ي» that
        ends the name (:func:`is_nisba_family_name`)."""
        from explorer.analysis.ner.resources import load_resources

        return (self._name_word(word, first=False, allow_definite=True)
                and is_nisba_family_name(word.text, word.key, load_resources()))

    def _chain_family_name(self, i: int, limit: int) -> bool:
        """Whether word ``i``, after a chain «X بن Y», is its family name
        (:func:`is_chain_family_name`)."""
        from explorer.analysis.ner.resources import load_resources

        word = self.words[i]  # what follows is read past ``limit``: it closes the name
        following = ((self.words[i + 1].text, self.words[i + 1].key)
                     if i + 1 < len(self.words) else None)
        hit = self.entity_at.get(i)
        return (word.token.is_word and (hit is None or hit[0].type == "PERS")
                and word.role is None
                and is_chain_family_name(word.text, word.key, following, load_resources()))

    def _name_part(self, i: int, limit: int) -> int | None:
        """Last index of one name word at ``i`` with the words its particles bind."""
        words = self.words
        while words[i].key in _NAME_PARTICLES:
            if i + 1 >= limit or not self._name_word(words[i + 1], first=False,
                                                     allow_definite=True):
                return None if words[i].key in _NAME_PARTICLES else i
            i += 1
        if i + 1 < limit and words[i + 1].key in _COMPOUND_SECOND:
            i += 1
        return i

    def plausible_name(self, first: int, last: int, *, titled: bool = False) -> bool:
        """Not ordinary words in a name's place: «وزير الخارجية زار العاصمة» names no one,
        while «منصف الجلاصي» (an ordinary first word, an unknown surname) does, and after
        a title so does «بسام راضي» (two ordinary words)."""
        from explorer.analysis.ner.resources import is_known_name, load_resources

        resources = load_resources()
        head = self.words[first].key
        if head in resources.given_names or head not in resources.lexicon:
            return True
        known = is_known_name(resources, head)
        if last == first:
            return known
        tail = self.words[last]
        ordinary = tail.bare in resources.lexicon or tail.key in resources.lexicon
        if tail.definite:
            return not ordinary or known and tail.key.startswith("ال") \
                and tail.text.endswith("ي")
        return titled or not ordinary or known

    def describes(self, first: int, last: int) -> bool:
        """Whether words[first..last], read as a name right before a person's name, are
        ordinary words that say what he is: not a plausible name, or a dictionary noun no
        list knows before a definite word that is no family name in «ي» («طيار ركن»,
        «مؤلف المسرحية», «منظم الفعالية»; not «مشاري الحربي», whose «مشاري» the
        dictionary lacks, nor «الدكتور ساعد العرابي [الحارثي]»)."""
        if not self.plausible_name(first, last):
            return True
        from explorer.analysis.ner.resources import load_resources

        head = self.words[first].key
        tail = self.words[last]
        return (last > first and tail.definite and not tail.key.endswith("ي")
                and not _known_name(head) and head in load_resources().lexicon)

    def _name_word(self, word: Word, *, first: bool, allow_definite: bool) -> bool:
        if not word.token.is_word or is_stop(word) or word.key.isdigit():
            return False
        if is_indefinite(word):
            return False
        if word.index in self.entity_at and self.entity_at[word.index][0].type != "PERS":
            return False
        if word.role or is_org_head(word) or is_anonymous(word) or word.key in _PRAISE_OF_GOD:
            return False
        if is_honorific(word.key):
            return False  # «لمعالي وزير التعليم [ومعالي] وزير الصحة»
        if first and (word.key in _NOT_FIRST_PARTICLES or is_particle(word.text, word.key)):
            return False  # «الخبير الأممي، [فإن] هذين ...» names no one; «فان غال» does
        key = word.key
        if not first and (len(key) > 5 and _preposition_with_article(key)
                          or _before_next_phrase(word)):
            return False
        if word.definite or key.startswith("ال"):
            return allow_definite and key not in _TIME
        if len(key) < 2 or not key.isalpha():
            return False
        if not first and key[0] == "ل" and len(key) > 3 and not _known_name(key):
            return False  # «وقال بوتين لرويترز»
        if _ordinary_form(key, first=first, pronoun=_written_pronoun(word.text)):
            return False
        return not (key[0] in "لب" and not first and len(key) > 4 and key[1:3] == "ال")

    def person_after_role(self, first: int, limit: int
                          ) -> tuple[list[Phrase], int, int] | None:
        """Roles at ``first`` (one or several in apposition: «رئيس الوفد التركي، نائب وزير
        الزراعة») followed by a name: (roles, name's first word, name's last word)."""
        roles: list[Phrase] = []
        i = first
        if self.words[i].bare in _CONSTRUCT_ONLY_ROLES and not (
                i + 1 < limit and self.words[i + 1].definite):
            return None  # «نافورة كبيرة و36»: an adjective, not «كبيرة العلماء»
        while i < limit and self.words[i].role is not None and len(roles) < 3:
            role_last = self.noun_phrase(i, limit)
            roles.append(self.role_phrase(i, role_last))
            i = self._after_parenthesis(role_last + 1, limit)
            if i < limit and self.words[i].text in "،,":
                i += 1
        if i + 1 < limit and self.words[i].text in _ABBREVIATED_TITLES \
                and self.words[i + 1].text == "." and self._full_name_at(i + 2, limit):
            i += 2  # «وكيل الوزارة للشؤون التعليمية د.محمد العواد»
        if not roles or i >= limit or self.words[roles[-1].first].bare in _TITLE_ONLY_ROLES:
            return None
        if "\n" in self.text[self.words[roles[-1].last].end:self.words[i].start]:
            return None  # a headline's last role, and the body's first name
        if i in self.entity_at:
            entity, last = self.entity_at[i]
            if entity.type != "PERS":  # the role's body: «وكيلة الوزارة ... هيا العواد»
                person = self._person_ending_role(last + 1, limit)
                return None if person is None else (roles, *person)
            # a name the recogniser cut short («خالد» of «خالد مجاهد») is completed, one
            # it ran on past is cut back («نوري محمود لوكالة هاوار»)
            shaped = self.name_at(i, limit, check=False)
            if shaped is not None and shaped < last and any(
                    is_stop(self.words[k]) or is_org_head(self.words[k])
                    or self._role_with_complement(k, last) for k in range(shaped + 1, last + 1)):
                return roles, i, shaped
            return roles, i, max(last, shaped or last)
        body = self._body_around(i)
        name_last = None if body is not None else (
            self._name_after_place(i, limit) if self._ends_in_place(roles[-1])
            else self.name_at(i, limit, titled=True))
        if name_last is not None:
            after = self.entity_at.get(name_last + 1)
            if (after is not None and after[0].type == "PERS"
                    and not self.words[name_last + 1].key.startswith("و")
                    and self.describes(i, name_last)):
                # what the man is before his name: «العميد طيار ركن [إبراهيم ...]»
                return roles, name_last + 1, after[1]
            return roles, i, name_last
        person = self._person_ending_role(i if body is None else body + 1, limit)
        return None if person is None else (roles, *person)

    def _full_name_at(self, i: int, limit: int) -> bool:
        """Whether a name of two words or more, found by the recogniser or read here,
        begins at word ``i`` (what an abbreviated title is followed by; a lone given name
        there is better read with the rest of the role, «م. فهد بن علي العوفي»)."""
        hit = self.entity_at.get(i)
        if hit is not None:
            return hit[0].type == "PERS" and hit[1] > i
        last = self.name_at(i, limit, titled=True) if i < limit else None
        return last is not None and last > i

    def _role_with_complement(self, k: int, last: int) -> bool:
        """Whether word ``k`` inside a name the recogniser found is a role that governs
        the word after it («خالد الفيصل [أمير منطقة] مكة»), where the name ends; a role
        word at the name's end or before more of the name is a surname or a part of it
        («صالح بن عبدالله القاضي», «مصطفى سيد قادر»)."""
        if self.words[k].role is None or k >= last:
            return False
        following = self.words[k + 1]
        return (following.definite or is_stop(following) or is_org_head(following)
                or following.bare in _PLACE_HEADS)

    def _ends_in_place(self, role: Phrase) -> bool:
        """Whether a role ends with the place it governs («أمير منطقة مكة المكرمة»): a
        place the recogniser found inside it, past its head."""
        return any(k in self.entity_at and self.entity_at[k][0].type == "LOC"
                   for k in range(role.first + 1, role.last + 1))

    def _name_after_place(self, i: int, limit: int) -> int | None:
        """A name right after a role that ends with its place, read strictly: the role is
        often a genitive with no holder named («برعاية أمير منطقة مكة المكرمة لحفل
        افتتاح ...»), so ordinary words, or a word with a clitic whose stem is one, are no
        name there."""
        from explorer.analysis.ner.resources import is_known_name, load_resources

        resources = load_resources()
        key = self.words[i].key
        clitics, stem = strip_proclitics(key, conservative=False)
        if clitics and stem in resources.lexicon and not is_known_name(resources, key) \
                and not is_known_name(resources, stem):
            return None  # «لحفل», «بوقف», «فوضع»; not «فيصل», «بدر»
        return self.name_at(i, limit)

    def _body_around(self, i: int) -> int | None:
        """The last word of a body or place the recogniser found around word ``i`` (a
        role's «لمركز الملك سلمان» leaves «سلمان» inside the centre's name), or None."""
        for first, (entity, last) in self.entity_at.items():
            if first < i <= last and entity.type in ("ORG", "LOC"):
                return last
        return None

    def _person_ending_role(self, i: int, limit: int) -> tuple[int, int] | None:
        """The person the recogniser found at the end of a long role, after the body the
        role belongs to («المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية
        رأفت الصباغ، أن»): the last one before ``limit`` with nothing but the role's words
        and commas before it, and no more than an adjunct after it («في تصريح صحفي»)."""
        found = None
        k = i
        end = limit
        while end > i and (self.words[end - 1].text in "،," or is_time(self.words[end - 1])):
            end -= 1
        first = end - 2  # an unknown given name and surname right before the content
        before = self.words[first - 1] if first > 0 else None
        if first >= i and before is not None and (before.definite
                                                   or before.key.startswith("لل")):
            given, surname = self.words[first], self.words[end - 1]
            if (given.token.is_word and given.key.isalpha() and not given.definite
                    and not is_stop(given) and not given.role and not is_org_head(given)
                    and self._name_word(surname, first=False, allow_definite=True)):
                return first, end - 1
        while k < limit:
            word = self.words[k]
            hit = self.entity_at.get(k)
            if hit is not None and hit[0].type == "PERS":
                found = (k, hit[1])
                k = hit[1] + 1
                continue
            if found is not None and (is_stop(word) and word.text not in "،,"):
                break  # after the name: its adjunct («في تصريح»), not more of the role
            if found is None and (is_stop(word) and word.text not in "،,"
                                  or _present_verb(word)):
                return None  # «وقال الوزير في اتصال مع ...», «الوزير يلتقي نتنياهو»
            k += 1
        return found

    def _after_parenthesis(self, i: int, limit: int) -> int:
        """Past an abbreviation in parentheses («قوات سوريا الديمقراطية (قسد)»)."""
        if i < limit and self.words[i].text == "(":
            close = next((k for k in range(i + 1, min(i + 7, limit))
                          if self.words[k].text == ")"), None)
            if close is not None:
                return close + 1
        return i

    def role_after_name(self, name_last: int, limit: int) -> Phrase | None:
        """A role in apposition after a name («إلهام أحمد رئيسة، الهيئة ...»)."""
        i = name_last + 1
        if i < limit and self.words[i].text in "،,":
            i += 1
        if i >= limit or self.words[i].role is None:
            return None
        if self.words[i].key[:1] in "وف" and self.words[i].bare != self.words[i].key:
            return None
        if set(_without_article_clitic(head_clitic(self.words[i]))) & _PREPOSITION_CLITICS:
            return None  # «اتصل كاميرون بالرئيس الإيراني»: another man, not his role
        return self.role_phrase(i, self.noun_phrase(i, limit))

    def role_phrase(self, first: int, last: int) -> Phrase:
        words = self.words
        head = words[first]
        clitic = head_clitic(head)
        if clitic.endswith("لل"):
            text = "ال" + _drop_letters(head.text, len(clitic))
        elif clitic.endswith("ال"):
            text = _drop_letters(head.text, len(clitic) - 2)
        else:
            text = _drop_letters(head.text, len(clitic))
        rest = [w.text for w in words[first + 1:last + 1] if w.token.is_word]
        return Phrase(first, last, " ".join([text, *rest]))

    def group_at(self, first: int, limit: int) -> int | None:
        """Last index of «عدد (كبير) من» and the group it counts, its indefinite words
        up to the first definite one and that one's adjectives and coordinated groups
        («عدد من [خريجي وخريجات] الانتساب», «بعض المحللين»), or None when no partitive
        opens a subject at ``first``."""
        words = self.words
        if words[first].key not in _PARTITIVES or first in self.entity_at:
            return None
        k = first + 1
        if k < limit and words[k].key in _LARGE:
            k += 1
        if k < limit and words[k].key in _OF:
            k += 1
            group = k
            while k < limit and k - group < _MAX_GROUP_WORDS and words[k].token.is_word \
                    and not words[k].definite and not is_stop(words[k]):
                k += 1
        elif words[first].key not in _SOME:
            return None  # «عدد المصابين»: the number of the injured, not some of them
        if k >= limit or not words[k].definite or is_stop(words[k]):
            return None
        # then its adjectives and the groups joined to it: «المواطنين [السعوديين]»,
        # «المزارعين [والمهتمين]»; not the ones addressed: «الحضور [اللجان] ...»
        while k + 1 < limit and words[k + 1].definite and not is_stop(words[k + 1]) \
                and (words[k + 1].key.startswith("وال")
                     or words[k + 1].bare.endswith(_GROUP_ADJECTIVE_ENDINGS)):
            k += 1
        return k

    def org_at(self, first: int, limit: int) -> int | None:
        """Last index of an organisation phrase headed at ``first``, or None; not behind
        a preposition («بوزارة»), though a head may begin with its letters («برنامج
        الأغذية العالمي», «بنك», «لجنة»)."""
        word = self.words[first]
        if not word.token.is_word or not is_org_head(word) or word.key[:1] in "بل" \
                and not word.key.startswith("ال") and not is_org_head_key(word.key):
            return None
        return self.noun_phrase(first, limit)

    def span_text(self, first: int, last: int) -> tuple[int, int, str]:
        """(start, end, text) of words[first..last] as written, without proclitics
        other than the article (و ب ل ف ك never start a name's span)."""
        head = self.words[first]
        clitic = head_clitic(head)
        if clitic.endswith("لل"):
            clitic = clitic[:-1]
        elif clitic.endswith("ال"):
            clitic = clitic[:-2]
        start = head.start + _letter_offset(head.text, len(clitic))
        end = self.words[last].end
        return start, end, self.text[start:end]


_PREPOSITION_CLITICS = frozenset("بلك")


def _without_article_clitic(clitic: str) -> str:
    """The proclitics of ``clitic`` without the article («بال» → «ب», «لل» → «ل»)."""
    if clitic.endswith("لل"):
        return clitic[:-1]
    return clitic[:-2] if clitic.endswith("ال") else clitic


def head_clitic(word: Word) -> str:
    """The proclitics written before a role/organisation head («بالمبعوث» → «بال»),
    empty when the word is itself the head («وزيرة» keeps its و)."""
    plain = _without_article(word.key)
    if plain in _ROLE_HEADS_M or plain in _ROLE_HEADS_F or plain in _ORG_HEADS:
        return "ال" if word.key.startswith("ال") and plain != word.key else ""
    clitic, _stem = strip_proclitics(word.key)
    return clitic


def _letter_offset(word: str, letters: int) -> int:
    from explorer.arabic.normalize import offset_after_letters

    return offset_after_letters(word, letters)


def _drop_letters(word: str, letters: int) -> str:
    return word[_letter_offset(word, letters):]
