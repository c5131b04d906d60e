"""Schema migrations (Alembic) on a real SQLite file and a real PostgreSQL database: fresh
install, upgrade from revision 0001, in-place upgrade of pre-Alembic v1-v6 databases, guards."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, inspect, text
from sqlalchemy.exc import DBAPIError

from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import StoreError
from drafter.store import schema
from drafter.store.db import open_database
from drafter.store.migrations import current_revision, revisions, upgrade
from tests import legacy_migrations


def _columns(conn, table: str) -> dict[str, bool]:
    return {c["name"]: bool(c["nullable"]) for c in inspect(conn).get_columns(table)}


def _matches_schema(conn) -> None:
    for table in schema.metadata.sorted_tables:
        expected = {c.name: bool(c.nullable) for c in table.columns}
        assert _columns(conn, table.name) == expected, table.name
    assert not inspect(conn).has_table("schema_version")


def test_head_is_the_schema_revision() -> None:
    assert revisions()[-1] == schema.SCHEMA_REVISION
    assert revisions() == sorted(revisions())


def test_sqlite_database_is_wal(settings: Settings) -> None:
    db = open_database(settings)
    with db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert (settings.data_dir / "drafter.db").exists()


def test_fresh_database_is_latest(db_settings: Settings) -> None:
    db = open_database(db_settings)
    with db.read() as conn:
        assert current_revision(conn) == schema.SCHEMA_REVISION
        _matches_schema(conn)
        kinds = {c["name"]: c["type"] for c in inspect(conn).get_columns("emails")}
    if not db.is_sqlite:  # timestamps with time zone on PostgreSQL
        assert "TIME ZONE" in str(kinds["received_at"].compile(dialect=db.engine.dialect))
    # opening again applies nothing and keeps the revision
    assert upgrade(open_database(db_settings, migrate=False)) == schema.SCHEMA_REVISION


def test_upgrade_from_revision_1_keeps_data_and_matches_schema(db_settings: Settings) -> None:
    db = open_database(db_settings, migrate=False)
    assert upgrade(db, target="0001") == "0001"
    now = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
    with db.write() as conn:
        assert "search_text" not in _columns(conn, "emails")
        conn.execute(
            text(
                "INSERT INTO emails (id, import_key, message_id, thread_key, sender, subject, "
                "language, contact_reason, parse_status, status, claimed_by, warnings, "
                "received_at, imported_at, updated_at, source, raw, email_json) VALUES "
                "(1, 'k1', '<m1@x>', '<m1@x>', 'Anna Schulz <anna@example.org>', "
                "'Abschlag ÄNDERN', 'de', '', 'ok', 'ready', '', 0, :t, :t, :t, 'a.eml', "
                ":raw, '{}')"
            ),
            {"t": now, "raw": b"\x00"},
        )
        conn.execute(
            text(
                "INSERT INTO draft_versions (id, email_id, number, source, body, body_sha256, "
                "author, created_at, mode, prompt_name, prompt_version, model, warnings, "
                "draft_json) VALUES (1, 1, 1, 'generated', 'Hallo', 'h', 'agent', :t, "
                "'extractive', 'reply', '1', '', 0, '{}')"
            ),
            {"t": now},
        )
    assert upgrade(db) == schema.SCHEMA_REVISION
    with db.read() as conn:
        _matches_schema(conn)
        row = conn.execute(text("SELECT search_text, first_ready_at, raw FROM emails")).one()
        assert row.search_text == "anna schulz <anna@example.org> abschlag ändern"
        assert row.first_ready_at is not None
        assert bytes(row.raw) == b"\x00"
        versions = conn.execute(text("SELECT instruction, duration_s FROM draft_versions"))
        assert versions.one() == ("", 0)


def test_pre_alembic_v3_sqlite_database_upgrades_in_place(settings: Settings) -> None:
    """A database written by the released v1-v3 migration code opens with the new code."""
    old = open_database(settings, migrate=False)
    assert legacy_migrations.upgrade(old, target=3) == 3
    with old.write() as conn:
        conn.execute(
            text(
                "INSERT INTO emails (id, import_key, message_id, thread_key, sender, subject, "
                "language, contact_reason, parse_status, status, claimed_by, claimed_at, "
                "warnings, received_at, imported_at, updated_at, source, raw, email_json, "
                "search_text, urgency) VALUES (7, 'k7', '<m7@x>', '<m7@x>', 'a <a@x.org>', "
                "'Zählerstand', 'de', '', 'ok', 'in_review', 'ben', :t, 0, :t, :t, :t, '', "
                ":raw, :js, 'a zählerstand', '')"
            ),
            {"t": dt.datetime(2026, 3, 1, 9, 0), "raw": b"x", "js": '{"subject": "Zählerstand"}'},
        )
        conn.execute(
            text(
                "INSERT INTO audit_log (at, actor, action, email_id, detail) "
                "VALUES (:t, 'ben', 'claimed', 7, '')"
            ),
            {"t": dt.datetime(2026, 3, 1, 9, 0)},
        )
    db = open_database(settings)  # the new code path
    with db.read() as conn:
        assert current_revision(conn) == schema.SCHEMA_REVISION
        _matches_schema(conn)
        row = conn.execute(text("SELECT status, claimed_by, claim_expires_at FROM emails")).one()
        assert (row.status, row.claimed_by, row.claim_expires_at) == ("in_review", "ben", None)
    desk = Desk(settings.model_copy(update={"agent_id": "anna"}), db=db)
    # ben's claim had no lease: it is free after the upgrade, anna can take it
    desk.claim(7)
    assert desk.email(7).claimed_by == "anna"
    assert [e.actor for e in desk.audit(7)] == ["ben", "anna"]
    with pytest.raises(DBAPIError, match="append-only"), db.write() as conn:
        conn.execute(text("DELETE FROM audit_log"))


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6])
def test_every_pre_alembic_version_is_stamped_and_upgraded(
    settings: Settings, version: int
) -> None:
    old = open_database(settings, migrate=False)
    assert legacy_migrations.upgrade(old, target=version) == version
    old.close()
    db = open_database(settings)
    with db.read() as conn:
        assert current_revision(conn) == schema.SCHEMA_REVISION
        _matches_schema(conn)


def _v6_database(settings: Settings, lease_until: dt.datetime) -> None:
    """A v6 database as main's released code wrote it: two emails, an IMAP sync position,
    a rejection, an audit trail, and email 2 under a drafting lease of `cron1`'s process."""
    old = open_database(settings, migrate=False)
    assert legacy_migrations.upgrade(old) == 6
    t = dt.datetime(2026, 3, 1, 9, 0)
    with old.write() as conn:
        for email_id, status in ((1, "ready"), (2, "drafting")):
            conn.execute(
                text(
                    "INSERT INTO emails (id, import_key, message_id, thread_key, sender, "
                    "subject, language, contact_reason, parse_status, status, claimed_by, "
                    "warnings, received_at, imported_at, updated_at, source, raw, email_json, "
                    "search_text, urgency, lease_owner, lease_until, erased_at) VALUES "
                    "(:i, :k, :m, :m, 'a <a@x.org>', 'Zählerstand', 'de', '', 'ok', :s, '', 0, "
                    ":t, :t, :t, '', :raw, '{}', 'a zählerstand', '', :owner, :until, NULL)"
                ),
                {"i": email_id, "k": f"k{email_id}", "m": f"<m{email_id}@x>", "s": status,
                 "t": t, "raw": b"x", "owner": "cron1@box:4711:abcd1234" if email_id == 2
                 else "", "until": lease_until if email_id == 2 else None},
            )  # fmt: skip
        conn.execute(
            text(
                "INSERT INTO imap_folders (mailbox, uidvalidity, last_uid, updated_at) "
                "VALUES ('service@imap:993/INBOX', 1700000000, 42, :t)"
            ),
            {"t": t},
        )
        conn.execute(
            text(
                "INSERT INTO audit_log (at, actor, action, email_id, detail) "
                "VALUES (:t, 'cron1', 'draft_started', 2, '')"
            ),
            {"t": t},
        )
    old.close()


