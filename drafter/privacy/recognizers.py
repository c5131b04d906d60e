"""Recognizers for structured personal data: e-mail, phone, IBAN, card, tax and VAT ids,
dates of birth and customer/contract/meter numbers.

Each recognizer is a precompiled regular expression plus a check (IBAN mod-97 or a plausible
IBAN shape, Luhn, the Steuer-ID check digit, VAT checksums, context words). They return
`Span`s; choosing between overlapping spans is the pseudonymizer's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.ch import vat as ch_vat
from stdnum.de import idnr
from stdnum.eu import vat as eu_vat

from drafter.errors import ConfigError
from drafter.privacy import patterns


def words(text: str) -> frozenset[str]:
    """A set of words written as one string (keeps long word lists readable)."""
    return frozenset(text.split())


def cased(*fragments: str) -> str:
    """An alternation of regex fragments, each also with its first letter's case swapped.

    Every branch starts with a literal letter, which lets `re` skip ahead quickly (an
    `(?i:...)` group or a leading `\\b` makes it try every position, several times slower).
    """
    forms: list[str] = []
    for fragment in fragments:
        for form in (fragment, fragment[0].swapcase() + fragment[1:]):
            if form not in forms:
                forms.append(form)
    return "(?:" + "|".join(forms) + ")"


def word_start(text: str, index: int) -> bool:
    """True when `text[index]` does not continue a word (the check a leading \\b would do)."""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] in "._-@")


def cue_lines(text: str, cues: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(start, end) of the lines of `text` whose lowercase form holds one of `cues`: a
    pattern whose cue and value share a line runs over those lines only (a substring test
    is far cheaper than a case-insensitive alternation tried at every position)."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lowers to two characters: keep the offsets of `text`
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if not any(c in low for c in cues):
        return
    start = 0
    for line in low.split("\n"):
        end = start + len(line)
        if any(c in line for c in cues):
            yield start, end
        start = end + 1


class Span(NamedTuple):
    start: int
    end: int
    type: str
    why: str = ""  # which recognizer (and cue) found it: shown by `mail parse --redact`


# --- e-mail ------------------------------------------------------------------------------

EMAIL_RE = patterns.EMAIL_RE  # the one e-mail pattern (drafter.privacy.patterns)


_AT = r"(?:[ ]?(?:\(at\)|\[at\]|\{at\}|<at>)[ ]?|[ ](?:at|ät|AT)[ ])"
_DOT = r"(?:[ ]?(?:\(dot\)|\[dot\]|\(punkt\)|\[punkt\])[ ]?|[ ](?:dot|punkt|DOT|PUNKT)[ ]|\.)"
_LABEL = r"[A-Za-z0-9][\w+-]*"
OBFUSCATED_EMAIL_RE = re.compile(
    rf"(?<![\w.+-]){_LABEL}(?:{_DOT}{_LABEL}){{0,3}}{_AT}{_LABEL}(?:{_DOT}{_LABEL}){{0,3}}"
    rf"{_DOT}(?:[a-z]{{2}}|com|net|org|info|biz|email|online|mobi)\b"  # any country's domain
)
ENCODED_EMAIL_RE = re.compile(r"[\w.+-]+%40[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")


_OBFUSCATION_HINT = re.compile(r"(?i)[(\[{<]at[)\]}>]|[ ](?:at|ät)[ ]")


def _own_domain(domain: str, own: tuple[str, ...]) -> bool:
    domain = domain.lower()
    return any(domain == d or domain.endswith("." + d) for d in own)


def find_emails(text: str, own_domains: Iterable[str] = ()) -> Iterator[Span]:
    own = tuple(d.lower().lstrip("@") for d in own_domains if d)
    for m in EMAIL_RE.finditer(text):
        if _own_domain(m.group().rsplit("@", 1)[1], own):
            continue  # the company's own addresses are not customer data
        yield Span(m.start(), m.end(), "EMAIL", "email")
    if "%40" not in text and not _OBFUSCATION_HINT.search(text):
        return
    for m in ENCODED_EMAIL_RE.finditer(text):
        if not _own_domain(m.group().rsplit("%40", 1)[1], own):
            yield Span(m.start(), m.end(), "EMAIL", "url-encoded email")
    for m in OBFUSCATED_EMAIL_RE.finditer(text):
        if "@" in m.group() or not re.search(r"(?i)at\b|\(at\)|\[at\]|<at>|ät", m.group()):
            continue
        yield Span(m.start(), m.end(), "EMAIL", "obfuscated email (at/dot)")


# --- phone -------------------------------------------------------------------------------

_SEP = r"[ \t]?[-–/.]?[ \t]?"  # "0157 – 81 20 44 96": an en dash too
_PAREN_AREA = r"\([ ]?0[ ]?\d(?:[ /.-]?\d){0,4}[ ]?\)"  # (030), (0 30), (0421/12), (06.221)
PHONE_RE = re.compile(
    rf"""(?<![\w+/.,-])
    (?:
      (?:\+|00)[ \t]?[1-9]\d{{0,2}}(?:[ \t]?\(0\))?{_SEP}\(?\d{{1,5}}\)?(?:{_SEP}\d{{1,8}}){{1,5}}
    | {_PAREN_AREA}(?:{_SEP}\d{{1,8}}){{1,5}}
    | 0\d{{1,5}}(?:{_SEP}\d{{1,8}}){{1,5}}
    | 0\d{{5,13}}
    )
    (?:[ \t]?(?:x|ext\.?|Durchwahl|DW)[ \t]?\d{{1,5}})?
    (?![\w-])(?![.,]\d)""",
    re.X,
)
US_PHONE_RE = re.compile(
    r"(?<![\w.+-])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ ]?|\d{3}[.-])\d{3}[.-]\d{4}"
    r"(?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?(?![\w-])"
)
_NOT_PHONE_CONTEXT = re.compile(
    r"(?i)(rechnungs|bestell|auftrags|order|invoice|ticket|vorgangs|referenz|reference)"
    r"[\w.-]*\s*[:#]?\s*$"
)
_DIGIT = re.compile(r"\d")
_INTL_START = re.compile(r"(?<![\w+])(?:\+|00)[1-9]")
_UNIT_AFTER = re.compile(r"[ \t]*(?:kWh|KWh|kwh|m³|m3|Liter|l\b|€|EUR|Euro|Cent|%|Prozent)")


_DATE_SHAPE = re.compile(r"\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}")


def find_phones(text: str, own_phones: frozenset[str] = frozenset()) -> Iterator[Span]:
    seen: set[tuple[int, int]] = set()
    lines = digit_lines(text)  # a phone number never crosses a line break
    for regex in (PHONE_RE, US_PHONE_RE):
        for m in (m for start, end in lines for m in regex.finditer(text, start, end)):
            digits = len(_DIGIT.findall(m.group()))
            if digits < 7 or digits > 17 or _UNIT_AFTER.match(text, m.end()):
                continue
            if _NOT_PHONE_CONTEXT.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            if _DATE_SHAPE.fullmatch(m.group()) or m.group() in own_phones:
                continue
            seen.add((m.start(), m.end()))
            yield Span(m.start(), m.end(), "PHONE", "phone")
    # international numbers in formats the regexes above do not know: parse a short window
    # after each "+"/"00" that no regex match covers (the matcher is slow on whole texts)
    leniency = phonenumbers.Leniency.VALID
    for start in _INTL_START.finditer(text):
        if any(s <= start.start() < e for s, e in seen):
            continue
        window = text[start.start() : start.start() + 40]
        for match in phonenumbers.PhoneNumberMatcher(window, "DE", leniency=leniency):
            if match.start == 0:
                begin = start.start()
                seen.add((begin, begin + match.end))
                yield Span(begin, begin + match.end, "PHONE", "phone (libphonenumber)")


# --- IBAN --------------------------------------------------------------------------------

IBAN_LENGTHS = {
    "DE": 22, "AT": 20, "CH": 21, "LI": 21, "LU": 20, "NL": 18, "BE": 16, "FR": 27, "IT": 27,
    "ES": 24, "GB": 22, "IE": 22, "PL": 28, "DK": 18, "SE": 24, "NO": 15, "FI": 18, "PT": 25,
    "CZ": 24, "SK": 24, "HU": 28, "SI": 19, "HR": 21, "GR": 27, "MC": 27, "SM": 27,
}  # fmt: skip
# separators: spaces, dashes, dots, or a line break (an IBAN split over two lines, quoted)
IBAN_RE = re.compile(
    r"(?<![A-Z0-9])[A-Z]{2}[ ]?\d{2}(?:(?:[ \t.-]|[ \t]*\n[> \t]*)?[A-Z0-9]){8,32}"
)
_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS_ONLY_BBAN = {"DE", "AT", "BE", "DK", "FI", "HU", "NO", "PL", "PT", "SE", "SI", "HR"}


def _iban_end(candidate: str, start: int, length: int, digits_only: bool) -> tuple[int, int]:
    """Walk `candidate` up to `length` alphanumerics; return (end offset, count seen)."""
    count = 0
    end = 0
    for i, ch in enumerate(candidate):
        if not ch.isalnum():
            nxt = candidate[i + 1 : i + 2]
            if count >= 4 and digits_only and nxt.isalpha():
                break
            continue
        if digits_only and count >= 4 and not ch.isdigit():
            break
        count += 1
        end = i + 1
        if count == length:
            break
    return start + end, count


def find_ibans(text: str) -> Iterator[Span]:
    upper = text.translate(_ASCII_UPPER)  # same length; lets "de89 ..." match too
    pos = 0
    while (m := IBAN_RE.search(upper, pos)) is not None:
        pos = m.start() + 2  # the match may run into the next IBAN: resume after this one
        country = m.group()[:2]
        length = IBAN_LENGTHS.get(country)
        if length is None:
            continue
        end, count = _iban_end(m.group(), m.start(), length, country in _DIGITS_ONLY_BBAN)
        compact = re.sub(r"[^A-Z0-9]", "", upper[m.start() : end])
        if count == length and std_iban.is_valid(compact):
            pos = end
            yield Span(m.start(), end, "IBAN", "iban (mod 97)")
        elif length - 2 <= count <= length + 1 and sum(c.isdigit() for c in compact) >= count * 0.6:
            # a mistyped IBAN of plausible shape is still somebody's bank account
            pos = end
            yield Span(m.start(), end, "IBAN", "iban shape (checksum fails)")


# --- payment cards -----------------------------------------------------------------------

CARD_RE = re.compile(
    r"(?<![\d+/.,-])(?:\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?"
    r"|\d{4}[ -]?\d{6}[ -]?\d{5}|\d{13,19})(?![\d-])"
)


# "BIC: GENODEF1XYZ", "SWIFT code BOFIIE2D": the bank of an account, written next to its IBAN
BIC_RE = re.compile(
    r"(?:\bBIC|\bSWIFT(?:[ ]?(?:code|BIC))?|\bSwift(?:[ ]?[Cc]ode)?|\bbic)[ \t]*(?:code)?"
    r"[ \t]*(?:is|ist|lautet)?[ \t]*[:\-]?[ \t]*"
    r"(?P<value>[A-Z]{4}[ ]?[A-Z]{2}[ ]?[A-Z0-9]{2}(?:[ ]?[A-Z0-9]{3})?)(?![\w])"
)


def find_bics(text: str) -> Iterator[Span]:
    for m in BIC_RE.finditer(text):
        yield Span(m.start("value"), m.end("value"), "IBAN", "BIC (cue)")


def find_cards(text: str) -> Iterator[Span]:
    for m in CARD_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if digits[0] in "23456" and luhn.is_valid(digits):
            yield Span(m.start(), m.end(), "CARD", "card (Luhn)")


# --- tax and VAT ids ---------------------------------------------------------------------

TAX_ID_RE = re.compile(r"(?<![\d/.,-])\d{2}[ ]?\d{3}[ ]?\d{3}[ ]?\d{3}(?![\d/-])")
TAX_CONTEXT = re.compile(
    r"(?i)(steuer[- ]?id|steuer-?identifikationsnummer|identifikationsnummer|idnr|"
    r"tax[- ]?id|\btin\b|steuernummer|st\.?-?nr)[^\n\d]{0,20}$"
)
STEUERNUMMER_RE = re.compile(r"(?<![\d/])\d{2,3}/\d{3,4}/\d{4,5}(?![\d/])")
VAT_RE = re.compile(
    r"(?<![A-Z0-9])(?:CHE[- ]?\d{3}\.?\d{3}\.?\d{3}(?:[ ]?(?:MWST|TVA|IVA))?"
    r"|ATU[ ]?\d{8}|(?:ES|FR|CY|IE)[ ]?[0-9A-Z]{8,12}|[A-Z]{2}[ ]?\d[0-9A-Z]{7,11})(?![A-Z0-9])"
)
VAT_CONTEXT = re.compile(r"(?i)(ust-?id|umsatzsteuer|vat|mwst|uid)[^\n]{0,25}$")


def find_tax_ids(text: str) -> Iterator[Span]:
    for m in TAX_ID_RE.finditer(text):
        digits = m.group().replace(" ", "")
        context = TAX_CONTEXT.search(text[max(0, m.start() - 45) : m.start()])
        if idnr.is_valid(digits) or context:
            yield Span(m.start(), m.end(), "TAX_ID", "steuer-id" + (" (cue)" if context else ""))
    for m in STEUERNUMMER_RE.finditer(text):
        if TAX_CONTEXT.search(text[max(0, m.start() - 45) : m.start()]):
            yield Span(m.start(), m.end(), "TAX_ID", "steuernummer (cue)")
    for m in VAT_RE.finditer(text):
        value = m.group()
        if not any(c.isdigit() for c in value[2:]):
            continue
        valid = ch_vat.is_valid(value) if value.startswith("CHE") else eu_vat.is_valid(value)
        context = VAT_CONTEXT.search(text[max(0, m.start() - 40) : m.start()])
        if valid or (context and re.fullmatch(r"(DE ?\d{9}|ATU ?\d{8}|CHE.*)", value)):
            yield Span(m.start(), m.end(), "VAT_ID", "vat id" + (" (cue)" if context else ""))


# --- dates of birth ----------------------------------------------------------------------

_MONTHS = (
    r"(?:Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|"
    r"November|Dezember|January|February|March|May|June|July|October|December|"
    r"Jan|Feb|Mär|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Oct|Nov|Dez|Dec)\.?"
)
DATE = (
    rf"(?:\d{{1,2}}\.[ ]?\d{{1,2}}\.[ ]?(?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|\d{{1,2}}(?:\.|st|nd|rd|th)?[ ](?:of[ ])?{_MONTHS}[ ]\d{{4}}"
    rf"|{_MONTHS}[ ]\d{{1,2}}(?:st|nd|rd|th)?,?[ ]\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|\d{{1,2}}-\d{{1,2}}-\d{{4}}(?!\d))"
)
DOB_RE = re.compile(
    cased(
        r"geboren(?:[ ]am)?", "Geburtsdatum", "Geburtstag", r"geb\.?(?:-?[ ]?Datum|[ ]am)?",
        "date[ ]of[ ]birth", "DOB", r"D\.O\.B\.", "born(?:[ ]on)?", "birthday", "birth[ ]?date",
        "Date[ ]of[ ]Birth", r"d\.o\.b\.?", "Birthdate", "Birth", "birth",
    )
    + r"[ \t]*(?:ist|is|war|was)?[ \t]*[:\-]?[ \t]*(?:der|den|am|the|on)?[ \t]*"
    rf"(?P<date>{DATE})"
    rf"|(?<![\w*])\*[ ]?(?P<star>{DATE})"  # "(*12.05.2003)"
)  # fmt: skip


def find_dobs(text: str) -> Iterator[Span]:
    for m in DOB_RE.finditer(text):
        if m.group("star"):
            yield Span(m.start("star"), m.end("star"), "DOB", "date of birth (*)")
        elif word_start(text, m.start()):
            yield Span(m.start("date"), m.end("date"), "DOB", "date of birth (cue)")


# --- customer, contract and meter numbers ------------------------------------------------

DEFAULT_CUSTOMER_PATTERNS = (
    r"\b[A-Za-z]{2,4}-\d{5,12}\b",  # KD-1234567, VN-12345678, kd-1234567
    r"\b\d[A-Za-z]{3}\d{8,10}\b",  # meter numbers such as 1NLT0012345678, 1nlt0012345678
    r"\b\d[A-Za-z]{3}(?:[ ]?\d{2,4}){3,5}\b(?![.,]\d)",  # spaced: 1NLT 0022 4419 87
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
        "Zähler", "Zählerstand[ ]für", "Debitor(?:ennummer)?", "Mitglied", "Versicherung",
        "account", "Account", "customer", "Customer", "contract", "Contract", "meter", "Meter",
        "policy", "Policy", "member(?:ship)?", "oben[ ]rechts", "KD",
        # any other "<Abk>-Nr." / "<Wort>nummer" ("BG-Nr.", "Bedarfsgemeinschaftsnummer")
        # (not the types other recognizers know: phone, IBAN, tax, insurance, ID, house, order)
        r"(?!(?:USt|St|Tel|Fax|Steuer|Haus|Konto|Pass|SV|IBAN)-)[A-ZÄÖÜ]{2,6}-Nr\.?",
        r"(?!(?:Telefon|Handy|Fax|Mobil|Mobilfunk|Ruf|Haus|Konto|Steuer|Steueridentifikations|"
        r"Umsatzsteuer|Renten|Sozialversicherungs|Versicherten|Krankenversicherten|Ausweis|Pass|"
        r"Reisepass|Fahrgestell|Seiten|Telefax|Durchwahl|Service|Hotline|Bestell|Auftrags|Vorgangs|"
        r"Rechnungs|Ticket|Referenz|Sendungs|Tracking|Fall|Antrags|Schaden|Policen|Buchungs)nummer)"
        r"[A-ZÄÖÜ][a-zäöüß]{2,30}nummer",
    )
    + r"[ \t]*(?:ist|lautet|is|war|was|wäre|hat|has|are)?[^\n\d]{0,28}?[:#]?[ \t]*"
    r"(?P<value>(?:[A-Z]{1,4}[-/ ]?)?\d(?:[\d/-]|[ ](?=\d))*\d(?:[A-Z](?![a-z]))?)"
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


_YEAR_OR_DATE = re.compile(r"(?:19|20)\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}")


def _context_matches(text: str) -> Iterator[re.Match[str]]:
    """CUSTOMER_CONTEXT_RE over the lines holding a digit only: a cue and its number share a
    line (nothing in the pattern crosses a line break), and the long cue alternation is the
    slowest scan of a redaction; `pos`/`endpos` keep the look-behinds seeing the whole text."""
    for start, end in digit_lines(text):
        yield from CUSTOMER_CONTEXT_RE.finditer(text, start, end)


def digit_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines holding a digit: patterns whose value is a number and whose
    cue shares its line run over these lines only."""
    lines, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if _DIGIT.search(line):
            lines.append((start, end))
        start = end + 1
    return lines


def find_customer_numbers(text: str, patterns: Iterable[re.Pattern[str]]) -> Iterator[Span]:
    lines = digit_lines(text)
    for regex in patterns:
        # the default patterns are numbers on one line; a configured one may be anything
        ranges = lines if regex.pattern in DEFAULT_CUSTOMER_PATTERNS else [(0, len(text))]
        for m in (m for start, end in ranges for m in regex.finditer(text, start, end)):
            group = 1 if regex.groups else 0
            if m.start(group) < m.end(group):
                yield Span(m.start(group), m.end(group), "CUSTOMER_NO", f"pattern {regex.pattern}")
    for m in _context_matches(text):
        value = m.group("value")
        if not word_start(text, m.start()) or len(_DIGIT.findall(value)) < 4:
            continue
        if _YEAR_OR_DATE.fullmatch(value) or _UNIT_AFTER.match(text, m.end()):
            continue
        if re.match(r"[.,]\d", text[m.end() : m.end() + 2]):  # 1234,56: an amount
            continue
        cue = m.group()[: m.start("value") - m.start()].strip()
        yield Span(m.start("value"), m.end("value"), "CUSTOMER_NO", f"number cue={cue!r}")
