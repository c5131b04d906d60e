"""Recognizers for identifiers beyond contact and bank data.

Social-security / pension numbers (DE Rentenversicherungsnummer, AT SV-Nummer with its check
digit, CH AHV-Nummer with EAN-13), health-insurance numbers (DE KVNR with its check digit),
ID-card and passport numbers (ICAO check digit, or a cue), licence plates (DE/AT/CH/UK), VINs,
order/ticket numbers and a fail-closed catch-all for any other long number that is not a
date, an amount, a quantity or a year (type NUMBER). Each span names the recognizer (and cue)
that found it. IP addresses and secrets in URLs: network.py (re-exported here); passwords
and PINs: credentials.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum.at import vnr as at_vnr
from stdnum.ch import ssn as ch_ssn

# re-exported (`X as X`): the network recognizers live in network.py
from drafter.privacy.network import _LAN as _LAN
from drafter.privacy.network import _SHARE_PATH as _SHARE_PATH
from drafter.privacy.network import _URL_PARAM as _URL_PARAM
from drafter.privacy.network import _URL_SEGMENT as _URL_SEGMENT
from drafter.privacy.network import IPV4_RE as IPV4_RE
from drafter.privacy.network import IPV6_RE as IPV6_RE
from drafter.privacy.network import URL_RE as URL_RE
from drafter.privacy.network import find_network as find_network
from drafter.privacy.network import find_url_secrets as find_url_secrets
from drafter.privacy.prefilter import guarded, scan
from drafter.privacy.spans import VALUE_GAP, Span, cased, cue_lines, digit_lines, word_start

# --- social security ---------------------------------------------------------------------

DE_RV_RE = re.compile(r"(?<![\w])\d{2}[ ]?\d{6}[ ]?[A-Za-z][ ]?\d{3}(?!\w)")
AT_SV_RE = re.compile(r"(?<![\w/.,-])\d{4}[ ]?\d{6}(?![\w/-])")
CH_AHV_RE = re.compile(r"(?<![\w.])756[.\s]?\d{4}[.\s]?\d{4}[.\s]?\d{2}(?![\w])")
SOCIAL_CUE = re.compile(
    r"(?i)(sozialversicherungs|rentenversicherungs|sv-?n(?:umme)?r|versicherungsnummer|"
    r"ahv|social[ ]security|national[ ]insurance|\bssn\b|\bnin?o?\b)[^\n]{0,25}$"
)

# --- health insurance --------------------------------------------------------------------

KVNR_RE = re.compile(r"(?<![\w])[A-Z][ ]?\d{9}(?!\w)")
HEALTH_CUE = re.compile(
    r"(?i)(krankenversicherten|krankenkassen|versicherten|kvnr|gesundheitskarte|egk|"
    r"krankenversicherungs|health[ ]insurance|insurance[ ](?:number|no|id)|member(?:ship)?[ ]"
    r"(?:number|no|id)|mitglieds)[^\n]{0,25}$"
)

# --- identity documents ------------------------------------------------------------------

DOC_RE = re.compile(r"(?<![\w])[CFGHJKLMNPRTVWXYZ0-9]{9}\d?(?!\w)")
DOC_CUE = re.compile(
    r"(?i)(personalausweis|ausweis|reisepass|passnummer|pass-?nr|passport|identity[ ]card|"
    r"id[ -]?card|id[ -]?number|führerschein|driving[ ]licen[cs]e|document[ ]number|"
    r"dokumentennummer|aufenthaltstitel|aufenthaltserlaubnis|aufenthaltskarte|"
    r"niederlassungserlaubnis|residence[ ]permit|residence[ ]card|permit[ ]no|carte[ ]d'identité)"
    r"(?:[^\n(]{0,25}|[^\n(]{0,25}\([^)\n]{0,60}\)[^\n(]{0,6}"  # "(hat die Bank auch gewollt): "
    # "Personalausweises (Nr. L01X7PT94)", "a copy of my ID card (CA39281KT)"
    r"|[^\n(]{0,6}[ ]?\((?:(?i:nr|no|nummer|number)\.?:?[ ]?)?"
    r"|[^\n(]{0,80}:[ ]?)$"  # "permit number, since … your form asks for ID: "
)
_DOC_WORDS = ("ausweis", "pass", "führerschein", "licen", "document", "dokument", "aufenthalt",
              "niederlassung", "residence", "permit", "identit", "id card", "id-card", "idcard",
              "id number", "id-number")  # fmt: skip
# after a document cue, any document number of 8 to 10 capitals and digits ("X4RTBPFW4")
DOC_ANY_RE = re.compile(
    r"(?<![\w-])(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,10}(?![\w-])"
    # or written in groups: "R7T 4K9 2M8", "L01X 00T4 7"
    r"|(?<![\w-])(?=[A-Z0-9 ]{8,14}(?![\w-]))(?=[A-Z0-9 ]*\d)(?=[A-Z0-9 ]*[A-Z])"
    r"[A-Z0-9]{3,4}(?:[ ][A-Z0-9]{1,4}){2}(?![\w-])"
)
_ICAO = {**{str(d): d for d in range(10)}, **{chr(65 + i): 10 + i for i in range(26)}}


def _icao_ok(value: str) -> bool:
    weights = (7, 3, 1)
    total = sum(_ICAO[c] * weights[i % 3] for i, c in enumerate(value[:9]))
    return str(total % 10) == value[9]


def _kvnr_ok(value: str) -> bool:
    digits = f"{ord(value[0]) - 64:02d}{value[1:9]}"
    total = 0
    for i, ch in enumerate(digits):
        product = int(ch) * (1 if i % 2 == 0 else 2)
        total += product // 10 + product % 10
    return total % 10 == int(value[9])


# --- vehicles ----------------------------------------------------------------------------

PLATE_RE = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2}[ -]?[1-9]\d{0,3}(?:[ ]?[EH])?"  # DE: HH-AB 1234 E
    r"|(?:W|N|G|L|S|T|K|B|ST|GU|LL|WU|BN|MD|VB|BR)[- ]\d{1,5}[ ]?[A-Z]{1,2}"  # AT: W-12345A
    r"|(?:ZH|BE|LU|AG|SG|BS|BL|GE|VD|TI|VS|FR|NE|SO|TG|GR|ZG|SZ)[ ]\d{1,6}"  # CH: ZH 123456
    r"|[A-Z]{2}\d{2}[ ]?[A-Z]{3}"  # UK: AB12 CDE
    r"|[A-Z]{1,3}[ ]\d{2,5}[ ]?[A-Z]{1,3}|[A-Z]{1,3}[ -]\d{2,3}[ ]\d{2,3})(?![\w-])"  # with a cue
)
# French (SIV, since 2009) and Italian plates: "GF-718-QP", "AB 123 CD"
FR_PLATE_RE = re.compile(r"(?<![\w-])[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}(?![\w-])")
_FR_PLATE_CORE = re.compile(r"-\d{3}-")
# an Austrian plate of any district ("DO-418 KF"), looked for on lines with a plate cue
AT_PLATE_RE = re.compile(r"(?<![\w-])[A-Z]{1,2}-\d{2,5}[ ][A-Z]{1,2}(?![\w-])")
# a Dutch plate (sidecodes 4 to 11: "GR-847-K", "12-ABC-3", "XX-99-XX"), on a cue line too
NL_PLATE_RE = re.compile(
    r"(?<![\w-])(?:[A-Z]{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|\d{2}-[A-Z]{3}-\d|"
    r"\d-[A-Z]{3}-\d{2}|[A-Z]{2}-\d{3}-[A-Z]|[A-Z]-\d{3}-[A-Z]{2}|[A-Z]{3}-\d{2}-[A-Z]|"
    r"[A-Z]-\d{2}-[A-Z]{3}|\d-[A-Z]{2}-\d{3}|\d{3}-[A-Z]{2}-\d)(?![\w-])"
)
_PLATE_WORDS = ("kennzeichen", "nummernschild", "kfz", "auto", "fahrzeug", "plate", "registr")
PLATE_CUE = re.compile(
    r"(?i)(kennzeichen|nummernschild(?:er)?|kfz|autos?|fahrzeug(?:e|en)?|licen[cs]e[ ]plates?|"
    r"number[ ]plates?|plates?|registration|reg\.?|\bpkw|\blkw|\bvans?|\bcars?|\bwagen|"
    r"transporter|\bvehicles?|wohnmobile?|motorrad|motorräder|anhänger|trailers?|"
    r"immatriculation)\b[^\n]{0,25}$"  # plurals too: "Betroffene Fahrzeuge: KI AK 718 E"
)
# a plate word right after the plate on its line: "RD HM 55E (E-Kennzeichen, Transporter)",
# "HH AB 123 is the plate" (since session 29)
PLATE_CUE_AFTER = re.compile(
    r"(?i)[^\n]{0,25}?(?:kennzeichen|nummernschild|licen[cs]e[ ]plate|number[ ]plate|plate\b|"
    r"registration)"
)
VIN_RE = re.compile(r"(?<![\w])[A-HJ-NPR-Z0-9]{17}(?!\w)")

# --- order, ticket, invoice and other reference numbers ----------------------------------

ORDER_RE = re.compile(
    cased(
        "Bestellnummer", r"Bestell-?Nr\.?", "Bestellung", "Auftragsnummer", r"Auftrags-?Nr\.?",
        "Auftrag", "Ticketnummer", r"Ticket-?Nr\.?", "Ticket", "Vorgangsnummer", "Vorgang",
        "Rechnungsnummer", r"Rechnungs-?Nr\.?", "Referenznummer", "Referenz", "Aktenzeichen",
        r"Az\.?", "Sendungsnummer", "Trackingnummer", "order", "Order", "ticket", "case",
        "Case", "reference", "Reference", "invoice", "Invoice", "tracking", "Tracking",
        "Fallnummer", "Antragsnummer", "Schadennummer", r"Schadens?-?[Nn]r\.?", "Policennummer",
        "Mandatsreferenz",
        r"Our[ ]ref\.?", r"Your[ ]ref\.?", r"Ref\.?", "Unser[ ]Zeichen", "Ihr[ ]Zeichen",
        "Geschäftszeichen", "Kassenzeichen", r"purchase[ ]order", "PO", "Buchungsnummer",
        "booking", "Booking", "claim", "Claim", "Ticket-ID", "Vorgangs-ID",
        "file",  # "file no. XVII 412/25" (the gap takes "no."), like "case no. 4 C 112/26"
    )
    + VALUE_GAP
    # its letters in capitals, or in lowercase glued by a dash ("ref st-26-051377")
    + r"(?P<value>\#?(?:[A-Z]{1,5}[-/ ]?|[a-z]{1,5}[-/]){0,3}\d(?:[\w/-]|[ ](?=\d))*[\dA-Z])"
)  # fmt: skip

# a long number nobody introduced: hidden unless it is a date, time, amount, quantity or year
LONG_NUMBER_RE = re.compile(  # the look-behind all three share is tested once per position
    r"(?<![\w.,/+-])(?:"
    r"(?:[A-Z0-9]{1,6}[-/ ]?)?\d(?:\d|[ ./-](?=\d)|//(?=\d)){4,30}\d[A-Z]?(?![\w])"
    r"|(?=[A-Za-z0-9-]*\d{3})[A-Za-z0-9]*\d[A-Za-z0-9]*(?:-[A-Za-z0-9]+)+(?![\w])"
    r"|(?=[A-Z0-9]*\d{3})(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,34}(?![\w])"
    r")"
)
_DATE_LIKE = re.compile(
    r"^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2})$"
)
_UNIT_AFTER = re.compile(
    r"[ \t]*(?:kWh|KWh|kwh|MWh|m³|m3|m²|qm|Liter|l\b|€|EUR|Euro|euro|Cent|CHF|Fr\.|%|Prozent|"
    r"Stück|kg|km|Jahre|Tage|Monate|Kunden|Haushalte|Einwohner|Uhr)"
)
_AMOUNT_BEFORE = re.compile(r"(?:€|EUR|CHF|Fr\.|\$|£)[ \t]*$")


def _cue(regex: re.Pattern[str], text: str, start: int, width: int = 45) -> str:
    m = guarded(regex).search(text[max(0, start - width) : start])
    return m.group(1) if m else ""


def find_social_security(text: str) -> Iterator[Span]:
    for m in guarded(CH_AHV_RE).finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if ch_ssn.is_valid(digits) or _cue(SOCIAL_CUE, text, m.start()):
            yield Span(m.start(), m.end(), "SOCIAL_SECURITY", "ch_ahv")
    for m in scan(DE_RV_RE, text):
        yield Span(m.start(), m.end(), "SOCIAL_SECURITY", "de_rv_shape")
    for m in scan(AT_SV_RE, text):
        digits = m.group().replace(" ", "")
        cue = _cue(SOCIAL_CUE, text, m.start())
        if cue or (" " in m.group() and at_vnr.is_valid(digits)):
            yield Span(m.start(), m.end(), "SOCIAL_SECURITY", f"at_sv cue={cue!r}")


# a UK National Insurance number: two letters, three pairs of digits, A-D ("QQ 12 34 56 C")
UK_NI_RE = re.compile(
    r"(?<![\w-])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-TW-Z][A-CEGHJ-NP-TW-Z]"  # QQ: the specimen
    r"[ ]?\d{2}[ ]?\d{2}[ ]?\d{2}[ ]?[A-D](?![\w-])"
)


def find_uk_national_insurance(text: str) -> Iterator[Span]:
    for m in scan(UK_NI_RE, text, digit_lines(text)):
        yield Span(m.start(), m.end(), "SOCIAL_SECURITY", "uk_ni_shape")


def find_health_insurance(text: str) -> Iterator[Span]:
    for m in scan(KVNR_RE, text):
        value = m.group().replace(" ", "")
        cue = _cue(HEALTH_CUE, text, m.start())
        if cue or _kvnr_ok(value):
            yield Span(m.start(), m.end(), "HEALTH_INSURANCE", f"kvnr cue={cue!r}")


def find_documents(text: str) -> Iterator[Span]:
    for m in guarded(DOC_RE).finditer(text):
        value = m.group()
        if value.isdigit() or not any(c.isdigit() for c in value):
            continue
        cue = _cue(DOC_CUE, text, m.start(), 110)
        if cue or (len(value) == 10 and _icao_ok(value)):
            yield Span(m.start(), m.end(), "ID_DOCUMENT", f"document cue={cue!r}")
    low = text.lower()
    if not any(c in low for c in _DOC_WORDS):
        return
    for m in DOC_ANY_RE.finditer(text):
        cue = _cue(DOC_CUE, text, m.start(), 110)
        if cue:
            yield Span(m.start(), m.end(), "ID_DOCUMENT", f"document cue={cue!r}")


_SPLIT_POSTCODE = re.compile(r"[A-Z]{1,2}-\d{3}[ ]\d{2}")
_TOWN_AFTER = re.compile(r"[ ]{1,2}[A-ZÄÖÜ][a-zäöüåé]")


def find_vehicles(text: str) -> Iterator[Span]:
    for m in guarded(PLATE_RE).finditer(text):
        value = m.group()
        cue = _cue(PLATE_CUE, text, m.start())
        strict = "-" in value or re.fullmatch(r"[A-Z]{2}\d{2} ?[A-Z]{3}", value)
        if _SPLIT_POSTCODE.match(value) and _TOWN_AFTER.match(text, m.end()):
            continue  # "SE-111 34 Stockholm": a postcode and its town, not a plate
        if re.match(r"[/-]\d", text[m.end() : m.end() + 2]):
            continue  # "BS-HL-2025/0413": a file number goes on, a plate does not
        if cue or strict:
            yield Span(m.start(), m.end(), "LICENSE_PLATE", f"plate cue={cue!r}")
        elif PLATE_CUE_AFTER.match(text, m.end()):
            yield Span(m.start(), m.end(), "LICENSE_PLATE", "plate cue after it")
    for core in _FR_PLATE_CORE.finditer(text):  # the literal "-" first: a quick scan
        plate = FR_PLATE_RE.match(text, max(0, core.start() - 2))
        if plate and plate.end() == core.end() + 2:
            yield Span(plate.start(), plate.end(), "LICENSE_PLATE", "French plate (shape)")
    for start, end in cue_lines(text, _PLATE_WORDS):
        for m in guarded(AT_PLATE_RE).finditer(text, start, end):
            yield Span(m.start(), m.end(), "LICENSE_PLATE", "Austrian plate (cue on the line)")
        for m in NL_PLATE_RE.finditer(text, start, end):
            yield Span(m.start(), m.end(), "LICENSE_PLATE", "Dutch plate (cue on the line)")
    for m in guarded(VIN_RE).finditer(text):
        value = m.group()
        if any(c.isdigit() for c in value) and sum(c.isalpha() for c in value) >= 2:
            yield Span(m.start(), m.end(), "VIN", "vin_shape")


# a court's file number: "Az. 3 XVII 412/25", "GZ 12 A 331/26t", "5 C 1204/24"
COURT_FILE_RE = re.compile(
    r"(?<![\w/.-])\d{1,4}[ ](?:[A-Z]{1,5}|[A-Z][a-z]{1,2})[ ]\d{1,6}/\d{2}[a-z]?(?![\w/])"
    # a register in Roman numerals without the department's number: "XVII 412/25" (a
    # guardianship file), "VI 88/26"
    r"|(?<![\w/.-])(?=[IVXL]{2})(?:L?X{0,3})(?:IX|IV|V?I{0,3})[ ]\d{1,6}/\d{2}[a-z]?(?![\w/])"
)

# an amount after its currency code, not a reference number
_CURRENCY = re.compile(r"(?:EUR|USD|GBP|CHF|SEK|NOK|DKK|ISK|PLN|CZK|HUF|RON|JPY|CAD|AUD)[ ]?\d")


# a file number whose cue names the office first: "Aktenzeichen beim Sozialamt: BS-2025/0413"
FAR_FILE_RE = re.compile(
    r"(?<![\w-])(?:Aktenzeichen|Geschäftszeichen|Kassenzeichen|Vorgangsnummer|Fallnummer|"
    r"Schadennummer|Schadensnummer|Schadennr\.?|Schadens?-Nr\.?|file[ ]number|case[ ]number)"
    r"[ \t][^\n\d:]{1,40}?:[ \t]*"
    r"(?P<value>(?:[A-Z]{1,5}[-/ ]?){0,3}\d(?:[\w/-]|[ ](?=\d))*[\dA-Z])"
)
_FAR_FILE_WORDS = ("aktenzeichen", "geschäftszeichen", "kassenzeichen", "vorgangsnummer",
                   "fallnummer", "schaden", "file number", "case number")  # fmt: skip


# a file or order reference of letter groups, a year and a serial ("NB-AU-2026-00417",
# "SB-KI-2026/0717"): the shape alone says it is somebody's case
REFERENCE_RE = re.compile(
    r"(?<![\w-])[A-Z]{2,4}(?:-[A-Z]{1,4}){1,2}-(?:19|20)\d\d[-/]\d{3,8}(?![\w-]|[.,]\d)"
)


def find_order_numbers(text: str) -> Iterator[Span]:
    for m in scan(REFERENCE_RE, text, digit_lines(text)):
        yield Span(m.start(), m.end(), "ORDER_NO", "reference (letters, year, serial)")
    for m in guarded(COURT_FILE_RE).finditer(text):
        yield Span(m.start(), m.end(), "ORDER_NO", "court file number")
    for start, end in cue_lines(text, _FAR_FILE_WORDS):
        for m in FAR_FILE_RE.finditer(text, start, end):
            cue = m.group().split()[0]
            yield Span(m.start("value"), m.end("value"), "ORDER_NO", f"file number cue={cue!r}")
    for m in scan(ORDER_RE, text, digit_lines(text)):
        if not word_start(text, m.start()):
            continue
        value = m.group("value")
        if sum(c.isdigit() for c in value) < 3 or _DATE_LIKE.match(value):
            continue
        if _CURRENCY.match(value):
            continue  # "the last invoice was SEK 14 210": an amount
        cue = m.group()[: m.start("value") - m.start()].strip()
        yield Span(m.start("value"), m.end("value"), "ORDER_NO", f"order cue={cue!r}")


_YEARS = re.compile(r"(?P<a>(?:19|20)\d\d)[ ]?[/-][ ]?(?P<b>(?:19|20)?\d\d)")


def _years(value: str) -> bool:
    """A year and the next one: "2025/2026", "2025/26", "1999-2000"."""
    m = _YEARS.fullmatch(value)
    return m is not None and int(m.group("b")) % 100 == (int(m.group("a")) + 1) % 100


_READING_BEFORE = re.compile(
    r"(?i)(?<![\w-])(?:(?:zähler)?stand|ablesung|reading|HT|NT)[ ]?:?[ ]?\Z"
)


def find_long_numbers(text: str) -> Iterator[Span]:
    """Fail closed: any other number of six or more digits is somebody's reference."""
    for m in (m for s, e in digit_lines(text) for m in LONG_NUMBER_RE.finditer(text, s, e)):
        value = m.group()
        digits = sum(c.isdigit() for c in value)
        value = value.strip()
        number = re.sub(r"^[A-Z0-9]{1,6}[ ](?=\d)", "", value)
        if digits < 6 or _DATE_LIKE.match(number) or _UNIT_AFTER.match(text, m.end()):
            continue
        if _AMOUNT_BEFORE.search(text[max(0, m.start() - 5) : m.start()]):
            continue
        if re.match(r"[.,]\d", text[m.end() : m.end() + 2]):  # 012345,6 kWh: a reading
            continue
        if _READING_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            continue  # "Stand 004127", "reading 018822": a meter's count, nobody's reference
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", value):  # 1.234.567: an amount or a count
            continue
        if IPV4_RE.fullmatch(value):  # an IP address: find_network decides
            continue
        if "/" in number and IPV4_RE.fullmatch(number.partition("/")[0]):
            continue  # "CGNAT 100.64.0.0/10": a network by its prefix, find_network decides
        if _years(value):  # "Abrechnung 2025/2026", "2025/26": a period of two years
            continue
        if re.fullmatch(r"(?:0?[1-9]|1[0-2])[/.](?:19|20)\d\d", value):  # "bis 09/2027": a month
            continue
        if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2,4}(?:[ ]\d{1,2})?", value):
            continue
        yield Span(m.start(), m.end(), "NUMBER", "long number (no cue)")
