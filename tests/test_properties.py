"""Property tests: random Unicode with Arabic, controls, escape sequences, quotes and
punctuation through decoding, sanitising, loading and analysis never raises, never lets a
control character through, and always gives spans that index the text exactly."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.analysis.corpus_run import corpus_from
from explorer.analysis.ner import BACKENDS
from explorer.analysis.pipeline import analyze
from explorer.corpus import load
from explorer.corpus.decode import DecodeError, decode_bytes
from explorer.corpus.sanitize import sanitize, sanitize_field
from explorer.model import Article, LoadError

EXAMPLES = settings(max_examples=500, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
# The cheapest shipped recogniser: the properties hold for any backend, and a neural one
# would make 500 examples slow.
NER = next((name for name in ("crf", "gazetteer") if name in BACKENDS), "auto")
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"
PUNCTUATION = "«»\"“”'’:،؛.؟!?,-()[]\n\t "
CONTROLS = ("\x00\x07\x08\x0b\x0c\r\x1b\x7f\x85\x90\x9b\x9c\x9d\u200b\u200c\u200d\u200e"
            "\u200f\u061c\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028")
WORDS = ["قال", "وقال", "قالت", "أضاف", "وأضاف", "أكد", "مؤكدا", "إن", "أن", "الرئيس",
         "وزير الخارجية", "ترامب", "دونالد ترامب", "سامر الخطيب", "الخطيب", "الأمم المتحدة",
         "عمان", "بغداد", "إيلينا روسي", "said", "Rossi", "ال", "و", "ب", "لل"]
SEQUENCES = ["\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\x1b]52;c;eA==\x1b\\", "\x1b[2J",
             "\x1b]8;;http://x\x1b\\", "\x9d0;t\x9c", "\x1bP$q\x1b\\", "\x1b[?25l", "\x1b"]

hostile_text = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(SEQUENCES),
        st.text(alphabet=ARABIC_LETTERS + MARKS + PUNCTUATION, max_size=12),
        st.text(alphabet=CONTROLS, max_size=3),
        st.text(max_size=4),  # anything at all, surrogates included
    ),
    max_size=40,
).map("".join)
safe_text = st.text(alphabet=ARABIC_LETTERS + MARKS + "«»\"“”:،.؟!?,- \nabcXYZ019", max_size=200)


@EXAMPLES
@given(hostile_text)
def test_sanitize_leaves_no_control_and_is_idempotent(text: str) -> None:
    clean = sanitize(text)
    assert not FORBIDDEN.search(clean)
    assert sanitize(clean) == clean
    field = sanitize_field(text)
    assert field is None or (field == field.strip() and "\n" not in field
                             and not FORBIDDEN.search(field))


@EXAMPLES
@given(safe_text)
def test_sanitize_and_decode_keep_ordinary_text(text: str) -> None:
    assert sanitize(text) == text
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(text.encode("utf-16")) == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == text


@EXAMPLES
@given(st.one_of(st.binary(max_size=300),
                 hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 hostile_text.map(lambda t: t.encode("utf-16", "surrogatepass"))))
def test_decode_returns_text_or_a_one_line_reason(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except DecodeError as exc:
        assert "\n" not in str(exc) and str(exc)
    else:
        assert isinstance(text, str)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), hostile_text),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.sampled_from(["title", "headline", "text", "body", "content",
                                         "date", "source", "url", "x"]), children,
                        max_size=5)),
    max_leaves=12,
)
file_contents = st.one_of(
    hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=200),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.lists(json_values, max_size=4).map(
        lambda vs: "\n".join(json.dumps(v, ensure_ascii=False) for v in vs)
        .encode("utf-8", "surrogatepass")),
    hostile_text.map(lambda t: f"<html><p>{t}</p><script>{t}</script></html>"
                     .encode("utf-8", "surrogatepass")),
)


@EXAMPLES
@given(file_contents, st.sampled_from([".txt", ".md", ".json", ".jsonl", ".html", ".bin"]))
def test_loading_any_file_gives_clean_articles_or_one_line_errors(data: bytes,
                                                                 suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "article" + suffix)
        path.write_bytes(data)
        items = list(load([folder]))
        assert path.read_bytes() == data
    assert items
    for item in items:
        if isinstance(item, LoadError):
            line = str(item)
            assert "\n" not in line and not FORBIDDEN.search(line)
        else:
            assert isinstance(item, Article) and item.text.strip()
            for value in (item.id, item.title, item.text, item.date, item.source, item.url):
                assert value is None or not FORBIDDEN.search(value)
            assert "\n" not in item.title


@EXAMPLES
@given(hostile_text)
def test_analysis_spans_index_the_text_and_speakers_exist(raw: str) -> None:
    text = sanitize(raw).strip() or "نص"
    article = Article(id="a.txt", path="a.txt", title=text.split("\n")[0], text=text)
    analysis = analyze(article, NER)
    assert article.entities == [] and article.quotes == []  # the input is not modified
    corpus = corpus_from([analysis])
    [result] = corpus.articles
    assert result.text == text
    for span in [*result.entities, *result.quotes]:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
    for entity in result.entities:
        assert entity.actor is None or entity.actor in corpus.actor_by_id
    for quote in result.quotes:
        assert quote.speaker is None or quote.speaker in corpus.actor_by_id
