"""The seed article: every person, organisation and place in it, with the right type.

The expected names were read off the article by hand; the article itself stays in
``../shared/seeds`` and the test skips without it.
"""

from __future__ import annotations

from pathlib import Path

from explorer.analysis.ner import get_recognizer
from explorer.arabic.tokens import tokenize

EXPECTED = {
    "PERS": {"إلهام أحمد", "أحمد", "دونالد ترامب", "ترامب", "روبرت بالادينو", "بالادينو",
             "مايك بومبيو", "غير بيدرسون"},
    "ORG": {"داعش", "الكونجرس", "الخارجية الأمريكية", "مجلس سورية الديمقراطية",
            "التحالف الدولي", "روناهي"},
    "LOC": {"الولايات المتحدة", "سوريا", "جنيف", "واشنطن", "بريطانيا", "المانيا", "فرنسا"},
}


def test_seed_article_entities(seed_dir: Path) -> None:
    path = next(seed_dir.glob("*.txt"))
    text = path.read_text(encoding="utf-8")
    entities = get_recognizer("crf").recognize(text, tokenize(text))
    found: dict[str, set[str]] = {}
    for entity in entities:
        assert text[entity.start:entity.end] == entity.text
        found.setdefault(entity.type, set()).add(entity.text)
    for kind, names in EXPECTED.items():
        assert names <= found.get(kind, set()), (kind, names - found.get(kind, set()))
    wrong = {name for kind, names in EXPECTED.items() for name in names
             for other, texts in found.items() if other != kind and name in texts}
    assert not wrong
    # «وقال ترامب»: the mention starts after the conjunction.
    start = text.index("وقال ترامب") + 5
    assert any(entity.start == start and entity.text == "ترامب" for entity in entities)
