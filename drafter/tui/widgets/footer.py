"""`HelpFirstFooter`: the key footer with "f1 Help" as its first key.

Textual's Footer lists the focused screen's keys before the app's, and scrolls sideways when
they do not fit: on the email screen at 80 columns (German even at 160) "f1 Help", an app
key, was past the right edge, and on the German queue at 80 columns once the keys were
spelt "Enter", "Strg+Q". Put first, it is always on screen; f1 lists every other key.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer


class HelpFirstFooter(Footer):
    """A Footer whose help key comes first (the desk's keys carry no binding groups)."""

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        first = [k for k in keys if getattr(k, "action", None) in ("help", "app.help")]
        yield from first
        yield from (k for k in keys if k not in first)
