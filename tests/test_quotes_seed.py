"""The seed article: its 11 acts of reported speech, their speakers, and its 5 persons."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.analysis.corpus_run import analyze_paths
from explorer.arabic.normalize import fold
from explorer.model import Corpus

# (kind, cue without conjunction, speaker, a piece of the content), in text order.
EXPECTED_QUOTES = [
    ("direct", ":", "الولايات المتحدة", "قواتنا في سوريا ستكون جزءاً"),
    ("indirect", "أعلنت", "الولايات المتحدة", "القوات التي ستبقى في سوريا"),
    ("indirect", "أفادت", "الخارجية الأمريكية", "ستكون جزءا من قوة متعددة"),
    ("direct", "قال", "دونالد ترامب", "ندعم بقاء قوة أمريكية صغيرة"),
    ("indirect", "أفاد", "روبرت بالادينو", "عملية تخفيض القوات ستتواصل"),
    ("direct", "موضحاً", "روبرت بالادينو", "سنواصل العمل مع الحلفاء"),
    ("indirect", "أشار", "روبرت بالادينو", "المحادثات مستمرة"),
    ("indirect", "تأكيد", "إلهام أحمد", "هي لحفظ الأمن والسلام"),
    ("indirect", "أكدت", "إلهام أحمد", "داعش لم تنته"),
    ("indirect", "لافتة", "إلهام أحمد", "يحتاج الى دعم جوي"),
    ("indirect", "قالت", "إلهام أحمد", "جهوداً دولية تبذل"),
]

EXPECTED_PERSONS = {
    "إلهام أحمد": "رئيسة الهيئة التنفيذية لمجلس سورية الديمقراطية",
    "دونالد ترامب": "الرئيس الأمريكي",
    "روبرت بالادينو": "متحدث باسم الخارجية",
    "مايك بومبيو": "وزير الخارجية الأمريكي",
    "غير بيدرسون": "المبعوث الأممي الخاص إلى سوريا",
}


@pytest.fixture(scope="module")
def seed_corpus() -> Corpus:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not available")
    corpus = analyze_paths([seeds])
    assert len(corpus.articles) == 1
    return corpus


def _speaker_names(corpus: Corpus, speaker: str | None) -> set[str]:
    if speaker is None:
        return set()
    actor = corpus.actor_by_id[speaker]
    return {fold(actor.name), *(fold(alias) for alias in actor.aliases)}


def test_all_eleven_quotes_found_with_their_speakers(seed_corpus: Corpus) -> None:
    article = seed_corpus.articles[0]
    quotes = article.quotes
    assert len(quotes) == len(EXPECTED_QUOTES)
    for quote, (kind, cue, speaker, piece) in zip(quotes, EXPECTED_QUOTES, strict=True):
        assert piece in quote.text, (piece, quote.text)
        assert quote.kind == kind, piece
        assert fold(quote.cue) == fold(cue), piece
        assert fold(speaker) in _speaker_names(seed_corpus, quote.speaker), piece
        assert article.text[quote.start:quote.end] == quote.text


def test_not_counted_as_quotes(seed_corpus: Corpus) -> None:
    """«عبر ... عن تأييده» and «إعلان أحمد عن القوات» report no content clause."""
    text = " ".join(q.text for q in seed_corpus.articles[0].quotes)
    assert "تأييده المطلق" not in text
    assert "أجرى وزير الخارجية" not in text


def test_five_persons_with_full_names_and_roles(seed_corpus: Corpus) -> None:
    persons = [a for a in seed_corpus.actors if a.type == "PERS"]
    assert {p.name for p in persons} == set(EXPECTED_PERSONS)
    for person in persons:
        assert EXPECTED_PERSONS[person.name] in person.roles, person


def test_surnames_join_their_full_names(seed_corpus: Corpus) -> None:
    by_name = {a.name: a for a in seed_corpus.actors}
    assert "بالادينو" in by_name["روبرت بالادينو"].aliases
    assert "أحمد" in by_name["إلهام أحمد"].aliases
    assert by_name["روبرت بالادينو"].quotes == 3
    assert by_name["إلهام أحمد"].quotes == 4


def test_the_state_speaks_under_one_actor(seed_corpus: Corpus) -> None:
    """The headline's «الولايات المتحدة» and the body's «الولايات المتحدة الأمريكية»."""
    quotes = seed_corpus.articles[0].quotes
    assert quotes[0].speaker == quotes[1].speaker
