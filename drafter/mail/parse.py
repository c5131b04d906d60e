"""Raw email bytes to `InboundEmail`: what the customer wrote in their newest message.

Owns intake: size/part/depth limits checked before the email package touches the bytes,
parsing with `email.policy.default`, the envelope (drafter.mail.headers), choosing the text
body (text/plain, else HTML rendered as text), attachment metadata (never contents),
defects, quote/signature splitting (drafter.mail.quotes) and the language of the newest
message. `parse_email` never raises: anything unparseable ends as `quarantined`.
"""

from __future__ import annotations

import hashlib
import re
from email.message import Message
from typing import Any

from drafter.config import Settings
from drafter.errors import MailError
from drafter.language import detect_language
from drafter.mail.charset import clean_text, decode_bytes, repair_header
from drafter.mail.headers import CONTROL, envelope, head_only
from drafter.mail.html import html_to_text
from drafter.mail.html_bound import Deadline
from drafter.mail.mime import header_view, parse_mime, typed
from drafter.mail.quotes import split_reply
from drafter.mail.skeleton import (
    OMITTED_HEADER,
    declared_boundaries,
    delimiter_lines,
    skeleton,
)
from drafter.models import Attachment, InboundEmail, Language

MAX_BYTES = 50 * 1024 * 1024  # the hard ceiling; Settings.max_message_bytes is the limit used
DEFAULT_TIMEOUT = 10.0  # seconds of HTML conversion before a message is quarantined
MAX_PARTS = 1000
MAX_DEPTH = 20
MAX_TEXT_CHARS = 1_000_000
MAX_HTML_CHARS = 3_000_000  # HTML source converted (linear); its text is capped as above
TEXT_KEEP_BYTES = 3 * 1024 * 1024  # a single-part body beyond this is cut before parsing
SKELETON_FROM = 1024 * 1024

_BOUNDARY_DECL = re.compile(rb'boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))', re.I)
_DELIM_LINE = re.compile(rb"^--([^\r\n]{1,200}?)[ \t]*\r?$", re.M)
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_LOOKS_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<div|<p>|<table)", re.I)


def parse_limits(settings: Settings) -> dict[str, Any]:
    """The keyword arguments of `parse_email` that the settings decide."""
    return {
        "default_language": settings.language_default,
        "max_bytes": settings.max_message_bytes,
        "timeout": settings.parse_timeout,
    }


def parse_email(
    raw: bytes,
    *,
    default_language: Language = "de",
    max_bytes: int = MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
) -> InboundEmail:
    """Parse one email; the result always has exactly one status and never raises.

    A message over `max_bytes` is quarantined unparsed; one whose HTML body needs more
    than `timeout` seconds (0: no limit) or is absurdly complex is quarantined too.
    """
    content_hash = hashlib.sha256(raw).hexdigest()
    reason = _limits(raw, min(max_bytes, MAX_BYTES))
    if reason:  # the body is never parsed; the header block still says who wrote and when
        return InboundEmail(
            **head_only(raw), status="quarantined", reason=reason, content_hash=content_hash
        )
    deadline = Deadline(timeout)
    cut = False
    single_part = not declared_boundaries(raw)
    if len(raw) > TEXT_KEEP_BYTES and single_part:
        raw, cut = _cut_single_part(raw), True  # the rest would be cut after decoding anyway
    try:
        small = skeleton(raw) if len(raw) > SKELETON_FROM else raw
        msg = parse_mime(small, single_part=single_part)
        email = _build(msg, content_hash, default_language, deadline)
        if email.status == "no_text_body" and "StartBoundaryNotFoundDefect" in email.defects:
            repaired = _repair_boundary(raw)
            if repaired is not None:
                retry = _build(
                    parse_mime(repaired),
                    content_hash,
                    default_language,
                    deadline,
                )
                if retry.status == "ok":
                    retry.defects = sorted({*retry.defects, "boundary repaired"})
                    return retry
        if cut:
            email.defects = sorted({*email.defects, "body cut before parsing (too long)"})
        return email
    except MailError as exc:  # a bounded stage gave up (time or size)
        return InboundEmail(
            status="quarantined",
            reason=exc.message,
            content_hash=content_hash,
            defects=["body too expensive to convert"],
        )
    except Exception as exc:  # the last line of defence: a broken message is quarantined
        return InboundEmail(
            status="quarantined",
            reason=f"could not parse: {type(exc).__name__}: {str(exc)[:200]}",
            content_hash=content_hash,
            defects=[f"parser error: {type(exc).__name__}"],
        )


