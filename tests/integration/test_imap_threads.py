"""Threads: a follow-up joins its conversation by References / In-Reply-To (also when it only
names drafter's own reply), then by subject and sender; the privacy vault follows the thread."""

from __future__ import annotations

from drafter.config import Settings
from drafter.desk import Desk
from drafter.models import InboundEmail
from drafter.store import emails, schema, threads, vaults
from tests.integration.desk_helpers import save_thread_vault


def mail(n: int, subject: str, sender: str = "anna@example.org", extra: str = "") -> bytes:
    return (
        f"From: Anna Schulz <{sender}>\r\nTo: service@stadtwerke-nordlicht.de\r\n"
        f"Subject: {subject}\r\nMessage-ID: <t-{n}@example.org>\r\n"
        f"Date: Mon, 02 Mar 2026 1{n}:00:00 +0100\r\n{extra}"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Guten Tag, meine Kundennummer ist 12345{n}. Gruß Anna Schulz\r\n"
    ).encode()


def thread(desk: Desk, email_id: int) -> str:
    with desk.db.read() as conn:
        return emails.thread_of(conn, email_id)


def test_follow_up_naming_only_our_reply_joins_the_thread(settings: Settings) -> None:
    with Desk(settings) as desk:
        (first,) = desk.import_messages([("a", mail(1, "Abschlag ändern"))]).email_ids
        desk.approve(first, "Guten Tag,\n\nerledigt.\n")
        reply_id = desk.send(first).message_id  # outbox transport: our Message-ID
        follow = mail(2, "AW: Abschlag ändern", extra=f"In-Reply-To: {reply_id}\r\n")
        (second,) = desk.import_messages([("b", follow)]).email_ids
        assert thread(desk, second) == thread(desk, first)
        unrelated = mail(3, "Umzug", extra="In-Reply-To: <unknown@x.org>\r\n")
        (third,) = desk.import_messages([("c", unrelated)]).email_ids
        assert thread(desk, third) == "<unknown@x.org>"


def test_without_headers_subject_and_sender_decide(settings: Settings) -> None:
    with Desk(settings) as desk:
        (first,) = desk.import_messages([("a", mail(1, "Zählerstand März"))]).email_ids
        (same,) = desk.import_messages([("b", mail(2, "AW: Re: Zählerstand  märz"))]).email_ids
        (other,) = desk.import_messages(
            [("c", mail(3, "AW: Zählerstand März", sender="bob@example.org"))]
        ).email_ids
        (topic,) = desk.import_messages([("d", mail(4, "Rechnung"))]).email_ids
        assert thread(desk, same) == thread(desk, first)
        assert len({thread(desk, first), thread(desk, other), thread(desk, topic)}) == 3


def test_vault_is_shared_along_the_resolved_thread(settings: Settings) -> None:
    with Desk(settings) as desk:
        (first,) = desk.import_messages([("a", mail(1, "Zählerstand"))]).email_ids
        (second,) = desk.import_messages([("b", mail(2, "AW: Zählerstand"))]).email_ids
        follow_up: InboundEmail = desk.email(second).email
        with desk.db.read() as conn:
            assert threads.stored_thread(conn, follow_up, "x") == thread(desk, first)
        save_thread_vault(desk, first)
        assert vaults.load(desk.db, follow_up) is not None  # the follow-up finds it


def test_base_subject_strips_stacked_prefixes() -> None:
    assert threads.base_subject("AW: WG: Re[2]: Abschlag  Erhöhen") == "abschlag erhöhen"


def test_upgrade_to_v4_indexes_existing_emails_for_follow_ups(settings: Settings) -> None:
    from drafter.store.db import open_database
    from drafter.store.migrations import upgrade

    db = open_database(settings, migrate=False)
    assert upgrade(db) == schema.SCHEMA_REVISION
    db.close()
    with Desk(settings) as fresh:
        (first,) = fresh.import_messages([("a", mail(1, "Zählerstand"))]).email_ids
    db = open_database(settings)
    with db.write() as conn:  # undo 0004-0008 as if the email predated 0004, then re-run
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0003'")
        conn.exec_driver_sql("DROP INDEX ix_emails_order")  # 0008
        conn.exec_driver_sql("DROP INDEX ix_emails_queue")  # 0007
        conn.exec_driver_sql("DROP INDEX ix_audit_actor")
        conn.exec_driver_sql("DROP TABLE presence")
        for column in ("claim_expires_at", "claim_kind", "claim_owner"):
            conn.exec_driver_sql(f"ALTER TABLE emails DROP COLUMN {column}")
        conn.exec_driver_sql("DROP INDEX ix_emails_thread")  # 0006
        conn.exec_driver_sql("ALTER TABLE emails DROP COLUMN erased_at")
        conn.exec_driver_sql("DROP TABLE thread_subjects")  # 0004
        conn.exec_driver_sql("DROP TABLE imap_folders")
        conn.exec_driver_sql("DROP TABLE imap_skipped")
        conn.exec_driver_sql("DROP TABLE imap_sent")
        conn.exec_driver_sql("DROP INDEX ix_emails_message_id")
    db.close()
    with Desk(settings) as upgraded:
        (second,) = upgraded.import_messages([("b", mail(2, "AW: Zählerstand"))]).email_ids
        assert thread(upgraded, second) == thread(upgraded, first)
