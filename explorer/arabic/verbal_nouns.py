"""Verbal nouns of the derived verb forms, told by their shape.

After a body's or a person's name, a definite verbal noun is what they did or said, not
part of the name («أعلنت وزارة الخارجية التركية [الالتزام] بالاتفاق»), while an adjective
there is («التركية»). Without a morphological analyser (camel-tools' data is optional) the
derived forms are told by their letters: تفعيل/تفعّل/تفاعُل begin with «ت», افتعال/انفعال/
استفعال with «ا» and are longer than the elatives («الأعلى») and than the broken plurals
of the أفعال shape («الأنباء», «الأكراد»), whose letters إفعال («الإعلان») shares once the
hamza is folded: that form is left out.
"""

from __future__ import annotations

# Nisba adjectives and plurals end so; no derived verbal noun does.
_ADJECTIVE_ENDINGS = ("ي", "يه", "ين", "ون", "ات")


def is_derived_verbal_noun(bare: str) -> bool:
    """Whether a folded word without its article and clitics («تاكيد», «التزام») is a
    verbal noun of a derived form; not a nisba («تركيه»), an elative («اعلي») or an
    active participle of the فاعل shape («تابع», «تابعه»)."""
    if bare.endswith(_ADJECTIVE_ENDINGS) or bare[1:2] == "ا" and (
            len(bare) == 4 or len(bare) == 5 and bare.endswith("ه")):
        return False  # «تابع», «تابعة»; not «تاكيد», whose «ا» is a folded hamza
    return bare[:1] == "ت" and len(bare) >= 4 or bare[:1] == "ا" and len(bare) >= 6
