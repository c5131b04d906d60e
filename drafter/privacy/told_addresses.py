"""Addresses the street recognizers of places.py miss because the street has no street word,
found by the words around them instead:

- a street and house number right after "wohne in der/im/am …" ("wohn in der sophienblatt
  46", "wir wohnen jetzt am Schrevenblick 3"), in any case: the verb says it is where someone
  lives (a street with a street word, "Knooper Weg 12", is left to places.py);
- a garden plot by its number ("Parzelle 61", "parzelle 37"): an allotment's address;
- a street with its house number dictated in words after a living verb ("ich wohne Am
  Wellsee dreiundzwanzig a", "wir wohnen in der Lindenallee zwölf", "I live at Mill Lane
  forty-two"): one to three capitalised words, then a number word of 1 to 99 and perhaps the
  house's letter; a unit or time after the number ("seit zwei Jahren") is no house number;
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
_DE_UNITS = r"ein|eins|zwei|zwo|drei|vier|fünf|fuenf|sechs|sieben|acht|neun"
_DE_TENS = r"zwanzig|dreißig|dreissig|vierzig|fünfzig|fuenfzig|sechzig|siebzig|achtzig|neunzig"
_EN_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
_EN_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# a house number of 1 to 99 in words: "dreiundzwanzig", "zwölf", "forty-two", "seven"
_HOUSE_NUMBER_WORD = (
    rf"(?:(?:{_DE_UNITS})und(?:{_DE_TENS})|{_DE_TENS}|zehn|elf|zwölf|zwoelf|"
    r"(?:drei|vier|fünf|fuenf|sech|sieb|acht|neun)zehn|"
    rf"(?:{_EN_TENS})(?:[- ](?:{_EN_UNITS}))?|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|"
    rf"{_DE_UNITS}|{_EN_UNITS})"
)
SPOKEN_STREET_RE = re.compile(
    r"(?<![\w-])(?i:wohne?|wohnt|wohnen|lebe|leben|live|lives|living)[ ]"
    r"(?:(?i:jetzt|noch|now|still)[ ])?"
    r"(?i:in[ ]der|in[ ]dem|im|am|an[ ]der|auf[ ]der|in[ ]den|in|at|on)[ ]"
    r"(?P<value>(?:[A-ZÄÖÜ][a-zäöüß.-]+[ ]){1,3}"
    rf"(?i:{_HOUSE_NUMBER_WORD})(?:[ ][a-hA-H])?)(?![\w-])"
    # a unit or a time after the number: a quantity or a period, no house number
    r"(?![ ](?i:jahre?n?|monate?n?|wochen?|tage?n?|stunden?|mal|years?|months?|weeks?|days?|"
    r"hours?|times|euro|eur|prozent|percent|kwh|personen|people|kinder|children|zimmer|rooms?|"
    r"bedrooms?|etagen|stockwerke|floors))"
)
_STREET_WORD_EN = re.compile(r"(?i)\b(?:lane|road|street|avenue|close|drive|way|crescent|row)\b")
_SPOKEN_CUES = ("wohn", "Wohn", "lebe", "Lebe", "live", "Live")


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
    if any(cue in text for cue in _SPOKEN_CUES):  # a substring test before the pattern
        for m in SPOKEN_STREET_RE.finditer(text):
            street = m.group("value").split(" ")
            last = next(w for w in reversed(street) if w[:1].isupper())
            if not (
                _STREET_WORD.search(m.group("value")) or _STREET_WORD_EN.search(m.group("value"))
            ) and street_noun(last.rstrip(".")):
                continue  # "am Stadtrand drei …": an everyday word names no street
            why = "street + number in words after 'wohne'"
            yield Span(m.start("value"), m.end("value"), "ADDRESS", why)
    if not any(cue in text for cue in _CUES):  # a substring test before the patterns
        return
    for m in scan(LIVES_IN_RE, text, digit_lines(text)):
        if _STREET_WORD.search(m.group("value")):
            continue
        yield Span(m.start("value"), m.end("value"), "ADDRESS", "street + number after 'wohne'")
    for m in scan(PLOT_RE, text, digit_lines(text)):
        yield Span(m.start(), m.end(), "ADDRESS", "garden plot (Parzelle)")
