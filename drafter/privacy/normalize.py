"""Unicode folding before recognition, with a map back to the original offsets.

`fold(text)` returns the text the recognizers see: NFKC per character (fullwidth digits and
letters, ligatures, non-breaking spaces), decimal digits of any script as ASCII digits,
Cyrillic and Greek letters that look like Latin ones as those Latin letters, and invisible
characters (zero-width space/joiners, soft hyphen, BOM) removed. `Folded.span(start, end)`
maps a span of the folded text back to the original, so placeholders replace exactly what the
customer wrote. Plain ASCII text is returned as it is (no copy, identity offsets).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from drafter.privacy.memos import customer_memo

# Cyrillic and Greek letters that render like Latin letters (Unicode confusables, the subset
# that matters for IBANs, ids and e-mail addresses)
CONFUSABLES = dict(
    zip(
        "АВЕЗКМНОРСТУХаеорсухіјѕӏІЈЅԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧοϲν",
        "ABE3KMHOPCTYXaeopcyxijslIJSdqwABEZHIKMNOPTYXocv",
        strict=True,
    )
)
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f")


@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The folded form of one character ('' for an invisible one)."""
    if ch in INVISIBLE:
        return ""
    if ch in CONFUSABLES:
        return CONFUSABLES[ch]
    if unicodedata.category(ch) == "Nd":
        return str(unicodedata.digit(ch))
    folded = unicodedata.normalize("NFKC", ch)
    return "".join(CONFUSABLES.get(c, c) for c in folded)


@dataclass(frozen=True)
class Folded:
    """The folded text and, per folded character, the original offset (None: identity)."""

    text: str
    offsets: tuple[int, ...] | None
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of the folded span [start, end)."""
        if self.offsets is None:
            return start, end
        begin = self.offsets[start] if start < len(self.offsets) else self.original_length
        if end <= start:
            return begin, begin
        return begin, self.offsets[end - 1] + 1

    def position(self, index: int) -> int:
        if self.offsets is None:
            return index
        return self.offsets[index] if index < len(self.offsets) else self.original_length


@customer_memo  # a mail's text: emptied when a redaction ends (drafter.privacy.memos)
@lru_cache(maxsize=64)  # each field is folded by discovery, by `find` and by the repeat tests
def fold(text: str) -> Folded:
    """`text` folded for recognition (see the module docstring)."""
    if text.isascii():
        return Folded(text, None, len(text))
    special = {ch for ch in set(text) if not ch.isascii()}
    if not any(fold_char(ch) != ch or unicodedata.combining(ch) for ch in special):
        return Folded(text, None, len(text))  # umlauts and the like: nothing to fold
    out: list[str] = []
    offsets: list[int] = []
    changed = False
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch)
            offsets.append(i)
            continue
        if unicodedata.combining(ch) and out:
            composed = unicodedata.normalize("NFC", out[-1] + ch)
            if len(composed) == 1:  # "u" + combining diaeresis -> "ü" (one original span)
                out[-1] = composed
                changed = True
                continue
        folded = fold_char(ch)
        if folded != ch:
            changed = True
        for piece in folded:
            out.append(piece)
            offsets.append(i)
    if not changed:
        return Folded(text, None, len(text))
    return Folded("".join(out), tuple(offsets), len(text))
