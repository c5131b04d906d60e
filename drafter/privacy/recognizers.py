"""Recognizers for contact and payment data: e-mail (also obfuscated or URL-encoded), phone,
IBAN, BIC and payment cards.

Each recognizer is a precompiled regular expression plus a check (IBAN mod-97 or a plausible
IBAN shape, Luhn, libphonenumber for international numbers). They return `Span`s; choosing
between overlapping spans is the pseudonymizer's job. Tax and VAT ids, dates of birth and
customer numbers live in drafter.privacy.id_numbers, the shared helpers in
drafter.privacy.spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn, numdb

from drafter.privacy import patterns
from drafter.privacy.prefilter import guarded, scan
from drafter.privacy.spans import Span, cue_lines, digit_lines

# --- e-mail ------------------------------------------------------------------------------

EMAIL_RE = patterns.EMAIL_RE  # the one e-mail pattern (drafter.privacy.patterns)


# the "@" and the dot spelled out, also in Spanish/Portuguese ("arroba", "punto", "ponto"),
# Italian ("chiocciola") and French ("arobase", "point"): "maria arroba gmail punto com"
_AT_WORDS = r"at|ät|AT|(?i:arroba|chiocciola|arobase)"
_AT = (
    r"(?:[ ]?(?:\((?:at|ät|@)\)|\[(?:at|ät|@)\]|\{at\}|<at>)[ ]?"
    rf"|[ ](?:{_AT_WORDS})[ ])"
)
_DOT = (
    r"(?:[ ]?(?:\(dot\)|\[dot\]|\(punkt\)|\[punkt\]|\[\.\]|\(\.\))[ ]?"
    r"|[ ](?:dot|punkt|DOT|PUNKT|(?i:punto|ponto|point))[ ]|\.)"
)
_LABEL = r"[A-Za-z0-9][\w+-]*"
OBFUSCATED_EMAIL_RE = re.compile(
    rf"(?<![\w.+-]){_LABEL}(?:{_DOT}{_LABEL}){{0,3}}{_AT}{_LABEL}(?:{_DOT}{_LABEL}){{0,3}}"
    rf"{_DOT}(?:[a-z]{{2}}|com|net|org|info|biz|email|online|mobi)\b"  # any country's domain
)
# an address typed with spaces or a comma around its "@" and dots, or broken after the "@"
# ("max . muster @ gmx . de", "anna@gmx .de", "anna@gmx,de", "anna@\nweb.de"): the top-level
# domain must be a common one
_TLD = r"(?:de|com|net|org|at|ch|eu|info|io|nl|fr|it|es|pl|uk|se|dk|no|fi|be|lu|cz|tr|email)"
_LOOSE_DOT = r"(?:[ ]{0,2}\.[ ]{0,2}|,)"
LOOSE_EMAIL_RE = re.compile(
    rf"(?<![\w.+-])[A-Za-z][\w+-]*(?:[ ]?\.[ ]?[\w+-]+)*[ ]{{0,2}}@(?:[ \t]*\n[ \t>]*|[ ]{{0,2}})"
    rf"[A-Za-z0-9-]+(?:{_LOOSE_DOT}[A-Za-z0-9-]+)*?{_LOOSE_DOT}{_TLD}(?![\w.-])"
)
ENCODED_EMAIL_RE = re.compile(r"[\w.+-]+%40[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")


# lowercase substrings every obfuscation hint holds
_AT_CUES = ("at", "ät", "(@)", "[@]", "arroba", "chiocciola", "arobase")
_OBFUSCATION_HINT = re.compile(
    r"(?i)[(\[{<](?:at|ät|@)[)\]}>]|[ ](?:at|ät|arroba|chiocciola|arobase)[ ]"
)


def _own_domain(domain: str, own: tuple[str, ...]) -> bool:
    domain = domain.lower()
    return any(domain == d or domain.endswith("." + d) for d in own)


# the company's brand in another domain: "rechnung@stadtwerke-nordIicht-service.com" (a
# phishing sender a customer forwards), "termine@nordlicht-netz.example". A role mailbox there
# is an organisation's (or a fraudster's) address, not a customer's. Lookalike letters are
# folded first ("nordIicht", "n0rdlicht"); a local part with a dot, a digit or an underscore
# ("jan.kock@...", "jk77@...") may be a person's and is still hidden.
_LOOKALIKE = str.maketrans({"I": "l", "0": "o", "1": "l"})
_ROLE_LOCAL = re.compile(r"[a-z]+(?:-[a-z]+)?\Z")
# on a forwarded mail's header line ("Von: Stadtwerke Nordlicht <info@nordlicht-...>") the
# address is the sender's as any other and stays hidden
_HEADER_LINE = re.compile(r"[ \t>*]*(?i:von|from|an|to|cc|reply-to|antwort[ ]an|absender)[ ]?:")
_NO_REPLY = ("noreply", "no-reply", "donotreply", "do-not-reply")


@lru_cache(maxsize=8)
def _brand_tokens(own: tuple[str, ...]) -> tuple[str, ...]:
    """The words (>= 5 letters) of the company's own domains, less their top-level part."""
    words = {w for d in own for w in re.split(r"[-.]", d.rsplit(".", 1)[0]) if len(w) >= 5}
    return tuple(sorted(words))


