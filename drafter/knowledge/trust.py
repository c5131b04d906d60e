"""Knowledge-base articles as data to check: contact data and bank details against the
company's allow-list.

`untrusted_values(text, settings)` lists the links, email addresses, phone numbers and IBANs
in an article that the company settings do not vouch for:
- links (with a scheme, www. or a bare host such as "paypal.me/name"): host on
  DRAFTER_LINK_ALLOWLIST (the domain or a subdomain of it);
- email addresses: domain on the link allow-list or the domain of DRAFTER_MAIL_FROM;
- phone numbers: on DRAFTER_COMPANY_PHONES (compared digit by digit; +49 40 ... equals 040 ...);
- IBANs: on DRAFTER_COMPANY_IBANS (spaces and case ignored).
`drafter kb ingest` reports such articles ("untrusted: <file>: <values>") and the retriever
puts the values on every passage of the article (`Passage.untrusted`), so the checks can
refuse to trust what the article claims. Phone and IBAN recognition is the privacy layer's
(drafter.privacy.recognizers), so the article side and the email side agree.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from drafter.config import Settings

# a link with a scheme or www., or a bare host with a known top-level domain and an optional
# path ("paypal.me/name", "example-refund.com/form"): an article's "paypal.me/xyz" is as much
# a link as "https://paypal.me/xyz" (drafter.drafting.harm reads replies with the same pattern)
LINK = re.compile(
    r"\b(?:https?://|www\.)[^\s<>()\"'\]\[*`]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.(?:com|de|net|org|io|xyz|info|biz|co|ru|cn|app|ly|eu|me|top|online|site|shop|support|"
    r"help|link|click|live|pro|us|uk|at|ch|nl|fr|es|it|pl|tk|cc|ws|su|ua)\b"
    r"(?:/[^\s<>()\"'\]\[*`]*)?",
    re.I,
)
_TRAILING = ".,;:!?)"


def _host(url: str) -> str:
    raw = url if "://" in url else "http://" + url
    try:
        return (urlsplit(raw).hostname or "").lower().removeprefix("www.")
    except ValueError:
        return ""


def _domain_ok(host: str, domains: list[str]) -> bool:
    for domain in domains:
        domain = domain.lower().strip().removeprefix("www.").lstrip("@")
        if domain and (host == domain or host.endswith("." + domain)):
            return True
    return False


def phone_key(number: str) -> str:
    """Digits of a phone number in national form: "+49 431 5577-100" -> "04315577100"."""
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("+") or digits.startswith("00"):
        digits = digits.removeprefix("00")
        if digits.startswith("49"):  # the company's own country code (German numbers)
            return "0" + digits[2:].removeprefix("0")
        return "+" + digits
    return digits


def iban_key(iban: str) -> str:
    return re.sub(r"\s", "", iban).upper()


def _domains(settings: Settings) -> list[str]:
    domains = list(settings.link_allowlist)
    sender = re.search(r"@([\w.-]+)", settings.mail_from)
    if sender:
        domains.append(sender.group(1))
    return domains


# "name(at)firma.de", "info [at] firma [dot] de", "name (ät) gmx (punkt) de": the privacy
# recognizers find these too, and an article may write the company's address so
_AT = re.compile(r"\s*(?:@|[(\[<]\s*(?:at|ät|@)\s*[)\]>]|\b(?:at|ät)\b)\s*", re.I)
_DOT = re.compile(r"\s*(?:[(\[<]\s*(?:dot|punkt)\s*[)\]>]|\b(?:dot|punkt)\b)\s*", re.I)


def _email_domain(address: str) -> str:
    """The domain of an address as found, also when written out ("" when there is none)."""
    parts = _AT.split(address)
    domain = parts[-1] if len(parts) > 1 else ""
    return re.sub(r"\s", "", _DOT.sub(".", domain)).lower()


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def untrusted_values(text: str, settings: Settings) -> list[str]:
    """The links, email addresses, phone numbers and IBANs in `text` not on the allow-list."""
    from drafter.privacy.recognizers import find_emails, find_ibans, find_phones

    found: list[str] = []
    masked = text  # each value found is blanked so its digits are not read again as another
    ibans = {iban_key(i) for i in settings.company_ibans}
    for span in list(find_ibans(masked)):
        iban = text[span.start : span.end]
        if iban_key(iban) not in ibans:
            found.append(iban)
        masked = _mask(masked, span.start, span.end)
    domains = _domains(settings)
    for span in list(find_emails(masked)):
        address = text[span.start : span.end]
        if not _domain_ok(_email_domain(address), domains):
            found.append(address)
        masked = _mask(masked, span.start, span.end)
    for match in list(LINK.finditer(masked)):
        url = match.group(0).rstrip(_TRAILING)
        if not _domain_ok(_host(url), settings.link_allowlist):
            found.append(url)
        masked = _mask(masked, match.start(), match.end())
    phones = {phone_key(p) for p in settings.company_phones}
    for span in find_phones(masked):
        number = text[span.start : span.end]
        if phone_key(number) not in phones:
            found.append(number)
    return list(dict.fromkeys(found))
