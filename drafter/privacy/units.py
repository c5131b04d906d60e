"""A flat, room or floor written without its street: "EG rechts: Fam. … zieht aus", "Whg. 0412",
"Flat 2.03 – Ms … moves out", "zimmer 7-12", "WE 07, 2. OG links", "dorm room 317".

Owns `find_units`. A unit right after a house number belongs to its street's span
(drafter.privacy.places `_UNIT`); this recognizer finds the unit standing anywhere else: in a
landlord's list of flats, on a line of its own under the street, after the town ("24143 Kiel,
3. Stock"), in a subject. It needs a number (a flat, room or floor number, an ordinal floor) or
a ground/top floor with its side ("EG links", "DG" after a flat number); a floor in English words
("2nd floor", "ground floor") and a flat without a number ("the flat") are kept: those are how
people speak of a flat, not which one it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.privacy.prefilter import guarded
from drafter.privacy.spans import Span

_SIDE = r"(?:,?[ ](?:links|rechts|li\.?|re\.?|mitte|Mitte|left|right)(?![\w]))"
# an ordinal floor: "3. Stock", "1. OG li", "Hinterhaus 3. Etage"
_FLOOR = (
    r"(?:(?:Hinterhaus|Vorderhaus|Seitenflügel|Gartenhaus|Quergebäude)[ ,]{1,2})?"
    r"\d{1,2}\.[ ]?(?:OG|Og|og|Obergeschoss|Stock|stock|Etage|etage)(?![\w])" + _SIDE + "?"
)
# a ground, attic or basement floor with its side: "EG rechts", "DG links"
_LEVEL_SIDE = r"(?:EG|DG|UG|Erdgeschoss|Dachgeschoss|Hochparterre)" + _SIDE
_LEVEL = r"(?:EG|DG|UG)(?![\w-])"
# a flat or room with its number: "Whg. 0412", "Flat 1.01", "zimmer 7-12", "WE 03", "Top 12"
_NUMBERED = (
    r"(?:(?i:whg\.?|wohnung|app\.|appartement|apartment|apt\.?|flat|zimmer|zi\.|room|dorm[ ]room)"
    r"|Top|WE)[ ]?(?:Nr\.?[ ]?)?\d{1,4}(?:[.-]\d{1,3})?[a-zA-Z]?(?![\w.,]?\d)"
)
_PART = rf"(?:{_FLOOR}|{_LEVEL_SIDE}|{_NUMBERED})"
UNIT_RE = re.compile(
    rf"(?<![\w.-])(?:{_PART}|{_LEVEL}(?=,?[ ]{_PART}))"  # "DG" alone only before another part
    rf"(?:(?:,[ ]?|[ ]/[ ]|[ ])(?:{_PART}|{_LEVEL}(?![ ]?[\w])))*"  # "WE 11, DG", "Whg. 3 / 2. OG"
)
# the words one of the parts needs (a substring test before the pattern runs)
_CUES = ("og", "stock", "etage", "eg", "dg", "ug", "geschoss", "parterre", "whg", "wohnung",
         "app", "apt", "flat", "zimmer", "zi.", "room", "top", "we ")  # fmt: skip


def find_units(text: str) -> Iterator[Span]:
    low = text.lower()
    if not any(cue in low for cue in _CUES):
        return
    for m in guarded(UNIT_RE).finditer(text):  # ~0.2 ms on a 4 KB mail
        yield Span(m.start(), m.end(), "ADDRESS", "flat or floor (alone)")
