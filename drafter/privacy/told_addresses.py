"""Addresses the street recognizers of places.py miss because the street has no street word,
found by the words around them instead:

- a street and house number right after "wohne in der/im/am …" ("wohn in der sophienblatt
  46", "wir wohnen jetzt am Schrevenblick 3"), in any case: the verb says it is where someone
  lives (a street with a street word, "Knooper Weg 12", is left to places.py);
- a garden plot by its number ("Parzelle 61", "parzelle 37"): an allotment's address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.privacy.prefilter import scan
from drafter.privacy.spans import Span, digit_lines

LIVES_IN_RE = re.compile(
    r"(?<![\w-])(?i:wohne?|wohnt|wohnen|lebe|leben)[ ](?:(?i:jetzt|noch|seit[ ]\w+)[ ])?"
    r"(?i:in[ ]der|in[ ]dem|im|am|an[ ]der|auf[ ]der|in[ ]den)[ ]"
    r"(?P<value>[A-ZÄÖÜa-zäöü][a-zäöüß-]{3,}(?:[ ][A-ZÄÖÜ][a-zäöüß-]{2,})?"
    r"[ ]\d{1,4}[a-z]?)(?![\w,.]?\d)"
)
PLOT_RE = re.compile(r"(?<![\w-])[Pp]arzelle[ ](?:Nr\.?[ ])?\d{1,4}[a-z]?(?![\w])")
_CUES = ("wohn", "lebe", "parzelle", "Parzelle")
# a street word in the value: the street recognizers read that street better ("wohnt im
# Studentenwohnheim Olshausenstraße 40" is the street alone)
_STREET_WORD = re.compile(r"(?i)stra(?:ß|ss)e|str\.|weg\b|allee|platz|gasse|ring\b|damm")


def find_told_addresses(text: str) -> Iterator[Span]:
    """ADDRESS spans of the two shapes above."""
    if not any(cue in text for cue in _CUES):  # a substring test before the patterns
        return
    for m in scan(LIVES_IN_RE, text, digit_lines(text)):
        if _STREET_WORD.search(m.group("value")):
            continue
        yield Span(m.start("value"), m.end("value"), "ADDRESS", "street + number after 'wohne'")
    for m in scan(PLOT_RE, text, digit_lines(text)):
        yield Span(m.start(), m.end(), "ADDRESS", "garden plot (Parzelle)")
