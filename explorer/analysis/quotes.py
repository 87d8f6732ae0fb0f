"""Quotes: where reported speech is, how it is cued, and the words that name its speaker.

The shapes found:

* a speech cue (verb, participle or verbal noun, see :mod:`speech_verbs`) followed, within
  its sentence, by a subject and then by a colon or quotation marks (direct speech) or by
  أن/إن/بأن/إلى أن (indirect speech, which runs to the end of the clause);
* a cue whose content is a verbal noun («أعلنت الوزارة عن ضبط ...», «، مؤكداً حرص ...»),
  or a participle run straight into what was said («، مبيناً سعر المواشي أقل»);
* quotation marks followed by a cue («...»، قال الساعدي), and a clause followed by its
  cue («...، كما يقول السيد فارغا», «... حسبما أفادت ...»);
* a sentence that opens with its source («وبحسب القضاء الأمريكي، فإن ...»);
* a line «فلان: ...» whose left side names a speaker (a headline, or a line that opens
  with quotation marks after the colon).

Quotation marks with no cue — titles, names, scare quotes — are not quotes. Marks are
paired within a paragraph, so an unbalanced mark never swallows the rest of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from explorer.analysis.mentions import MentionSet
from explorer.analysis.name_phrases import (
    ACCORDING_TO,
    NISBA_ENDINGS,
    PhraseReader,
    Word,
    folded_set,
    is_anonymous,
    is_org_head,
    is_stop,
    is_time,
    reported_after_name,
)
from explorer.analysis.speakers import Subject, past_dative, read_subject
from explorer.analysis.speech_verbs import (
    CueInfo,
    cue_info,
    kept_cue_info,
    without_conjunction,
)
from explorer.arabic.normalize import fold, strip_marks
from explorer.arabic.tokens import line_break_offsets, sentence_spans
from explorer.model import Entity

# The usual pairs, then the same marks reversed as right-to-left typing sometimes leaves them
# (a closing mark never reaches this table when its opening mark came first).
_OPENERS = {"«": "»", "“": "”", "„": "“", "‹": "›", "‘": "’", "»": "«", "”": "“"}
# Marks news also types as the same character on both sides: «لـ”الوئام”».
_SAME_CHAR_PAIRS = frozenset("”")
_COMPLEMENTIZERS = folded_set("ان انه انها انهم انهما انهن اننا انني بان بانه بانها بانهم باننا "
                              "فان فانه فانها فانهم")  # «بحسب ما أفاد به فلان، فإن ...»
_SEPARATORS = frozenset(".-–—|،,")  # «بعد لقائه الأسد، لافروف: ...»
_MARK_CHARS = frozenset("«»“”„‹›‘’\"'")  # every opener and closer
_CLAUSE_ENDS = frozenset(".،,;؛!?؟)")
# What opens the reported clause after a source: «وبحسب المصدر فإن ...», «ووفقا للمصادر
# العسكرية فقد فطن ...».
_THEN_THAT = folded_set("فإن فإنه فإنها فإنهم فقد")
# Words after which marks hold a name or a title: «بعنوان "..."», «تحت شعار "..."».
_NAMING_WORDS = folded_set("بعنوان عنوان شعار اسم باسم وسم هاشتاغ هاشتاج كتاب كتابه فيلم "
                           "برنامج مسلسل رواية روايته حمله عمليه")
# Words that open a new clause: a cue after them is not speech within speech.
_CLAUSE_LINKS = folded_set("فيما بينما حين كما ثم لكن بل حيث اذ عندما لكنه لكنها فقد وقد")
_SOURCE_PREPOSITIONS = folded_set("عن الى")
_NEGATING_NOUNS = folded_set("عدم")
_KANA = folded_set("كان كانت وكان وكانت فكان فكانت")
_OPENS_SUBJECT = _KANA | folded_set("اما")  # «أما الوزير، فقال», «وكانت الوزيرة قد ...»
# before a sentence's subject: «لكن ...», «فيما اعترف رئيس البلدية ...، مؤكداً», «وكذلك
# ألقى ... الأمير فلان كلمة قال فيها»
_OPENING_LINKS = folded_set("لكن ولكن بل ثم فيما حيث كذلك وكذلك")
_IN = folded_set("في")
_ACCORDING_OPENERS = ACCORDING_TO | frozenset("و" + key for key in ACCORDING_TO)
# What puts a cue after the words it reports: «...، كما قال فلان», «...، حسبما أفادت»,
# «...، بحسب ما ذكر فلان», «...، وفقا لما قاله».
_AS_SAID = folded_set("كما حسبما وفقما")
# Cues whose content may be a verbal noun instead of a clause: «أعلنت الوزارة ضبط 44
# عنصرا», «أكد مديرو التعليم جاهزية المدارس», «مؤكداً عمق العلاقات», «نفى ... ما تردد»,
# «متوقعاً الانتهاء من ...».
_NOMINAL_CUES = folded_set("اعلن اكد نفي كشف دعا طالب حذر شدد اعرب اثني ندد اشاد نوه تساءل "
                           "ناشد اهاب حث ابدي رجح توقع وعد عبر")
# «توقّع» alone is as often «تُوقّع» (signs: «توقّع إدارة المطار عقد ...») as «expected».
_SIGNS = folded_set("توقع")
_CONTENT_PREPOSITIONS = folded_set("عن على الى من")
# Cues that report a verbal noun only through «إلى», and only in the past: «ولفت إلى مقتل
# 2927 ...», «وأشارت إلى استمرار ...»; not «لفت انتباه» (caught the eye), nor the present
# «يشير إلى» (indicates), whose subject is mostly a thing.
_POINTING_CUES = folded_set("اشار لفت نوه")
_TO = folded_set("الى")
# Cues that address someone before what they ask: «دعا الطلاب إلى», «طالب الوزارة بـ».
_ADDRESSING = folded_set("دعا طالب ناشد اهاب حث وعد")
# Cues that pray to God when He follows them: «داعيا الله أن», «وسأل المولى عز وجل أن».
_PRAYING = folded_set("دعا سال")
# Cues that relay what a source said, named after «عن» or «من»: «ونقلت الوكالة عن مصدر أن
# ...», «وعلمت «الشرق الأوسط» من مصادر مطلعة أن ...»; without it they carry things
# («نقل المصابين») or tell what someone came to know («علمت أن»), and «عن طريق» is «by
# way of».
_RELAYED_FROM = {fold("نقل"): fold("عن"), fold("علم"): fold("من")}
_RELAYING = frozenset(_RELAYED_FROM)
# «علم» is a cue here only, and only as a relaying one: elsewhere it is «a flag» or
# «science» («أستاذ علم الجريمة»), which no reader of names or subjects may stop at.
# The bare «علم» is left out, being as often the noun.
_LEARNED = {fold(conjunction + form): CueInfo(fold("علم"), "finite", gender, plural)
            for conjunction, form, gender, plural in (
                ("", "علمت", "f", False), ("و", "علمت", "f", False), ("ف", "علمت", "f", False),
                ("و", "علم", "m", False), ("ف", "علم", "m", False), ("", "علموا", "m", True),
                ("و", "علموا", "m", True))}
# After «علم من», what is no source: «من خلال تحليل دم» (through), «من الطبيعي أن» (it is
# natural that), «من المتوقع أن».
_NOT_A_SOURCE = folded_set("خلال")
_NEAR = folded_set("بالقرب قرب مقربة")  # «بالقرب من برلين»: a place, not a source
# A relayer's own sources, named after its «من/عن»: «علمت "سبق" من [مصادرها] أن».
_THEIR_SOURCES = folded_set("مصادرها مصادره مصادرهم")
# «عبّر» expresses only with «عن» after its subject: elsewhere «وعبر» is «and via».
_EXPRESSING = folded_set("عبر")
# Negated, these cues tell what was not said («ولم يكشف النادي عن التفاصيل المالية», «لم
# تعلن الشركة عن»); «لم يستبعد أن» still reports a view.
_NEGATIONS = folded_set("لم ولم لا ولا لن ولن")
_NOT_SAID_WHEN_DENIED = folded_set("كشف أعلن أوضح أفصح ذكر")
# Before أن they make «however», which opens a clause, not what a cue reports.
_CONTRAST = folded_set("إلا غير")
# Before أن they make a clause of time or of need: «بعد أن», «قبل أن», «يجب أن».
_TIME_OR_MODAL = folded_set("بعد قبل منذ يمكن يجب ينبغي بد لابد يريد تريد يستطيع تستطيع "
                            "يحاول تحاول")
_WAY = folded_set("طريق")
_GOD = folded_set("الله المولى")
_MAX_ADDRESSEE = 4
# «في بيان», «في تصريح له»: the medium of a statement between its cue and its content.
_MEDIA = folded_set("بيان تصريح تصريحات حديث مقابله كلمه رساله اتصال تغريده")
_MEDIA_MODIFIERS = folded_set("له لها لهم رسمي صحفي صحافي مقتضب مكتوب مشترك هاتفي")
# A web or mail address after a colon: where to go, not what was said.
_ADDRESS = re.compile(r"(?:https?|www\.|[\w.]+@)", re.ASCII)
# Participles that news runs straight into what was said, without «أن»: «، مضيفا شركات
# الحج تتضرر», «، مبيناً سعر المواشي في الشمال أقل».
_CLAUSE_PARTICIPLES = folded_set("اضاف بين اوضح اشار لفت نوه قال")
# Before a cue, what makes its subject a thing: «مما يؤكد أهمية», «الذي يؤكد على».
_THING_SUBJECTS = folded_set("ما بما مما الذي التي وهو وهي وهذا وهذه")
_ADJUNCT_PREPOSITIONS = folded_set("في خلال لدى اثناء امس اليوم عبر")
# «أصدر تعميماً أكد فيه عقد اجتماع»: the statement the cue is in, pointed back to
_RESUMPTIVE = folded_set("فيه فيها خلاله خلالها")
_DASHES = frozenset("-–—")
_SUBJECT_ADVERBS = folded_set("ايضا كذلك بدوره بدورها امس اليوم")
_SUBJECT_PARTICLES = folded_set("به بها بذلك باسم")  # «كما أفاد بذلك», «المتحدث باسم»
# What may open a verbal-noun content though it stops a name: «نفى ما تردد», «داعياً
# جميع المرشحين».
_QUANTIFIERS = folded_set("ما جميع كافه كل عدم")  # and «أكد عدم الحاجة»
_TURN_WORDS = folded_set("جانبه جانبها جهته جهتها ناحيته ناحيتها بدوره بدورها كما")
_FROM = folded_set("من")
_OPENING_CUES = folded_set("يتابع تتابع")  # «». يتابع أنه «...»»; «كانت تتابع المجلات»
_BARE_CUES = folded_set("بين بينت") | _OPENING_CUES
_FIGURES = folded_set("ارقام احصاءات احصائيات معطيات نتائج تقديرات بيانات مؤشرات")
_MIN_NOMINAL_WORDS = 3
_THAT_IS = fold("وذلك")  # «...، وذلك كما قال فلان»: the clause before, pointed back to
_AS_SAID_PAIRS = {("حسب", "ما"), ("بحسب", "ما"), ("وفق", "ما"), ("وفقا", "لما")}
# The same words left at the end of a quote that the next cue (the source relaying it)
# ends: they are the attribution's, not the quote's.
_AS_SAID_TAIL = re.compile(r"[\s،,]*(?:كما|حسبما|بحسب ما|حسب ما|وفق ما|وفقا لما|وفقاً لما)\s*$")
_CUE_WINDOW = 25
_NOUN_WINDOW = 20
_MAX_SUBJECT_WORDS = 7
_MAX_SOURCE_WORDS = 4
# What news says of an unnamed source besides its nationality: «مصدر مسؤول», «مطلع».
_SOURCE_ADJECTIVES = folded_set("مسؤول مسؤوله مسؤولون مسؤولين رفيع رفيعه مطلع مطلعه "
                                "مطلعون مقرب مقربه مقربون بارز بارزه كبير كبيره")
_PLAIN_SAYING = folded_set("قال اوضح اكد اضاف صرح افاد تابع")
# Cues whose content opens with «بـ»: «أشاد الوزير [بالجهود ...]», «ونوه المسافر [بالمعاملة]».
_PRAISING = folded_set("اشاد نوه ندد")
_NOT_SPEAKERS = folded_set("عاجل فيديو بالفيديو شاهد بالصور صور خاص حصري تحليل راي")


def _dateline(subject: Subject, segment: list[int], words: list[Word]) -> bool:
    """Whether a headline's left side is only a place («كينيا:», «العراق :»)."""
    entity = subject.entity
    return (subject.kind == "named" and entity is not None and entity.type == "LOC"
            and entity.start <= words[segment[0]].start and words[segment[-1]].end <= entity.end)


