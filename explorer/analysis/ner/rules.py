"""Corrections a reader would make to the tagger's person spans.

The CRF decides word by word and sometimes stretches a person over the word in front,
a title or an adjective («الشهير جون بون جوفي», «العاجي كولو توريه», «للشيخ القرضاوي»).
A person's name does not begin with the article, a speech verb or a title, so such a first
word is cut. It also runs two persons joined by «و» into one («خافيير سولانا وعلي
لاريجاني»): a word inside a person that is «و» before a given name or a word that begins
names in the corpora, and is not itself such a word («وليد»), begins a new person (cutting
at every «و» lost more than it won on the dev sets).

On real, untokenised text a person also runs into the next word of the sentence: a
preposition with the article before a place the gazetteer knows or the article writes
alone («موغيريني للرياض», «خالد بالرياض»), or a verb after its particle («ظريف ليرى»,
«أوباما فسيكون»); such a last word is cut. A name that stops at «بن/أبو/آل» takes the next
word («بدر بن [علي]»), and a given name before a compound name, another given name or a
family name taken alone, or a word the dictionary does not list before «أبو/بن/آل», joins
the person after it («[علي] عبد الله صالح», «المقدم [علي] الشهراني», «[مناف] أبو شقير»);
no span grows across a sentence start. A person right after «الملك/الأمير» and a word
for what is named after kings («جامعة الملك خالد», «مستشفى الملك فيصل») is part of that
organisation's name, and «الله» is no person.

It also misses a foreign name at the end of a long title («المبعوث الأممي الخاص إلى
سوريا غير بيدرسون»): after a title and its modifiers (definite words, nationality
adjectives, prepositions, places and bodies), up to three untagged words without the
article, followed by punctuation, «أن/إن», a word with a preposition and the article
(«بالنواب») or the end of the sentence, are taken for the person when they hold a given
name or a word the dictionary does not list.
"""

from __future__ import annotations

import re

from explorer.analysis.name_phrases import (
    CHAIN_LINKS,
    OPENING_MARKS,
    THAT,
    _without_article,
    _written_pronoun,
    begins_next_phrase,
    is_chain_family_name,
    is_commoners_title,
    is_honorific,
    is_nisba_family_name,
    is_particle,
)
from explorer.analysis.ner import curated
from explorer.analysis.ner.conll import spans
from explorer.analysis.ner.features import FeatureExtractor, word_shape
from explorer.analysis.ner.resources import Resources, is_known_name, nationality_key
from explorer.analysis.speech_verbs import cue_info
from explorer.arabic.clitics import PROCLITIC_LETTERS
from explorer.arabic.normalize import fold, strip_marks

_PREPOSITIONS = frozenset(fold(word) for word in (
    "إلى", "الى", "في", "لدى", "عن", "من", "على", "مع", "ل", "ب", "باسم", "خلال", "بعد", "قبل",
    "عند", "حول", "منذ", "أمس", "امس", "قائلا", "قائلة", "أيضا", "وهو", "وهي", "الذي", "التي"))
# A proclitic before the article («بالنواب», «للحكومة»): never inside a name.
_CLITIC_ARTICLE = ("بال", "لل", "وال", "فال", "كال")  # «أكدت الوزيرة نادية العلمي أن»
_COMMAS = frozenset(("،", ","))
# A purpose particle, or a future one after «و/ف», before an imperfect verb: «ليرى»,
# «فسيكون». A bare «س» is left: too many names begin «سي» («سيرين», «سيران»).
_PARTICLE_VERB = re.compile("^(?:[وف]?ل|[وف]س)([يتن].{2,})$")
_MIN_CUT_WORD = 4
# Words that link the parts of a name and never end one.
_LINKS = frozenset(fold(word) for word in ("بن", "ابن", "بنت", "أبو", "ابو", "أم", "آل", "عبد"))
# Links that begin a surname, after a first name: «مناف أبو شقير», «الحبيب بن رمضان».
_SURNAME_LINKS = frozenset(fold(word) for word in ("بن", "ابن", "أبو", "ابو", "آل"))
_DAUGHTER_OF = fold("بنت")
_PREPOSITION_ARTICLE = ("بال", "كال")
# Adjectives of a country («الأمريكي»), not of a region or body («الدولي», «العربي»), by
# masculine stem (:func:`nationality_key`), with the country.
_COUNTRY_OF_ADJECTIVE = {nationality_key(fold(word)): country
                         for word, country in curated.NATIONALITIES.items() if country}
_COUNTRY_ADJECTIVES = frozenset(_COUNTRY_OF_ADJECTIVE)
# What a body is, written before its name: «قناة الجزيرة», «نادي الهلال», «شركة أرامكو».
_NAME_HEADS = frozenset(fold(word) for word in (
    "قناة", "صحيفة", "جريدة", "مجلة", "نادي", "فريق", "شركة"))
_GOD = frozenset(fold(word) for word in (
    "الله", "لله", "ولله", "فلله", "بالله", "والله", "فالله", "تالله"))
_PRAISE = frozenset(fold(word) for word in ("تعالى", "سبحانه", "عز", "جل", "عزوجل"))
_NAMING_TITLES = frozenset(fold(word) for word in (
    "الملك", "الملكة", "الأمير", "الأميرة", "الشيخ", "الشيخة", "الإمام", "السلطان"))
# What is named after a king or prince: «جامعة الملك سعود», «مطار الملك خالد».
_NAMED_AFTER_PERSONS = frozenset(fold(word) for word in (
    "جامعة", "مستشفى", "مستشفيات", "مدينة", "مركز", "مؤسسة", "مطار", "ميناء", "قاعدة",
    "حديقة", "مكتبة", "شارع", "طريق", "جامع", "مسجد", "كلية", "دارة", "مجمع", "معهد", "جائزة",
    "كرسي", "قاعة", "ملعب", "استاد", "برنامج", "مشروع", "ميدان", "قصر", "صندوق", "مدرسة",
    "مدارس", "جامعتي", "متنزه", "منتزه", "منتزهات", "مبادرات", "كأس", "جسر", "دوري", "بطولة",
    "درع", "سد", "ملتقى"))
# Words of blessing that follow the Prophet's name and are never part of it.
_BLESSINGS = frozenset(fold(word) for word in ("صلى", "صلوات", "عليه"))
# Prayers said after a living or late person's name, before «الله»: «سلمان بن عبدالعزيز
# [أيده الله]», «نايف [رحمه الله]», «[حفظهما الله]».
_PRAYERS = frozenset(fold(f"{verb}{pronoun}") for verb in (
    "حفظ", "يحفظ", "رحم", "يرحم", "أيد", "يؤيد", "رعا", "يرعا", "وفق", "يوفق", "سدد", "يسدد")
    for pronoun in ("ه", "ها", "هما", "هم", "ك", "كم"))
_ALLAH = fold("الله")
# Words for the Prophet (or a prophet) before a name, with their clitics.
_PROPHET_WORDS = frozenset(fold(word) for word in (
    "النبي", "للنبي", "بالنبي", "والنبي", "نبي", "نبيه", "نبينا", "ونبينا", "الرسول",
    "للرسول", "بالرسول", "والرسول", "رسول", "رسوله", "رسولنا"))
_PROPHETIC_BLESSINGS = frozenset((fold(a), fold(b)) for a, b in (
    ("صلى", "الله"), ("صلّى", "الله"), ("صلوات", "الله"), ("عليه", "السلام"), ("عليه", "الصلاة"),
    ("عليهم", "السلام"), ("عليها", "السلام")))
