"""DSGVO erasure on both backends: `drafter privacy forget` closes the person's open emails
through the state machine (audited `erased`) and rewrites their audit rows, also under
PostgreSQL's append-only trigger (disabled only inside the erasure transaction)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from drafter.config import Settings
from drafter.desk import Desk
from drafter.store import audit
from tests.cli import run_cli
from tests.integration.desk_helpers import queue_emails


def test_forget_closes_open_emails_and_keeps_the_log_append_only(db_settings: Settings) -> None:
    desk = Desk(db_settings)
    first, second = queue_emails(desk, 2)  # kunde0@ and kunde1@example.org
    with desk.db.write() as conn:  # an audit row that names the person
        audit.record(conn, "agent", "note", first, said="kunde0@example.org rief an")
    env = {"DRAFTER_DATABASE_URL": db_settings.db_url}
    result = run_cli("privacy", "forget", "--email", "kunde0@example.org", "--yes", env=env)
    assert result.returncode == 0, result.stderr
    assert desk.email(first).status == "rejected"
    assert desk.email(second).status == "new"  # the other customer is untouched
    rows = desk.audit(first)
    assert "erased" in [e.action for e in rows]
    assert "kunde0@example.org" not in str([e.detail for e in rows])
    with pytest.raises(DBAPIError, match="append-only"), desk.db.write() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'x'"))
    desk.close()
