"""What looks personal but names an organisation or a product, and is kept: a product's
article or model number after its cue ("Art.-Nr. 20004711"), a SEPA creditor id
("Gläubiger-ID DE89ZZZ00000456789", with its check digits), an Indian bank's branch code
after "IFSC", a company's register number
after its cue ("HRB 12345", "Companies House no. 13470822", "Company no. 09822417", "KvK
70412896", "VR 1422 KI", "FN 123456a", the Nordic "Org.nr 556677-8899", "eingetragen im
Installateurverzeichnis unter Nr. 2025-311") and a From display name that is an
authority's name ("Jobcenter Kiel - Team 412", "Finanzamt Kiel-Nord").

A register number identifies a company in a public register, not a person; without this the
long-number catch-all and the phone pattern hide it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from stdnum.eu import at_02

from drafter.privacy.prefilter import scan
from drafter.privacy.spans import Span, digit_lines

REGISTER_RE = re.compile(
    r"(?<![\w-])(?:Company[ ](?:[Nn]o\.?|[Nn]umber|[Rr]eg(?:istration)?\.?[ ]No\.?)|"
    r"Org\.?[ ]?[Nn]r\.?|Organisationsnummer|Organisasjonsnummer|"
    r"Companies[ ]House(?:[ ](?:[Nn]o\.?|[Nn]umber|[Rr]eg(?:istration)?\.?[ ]No\.?))?|"
    r"KvK(?:-nummer|[ ]nummer|[ ]nr\.?)?|HRB|HRA|VR|GnR|FN|"
    r"Handelsregister(?:nummer)?|Registernummer|Vereinsregister(?:nummer)?|"
    r"Reg(?:istration)?\.?[ ]No\.?|"
    # "Registered in Scotland No. SC604471", "Registered in England and Wales under number …"
    r"Registered[ ]in[ ](?:England(?:[ ](?:and|&)[ ]Wales)?|Wales|Scotland|Northern[ ]Ireland)"
    r"(?:[ ]under)?(?:[ ](?:[Nn]o\.?|[Nn]umber|[Cc]ompany[ ][Nn]o\.?))?)"
    r"[ ]?[:.#]?[ ]?(?:(?:HRB|HRA|VR|Nr\.?)[ ]?)?"
    # a UK number's two-letter prefix ("SC", "NI", "OC"); the Austrian FN's check letter,
    # glued or after a space ("FN 487213 x")
    r"(?P<value>(?:SC|NI|OC|SO|NC)?\d(?:[ -]?\d){3,11}(?:[ ]?[a-z])?(?:[ ][A-Z]{1,3}(?![\w]))?)"
    r"(?![\w])"
)
_CUES = ("compan", "kvk", "hrb", "hra", "vr ", "gnr", "fn ", "register", "reg.", "reg ",
         "registration", "org.", "org ", "orgnr", "organisa", "verzeichnis")  # fmt: skip

_AUTHORITY = re.compile(
    r"(?i)^(?:jobcenter|finanzamt|amtsgericht|landgericht|arbeitsagentur|agentur[ ]für[ ]arbeit|"
    r"bürgeramt|standesamt|sozialamt|ordnungsamt|wohngeldstelle|bezirksamt|landratsamt|"
    r"ausländerbehörde|stadtverwaltung|gemeindeverwaltung|kreisverwaltung|familienkasse|"
    r"deutsche[ ]rentenversicherung|krankenkasse|polizei(?:direktion|revier)?)\b"
)


# "eingetragen im Installateurverzeichnis unter Nr. 2025-311": the cue ends a compound
LISTED_UNDER_RE = re.compile(
    r"(?:register|verzeichnis)[ ]unter[ ](?:Nr\.?[ ]?)?(?P<value>\d(?:[ -]?\d){3,11})(?![\w])"
)


# a SEPA creditor identifier ("Gläubiger-ID DE89ZZZ00000456789"): the company that collects a
# direct debit, not the customer; kept when its check digits are right
CREDITOR_ID_RE = re.compile(r"(?<![A-Z0-9])[A-Z]{2}\d{2}[ ]?[A-Z0-9]{3}[ ]?[A-Z0-9]{8,28}(?![\w])")


def _creditor_ids(text: str, low: str) -> list[tuple[int, int]]:
    if "ZZZ" not in text and "gläubiger" not in low and "creditor" not in low:
        return []
    return [
        (m.start(), m.end())
        for m in CREDITOR_ID_RE.finditer(text)
        if at_02.is_valid(m.group().replace(" ", ""))
    ]


# an Indian bank branch code after its cue ("IFSC HDFC0004711"): a bank's, like a BIC
IFSC_RE = re.compile(r"\bIFSC(?:[ ]code)?[ ]?[:=-]?[ ]?(?P<value>[A-Z]{4}0[A-Z0-9]{6})(?![\w])")


# a product's article or model number the company prints ("Art.-Nr. 20004711", "item no.
# 4711-02"): a product's, not a customer's
ARTICLE_RE = re.compile(
    r"(?<![\w-])(?:Art\.?[ ]?-?[ ]?Nr\.?|Artikel-?(?:[Nn]r\.?|nummer)|"
    r"[Aa]rticle[ ](?:[Nn]o\.?|number)|[Ii]tem[ ](?:[Nn]o\.?|number)|"
    r"Modell-?(?:[Nn]r\.?|nummer)|[Mm]odel[ ](?:[Nn]o\.?|number))"
    r"[ ]?[:.#]?[ ]?(?P<value>\d(?:[ -]?\d){3,11})(?![\w])"
)
_ARTICLE_CUES = ("art.", "artikel", "article", "item", "modell", "model")


def register_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of the company register numbers, SEPA creditor ids and bank branch codes
    in `text`."""
    low = text.lower()
    creditors = _creditor_ids(text, low)
    if "IFSC" in text:
        creditors += [(m.start("value"), m.end("value")) for m in IFSC_RE.finditer(text)]
    if any(c in low for c in _ARTICLE_CUES):
        creditors += [(m.start("value"), m.end("value")) for m in ARTICLE_RE.finditer(text)]
    if not any(c in low for c in _CUES):  # a substring test before the pattern
        return creditors
    # the cue with its number: a span of both ("FN 487213" of "FN 487213 x") is the register's
    found = [(m.start(), m.end("value")) for m in scan(REGISTER_RE, text, digit_lines(text))]
    found += creditors
    if "verzeichnis unter" in text or "register unter" in text:
        found += [(m.start("value"), m.end("value")) for m in LISTED_UNDER_RE.finditer(text)]
    return found


def without_registers(text: str, spans: Iterable[Span]) -> list[Span]:
    """`spans` less those that lie inside a company register number (not the vault's)."""
    spans = list(spans)
    ranges = register_numbers(text)
    if not ranges:
        return spans
    return [
        s
        for s in spans
        if s.why.startswith("vault") or not any(a <= s.start and s.end <= b for a, b in ranges)
    ]


def authority(display: str) -> bool:
    """A From display name that is an authority's, not a person's ("Jobcenter Kiel")."""
    return _AUTHORITY.match(display.strip()) is not None
