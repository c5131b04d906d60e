"""Recognizers for official and account numbers: tax and VAT ids (Steuer-ID check digit,
VAT checksums, cue words), dates of birth (after a cue or "*") and customer, contract and
meter numbers (default shapes, configured patterns, and a number after a cue word).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from stdnum.ch import vat as ch_vat
from stdnum.de import idnr
from stdnum.eu import vat as eu_vat

from drafter.errors import ConfigError
from drafter.privacy.prefilter import guarded, scan
from drafter.privacy.recognizers import UNIT_AFTER
from drafter.privacy.spans import Span, cased, digit_lines, word_start

_DIGIT = re.compile(r"\d")


# --- tax and VAT ids ---------------------------------------------------------------------

TAX_ID_RE = re.compile(r"(?<![\d/.,-])\d{2}[ ]?\d{3}[ ]?\d{3}[ ]?\d{3}(?![\d/-])")
TAX_CONTEXT = re.compile(
    r"(?i)(steuer[- ]?id|steuer-?identifikationsnummer|identifikationsnummer|idnr|"
    r"tax[- ]?id|\btin\b|steuernummer|steuer-?nr|st\.?-?nr)[^\n\d]{0,20}$"
)
# "19/293/51806", also with spaces round the slashes ("19 / 293 / 51806")
STEUERNUMMER_RE = re.compile(r"(?<![\d/])\d{2,3}[ ]?/[ ]?\d{3,4}[ ]?/[ ]?\d{4,5}(?![\d/])")
VAT_RE = re.compile(
    r"(?<![A-Z0-9])(?:CHE[- ]?\d{3}\.?\d{3}\.?\d{3}(?:[ ]?(?:MWST|TVA|IVA))?"
    r"|ATU[ ]?\d{8}|(?:ES|FR|CY|IE)[ ]?[0-9A-Z]{8,12}|[A-Z]{2}[ ]?\d[0-9A-Z]{7,11})(?![A-Z0-9])"
)
VAT_CONTEXT = re.compile(r"(?i)(ust-?id|umsatzsteuer|vat|mwst|uid)[^\n]{0,25}$")


def find_tax_ids(text: str) -> Iterator[Span]:
    for m in guarded(TAX_ID_RE).finditer(text):
        digits = m.group().replace(" ", "")
        context = guarded(TAX_CONTEXT).search(text[max(0, m.start() - 45) : m.start()])
        if idnr.is_valid(digits) or context:
            yield Span(m.start(), m.end(), "TAX_ID", "steuer-id" + (" (cue)" if context else ""))
    for m in guarded(STEUERNUMMER_RE).finditer(text):
        if guarded(TAX_CONTEXT).search(text[max(0, m.start() - 45) : m.start()]):
            yield Span(m.start(), m.end(), "TAX_ID", "steuernummer (cue)")
    for m in guarded(VAT_RE).finditer(text):
        value = m.group()
        if not any(c.isdigit() for c in value[2:]):
            continue
        valid = ch_vat.is_valid(value) if value.startswith("CHE") else eu_vat.is_valid(value)
        context = guarded(VAT_CONTEXT).search(text[max(0, m.start() - 40) : m.start()])
        swiss = re.match(r"CHE-\d{3}\.\d{3}\.\d{3}", value)  # the Swiss UID's own shape
        if valid or swiss or (context and re.fullmatch(r"(DE ?\d{9}|ATU ?\d{8}|CHE.*)", value)):
            yield Span(m.start(), m.end(), "VAT_ID", "vat id" + (" (cue)" if context else ""))


# --- dates of birth ----------------------------------------------------------------------

_MONTHS = (
    r"(?:Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|"
    r"November|Dezember|January|February|March|May|June|July|October|December|"
    r"Jan|Feb|Mär|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Oct|Nov|Dez|Dec)\.?"
)
# French, Italian and Spanish months: "7 juin 1979", "3 marzo 1981", "12 de mayo de 1990"
_ROMANCE_MONTHS = (
    r"(?i:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    r"novembre|décembre|decembre|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|"
    r"settembre|ottobre|dicembre|enero|febrero|abril|mayo|junio|julio|septiembre|octubre|"
    r"noviembre|diciembre)"
)
# a German or English ordinal in words: "einundzwanzigsten März 1935", "twenty-first of May"
_ORDINAL_WORD = r"(?:[a-zäöüß]{2,30}(?:ten|sten)|[a-z-]{2,20}(?:first|second|third|th))"
DATE = (
    rf"(?:\d{{1,2}}\.[ ]?\d{{1,2}}\.[ ]?(?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|\d{{1,2}}\.[ ]?(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.[ ]?(?:\d{{4}}|\d{{2}}(?!\d))"
    rf"|\d{{1,2}}(?:er)?[ ](?:de[ ])?{_ROMANCE_MONTHS}[ ](?:de[ ])?\d{{4}}"
    rf"|(?i:{_ORDINAL_WORD})[ ](?:of[ ])?{_MONTHS}[ ]\d{{4}}"
    rf"|\d{{1,2}}(?:\.|st|nd|rd|th)?[ ](?:of[ ])?{_MONTHS},?[ ](?:\d{{4}}|\d{{2}}(?!\d|[.,]\d))"
    rf"|{_MONTHS}[ ]\d{{1,2}}(?:st|nd|rd|th)?,?[ ]\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|\d{{1,2}}-\d{{1,2}}-\d{{4}}(?!\d))"
)
DOB_RE = re.compile(
    cased(
        r"geboren(?:[ ]am)?", "Geburtsdatum", "Geburtstag", r"geb\.?(?:-?[ ]?Datum|[ ]am)?",
        "date[ ]of[ ]birth", "DOB", r"D\.O\.B\.", "born(?:[ ]on)?", "birthday", "birth[ ]?date",
        "Date[ ]of[ ]Birth", r"d\.o\.b\.?", "Birthdate", "Birth", "birth",
        "Date[ ]de[ ]naissance", r"née?[ ]le", "Data[ ]di[ ]nascita", "Fecha[ ]de[ ]nacimiento",
    )
    # "Geboren bin ich am 2.2.1990", "geboren wurde er am …": the verb and its subject between
    + r"[ \t]*(?:(?:bin|ist|sind|war|wurde|wurden)[ ](?:ich|er|sie|wir)|ist|is|war|was)?"
    r"[ \t]*[:\-]?[ \t]*(?:\n[ \t]*(?=\d))?"  # a form: date below
    r"(?:der|den|am|the|on|als|as)?[ \t]*"
    r"(?:[^\n\d]{1,40}?[:\-][ \t]*)?"  # "Geburtsdatum Anna (für die Akte): 5. Mai 2004"
    r"\(?[ \t]*"  # "mein Geburtsdatum (08/12/1958)"
    rf"(?P<date>{DATE}|\d{{1,2}}\.[ ]?\d{{1,2}}\.(?![ ]?\d))"  # "geboren am 12.3." too
    rf"|(?<![\w*])\*[ ]?(?P<star>{DATE})"  # "(*12.05.2003)"
)  # fmt: skip


# the same date again in digits right after it: "am einundzwanzigsten März 1935 (21.03.1935)"
_DATE_AGAIN = re.compile(rf"[ \t]*[(/][ \t]*(?P<date>{DATE})[ \t]*\)?")


# the date before the verb: "Er ist am 30.04.1936 geboren", "am 3.5.1950 in Eutin geboren"
BORN_AFTER_RE = re.compile(
    rf"(?<![\d.])(?P<date>{DATE}|\d{{1,2}}\.[ ]?\d{{1,2}}\.)"  # "am 12.05. geboren": no year
    rf"[ \t]+(?:in[ \t]+[A-ZÄÖÜ][\w-]+[ \t]+)?geboren(?!\w)"
)


# one cue for several people's dates: "Geburtsdaten: ich 23.04.98, mein Mann 30.1.1997"
DOBS_CUE_RE = re.compile(r"(?i:geburtsdaten|geb\.-?daten|dates[ ]of[ ]birth|birth[ ]?dates)")
_DOBS_HINTS = ("eburtsdaten", "EBURTSDATEN", "eb.-daten", "eb.daten", "of birth", "OF BIRTH",
               "of Birth", "Of Birth", "irth date", "irth Date", "irthdate", "IRTH DATE",
               "IRTHDATE")  # fmt: skip
_ANY_DATE = re.compile(rf"(?<![\d.])(?:{DATE})")


def _listed_dobs(text: str) -> Iterator[Span]:
    """Every date on the line of a plural cue (or on the next line when the cue ends its own)."""
    if not any(c in text for c in _DOBS_HINTS):  # substring tests before the pattern
        return
    for cue in guarded(DOBS_CUE_RE).finditer(text):
        end = text.find("\n", cue.end())
        end = len(text) if end < 0 else end
        if not text[cue.end() : end].strip(" \t:"):  # the dates on the next line
            nxt = text.find("\n", end + 1)
            end = len(text) if nxt < 0 else nxt
        for m in _ANY_DATE.finditer(text, cue.end(), min(end, cue.end() + 160)):
            yield Span(m.start(), m.end(), "DOB", "date of birth (plural cue)")


# the date a few words after its cue, with a year a birth can have: "do you need my date of
# birth? It's 21/08/1984", "Brauchen Sie mein Geburtsdatum? Das ist der 9. Juni 1972"
FAR_DOB_RE = re.compile(
    r"(?i:date[ ]of[ ]birth|birth[ ]?date|birthday|geburtsdatum|geburtstag|\bd\.?o\.?b\b)"
    rf"[^\n\d]{{4,60}}?(?<![\d.])(?P<date>{DATE})"
)
_BIRTH_YEAR = re.compile(  # the year last, or first in ISO form ("1994-11-02")
    r"(?:(?<!\d)(?:19\d\d|200\d|201[0-5])|(?<![\d/.-])\d\d)$|^(?:19\d\d|200\d|201[0-5])-\d\d-\d\d$"
)
_FAR_HINTS = ("birth", "Birth", "BIRTH", "eburts", "EBURTS", "DOB", "dob", "D.O.B", "d.o.b")


def find_dobs(text: str) -> Iterator[Span]:
    yield from _listed_dobs(text)
    if any(h in text for h in _FAR_HINTS):
        for far in FAR_DOB_RE.finditer(text):
            if _BIRTH_YEAR.search(far.group("date")):
                yield Span(far.start("date"), far.end("date"), "DOB", "date of birth (cue before)")
    verb, done = text.find("geboren"), 0
    while verb >= 0:  # the pattern is tried only in the 60 characters before each "geboren"
        m = BORN_AFTER_RE.search(text, max(done, verb - 60), verb + 7)
        if m is not None:
            done = m.end()
            yield Span(m.start("date"), m.end("date"), "DOB", "date of birth (before 'geboren')")
        verb = text.find("geboren", verb + 7)
    for m in guarded(DOB_RE).finditer(text):
        if m.group("star"):
            yield Span(m.start("star"), m.end("star"), "DOB", "date of birth (*)")
        elif word_start(text, m.start()):
            yield Span(m.start("date"), m.end("date"), "DOB", "date of birth (cue)")
            again = _DATE_AGAIN.match(text, m.end("date"))
            if again:
                date = again.span("date")
                yield Span(date[0], date[1], "DOB", "date of birth (cue, written twice)")


# --- customer, contract and meter numbers ------------------------------------------------

DEFAULT_CUSTOMER_PATTERNS = (
    r"\b[A-Za-z]{2,4}-\d{5,12}(?:-\d{2,8})*\b",  # KD-1234567, kd-1234567, BM-20261009-77412
    r"\b[A-Za-z]{2,3}\d{6,10}\b",  # glued: kd4419273, VN72003418
    # meter numbers (DIN 43863-5: medium digit, maker's three letters): glued ("1NLT0012345678",
    # "1nlt0012345678"), spaced ("1NLT 0022 4419 87"), or the head with a short or dashed tail,
    # the rest on the next line ("1EBZ0042", "1ESY-0012-7788-31", "1ESY0012/77/31")
    r"\b\d(?:[A-Za-z]{3}\d{8,10}\b|[A-Za-z]{3}(?:[ ]?\d{2,4}){3,5}\b(?![.,]\d)"
    r"|(?:[A-Z]{3}|[a-z]{3})-?\d{4}(?:[ /-]?\d{2,4}){0,4}\b(?![.,]\d))",
    r"\bDE\d{11}[0-9A-Z]{20}\b",  # Zählpunktbezeichnung
)
CUSTOMER_CONTEXT_RE = re.compile(
    cased(
        "Kundennummer", r"Kunden-?Nr\.?", r"Kd\.?-?Nr\.?", "Vertragsnummer", r"Vertrags-?Nr\.?",
        "Vertragskonto(?:nummer)?", "Zählernummer", r"Zähler-?Nr\.?",
        "Zählpunkt(?:bezeichnung)?", "Marktlokation(?:s-?ID)?", "Versicherungsnummer",
        "Mitgliedsnummer", r"customer[ ](?:number|no\.?|id|ID)", r"account[ ](?:number|no\.?)",
        r"meter[ ](?:number|no\.?)", r"contract[ ](?:number|no\.?)", "KUNDENNUMMER",
        r"Kundennr\.?", r"Kd\.?[ ]?Nr\.?", "Kundenkonto", r"Vertrag(?:s-?konto)?", "Konto",
        "Zähler(?!stand)", "Zählerstand[ ]für", "Debitor(?:ennummer)?", "Mitglied", "Versicherung",
        "account", "Account", "customer", "Customer", "contract", "Contract", "meter", "Meter",
        "policy", "Policy", "member(?:ship)?", "oben[ ]rechts", "KD",
        # any other "<Abk>-Nr." / "<Wort>nummer" / "<Wort>kennung" ("BG-Nr.",
        # "Bedarfsgemeinschaftsnummer", "Kundenkennung")
        # (not the types other recognizers know: phone, IBAN, tax, insurance, ID, house, order)
        r"(?!(?:USt|St|Tel|Fax|Steuer|Haus|Konto|Pass|SV|IBAN)-)[A-ZÄÖÜ]{2,6}-Nr\.?",
        r"(?!(?:USt|St|Tel|Fax|Steuer|Haus|Konto|Pass|SV|IBAN|Telefon|Handy)-)"
        r"[A-ZÄÖÜ][\wäöüß]{1,20}-Nummer",  # "BG-Nummer", "Jobcenter-Nummer"
        "Verwendungszweck", "verwendungszweck",
        r"(?!(?:Telefon|Festnetz|Handy|Fax|Mobil|Mobilfunk|Ruf|Haus|Konto|Steuer|Steueridentifikations|"
        r"Umsatzsteuer|Renten|Sozialversicherungs|Versicherten|Krankenversicherten|Ausweis|Pass|"
        r"Reisepass|Fahrgestell|Seiten|Telefax|Durchwahl|Service|Hotline|Bestell|Auftrags|Vorgangs|"
        r"Rechnungs|Ticket|Referenz|Sendungs|Tracking|Fall|Antrags|Schaden|Policen|Buchungs)nummer)"
        r"[A-ZÄÖÜ][a-zäöüß]{2,30}(?:nummer|kennung)",  # "Kundenkennung", "Anschlusskennung"
    )
    + r"[ \t]*(?:ist|lautet|is|war|was|wäre|hat|has|are)?[^\n\d]{0,28}?[:#]?[ \t]*"
    r"(?P<value>(?:[A-Z]{1,4}[-/ ]?|[a-z]{2,3}-?(?=\d))?\d(?:[\d/-]|[ ](?=\d))*\d"
    r"(?:[A-Z](?![a-z]))?)"
)  # fmt: skip
# a number with these cues is a customer's only with at least four digits ("Seitennummer 3")


def compile_customer_patterns(extra: Iterable[str]) -> list[re.Pattern[str]]:
    """Default and configured customer-number patterns; a bad pattern is a ConfigError."""
    compiled = [re.compile(p) for p in DEFAULT_CUSTOMER_PATTERNS]
    for pattern in extra:
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise ConfigError(
                f"invalid regular expression in DRAFTER_CUSTOMER_NUMBER_PATTERNS: {pattern!r} "
                f"({exc})",
                hint="fix or remove that pattern in your environment or .env file "
                "(comma-separated, or a JSON list when a pattern contains a comma)",
            ) from exc
    return compiled


_NAMED_BEFORE = re.compile(r"[ ][A-ZÄÖÜ][a-zäöüß]{3,}[ ]?$")  # a capitalised word, not "Nr."
_ENDING = re.compile(r"(?i)(?:ending|ends|endet|endend|endung)[ ](?:in|with|on|auf|mit)\W*$")
# a reading, not an id: "meter reading 004512", "Zählerstand Strom 5731" ("Zählerstand für
# Zähler 1ESY…" names the meter)
_READING = re.compile(r"(?i)reading|ablesung|zählerstand|\bstand\b")
_FOR = re.compile(r"(?i)\b(?:für|for|of|von|vom)\W*$")
_YEAR_OR_DATE = re.compile(r"(?:19|20)\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}")


def _context_matches(text: str) -> Iterator[re.Match[str]]:
    """CUSTOMER_CONTEXT_RE over the lines holding a digit only: a cue and its number share a
    line (nothing in the pattern crosses a line break), and the long cue alternation is the
    slowest scan of a redaction; `pos`/`endpos` keep the look-behinds seeing the whole text."""
    yield from scan(CUSTOMER_CONTEXT_RE, text, digit_lines(text))  # lines with a cue's word


def find_customer_numbers(text: str, patterns: Iterable[re.Pattern[str]]) -> Iterator[Span]:
    lines = digit_lines(text)
    for regex in patterns:
        # the default patterns are numbers on one line; a configured one may be anything
        ranges = lines if regex.pattern in DEFAULT_CUSTOMER_PATTERNS else None
        for m in scan(regex, text, ranges):
            group = 1 if regex.groups else 0
            if m.start(group) < m.end(group):
                yield Span(m.start(group), m.end(group), "CUSTOMER_NO", f"pattern {regex.pattern}")
    for m in _context_matches(text):
        value = m.group("value")
        if not word_start(text, m.start()) or len(_DIGIT.findall(value)) < 4:
            continue
        if _YEAR_OR_DATE.fullmatch(value) or UNIT_AFTER.match(text, m.end()):
            continue
        if re.match(r"[.,]\d", text[m.end() : m.end() + 2]):  # 1234,56: an amount
            continue
        cue = m.group()[: m.start("value") - m.start()].strip()
        if _ENDING.search(cue):  # "the one ending in 4412": four digits identify nobody
            continue
        if _READING.search(cue) and not _FOR.search(cue):  # "meter reading 004512": a reading
            continue
        if value.isdigit() and len(value) <= 4 and _NAMED_BEFORE.search(cue):
            continue  # "Vertrag Ökostrom Plus 2000": a product's name and its number
        yield Span(m.start("value"), m.end("value"), "CUSTOMER_NO", f"number cue={cue!r}")