_PLURAL_TITLE_ENDINGS = ("و", "ون", "ين", "ان")
_MIN_TITLE = 3  # «د» (doctor) is a title too: «دان» is no plural of it
_MAX_MODIFIERS = 6
_MAX_NAME = 3
# Names that are not persons, by what they are (``curated``): "O" for no actor at all.
_NOT_PERSONS = {fold(name): kind for kind, names in (
    ("LOC", curated.PLACES_NOT_PERSONS), ("ORG", curated.BODIES_NOT_PERSONS),
    ("O", curated.THINGS_NOT_PERSONS)) for name in names}
_PEOPLES = frozenset(fold(word) for word in curated.PEOPLES)
_GROUP_HEADS = frozenset(fold(word) for word in curated.GROUP_HEADS)
# Words for a kind of thing whose name follows them, without the article, and that
# name's type: a tribe, a village, a place a direction is given from («جنوب غربي
# [نيكولسكي]», «شمال [صلاح الدين]»), a drug («عقار [روزجليتازون]»), an operation («عاصفة
# [الحزم]»).
_KIND_NAMED_AFTER = {fold(word): kind for kind, words in (
    ("ORG", ("قبيلة", "قبائل")),
    ("LOC", ("قرية", "بلدة", "هجرة", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي",
             "شرقي", "غربي")),
    ("MISC", ("عقار", "عقاري", "دواء", "عاصفة"))) for word in words}
# Regions whose name follows them, without the article («محافظة صلاح الدين»); not
# «مقاطعة», also a boycott («مقاطعة ميسي»), «ولاية», also a term of office, nor «حي»,
# also «long live» («حي سلمان», a song).
_REGIONS = frozenset(fold(word) for word in ("محافظة", "إقليم", "منطقة"))
_MAX_REGION_WORDS = 2
_PLURAL_ENDINGS = ("ين", "ون")
_MIN_PLURAL_STEM = 4  # «مسلم»: shorter ones end names («الحسين», «الياسين», «الشاهين»)
# Nunation marks an indefinite common word («مبيناً», «سابقاً», «مختفٍ»), never a name, and
# so does the sukun written on a dual's ending («معتمريْن»; a vowelled name has sukuns too).
_TANWEEN = re.compile("[\u064b\u064c\u064d]|\u064a\u0652\u0646$")


def country_of_adjective(stem: str) -> str | None:
    """The country whose nationality adjective has this masculine stem («بريطاني» → the
    United Kingdom), None for a region's or body's («دولي», «عربي») or no adjective."""
    return _COUNTRY_OF_ADJECTIVE.get(stem)


def listed_kind(key: str) -> str | None:
    """The type the curated lists give a folded name that is no person («ينبع» LOC, «تويتر»
    ORG, «كرة القدم» O), or None."""
    return _NOT_PERSONS.get(key)

def correct_persons(words: list[str], tags: list[str], features: FeatureExtractor,
                    starts: frozenset[int] = frozenset()) -> list[str]:
    """``tags`` with the edges of person spans corrected (see module docstring); no span
    grows across ``starts``, the positions that begin sentences."""
    resources = features.resources
    keys = features.folded(words)
    written = frozenset(keys)
    result = _rejoined(words, keys, _split_at_particles(words, keys, tags), starts, features)
    person_words = frozenset(key for key, tag in zip(keys, result, strict=True)
                             if tag.endswith("PERS"))
    for first, last, kind in sorted(spans(result)):
        if kind != "PERS":
            continue
        last = _through_links(first, last, words, keys, result, starts)
        if last - first == 1 and _surname_after_given_name(first, words, keys, result, starts,
                                                           features, person_words):
            result[last] = "I-PERS"  # «الاردني [ابراهيم] الزواهرة», «و[عدنان] باديب»
            last += 1
        if last - first < 2:
            continue
        if _family_name_after(first, last, words, keys, result, starts, features):
            result[last] = "I-PERS"  # «مشبب بن محمد [القحطاني]», «أسامة بن جعفر [فقيه]،»
            last += 1
        if (_not_a_first_name_word(words[first], keys[first], features)
                or _latin_before_arabic(words[first], words[first + 1])):
            result[first] = "O"
            result[first + 1] = "B-PERS"
        for i in range(first + 1, last):
            if _joins_another_name(keys[i], resources):
                result[i] = "B-PERS"
        begin = first + 1 if result[first] == "O" else first
        if last - begin > 1 and (_after_the_name(words[last - 1], keys[last - 1], features, written)
                                 or _present_verb_after(keys, last, features)):
            result[last - 1] = "O"
    for first, last, kind in sorted(spans(result)):
        if (kind == "PERS" and first and first not in starts and result[first - 1] == "O"
                and _first_name_before(
                    words[first - 1], keys[first - 1], keys[first], features,
                    alone=last - first == 1)):
            result[first - 1:first + 1] = ["B-PERS", "I-PERS"]  # «[علي] عبد الله صالح»
        elif (kind == "PERS" and keys[first] == _DAUGHTER_OF and first > 1
              and first - 1 not in starts and result[first - 1] == "O"
              and _her_given_name(first - 1, words, keys, features)):
            result[first - 1:first + 1] = ["B-PERS", "I-PERS"]  # «الأميرة [مشاعل] بنت»
    return result


def _her_given_name(i: int, words: list[str], keys: list[str], features: FeatureExtractor
                    ) -> bool:
    """Whether the untagged word before a person that begins with «بنت» is her given
    name: a word without the article after a title («الأميرة [مشاعل] بنت عبدالمحسن»,
    «الأستاذة [شريفة] بنت محمد»), as women's names are often dictionary words
    (torches, sheikha, noble) the tagger leaves out, or a given name of the lists."""
    resources = features.resources
    key = keys[i]
    if word_shape(words[i]) != "A" or key.startswith("ال") or is_particle(words[i], key):
        return False
    if key in resources.given_names:
        return True
    title, stem = keys[i - 1], features.keys(words[i - 1])[1]
    return title in resources.titles or stem in resources.titles


def _split_at_particles(words: list[str], keys: list[str], tags: list[str]) -> list[str]:
    """``tags`` with no person running over a particle, pronoun or auxiliary as written
    («[فإن] لويز», «وريفربلايت [فإن] مورا», «عباس [وفي]»): no name holds one, so the
    particle is cut and what follows it begins another span. Compared as written, since
    folding makes «فإن» the «فان» of «فان غال»; «على» stays, as «علي» is often written so."""
    result = list(tags)
    for first, last, kind in spans(tags):
        if kind != "PERS":
            continue
        for i in range(first, last):
            if is_particle(words[i], keys[i]):
                result[i] = "O"
                if i + 1 < last:
                    result[i + 1] = "B-PERS"
    return result


def _rejoined(words: list[str], keys: list[str], tags: list[str], starts: frozenset[int],
              features: FeatureExtractor) -> list[str]:
    """``tags`` with a person that follows another without a word between them made one
    with it («[عبدالخالق بدرالدين] [الحوثي]», «[اتسوتو] [يوشيدا]»): the tagger cut one
    name in two. Only where the words that meet are names or words the dictionary lacks
    («[... آل سعود] [برقية عزاء]» stays apart), not behind «و», which joins two persons
    («ويل سميث ومارغوت روبي»), unless a lone given name is followed by a lone surname
    whose «و» is its own letter (:func:`_surname_with_waw`), and not across a sentence
    start."""
    result = list(tags)
    for first, last, kind in spans(tags):
        if (kind == "PERS" and first and first not in starts
                and tags[first - 1] in ("B-PERS", "I-PERS")
                and word_shape(words[first]) == "A"
                and (not keys[first].startswith("و")
                     or _surname_with_waw(first, last, words, keys, tags, features))
                and all(_name_like(keys[i], features) for i in (first - 1, *range(first, last)))):
            result[first] = "I-PERS"
    return result


