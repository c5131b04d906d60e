"""drafter.mail.mime: the fast MIME parse gives the email package's own result.

A single-part message has only its header block parsed and its body attached as is; the
payload, headers and defects must be exactly what the email package stores when it parses
the whole message (CRLF or LF, 8-bit bytes, a broken header block, no body at all).
"""

from __future__ import annotations

from email import policy
from email.message import Message
from email.parser import BytesParser
from typing import cast

import pytest

from drafter.mail.mime import header_view, parse_mime, typed

HEAD = (
    b"From: Kunde <k@example.org>\nSubject: =?utf-8?q?Z=C3=A4hler?=\nMessage-ID: <m@example.org>\n"
)
CASES = {
    "lf": HEAD + b"Content-Type: text/plain; charset=utf-8\n\nHallo\nZeile 2\n",
    "crlf": (HEAD + b"Content-Type: text/plain\n\nHallo\nZeile 2\n").replace(b"\n", b"\r\n"),
    "8bit": HEAD + b"Content-Type: text/html; charset=latin-1\n\n<p>Gr\xfc\xdfe</p>\n\n\n",
    "long line": HEAD + b"Content-Type: text/html\n\n" + b"<div>" * 50_000 + b"x",
    "broken head": HEAD + b"this is no header\nContent-Type: text/plain\n\nbody\n",
    "no body": HEAD + b"Content-Type: text/plain\n\n",
    "no blank line": HEAD + b"Content-Type: text/plain\n",
    "base64": HEAD + b"Content-Transfer-Encoding: base64\n\nSGFsbG8gV2VsdA==\n",
    "message type": HEAD + b"Content-Type: message/rfc822\n\nSubject: inner\n\ninner body\n",
}


@pytest.mark.parametrize("raw", CASES.values(), ids=CASES.keys())
def test_single_part_parse_equals_the_email_package(raw: bytes) -> None:
    fast = parse_mime(raw, single_part=True)
    full = BytesParser(policy=policy.compat32).parsebytes(raw)
    assert fast.as_bytes() == full.as_bytes()
    assert fast.get_payload(decode=True) == full.get_payload(decode=True)
    assert list(fast.raw_items()) == list(full.raw_items())
    assert [type(d) for d in fast.defects] == [type(d) for d in full.defects]
    assert fast.is_multipart() == full.is_multipart()


def test_a_long_one_line_body_is_not_copied_through_the_parser() -> None:
    import tracemalloc

    raw = CASES["long line"] + b"<div>" * 400_000  # 2.25 MB on one line
    tracemalloc.start()
    parse_mime(raw, single_part=True)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 3 * len(raw)  # the email package alone peaks near 10x here


def test_the_envelope_view_decodes_like_policy_default() -> None:
    view = header_view(parse_mime(CASES["lf"], single_part=True))
    assert str(view["subject"]) == "Zähler"
    assert view["from"].addresses[0].addr_spec == "k@example.org"


def test_encoded_file_names_are_decoded_as_policy_default_does() -> None:
    raw = (
        b'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nHi\n'
        b"--b\nContent-Type: application/pdf\n"
        b'Content-Disposition: attachment; filename="=?utf-8?q?Z=C3=A4hler.pdf?="\n\nx\n--b--\n'
    )
    part = cast(list[Message], parse_mime(raw).get_payload())[1]
    full = BytesParser(policy=policy.default).parsebytes(raw)
    expected = cast(list[Message], full.get_payload())[1]
    assert typed(part).get_filename() == expected.get_filename() == "Zähler.pdf"