def brand_role_address(address: str, own: tuple[str, ...]) -> bool:
    """A role mailbox at a domain that carries the company's brand (see `_LOOKALIKE`)."""
    local, _, domain = address.rpartition("@")
    folded = domain.translate(_LOOKALIKE).lower()
    if not any(word in folded for word in _brand_tokens(own)):
        return False
    local = local.lower()
    if local in _NO_REPLY:
        return True
    if not _ROLE_LOCAL.match(local):
        return False
    from wordfreq import zipf_frequency

    return all(
        max(zipf_frequency(part, "de"), zipf_frequency(part, "en")) >= 2.0
        for part in local.split("-")
    )


def find_emails(text: str, own_domains: Iterable[str] = ()) -> Iterator[Span]:
    own = tuple(d.lower().lstrip("@") for d in own_domains if d)
    # an address never crosses a line: the patterns run over the lines that can hold one
    for m in (m for a, b in cue_lines(text, ("@",)) for m in EMAIL_RE.finditer(text, a, b)):
        if _own_domain(m.group().rsplit("@", 1)[1], own):
            continue  # the company's own addresses are not customer data
        if brand_role_address(m.group(), own) and not _HEADER_LINE.match(
            text, text.rfind("\n", 0, m.start()) + 1
        ):
            continue  # a brand's role mailbox a customer quotes in a sentence: kept
        yield Span(m.start(), m.end(), "EMAIL", "email")
    for a, b in cue_lines(text, ("@",)):
        for m in LOOSE_EMAIL_RE.finditer(text, a, min(len(text), b + 80)):
            if not EMAIL_RE.fullmatch(m.group()) and not _own_domain(
                re.sub(r"\s|,", "", m.group().rsplit("@", 1)[1]).replace(",", "."), own
            ):
                yield Span(m.start(), m.end(), "EMAIL", "email (typed loosely)")
    for m in (
        m for a, b in cue_lines(text, ("%40",)) for m in ENCODED_EMAIL_RE.finditer(text, a, b)
    ):
        if not _own_domain(m.group().rsplit("%40", 1)[1], own):
            yield Span(m.start(), m.end(), "EMAIL", "url-encoded email")
    hinted = [(a, b) for a, b in cue_lines(text, _AT_CUES) if _OBFUSCATION_HINT.search(text, a, b)]
    for m in (m for a, b in hinted for m in OBFUSCATED_EMAIL_RE.finditer(text, a, b)):
        obfuscated = re.search(
            r"(?i)at\b|\(at\)|\[at\]|<at>|ät|[(\[]@[)\]]|\b(?:arroba|chiocciola|arobase)\b",
            m.group(),
        )
        if ("@" in m.group() and not re.search(r"[(\[]@[)\]]", m.group())) or not obfuscated:
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
# an extension on its own after its cue: "Durchwahl -23", "my colleague on ext. 0559"
EXTENSION_RE = re.compile(
    r"(?<![\w-])(?:Durchwahl|Durchw\.|Nebenstelle|[Ee]xt\.|[Ee]xtension)[ \t]*:?[ \t]*"
    r"(?P<value>-?[ ]?\d{1,5})(?![\w.,]?\d)"
)
_INTL_START = re.compile(r"(?<![\w+])(?:\+|00)[1-9]")
UNIT_AFTER = re.compile(r"[ \t]*(?:kWh|KWh|kwh|m³|m3|Liter|l\b|€|EUR|Euro|Cent|%|Prozent)")


_DATE_SHAPE = re.compile(r"\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}")
# a date with a four-digit year inside the match: "01.01.2026 – 31.12.2026" is a period
_DATE_INSIDE = re.compile(r"(?<!\d)\d{1,2}\.\d{1,2}\.(?:19|20)\d\d(?!\d)")


def find_phones(text: str, own_phones: frozenset[str] = frozenset()) -> Iterator[Span]:
    seen: set[tuple[int, int]] = set()
    lines = digit_lines(text)  # a phone number never crosses a line break
    for regex in (PHONE_RE, US_PHONE_RE):
        quick = guarded(regex)  # the same pattern with a quick first-character test
        for m in (m for start, end in lines for m in quick.finditer(text, start, end)):
            digits = len(_DIGIT.findall(m.group()))
            if digits < 7 or digits > 17 or UNIT_AFTER.match(text, m.end()):
                continue
            if guarded(_NOT_PHONE_CONTEXT).search(text[max(0, m.start() - 30) : m.start()]):
                continue
            if _DATE_SHAPE.fullmatch(m.group()) or _DATE_INSIDE.search(m.group()):
                continue
            if m.group() in own_phones:
                continue
            seen.add((m.start(), m.end()))
            yield Span(m.start(), m.end(), "PHONE", "phone")
    extension = "xt" in text or "urchw" in text or "ebenstelle" in text  # a quick test first
    for line_start, line_end in lines if extension else ():
        for m in EXTENSION_RE.finditer(text, line_start, line_end):
            if not any(s <= m.start() < e for s, e in seen):
                yield Span(m.start("value"), m.end("value"), "PHONE", "extension (cue)")
    # international numbers in formats the regexes above do not know: parse a short window
    # after each "+"/"00" that no regex match covers (the matcher is slow on whole texts)
    leniency = phonenumbers.Leniency.VALID
    for start in guarded(_INTL_START).finditer(text):
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
    "LT": 20, "LV": 21, "EE": 20, "RO": 24, "BG": 22, "MT": 31, "CY": 28, "IS": 26, "TR": 26,
    "AD": 24, "GI": 23, "RS": 22, "BA": 20, "ME": 22, "MK": 19, "AL": 28, "UA": 29,
}  # fmt: skip