def _surname_with_waw(first: int, last: int, words: list[str], keys: list[str],
                      tags: list[str], features: FeatureExtractor) -> bool:
    """Whether the one-word person at ``first`` that begins with «و» is the surname of the
    one-word person before it, a foreign W written with «و» and a long vowel («[دان]
    [ويرثايمر]», «[جيفري] [وايسنفيل]», «[بول] [وولفويتز]»), not «و» joining a second
    person («رونالدو وروماريو», «فرويد وأدلر»): the word before is a name the lists
    know, and the word without «و» is neither a name they know nor a word of the
    dictionary («سارة وياسمين», «سالم وكريم» stay two), nor begins with the article, nor
    is written as a word of its own anywhere in the article («ميسي ونيمار» where «نيمار»
    is). On the July news it joins 15 pairs: 13 one person cut in two, and twice a club
    («شيفيلد وينيزداي») that was two wrong persons before."""
    resources = features.resources
    rest = keys[first][1:]
    return (last - first == 1 and tags[first - 1] == "B-PERS"  # one word each
            and words[first][1:2] in _LONG_VOWELS and rest not in keys
            and (keys[first - 1] in resources.given_names or keys[first - 1] in resources.names)
            and not rest.startswith("ال") and not is_known_name(resources, rest)
            and features.lexical_key(rest, strip=False) < 2)


_LONG_VOWELS = frozenset("اوي")  # not «أ»: «وأدلر» is «و» + «أدلر»


def _name_like(key: str, features: FeatureExtractor) -> bool:
    """Whether a folded word may be part of a name: a name the lists know, or a word the
    dictionary does not list as it stands."""
    resources = features.resources
    return (key in resources.given_names or key in resources.names
            or features.lexical_key(key, strip=False) < 2)


def _first_name_before(word: str, key: str, name_key: str, features: FeatureExtractor,
                       *, alone: bool = False) -> bool:
    """Whether the untagged word before a person begins it: a given name before a
    compound or another given name («[علي] عبد الله صالح», «[عمر] إبراهيم») or before a
    family name the tagger took alone («المقدم [علي] الشهراني», «رد [حاتم] العريبي»:
    ``alone``, one word with the article, no title), or a word the dictionary does not
    list, without clitics or the article, before «أبو/بن/آل» («[مناف] أبو شقير», not
    «بحياة أبو سارة» or «الشعراء أبو الطيب»)."""
    resources = features.resources
    if _given_name(word, key, resources):
        return (name_key in _LINKS or name_key in resources.given_names
                or alone and name_key.startswith("ال") and name_key not in resources.titles)
    return (name_key in _SURNAME_LINKS and word_shape(word) == "A"
            and features.keys(word)[1] == key and not key.startswith("ال")
            and features.lexical_key(key, strip=False) < 2)


def persons_without_nunation(words: list[str], tags: list[str]) -> list[str]:
    """``tags`` without the words of a person that carry nunation: an indefinite noun,
    adjective or participle the tagger ran a name into («جون [مختفٍ]», «هاشم [مدهوشًا]»)
    or took for one («مبيناً», «قريباً جداً»). Such words are cut from a person's edges;
    a person with one inside («عدن ووكيلاً أول») is no person."""
    result = list(tags)
    for first, last, kind in sorted(spans(tags)):
        if kind != "PERS":
            continue
        marked = [bool(_TANWEEN.search(word)) for word in words[first:last]]
        begin, end = first, last
        while begin < end and marked[begin - first]:
            begin += 1
        while end > begin and marked[end - 1 - first]:
            end -= 1
        keep = begin < end and not any(marked[begin - first:end - first])
        result[first:last] = ["O"] * (last - first)
        if keep:
            result[begin:end] = ["B-PERS"] + ["I-PERS"] * (end - begin - 1)
    return result


def persons_in_other_names(words: list[str], tags: list[str], features: FeatureExtractor
                           ) -> list[str]:
    """``tags`` without the persons that are other names: a body or place named after a
    king or prince («جامعة الملك خالد», «مستشفى الملك فيصل»), which becomes an organisation
    as the corpora tag it; a lone word the gazetteer lists as a place or body, or a name the
    curated lists know is no person («جازان», «تويتر», «الزهايمر»), which takes its type; a
    movement named by its men («ميليشيات الحوثي»), an organisation, and so a tribe («قبيلة
    بني عامر»); a village («قرية ابن نومة») or what lies in a direction from it
    («شمال صلاح الدين»), a place; a drug or an operation («عقار
    روزجليتازون», «عاصفة الحزم»), another name; a people or faith as a whole
    («الأرمن», «المسلمين»); and God («ولله الحمد»), who is no person here."""
    keys = features.folded(words)
    result = list(tags)
    for first, last, kind in sorted(spans(tags)):
        if kind != "PERS":
            continue
        key, stem = features.keys(words[first])
        listed = features.listed(key, stem)
        if "ك" in key[:len(key) - len(stem)]:
            stem = key  # «كارمن» is no «ك» + «ارمن»; «بتويتر» is «ب» + «تويتر»
        other = _NOT_PERSONS.get(" ".join((key, *keys[first + 1:last]))) or _NOT_PERSONS.get(
            " ".join((stem, *keys[first + 1:last])))
        before = features.keys(words[first - 1])[1] if first and result[first - 1] == "O" else ""
        if (keys[first] in _GOD or (last - first == 1 and (
                _people(key, stem, features) or _of_a_body(key, stem, features)))
                or _praises_god(keys, first, last)):
            result[first:last] = ["O"] * (last - first)
        elif other:
            result[first:last] = (["O"] * (last - first) if other == "O"
                                  else ["B-" + other] + ["I-" + other] * (last - first - 1))
        elif last - first == 1 and (listed or _listed_with_gain(key, stem, features)) in (
                "LOC", "ORG"):
            result[first] = "B-" + (listed or "LOC")  # «الرياض», «الحوثيين», «الجابون»
        elif stem in _GROUP_HEADS or before in _GROUP_HEADS:
            result[first:last] = ["B-ORG"] + ["I-ORG"] * (last - first - 1)
        elif (before in _REGIONS and last - first <= _MAX_REGION_WORDS
              and not _article_word(keys[first - 1])
              and "LOC" not in (listed, _NOT_PERSONS.get(key), _NOT_PERSONS.get(stem))):
            # «محافظة [صلاح الدين]», «بمحافظة [غامد الزناد]»; a longer span, or one that
            # begins with a place the lists know, runs on into the man after the place
            # («محافظة ذي قار حميد الغزي», «منطقة جازان يحيى حكمي»)
            result[first:last] = ["B-LOC"] + ["I-LOC"] * (last - first - 1)
        elif before in _KIND_NAMED_AFTER and not _article_word(keys[first - 1]):
            # «قبيلة [بني عامر]», «قرية [ابن نومة]»: a tribe's or village's name, not the
            # man after «شيخ القبيلة», «رئيس القرية» in apposition; a drug's, a storm's
            kind = _KIND_NAMED_AFTER[before]
            result[first:last] = ["B-" + kind] + ["I-" + kind] * (last - first - 1)
        elif (first >= 2 and keys[first - 1] in _NAMING_TITLES and result[first - 2] == "O"
              and features.keys(words[first - 2])[1] in _NAMED_AFTER_PERSONS):
            result[first - 2:last] = ["B-ORG"] + ["I-ORG"] * (last - first + 1)
        elif before and _names_a_body(words, keys, first, features):
            result[first - 1:last] = ["B-ORG"] + ["I-ORG"] * (last - first)
    return result


def _praises_god(keys: list[str], first: int, last: int) -> bool:
    """Whether a person is a phrase about God before a word of praise: «بعد [توفيق
    الله] سبحانه», «[حمد الله] تعالى»; «ضيف الله» and «نصر الله» alone are names."""
    return (last - first > 1 and keys[last - 1] == "الله" and last < len(keys)
            and keys[last] in _PRAISE)


