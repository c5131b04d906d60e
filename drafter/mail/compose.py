"""Building the reply message: headers, threading and body parts (sending is drafter.mail.send).

Owns `compose_reply`, `make_message_id` and `quote_block` (DRAFTER_REPLY_QUOTE=bottom: the
customer's message, "> "-quoted under the answer with an attribution line in the customer's
language; added here at compose time, so the approved text and its hash never contain it).
Every header value that comes from customer
input (subject, names, message ids) is sanitised here: control characters removed and
RFC 2047 encoded words decoded and neutralised before the email package sees them, so a
subject like "=?UTF-8?Q?=0A?=Bcc: x" can never become a header (CVE-2024-6923).
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from email.header import decode_header, make_header
from email.headerregistry import Address as HeaderAddress
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, getaddresses, localtime
from zoneinfo import ZoneInfo

from drafter.config import Settings
from drafter.errors import MailError
from drafter.models import InboundEmail

MAX_REFERENCES = 20
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")
_REPLY_PREFIX = re.compile(
    r"^\s*(?:re|aw|antw|antwort|wg|fw|fwd|sv|vs|ref|rif|r|odp|res|tr|vb|atb|ynt|yan|"
    r"enc|rv|πρθ|отв|на)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*",
    re.IGNORECASE,
)
_MSGID = re.compile(r"^<[!-;=?-~]{1,250}>$")  # printable ASCII without < > and spaces
_DOMAIN = re.compile(r"[^a-z0-9.-]+")


def make_message_id(domain: str, seed: str) -> str:
    """A Message-ID that is the same for the same seed (e.g. the approval hash)."""
    clean = _DOMAIN.sub("", domain.lower()).strip(".-") or "drafter.invalid"
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]
    return f"<{digest}.drafter@{clean}>"


def reply_subject(subject: str) -> str:
    """'Re: ' plus the subject without stacked reply/forward prefixes ("Re: AW: Re: x")."""
    text = safe_header_text(subject)
    for _ in range(20):
        stripped = _REPLY_PREFIX.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return f"Re: {text}".strip() if text else "Re:"


def safe_header_text(value: str) -> str:
    """Header text with no way to start a new header: no controls, no live encoded words."""
    text = _CONTROL.sub(" ", value or "")
    for _ in range(3):
        if "=?" not in text:
            break
        try:
            decoded = str(make_header(decode_header(text)))
        except Exception:
            break
        decoded = _CONTROL.sub(" ", decoded)
        if decoded == text:
            break
        text = decoded
    text = text.replace("=?", "= ?")  # anything still looking like an encoded word is inert
    return " ".join(text.split())[:900]


def compose_reply(
    original: InboundEmail,
    body: str,
    settings: Settings,
    *,
    message_id: str,
    html: bool = False,
) -> EmailMessage:
    """The reply to `original` (threaded, addressed to the customer), ready to send."""
    if not _MSGID.match(message_id):
        raise MailError(
            f"invalid Message-ID for the reply: {message_id[:80]!r}",
            hint="use drafter.mail.make_message_id(domain, seed)",
        )
    msg = EmailMessage(policy=SMTP)
    msg["From"] = _address(settings.mail_from, "DRAFTER_MAIL_FROM")
    if settings.reply_to:
        msg["Reply-To"] = _address(settings.reply_to, "DRAFTER_REPLY_TO")
    msg["To"] = _customer(original)
    msg["Subject"] = reply_subject(original.subject)
    msg["Date"] = format_datetime(localtime())
    msg["Message-ID"] = message_id
    parent = original.message_id.strip()
    if _MSGID.match(parent):
        msg["In-Reply-To"] = parent
    references = _references(original)
    if references:
        msg["References"] = " ".join(references)
    msg["MIME-Version"] = "1.0"
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    quote = quote_block(original, settings.timezone) if settings.reply_quote == "bottom" else ""
    full = text.rstrip("\n") + "\n\n" + quote if quote else text
    msg.set_content(
        full if full.endswith("\n") else full + "\n", charset="utf-8", cte="quoted-printable"
    )
    if html:
        msg.add_alternative(
            _html_body(text, quote), subtype="html", charset="utf-8", cte="quoted-printable"
        )
    return msg


_MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "en": "January February March April May June July August September October November December",
}


def attribution(original: InboundEmail, zone: str = "") -> str:
    """'Am 3. November 2026 um 14:12 schrieb Anna Berg <anna@example.de>:' (or English), the
    time in `zone` (DRAFTER_TIMEZONE, as the desk showed it; "" is the system's zone)."""
    sender = original.from_
    address = _CONTROL.sub("", sender.email).strip()
    name = safe_header_text(sender.name)
    who = f"{name} <{address}>" if name and address else (name or address or "?")
    german = original.language != "en"
    if original.date is None:
        return f"{who} schrieb:" if german else f"{who} wrote:"
    local = ZoneInfo(zone) if zone else None
    when = original.date.astimezone(local) if original.date.tzinfo else original.date
    month = _MONTHS["de" if german else "en"].split()[when.month - 1]
    if german:
        return f"Am {when.day}. {month} {when.year} um {when:%H:%M} schrieb {who}:"
    return f"On {when.day} {month} {when.year} at {when:%H:%M}, {who} wrote:"


def quote_block(original: InboundEmail, zone: str = "") -> str:
    """The customer's message (newest part and signature), "> "-quoted, under its attribution
    (its time in `zone`)."""
    message = original.body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    signature = original.signature.strip("\n")
    if signature:
        message = f"{message}\n\n{signature}" if message else signature
    if not message.strip():
        return ""
    lines = [f"> {line}".rstrip() for line in message.split("\n")]
    return attribution(original, zone) + "\n" + "\n".join(lines) + "\n"


def _references(original: InboundEmail) -> list[str]:
    ids: list[str] = []
    for candidate in [*original.references, original.message_id]:
        value = candidate.strip()
        if _MSGID.match(value) and value not in ids:
            ids.append(value)
    if len(ids) > MAX_REFERENCES:  # keep the thread root and the most recent ones
        ids = [ids[0], *ids[-(MAX_REFERENCES - 1) :]]
    return ids


def _customer(original: InboundEmail) -> HeaderAddress:
    sender = original.from_
    addr = _CONTROL.sub("", sender.email).strip()
    if "@" not in addr:
        raise MailError(
            "the original email has no usable sender address (From header)",
            hint="reply manually; drafter only answers emails with a valid From address",
        )
    local, _, domain = addr.rpartition("@")
    try:
        return HeaderAddress(
            display_name=safe_header_text(sender.name), username=local, domain=domain
        )
    except (ValueError, TypeError) as exc:
        raise MailError(
            f"the sender address {addr[:80]!r} cannot be used as a recipient: {exc}",
            hint="reply manually to this email",
        ) from exc


def _address(value: str, setting: str) -> HeaderAddress:
    pairs = getaddresses([_CONTROL.sub(" ", value)])
    name, addr = pairs[0] if pairs else ("", "")
    if "@" not in addr:
        raise MailError(
            f"invalid address in {setting}: {value!r}",
            hint=f"set {setting} to 'Name <address@domain>' in .env (see .env.example)",
        )
    local, _, domain = addr.rpartition("@")
    try:
        return HeaderAddress(display_name=safe_header_text(name), username=local, domain=domain)
    except (ValueError, TypeError) as exc:
        raise MailError(
            f"invalid address in {setting}: {value!r} ({exc})",
            hint=f"fix {setting} in .env (see .env.example)",
        ) from exc


def _html_body(text: str, quote: str = "") -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    rendered = "\n".join(
        "<p>" + "<br>\n".join(html_lib.escape(line) for line in p.split("\n")) + "</p>"
        for p in paragraphs
    )
    if quote:
        head_line, _, quoted = quote.partition("\n")
        inner = "<br>\n".join(
            html_lib.escape(line[2:] if line.startswith("> ") else line.lstrip(">"))
            for line in quoted.rstrip("\n").split("\n")
        )
        rendered += (
            f'\n<p>{html_lib.escape(head_line)}</p>\n<blockquote style="margin:0 0 0 .8ex;'
            f'border-left:1px solid #ccc;padding-left:1ex">{inner}</blockquote>'
        )
    head = '<!DOCTYPE html>\n<html><body style="font-family: sans-serif">'
    return f"{head}\n{rendered}\n</body></html>\n"