def _cut_single_part(raw: bytes) -> bytes:
    """Headers plus the first TEXT_KEEP_BYTES of the body of a message without MIME parts."""
    ends = [i for i in (raw.find(b"\n\n"), raw.find(b"\r\n\r\n")) if i != -1]
    head_end = min(ends) if ends else 0
    return raw[: head_end + TEXT_KEEP_BYTES]


def _limits(raw: bytes, max_bytes: int = MAX_BYTES) -> str:
    """Cheap pre-checks on the raw bytes: size, MIME part count and nesting depth."""
    if len(raw) > max_bytes:
        return (
            f"message is {len(raw) / 1_048_576:.1f} MB, over the {max_bytes / 1_048_576:g} MB "
            "limit (DRAFTER_MAX_MESSAGE_BYTES); not parsed"
        )
    declared: dict[bytes, int] = {}
    for boundary in declared_boundaries(raw):
        declared.setdefault(boundary, len(declared))
        if len(declared) > MAX_PARTS:
            return f"more than {MAX_PARTS} MIME boundaries"
    if not declared:
        return ""
    parts = 0
    open_stack: list[bytes] = []
    for _start, _end, token in delimiter_lines(raw):
        closing = token.endswith(b"--") and token[:-2] in declared
        name = token[:-2] if closing else token
        if name not in declared:
            continue
        if closing:
            if name in open_stack:
                del open_stack[open_stack.index(name) :]
            continue
        parts += 1
        if parts > MAX_PARTS:
            return f"more than {MAX_PARTS} MIME parts"
        if name not in open_stack:
            open_stack.append(name)
            if len(open_stack) > MAX_DEPTH:
                return f"MIME parts nested deeper than {MAX_DEPTH} levels"
    return ""


def _repair_boundary(raw: bytes) -> bytes | None:
    """Swap a declared boundary that never occurs for the one the parts really use."""
    head_end = raw.find(b"\n\n")
    crlf_end = raw.find(b"\r\n\r\n")
    if crlf_end != -1 and (head_end == -1 or crlf_end < head_end):
        head_end = crlf_end
    if head_end == -1:
        return None
    head, body = raw[:head_end], raw[head_end:]
    declared = _BOUNDARY_DECL.search(head)
    used = _DELIM_LINE.search(body)
    if not declared or not used:
        return None
    actual = used.group(1).removesuffix(b"--")
    old = declared.group(1) or declared.group(2) or b""
    if not old or old == actual or b'"' in actual:
        return None
    start, end = declared.span(1) if declared.group(1) else declared.span(2)
    return head[:start] + actual + head[end:] + body


def _build(
    msg: Message, content_hash: str, default_language: Language, deadline: Deadline
) -> InboundEmail:
    defects: list[str] = []
    leaves, attachments, depth, count = _walk(msg, defects)
    if depth > MAX_DEPTH or count > MAX_PARTS:
        return InboundEmail(
            status="quarantined",
            reason=f"MIME structure too large ({count} parts, depth {depth})",
            content_hash=content_hash,
        )
    email = InboundEmail(
        **envelope(header_view(msg)),
        attachments=attachments,
        content_hash=content_hash,
    )
    text, html_quoted = _body_text(leaves, defects, deadline)
    if _looks_binary(text):  # noise: not worth splitting into reply, quote and signature
        email.body = text[:MAX_TEXT_CHARS]
        email.status = "quarantined"
        email.reason = "the body is binary data, not text"
        defects.append("binary body")
        email.defects = sorted(set(defects))
        return email
    split = split_reply(text)
    quoted = "\n\n".join(part for part in (split.quoted, html_quoted) if part)
    email.body, email.quoted, email.signature = split.body, quoted, split.signature
    if not email.body:
        email.status = "no_text_body"
        email.reason = (
            "the message only quotes earlier mail"
            if quoted
            else "attachments only, no text"
            if attachments
            else "no text part"
        )
    basis = email.body or email.subject
    email.language = detect_language(basis, default_language) if basis else default_language
    email.defects = sorted(set(defects))
    return email


