"""Sending to the outbox folder: one .eml per Message-ID, idempotent, crash-recoverable."""

from __future__ import annotations

import email
from email import policy

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import MailError
from drafter.mail.send import outbox_file, reply_message_id
from drafter.store import outbox
from tests.integration.test_send_smtp import RAW, REPLY


def _ready(settings: Settings) -> tuple[Desk, int, str]:
    desk = Desk(settings)
    (email_id,) = desk.import_messages([("a.eml", RAW)]).email_ids
    approval = desk.approve(email_id, REPLY)
    seed = f"mid:kunde-42@example.org\n{approval.sha256}"
    return desk, email_id, reply_message_id(settings, seed)


def _eml_files(settings: Settings) -> list[str]:
    return sorted(p.name for p in settings.outbox_path.iterdir())


def test_outbox_file_is_named_by_message_id_and_parses_back(settings: Settings) -> None:
    html = settings.model_copy(update={"html_replies": True})
    desk, email_id, message_id = _ready(html)
    result = desk.send(email_id)
    assert result.transport == "outbox" and result.message_id == message_id
    path = outbox_file(html, message_id)
    assert result.location == str(path) and _eml_files(html) == [path.name]
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["Message-ID"] == message_id
    assert message["In-Reply-To"] == "<kunde-42@example.org>"
    assert message["Subject"] == "Re: Abschlag erhöhen"
    plain, rich = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and "80 Euro" in plain.get_content()
    assert rich is not None and "80 Euro" in rich.get_content()


def test_sending_twice_writes_one_file(settings: Settings) -> None:
    desk, email_id, _ = _ready(settings)
    first = desk.send(email_id)
    second = Desk(settings).send(email_id)
    assert not first.already_sent and second.already_sent
    assert len(_eml_files(settings)) == 1
    assert [e.action for e in desk.audit(email_id)].count("sent") == 1


def test_crash_after_file_written_is_recovered_as_sent(settings: Settings) -> None:
    desk, email_id, message_id = _ready(settings)
    with desk.db.write() as conn:
        outbox.begin_send(conn, email_id, 1, message_id, "outbox")
    settings.outbox_path.mkdir(parents=True)
    outbox_file(settings, message_id).write_bytes(b"Message-ID: x\r\n\r\nsent before the crash")
    (settings.outbox_path / ".tmp-99-half.eml").write_bytes(b"half")
    restarted = Desk(settings)  # recover() settles the row from the file
    assert restarted.email(email_id).status == "sent"
    assert restarted.sends(email_id)[0].state == "sent"
    assert restarted.send(email_id).already_sent
    assert _eml_files(settings) == [outbox_file(settings, message_id).name]


def test_crash_before_file_written_sends_on_retry(settings: Settings) -> None:
    desk, email_id, message_id = _ready(settings)
    with desk.db.write() as conn:
        outbox.begin_send(conn, email_id, 1, message_id, "outbox")
    restarted = Desk(settings)
    assert restarted.email(email_id).status == "in_review"
    result = restarted.send(email_id)
    assert not result.already_sent and outbox_file(settings, message_id).exists()
    assert restarted.sends(email_id)[0].attempts == 2


def test_unwritable_outbox_is_a_mail_error(settings: Settings) -> None:
    blocker = settings.data_dir.parent / "not-a-dir"
    blocker.write_text("x")
    desk, email_id, _ = _ready(settings.model_copy(update={"outbox_dir": blocker}))
    with pytest.raises(MailError) as err:
        desk.send(email_id)
    assert str(blocker) in err.value.message and "DRAFTER_OUTBOX_DIR" in err.value.hint
    assert desk.sends(email_id)[0].state == "failed"
