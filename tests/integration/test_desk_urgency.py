"""Emergencies first: urgency set at import, the queue lists urgent emails before the rest."""

from __future__ import annotations

from pathlib import Path

from drafter.config import Settings
from drafter.desk import Desk
from drafter.store import emails
from drafter.store.db import open_database
from drafter.store.migrations import upgrade
from tests.integration.desk_helpers import ScriptedEngine

INBOX = Path(__file__).resolve().parents[2] / "examples" / "inbox"


def test_gas_smell_email_is_listed_first_then_received_order(settings: Settings) -> None:
    desk = Desk(settings, engine=ScriptedEngine())
    paths = sorted(INBOX.glob("*.eml"))
    report = desk.import_messages((p.name, p.read_bytes()) for p in paths)
    assert report.imported == 45
    rows = desk.queue()
    assert len(rows) == 45
    first, rest = rows[0], rows[1:]
    assert first.subject == "Es riecht nach Gas im Treppenhaus"
    assert first.urgency == "gas smell"
    assert all(r.urgency == "" for r in rest)
    # the gas mail is not the oldest: it really was moved up
    assert min(r.received_at for r in rows) < first.received_at
    assert [(r.received_at, r.email_id) for r in rest] == sorted(
        (r.received_at, r.email_id) for r in rest
    )
    # filters keep the order; drafting picks the emergency first as well
    assert desk.queue(status="new")[0].email_id == first.email_id
    assert desk.queue(search="gas")[0].email_id == first.email_id
    assert desk.pending_drafts()[0] == first.email_id
    assert desk.email(first.email_id).email.subject == first.subject


def test_upgrade_keeps_old_rows_ordinary_and_new_imports_are_triaged(
    settings: Settings,
) -> None:
    db = open_database(settings, migrate=False)
    assert upgrade(db, target="0002") == "0002"
    gas = (INBOX / "27-gasgeruch.eml").read_bytes()
    with db.write() as conn:
        conn.exec_driver_sql(
            "INSERT INTO emails (id, import_key, message_id, thread_key, sender, subject, "
            "language, contact_reason, parse_status, status, claimed_by, warnings, "
            "received_at, imported_at, updated_at, source, raw, email_json, search_text) "
            "VALUES (1, 'old', '<old@x>', '<old@x>', 'a <a@x.org>', 'Gasgeruch!', 'de', '', "
            "'ok', 'new', '', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', "
            "'2026-01-01 00:00:00', '', x'00', '{}', '')"
        )
    assert upgrade(db, target="0003") == "0003"  # later ones (0004: live mailbox) run when
    # the Desk opens
    desk = Desk(settings, engine=ScriptedEngine())
    (new_id,) = desk.import_messages([("27.eml", gas)]).email_ids
    with desk.db.read() as conn:
        rows = emails.listing(conn)
    # the pre-upgrade row is not re-triaged (urgency defaults to ''), the new import is
    assert [(r.email_id, r.urgency) for r in rows] == [(new_id, "gas smell"), (1, "")]
