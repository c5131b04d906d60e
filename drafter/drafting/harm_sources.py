"""What a reply's contact data, bank details and amounts are checked against: the trusted
text of the cited passages (minus their `untrusted` values and any paragraph addressed to the
reply writer), the company settings and drafter's own text, and every KB article's trusted
text for addresses (`known_sources`); plus the patterns for phones, IBANs, e-mail addresses,
links and amounts the harm checks share (drafter.drafting.harm)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.config import Settings
from drafter.drafting.check_base import sentence_at
from drafter.drafting.trusted import trusted_text
from drafter.knowledge.trust import LINK
from drafter.models import DraftWarning
from drafter.privacy.patterns import EMAIL_RE

if TYPE_CHECKING:
    from drafter.drafting.check_base import CheckInput as HarmInput

# a one-digit group only inside the number ("0180 5 123456": a service number's tariff digit)
PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{2}[ ]?|0)\d{2,5}(?:[ /-]?\d{2,}|[ /-]\d(?=[ /-]?\d{2})){1,4}(?![\w])"
)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b")
EMAIL = EMAIL_RE  # the one e-mail pattern (drafter.privacy.patterns)
URL = LINK  # links with a scheme, www. or a bare host (drafter.knowledge.trust)
AMOUNT = re.compile(r"\d[\d.,]*\s?(?:€|EUR|Euro|euros?|dollars?|\$)|[€$]\s?\d[\d.,]*", re.I)


def _digits(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return "0" + digits[2:] if value.strip().startswith("+49") else digits


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    raw = url if "://" in url else "http://" + url
    return (urlsplit(raw).hostname or "").lower().removeprefix("www.")


@dataclass
class _Known:
    trusted: str  # trusted passages + company settings + drafter's own text
    phones: set[str]
    ibans: set[str]
    emails: set[str]
    hosts: set[str]
    untrusted: set[str]
    kb_wide: str = ""  # every article's trusted text (drafter.drafting.library), for contacts


def known_sources(data: HarmInput, settings: Settings) -> _Known:
    trusted = trusted_text(data.passages)
    company = " ".join(
        [
            settings.mail_from,
            settings.reply_to,
            data.extra_known,
            settings.brand_name,
            *settings.company_data,
        ]
    )
    company_phones = {_digits(p) for p in settings.company_phones if _digits(p)}
    untrusted = {v for p in data.passages for v in p.untrusted}
    phones = {_digits(m.group(0)) for m in PHONE.finditer(trusted + " " + company)}
    if company_phones:  # with an allow-list, a passage's other numbers are not trusted
        phones = company_phones | {p for p in phones if p in company_phones}
    ibans = {re.sub(r"\s", "", m.group(0)) for m in IBAN.finditer(trusted)}
    company_ibans = {re.sub(r"\s", "", i).upper() for i in settings.company_ibans}
    if company_ibans:
        ibans = {i for i in ibans if i in company_ibans}
    ibans |= company_ibans
    emails = {m.group(0).lower() for m in EMAIL.finditer(trusted + " " + company)}
    hosts = {_host(m.group(0)) for m in URL.finditer(EMAIL.sub(" ", trusted))}
    from drafter.drafting.library import library

    lib = library(settings, data.passages)
    kb_wide = "\n\n".join(lib.articles) if lib else ""
    # an address or page of any article of the KB (its trusted text) is the company's too
    emails |= {m.group(0).lower() for m in EMAIL.finditer(kb_wide)}
    return _Known(trusted, phones, ibans, emails, hosts, untrusted, kb_wide)


def _warn(code: str, message: str, span: str) -> DraftWarning:
    return DraftWarning(code=code, message=message, span=span.strip())


def _sentence_of(body: str, start: int) -> str:
    return sentence_at(body, start)
