"""Postcodes the German-centred recognizers of postcodes.py do not read: postcode + town in
the formats of other European countries, the Polish "NN-NNN Town" ("80-425 Gdańsk") and a
country letter glued to the postcode ("I-39100 Bozen", "F-75011 Paris", "L-1234
Luxembourg", "NL-3511 Utrecht", "PL-00-238 Warszawa"); and a postcode alone after its label
("PLZ: 24103", "Postleitzahl 1060", "zip code 90210").

The town after the postcode must be capitalised; after the Polish shape, which a reference
number may also have, it must not be an everyday word (`everyday`): "24-118 Rechnung" is no
address.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from drafter.privacy.prefilter import guarded
from drafter.privacy.spans import Span

_UPPER = "A-ZÄÖÜÀ-ÖØ-ÞŁŚŻŹĆŃŠČŘŽĽŇŤĎ"
_TOWN = rf"[{_UPPER}][^\W\d_]+(?:[- ][{_UPPER}][^\W\d_]+)?"
# the country letters of the old European plates, as they stand before a postcode
_COUNTRY = r"(?:I|F|L|B|E|P|S|H|N|FL|NL|PL|CZ|SK|DK|FIN|SLO|HR|IT|FR|LU|BE|ES|PT|SE|NO|HU|SI)"
PL_POSTCODE_RE = re.compile(rf"(?<![\w.,/-])(?:PL-)?\d{{2}}-\d{{3}}[ ]{{1,2}}(?P<town>{_TOWN})")
PREFIXED_POSTCODE_RE = re.compile(
    rf"(?<![\w.,/-]){_COUNTRY}-\d{{4,5}}[ ]{{1,2}}(?P<town>{_TOWN})"
    r"(?:[ ](?P<province>[A-Z]{2})(?![\w]))?"  # "I-20154 Milano MI"
)


def find_abroad_postcodes(text: str, everyday: Callable[[str], bool]) -> Iterator[Span]:
    """POSTCODE_CITY spans of foreign postcodes with their town."""
    if "-" not in text:
        return
    for regex, why in (
        (PL_POSTCODE_RE, "Polish postcode + town"),
        (PREFIXED_POSTCODE_RE, "country letter + postcode + town"),
    ):
        for m in guarded(regex).finditer(text):
            town = m.group("town")
            if regex is PL_POSTCODE_RE and everyday(town.split()[0].split("-")[0]):
                continue
            end = m.end()
            if " " in town and everyday(town.split()[-1]):
                end = m.start("town") + town.index(" ")
            yield Span(m.start(), end, "POSTCODE_CITY", why)


LABELLED_POSTCODE_RE = re.compile(
    r"(?i:\bplz|\bpostleitzahl|\bpost[ ]?code|\bzip(?:[ ]?code)?|\bcode[ ]postal)[ \t]*[:.]?[ \t]*"
    r"(?P<value>(?:[A-Z]{1,2}-)?\d{4,5})(?![\d-])"
)


_LABELS = ("plz", "postleitzahl", "postcode", "post code", "zip", "postal")


def find_labelled_postcodes(text: str) -> Iterator[Span]:
    low = text.lower()
    if not any(
        cue in low for cue in ("plz", "postleitzahl", "postcode", "post code", "zip", "postal")
    ):
        return
    for m in LABELLED_POSTCODE_RE.finditer(text):
        yield Span(m.start("value"), m.end("value"), "POSTCODE_CITY", "postcode after its label")