def _registry_lengths() -> dict[str, int]:
    """IBAN length of every country of python-stdnum's IBAN registry that the table above
    lacks (Pakistan, Brazil, the Gulf states, ...): an IBAN from there counts only when its
    check digits are right (the shape fallback is for the table's countries)."""
    lengths = {}
    for _size, country, _high, props, _children in numdb.get("iban").prefixes:
        bban = props.get("bban", "")
        if bban and country not in IBAN_LENGTHS:
            lengths[country] = 4 + sum(int(n) for n in re.findall(r"(\d+)!", bban))
    return lengths


CHECKED_ONLY = _registry_lengths()
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


def _ascii_upper(text: str) -> str:
    """`text` with a-z in capitals and every other character as it is. UTF-8 writes every
    non-ASCII character with bytes of 0x80 and above, which `bytes.upper` leaves alone; this
    is ~80 times faster than `str.translate` on a 4 KB mail."""
    try:
        return text.encode("utf-8").upper().decode("utf-8")
    except UnicodeError:  # a lone surrogate: the slow way
        return text.translate(_ASCII_UPPER)


def find_ibans(text: str) -> Iterator[Span]:
    upper = _ascii_upper(text)  # same length; lets "de89 ..." match too
    pos = 0
    while (m := guarded(IBAN_RE).search(upper, pos)) is not None:
        pos = m.start() + 2  # the match may run into the next IBAN: resume after this one
        country = m.group()[:2]
        length = IBAN_LENGTHS.get(country) or CHECKED_ONLY.get(country)
        if length is None:
            continue
        end, count = _iban_end(m.group(), m.start(), length, country in _DIGITS_ONLY_BBAN)
        compact = re.sub(r"[^A-Z0-9]", "", upper[m.start() : end])
        if count == length and std_iban.is_valid(compact):
            pos = end
            yield Span(m.start(), end, "IBAN", "iban (mod 97)")
        elif country in CHECKED_ONLY:
            continue
        elif length - 2 <= count <= length + 1 and sum(c.isdigit() for c in compact) >= count * 0.6:
            # a mistyped IBAN of plausible shape is still somebody's bank account
            pos = end
            yield Span(m.start(), end, "IBAN", "iban shape (checksum fails)")


# --- payment cards -----------------------------------------------------------------------

# every card starts with a digit that no digit, "+", "/", ".", "," or "-" stands before; the
# pattern begins with that digit (its look-behind after it), so `re` skips to the next digit
# on its own instead of trying every position (the same matches as "(?<![\d+/.,-])\d{4}…":
# tests/unit/test_privacy_fastpaths.py)
CARD_RE = re.compile(
    r"\d(?<![\d+/.,-]\d)(?:\d{3}([ -]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?"
    r"|\d{3}[ -]?\d{6}[ -]?\d{5}|\d{12,18})(?![\d-])"
)


# "BIC: GENODEF1XYZ", "SWIFT code BOFIIE2D": the bank of an account, written next to its IBAN
BIC_RE = re.compile(
    r"(?:\bBIC|\bSWIFT(?:[ ]?(?:code|BIC))?|\bSwift(?:[ ]?[Cc]ode)?|\bbic)[ \t]*(?:code)?"
    r"[ \t]*(?:is|ist|lautet)?[ \t]*[:\-]?[ \t]*"
    r"(?P<value>[A-Z]{4}[ ]?[A-Z]{2}[ ]?[A-Z0-9]{2}(?:[ ]?[A-Z0-9]{3})?)(?![\w])"
)


def find_bics(text: str) -> Iterator[Span]:
    """BICs after their cue. Not called by the pseudonymizer since the eighth privacy round:
    a BIC names a bank, not a person (the blind sets keep it)."""
    for m in scan(BIC_RE, text):
        yield Span(m.start("value"), m.end("value"), "IBAN", "BIC (cue)")


def find_cards(text: str) -> Iterator[Span]:
    for m in scan(CARD_RE, text):
        digits = re.sub(r"\D", "", m.group())
        if digits[0] in "23456" and luhn.is_valid(digits):
            yield Span(m.start(), m.end(), "CARD", "card (Luhn)")