# First-person words that make a place's headline its own words («طهران: لسنا ...»).
_FIRST_PERSON = folded_set("نحن إننا انا أنا لسنا لنا علينا منا عندنا لدينا")


def _source_adjective(word: Word) -> bool:
    """An indefinite adjective after an unnamed source: a nisba («أمني», «عراقي») or what
    news says of sources («مسؤول», «مطلع»)."""
    return word.token.is_word and not word.definite and not is_stop(word) and (
        word.key in _SOURCE_ADJECTIVES or word.key.endswith(NISBA_ENDINGS))


def _plainly_said(cue: str) -> bool:
    """Whether ``cue`` is a verb only people and bodies do («قال», «أوضح», «أكد»): its
    subject speaks even when no name or role is read in it («وقال ضابط يمني - فضّل عدم
    الكشف عن اسمه - إن», «وقالت مصلحة المرافق العامة في سياتل إن», «وقال 57% من الآباء
    إن»), unlike «كشف», «أشار», «رأى», whose subject is often a thing («وكشفت الأرقام أن»)."""
    info = kept_cue_info(cue)
    return info is not None and info.lemma in _PLAIN_SAYING


def _first_person(words: Iterable[Word]) -> bool:
    """Whether a headline's right side speaks in the first person plural or singular:
    «نحن», «لسنا», or a verb or noun with «نا» («موجوداتنا», «سيرشقنا»), or a future in
    «سن» («سنحظرها») — the state speaks; a report of events («مقتل 5 أشخاص») does not."""
    from explorer.analysis.ner.resources import load_resources

    lexicon = load_resources().lexicon
    for word in words:
        key = word.key
        if key in _FIRST_PERSON:
            return True
        stem = key[1:] if key[:1] in "وف" and len(key) > 4 else key
        if not word.token.is_word or stem in lexicon:
            continue
        if len(stem) > 3 and stem.endswith("نا") and (
                stem[:-2] in lexicon or stem[:-1] not in lexicon) \
                or len(stem) > 4 and stem.startswith("سن"):
            return True  # «قواتنا»; not the accusative of a word in «ن» («ومضمونا»)
    return False


def _without_article(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) > 3 else key


def _without_lam(word: str) -> str:
    """A word without the «ل» that «وفقا» takes: «لتقرير» → «تقرير», «للتقرير» → «التقرير»."""
    if word.startswith("لل") and len(word) > 4:
        return "ا" + word[1:]
    return word[1:] if word.startswith("ل") and len(word) > 3 else word


def is_complementizer(word: Word) -> bool:
    """أن/إن/بأن and their pronoun forms (أنه، إنها ...), but not «آن» (a name)."""
    return word.key in _COMPLEMENTIZERS and not word.text.startswith("آ")


@dataclass(slots=True)
class MarkSpan:
    """A pair of quotation marks: word indices of the opening and closing marks."""

    open: int
    close: int  # the closing mark, or the paragraph's last word when unclosed
    closed: bool
    # left open, but ended with its sentence where the next opened (see ``_marks``)
    ended: bool = False

    @property
    def bounded(self) -> bool:
        """Whether the span ends where its quote does: closed, or ended with its sentence."""
        return self.closed or self.ended


@dataclass(slots=True)
class FoundQuote:
    """A quote located in the text, its cue and its subject, before speaker resolution."""

    start: int
    end: int
    kind: str
    cue: str
    cue_at: int  # offset of the cue (or of the colon) in the text
    form: str  # finite, participle, noun, colon
    gender: str | None
    subject: Subject
    sentence: int
    clause_subject: Entity | None = None  # who the sentence's main verb has as subject
    previous_subject: Entity | None = None  # ... and the sentence's before it


def _run_of(numbers: list[int], number: int) -> range:
    """The indices holding ``number`` in ``numbers``, which never decrease (each word's
    line or sentence)."""
    return range(bisect_left(numbers, number), bisect_right(numbers, number))


def find_quotes(text: str, reader: PhraseReader, mentions: MentionSet) -> list[FoundQuote]:
    """Every quote in ``text``, in text order (see the module docstring)."""
    return _Finder(text, reader, mentions).run()


