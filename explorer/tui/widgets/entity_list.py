"""An article's entities grouped by type, with how often each is mentioned."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.style import Style
from textual.strip import Strip

from explorer.arabic.display import RtlMode
from explorer.model import ENTITY_TYPES, Article
from explorer.tui.look import DIM_STYLE, ENTITY_STYLES, TYPE_NAMES, entity_key, romanise
from explorer.tui.render import paint_text
from explorer.tui.widgets.virtual_list import VirtualList


@dataclass(frozen=True, slots=True)
class EntityRow:
    """A type heading (``key`` None) or one entity with its mention count."""

    type: str
    label: str
    count: int
    key: str | None = None


def entity_rows(article: Article | None) -> list[EntityRow]:
    """Headings and entities of ``article``: types in a fixed order, entities by count."""
    if article is None:
        return []
    counts: Counter[str] = Counter()
    labels: dict[str, tuple[str, str]] = {}
    for entity in article.entities:
        key = entity_key(entity)
        counts[key] += 1
        if key not in labels or len(entity.text) > len(labels[key][1]):
            labels[key] = (entity.type, entity.text)
    rows: list[EntityRow] = []
    for type_ in (*ENTITY_TYPES, *sorted({t for t, _ in labels.values()} - set(ENTITY_TYPES))):
        keys = [k for k in counts if labels[k][0] == type_]
        if not keys:
            continue
        rows.append(EntityRow(type_, TYPE_NAMES.get(type_, type_), len(keys)))
        keys.sort(key=lambda k: (-counts[k], labels[k][1]))
        rows.extend(EntityRow(type_, labels[k][1], counts[k], k) for k in keys)
    return rows


class EntityList(VirtualList):
    """The entities pane; the cursor row's mentions are highlighted in the text."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[EntityRow] = []
        self.mode = RtlMode.APP
        self.translit: str | None = None

    def show(self, article: Article | None) -> None:
        self.rows = entity_rows(article)
        self.set_count(len(self.rows))

    def render_row(self, index: int, line: int, width: int, base: Style) -> Strip:
        row = self.rows[index]
        style = ENTITY_STYLES.get(row.type, Style())
        if row.key is None:
            return paint_text(f"{row.label} ({row.count})", width, RtlMode.OFF,
                              base + style + Style(underline=True), align="left")
        count = f" ×{row.count}"
        label = romanise(row.label, self.translit) if self.translit else row.label
        name = paint_text(label, width - len(count) - 2, self.mode, base + style, align="right")
        return Strip.join([Strip.blank(2, base), paint_text(count, len(count), RtlMode.OFF,
                                                             base + DIM_STYLE), name])