def _listed_with_gain(key: str, stem: str, features: FeatureExtractor) -> str | None:
    """The gazetteer type of a word written with «ج» where the gazetteer writes «غ»
    («الجابون», «السنجال», «جانا»): Egyptian and Saudi papers spell the foreign g both
    ways, and the place names of the gazetteer have one spelling."""
    if "ج" not in key:
        return None
    return features.listed(key.replace("ج", "غ"), stem.replace("ج", "غ"))


def _names_a_body(words: list[str], keys: list[str], first: int,
                  features: FeatureExtractor) -> bool:
    """Whether the person at ``first`` is the name of the body or place written right
    before it, without the article: «بمركز [محمد بن نايف] للمناصحة», «دوري [عبداللطيف
    جميل]», «شركة [أستيكو]», «منتزهات». «عن طريق [محمد]» is "through Mohammed"."""
    head = features.keys(words[first - 1])[1]
    if head not in _NAMED_AFTER_PERSONS and head not in _NAME_HEADS:
        return False
    if _article_word(keys[first - 1]):
        return False  # «الفريق» is also a rank, «بالنادي [نايف المهيلب]» a man's place
    return not (head == "طريق" and first >= 2 and keys[first - 2] == "عن")


def _people(key: str, stem: str, features: FeatureExtractor) -> bool:
    """Whether a word names a people or faith as a whole: a listed one («الأرمن»), a
    plural of belonging («الفاطميين», «بحرينيين»), or the plural of a dictionary word with
    the article («المسلمين», «المسعفون»), which a surname is not."""
    if key in _PEOPLES or stem in _PEOPLES:
        return True
    if is_known_name(features.resources, key) or not stem.endswith(_PLURAL_ENDINGS):
        return False
    if stem.endswith(("يين", "يون")) and len(stem) > len("يين") + 2:
        return True
    return key.startswith("ال") and sound_plural_of_word(stem, features.resources)


def sound_plural_of_word(word: str, resources: Resources) -> bool:
    """Whether a folded word without its proclitics is the sound plural in «ون/ين» of a
    dictionary word of four letters or more («مسلمين», «متعاملون», «كثيرون»)."""
    single = word[:-2]
    return (word.endswith(_PLURAL_ENDINGS) and len(single) >= _MIN_PLURAL_STEM
            and single in resources.lexicon)


def _of_a_body(key: str, stem: str, features: FeatureExtractor) -> bool:
    """Whether a lone person is an adjective of belonging to a body (:func:`of_a_body`);
    a name the lists know («طالباني») stays."""
    return not is_known_name(features.resources, key) and of_a_body(stem, features.resources)


def of_a_body(stem: str, resources: Resources) -> bool:
    """Whether a word without its proclitics is the adjective of belonging to a body the
    gazetteer lists, with or without the article: «التنظيم [الداعشي]», «تنظيم إرهابي
    [داعشي]», «وقال [داعشي] آخر». Families are named after places, tribes and trades, not
    after bodies, so no surname has this form."""
    if not stem.endswith("ي"):
        return False
    body = _without_article(stem[:-1])
    return "ORG" in (resources.gazetteer.get(body), resources.gazetteer.get("ال" + body))


def organisation_edges(words: list[str], tags: list[str], features: FeatureExtractor
                       ) -> list[str]:
    """``tags`` with organisations cut to the name an actor goes by, for the app: without
    a trailing country adjective («الكونجرس [الأمريكي]») and without the word for what the
    body is in front, with its adjective («[قناة] روناهي [الكردية]», «[نادي] الهلال»). The
    tagger learnt both from WikiFANE, which puts them inside names; ANERcorp keeps the
    adjective, so ``crf-corpus`` leaves them as tagged."""
    keys = features.folded(words)
    nationalities = features.resources.nationalities
    result = list(tags)
    for first, last, kind in sorted(spans(tags)):
        if kind != "ORG":
            continue
        headed = last - first > 1 and features.keys(words[first])[1] in _NAME_HEADS
        # after a head, any people's adjective describes the body («قناة روناهي الكردية»);
        # otherwise only a country's («الكونجرس الأمريكي», but «التحالف الدولي»)
        adjectives_cut = nationalities if headed else _COUNTRY_ADJECTIVES
        if last - first > 1 + headed and nationality_key(keys[last - 1]) in adjectives_cut:
            result[last - 1] = "O"
            last -= 1
        if headed:
            result[first] = "O"
            result[first + 1] = "B-ORG"
    return result


def _given_name(word: str, key: str, resources: Resources) -> bool:
    """Whether a word is a given name as written: folding makes «على» «علي» and «باسم»
    is also «in the name of», so a preposition counts only as «علي» without a shadda."""
    if key not in resources.given_names:
        return False
    return key not in _PREPOSITIONS or (word.endswith("ي") and "\u0651" not in word)


def _not_a_first_name_word(word: str, key: str, features: FeatureExtractor) -> bool:
    """Whether a person's first word is the word before the name: one with the article
    («الشهير جون بون جوفي»), or a speech verb or title («وقالت كارين سباراباني»); a
    verb the quotes read as a cue, written with «ى» («روى»; «روي» is Roy, «تري» Trey) or,
    not ending in «ي», when no list knows it for a name («ونوه», «أورد»)."""
    resources = features.resources
    stem = features.keys(word)[1]
    if key.startswith("ال") and key in resources.titles:
        return True  # «[الأمير] تركي الفيصل»: «الأمير» also begins names in the corpora
    cue = cue_info(key)
    if cue is not None and cue.form == "finite" and (
            strip_marks(word).endswith("ى")
            or not key.endswith("ي") and not is_known_name(resources, key.lstrip("وف"))):
        return True  # «[روى] ديفيد ريمنيك», «[ونوه] بن رقوش»; «روي ميلر», «تري باركر»
    if is_known_name(resources, key):
        return False
    return (_article_word(key) and not _wal_name(key, resources)
            or key in resources.speech_verbs
            or stem in resources.speech_verbs or key in resources.titles
            or stem in resources.titles)


def _wal_name(key: str, resources: Resources) -> bool:
    """A foreign name in «وال» with two letters or fewer after it and no dictionary word,
    not «و» + «ال» + a word: «[والتر] بالمر», «والاس», «والش»; not «والي» (governor)."""
    return key.startswith("وال") and len(key) <= 5 and key not in resources.lexicon


def _latin_before_arabic(word: str, following: str) -> bool:
    """Whether a person begins with a Latin word before an Arabic one: page furniture
    left in the text («Next Previous فيصل محفوظ – جدة»), not a part of the name."""
    return word_shape(word) in ("C", "L") and word_shape(following) == "A"


def _through_links(first: int, last: int, words: list[str], keys: list[str],
                   tags: list[str], starts: frozenset[int]) -> int:
    """The end of a person that stopped at «بن/أبو/آل…» («بدر بن [علي] كحيل»), taken
    over the untagged word after each such link; ``tags`` are extended in place."""
    while (last - first > 1 and keys[last - 1] in _LINKS and last < len(words)
           and last not in starts and tags[last] == "O" and word_shape(words[last]) == "A"):
        tags[last] = "I-PERS"
        last += 1
    return last


