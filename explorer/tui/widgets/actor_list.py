"""The actor index: search hits, best first, with the matched letters highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from textual.strip import Strip

from explorer.arabic.display import RtlMode
from explorer.model import Actor
from explorer.tui.look import DIM_STYLE, ENTITY_STYLES, MATCH_STYLE, romanise
from explorer.tui.render import paint_text
from explorer.tui.widgets.virtual_list import VirtualList

if TYPE_CHECKING:
    from explorer.search import SearchHit
def hit_label(actor: Actor, hit: SearchHit) -> tuple[str, frozenset[int]]:
    """The row text for ``hit`` and the logical indices in it to highlight.

    The actor's name comes first; when an alias that the name does not contain matched,
    it follows in parentheses so the user sees why the actor is there.
    """
    if hit.matched == actor.name:
        return actor.name, frozenset(hit.positions)
    inside = actor.name.find(hit.matched)
    if inside >= 0:            # «ترامب» matched inside «دونالد ترامب»: mark it there
        return actor.name, frozenset(inside + p for p in hit.positions)
    offset = len(actor.name) + 2
    return (f"{actor.name} ({hit.matched})",
            frozenset(offset + p for p in hit.positions))


class ActorList(VirtualList):
    """Rows of ``[type count] name``; only the rows on screen are ever painted."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.actors: list[Actor] = []
        self.hits: list[SearchHit] = []
        self.mode = RtlMode.APP
        self.translit: str | None = None

    def show(self, actors: list[Actor], hits: list[SearchHit]) -> None:
        self.actors, self.hits = actors, hits
        self.set_count(len(hits))

    @property
    def current_actor(self) -> Actor | None:
        return self.actors[self.hits[self.cursor].index] if self.hits else None

    def render_row(self, index: int, line: int, width: int, base: Style) -> Strip:
        hit = self.hits[index]
        actor = self.actors[hit.index]
        text, marked = hit_label(actor, hit)
        if self.translit:
            text = romanise(text, self.translit)
        badge = f"{actor.type:<4} {actor.mentions:>4} "
        type_style = ENTITY_STYLES.get(actor.type, Style())

        def style_at(i: int) -> Style | None:
            return MATCH_STYLE if i in marked else None

        name = paint_text(text, max(1, width - len(badge)), self.mode, base + type_style,
                          style_at)
        return Strip.join([paint_text(badge, len(badge), RtlMode.OFF, base + DIM_STYLE,
                                      align="left"), name])
