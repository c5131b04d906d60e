"""Names written in a script the name lists and word frequencies do not cover: a short run of
Chinese/Japanese characters (Han) or Korean Hangul in a mail written in Latin letters, such
as a customer's name in their own script next to its transcription ("Hiroshi Takeda (武田
浩)", "渡辺 健二", "김민준").

One or two groups of one to four such characters (a family name and a given name) are taken
as a name; a longer run is a sentence in that language, not a name, and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.privacy.spans import Span

_HAN_HANGUL = r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
SCRIPT_NAME_RE = re.compile(
    rf"(?<![{_HAN_HANGUL}])[{_HAN_HANGUL}]{{1,4}}(?:[ \u3000][{_HAN_HANGUL}]{{1,4}})?"
    rf"(?![{_HAN_HANGUL}])"
)
_ANY = re.compile(rf"[{_HAN_HANGUL}]")


def find_script_names(text: str) -> Iterator[Span]:
    """NAME spans of short Han/Hangul runs (a quick search for one such character first)."""
    if _ANY.search(text) is None:
        return
    for m in SCRIPT_NAME_RE.finditer(text):
        yield Span(m.start(), m.end(), "NAME", "name in Han or Hangul script")
