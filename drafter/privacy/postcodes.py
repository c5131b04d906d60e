"""Recognizers for postcode + town: German/Austrian/Swiss ("24103 Kiel", "A-1010 Wien",
"24257 Hohenfelde (Zweitwohnsitz)"), lowercase after a cue ("in 24143 kiel"), US
"City, ST 12345" and Australian "Town WA 6959". Streets are in places.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.privacy.places import WORD
from drafter.privacy.prefilter import guarded, scan
from drafter.privacy.spans import Span, words

_CITY = (
    rf"{WORD}(?:-{WORD})*(?:/{WORD})?"
    rf"(?:[ ](?:am|an[ ]der|im|in[ ]der|ob[ ]der|bei|vor[ ]der|vorm|v\.[ ]d\.|in)[ ]{WORD})?"
    rf"(?:[ ]\({WORD}\))?"
)
POSTCODE_CITY_RE = re.compile(
    rf"(?<![\w.,/-])(?P<prefix>(?:D|DE|A|AT|CH)-)?(?P<code>\d{{4,5}})[ ]{{1,2}}(?P<city>{_CITY})"
    rf"(?:[ ](?P<second>{WORD})(?![ ]?\d))?"
)
_CITY_STOP = words(
    "Euro EUR Kilowattstunden Kilowattstunde Stück Mal Tage Tagen Jahre Jahren Kunden Einwohner "
    "Haushalte Zähler Punkte Minuten Stunden Monate Monaten Wochen Liter Kubikmeter Seiten "
    "Bei Sie Ihr Ihre Ich Wir Die Der Das Und Oder Mit Für Von Am Im Zum Dollar Dollars Pfund "
    "Franken Rappen Cent Prozent Januar Februar März April Mai Juni Juli August September "
    "Oktober November Dezember Rechnung Abschlag Vielen Danke Bitte Mit Viele Ort Stadt Wohnort"
)
LOWER_POSTCODE_CITY_RE = re.compile(
    r"(?<![\w.,/-])\d{5}[ ]{1,2}[a-zäöü][a-zäöüß]{2,}(?:-[a-zäöüß]+)*(?=[ ]*(?:$|\n|,|\.|\)))",
    re.M,
)
# "in 24143 kiel", "plz/ort: 24143 kiel", "bahnhofstr. 12, 24143 kiel"; not "haben 48273 geprüft"
_LOWER_TOWN_CUE = re.compile(r"(?i)(?:\bin|\bnach|\baus|\bplz|\bort|\bwohnort|,|\n)[ :]*$")
# a word in brackets after a town that says what the place is to the writer, not where it is
_NOT_A_PLACE = (
    r"(?i)wohnsitz|wohnung|adresse|anschrift|firma|büro|privat|arbeit|eltern|ferien|"
    r"zuhause|heimat|neu|alt|bisher|früher|aktuell|meldeadresse|residence|home|office|work|old|new"
)
# Australian "Fremantle WA 6959", "Toowong QLD 4066"
AU_TOWN_STATE_RE = re.compile(
    r"(?<![\w-])(?:[A-Z][a-z]+[ ]){1,3}(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ ]\d{4}(?!\d)"
)
_AU_STATES = (" NSW ", " VIC ", " QLD ", " WA ", " SA ", " TAS ", " ACT ", " NT ")
# a four-digit number after a model word is a model ("FRITZ!Box 5590 Fiber"), not a postcode
_MODEL_BEFORE = re.compile(r"(?i)(?:box|modell?|model|typ|type|version|serie|series|nr\.?)[ ]$")
US_CITY_STATE_RE = re.compile(
    r"(?<![\w-])(?:[A-Z][a-z]+[ ]){0,2}[A-Z][a-z]+,[ ][A-Z]{2}[ ]\d{5}(?:-\d{4})?(?!\d)"
)


def find_postcode_cities(text: str, streets: list[Span]) -> Iterator[Span]:
    street_ends = [s.end for s in streets]
    for m in guarded(POSTCODE_CITY_RE).finditer(text):
        city = m.group("city")
        if city.split()[0] in _CITY_STOP:
            continue
        code = m.group("code")
        # Austrian/Swiss four-digit postcodes only with A-/CH- or right after a street (too
        # ambiguous otherwise: "2023 Rechnung")
        after_street = any(0 <= m.start() - end <= 3 for end in street_ends)
        standalone = re.match(r"[ ]*(?:$|\n|,)", text[m.end("city") :]) is not None
        bare = len(code) == 4 and not m.group("prefix") and not after_street
        if bare and (not standalone or re.fullmatch(r"(?:19|20)\d\d", code)):
            continue
        if bare and _MODEL_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        end = m.end("city")
        bracket = re.search(r"[ ]\((\w+)\)$", m.group("city"))
        if bracket and re.search(_NOT_A_PLACE, bracket.group(1)):
            end = m.start("city") + bracket.start()  # "24257 Hohenfelde (Zweitwohnsitz)"
        second = m.group("second")
        if second and second not in _CITY_STOP and m.group()[m.end("city") - m.start()] == " ":
            end = m.end("second")
        yield Span(m.start(), end, "POSTCODE_CITY", "postcode + town")
    for m in scan(US_CITY_STATE_RE, text):
        yield Span(m.start(), m.end(), "POSTCODE_CITY", "US city, state zip")
    if any(state in text for state in _AU_STATES):
        for m in AU_TOWN_STATE_RE.finditer(text):
            yield Span(m.start(), m.end(), "POSTCODE_CITY", "AU town, state postcode")
    for m in guarded(LOWER_POSTCODE_CITY_RE).finditer(text):
        if guarded(_LOWER_TOWN_CUE).search(text, max(0, m.start() - 14), m.start()):
            yield Span(m.start(), m.end(), "POSTCODE_CITY", "postcode + lowercase town")
