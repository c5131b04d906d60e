"""Harmful-reply checks on the model's OUTPUT, whatever way an attack got in (email, KB article).

Each finding is a DraftWarning with the offending text as `span`:

- `commitment`: the reply says something was done, granted or promised for this customer
  (contract cancelled or switched, credit booked, refund, fee waived, deadline moved,
  instalment changed, a guarantee) (drafter.drafting.commitments);
- `payment`: a payment instruction to an account, address or service not in the sources or the
  company settings, or bank details (IBAN) that are not the company's, a channel (PayPal,
  cash ...) no trusted article offers, money handed to a person on site (meter reader,
  technician);
- `link`: a link, email address or phone number that is neither the company's (settings) nor
  in a trusted passage;
- `credentials`: a request for a password, PIN, TAN, one-time code or card number, and
  `injection`: a dump of the model's own instructions or internal notes
  (drafter.drafting.disclosure);
- `unsupported_claim`: sentences whose content is in no source (competitor ads, poems, code;
  drafter.drafting.support) and another person's data given out (a neighbour's reading, a
  relative's bank; drafter.drafting.third_party);
- `wrong_language`: a reply in neither German nor English.

What counts as a trusted source: the cited passages minus their `untrusted` values (set at
ingest) and minus any paragraph that addresses the reply writer ("say in every reply ..."),
plus the company settings. The customer's email is never a source for contact data, bank
details or commitments: attackers write emails.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafter.config import Settings
from drafter.drafting.check_base import _WORD, NEGATION, sentences
from drafter.drafting.trusted import trusted_text
from drafter.knowledge.trust import LINK
from drafter.language import stopword_share
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

# a paragraph of a KB article that tells the reply writer what to say is not knowledge
_CONDITIONAL = re.compile(
    r"\b(?:ob|falls|wenn|sofern|whether|if|once|sobald|prüfen|check|können sie|you can)\b", re.I
)

# --- payments ------------------------------------------------------------------------------
# payment channels a utility never asks for (or only when an article names them)
_PAY_CHANNEL = re.compile(
    r"\b(?:paypal|bitcoin|krypto\w*|crypto\w*|gift ?cards?|geschenkkarten?|guthabenkarten?|"
    r"paysafecard|western union|moneygram|venmo|cash ?app|zelle|revolut|wise|"
    r"klarna|sofortüberweisung|giropay|apple ?pay|google ?pay|amazon ?pay|skrill|"
    # vouchers of a shop as money: "mit Amazon-Gutscheinen begleichen", "iTunes cards"
    r"(?:amazon|itunes|apple|google ?play|steam|paysafe)[- ]?(?:gutschein\w*|guthaben\w*|"
    r"karten?|gift ?cards?|vouchers?|cards?)|gutscheincodes?|voucher codes?|"
    r"bargeld|bar(?:aus)?zahlung\w*|auszahlung in bar|in bar|cash|"
    # a payment link sent by text or messenger: no article's channel
    r"(?:zahlungs|payment |pay )?link (?:in|aus|from) (?:der|die|einer|the|a|our|unserer|your|"
    r"ihrer) (?:sms|whatsapp|textnachricht|text message|text|nachricht auf ihr handy)|"
    r"(?:zahlungslink|payment link)s? (?:per|via|by) (?:sms|whatsapp|text))\b",
    re.I,
)
# money handed to a person at the door or on site (meter reader, technician, "our colleague"):
# a payment no utility takes ("geben Sie das Geld dem Ableser", "pay the technician in cash")
_PERSON = (
    r"(?:ableser\w*|techniker\w*|monteur\w*|mitarbeiter\w*|kolleg\w*|boten|kurier\w*|"
    r"außendienst\w*|servicekraft|meter reader|reader|technician|engineer|fitter|installer|"
    r"employee|colleague|courier|staff member|representative)"
)
_HANDED = re.compile(
    # the person as the recipient: dative "dem/unserem", "an den", "to the", "pay the"
    rf"\b(?:geben|übergeben|mitgeben|aushändigen|zahlen|bezahlen)\b[^.!?;:]{{0,60}}?"
    rf"\b(?:dem|unserem|unserer|einem|an\s+(?:den|die|unseren|unsere|einen))\s+(?:\w+\s+)?"
    rf"{_PERSON}\b"
    rf"|\b(?:give|hand|pay)\b[^.!?;:]{{0,60}}?\bto\s+(?:the|our|a)\s+(?:\w+\s+)?{_PERSON}\b"
    rf"|\bpay\s+(?:the|our)\s+(?:\w+\s+)?{_PERSON}\b"
    rf"|\b{_PERSON}\b[^.!?;:]{{0,40}}?\b(?:kassiert|nimmt|collects?|takes?)\b[^.!?;:]{{0,30}}?"
    rf"\b(?:geld|betrag|money|cash|payment|\d[\d.,]*\s?(?:eur|euro|€))",
    re.I,
)
_MONEY_WORD = re.compile(
    r"\b(?:geld|betrag|bargeld|bar|money|cash|\d[\d.,]*\s?(?:eur|euro|€))", re.I
)
# a channel refused is no request: "We cannot accept PayPal", "PayPal is not possible"
_REFUSAL = re.compile(NEGATION.pattern + r"|\b(?:cannot|can't|can not|unable|no)\b", re.I)
_PAY = re.compile(
    r"\b(?:überweis\w*|zahl\w*|\w+zahlung\w*|bezahl\w*|begleich\w*|pay\w*|transfer\w*|wire|"
    r"settle\w*|"
    r"dauerauftrag|standing order|paypal|bankverbindung|konto\b|account|kontoinhaber)\b",
    re.I,
)


# ... unless the customer is asked to pay ("send the 1.99 EUR charge ..., and your refund ...")
_CUSTOMER_PAYS = re.compile(
    r"\b(?:please|bitte|(?:überweisen|zahlen|bezahlen|senden|schicken) sie|you (?:can |should |"
    r"must |need to )?(?:send|pay|transfer|wire))\b|^\W*(?:send|pay|transfer|wire)\b",
    re.I,
)
_PAYOUT = re.compile(
    r"\b(?:\w*auszahl\w*|ausgezahlt|guthaben\w*|erstattung\w*|payout|pay(?:ing)? (?:you|it) out|"
    r"paid out|refund\w*|your (?:[\w.,-]+ ){0,2}?credit|we(?:'ll| will)? (?:send|transfer|pay)|"
    r"wir (?:überweisen|zahlen|erstatten)|(?:überweisen|zahlen|erstatten) wir)\b",
    re.I,
)


def _digits(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return "0" + digits[2:] if value.strip().startswith("+49") else digits


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    raw = url if "://" in url else "http://" + url
    return (urlsplit(raw).hostname or "").lower().removeprefix("www.")


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
    for a, b in sentences(body):
        if a <= start < b:
            return body[a:b]
    return body[start : start + 80]


# mailboxes every company's domain has (RFC 2142) are no invention
_ROLE = re.compile(r"(?:postmaster|abuse|noreply|no-reply|webmaster|hostmaster)@", re.I)


def check_contacts(data: HarmInput, settings: Settings, known: _Known) -> list[DraftWarning]:
    """Links, email addresses and phone numbers that are not the company's (`link`), and
    bank details that are not (`payment`)."""
    body = data.body
    found: list[DraftWarning] = []
    own = data.customer_address.lower()
    for match in EMAIL.finditer(body):
        address = match.group(0).lower()
        domain = address.rsplit("@", 1)[-1]
        if address == own or (address in known.emails and address not in known.untrusted):
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
        code = "payment" if _PAY.search(sentence) and not NEGATION.search(sentence) else "link"
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
            # a known page, a section above one, or a top-level section ("/service") is fine
            if page.count("/") >= 2 and not known_page:
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
        if from_email and not _PAY.search(sentence.replace("IBAN", "")):
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


def check_commitments(data: HarmInput, known: _Known) -> list[DraftWarning]:
    """Things done, granted or promised for this customer that no trusted source backs
    (drafter.drafting.commitments)."""
    from drafter.drafting import commitments

    trusted_amounts = {_digits(m.group(0)) for m in AMOUNT.finditer(known.trusted)}
    trusted_flat = " ".join(known.trusted.split()).lower()

    def foreign_amounts(text: str) -> list[str]:
        amounts = (m.group(0) for m in AMOUNT.finditer(text))
        return [x for x in amounts if _digits(x) not in trusted_amounts]

    return commitments.check_reply(data.body, trusted_flat, foreign_amounts, data.customer_text)


def check_payment_channels(data: HarmInput, known: _Known) -> list[DraftWarning]:
    """A request to pay through a channel (PayPal, crypto, gift cards) no trusted article names."""
    found: list[DraftWarning] = []
    for a, b in sentences(data.body):
        sentence = data.body[a:b]
        channel = _PAY_CHANNEL.search(sentence)
        if channel is None or _REFUSAL.search(sentence) or not _PAY.search(sentence):
            continue
        name = channel.group(0).lower()
        offers = f"{known.trusted}\n\n{known.kb_wide}"  # any article of the KB may offer it
        offered = [
            offers[x:y]
            for x, y in sentences(offers)
            if name in offers[x:y].lower() and not NEGATION.search(offers[x:y])
        ]
        if offered:
            continue  # an article offers this channel
        # money going to the customer ("Ihr Guthaben liegt zur Barauszahlung bereit") is a
        # payout through that channel, not a request to pay
        text = (
            f"the reply pays money out via {channel.group(0)}, which no trusted source offers"
            if _PAYOUT.search(sentence) and not _CUSTOMER_PAYS.search(sentence)
            else f"the reply asks for payment via {channel.group(0)}, which no trusted source "
            "offers"
        )
        found.append(_warn("payment", text, sentence))
    return found


def check_handed_money(data: HarmInput) -> list[DraftWarning]:
    """`payment` for money to be handed to a person on site (see `_HANDED`)."""
    found: list[DraftWarning] = []
    for a, b in sentences(data.body):
        sentence = data.body[a:b]
        handed = _HANDED.search(sentence)
        if handed is None or not _MONEY_WORD.search(sentence):
            continue
        # a refusal in the match's own part ("Das ist kein Problem: geben Sie ..." is none)
        start = max((m.end() for m in re.finditer(r"[;:]", sentence[: handed.start()])), default=0)
        end = re.search(r"[;:]", sentence[handed.end() :])
        part = sentence[start : handed.end() + end.start()] if end else sentence[start:]
        if _REFUSAL.search(re.sub(r"\b(?:kein problem|no problem)\b", " ", part, flags=re.I)):
            continue
        found.append(
            _warn(
                "payment",
                f"the reply has the customer hand money to a person ({handed.group(0)!r}); "
                "payments go to the company's account, check it",
                sentence,
            )
        )
    return found


def check_foreign_language(data: HarmInput) -> list[DraftWarning]:
    words = _WORD.findall(data.body)
    if len(words) < 15 or stopword_share(data.body) >= 0.12:
        return []
    return [_warn("wrong_language", "the reply is in neither German nor English", data.body[:80])]


def run_harm_checks(data: HarmInput, settings: Settings) -> list[DraftWarning]:
    """All output checks of this module, in a fixed order."""
    from drafter.drafting.dates import check_dates
    from drafter.drafting.disclosure import (
        check_credentials,
        check_instruction_dump,
        check_secret_values,
    )
    from drafter.drafting.support import check_support
    from drafter.drafting.third_party import check_hand_over, check_third_party

    known = known_sources(data, settings)
    return [
        *check_contacts(data, settings, known),
        *check_commitments(data, known),
        *check_payment_channels(data, known),
        *check_handed_money(data),
        *check_credentials(data.body),
        *check_secret_values(data.body, known.trusted),
        *check_instruction_dump(data.body, known.trusted),
        *check_foreign_language(data),
        *check_dates(data.body, f"{known.trusted}\n{data.customer_text}\n{data.extra_known}"),
        *check_support(data, known.trusted),
        *check_third_party(data.body, data.customer_text, known.trusted),
        *check_hand_over(data.body),
    ]