def _surname_after_given_name(first: int, words: list[str], keys: list[str], tags: list[str],
                              starts: frozenset[int], features: FeatureExtractor,
                              person_words: frozenset[str]) -> bool:
    """Whether the untagged word after a one-word person that is a given name is the
    family name the tagger left out: a word the article tags as a person's elsewhere
    («مجموعة [محمد] المعجل» where the headline has «لـ«المعجل»», «المنشد [فهد] مطر»),
    or one no dictionary explains («[عبدالعزيز] العليوي»). Saudi family names are often
    dictionary words («المعجل», «المسند», «مطر»), so the dictionary alone cannot tell
    them from the noun or participle that follows a name («[عمر] المؤسس», «[رضا]
    الجماهير»); what the article says elsewhere can. Never a particle, preposition, cue,
    title, place, nationality, word with a pronoun or behind a proclitic, feminine
    adjective or plural with the article («[سعود] الطبية», «[بيل] الصعوبات»), nor across a
    sentence start (``person_words``: folded words inside the article's persons)."""
    last = first + 1
    if last >= len(words) or last in starts or tags[last] != "O":
        return False
    resources = features.resources
    key, word = keys[last], words[last]
    bare = key.removeprefix("ال")
    written = strip_marks(word)
    if (len(bare) < 3 or word_shape(word) != "A" or key[:1] in PROCLITIC_LETTERS
            or not _given_name(words[first], keys[first], resources)
            or is_particle(word, key) or key in _PREPOSITIONS or written in _PLACE_ADVERBS
            or cue_info(key) is not None or key in resources.titles or bare in resources.titles
            or key in resources.gazetteer or "ال" + bare in resources.gazetteer
            or nationality_key(key) in resources.nationalities or _written_pronoun(word)
            or key != bare and (written.endswith("ية")
                                or _plural_of_word(bare, resources.lexicon))
            or key.endswith("نا") and features.lexical_key(key[:-2], strip=False)):
        return False
    if key in person_words:
        return True
    # no such evidence: a word no dictionary explains, and not an indefinite noun or
    # adjective in «ة» or «ا» («[جمال] سائبة», «[عباس] مستقويا», «[معاذ] أهلاويا»)
    return (features.lexical_key(key) == 0 and not written.endswith(("ة", "ا"))
            and not _plural_of_word(key, resources.lexicon))


# Adverbs of place as written, which follow a subject's name as a preposition does:
# «[زكريا] أمام المرمى»; not folded, as «أمام» folds like the name «إمام» («حازم إمام»).
_PLACE_ADVERBS = frozenset(("أمام", "وراء", "فوق", "تحت", "بين", "نحو", "ضد", "لدى", "دون"))


def _plural_of_word(key: str, lexicon: frozenset[str]) -> bool:
    """Whether a folded word is a dictionary word's dual or sound plural, which the
    dictionary test leaves unexplained: «مرتين» (twice), «مهندسين», «الصعوبات»."""
    if key.endswith(("تين", "تان")) and key[:-3] + "ه" in lexicon:
        return True
    if key.endswith("ات") and (key[:-2] + "ه" in lexicon or key[:-2] in lexicon):
        return True
    return key.endswith(("ين", "ان", "ون")) and key[:-2] in lexicon


def _family_name_after(first: int, last: int, words: list[str], keys: list[str],
                       tags: list[str], starts: frozenset[int], features: FeatureExtractor
                       ) -> bool:
    """Whether the untagged word after a person of two words or more is its family name
    that the tagger left out, not across a sentence start: one in «ي» («مشبب بن محمد
    [القحطاني]», «ذعار فرج [الحبيشي]»; :func:`is_nisba_family_name`), or any that closes
    a chain «X بن Y» («أسامة بن جعفر [فقيه]،»; :func:`is_chain_family_name`)."""
    if last >= len(words) or last in starts or tags[last] != "O":
        return False
    resources = features.resources
    if word_shape(words[last]) == "A" and is_nisba_family_name(words[last], keys[last],
                                                                resources):
        return True
    if last - first < 3 or keys[last - 2] not in CHAIN_LINKS:
        return False
    following = (words[last + 1], keys[last + 1]) if last + 1 < len(words) else None
    titled = first > 0 and is_commoners_title(keys[first - 1])
    return is_chain_family_name(words[last], keys[last], following, resources, titled=titled)


def _after_the_name(word: str, key: str, features: FeatureExtractor, written: frozenset[str]
                    ) -> bool:
    """Whether a person's last word is the next word of the sentence, not the name's: a
    preposition with the article before a place, body or word the article writes alone
    («موغيريني للرياض», «خالد بالرياض»), a verb after its particle («ظريف ليرى»,
    «أوباما فسيكون»), or «و» before the next phrase (:func:`begins_next_phrase`). A
    name's own words that begin so («بالله», «كالديرون», «باليان») are none."""
    resources = features.resources
    if is_known_name(resources, key):
        return False
    if key.startswith("لل") and len(key) > _MIN_CUT_WORD:
        return True
    cue = cue_info(key)
    if cue is not None and cue.form == "finite" and key.lstrip("وف")[:1] in "يت":
        return True  # «مشعل بن ماجد [ينوه]»: a speech verb in the present after the name
    if key.startswith(_PREPOSITION_ARTICLE) and len(key) > _MIN_CUT_WORD:
        place = key[1:]
        return place in resources.gazetteer or place in written
    if begins_next_phrase(word, key, resources):
        return True  # «عبدالعزيز [والذي]», «بولوني [وجهازه]»
    if key[:1] in "لب" and participles_in_construct(key, resources):
        return True  # «متعب بن عبدالله بن عبدالعزيز [لمنسوبي] قوة الواجب»
    verb = _PARTICLE_VERB.match(key)
    return bool(verb) and features.lexical_key(verb.group(1), strip=False) == 2


def _present_verb_after(keys: list[str], last: int, features: FeatureExtractor) -> bool:
    """Whether a person's last word is a verb in the present the dictionary lists, as
    headlines put it right after their subject («سعود بن نايف [يزور]», «فيصل بن بندر
    [يواسي]»), after a name the lists know, also in the dual or plural of a headline's
    two subjects or a family («و[أردوغان يبحثان]», «أبناء الملك الراحل [عبدالله بن
    عبدالعزيز يدشنون]»); not a name after «بن» («ابن طفيل بن [يقظان]»), a family name in
    «ي» («[يماني]»), a name the lists know, or a foreign family name that reads as a verb
    after a foreign given name («جانيت يلين», «موشيه يعالون»)."""
    key = keys[last - 1]
    resources = features.resources
    if (key[:1] != "ي" or len(key) < _MIN_CUT_WORD or key.endswith("ي")
            or not is_known_name(resources, keys[last - 2]) or keys[last - 2] in _LINKS
            or is_known_name(resources, key)):
        return False
    return features.lexical_key(key, strip=False) == 2 or (
        key.endswith(("ون", "ان")) and features.lexical_key(key[:-2], strip=False) == 2)


def _joins_another_name(key: str, resources: Resources) -> bool:
    """Whether a folded word inside a person is «و» before another person's name."""
    return (key[:1] == "و" and len(key) > 3 and not is_known_name(resources, key)
            and (key[1:] in resources.given_names or key[1:] in resources.names))


def _article_word(key: str) -> bool:
    """Whether a folded word carries the article, alone or after a proclitic."""
    return key.startswith(("ال", "وال", "فال", "بال", "لل", "كال"))


