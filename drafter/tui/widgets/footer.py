"""`HelpFirstFooter`: the key footer with "f1 Help" as its first key.

Textual's Footer lists the focused screen's keys before the app's, and scrolls sideways when
they do not fit: on the email screen at 80 columns (German even at 160) "f1 Help", an app
key, was past the right edge, and on the German queue at 80 columns once the keys were
spelt "Enter", "Strg+Q". Put first, it is always on screen; f1 lists every other key. A
rejected email's reopen key follows it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

# the keys shown first, in this order: help, then reopen (a rejected email's one action,
# shown only there; it was cut to "F4 Wie" at the German footer's end at 80 columns)
FIRST = ("help", "app.help", "reopen")


class HelpFirstFooter(Footer):
    """A Footer whose help key comes first (the desk's keys carry no binding groups)."""

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        first = [k for k in keys if getattr(k, "action", None) in FIRST]
        first.sort(key=lambda k: FIRST.index(getattr(k, "action", "help")))
        yield from first
        yield from (k for k in keys if k not in first)
