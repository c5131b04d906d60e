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
# what one of the parts holds, case as written (a substring search finds the lines to scan)
_CUES = ("OG", "Og", "og ", "og,", "og.", "Stock", "stock", "Etage", "etage", "EG", "DG", "UG",
         "eschoss", "arterre", "Whg", "whg", "ohnung", "App", "app.", "partement", "partment",
         "Apt", "apt", "Flat", "flat", "Zimmer", "zimmer", "ZIMMER", "Zi.", "zi.", "room", "Room",
         "Top", "WE ")  # fmt: skip


def _lines(text: str) -> list[tuple[int, int]]:
    """The lines holding a cue, each once, in order."""
    found: set[int] = set()
    for cue in _CUES:
        i = text.find(cue)
        while i >= 0:
            start = text.rfind("\n", 0, i) + 1
            found.add(start)
            end = text.find("\n", i)
            if end < 0:
                break
            i = text.find(cue, end)
    out = []
    for start in sorted(found):
        end = text.find("\n", start)
        out.append((start, len(text) if end < 0 else end))
    return out


def find_units(text: str) -> Iterator[Span]:
    quick = guarded(UNIT_RE)
    for start, end in _lines(text):
        for m in quick.finditer(text, start, end):
            yield Span(m.start(), m.end(), "ADDRESS", "flat or floor (alone)")
