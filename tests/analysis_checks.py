"""Checks every test of the analysis JSON shares: the schema, exact spans, known actors."""

from __future__ import annotations

from typing import Any

from explorer.model import SCHEMA


def assert_valid_analysis(data: dict[str, Any]) -> None:
    """Every span indexes its article's text exactly and every actor reference exists."""
    assert data["schema"] == SCHEMA
    actor_ids = {a["id"] for a in data["actors"]}
    for article in data["articles"]:
        text = article["text"]
        for span in article["entities"] + article["quotes"]:
            assert 0 <= span["start"] < span["end"] <= len(text)
            assert text[span["start"]:span["end"]] == span["text"]
        for entity in article["entities"]:
            assert entity["actor"] is None or entity["actor"] in actor_ids
        for quote in article["quotes"]:
            assert quote["speaker"] is None or quote["speaker"] in actor_ids
