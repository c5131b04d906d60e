"""Schema migrations on a real SQLite file: fresh install, upgrade from version 1, guards."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import insert, inspect, text
from sqlalchemy.exc import IntegrityError

from drafter.config import Settings
from drafter.errors import StoreError
from drafter.store import schema
from drafter.store.db import open_database
from drafter.store.migrations import current_version, upgrade


def _columns(conn, table: str) -> dict[str, bool]:
    return {c["name"]: bool(c["nullable"]) for c in inspect(conn).get_columns(table)}


def test_fresh_database_is_wal_and_latest(settings: Settings) -> None:
    db = open_database(settings)
    with db.read() as conn:
        assert current_version(conn) == schema.SCHEMA_VERSION
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert (settings.data_dir / "drafter.db").exists()
    # opening again applies nothing and keeps the version
    assert upgrade(open_database(settings, migrate=False)) == schema.SCHEMA_VERSION


def test_upgrade_from_version_1_keeps_data_and_matches_schema(settings: Settings) -> None:
    db = open_database(settings, migrate=False)
    assert upgrade(db, target=1) == 1
    now = dt.datetime(2026, 3, 1, 9, 0)
    with db.write() as conn:
        assert "search_text" not in _columns(conn, "emails")
        conn.execute(
            text(
                "INSERT INTO emails (id, import_key, message_id, thread_key, sender, subject, "
                "language, contact_reason, parse_status, status, claimed_by, warnings, "
                "received_at, imported_at, updated_at, source, raw, email_json) VALUES "
                "(1, 'k1', '<m1@x>', '<m1@x>', 'Anna Schulz <anna@example.org>', "
                "'Abschlag ÄNDERN', 'de', '', 'ok', 'ready', '', 0, :t, :t, :t, 'a.eml', "
                "x'00', '{}')"
            ),
            {"t": now},
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
    assert upgrade(db) == schema.SCHEMA_VERSION
    with db.read() as conn:
        for table in schema.metadata.sorted_tables:
            expected = {c.name: bool(c.nullable) for c in table.columns}
            assert _columns(conn, table.name) == expected, table.name
        row = conn.execute(text("SELECT search_text, first_ready_at, raw FROM emails")).one()
        assert row.search_text == "anna schulz <anna@example.org> abschlag ändern"
        assert row.first_ready_at is not None
        assert bytes(row.raw) == b"\x00"
        versions = conn.execute(text("SELECT instruction, duration_s FROM draft_versions"))
        assert versions.one() == ("", 0)
        versions = conn.execute(text("SELECT version FROM schema_version")).scalars().all()
        assert versions == list(range(1, schema.SCHEMA_VERSION + 1))


def test_audit_log_is_append_only(settings: Settings) -> None:
    db = open_database(settings)
    with db.write() as conn:
        conn.execute(
            insert(schema.audit_log).values(
                at=dt.datetime.now(dt.UTC), actor="a", action="x", detail=""
            )
        )
    for statement in ("UPDATE audit_log SET actor = 'b'", "DELETE FROM audit_log"):
        with pytest.raises(IntegrityError, match="append-only"), db.write() as conn:
            conn.execute(text(statement))
    with db.read() as conn:
        rows = conn.execute(text("SELECT actor FROM audit_log WHERE action = 'x'")).scalars()
        assert rows.all() == ["a"]


def test_newer_database_is_refused(settings: Settings) -> None:
    db = open_database(settings)
    with db.write() as conn:
        conn.execute(
            insert(schema.schema_version).values(version=99, applied_at=dt.datetime.now(dt.UTC))
        )
    with pytest.raises(StoreError) as err:
        open_database(settings)
    assert "99" in err.value.message
    assert "upgrade drafter" in err.value.hint


def test_unwritable_data_dir_is_a_store_error(tmp_path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as err:
        open_database(Settings(data_dir=blocker / "sub"))
    assert "DRAFTER_DATA_DIR" in err.value.hint
