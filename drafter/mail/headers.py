"""The envelope of an email: sender, recipients, subject, date and threading ids, read from
its headers with fallbacks for broken encodings, over-long headers and unreadable dates.

`envelope(msg)` reads a parsed message; `head_only(raw)` reads the header block alone (for a
message too large or broken to parse). Used by drafter.mail.parse.
"""

from __future__ import annotations

import re
from datetime import datetime
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from drafter.mail.charset import clean_text, repair_header
from drafter.models import Address

MAX_HEADER_CHARS = 4000
HEAD_MAX = 64 * 1024  # the header block read from a message that is not parsed
_MSGID = re.compile(r"<[^<>\s]{1,500}>")
CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def envelope(msg: EmailMessage) -> dict[str, Any]:
    """Sender, recipients, subject, date and threading ids of a parsed message."""
    return {
        "message_id": _first_id(_header(msg, "message-id")),
        "in_reply_to": _first_id(_header(msg, "in-reply-to")),
        "references": _MSGID.findall(_header(msg, "references"))[-50:],
        "from_": (_addresses(msg, "from") or [Address()])[0],
        "to": _addresses(msg, "to"),
        "cc": _addresses(msg, "cc"),
        "date": _date(msg),
        "subject": _header(msg, "subject"),
    }


def head_only(raw: bytes) -> dict[str, Any]:
    """The envelope of a message read from its header block alone (at most 64 KB)."""
    ends = [i for i in (raw.find(b"\n\n", 0, HEAD_MAX), raw.find(b"\r\n\r\n", 0, HEAD_MAX))]
    found = [i for i in ends if i != -1]
    head = raw[: min(found)] if found else raw[:HEAD_MAX]
    try:
        return envelope(BytesParser(policy=policy.default).parsebytes(head, headersonly=True))
    except Exception:  # a header block too broken to read: the email stays anonymous
        return {}


def _header(msg: Message, name: str) -> str:
    """A header as clean single-line text ("" when absent or unreadable)."""
    raw = _raw_header(msg, name)
    if raw is None:
        return ""
    if len(raw) > MAX_HEADER_CHARS:
        text = _decode_words(raw[:MAX_HEADER_CHARS])
    else:
        try:
            value = msg.get(name)
            text = "" if value is None else str(value)
        except Exception:
            text = _decode_words(raw)
    text = repair_header(text)
    return CONTROL.sub(" ", clean_text(text)).strip()


def _raw_header(msg: Message, name: str) -> str | None:
    for key, value in msg.raw_items():
        if key.lower() == name:
            return str(value)
    return None


def _decode_words(raw: str) -> str:
    from email.header import decode_header, make_header

    try:
        return str(make_header(decode_header(raw)))
    except Exception:
        return raw


def _first_id(value: str) -> str:
    found = _MSGID.search(value)
    if found:
        return found.group(0)
    return value.split()[0][:500] if value.split() else ""


def _addresses(msg: Message, name: str) -> list[Address]:
    result: list[Address] = []
    raw = _raw_header(msg, name)
    if raw is None:
        return result
    try:
        if len(raw) > MAX_HEADER_CHARS:
            raise ValueError("header too long for the structured parser")
        header = msg.get(name)
        for address in getattr(header, "addresses", ()) or ():
            result.append(
                Address(
                    name=_clean_field(address.display_name),
                    email=_clean_field(address.addr_spec).strip("<>"),
                )
            )
    except Exception:
        result = []
    if not result:
        raw = _header(msg, name)
        for display, addr in getaddresses([raw]) if raw else []:
            if display or addr:
                result.append(Address(name=_clean_field(display), email=_clean_field(addr)))
    return result[:100]


def _clean_field(value: str) -> str:
    return CONTROL.sub(" ", clean_text(repair_header(value or ""))).strip()


def _date(msg: Message) -> datetime | None:
    try:
        if len(_raw_header(msg, "date") or "") > 200:
            raise ValueError("date header too long")
        header = msg.get("date")
        value = getattr(header, "datetime", None)
        if isinstance(value, datetime):
            return value
    except Exception:
        pass
    raw = _header(msg, "date")
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw)
    except Exception:
        return None