def names_after_titles(words: list[str], tags: list[str], features: FeatureExtractor,
                       titles: list[int]) -> list[str]:
    """``tags`` of one sentence with unknown names after a title chain tagged PERS;
    ``titles`` are the indices of its title words (:func:`title_positions`)."""
    resources = features.resources
    keys = features.folded(words)
    result = list(tags)
    count = len(words)
    for i in titles:
        if result[i] != "O":
            continue
        j = _after_chain(i + 1, keys, result, features)
        held = _name_after_its_body(i + 1, j, words, keys, result, features)
        if held is not None:
            begin, last = held
            result[begin:last] = ["B-PERS"] + ["I-PERS"] * (last - begin - 1)
            continue
        if j < count and words[j] in _COMMAS:
            j += 1  # «رئيس الحزب، منصف الجلاصي،»
        end = j
        while (end < count and end - j < _MAX_NAME
               and (result[end] == "O" or _lone_unlisted_name(end, keys, result, features))
               and words[end][:1].isalpha() and keys[end] not in _PREPOSITIONS
               and keys[end] not in THAT and keys[end] not in resources.titles
               and not keys[end].startswith(_CLITIC_ARTICLE)
               and (end > j or not keys[end].startswith("ال")
                    and nationality_key(keys[end]) not in resources.nationalities)):
            end += 1
        if end == j:
            continue
        closed = (end == count or not words[end][:1].isalnum() or keys[end] in THAT
                  or keys[end].startswith(_CLITIC_ARTICLE))
        # a given name first, or a last word the dictionary does not list
        # («غير بيدرسون»): a name ends in its surname, a phrase in a word
        evidence = keys[j] in resources.given_names or (
            word_shape(words[end - 1]) == "A" and _unlisted_word(keys[end - 1], features)
            and keys[j] not in resources.org_heads)  # «الرئيس التنفيذي [شركة توشيبا]»
        if closed and evidence:
            result[j:end] = ["B-PERS"] + ["I-PERS"] * (end - j - 1)
    return result


def _name_after_its_body(first: int, end: int, words: list[str], keys: list[str],
                         tags: list[str], features: FeatureExtractor
                         ) -> tuple[int, int] | None:
    """The span of a person the tagger took for a body among a title's modifiers
    words[first:end], right after a definite word: «الرئيسة التنفيذية للشركة [ماريسا
    ماير] أمس» — the body is named already, so the name after it is the title holder's.
    Only names the gazetteer does not list, whose words the dictionary lacks or that
    begin with a given name («للشركة [أرامكو]» stays a body)."""
    resources = features.resources
    for begin in range(first + 1, end):
        if not tags[begin].startswith("B-") or tags[begin] == "B-PERS" \
                or tags[begin - 1] != "O" or not _article_word(keys[begin - 1]):
            continue
        last = begin + 1
        while last < end and tags[last].startswith("I-"):
            last += 1
        span = keys[begin:last]
        if " ".join(span) in resources.gazetteer or any(
                key in resources.gazetteer or _article_word(key) for key in span):
            return None  # «للهيئة بالجبيل», «بالأنبار»: bodies and places
        if span[0] in resources.given_names or all(
                word_shape(word) == "A" and _unlisted_word(key, features)
                for word, key in zip(words[begin:last], span, strict=True)):
            return begin, last
        return None
    return None


def _unlisted_word(key: str, features: FeatureExtractor) -> bool:
    """Whether a folded word after a title may end a name the lists do not hold: the
    dictionary lists it in no form, as it stands or after a proclitic («بسبب», «لعرقلة»,
    «بمناسبة» are words), and it is neither definite nor an adjective («متحدثة عسكرية
    إسرائيلية» names nobody). On real news, taking a phrase with such a word anywhere in
    it took phrases like «ارسل رسالة SMS» and «لرئيس مجلس الوزراء» thirty times for each
    name."""
    resources = features.resources
    return (features.lexical_key(key, strip=False) == 0
            and (key[:1] not in PROCLITIC_LETTERS
                 or features.lexical_key(key[1:], strip=False) < 2)
            and not key.startswith("ال") and not key.endswith(("يه", "ات"))
            and nationality_key(key) not in resources.nationalities)


def _lone_unlisted_name(i: int, keys: list[str], tags: list[str], features: FeatureExtractor
                        ) -> bool:
    """Whether word ``i`` is tagged a one-word name other than a person that the gazetteer
    does not list: after a title, an unknown foreign name read as a place («غير بيدرسون»)."""
    gazetteer = features.resources.gazetteer
    return (tags[i].startswith("B-") and tags[i] != "B-PERS"
            and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))
            and keys[i] not in gazetteer and features.keys(keys[i])[1] not in gazetteer)


def title_positions(keys: list[str], stems: list[str], titles: frozenset[str]) -> list[int]:
    """Indices of the words that are titles («الرئيس», «وزيرة», «والسفير»), given their
    folded forms and stems: one pass, since most words are not."""
    return [i for i, (key, stem) in enumerate(zip(keys, stems, strict=True))
            if key in titles or stem in titles or (key[:1] in "وف" and key[1:] in titles)]


def _after_chain(j: int, keys: list[str], tags: list[str], features: FeatureExtractor) -> int:
    """Index of the first word after a title's modifiers: definite words, nationality
    adjectives, prepositions before a definite word or a tagged name, tagged places and
    bodies, and a noun in construct before a definite word («لشؤون المياه»)."""
    resources = features.resources
    start = j
    while j < len(keys) and j - start < _MAX_MODIFIERS:
        key = keys[j]
        if tags[j] in ("B-PERS", "I-PERS"):
            break
        construct = (j + 1 < len(keys) and keys[j + 1].startswith("ال")
                     and key not in resources.given_names and key not in THAT
                     and key not in _PREPOSITIONS and key[:1].isalpha()
                     and features.lexical_key(key) == 2)
        governs = j + 1 < len(keys) and (keys[j + 1].startswith("ال") or tags[j + 1] != "O")
        if (tags[j] != "O" or key.startswith(("ال", "لل")) or (key in _PREPOSITIONS and governs)
                or construct or nationality_key(key) in resources.nationalities):
            j += 1
            continue
        break
    return j


def persons_that_are_words(words: list[str], tags: list[str], features: FeatureExtractor
                           ) -> list[str]:
    """``tags`` without the persons that are common words of the sentence: the plural or
    dual of a title («أكد [مديرو] التعليم», «[عضوان]»), the head noun of a body's name
    («وذكر [نادي] الاتحاد», «[بجريدة] "الرياض"»), and an adjective with the article
    right after a definite noun («الزمن [الجميل]», «الائتمان [الممنوح]»), a dictionary word
    the article does not end a longer person with (so «وأضاف [الصباغ]» and a surname met
    in full stay), and a noun in «ة» with a pronoun («بواسع [رحمته]»). A blessing after
    a name ends it: «[محمد] صلوات الله وسلامه عليه», «[سلمان بن عبدالعزيز] أيده الله»,
    «[نايف] رحمه الله»; a prayer alone is no person. A dictionary word with «ك» («your»)
    where the article speaks to someone is no person either («احفظ [لسانك]، فإنك ...»)."""
    keys = features.folded(words)
    resources = features.resources
    surnames = {keys[last - 1] for first, last, kind in spans(tags)
                if kind == "PERS" and last - first > 1}
    result = list(tags)
    for first, last, kind in sorted(spans(tags)):
        if kind != "PERS":
            continue
        blessing = next((i for i in range(first, last) if i > first and keys[i] in _BLESSINGS
                         or prayer(i, words, keys)), None)
        if blessing is not None:
            while blessing > first and word_shape(words[blessing - 1]) == "P":
                blessing -= 1  # «عبدالعزيز بن عبدالرحمن [-] رحمه الله»
            result[blessing:last] = ["O"] * (last - blessing)
        elif _after_amount_word(first, words, keys, resources):
            result[first:last] = ["O"] * (last - first)  # «360 مليار [يوان]»
        elif last - first == 1 and (
                _title_plural(first, keys, resources)
                or is_honorific(keys[first])
                or _participles_in_construct(first, keys, resources)
                or plural_of_a_kind(keys[first], resources)
                or _body_head(words[first], features)
                or _noun_with_pronoun(words[first], keys[first], resources)
                or _addressed_noun(first, keys, resources)
                or _adjective_after_noun(first, keys, result, features, surnames)):
            result[first] = "O"
        elif last - first > 1 and _addressed_phrase(first, last, keys, features):
            result[first:last] = ["O"] * (last - first)  # «[إيش رأيك] باللي يسافر»
    return result


