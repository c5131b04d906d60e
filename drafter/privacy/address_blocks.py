"""The lines of a postal address block that no street or postcode recognizer reads.

Owns `block_lines`: a line between a street line and its postcode line ("Hinterhaus, 2. OG"),
or up to two lines above a UK/Irish postcode line ("The Old Rectory, Church Lane"), found
from the spans the other recognizers (drafter.privacy.places, postcodes) already marked; and
`streets_before`: a street without a street word written on one line right before its floor
or its postcode ("adresse sophienblatt 62 1.og kiel 24114").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator

from drafter.privacy.spans import Span, words

# a line of an address block: capitalised words, numbers and commas only
_BLOCK_WORD = r"(?:[A-ZÄÖÜ0-9][\wäöüß'’.-]*|of|the|upon|on|le|de|an|der|am|im|y|yr|na|an)"
_BLOCK_LINE = re.compile(rf"^[ \t>]*(?P<v>{_BLOCK_WORD}(?:,?[ ]{_BLOCK_WORD}){{0,6}})[ \t,]*$")
_BLOCK_STOP = words(
    "Dear Hallo Hello Hi Sehr Liebe Lieber Mit Best Kind Regards Viele Freundliche Thanks Danke "
    "Telefon Tel Phone Mobil Mobile Fax Email E-Mail Von From An To Betreff Subject Re Fwd AW WG "
    "Yours Sincerely Cheers Diolch Cofion Gruß Grüße"
)


# a c/o line, or one to three capitalised words (with a flat or room after a comma)
_ABOVE_LINE = re.compile(
    r"^[ \t>]*(?P<v>(?:c/o[ ]|C/O[ ])?[A-ZÄÖÜ][\wäöüß'’.-]*(?:[ ][A-ZÄÖÜ][\wäöüß'’.-]*){0,2}"
    r"(?:,[ ][^\n]{1,20})?)[ \t,]*$"
)
ABOVE_STREET = "address block line (above the street)"  # drafter.privacy.overlaps: below names
_PERSON_WORDS = frozenset({"Herr", "Herrn", "Frau", "Familie", "Fam.", "Firma", "Mr", "Mrs", "Ms"})
_FIRM = re.compile(
    r"\b(?:GmbH|mbH|AG|KG|Ltd|Limited|Inc|LLC|LLP|plc|PLC|UG|GbR|OHG|SE|eG)\b|e\.V\."
)


def block_lines(text: str, spans: list[Span]) -> Iterator[Span]:
    """Lines of an address block that no recognizer reads: between a street line and its
    postcode line ("Fleethörn 18 / Hinterhaus, 2. OG / 24103 Kiel"), or up to two lines
    above a UK/Irish postcode line ("The Old Rectory, Church Lane / Little Snoring, Norfolk
    NR21 0JD")."""
    starts, start = [], 0
    for line in text.split("\n"):
        starts.append(start)
        start += len(line) + 1

    def index(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    kinds: dict[int, set[str]] = {}
    for span in spans:
        kind = span.why if span.type == "POSTCODE_CITY" else span.type
        kind = "flat or floor" if span.why == "flat or floor (alone)" else kind
        kinds.setdefault(index(span.start), set()).add(kind)
    for number, found in list(kinds.items()):
        postcode = {k for k in found if "postcode" in k.lower() or "eircode" in k.lower()}
        if not postcode:
            continue
        uk = any("UK" in k or "Eircode" in k for k in postcode)
        for k in (1, 2):
            i = number - k
            if i < 0 or i in kinds:
                break
            line = text[starts[i] : (starts[i + 1] - 1)]
            m = _BLOCK_LINE.match(line)
            if not m or m.group("v").split()[0].strip(",") in _BLOCK_STOP or _FIRM.search(line):
                break  # a greeting, a contact line or a firm's name ("… Ltd") is no address
            sandwich = k == 1 and "ADDRESS" in kinds.get(i - 1, set())
            if not (uk or sandwich):
                break
            yield Span(
                starts[i] + m.start("v"), starts[i] + m.end("v"), "ADDRESS", "address block line"
            )
        # the line above the street of a German block: a house's or home's name, a "c/o" line
        # ("Herr Erwin Claußen / c/o Haus Fördeblick, Zimmer 214 / Olof-Palme-Damm 5 / 24109
        # Kiel", "Die Adresse ist / Sandkrug / Hausnummer 44 / 24159 Kiel")
        i = number - 2
        if uk or i < 0 or "ADDRESS" not in kinds.get(number - 1, set()):
            continue
        if kinds.get(i, set()) - {"flat or floor"}:
            continue  # a name, a phone or a street of its own
        line = text[starts[i] : (starts[i + 1] - 1)]
        m = _ABOVE_LINE.match(line)
        if m is None or m.group("v").split()[0].strip(",") in _BLOCK_STOP | _PERSON_WORDS:
            continue
        if not _FIRM.search(line):  # a line without a flat yields to a name found on it later
            why = ABOVE_STREET if i not in kinds else "address block line (with a flat)"
            yield Span(starts[i] + m.start("v"), starts[i] + m.end("v"), "ADDRESS", why)


# a street name without a street word and its house number, right before a floor or a postcode
_STREET_BEFORE = re.compile(r"(?<![\w/.-])(?P<v>(?P<word>[^\W\d_]{4,})[ ]\d{1,4}[a-zA-Z]?),?[ ]\Z")
_FLOOR_OR_POSTCODE = re.compile(r"\d{4,5}|(?i:\b(?:og|eg|dg|stock|etage|floor|whg)\b)")


def streets_before(text: str, spans: list[Span], noun: Callable[[str], bool]) -> Iterator[Span]:
    """A street no street word names ("sophienblatt 62") written right before the floor or
    the postcode and town another recognizer found; `noun`: an everyday or the company's
    word ("Tarif 24, 24103 Kiel" is no street)."""
    candidates, seen = [], set()
    for span in spans:
        if span.type not in ("ADDRESS", "POSTCODE_CITY") or span.start in seen or span.start < 3:
            continue
        seen.add(span.start)
        if not (
            text[span.start - 2 : span.start - 1].isdigit()
            or text[span.start - 3 : span.start - 2].isdigit()
        ):
            continue  # the quick test first: a house number right before ("62 1.og", "44, 24114")
        if not _FLOOR_OR_POSTCODE.search(text, span.start, span.end):
            continue
        m = _STREET_BEFORE.search(text, max(0, span.start - 40), span.start)
        if m is not None and not noun(m.group("word")):
            candidates.append(m)
    if not candidates:
        return
    marked = sorted((s.start, s.end) for s in spans)
    for m in candidates:
        i = bisect.bisect_left(marked, (m.end("v"),))
        if any(a < m.end("v") and m.start("v") < b for a, b in marked[max(0, i - 8) : i + 1]):
            continue  # a value found already ("Kundennummer 4711 …")
        yield Span(m.start("v"), m.end("v"), "ADDRESS", "street before its floor or postcode")
