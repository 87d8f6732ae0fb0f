"""Text boxes that keep keystrokes in order, and the actor search box.

Textual's Input inserts a typed character as soon as it receives it, but an editing key
(backspace, delete, arrows) is not handled there: the event bubbles up through the parent
widgets' queues to the app, which only then runs the Input's binding. Keys typed quickly
overtake it on the way, and «rossi», five backspaces and «mitchel» become «rossimi».
:class:`InOrderInput` runs its own bindings where it receives the key, so every key acts in
the order it was typed.

Textual's Input also prints the query in logical order, so «الهام» would read backwards and
unjoined in most terminals. When the query holds right-to-left text and the app reorders,
:class:`QueryInput` paints it through the same display layout as the rest of the app, with
the cursor on the letter it stands before (or, at the end, on the visual end of the text).
"""

from __future__ import annotations

import unicodedata

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.widgets import Input

from explorer.arabic.display import RtlMode, layout_line
from explorer.tui.render import paint


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


class InOrderInput(Input):
    """An Input whose editing keys act where and when they arrive, in typing order."""

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)   # printable characters
        if event.is_printable:
            return
        # The Input's own bindings (class-level: the app sets no keymap for them).
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()
                return


class QueryInput(InOrderInput):
    """An Input whose right-to-left value is shown in display order."""

    mode = RtlMode.APP

    def render_line(self, y: int) -> Strip:
        value = self.value
        if y != 0 or self.mode is not RtlMode.APP or not has_rtl(value):
            return super().render_line(y)
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = layout_line(value, 0, len(value), RtlMode.APP)
        cursor_style = self.get_component_rich_style("input--cursor")
        show_cursor = self.has_focus and self._cursor_visible
        cursor = self.cursor_position
        selection = sorted(self.selection) if self.has_focus and not self.selection.is_empty \
            else None
        selection_style = self.get_component_rich_style("input--selection")

        def style_at(index: int) -> Style | None:
            if show_cursor and index == cursor:
                return cursor_style
            if selection and selection[0] <= index < selection[1]:
                return selection_style
            return None

        strip = paint(line, max(1, width - 1), base, style_at, align="left")
        end_cell = Segment(" ", base + cursor_style if show_cursor and cursor >= len(value)
                           else base)
        if line.rtl:
            return Strip([end_cell, *strip]).crop(0, width)
        return Strip([*strip, end_cell]).crop(0, width)