def _after_amount_word(i: int, words: list[str], keys: list[str],
                       resources: Resources) -> bool:
    """Whether a person follows a word of amount, as a currency or unit does: «360 مليار
    [يوان]», «250 ألف [روبل]», «48 تريليون [وون]». A name behind «ل» is what the money
    went for («8 ملايين [لفابيان ديلف]»), and so is a known one behind «ب»; «ألف» with no
    number before it is also «wrote» («ألف [إسحاق الأنباري] كتاب الاختلاف»)."""
    if i == 0 or keys[i - 1] not in _AMOUNT_WORDS or keys[i].startswith("ل"):
        return False
    if keys[i].startswith("ب") and is_known_name(resources, keys[i][1:]):
        return False
    return keys[i - 1] != _THOUSAND or _after_amount(i - 1, words, keys)


def _participles_in_construct(i: int, keys: list[str], resources: Resources) -> bool:
    """Whether a one-word person is a participle's plural in construct
    (:func:`participles_in_construct`) before the definite word it governs, maybe in
    quotation marks («يعايد [منسوبي] "الحرس الوطني"»)."""
    governed = i + 2 if i + 2 < len(keys) and keys[i + 1] in OPENING_MARKS else i + 1
    return (governed < len(keys) and keys[governed].startswith("ال")
            and participles_in_construct(keys[i], resources))


def participles_in_construct(key: str, resources: Resources) -> bool:
    """Whether a folded word is a participle's sound plural in construct: «[منسوبو]
    الإدارة», «[ممثلو] الادعاء», «[منسوبي] الحرس» (a dictionary word in «م» with «و/ي»,
    and no name the lists know), maybe behind a proclitic. The «ي» form wants a longer
    word: «مشاري» is a name."""
    if (not key.endswith(("و", "ي")) or is_known_name(resources, key)
            or key in resources.lexicon):
        return False
    if key[:1] in "وفبل" and key[1:2] == "م":  # behind a proclitic: «[بمنسوبي] الجمعية»
        key = key[1:]
        if is_known_name(resources, key) or key in resources.lexicon:
            return False
    single = key[:-1]
    return (single.startswith("م") and single in resources.lexicon
            and len(single) >= (_MIN_CONSTRUCT_STEM + 1 if key.endswith("ي")
                                else _MIN_CONSTRUCT_STEM))


_MIN_CONSTRUCT_STEM = 4


def plural_of_a_kind(key: str, resources: Resources) -> bool:
    """Whether a folded word, maybe behind «و/ف», is the sound plural or dual of a
    participle or present verb the dictionary lists: people named by what they are or
    do («قال [مسعفون]», «تعهد [مشرعون]», «أمران [ملكيان]») or doing it («الباكستانيون
    [يموتون]», «[يبحثان] أوجه التعاون»). Names begin «ما» («مارتين», «ماكرون»), and
    those the lists know stay."""
    if is_known_name(resources, key):
        return False
    if key[:1] in "وف" and len(key) - 1 > _MIN_CONSTRUCT_STEM + len("ون"):
        key = key[1:]  # «[ويبتسمان]»
        if is_known_name(resources, key):
            return False
    single = key[:-2]
    return (key.endswith(("ون", "ين", "ان")) and len(single) >= _MIN_CONSTRUCT_STEM
            and single in resources.lexicon
            and (single[0] == "ي" or single[0] == "م" and not key.startswith("ما")))


def _noun_with_pronoun(word: str, key: str, resources: Resources) -> bool:
    """Whether a one-word person is a dictionary noun in «ة» with a possessive pronoun,
    written so, maybe behind a proclitic («بواسع [رحمته]», «الشهيد ب[رحمته]»,
    «و[حكومته]», «[هوايته]», «[صلاتك]»): no name is one (all 12 such persons of the July
    news were these). Names the lists know stay."""
    written = strip_marks(word)
    ending = next((e for e in _PRONOUNS_AFTER_TA if written.endswith(e)), None)
    if ending is None or is_known_name(resources, key):
        return False
    noun = key[:len(key) - len(ending)]  # without «ت» and the pronoun
    forms = [noun + "ه"]
    if noun.endswith("ا") and len(noun) > 3:  # a plural in «ات»: «[تحياته]», «[إنجازاته]»
        forms += [noun[:-1] + "ه", noun[:-1]]
    return len(noun) > 2 and any(
        form in resources.lexicon or form[:1] in PROCLITIC_LETTERS and len(form) > 4
        and form[1:] in resources.lexicon for form in forms)


def _addressed_noun(i: int, keys: list[str], resources: Resources) -> bool:
    """Whether a one-word person is a dictionary word with the pronoun «ك/كم» («your»)
    in an article that speaks to someone elsewhere too («أنت», «عليك», or another such
    word): advice, interviews, verse and prayers («قبل [هرمك] وصحتك قبل سقمك», «ما
    [رأيك] ... منك»). The second condition keeps foreign names whose first letters make
    a word («ماسك», «توسك»). On the July news: 124 persons dropped, 3 of them names
    («بسمارك» twice, in a column that speaks to its reader; «إريك»). Looking only 20
    words either side dropped 85, none a name, and missed most interviews' «[رأيك]؟»."""
    if not _word_with_your(keys[i], resources):
        return False
    return any(j != i and keys[j] != keys[i]
               and (keys[j] in _YOU or keys[j][:1] in "وف" and keys[j][1:] in _YOU
                    or _word_with_your(keys[j], resources, words_only=True))
               for j in range(len(keys)))


def _addressed_phrase(first: int, last: int, keys: list[str], features: FeatureExtractor
                      ) -> bool:
    """Whether a person of several words holds an addressed noun (:func:`_addressed_noun`)
    and only dictionary words besides, none a name the lists know: dialogue, verse and
    sayings («[طلعي لسانك] يا فاتن», «[لسانك حصانك]», «[يضيء سماءك]») are no persons,
    while a foreign name whose own «ك» reads as «your» has a name or a word no dictionary
    explains beside it («[ساندرا بولوك]», «[كيرك دوغلاس]», «[رتشارد ودمارك]»)."""
    resources = features.resources
    addressed = [i for i in range(first, last) if _addressed_noun(i, keys, resources)]
    # only the article is taken off: «لامار» is no «ل» + «امار»
    return bool(addressed) and all(
        features.lexical_key(_without_article(keys[i]), strip=False) != 0
        and not is_known_name(resources, keys[i])
        for i in range(first, last) if i not in addressed)


def _word_with_your(key: str, resources: Resources, words_only: bool = False) -> bool:
    """Whether ``key`` is a dictionary word (maybe behind «و/ف/ب/ل») with «ك/كم/كما»
    after it and is no name the lists know. A word the dictionary lists whole has its own
    «ك» («سلوك», «يشارك», «مبارك»), and a definite word takes no pronoun; with
    ``words_only`` verbs of the «تفاعل» shape («وتشارك») and «هناك/ذلك» are left out too."""
    if key.startswith("ال") or is_known_name(resources, key) or (
            key[:1] in PROCLITIC_LETTERS and is_known_name(resources, key[1:])):
        return False  # «ومارك», «وإريك»: a name behind «و»
    ending = next((e for e in _YOUR if key.endswith(e)), None)
    if ending is None:
        return False
    word = key[:len(key) - len(ending)]
    if words_only and (key in _FAR_DEMONSTRATIVES
                       or word.lstrip("وف").startswith("ت")):
        return False
    bare = word[1:] if word[:1] in PROCLITIC_LETTERS else ""
    whole = (key, key[1:]) if bare else (key,)
    return (not any(form in resources.lexicon for form in whole)
            and any(len(stem) > 2 and stem in resources.lexicon for stem in (word, bare)))


