"""compose_reply: threading, subject, addressing, and no header injection from customer input."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.errors import MailError
from drafter.mail.compose import compose_reply, make_message_id, reply_subject
from drafter.mail.parse import parse_email
from drafter.models import Address, InboundEmail

DATA = Path(__file__).resolve().parent.parent / "data" / "emails"
MID = make_message_id("stadtwerke-nordlicht.de", "approval-sha")


def _original(**kw: object) -> InboundEmail:
    values: dict[str, object] = {
        "message_id": "<c1@example.org>",
        "references": ["<root@example.net>"],
        "from": Address(name="Jörg Müller", email="joerg@example.org"),
        "subject": "AW: Re: Abschlag",
    }
    values.update(kw)
    return InboundEmail.model_validate(values)


def _roundtrip(msg: email.message.EmailMessage) -> tuple[bytes, email.message.EmailMessage]:
    raw = msg.as_bytes()
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    return raw, parsed


def test_reply_is_threaded_and_addressed_to_the_customer(settings: Settings) -> None:
    settings.reply_to = "Antworten <antwort@stadtwerke-nordlicht.de>"
    msg = compose_reply(_original(), "Guten Tag,\n\nerledigt.\n", settings, message_id=MID)
    _, parsed = _roundtrip(msg)
    assert parsed["Subject"] == "Re: Abschlag"
    assert parsed["In-Reply-To"] == "<c1@example.org>"
    assert parsed["References"] == "<root@example.net> <c1@example.org>"
    assert parsed["Message-ID"] == MID
    assert parsed["To"].addresses[0].addr_spec == "joerg@example.org"
    assert parsed["To"].addresses[0].display_name == "Jörg Müller"
    assert parsed["From"].addresses[0].addr_spec == "service@stadtwerke-nordlicht.de"
    assert parsed["Reply-To"].addresses[0].addr_spec == "antwort@stadtwerke-nordlicht.de"
    assert parsed["Date"].datetime is not None
    assert parsed.get_content_type() == "text/plain"
    assert parsed.get_content().replace("\r\n", "\n") == "Guten Tag,\n\nerledigt.\n"


def test_html_alternative_is_escaped(settings: Settings) -> None:
    msg = compose_reply(_original(), "a < b & c\n\nzwei", settings, message_id=MID, html=True)
    _, parsed = _roundtrip(msg)
    assert parsed.get_content_type() == "multipart/alternative"
    html_part = parsed.get_body(preferencelist=("html",))
    assert html_part is not None
    html = html_part.get_content()
    assert "<p>a &lt; b &amp; c</p>" in html and "<p>zwei</p>" in html


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("Re: Re: AW: Abschlag", "Re: Abschlag"),
        ("AW:Abschlag", "Re: Abschlag"),
        ("WG: Fwd: RE[2]: Zähler", "Re: Zähler"),
        ("", "Re:"),
        ("Rechnung März", "Re: Rechnung März"),
    ],
)
def test_reply_subject_never_stacks_prefixes(subject: str, expected: str) -> None:
    assert reply_subject(subject) == expected


def test_encoded_newline_in_subject_cannot_inject_a_bcc_header(settings: Settings) -> None:
    evil = "Hallo =?UTF-8?Q?=0A?=Bcc: x@example.com"
    msg = compose_reply(
        _original(subject=evil, message_id="<a@b>\r\nBcc: y@example.com"),
        "Text",
        settings,
        message_id=MID,
    )
    raw, parsed = _roundtrip(msg)
    header_lines = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    assert not any(line.lower().startswith(b"bcc") for line in header_lines)
    assert parsed.get_all("Bcc") is None
    assert "\n" not in parsed["Subject"]
    assert parsed["Subject"] == msg["Subject"]
    assert [k.lower() for k in parsed] == [k.lower() for k in msg]
    assert "In-Reply-To" not in parsed  # an invalid Message-ID from the customer is dropped


def test_injection_fixture_parsed_then_replied_stays_one_header(settings: Settings) -> None:
    original = parse_email((DATA / "header-injection-subject.eml").read_bytes())
    raw, parsed = _roundtrip(compose_reply(original, "Text", settings, message_id=MID))
    assert b"\nBcc:" not in raw and parsed.get_all("Bcc") is None
    assert parsed["Subject"].startswith("Re: Hallo")


def test_references_are_capped_keeping_root_and_latest(settings: Settings) -> None:
    refs = [f"<r{i}@example.net>" for i in range(60)]
    msg = compose_reply(_original(references=refs), "x", settings, message_id=MID)
    ids = msg["References"].split()
    assert len(ids) == 20
    assert ids[0] == "<r0@example.net>" and ids[-1] == "<c1@example.org>"


def test_message_id_is_deterministic_and_validated(settings: Settings) -> None:
    assert make_message_id("Example.ORG", "seed") == make_message_id("example.org", "seed")
    assert make_message_id("example.org", "seed") != make_message_id("example.org", "other")
    with pytest.raises(MailError, match="Message-ID"):
        compose_reply(_original(), "x", settings, message_id="not an id")


def test_missing_customer_address_is_a_mail_error(settings: Settings) -> None:
    with pytest.raises(MailError) as info:
        compose_reply(_original(**{"from": Address()}), "x", settings, message_id=MID)
    assert info.value.hint