def test_v6_database_with_a_live_drafting_lease_opens_and_keeps_its_data(
    settings: Settings,
) -> None:
    """main's v6 (IMAP state, DSGVO columns, a live hostile-input drafting lease) upgrades in
    place: the data stays and the live lease is now a drafting claim nobody else can take."""
    live = dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(seconds=60)
    _v6_database(settings, live)
    db = open_database(settings)
    with db.read() as conn:
        assert current_revision(conn) == schema.SCHEMA_REVISION
        _matches_schema(conn)
        assert "lease_owner" not in _columns(conn, "emails")
        folders = conn.execute(text("SELECT mailbox, uidvalidity, last_uid FROM imap_folders"))
        assert folders.all() == [("service@imap:993/INBOX", 1700000000, 42)]
        rows = conn.execute(
            text("SELECT id, status, claimed_by, claim_kind, claim_owner FROM emails ORDER BY id")
        ).all()
    assert [tuple(r) for r in rows] == [
        (1, "ready", "", "", ""),
        (2, "drafting", "cron1", "drafting", "cron1@box:4711:abcd1234"),
    ]
    desk = Desk(settings.model_copy(update={"agent_id": "anna"}), db=db)
    assert desk.email(2).status == "drafting"  # recover() leaves a live claim alone
    assert 2 not in desk.pending_drafts()
    with pytest.raises(StoreError, match="being drafted by cron1"):
        desk.claim(2)
    assert [e.action for e in desk.audit(2)] == ["draft_started"]


def test_v6_database_with_an_expired_drafting_lease_is_recovered(settings: Settings) -> None:
    _v6_database(settings, dt.datetime(2026, 3, 1, 9, 0, 30))
    desk = Desk(settings.model_copy(update={"agent_id": "anna"}))
    assert desk.email(2).status == "new"  # the crashed drafter's email is back
    assert 2 in desk.pending_drafts()
    assert desk.claim(2).agent == "anna"


def test_audit_log_is_append_only(db_settings: Settings) -> None:
    db = open_database(db_settings)
    with db.write() as conn:
        conn.execute(
            insert(schema.audit_log).values(
                at=dt.datetime.now(dt.UTC), actor="a", action="x", detail=""
            )
        )
    for statement in ("UPDATE audit_log SET actor = 'b'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), db.write() as conn:
            conn.execute(text(statement))
    if not db.is_sqlite:
        with pytest.raises(DBAPIError, match="append-only"), db.write() as conn:
            conn.execute(text("TRUNCATE audit_log"))
    with db.read() as conn:
        rows = conn.execute(text("SELECT actor FROM audit_log WHERE action = 'x'")).scalars()
        assert rows.all() == ["a"]


def test_newer_database_is_refused(db_settings: Settings) -> None:
    db = open_database(db_settings)
    with db.write() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError) as err:
        open_database(db_settings)
    assert "9999" in err.value.message
    assert "upgrade drafter" in err.value.hint


def test_unwritable_data_dir_is_a_store_error(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as err:
        open_database(Settings(data_dir=blocker / "sub"))
    assert "DRAFTER_DATA_DIR" in err.value.hint
