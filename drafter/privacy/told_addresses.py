"""Addresses the street recognizers of places.py miss because the street has no street word,
found by the words around them instead:

- a street and house number right after "wohne in der/im/am …" ("wohn in der sophienblatt
  46", "wir wohnen jetzt am Schrevenblick 3"), in any case: the verb says it is where someone
  lives (a street with a street word, "Knooper Weg 12", is left to places.py);
- a garden plot by its number ("Parzelle 61", "parzelle 37"): an allotment's address;
- a street and house number after a bare "in" or "at", or after a site's word ("der Baustrom
  in Moorblöcken 3", "Schaden in Kätnerkoppel 7a", "the meter at Moorblöcken 3", "Baustelle
  Moorblöcken 3", "Verbrauchsstelle …"): a capitalised word that names nothing else, i.e.
  no word wordfreq knows (zipf >= 2: "in Halle 4", "in Raum 12", "in Windows 11"), not the
  knowledge base's or the company's, with a house number of one to three digits that no
  unit, time or further digit follows ("in Moorblöcken 3 kWh" is no address).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

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
IN_STREET_RE = re.compile(
    r"(?<![\w-])(?:[Ii]n|at|"
    r"(?:Objekt|Baustelle|Verbrauchsstelle|Lieferstelle|Grundstück)(?::|[ ]in)?)"
    r"[ ](?P<value>(?P<word>[A-ZÄÖÜ][a-zäöüß]{3,}(?:-[A-ZÄÖÜ][a-zäöüß]{2,})?)"
    r"[ ]\d{1,3}[a-z]?)(?![\w,.:/-]?\d)(?![\w-])"
    # a unit, a time or a share after the number: a quantity, no house number
    r"(?![ ]?(?:%|€|°|x\b|(?i:kwh|kw|uhr|h\b|min|std|jahre?n?|tage?n?|monate?n?|wochen?|"
    r"mal|stück|euro|eur|prozent|years?|days?|months?|weeks?|times|pm\b)))"
)
# a street word in the value: the street recognizers read that street better ("wohnt im
# Studentenwohnheim Olshausenstraße 40" is the street alone)
_STREET_WORD = re.compile(r"(?i)stra(?:ß|ss)e|str\.|weg\b|allee|platz|gasse|ring\b|damm")


def find_told_addresses(
    text: str, street_noun: Callable[[str], bool] = lambda word: False
) -> Iterator[Span]:
    """ADDRESS spans of the three shapes above; `street_noun(word)`: a word that names no
    street before a house number (known to wordfreq, the knowledge base's or the company's)."""
    if "n " in text or "at " in text or ": " in text or "e " in text:
        for m in scan(IN_STREET_RE, text, digit_lines(text)):
            if _STREET_WORD.search(m.group("word")) or any(
                street_noun(part) for part in m.group("word").split("-")
            ):
                continue  # a street word: places.py reads it; a known word: no street
            yield Span(
                m.start("value"), m.end("value"), "ADDRESS", "street + number after 'in'/'at'"
            )
    if not any(cue in text for cue in _CUES):  # a substring test before the patterns
        return
    for m in scan(LIVES_IN_RE, text, digit_lines(text)):
        if _STREET_WORD.search(m.group("value")):
            continue
        yield Span(m.start("value"), m.end("value"), "ADDRESS", "street + number after 'wohne'")
    for m in scan(PLOT_RE, text, digit_lines(text)):
        yield Span(m.start(), m.end(), "ADDRESS", "garden plot (Parzelle)")