_YOUR = ("كما", "كم", "ك")
_YOU = frozenset(fold(word) for word in (
    "أنت", "أنتم", "أنتما", "إنك", "أنك", "لأنك", "إنكم", "أنكم", "لك", "لكم", "عليك", "عليكم",
    "منك", "منكم", "بك", "بكم", "إليك", "إليكم", "فيك", "فيكم", "عنك", "عنكم"))
_FAR_DEMONSTRATIVES = frozenset(fold(word) for prefix in ("", "و", "ف", "ب", "ل", "ك", "ول")
                                for word in (prefix + "ذلك", prefix + "تلك", prefix + "هناك",
                                             prefix + "هنالك", prefix + "ذاك"))


_PRONOUNS_AFTER_TA = ("تهما", "تهم", "تها", "ته", "تكم", "تك", "تنا")


def _body_head(word: str, features: FeatureExtractor) -> bool:
    """Whether a one-word person is the head noun of a body's name, alone or after a
    proclitic: «مدير تحرير [مجلة] «نيويوركر»», «[بجريدة] "الرياض"», «[لمجموعة]
    "صافولا"»; no name is one of these words."""
    resources = features.resources
    key, stem = features.keys(word)
    return any(form in heads for form in (key, stem, "ال" + stem)
               for heads in (resources.org_heads, resources.institution_heads))


def prophets_are_no_persons(words: list[str], tags: list[str], features: FeatureExtractor
                            ) -> list[str]:
    """``tags`` without the persons that are prophets, which readers of who is in the
    news and who said what do not look for among its actors (and the annotation guide
    does not count): a name after «النبي»/«رسول الله»/«نبينا» or before «صلى الله عليه
    وسلم»/«عليه السلام» («النبي [محمد] صلى الله عليه وسلم», «[يوسف] (عليه السلام)»).
    «رضي الله عنه» (a companion) keeps its person. The corpora tag prophets as persons,
    so only the app's output drops them."""
    keys = features.folded(words)
    result = list(tags)
    for first, last, kind in spans(tags):
        if kind == "PERS" and (_after_prophet_word(first, keys)
                               or _before_prophetic_blessing(first, words, keys)
                               or _before_prophetic_blessing(last, words, keys)):
            result[first:last] = ["O"] * (last - first)
    return result


def _after_prophet_word(first: int, keys: list[str]) -> bool:
    """«النبي/للنبي/نبينا/الرسول [...]», «رسول الله [...]», or the span opening with such
    a word («[نبيه محمد]», «[رسول الله محمد]»)."""
    if keys[first] in _PROPHET_WORDS or first and keys[first - 1] in _PROPHET_WORDS:
        return True
    return first > 1 and keys[first - 1] == _ALLAH and keys[first - 2] in _PROPHET_WORDS


def _before_prophetic_blessing(last: int, words: list[str], keys: list[str]) -> bool:
    """«[...] صلى الله عليه وسلم», «[...] (عليه السلام)», «[...] ﷺ» at ``last`` (at a
    span's first word: the blessing taken for a name, «[صلى الله]»)."""
    k = last
    while k < len(words) and words[k] in "(-–":
        k += 1
    if k >= len(words):
        return False
    if words[k] == "ﷺ":
        return True
    return k + 1 < len(words) and (keys[k], keys[k + 1]) in _PROPHETIC_BLESSINGS


def prayers_are_no_entities(words: list[str], tags: list[str], features: FeatureExtractor
                            ) -> list[str]:
    """``tags`` without the entities of any type that begin with a prayer: «- [رحمه
    الله] -» after a king's name was tagged a place 139 times in the July news, «[حفظه
    الله]», «[أيده الله]», «[وفقك الله]» places, bodies and other names (179 such entities
    in 66 articles); the persons rules drop them from persons already."""
    keys = features.folded(words)
    result = list(tags)
    for first, last, _ in spans(tags):
        if prayer(first, words, keys):
            result[first:last] = ["O"] * (last - first)
    return result


def currencies_are_no_bodies(words: list[str], tags: list[str], features: FeatureExtractor
                             ) -> list[str]:
    """``tags`` with «ريال» after an amount as the currency, tagged as the other currencies
    are (an other name, like «دولار»), and the words a span ran on into («3500 [ريال
    للمتر]») left out: the word is also Real Madrid's short name, and «154 مليار [ريال]»
    was tagged a body 1,999 times in the July news, so a report's figures had a speaker
    «ريال». Without an amount before it («وسعى [ريال] جاهدا») it is the club."""
    keys = features.folded(words)
    result = list(tags)
    for first, last, _ in spans(tags):
        if keys[first] == _RIYAL and _after_amount(first, words, keys):
            result[first:last] = ["B-MISC"] + ["O"] * (last - first - 1)
    return result


def _after_amount(i: int, words: list[str], keys: list[str]) -> bool:
    """Whether the word at ``i`` follows an amount: a number («1200»; also «(700 - 1200)»
    and «120مليار», written together) or a word of one («مليار», «آلاف», «ملياري»)."""
    before = i - 1
    if before >= 0 and words[before] in (")", "]"):
        before -= 1
    return before >= 0 and (any(char.isdigit() for char in words[before])
                            or keys[before] in _AMOUNT_WORDS)


_RIYAL = fold("ريال")
_THOUSAND = fold("ألف")
_AMOUNT_WORDS = frozenset(fold(word) for word in (
    "مئة", "مائة", "مئات", "ألف", "ألفا", "آلاف", "ألفي", "مليون", "مليونا", "ملايين", "مليوني",
    "مليار", "مليارا", "مليارات", "ملياري", "تريليون", "ترليون", "تريليونات"))


def prayer(i: int, words: list[str], keys: list[str]) -> bool:
    """Whether a prayer for the person begins at ``i`` («رحمه الله», «حفظهما الله»);
    «رحمة الله» with «ة» is a name (Rahmatullah), which folding would confuse with it."""
    return (keys[i] in _PRAYERS and i + 1 < len(keys) and keys[i + 1] == _ALLAH
            and not words[i].endswith("ة"))


def _title_plural(i: int, keys: list[str], resources: Resources) -> bool:
    """Whether the word at ``i`` is a title's plural or dual («عضوان», «المديرين»), or
    its plural before the definite word it governs («مديرو التعليم»; «وليو كان» is Leo)."""
    key = keys[i]
    if key in resources.given_names:
        return False
    for ending in _PLURAL_TITLE_ENDINGS:
        title = key[:-len(ending)]
        if key.endswith(ending) and len(title) >= _MIN_TITLE and title in resources.titles:
            return ending != "و" or (i + 1 < len(keys) and keys[i + 1].startswith("ال"))
    return False


def _adjective_after_noun(i: int, keys: list[str], tags: list[str],
                          features: FeatureExtractor, surnames: set[str]) -> bool:
    """Whether the one-word person at ``i`` is an adjective of the definite word before
    it: both carry the article, the person is a dictionary word no name list knows and
    no adjective of belonging (the form of most family names: «اللاعب [الحربي]»), and
    the word before is a dictionary word with the article (or «لل»), no name and no
    title («الرئيس [الأسد]» is a man, «العبدالله [الفيصل]» one name)."""
    key = keys[i]
    if not i or tags[i - 1] != "O" or key in surnames or not key.startswith("ال"):
        return False
    resources = features.resources
    before = keys[i - 1]
    if (not before.startswith(("ال", "لل")) or is_known_name(resources, before)
            or features.lexical_key(before) < 2 or before in resources.titles
            or "ال" + features.keys(before)[1] in resources.titles):
        return False
    return (not is_known_name(resources, key) and not key.endswith("ي")
            and features.lexical_key(key) == 2)