def _looks_binary(text: str) -> bool:
    """True for a body that is decoded noise (random or binary bytes), not writing.

    Writing in any script is mostly letters, digits and spaces, and its few non-ASCII
    symbols are quotes, dashes or emoji; decoded noise is full of replacement characters,
    controls and Latin-1 symbols (U+0080-U+1FFF, not letters).
    """
    sample = text[:20_000]
    if len(sample) < 40:
        return False
    wordish = sum(1 for ch in sample if ch.isalnum() or ch.isspace())
    if wordish / len(sample) >= 0.85:
        return False
    odd = sum(
        1
        for ch in sample
        if ch == "\ufffd" or ("\x7f" <= ch < "\u2000" and not ch.isalnum() and not ch.isspace())
    )
    return odd / len(sample) > 0.05


def _walk(msg: Message, defects: list[str]) -> tuple[list[Message], list[Attachment], int, int]:
    """Text leaves (outside attached messages), attachments, max depth and part count."""
    leaves: list[Message] = []
    attachments: list[Attachment] = []
    max_depth = 0
    count = 0
    stack: list[tuple[Message, int, bool]] = [(msg, 1, False)]
    while stack:
        part, depth, inside_attached = stack.pop()
        count += 1
        max_depth = max(max_depth, depth)
        if count > MAX_PARTS or max_depth > MAX_DEPTH:
            break
        defects.extend(type(d).__name__ for d in getattr(part, "defects", []))
        ctype = _content_type(part)
        if part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                attached = inside_attached or ctype == "message/rfc822"
                if ctype == "message/rfc822" and not inside_attached:
                    attachments.append(_attachment(part, ctype, "attached message"))
                stack.extend(
                    (c, depth + 1, attached) for c in reversed(children) if isinstance(c, Message)
                )
            continue
        if inside_attached:
            continue
        disposition = (typed(part).get_content_disposition() or "").lower()
        filename = _filename(part)
        if ctype in ("text/plain", "text/html") and disposition != "attachment":
            leaves.append(part)
        elif ctype.startswith("multipart/"):
            defects.append("multipart without parts")
        else:
            attachments.append(_attachment(part, ctype, filename))
    return leaves, attachments, max_depth, count


def _content_type(part: Message) -> str:
    try:
        return typed(part).get_content_type().lower()
    except Exception:
        return "application/octet-stream"


def _filename(part: Message) -> str:
    try:
        name = typed(part).get_filename() or ""
    except Exception:
        name = ""
    return CONTROL.sub(" ", repair_header(str(name))).strip()[:200]


def _attachment(part: Message, ctype: str, filename: str) -> Attachment:
    payload = part.get_payload()
    size = 0
    omitted = str(part.get(OMITTED_HEADER, "")).strip()
    if omitted.isdigit():
        size = int(omitted)
    elif isinstance(payload, str):
        encoding = str(part.get("content-transfer-encoding", "")).strip().lower()
        if encoding == "base64":
            size = (len(payload) - payload.count("\n") - payload.count("\r")) * 3 // 4
        else:
            size = len(payload)
    elif isinstance(payload, bytes):
        size = len(payload)
    elif isinstance(payload, list):
        size = sum(len(str(p)) for p in payload[:5])
    return Attachment(filename=filename, content_type=ctype, size=size)


def _body_text(leaves: list[Message], defects: list[str], deadline: Deadline) -> tuple[str, str]:
    """The best text body: inline text/plain parts, else the HTML rendered as text."""
    plain: list[str] = []
    html: list[str] = []
    for part in leaves:
        text = _decode_part(part, defects)
        if _content_type(part) == "text/html":
            html.append(text)
        elif _LOOKS_HTML.match(text) and "</" in text:
            defects.append("html labelled as text/plain")
            html.append(text)
        else:
            plain.append(text)
    joined = "\n\n".join(t for t in plain if t.strip())
    if _BIDI.search(joined) or any(_BIDI.search(t) for t in html):
        defects.append("bidi control characters removed")
    if joined.strip():
        return clean_text(joined), ""
    if html:
        rendered = html_to_text("\n".join(html), deadline=deadline)
        return clean_text(rendered.text), clean_text(rendered.quoted)
    return "", ""


def _decode_part(part: Message, defects: list[str]) -> str:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        defects.append("undecodable transfer encoding")
        payload = part.get_payload()
        data = payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else b""
    if not isinstance(data, bytes):
        return ""
    try:
        charset = typed(part).get_content_charset()
    except Exception:
        charset = None
    limit = MAX_HTML_CHARS if _content_type(part) == "text/html" else MAX_TEXT_CHARS
    text, found = decode_bytes(data[: limit * 4], charset)
    defects.extend(found)
    return text[:limit]
