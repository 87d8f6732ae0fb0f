"""The footer: every key it shows is whole, from 80 columns up.

Textual's Footer cuts the last keys it cannot fit («e ▏^p palette»). Below
:data:`NARROW` columns this one drops the padding between keys and the palette key on the
right (ctrl+p still works, and the help screen lists it), which leaves room for the keys of
the busiest screen, the actor profile, at 80 columns.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

NARROW = 100


class ExplorerFooter(Footer):
    """A Footer that turns compact, without the palette key, on a narrow terminal."""

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        if narrow != self.compact:
            self.compact = narrow
            self.show_command_palette = not narrow
            self.refresh(recompose=True)