class _Finder:
    def __init__(self, text: str, reader: PhraseReader, mentions: MentionSet) -> None:
        self.text = text
        self.reader = reader
        self.mentions = mentions
        self.words: list[Word] = reader.words
        self.spans = sentence_spans(text)
        self.sentence_of = self._sentences()
        self.line_of = self._lines()
        self.marks = self._marks()
        self.mark_at = {m.open: m for m in self.marks}
        self.used_marks: set[int] = set()
        self.claimed: set[int] = set()  # words already part of a quote or its cue's subject
        self.found: list[FoundQuote] = []
        self.cues: list[int] = []  # the words that are speech cues, set by :meth:`run`
        self._open_indirect: dict[int, int] = {}  # sentence → start of its first indirect
        self._unmarked: list[FoundQuote] = []  # direct quotes after a colon, without marks

    # -- structure ------------------------------------------------------------------
    def _sentences(self) -> list[int]:
        """Each word's sentence: the first span that does not end before it (words past
        the last span count in the last)."""
        ends = [end for _, end in self.spans]
        return np.minimum(np.searchsorted(ends, self.reader.word_starts, side="right"),
                          max(len(ends) - 1, 0)).tolist()

    def _lines(self) -> list[int]:
        """Each word's line: how many line breaks come before it."""
        return np.searchsorted(line_break_offsets(self.text), self.reader.word_starts).tolist()

    def _marks(self) -> list[MarkSpan]:
        """Pairs of quotation marks within a paragraph, the outermost pair kept, and the
        first mark left open in a paragraph as a quote running to its end; one pass with a
        stack, so no arrangement of marks costs more than linear time. A straight mark
        left open before a later sentence opens another («وقال سموه "إن ... الوطن. وتحدث
        ...، وقال سموه "مرحباً ..."») ends with its own sentence: read as a pair, the two
        would swallow the second cue and its quote. A straight mark written as a closing
        one opens nothing, so one left over does not shift the pairs after it."""
        words = self.words
        line_of = self.line_of
        spans: list[MarkSpan] = []
        stack: list[tuple[int, str]] = []  # (index of the opening mark, its closer)
        pairs: list[MarkSpan] = []
        line = None
        for i in [i for i, word in enumerate(words) if word.text in _MARK_CHARS]:
            if line_of[i] != line:
                if line is not None:  # the paragraph before ends with its line's last word
                    spans += self._paragraph_marks(pairs, stack, _run_of(line_of, line)[-1])
                pairs, stack, line = [], [], line_of[i]
            char = words[i].text
            if stack and char == "\"" == words[stack[-1][0]].text \
                    and self._opens_next_sentence(stack[-1][0], i):
                left_open = stack.pop()[0]
                pairs.append(MarkSpan(left_open, _run_of(self.sentence_of,
                                                         self.sentence_of[left_open])[-1],
                                      closed=False, ended=True))
                stack.append((i, char))
            elif stack and (char == stack[-1][1] or char in _SAME_CHAR_PAIRS
                            and char == words[stack[-1][0]].text):
                pairs.append(MarkSpan(stack.pop()[0], i, True))
            elif char in _OPENERS or char == "\"" and not self._written_as_closing(i) or (
                    char == "'" and self._straight_single_opens(i)):
                stack.append((i, _OPENERS.get(char, char)))
        if line is not None:
            spans += self._paragraph_marks(pairs, stack, _run_of(line_of, line)[-1])
        return spans

    @staticmethod
    def _paragraph_marks(pairs: list[MarkSpan], stack: list[tuple[int, str]],
                         last: int) -> list[MarkSpan]:
        spans: list[MarkSpan] = []
        reach = -1
        for pair in sorted(pairs, key=lambda m: m.open):
            if pair.open > reach:  # not inside a pair already kept
                spans.append(pair)
                reach = pair.close
        if stack:
            open_ = stack[0][0]
            spans.append(MarkSpan(open_, last, False))
        return sorted(spans, key=lambda m: m.open)

    def _opens_next_sentence(self, open_: int, i: int) -> bool:
        """Whether the straight mark ``i`` opens a quote of a later sentence than the
        straight mark ``open_`` left open: each with a space before it and a letter right
        after it, as marks that open are written (a closing mark follows its word)."""
        return self.sentence_of[i] != self.sentence_of[open_] \
            and self._written_as_opening(open_) and self._written_as_opening(i)

    def _written_as_closing(self, i: int) -> bool:
        """A straight mark between a word and a sign that ends a clause («الواقع".»,
        «الواقع"،»): it closes a quote, and one left over from an unbalanced quote opens
        none. Marks with a space or a word after them are left ambiguous: «فوكس" الإجراء»
        opens."""
        start, end = self.words[i].token.start, self.words[i].token.end
        text = self.text
        return start > 0 and (text[start - 1].isalnum() or text[start - 1] in _CLAUSE_ENDS) \
            and (end == len(text) or text[end] in _CLAUSE_ENDS or text[end] == "\n")

    def _written_as_opening(self, i: int) -> bool:
        """A mark after a space (or at the text's start) with a letter right after it."""
        start, end = self.words[i].token.start, self.words[i].token.end
        return (start == 0 or self.text[start - 1].isspace()) \
            and end < len(self.text) and self.text[end].isalpha()

    def _straight_single_opens(self, i: int) -> bool:
        """A straight ' opens a quote only after a space and before a word («'...'»)."""
        token = self.words[i].token
        before = self.text[token.start - 1] if token.start else " "
        return before.isspace() and i + 1 < len(self.words) and self.words[i + 1].token.is_word

    # -- passes ---------------------------------------------------------------------
    def run(self) -> list[FoundQuote]:
        self._colon_lines()
        self.cues = [i for i, word in enumerate(self.words)  # few words are cues
                     if word.token.is_word and (cue_info(word.text) is not None
                                                or word.key in _LEARNED
                                                or word.key in _BARE_CUES
                                                and self._bare_cue(i) is not None)]
        for i in self.cues:
            if i in self.claimed:
                continue
            info = self._cue(i)
            if info is not None and not self._embedded(i, info):
                self._from_cue(i, info)
        self._cue_after_marks()
        self._cue_after_clause()
        self._according_to_first()
        self._end_indirect()
        self._end_unmarked()
        for quote in self.found:  # «قالت الوزارة إن ...، حسبما نقلت رويترز»
            quote.end = quote.start + len(_AS_SAID_TAIL.sub("", self.text[quote.start:quote.end]))
        self.found = [q for q in self.found  # a cue with nothing said after it is no quote
                      if any(char.isalnum() for char in self.text[q.start:q.end])]
        for quote in self.found:
            if quote.subject.kind == "implicit":
                quote.clause_subject = self._clause_subject(quote.sentence, quote.cue_at)
                if quote.sentence > 0:
                    quote.previous_subject = self._clause_subject(quote.sentence - 1,
                                                                  quote.cue_at)
        return sorted(self.found, key=lambda q: q.start)

    def _clause_subject(self, sentence: int, before: int) -> Entity | None:
        """The person (else institution) right after the first verb of the quote's
        sentence («ودافع وزير المالية كمال الطرابلسي عن المشروع، مؤكداً أن»), titles
        allowed in between, after an opening adverbial («في المقابل، ...») or «أما»; not
        one behind a preposition («وفي لقاء مع الرئيس ...، قال إن»)."""
        words = self.words
        indices = _run_of(self.sentence_of, sentence)
        if not indices:
            return None
        first = indices[0]
        dash = next((i for i in indices[:5] if words[i].text in _DASHES), None)
        if dash is not None and not (words[first].key.startswith("و")
                                     and first not in self.reader.entity_at):
            # «نيويورك - دعا ...», «خالد خليل- سبق- الرياض: ...»: a dateline; not an
            # aside in a running sentence: «وتحدث فلان - كاتب - قائلاً»
            first = dash + 1
        if first < len(words) and words[first].key in _OPENING_LINKS:
            first += 1  # «لكن ناقد الموضة أندي ماكدوال له رأي آخر، فقد تساءل»
        turned = first + 1 < len(words) and words[first].key in _FROM \
            and words[first + 1].key in _TURN_WORDS
        if turned:
            first += 2  # «من ناحيته ثمَّن السفير أحمد قطان، سفير المملكة في مصر ...»
            if first < len(words) and words[first].text in "،,":
                first += 1  # «من جهته، عبر اللواء ...»: the verb, though «عبر» is also «via»
        if not turned and first < len(words) and words[first].key not in _OPENS_SUBJECT \
                and is_stop(words[first]) and not cue_info(words[first].text):
            comma = next((i for i in indices if first < i <= first + 6
                          and words[i].text in "،,"), None)
            if comma is None:
                return None
            first = comma
        found: list[Entity] = []
        for i in range(first, min(first + _MAX_SUBJECT_WORDS + 4, len(words))):
            if words[i].start >= before or self.sentence_of[i] != sentence:
                break
            hit = self.reader.entity_at.get(i)
            if hit is not None and hit[0].type in ("PERS", "ORG"):
                found.append(hit[0])
            if i > first + 1 and words[i].token.is_word and is_stop(words[i]) \
                    and not words[i].definite and not self._place_of_role(i):
                break  # the verb itself may be a speech verb: «طالبت الخارجية ...»
        persons = [e for e in found if e.type == "PERS"]
        return (persons or found or [None])[0]

    def _bare_cue(self, i: int) -> CueInfo | None:
        """«بين/بينت» with no conjunction is a verb right after «من جانبه»/«من جهته»/
        «بدوره»/«كما», a comma between or not («من جانبه بين مدير ... أن», «من جهته،
        بيّن البائع ...», «كما بينت العمادة أن»); elsewhere it is «between». «يتابع/تتابع»
        with no conjunction goes on speaking only where it opens a sentence; elsewhere it
        follows («كانت تتابع المجلات»)."""
        word = self.words[i]
        if word.key in _OPENING_CUES:
            sentence = _run_of(self.sentence_of, self.sentence_of[i])
            opening = next(j for j in sentence if self.words[j].token.is_word)
            return cue_info("و" + word.text) if opening == i else None
        before = i - 1 if i > 1 and self.words[i - 1].text in "،," else i
        if before < 1 or word.key not in _BARE_CUES \
                or self.words[before - 1].key not in _TURN_WORDS:
            return None
        return cue_info("و" + word.text)

    def _cue(self, i: int) -> CueInfo | None:
        """The speech cue at word ``i``, if it is one here («كشف» is none in «عدم كشف» nor
        in «ولم يكشف النادي عن التفاصيل», «نقل» none without the «عن» of its source:
        «تولت نقل الرجل إلى المستشفى»)."""
        info = cue_info(self.words[i].text) or self._bare_cue(i) or _LEARNED.get(
            self.words[i].key)
        if info is not None and i > 0 and (
                self.words[i - 1].key in _NEGATING_NOUNS
                or self.words[i - 1].key in _NEGATIONS and info.lemma in _NOT_SAID_WHEN_DENIED):
            return None
        if (info is not None and info.lemma in _RELAYING
                and self._relayed_from(i, info.lemma) is None and not self._as_said(i)):
            return None
        if info is not None and info.lemma in _EXPRESSING and not self._about_follows(i):
            return None  # «وعبر الحدود», «وعبر حسابه في تويتر»: «and via»
        return info

    def _about_follows(self, c: int) -> bool:
        """Whether «عن» follows the cue at ``c`` within a subject's length in its sentence,
        before anything said: «وعبّر الأمير فيصل بن خالد [عن] شكره»."""
        words = self.words
        for k in range(c + 1, min(c + _MAX_SUBJECT_WORDS + 2, len(words))):
            if self.sentence_of[k] != self.sentence_of[c] or is_complementizer(words[k]):
                return False
            if words[k].key == "عن":
                return True
        return False

    def _cue_with_pronoun(self, c: int) -> CueInfo | None:
        """The cue of a verb written with the pronoun of the «ما» before it («قاله»,
        «قالته», «نقلته», «ذكره»), which is no cue written alone."""
        text = strip_marks(self.words[c].text)
        if not text.endswith("ه") or len(text) < 4:
            return None
        info = cue_info(text[:-1])
        if info is not None and info.lemma in _RELAYING and not self._as_said(c):
            return None
        return info

    def _as_said(self, c: int) -> bool:
        """Whether the cue at ``c`` follows «كما/حسبما» or «بحسب ما/وفق ما» and, with its
        subject, ends the sentence («...، حسبما [نقلت] وكالة الأنباء الإماراتية.»), which
        makes even «نقل» without «عن» report; not a source put between a cue and what it
        reports («وشدد البقعاوي، حسبما نقلت عنه صحيفة "الرياض"، على أهمية ...»)."""
        if self._as_said_start(c) is None:
            return False
        end = self._attribution_end(c)
        return end is not None and (end >= len(self.words) or self.words[end].text not in "،,")

    def _as_said_start(self, c: int) -> int | None:
        """Where «كما/حسبما» or «بحسب ما/وفق ما/وفقا لما» right before the word at ``c``
        begins, if they are there."""
        words = self.words
        if c > 1 and (words[c - 2].key, words[c - 1].key) in _AS_SAID_PAIRS:
            return c - 2
        return c - 1 if c > 0 and words[c - 1].key in _AS_SAID else None

    def _embedded(self, c: int, info: CueInfo) -> bool:
        """A cue inside the content of an indirect quote of the same sentence, without a
        conjunction or a comma before it, reports speech within speech («قال إن الحكومة
        أعلنت أن ...») and is part of the outer quote; «... وأكدت أحمد أن» and «...،
        مضيفاً أن» begin quotes of their own."""
        words = self.words
        if self._open_indirect.get(self.sentence_of[c], words[c].start + 1) > words[c].start:
            return False
        if info.form == "participle" or words[c - 1].text in "،,;؛" \
                or words[c - 1].key in _CLAUSE_LINKS:
            return False
        return self._cue_text(c) == words[c].text

    def _colon_lines(self) -> None:
        """«فلان: ...» — in the headline, or a line that opens with a name, colon, marks."""
        if ":" not in self.text:
            return
        words = self.words
        colons: dict[int, int] = {}  # line → its first colon
        for i, word in enumerate(words):
            if word.text == ":":
                colons.setdefault(self.line_of[i], i)
        for number, colon in colons.items():
            indices = _run_of(self.line_of, number)
            first = indices[0]
            for i in indices:
                if i >= colon:
                    break
                if words[i].text in _SEPARATORS:
                    first = i + 1
            opens_line = first == indices[0]
            stop = colon
            while first < stop and words[first].text in _MARK_CHARS:
                first += 1  # «"قسد": لن نسلم المنطقة»
            while stop > first and words[stop - 1].text in _MARK_CHARS:
                stop -= 1
            segment = [i for i in range(first, stop) if words[i].token.is_word]
            after = [i for i in indices if i > colon]
            if not segment or len(segment) > _MAX_SUBJECT_WORDS or len(after) < 2:
                continue
            opens_mark = after[0] in self.mark_at
            if (number > 0 and (not opens_line or not opens_mark)) \
                    or fold(words[segment[0]].text) in _NOT_SPEAKERS \
                    or any(cue_info(words[i].text) for i in segment + after[:1]):
                # a cue right after the colon makes the left side a dateline («دمشق: قال»)
                continue
            subject = read_subject(self.reader, self.mentions, first, stop, None,
                                   propose=False)
            if subject.kind not in ("named", "role") and not (
                    number == 0 and subject.kind in ("anonymous", "source")):
                continue  # a headline may quote «مصادر "سبق":» or «تقرير نفط الهلال:»
            mark = self.mark_at.get(after[0])
            all_quoted = mark is not None and not any(words[i].token.is_word for i in after
                                                      if i > mark.close)
            if number == 0 and not all_quoted and _dateline(subject, segment, words) \
                    and not _first_person(words[i] for i in after):
                continue  # «كينيا: مقتل 5 أشخاص»: where the news is from, not who spoke
            if all_quoted:
                start, end = self._inside(mark)
                self.used_marks.add(mark.open)
            else:
                start, end = words[after[0]].start, words[after[-1]].end
            self._add(start, end, "direct", ":", words[colon].start, "colon", None, subject,
                      colon)
            self.claimed.update(range(first, colon + 1))

    def _from_cue(self, c: int, info: CueInfo) -> None:
        words = self.words
        cue_word = words[c]
        if info.form == "noun" and (cue_word.definite or fold(cue_word.text).startswith("ال")):
            return
        if self._scan_from_cue(c, info) or info.form == "noun":
            return
        if (info.lemma in _NOMINAL_CUES and cue_word.key not in _SIGNS
                or info.form == "participle" and info.lemma in _CLAUSE_PARTICIPLES
                or self._points_back(c, info)) and self._nominal(c, info):
            return
        if info.form == "finite" and info.lemma not in _RELAYING:
            self._note_subject(c, info)  # a relayer is no speaker («نقلت الصحيفة عن ...»)

    def _nominal(self, c: int, info: CueInfo) -> bool:
        """A cue whose content is a noun phrase («أعلنت الوزارة عن ضبط 44 عنصرا», «،
        مؤكداً حرص الوزارة على ...»): the content runs from the start
        :meth:`_nominal_start` finds to the end of its clause; True when a quote was
        found."""
        if not self._speech_sense(c, info):
            return False
        found = self._nominal_start(c, info)
        if found is None:
            return False
        subject_end, start = found
        words = self.words
        content = 0
        for k in range(start, len(words)):
            if self.sentence_of[k] != self.sentence_of[c] or words[k].text in "،,؛;" \
                    or self._cue(k) is not None:
                break
            content += words[k].token.is_word
        if content < _MIN_NOMINAL_WORDS:
            return False
        subject = self._subject(c, info, subject_end)  # also «وكان مواطنون قد طالبوا»
        self.claimed.update(range(c, start))
        self._open_indirect.setdefault(self.sentence_of[c], words[start].start)
        kind = "direct" if info.lemma == "قال" else "indirect"  # «بقوله الحمد لله ...»
        return self._add(words[start].start, -1, kind, self._cue_text(c),
                         words[c].start, info.form, info.gender, subject, start)

    def _points_back(self, c: int, info: CueInfo) -> bool:
        """A past «أشار/لفت/نوه» with «إلى» right after it («ولفت إلى مقتل ...»): its verbal
        noun is what was said, as a clause with «إلى أن» would be."""
        return (info.form == "finite" and info.lemma in _POINTING_CUES
                and c + 1 < len(self.words) and self.words[c + 1].key in _TO
                and without_conjunction(fold(self.words[c].text))[:1] not in "يت")

    def _nominal_start(self, c: int, info: CueInfo) -> tuple[int, int] | None:
        """Where a verbal-noun content's subject ends and the content starts: past a
        parenthesis («مؤكداً - أيده الله -»), the subject of a finite cue (names, roles,
        definite words, set off by a comma or not), an adjunct («في اجتماعه بمديري
        التعليم», «عبر حسابه ...») and a preposition the verb takes («عن», «على»), at a
        word that is no name; None when no content can start there."""
        words = self.words
        sentence = self.sentence_of[c]

        def inside(k: int) -> bool:
            return k < len(words) and self.sentence_of[k] == sentence

        j = c + 1
        if inside(j) and words[j].text in _DASHES:
            close = next((k for k in range(j + 1, min(j + 6, len(words)))
                          if words[k].text in _DASHES), None)
            j = close + 1 if close is not None else j
        if inside(j) and words[j].key in _RESUMPTIVE:
            j += 1  # «تعميماً أكد فيه عقد اجتماع», «في وقت كشف فيه مصدر أمني عن ...»
        j = self._past_outlet(j, inside)  # «أكد لـ«عكاظ» المتحدث ...»
        subject_end = self._subject_end(j, inside, info.gender, info.lemma in _PRAISING) \
            if info.form == "finite" else j
        if info.lemma in _ADDRESSING and info.form == "finite":
            addressed = self._request_after_addressee(c, j, subject_end, inside)
            if addressed is not None:
                return addressed
        start = subject_end
        if start > j and inside(start) and words[start].text in "،,":
            start += 1  # «أعلنت المؤسسة العامة للتدريب التقني والمهني, استمرار فترة القبول»
        if start > j:
            start = self._past_outlet(start, inside)  # «مصادر مطلعة لـ«الشرق الأوسط» عن»
        if inside(start) and words[start].key in _ADJUNCT_PREPOSITIONS:
            if inside(start + 1) and words[start + 1].key in _MEDIA:
                # «نفت الشركة في بيان [وجود شراكة ...]»: the statement, then what it says
                start += 2
                while inside(start) and (words[start].key in _MEDIA_MODIFIERS
                                         or is_time(words[start])):
                    start += 1  # «في بيان لها أمس عن ...»
            else:
                place = self.reader.entity_at.get(start + 1)
                if place is not None and place[0].type == "LOC":
                    # «مصدر قبلي في شبوة لـ«الشرق الأوسط»، [سيطرة ...]», «أكد الوزير في
                    # الرياض [استمرار ...]»
                    start = self._past_outlet(place[1] + 1, inside)
                    while inside(start) and (is_time(words[start])
                                             or words[start].text in "،,"):
                        start += 1  # «في الرياض أمس على ...», «في السعودية أمس، القبض»
                else:
                    start = next((k for k in range(start + 1, min(start + 12, len(words)))
                                  if inside(k) and words[k].key in _CONTENT_PREPOSITIONS),
                                 start)
        opening = start  # the content keeps the preposition the verb takes («أثنى على ...»)
        if inside(start) and words[start].key in _CONTENT_PREPOSITIONS:
            start += 1
        if not inside(start) or start in self.claimed or start in self.reader.entity_at:
            return None
        word = words[start]
        if not word.token.is_word or (is_stop(word) and word.key not in _QUANTIFIERS) \
                or word.role:
            return None
        return subject_end, opening

    def _request_after_addressee(self, c: int, j: int, subject_end: int,
                                 inside: Callable[[int], bool]) -> tuple[int, int] | None:
        """(subject end, content start) of «دعا»/«طالب» with the ones addressed between
        its subject and its request: «ودعت الكلية الطلاب المقبولين [للحضور إلى ...]»,
        «وكان مواطنون قد طالبوا وزارة التعليم [بالنظر في ...]»: a request (a word with
        «بـ/لـ», or «إلى») a few words on shows them. The subject is at most the name, or
        the noun and its genitive, right after the cue, and nothing after it when «كان ...
        قد» named it before; the content runs from the ones addressed («[المرشحين بتحديد
        الموعد]»). None when the request follows the cue at once («دعا إلى»), which
        :meth:`_nominal_start` reads. A group as subject is read whole first («وطالب عدد
        من الحضور [اللجان المشاركة باختيار ...]», «دعا عدد من المختصين [إلى ...]»)."""
        words = self.words
        group = self.reader.group_at(j, len(words)) if inside(j) else None
        scan = group + 1 if group is not None else j
        for k in range(scan, scan + _MAX_ADDRESSEE + 3):
            if not inside(k) or words[k].text in "،,؛;" or self._cue(k) is not None:
                return None
            hit = self.reader.entity_at.get(k)
            if hit is not None and hit[0].start == words[k].start:
                continue
            key = words[k].key
            if key in _CONTENT_PREPOSITIONS or key[:1] in "بل" and len(key) > 3:
                if k == scan:
                    return None
                break
        else:
            return None
        hit = self.reader.entity_at.get(j)
        quoted = self._quoted_subject_end(j, inside)
        if c and words[c - 1].key == "قد":
            first_phrase = j
        elif group is not None:
            first_phrase = group + 1
        elif quoted is not None:
            first_phrase = quoted  # «ودعت «الهيئة» المؤهلين إلى ...»
        elif hit is not None:
            first_phrase = hit[1] + 1
        else:
            first_phrase = j + 1 if words[j].definite else j + 2
        named = self._person_ends_subject(j, inside)  # «دعا رجل الأعمال سعود المرزوقي إلى»
        if named is not None and named <= k:
            first_phrase = max(first_phrase, named)
        end = min(subject_end, first_phrase, k)
        return end, end  # what is asked is said with the ones asked: «[المرشحين بتحديد ...]»

    def _past_outlet(self, j: int, inside: Callable[[int], bool]) -> int:
        """Past the outlet or audience a statement is told to at ``j`` («لـ«الشرق
        الأوسط»»، «للصحفيين») and a comma after it; ``j`` itself when none is there."""
        if not inside(j):
            return j
        told = past_dative(self.reader, j, len(self.words))
        if told > j and inside(told) and self.words[told].text in "،,":
            told += 1
        return told if inside(told) else j

    def _quoted_subject_end(self, j: int, inside: Callable[[int], bool]) -> int | None:
        """After a cue that opens its clause («ودعت», «بدوره أكد»), a short name in
        quotation marks at ``j`` is its subject: the index after the closing mark. Not
        after a cue whose subject came first («الإمارات تعلن «استشهاد» ...»: what was
        announced)."""
        cue = j - 1
        opens = cue == _run_of(self.sentence_of, self.sentence_of[cue])[0] \
            or self.words[cue].text.startswith(("و", "ف")) \
            or cue > 0 and self.words[cue - 1].key in _TURN_WORDS
        close = self.reader.quoted_name_end(j, len(self.words)) if inside(j) and opens \
            else None
        return close + 1 if close is not None else None

    def _subject_end(self, j: int, inside: Callable[[int], bool], gender: str | None,
                     praising: bool = False) -> int:
        """The end of a finite cue's subject at ``j``: past the person a long role names,
        then past names, roles, definite words and a body's name with its head («نفت شركة
        غاز قطر»), and a parenthesis after them («حركة المقاومة الإسلامية (حماس)»). A body
        whose head does not agree with the verb is its object: «وطالب قوات التحالف ...»;
        a verbal noun after the subject is what was said: «أكدت الوزارة [الالتزام] ...».
        After a verb of praise (``praising``) a definite word with «بـ» opens what is
        praised («أشاد المواطنون [بالضربات ...]») unless another follows it, which then
        does («ونوه مدير الشؤون الصحية بالمنطقة [بالجهود ...]»). A short name in
        quotation marks is the whole subject."""
        words = self.words
        quoted = self._quoted_subject_end(j, inside)
        if quoted is not None:
            return quoted  # «وحذّر "السديس" من ...», «بدوره أكد «المرصد السوري» تحقيق ...»
        group = self.reader.group_at(j, len(words)) if inside(j) else None
        end = self._person_ends_subject(j, inside) or (group + 1 if group is not None else j)
        while inside(end) and end - j <= _MAX_SUBJECT_WORDS:
            hit = self.reader.entity_at.get(end)
            word = words[end]
            if hit is not None:
                end = hit[1] + 1
            elif end == j and word.token.is_word and is_anonymous(word) and not word.definite:
                end += 1  # «كشف مصدر أمني عراقي مسؤول عن ...»: the source and its adjectives
                while inside(end) and end - j <= _MAX_SOURCE_WORDS \
                        and _source_adjective(words[end]):
                    end += 1
            elif word.token.is_word and is_org_head(word) and not word.definite:
                if gender is not None and (word.key.endswith(("ه", "ات")) != (gender == "f")):
                    break
                end = self.reader.noun_phrase(end, len(words)) + 1
            elif word.token.is_word and (word.definite or word.role) and not is_stop(word) \
                    and not (end > j and reported_after_name(words, end)) \
                    and not (praising and end > j and word.key.startswith("بال")
                             and not (inside(end + 1) and words[end + 1].key.startswith("بال"))):
                end += 1
            else:
                break
        if end > j and inside(end) and words[end].text == "(":
            close = next((k for k in range(end + 1, min(end + 6, len(words)))
                          if words[k].text == ")"), None)
            end = close + 1 if close is not None else end
        return end

    def _scan_from_cue(self, c: int, info: CueInfo) -> bool:
        """Look after the cue, within its sentence, for a colon, quotation marks or a
        complementizer; True when a quote was found."""
        words = self.words
        window = _NOUN_WINDOW if info.form == "noun" else _CUE_WINDOW
        sentence = self.sentence_of[c]
        j = c + 1
        while j < len(words) and j - c <= window:
            word = words[j]
            if self.sentence_of[j] != sentence and not self._colon_line_break(j):
                return False
            if j in self.mark_at and j not in self.used_marks:
                if info.form != "noun" and self._mark_after_cue(c, info, j):
                    return self._direct(c, info, j)
                j = self.mark_at[j].close + 1
                continue
            if word.text == ":":
                if j + 1 < len(words) and j + 1 in self.mark_at:
                    j += 1
                    continue
                if j + 1 < len(words) and _ADDRESS.match(words[j + 1].text):
                    # «عبر موقعها الإلكتروني: http://...» gives an address, a run of tokens
                    end = words[j + 1].start + len(self.text[words[j + 1].start:].split()[0])
                    j += 1
                    while j < len(words) and words[j].start < end:
                        j += 1
                    continue
                return self._unmarked_direct(c, info, j)
            if is_complementizer(word):
                if words[j - 1].key in _CONTRAST:
                    return False  # «، إلا أن ...», «غير أن»: «however», a clause of its own
                if words[j - 1].key in _TIME_OR_MODAL:
                    j += 1  # «قبل أن يسافر», «يجب أن»: a clause of time or need, not
                    continue  # what was said, which may still come («بعد أن التقى ... إن»)
                return self._indirect(c, info, j)
            if word.token.is_word and j != c + 1:
                other = self._cue(j)
                if other is not None and (other.form == "finite" or other.form == "participle"
                                          and self._opens_content(j)):
                    return False
            j += 1
        return False

    def _opens_content(self, j: int) -> bool:
        """Whether a cue at ``j`` is followed at once by what it reports («مضيفاً أن»,
        «موضحاً:»), rather than being a participle of another sense («طالباً عدم ...»)."""
        for k in range(j + 1, min(j + 3, len(self.words))):
            word = self.words[k]
            if is_complementizer(word) or word.text == ":" or k in self.mark_at:
                return True
        return False

    def _person_ends_subject(self, j: int, inside: Callable[[int], bool]) -> int | None:
        """Past the person a subject names after its role, however long the role («نفى
        مساعد وزير الداخلية لقطاع السجون اللواء حسن السوهاجي ما تردد»), when no particle
        comes first."""
        for k in range(j, j + _MAX_SUBJECT_WORDS + 2):
            if not inside(k):
                return None
            hit = self.reader.entity_at.get(k)
            if hit is not None and hit[0].type == "PERS":
                return hit[1] + 1
            if is_stop(self.words[k]) and not self._place_of_role(k):
                return None
        return None

    def _place_of_role(self, k: int) -> bool:
        """«في» before a place, inside a long role, the person or a title right after
        the place: «المدير العام للتعليم [في] القصيم عبدالله الركيان»; not «المجلس
        العسكري في تعز استهداف ...»."""
        place = self.reader.entity_at.get(k + 1)
        if self.words[k].key not in _IN or place is None or place[0].type != "LOC":
            return False
        after = place[1] + 1
        if after >= len(self.words):
            return False
        person = self.reader.entity_at.get(after)
        return person is not None and person[0].type == "PERS" \
            or self.words[after].role is not None

    def _speech_sense(self, c: int, info: CueInfo) -> bool:
        """Whether a cue with no clause after it is used as a speech verb: a participle
        after a comma or in the accusative («، مؤكدةً», «مؤكدا»), not an adjective
        («رقابة مشددة», «أصبحت مطالبة»); «طالب» behind a conjunction or with the subject
        marked on it («وطالب», «طالبت»), not the student («مصرع طالب سوداني»)."""
        word = self.words[c]
        key = fold(word.text).rstrip("\u064b")
        after_comma = c > 0 and self.words[c - 1].text in "،,"
        if info.form == "participle":
            return after_comma or key.endswith("ا") or key[:1] in "وب"
        if info.lemma == "طالب" and key == "طالب":
            return False
        return c == 0 or self.words[c - 1].key not in _THING_SUBJECTS

    def _note_subject(self, c: int, info: CueInfo) -> None:
        """A speech verb that reports no content here («طالبت الخارجية الروسية بـ...»)
        still names who speaks, for the participles that follow it."""
        limit = c + 1
        while limit < len(self.words) and self.sentence_of[limit] == self.sentence_of[c] \
                and self.words[limit].token.is_word and limit - c <= _MAX_SUBJECT_WORDS:
            limit += 1
        read_subject(self.reader, self.mentions, c + 1, limit, info.gender, propose=False)

    def _colon_line_break(self, j: int) -> bool:
        """A colon ending one paragraph carries the cue on to quotation marks on the next."""
        prev = j - 1
        return (self.words[prev].text == ":" and j in self.mark_at
                and self.line_of[j] == self.line_of[prev] + 1)

    def _mark_after_cue(self, c: int, info: CueInfo, j: int) -> bool:
        """Whether the marks opening at ``j`` hold the cue's direct quote (else they are a
        name or title to step over)."""
        if j > c + 1 and self.words[j - 1].text == ":":
            return True
        mark = self.mark_at[j]
        inner = [w for w in self.words[mark.open + 1:mark.close] if w.token.is_word]
        if inner and j == c + 1 and info.lemma == "قال" and info.form == "participle":
            return True  # «قائلاً "سنفتتحه قريبا"»: words said, however few
        if len(inner) >= 4 and (j == c + 1 or mark.bounded and is_complementizer(inner[0])):
            return True  # «وأفاد «كانت هناك ...»», «وقال في مقابلة "إنه أكثر ..."»
        if mark.bounded and len(inner) >= 4 and j - c <= 4 and not any(
                is_stop(w) and w.key not in _SUBJECT_ADVERBS for w in self.words[c + 1:j]):
            return True  # «واوضح بوتين ايضا "نحن نرى ..." في اشارة إلى ...»
        return self._free_standing(mark, 4)

    def _free_standing(self, mark: MarkSpan, min_words: int) -> bool:
        """Marks holding words of their own, not a name, title or phrase inside a clause:
        enough words, not bound to the word before («لـ"العربي الجديد"», «دعا إلى "..."»,
        «بعنوان "..."»), and ending their clause.
        """
        words = self.words
        inner = [w for w in words[mark.open + 1:mark.close] if w.token.is_word]
        if len(inner) < min_words or not mark.closed:
            return False
        named = self.reader.entity_at.get(mark.open + 1)
        if named is not None and named[1] >= mark.close - 1:
            return False  # a body's or place's name: «مدير "جامعة الإمارات العربية المتحدة"»
        if mark.open > 0:
            previous = words[mark.open - 1]
            if previous.text.endswith("ـ") or previous.key in ("ل", "ب") \
                    or previous.key in _NAMING_WORDS or (previous.token.is_word
                                                         and is_stop(previous)):
                return False
        after = mark.close + 1
        return (after >= len(words) or not words[after].token.is_word
                or self.line_of[after] != self.line_of[mark.close])

    # -- building quotes ------------------------------------------------------------
    def _inside(self, mark: MarkSpan) -> tuple[int, int]:
        words = self.words
        start = words[mark.open].end
        end = words[mark.close].start if mark.closed else words[mark.close].end
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def _subject(self, c: int, info: CueInfo, limit: int) -> Subject:
        self.claimed.update(range(c, limit))
        if info.referent:
            return self._referent(c)
        relayed = self._relayed_from(c, info.lemma) if info.lemma in _RELAYING else None
        if relayed is not None and relayed < limit:
            subject = read_subject(self.reader, self.mentions, relayed + 1, limit, None)
            if subject.kind in ("implicit", "document") \
                    and self.words[relayed + 1].key in _THEIR_SOURCES:
                return Subject("anonymous", text=" ".join(  # «علمت "سبق" من مصادرها أن»
                    word.text for word in self.words[relayed + 1:limit] if word.token.is_word))
            return subject
        subject = read_subject(self.reader, self.mentions, c + 1, limit, info.gender)
        if subject.kind == "implicit":
            return self._subject_before(c, info) or self._subject_first(c, info) or subject
        if _god_addressed(subject) and (info.form == "participle"
                                        or info.lemma in _PRAYING):
            # «داعيا الله أن يحفظ ...», «وسأل الله أن»: God is prayed to, not speaking
            return self._subject_before(c, info) or self._subject_first(c, info) \
                or Subject("implicit")
        if subject.kind == "document" and (info.form == "participle"
                                           or info.lemma in _ADDRESSING):
            # «، واصفا زيارته بأنها», «وحث البنوك على»: a participle's subject is its
            # clause's, and the ones a call addresses are no subject; the thing after
            # the cue is its object
            return Subject("implicit")
        return subject

    def _subject_before(self, c: int, info: CueInfo) -> Subject | None:
        """«وكانت رئيسة اللجنة قد صرحت بأن», «وكانت الحكومة التركية أكدت، ... أن»: the
        subject between كان and the cue (and its «قد»)."""
        words = self.words
        end = c - 1 if c and words[c - 1].key == "قد" else c
        if end < 2:
            return None
        for k in range(end - 1, max(c - 22, -1), -1):
            if self.sentence_of[k] != self.sentence_of[c]:
                return None
            if words[k].key in _KANA:
                subject = read_subject(self.reader, self.mentions, k + 1, end, info.gender)
                return subject if subject.kind != "implicit" else None
            if end == c and is_stop(words[k]):
                return None  # without «قد», only a subject may stand between كان and the cue
        return None

    def _subject_first(self, c: int, info: CueInfo) -> Subject | None:
        """A finite cue whose subject opens its line or sentence, before it: «وزير
        التعليم يؤكد: ...», «البيت الأبيض يقول إنه ...», «الحكومة أكدت أن ...»; only a
        name or a role, with nothing but its words (and quotation marks) before the cue."""
        if info.form != "finite":
            return None
        words = self.words
        first = max(_run_of(self.sentence_of, self.sentence_of[c])[0],
                    _run_of(self.line_of, self.line_of[c])[0])
        while first < c and not words[first].token.is_word:
            first += 1
        segment = range(first, c)
        if not segment or len(segment) > _MAX_SUBJECT_WORDS or any(
                not words[i].token.is_word and words[i].text not in _MARK_CHARS
                or words[i].token.is_word and self._cue(i) is not None
                or is_stop(words[i]) and i not in self.reader.entity_at
                and words[i].text not in _MARK_CHARS for i in segment):
            return None  # the name may stand in marks: «"البرقان" يعلن ...»
        subject = read_subject(self.reader, self.mentions, first, c, info.gender,
                               propose=False)
        return subject if subject.kind in ("named", "role") else None

    def _relayed_from(self, c: int, lemma: str) -> int | None:
        """The «عن» (or, after «علم», «من») after a relaying cue that names its source
        («ونقلت وكالة الأناضول [عن] المتحدث باسم المجلس أن», «وعلمت «الشرق الأوسط» [من]
        مصادر مطلعة أن»), within a subject's length in its sentence and before what was
        said; None where there is none («نقل المصابين [عن طريق] ...») or where a cue of its
        own reports the words («عن مصدر دبلوماسي [قوله] إن»)."""
        words = self.words
        preposition = _RELAYED_FROM[lemma]
        about = None
        for k in range(c + 1, min(c + 2 * _MAX_SUBJECT_WORDS + 3, len(words))):
            if self.sentence_of[k] != self.sentence_of[c] or is_complementizer(words[k]):
                break
            if about is None and words[k].key == preposition and not self._no_source_after(k):
                if k + 1 < len(words) and words[k + 1].key in _WAY \
                        or k - c > _MAX_SUBJECT_WORDS + 2:
                    return None
                about = k
            elif about is not None and words[k].token.is_word and self._cue(k) is not None:
                return None
        return about

    def _no_source_after(self, k: int) -> bool:
        """Whether the «من» at ``k`` names no source: «من خلال تحليل دم» (through), «من
        الطبيعي أن» (it is natural that), a word with the article that names nothing,
        «بالقرب من برلين» (near)."""
        words = self.words
        if words[k].key != "من" or k + 1 >= len(words):
            return False
        if k > 0 and words[k - 1].key in _NEAR:
            return True
        after = words[k + 1].key
        return after in _NOT_A_SOURCE or after.startswith("ال") and (
            k + 1 not in self.reader.entity_at)

    def _referent(self, c: int) -> Subject:
        """«نقلت الوكالة عن مصدر دبلوماسي قوله إن», «نسبت الوكالة إلى وزير قوله إن»: the
        speaker is between عن/إلى and the noun; otherwise the noun's pronoun refers back to
        the nearest speaker (resolved later)."""
        words = self.words
        about = next((k for k in range(c - 1, max(c - 10, -1), -1)
                      if words[k].key in _SOURCE_PREPOSITIONS
                      or self.sentence_of[k] != self.sentence_of[c]), None)
        if about is None or words[about].key not in _SOURCE_PREPOSITIONS:
            return Subject("referent")
        subject = read_subject(self.reader, self.mentions, about + 1, c, None)
        return subject if subject.kind != "implicit" else Subject("referent")

    def _direct(self, c: int, info: CueInfo, j: int) -> bool:
        mark = self.mark_at[j]
        limit = j - 1 if self.words[j - 1].text == ":" else j
        subject = self._subject(c, info, limit)
        start, end = self._inside(mark)
        self.used_marks.add(mark.open)
        self.claimed.update(range(mark.open, mark.close + 1))
        return self._add(start, end, "direct", self._cue_text(c), self.words[c].start,
                         info.form, info.gender, subject, c)

    def _unmarked_direct(self, c: int, info: CueInfo, colon: int) -> bool:
        words = self.words
        rest = [i for i in range(colon + 1, len(words)) if self.line_of[i] == self.line_of[colon]]
        if len([i for i in rest if words[i].token.is_word]) < 3:
            return False
        subject = self._subject(c, info, colon)
        handed_on = self._colon_cue_after(rest)
        if handed_on is not None:  # «قال: ... لعدة أسباب، وأضاف شبانة: مصر ...»
            rest = [i for i in rest
                    if i < handed_on - (words[handed_on - 1].text in "،,")]
        # only the colon's sentence is claimed: a later sentence of the paragraph may open a
        # quote of its own («...: إن الضحايا ... . وأوضح المتحدث أن ...»), which then ends
        # this one (:meth:`_end_unmarked`)
        self.claimed.update(i for i in rest if self.sentence_of[i] == self.sentence_of[colon])
        found = len(self.found)
        added = self._add(words[rest[0]].start, words[rest[-1]].end, "direct",
                          self._cue_text(c), words[c].start, info.form, info.gender, subject, c)
        self._unmarked.extend(self.found[found:])
        return added

    def _colon_cue_after(self, rest: list[int]) -> int | None:
        """In the colon's sentence (``rest``: the words after it), a cue with a colon of
        its own, right after it or after a comma and a subject's length on, which hands the
        words on to the next speaker («، وأضاف شبانة:», «... والإدارية وأضاف: أطمئن»), or
        None."""
        words = self.words
        sentence = [i for i in rest if self.sentence_of[i] == self.sentence_of[rest[0]]]
        for k in sentence[1:-1]:
            if words[k].key[:1] != "و" or cue_info(words[k].text) is None:
                continue
            if words[k + 1].text == ":" or words[k - 1].text in "،," and any(
                    words[j].text == ":" for j in sentence
                    if k < j <= k + _MAX_SUBJECT_WORDS + 1):
                return k
        return None

    def _indirect(self, c: int, info: CueInfo, comp: int) -> bool:
        words = self.words
        subject = self._subject(c, info, comp)
        first = comp if words[comp].key not in ("ان", "بان") else comp + 1
        if first + 1 < len(words) and words[first].text == ":":
            first += 1  # «وقال ... إن: «أي تهديد ...»»
        if first >= len(words) or self.sentence_of[first] != self.sentence_of[comp]:
            return False
        if first in self.mark_at:
            mark = self.mark_at[first]
            after = mark.close + 1
            if after >= len(words) or self.sentence_of[after] != self.sentence_of[comp] \
                    or not any(w.token.is_word for w in words[after:after + 1]):
                start, end = self._inside(mark)
                self.used_marks.add(mark.open)
                self.claimed.update(range(mark.open, mark.close + 1))
                return self._add(start, end, "direct", self._cue_text(c), words[c].start,
                                 info.form, info.gender, subject, c)
        self._open_indirect.setdefault(self.sentence_of[first], words[first].start)
        return self._add(words[first].start, -1, "indirect", self._cue_text(c),
                         words[c].start, info.form, info.gender, subject, first)

    def _cue_after_marks(self) -> None:
        """«...»، قال فلان — a quote followed by its cue and speaker."""
        words = self.words
        for mark in self.marks:
            if mark.open in self.used_marks or not mark.closed or mark.open in self.claimed:
                continue
            c = mark.close + 1
            while c < len(words) and words[c].text in "،,":
                c += 1
            if c >= len(words) or not self._free_standing(mark, 2) \
                    or self.line_of[c] != self.line_of[mark.close]:
                continue
            c, info = self._attribution_after(c)
            if info is None:
                continue
            limit = c + 1
            while limit < len(words) and self.sentence_of[limit] == self.sentence_of[c] \
                    and words[limit].text not in "،,:":
                limit += 1
            subject = read_subject(self.reader, self.mentions, c + 1, limit, info.gender)
            self.claimed.update(range(mark.open, limit))
            start, end = self._inside(mark)
            self.used_marks.add(mark.open)
            self._add(start, end, "direct", self._cue_text(c), words[c].start, info.form,
                      info.gender, subject, c)

    def _cue_after_clause(self) -> None:
        """«يستغرق نحو 40 يوما، كما يقول السيد فارغا.»: a cue after a comma and «كما» or
        «حسبما», with only its subject after it before the clause ends, reports the
        clause before the comma (from its sentence's start or the last quote there). Its
        verb may carry the pronoun of «ما»: «...، حسب ما [قالته] الأمم المتحدة», «بحسب ما
        [ذكرته] وسائل إعلام»."""
        words = self.words
        with_pronoun = [i for i, word in enumerate(words)
                        if word.key[-1:] == "ه" and self._as_said_start(i) is not None]
        for c in sorted({*self.cues, *with_pronoun}):
            if c < 2 or c in self.claimed:
                continue
            info = self._cue(c) or self._cue_with_pronoun(c)
            if info is None or info.form != "finite":
                continue
            k = self._as_said_start(c)
            if k is None:
                continue
            comma = k - 1
            if comma > 1 and words[comma].key == _THAT_IS and words[comma - 1].text in "،,":
                comma -= 1  # «...، وذلك بحسب ما أكد مدير أعماله»
            if words[k].key == "حسبما" and words[comma].text not in "،,":
                comma = k  # «... في معارك عنيفة حسبما قال المتحدث»: no comma needed
            elif comma < 1 or words[comma].text not in "،,":
                continue
            limit = self._attribution_end(c)
            if limit is None:
                continue
            sentence = _run_of(self.sentence_of, self.sentence_of[comma])
            first = sentence[0]
            for i in range(comma - 1, first - 1, -1):
                if i in self.claimed:
                    first = i + 1
                    break
            content = [i for i in range(first, comma) if words[i].token.is_word]
            if len(content) < 4:
                continue
            subject = read_subject(self.reader, self.mentions, c + 1, limit, info.gender)
            self.claimed.update(range(first, limit))
            self._add(words[content[0]].start, words[comma - 1].end, "indirect",
                      self._cue_text(c), words[c].start, info.form, info.gender, subject,
                      comma)

    def _according_to_first(self) -> None:
        """«وبحسب القضاء الأمريكي، فإن دافيدسون دفع ...», «وحسب البيان، أسفرت ...»: a
        sentence that opens with its source, a comma or «فإن», then what the source says."""
        words = self.words
        for k, word in enumerate(words):
            if word.key not in _ACCORDING_OPENERS or k in self.claimed:
                continue
            sentence = _run_of(self.sentence_of, self.sentence_of[k])
            if k != sentence[0] and not (k == sentence[0] + 1 and words[k - 1].text in "-–—"):
                continue
            if k + 1 < len(words) and _without_article(
                    _without_lam(words[k + 1].key)) in _FIGURES:
                continue  # «ووفق أرقام رسمية، ...», «ووفقا لتقديرات ...»: data, no source
            comma = next((i for i in range(k + 2, min(k + _MAX_SUBJECT_WORDS + 2,
                                                        sentence[-1] + 1))
                          if words[i].text in "،," or words[i].key in _THEN_THAT), None)
            if comma is None or any(i in self.claimed for i in range(k, comma)):
                continue
            first = comma + 1  # «ووفقا للخبير طلعت حافظ فإن ...»: no comma before «فإن»
            if words[comma].key not in _THEN_THAT and first < len(words) \
                    and words[first].key in _THEN_THAT:
                first += 1
            content = [i for i in range(first, sentence[-1] + 1) if words[i].token.is_word]
            if len(content) < _MIN_NOMINAL_WORDS + 1:
                continue
            if any(quote.cue_at == words[content[0]].start for quote in self.found):
                continue  # «وبحسب رويترز فقد ذكرت الوزارة أن ...»: the ministry's own quote
            subject = read_subject(self.reader, self.mentions, k + 1, comma, None)
            if subject.kind in ("implicit", "document"):  # whatever it is, it is the source
                source = " ".join(w.text for w in words[k + 1:comma] if w.token.is_word)
                if words[k + 1].key.startswith("ل"):  # «وفقا لتقرير المرصد» → «تقرير المرصد»
                    source = _without_lam(words[k + 1].text) + source[len(words[k + 1].text):]
                subject = Subject("source", text=source)
            self.claimed.update(range(k, first))
            self._open_indirect.setdefault(self.sentence_of[k], words[first].start)
            self._add(words[content[0]].start, -1, "indirect", word.text, word.start, "noun",
                      None, subject, first)

    def _attribution_end(self, c: int) -> int | None:
        """Where a post-posed cue's subject ends (a comma, the sentence's or line's end),
        or None when more than a subject follows the cue («، كما أعلنت الوزارة عن ...»
        is «also announced», not an attribution)."""
        words = self.words
        j = c + 1
        while j < len(words) and self.sentence_of[j] == self.sentence_of[c] \
                and self.line_of[j] == self.line_of[c] and words[j].text not in "،,.":
            word = words[j]
            hit = self.reader.entity_at.get(j)
            if hit is not None:  # a name's own words («علي الأحمدي») are no particles
                j = hit[1] + 1
                continue
            if j - c > _MAX_SUBJECT_WORDS or (word.token.is_word and is_stop(word)
                                             and word.key not in _SUBJECT_PARTICLES
                                             and word.text != "علي"):  # the name, not «على»
                return None
            j += 1
        return j if j > c + 1 else None

    def _attribution_after(self, c: int) -> tuple[int, CueInfo | None]:
        """The cue after a closing mark: «قال فلان», «بحسب ما قالت فلانة», «كما قال»,
        or «بحسب فلان» (the preposition itself is then the cue)."""
        words = self.words
        key = words[c].key
        if key in ACCORDING_TO:
            if c + 1 < len(words) and words[c + 1].key in ("ما", "قول"):
                c += 2 if words[c + 1].key == "ما" else 1
            else:
                return c, CueInfo(key, "finite", None)
        elif key == "كما" and c + 1 < len(words):
            c += 1
        info = cue_info(words[c].text) if c < len(words) else None
        return (c, info) if info is not None and info.form != "participle" else (c, None)

    def _end_indirect(self) -> None:
        """An indirect quote runs to the end of its sentence, or up to the next quote's cue
        or quotation marks in that sentence."""
        words = self.words
        starts = sorted({q.cue_at for q in self.found} | {q.start for q in self.found
                                                          if q.kind == "direct"})
        for quote in self.found:
            if quote.end != -1:
                continue
            first = self.reader.word_at(quote.start)
            end = words[_run_of(self.sentence_of, self.sentence_of[first])[-1]].end
            following = bisect_right(starts, quote.start)
            if following < len(starts) and starts[following] < end:
                end = self._before_link(quote.start, starts[following])
            quote.end = self._trimmed(quote.start, end, "،,.«“:")

    def _end_unmarked(self) -> None:
        """A quote after a colon without quotation marks runs to the end of its paragraph,
        or up to the next quote that opens in a later sentence of it (its cue, or its
        marks when the cue follows them)."""
        for quote in self._unmarked:
            sentence = quote.sentence
            following = [min(other.start, other.cue_at) for other in self.found
                         if other is not quote and quote.start < other.cue_at < quote.end
                         and self.sentence_of[self.reader.word_at(other.cue_at)] > sentence]
            if following:
                end = self._before_link(quote.start, min(following))
                quote.end = self._trimmed(quote.start, end, "،,«“:")

    def _trimmed(self, start: int, end: int, marks: str) -> int:
        """``end`` moved back past spaces and the ``marks`` a quote does not end with."""
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] in marks):
            end -= 1
        return end

    def _before_link(self, start: int, end: int) -> int:
        """``end`` moved before a clause link that opens the next quote («... فيما قالت»)."""
        while end > start and self.text[end - 1].isspace():
            end -= 1
        last = self.reader.word_at(end - 1)
        while last is not None and last > 0 and self.words[last].start >= start and (
                self.words[last].key in _CLAUSE_LINKS or self.words[last].text in "،,;؛"):
            end = self.words[last].start
            last -= 1
        return end

    def _add(self, start: int, end: int, kind: str, cue: str, cue_at: int, form: str,
             gender: str | None, subject: Subject, anchor: int) -> bool:
        """Record a quote (not when its subject is a thing, «وكشفت الأرقام أن»; a
        statement or report, «وأكد البيان أن», is a source and keeps its quote); True
        when the cue is used up either way."""
        # a bare verbal noun needs its speaker after it («تأكيد فلان أن»), else it is the
        # writer's own phrase («في إشارة إلى أن»)
        if subject.kind == "document" and form == "finite" \
                and kind in ("direct", "indirect") and _plainly_said(cue):
            subject = Subject("anonymous")  # «وقال ضابط يمني - ... - إن»: someone unnamed
        if subject.kind != "document" and not (form == "noun" and subject.kind == "implicit"):
            sentence = self.sentence_of[anchor]
            self.found.append(FoundQuote(start, end, kind, cue, cue_at, form, gender, subject,
                                         sentence))
        return True

    def _cue_text(self, c: int) -> str:
        """The cue as written, without a leading conjunction و/ف."""
        word = self.words[c]
        if word.key[:1] in "وف" and word.key[1:] in _LEARNED:
            return word.text[1:]  # «وعلمت»: a cue of this module only
        return without_conjunction(word.text)


def _god_addressed(subject: Subject) -> bool:
    """Whether a cue's subject as read is God («الله», «المولى», «الله العزيز القدير»)."""
    return bool(subject.text) and fold(subject.text).split()[0] in _GOD
