"""Recognizers for postal addresses: street + house number and postcode + town.

German streets ("Musterstraße 12a", "Albert-Schweitzer-Str. 5", "Kieler Straße 3",
"Am Hang 3"), English streets ("221B Baker Street", "8906 April Points Apt. 607"; street
types after USPS Publication 28), German/Austrian/Swiss postcode + town ("24103 Kiel",
"A-1010 Wien") and US "City, ST 12345".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.privacy.recognizers import Span, words

UC = "A-ZÄÖÜ"
LC = "a-zäöüßéèáàâêôûç"
WORD = rf"[{UC}][{LC}]+"
_DE_SUFFIX = (
    r"(?:[Ss]tra(?:ß|ss)e|[Ss]tr\.|[Ww]eg|[Aa]llee|[Pp]latz|[Gg]asse|[Rr]ing|[Dd]amm|[Uu]fer|"
    r"[Cc]haussee|[Ss]teig|[Ss]tieg|[Pp]fad|[Mm]arkt|[Kk]amp|[Ww]all|[Gg]raben|[Tt]wiete|"
    r"[Rr]edder|[Zz]eile|[Pp]romenade|[Kk]ai|[Aa]nger|[Hh]of|[Bb]erg|[Ff]eld|[Gg]arten|"
    r"[Ww]inkel|[Bb]ogen|[Pp]ark|[Hh]öhe|[Ss]tiege|[Ll]ände)"
)
_DE_SUFFIX_WORD = (
    r"(?:Stra(?:ß|ss)e|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm|Chaussee|Ufer|Markt|Steig|Pfad|"
    r"Wall|Graben|Twiete|Redder|Zeile|Promenade|Kai|Anger)"
)
_DE_PREFIX = (
    r"(?:Am|An[ ]der|An[ ]den|An[ ]dem|Auf[ ]der|Auf[ ]dem|Auf[ ]den|Im|In[ ]der|In[ ]den|"
    r"Zum|Zur|Unter[ ]den|Hinter[ ]der|Hinter[ ]dem|Vor[ ]dem|Vor[ ]der|Bei[ ]der|Alte|"
    r"Alter|Neue|Neuer|Lange|Große|Kleine|Hohe|Obere|Untere|Hohler|Breite|Grüner)"
)
_HOUSE = r"\d{1,4}(?:[ ]?[a-zA-Z](?![\w]))?(?:[ ]?[-/][ ]?\d{1,4}[a-zA-Z]?)?(?![\d,.]\d)"
DE_STREET_RE = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?P<compound>{WORD}(?:-{WORD})*-?{_DE_SUFFIX})"
    rf"|(?:{WORD}[ ]{_DE_SUFFIX_WORD})"
    rf"|(?P<prep>{_DE_PREFIX}[ ](?:{WORD}[ ]){{0,1}}{WORD}(?:-{WORD})*)"
    rf")[ ]{_HOUSE}"
)
# "Straße 5" alone or "Im Jahr 2023": these are not addresses.
_PREP_STOP = words(
    "Jahr Jahre Monat Moment Rahmen Vorfeld Anhang Auftrag Namen Zeitraum Durchschnitt Schnitt "
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Wochenende Ende Anfang "
    "Abschlag Tarif Vertrag Zähler Haus Stand Betrag Preis Jahresverbrauch Minuten Stunden "
    "Tag Tage Wochen Euro Prozent Punkt Punkte Kapitel Absatz Paragraph Seite Schreiben"
)

_EN_TYPES = (
    "Alley|Avenue|Bend|Boulevard|Branch|Bridge|Brook|Burg|Bypass|Camp|Canyon|Cape|"
    "Causeway|Center|Circle|Cliff|Club|Common|Corner|Course|Court|Cove|Creek|Crescent|"
    "Crest|Crossing|Crossroad|Curve|Dale|Dam|Divide|Drive|Estate|Expressway|Extension|Fall|"
    "Ferry|Field|Flat|Ford|Forest|Forge|Fork|Fort|Freeway|Garden|Gateway|Glen|Green|Grove|"
    "Harbor|Haven|Heights|Highway|Hill|Hollow|Inlet|Island|Isle|Junction|Key|Knoll|Lake|"
    "Land|Landing|Lane|Light|Loaf|Lock|Lodge|Loop|Mall|Manor|Meadow|Mews|Mill|Mission|"
    "Motorway|Mount|Mountain|Neck|Orchard|Oval|Overpass|Park|Parkway|Pass|Passage|Path|"
    "Pike|Pine|Place|Plain|Plaza|Point|Port|Prairie|Radial|Ramp|Ranch|Rapid|Rest|Ridge|"
    "River|Road|Route|Row|Rue|Run|Shoal|Shore|Skyway|Spring|Spur|Square|Station|"
    "Stravenue|Stream|Street|Summit|Terrace|Throughway|Trace|Track|Trafficway|Trail|"
    "Tunnel|Turnpike|Underpass|Union|Valley|Via|Viaduct|View|Village|Ville|Vista|Walk|Wall|"
    "Way|Well|Close|Gardens|Gate|Grange|Hall|Parade|Rise|Wharf|Wynd|Yard"
)
_EN_ABBREVIATIONS = "Ave|Blvd|Cir|Ct|Dr|Hwy|Ln|Pkwy|Pl|Rd|Sq|St|Ter|Trl"
EN_STREET_RE = re.compile(
    rf"(?<![\w-])\d{{1,5}}[A-Za-z]?[ ](?:(?:N|S|E|W|NE|NW|SE|SW)\.?[ ])?"
    rf"(?:[A-Z][a-z']+[ ]){{1,3}}(?:(?:{_EN_TYPES})(?:e?s)?\b|(?:{_EN_ABBREVIATIONS})\b\.?)"
    rf"(?:,?[ ](?:Apt\.?|Apartment|Suite|Ste\.|Unit|Flat|\#)[ ]?[A-Z]?\d[\w-]{{0,5}}\b)?"
)

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
    "Oktober November Dezember Rechnung Abschlag Vielen Danke Bitte Mit Viele"
)
US_CITY_STATE_RE = re.compile(
    r"(?<![\w-])(?:[A-Z][a-z]+[ ]){0,2}[A-Z][a-z]+,[ ][A-Z]{2}[ ]\d{5}(?:-\d{4})?(?!\d)"
)


def find_streets(text: str) -> Iterator[Span]:
    for m in DE_STREET_RE.finditer(text):
        prep = m.group("prep")
        if prep:
            words = prep.split()
            number = m.group()[len(prep) :].strip()
            if words[-1] in _PREP_STOP or re.fullmatch(r"(19|20)\d\d", number):
                continue
        yield Span(m.start(), m.end(), "ADDRESS")
    for m in EN_STREET_RE.finditer(text):
        yield Span(m.start(), m.end(), "ADDRESS")


def find_postcode_cities(text: str, streets: list[Span]) -> Iterator[Span]:
    street_ends = [s.end for s in streets]
    for m in POSTCODE_CITY_RE.finditer(text):
        city = m.group("city")
        if city.split()[0] in _CITY_STOP:
            continue
        code = m.group("code")
        # Austrian/Swiss four-digit postcodes only with A-/CH- or right after a street (too
        # ambiguous otherwise: "2023 Rechnung")
        after_street = any(0 <= m.start() - end <= 3 for end in street_ends)
        if len(code) == 4 and not m.group("prefix") and not after_street:
            continue
        end = m.end("city")
        second = m.group("second")
        if second and second not in _CITY_STOP and m.group()[m.end("city") - m.start()] == " ":
            end = m.end("second")
        yield Span(m.start(), end, "POSTCODE_CITY")
    for m in US_CITY_STATE_RE.finditer(text):
        yield Span(m.start(), m.end(), "POSTCODE_CITY")
