"""The reporter's byline that opens an article: «أحمد علي- سبق- جدة:», «سلوى المدني – عين
اليوم», «Next Previous صقر خالد – جدة».

Two of the corpus's papers open the body with the reporter's name, a dash and the paper's
name; the recogniser, which reads the name without the sentence around it, often takes
only its first word («[أحمد] علي») or none. The name is a person all the same, and the
gold counts bylines as persons. A city before the paper's name is a dateline
(«الرياض – عين اليوم»), so the name must be two or three words, the first without the
article; the lists' places and bodies are no byline.
"""

from __future__ import annotations

import re

# two or three words of two letters or more: «أ ف ب» (AFP) is no reporter
_NAME = r"(?!ال)[\u0621-\u064a]{2,}(?: [\u0621-\u064a]{2,}){1,2}"
# At the start of a line near the article's head, after the page's «Next Previous» debris;
# or, right after that debris, before the dash and whatever follows it, a city or
# «متابعات» («Next Previous صقر خالد – جدة»), unless it is the paper's own name.
_BYLINE = re.compile(
    rf"^[ \t]*(?:Next Previous\s+)?(?P<name>{_NAME}) ?[-–—] ?(?:سبق|عين اليوم)\b"
    rf"|Next Previous\s+(?!عين اليوم)(?P<after_slider>{_NAME}) ?[-–—]",
    re.MULTILINE)
# How far into the text a byline may open a line: the title and a line of debris.
_HEAD = 400


def byline_span(text: str) -> tuple[int, int] | None:
    """The (start, end) of the reporter's name in a byline at the article's head, or
    None."""
    match = _BYLINE.search(text, 0, _HEAD)
    if match is None:
        return None
    return match.span("name") if match.group("name") else match.span("after_slider")
