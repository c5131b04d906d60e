"""Lines of a name and a postal address at the end of a mail, and place lines under a name.

Owns `name_before_address` (the name opening an address line: "Anna Berg, Hauptstr. 5, 24103
Kiel", "H.-J. Bornholdt Am Langsee 11 24148 Kiel", "Tom Reed, 12 Mill Lane, Leeds"),
`ADDRESS_TAIL` (a street with its number or a postcode with its town), `place_line` /
`place_under_name` ("Wellsee, Kiel" under a name: where, not who) and `own_address_line` (a
name and address line in the middle of an unsigned mail, when the mail address holds the
family name). drafter.drafting.signoff reads them around the closing.
"""

from __future__ import annotations

import re

from drafter import firstnames
from drafter.drafting.name_lines import (
    _clean,
    _given_here,
    _name_line,
    _plausible,
    split_address,
)
from drafter.drafting.names import known_given
from drafter.drafting.signature_footer import _footer_line


def place_line(line: str) -> bool:
    """A place, district and town ("Wellsee, Kiel"), not a name written family name first
    ("Berg, Anna": the second word is a given name)."""
    place = re.fullmatch(r"([^\W\d_][\w-]*),\s*([^\W\d_][\w-]*)", line.strip())
    return place is not None and not (_given_here(place[1]) or _given_here(place[2]))


def place_under_name(lines: list[str], lower: bool) -> bool:
    """The last line is a place ("Wellsee, Kiel") under a name line."""
    return place_line(lines[-1]) and _name_line(_clean(lines[-2]), lower)


def name_before_address(line: str, lower: bool) -> str:
    """The name that opens an address line ("Anna Berg, Hauptstr. 5, 24103 Kiel"), or ''."""
    head, comma, tail = line.partition(",")
    head = head.strip()
    if not comma or not ADDRESS_TAIL.search(tail) or re.search(r"\d", head):
        head = split_address(line)  # "H.-J. Bornholdt Am Langsee 11 24148 Kiel"
    if not head or _footer_line(head):
        return ""
    two = 1 < len(head.split()) <= 3 and _plausible(head, lowercase=True)
    return head if _name_line(head, lower) or two else ""


#: a street with its number or a postcode with its town, in any case ("kolberger str 9, 24148
#: kiel", "12 Mill Lane, Leeds")
ADDRESS_TAIL = re.compile(
    r"(?i)\b\d{5}\s+[^\W\d_]{2,}|(?:str\.?|straße|strasse|weg|allee|platz|gasse|damm|ring|"
    r"chaussee)\s+\d+\w?\b|\b\d+\w?\s+(?:[^\W\d_]+\s+)+(?:street|road|lane|avenue|drive|close|way)\b"
)


def own_address_line(lines: list[str], local: str) -> str:
    """The name opening a line of name and address in an unsigned mail ("Marko Petrović
    Ahornweg 64 24211 Preetz", then more text) when the mail address holds its family name
    (m.petrovic@): the sender's own, not a tenant's or a neighbour's."""
    for line in lines:
        head = split_address(line) or name_before_address(line, lower=False)
        family = re.sub(r"[^a-z]", "", firstnames.fold(head.split()[-1])) if head else ""
        given = known_given(head.split()[0]) if head else False  # not "Kfz-Werkstatt Brix"
        if given and len(head.split()) > 1 and len(family) > 2 and family in local:
            return head
    return ""
