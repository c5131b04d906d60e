"""Raw email bytes to a MIME tree, with work and memory linear in the size of the message.

Owns `parse_mime(raw)` and `header_view(part)`. The structure is parsed with the email
package's `compat32` policy: header values stay the raw strings, so the parser and every
content-type lookup are plain string operations (`email.policy.default` builds and parses a
header object on every lookup: a message of 950 parts spent most of a second on that).
`header_view` gives one part's headers under `email.policy.default` (decoded, structured)
for the few lookups that need it: the envelope and file names with encoded words.

A message without MIME parts has only its header block parsed; the body becomes the payload
as it is, exactly what the parser would have stored (the parser copies a long one-line body
through several buffers: about ten times its size in memory).
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser

_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_IRREGULAR = re.compile(r"=\?|[^\x00-\x7f]")


def parse_mime(raw: bytes, *, single_part: bool = False) -> Message:
    """The MIME tree of `raw`; `single_part`: the caller found no boundary declared."""
    parser = BytesParser(policy=policy.compat32)
    if single_part:
        blank = _BLANK_LINE.search(raw)
        if blank is not None:
            start = blank.end()
            msg = parser.parsebytes(raw[:start])
            # a clean header block leaves no payload; the parser's payload would be every
            # line after it, joined as they were: the rest, byte for byte
            if msg.get_content_maintype() not in ("multipart", "message") and (
                msg.get_payload() == "" and not msg.defects
            ):
                msg.set_payload(raw[start:].decode("ascii", "surrogateescape"))
                return msg
    return parser.parsebytes(raw)


def header_view(part: Message) -> EmailMessage:
    """`part`'s headers (not its body) under email.policy.default."""
    view = EmailMessage(policy=policy.default)
    for name, value in part.raw_items():
        view.set_raw(name, value)
    return view


def typed(part: Message) -> Message:
    """`part` itself for content-type/disposition lookups, or its header_view when those
    headers hold encoded words, 8-bit bytes or unbalanced quotes (where the raw strings
    and email.policy.default disagree)."""
    raw = f"{part.get('content-type', '')}{part.get('content-disposition', '')}"
    if _IRREGULAR.search(raw) or raw.count('"') % 2:
        return header_view(part)
    return part
