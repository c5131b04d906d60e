"""`link` and `payment` warnings for contact data in a reply: e-mail addresses, links and
phone numbers that are not the company's (settings) nor in a trusted passage, and bank
details (IBAN) that are not the company's; messenger channels (drafter.drafting.channels)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from drafter.config import Settings
from drafter.drafting.check_base import NEGATION
from drafter.drafting.harm_payments import PAY
from drafter.drafting.harm_sources import (
    EMAIL,
    IBAN,
    PHONE,
    URL,
    _digits,
    _host,
    _Known,
    _sentence_of,
    _warn,
)
from drafter.models import DraftWarning

if TYPE_CHECKING:
    from drafter.drafting.check_base import CheckInput as HarmInput


def _page(url: str) -> str:
    """host/path of a link without scheme, www., query and trailing punctuation or slash."""
    raw = url.rstrip(".,;:!?)")
    raw = re.sub(r"^(?:https?://)?(?:www\.)?", "", raw, flags=re.I)
    return raw.split("?", 1)[0].split("#", 1)[0].rstrip("/").lower()


def _domain_allowed(host: str, allowlist: Iterable[str]) -> bool:
    for domain in allowlist:
        domain = domain.lower().strip().removeprefix("www.")
        if domain and (host == domain or host.endswith("." + domain)):
            return True
    return False


# mailboxes every company's domain has (RFC 2142) are no invention
_ROLE = re.compile(r"(?:postmaster|abuse|noreply|no-reply|webmaster|hostmaster)@", re.I)


# the customer names an address as their own login ("Benutzer ist jens@...", "my username is
# ...", "mein Login: ...") or as their own mailbox ("meine E-Mail-Adresse lautet ...", "my email
# is ..."): theirs like the From address, to be entered at the login, no contact channel
_OWN_NAMED = re.compile(
    r"\b(?:(?:mein\w*|my)\s+(?:e-?mail(?:-?adresse)?|mail-?adresse|address)"
    r"|(?:mein\w*\s+|my\s+)?(?:benutzer(?:name)?|login|user(?:\s?name)?|kundenkonto|account))"
    r"\s*(?:ist|lautet|is|:|=)?\s*(?P<address>\S+@\S+?)(?=[\s,;)]|\.?$|\.\s)",
    re.I | re.M,
)


def _own_addresses(data: HarmInput) -> set[str]:
    named = {m.group("address").lower() for m in _OWN_NAMED.finditer(data.customer_text)}
    return named | {data.customer_address.lower()}


def check_contacts(data: HarmInput, settings: Settings, known: _Known) -> list[DraftWarning]:
    """Links, email addresses and phone numbers that are not the company's (`link`), and
    bank details that are not (`payment`)."""
    body = data.body
    found: list[DraftWarning] = []
    own = _own_addresses(data)
    for match in EMAIL.finditer(body):
        address = match.group(0).lower()
        domain = address.rsplit("@", 1)[-1]
        if address in own or (address in known.emails and address not in known.untrusted):
            continue
        sentence = _sentence_of(body, match.start())
        if _domain_allowed(domain, settings.link_allowlist):
            if address not in known.untrusted and not _ROLE.match(address):
                # an invented mailbox on the company's domain ("technik@...") reaches nobody
                # or someone else; like a page on the site that no source names
                found.append(
                    _warn(
                        "link",
                        f"the address {address} is on the company's domain but in no source "
                        "nor the settings; check that it exists and is the right one",
                        sentence,
                    )
                )
            continue
        code = "payment" if PAY.search(sentence) and not NEGATION.search(sentence) else "link"
        found.append(
            _warn(
                code,
                f"the reply sends the customer to {address}, which is not the "
                "company's (settings) nor in a trusted source",
                sentence,
            )
        )
    pages = {
        _page(m.group(0)) for m in URL.finditer(EMAIL.sub(" ", f"{known.trusted}\n{known.kb_wide}"))
    }
    for match in URL.finditer(EMAIL.sub(lambda m: " " * len(m.group(0)), body)):
        host = _host(match.group(0).rstrip(".,;:!?"))
        if host and _domain_allowed(host, settings.link_allowlist):
            page = _page(match.group(0))
            known_page = page in pages or any(p.startswith(page + "/") for p in pages)
            # an invented subdomain ("karte.<company domain>/live") reaches no page we run
            site = page.split("/", 1)[0]
            invented_host = site not in {p.split("/", 1)[0] for p in pages} and not any(
                site == d.lower().strip().removeprefix("www.") for d in settings.link_allowlist
            )
            # a known page, a section above one, or a top-level section ("/service") is fine
            if (page.count("/") >= 2 or invented_host) and not known_page:
                found.append(
                    _warn(
                        "link",
                        f"the page {match.group(0).rstrip('.,;:!?')} is on the company's site "
                        "but in no source; check that it exists and is the right one",
                        _sentence_of(body, match.start()),
                    )
                )
            continue
        if not host:
            continue
        if host in known.hosts and not any(host in v for v in known.untrusted):
            continue
        found.append(
            _warn(
                "link",
                f"link to {host}, which is neither an allowed domain nor in a trusted source",
                _sentence_of(body, match.start()),
            )
        )
    in_iban = [m.span() for m in IBAN.finditer(body)]
    for match in PHONE.finditer(body):
        digits = _digits(match.group(0))
        if len(digits) < 7 or digits in known.phones:
            continue
        if any(a <= match.start() < b for a, b in in_iban):
            continue  # the digits of bank details (judged below), not a phone number
        if re.fullmatch(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}", match.group(0).strip()):
            continue  # a date
        found.append(
            _warn(
                "link",
                f"phone number {match.group(0).strip()} is not the company's "
                "(DRAFTER_COMPANY_PHONES) nor in a trusted source",
                _sentence_of(body, match.start()),
            )
        )
    for match in IBAN.finditer(body):
        iban = re.sub(r"\s", "", match.group(0))
        if iban in known.ibans or not re.search(r"\d{10}", iban):
            continue
        sentence = _sentence_of(body, match.start())
        from_email = iban in re.sub(r"\s", "", data.customer_text)
        if from_email and not PAY.search(sentence.replace("IBAN", "")):
            continue  # the customer's own account, repeated back
        found.append(
            _warn(
                "payment",
                f"bank details {match.group(0)} are not the company's "
                "(DRAFTER_COMPANY_IBANS) nor in a trusted source",
                sentence,
            )
        )
    warned = {w.span for w in found}  # one warning per sentence: the number is named already
    from drafter.drafting.channels import messenger_channels

    chats = messenger_channels(body, f"{known.trusted}\n{known.kb_wide}")
    return found + [w for w in chats if w.span not in warned]
