"""Sending through a real SMTP server on loopback: headers, exactly-once, refusals."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import MailError, StoreError
from tests.integration.smtp_server import Recorder, smtp_server

RAW = (
    "From: Anna Schulz <anna.schulz@example.org>\r\n"
    "To: service@stadtwerke-nordlicht.de\r\n"
    "Subject: AW: Abschlag erhöhen\r\n"
    "Message-ID: <kunde-42@example.org>\r\n"
    "In-Reply-To: <service-1@stadtwerke-nordlicht.de>\r\n"
    "References: <kunde-1@example.org> <service-1@stadtwerke-nordlicht.de>\r\n"
    "Date: Mon, 02 Mar 2026 09:15:00 +0100\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "Guten Tag, bitte erhöhen Sie meinen Abschlag auf 80 Euro.\r\n"
    "Mit freundlichen Grüßen\r\nAnna Schulz\r\n"
).encode()

REPLY = "Sehr geehrte Frau Schulz,\n\nwir haben Ihren Abschlag auf 80 Euro erhöht.\n"


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[Recorder, int]]:
    with smtp_server(refuse="@blocked.example") as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh_mailbox(server: tuple[Recorder, int]) -> None:
    server[0].messages.clear()
    server[0].envelopes.clear()


def _desk(settings: Settings, port: int, **extra: object) -> Desk:
    values: dict[str, object] = {
        "smtp_host": "127.0.0.1",
        "smtp_port": port,
        "smtp_security": "none",
        "smtp_timeout": 5.0,
        **extra,
    }
    return Desk(settings.model_copy(update=values))


def _import(desk: Desk, raw: bytes = RAW) -> int:
    report = desk.import_messages([("a.eml", raw)])
    assert report.imported == 1
    return report.email_ids[0]


def test_reply_arrives_once_with_threading_headers(
    settings: Settings, server: tuple[Recorder, int]
) -> None:
    recorder, port = server
    desk = _desk(settings, port, reply_to="antwort@stadtwerke-nordlicht.de")
    email_id = _import(desk)
    desk.approve(email_id, REPLY)
    result = desk.send(email_id)
    again = desk.send(email_id)
    assert result.transport == "smtp" and not result.already_sent
    assert again.already_sent and again.message_id == result.message_id
    assert recorder.count(result.message_id) == 1
    message = next(m for m in recorder.messages if m["Message-ID"] == result.message_id)
    assert message["In-Reply-To"] == "<kunde-42@example.org>"
    assert message["References"].split() == [
        "<kunde-1@example.org>",
        "<service-1@stadtwerke-nordlicht.de>",
        "<kunde-42@example.org>",
    ]
    assert message["Subject"] == "Re: Abschlag erhöhen"
    assert message["From"] == settings.mail_from
    assert message["Reply-To"] == "antwort@stadtwerke-nordlicht.de"
    assert "anna.schulz@example.org" in message["To"]
    body = message.get_body(("plain",))
    assert body is not None and "80 Euro erhöht" in body.get_content()
    assert desk.email(email_id).status == "sent"
    actions = [e.action for e in desk.audit(email_id)]
    assert actions[-3:] == ["approved", "send_started", "sent"]
    (row,) = desk.sends(email_id)
    assert (row.state, row.attempts, row.location) == ("sent", 1, f"127.0.0.1:{port}")


def test_message_id_is_stable_for_email_and_approved_text(
    settings: Settings, server: tuple[Recorder, int]
) -> None:
    _, port = server
    first = _desk(settings, port)
    email_id = _import(first)
    first.approve(email_id, REPLY)
    second = Desk(settings.model_copy(update={"data_dir": settings.data_dir.parent / "other-data"}))
    other_id = _import(second)
    second.approve(other_id, REPLY)
    seed_key = f"mid:kunde-42@example.org\n{first.approvals(email_id)[0].sha256}"
    from drafter.mail.send import reply_message_id

    assert reply_message_id(settings, seed_key) == reply_message_id(second.settings, seed_key)
    assert first.send(email_id).message_id == reply_message_id(settings, seed_key)


def test_refuses_without_or_with_mismatching_approval(
    settings: Settings, server: tuple[Recorder, int]
) -> None:
    recorder, port = server
    before = len(recorder.messages)
    desk = _desk(settings, port)
    email_id = _import(desk)
    desk.save_edit(email_id, REPLY)
    with pytest.raises(StoreError, match="not been approved") as err:
        desk.send(email_id)
    assert "approve" in err.value.hint
    desk.approve(email_id, REPLY)
    desk.save_edit(email_id, REPLY + "\nP.S. noch etwas")
    with pytest.raises(StoreError, match="changed after it was approved"):
        desk.send(email_id)
    assert len(recorder.messages) == before
    assert desk.sends(email_id) == []
    assert desk.email(email_id).status == "in_review"


def test_starttls_required_but_not_offered_is_a_mail_error(
    settings: Settings, server: tuple[Recorder, int]
) -> None:
    recorder, port = server
    before = len(recorder.messages)
    desk = _desk(settings, port, smtp_security="starttls")
    email_id = _import(desk)
    desk.approve(email_id, REPLY)
    with pytest.raises(MailError) as err:
        desk.send(email_id)
    assert "STARTTLS" in err.value.message and "DRAFTER_SMTP_SECURITY" in err.value.hint
    assert len(recorder.messages) == before
    assert [r.state for r in desk.sends(email_id)] == ["failed"]
    # nothing went out, so a retry with a working configuration sends it (once)
    result = _desk(settings, port).send(email_id)
    assert recorder.count(result.message_id) == 1
    assert desk.sends(email_id)[0].attempts == 2


def test_refused_recipient_and_dead_server(
    settings: Settings, server: tuple[Recorder, int]
) -> None:
    recorder, port = server
    desk = _desk(settings, port)
    email_id = _import(desk, RAW.replace(b"anna.schulz@example.org", b"anna@blocked.example"))
    desk.approve(email_id, REPLY)
    with pytest.raises(MailError, match="refused") as err:
        desk.send(email_id)
    assert "not sent" in err.value.hint
    assert recorder.messages == []
    assert desk.email(email_id).status == "in_review"
    from tests.integration.smtp_server import free_port

    dead = _desk(settings, free_port())
    with pytest.raises(MailError, match="cannot connect") as err:
        dead.send(email_id)
    assert "DRAFTER_SMTP_HOST" in err.value.hint


def test_unfinished_smtp_attempt_goes_to_a_human(
    settings: Settings, server: tuple[Recorder, int]
) -> None:
    recorder, port = server
    desk = _desk(settings, port)
    email_id = _import(desk)
    desk.approve(email_id, REPLY)
    from drafter.mail.send import reply_message_id
    from drafter.store import outbox

    message_id = reply_message_id(
        desk.settings, f"mid:kunde-42@example.org\n{desk.approvals(email_id)[0].sha256}"
    )
    with desk.db.write() as conn:  # what a crash between intent and result leaves behind
        outbox.begin_send(conn, email_id, 1, message_id, "smtp")
    with pytest.raises(StoreError, match="may have been delivered") as err:
        desk.send(email_id)
    assert message_id in err.value.hint
    with pytest.raises(StoreError):
        desk.send(email_id)
    assert recorder.count(message_id) == 0
    assert desk.email(email_id).status == "needs_attention"
