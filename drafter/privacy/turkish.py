"""Turkish street addresses: the neighbourhood, street, avenue or boulevard by its type word,
then the door number and flat ("Cumhuriyet Mah. 1203 Sok. No: 7 Daire 3", "Atatürk Caddesi
No 15/2", "Bağdat Cd. No:120/5 Kat 2", "gül sokak no 4"). The postcode and town after them
("34710 Kadıköy/İstanbul") are postcodes.py's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.privacy.places import _LEADING as LEADING
from drafter.privacy.spans import Span

_TYPE = (
    r"(?i:mahallesi|mahalle|mah\.|mh\.|caddesi|cadde|cad\.|cd\.|sokağı|sokak|sok\.|sk\.|"
    r"bulvarı|bulvar|blv\.|bulv\.|meydanı)"
)
# the name before a type word: one to three words, or a street's number ("1203 Sok.")
_PART = rf"(?:(?:[^\W\d_]+[ ]){{1,3}}|\d{{1,5}}\.?[ ])?{_TYPE}"
_DOOR = r"(?i:no|numara)[:.]?[ ]?\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?"
_FLAT = r"(?i:daire|kat|apt\.?|blok|d\.|k\.|d:|k:)[:.]?[ ]?\d{1,3}[A-Za-z]?"
TURKISH_STREET_RE = re.compile(
    rf"(?<![\w-]){_PART}(?:,?[ ]{_PART}){{0,2}}(?:,?[ ]{_DOOR})?(?:,?[ ]{_FLAT}){{0,2}}"
    r"(?![\w])"
)
_CUES = ("mah", "mh.", "cad", "cd.", "sok", "sk.", "bulv", "blv", "meydan")


def find_turkish_streets(text: str) -> Iterator[Span]:
    low = text.lower()
    if not any(cue in low for cue in _CUES):
        return
    for m in TURKISH_STREET_RE.finditer(text):
        # a street named alone ("the shops on Bağdat Caddesi") is no address: a number or
        # the neighbourhood makes it one
        if not re.search(r"(?i)\d|\bmah|\bmh\.", m.group()):
            continue
        start = m.start()
        while (word := re.match(r"([^\W\d_]+)[ ]", text[start : m.end()])) and (
            word.group(1).lower() in LEADING
        ):
            start += word.end()  # "wohnt in der Gül Sokak 4": from "Gül"
        yield Span(start, m.end(), "ADDRESS", "Turkish street (type word)")
