"""`drafter privacy forget`'s exit code says whether the person is gone (desk25).

"No" at the confirmation erased nothing: exit 1 and "nothing erased" (it exited 130 with
"aborted", as for ctrl+c). A backup the erasure could not be applied to is an error: exit 1 with
a line naming the backup, never a traceback, and the live database stays erased with its
tombstone (it exited 0 after the error line: `ctx.exit(1)` went nowhere without click's
standalone mode; a backup without the vaults table ended in a SQLAlchemy traceback).
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from drafter.config import Settings
from drafter.desk import Desk
from drafter.store import audit
from drafter.store.db import open_database
from tests.cli import run_cli
from tests.integration.desk_helpers import queue_emails

ADDRESS = "kunde0@example.org"  # queue_emails' first customer


def _queue(settings: Settings) -> list[int]:
    desk = Desk(settings)
    try:
        return queue_emails(desk, 2)  # kunde0@ and kunde1@
    finally:
        desk.close()


def _bodies(settings: Settings, ids: list[int]) -> list[str]:
    desk = Desk(settings)
    try:
        return [desk.email(i).email.body for i in ids]
    finally:
        desk.close()


def _actions(settings: Settings) -> list[str]:
    db = open_database(settings)
    try:
        with db.read() as conn:
            return [e.action for e in audit.entries(conn)]
    finally:
        db.close()


def test_no_at_the_confirmation_erases_nothing_and_exits_1(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _queue(settings)
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))  # the operator answers "no"
    result = run_cli("privacy", "forget", "--email", ADDRESS)
    assert result.returncode == 1, result.stderr
    assert "nothing erased" in result.stderr and "cannot be undone" in result.stderr
    assert "erased 1 email" not in result.stdout
    assert all(_bodies(settings, ids))  # both mails kept
    assert "privacy_forget" not in _actions(settings)


def _break_backup(path: Path, how: str) -> None:
    if how == "garbage":
        path.write_bytes(b"not a database at all " * 200)
    else:  # a SQLite file, but not a whole drafter database
        conn = sqlite3.connect(path)
        conn.execute("DROP TABLE vaults")
        conn.commit()
        conn.close()


@pytest.mark.parametrize("how", ["garbage", "no_vaults_table"])
def test_a_backup_the_erasure_fails_on_exits_1_naming_it(settings: Settings, how: str) -> None:
    ids = _queue(settings)
    assert run_cli("backup").returncode == 0
    (backup,) = sorted((settings.data_dir / "backups").glob("drafter-*.db"))
    _break_backup(backup, how)
    result = run_cli("privacy", "forget", "--email", ADDRESS, "--yes")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"error: the backup {backup} was left as it is" in result.stderr
    assert "erased 1 email" in result.stdout  # the live erasure is reported ...
    assert _bodies(settings, ids) == ["", _bodies(settings, ids)[1]]  # ... and done
    assert _bodies(settings, ids)[1]
    assert _actions(settings)[-1] == "privacy_forget"  # with its tombstone


def test_purge_exits_1_when_a_backup_is_left_as_it_is(settings: Settings) -> None:
    """The same lost exit code in `privacy purge`: the error line, then exit 0."""
    _queue(settings)
    assert run_cli("backup").returncode == 0
    (backup,) = sorted((settings.data_dir / "backups").glob("drafter-*.db"))
    _break_backup(backup, "no_vaults_table")
    result = run_cli("privacy", "purge", env={"DRAFTER_RETENTION_DAYS": "30"})
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"error: the backup {backup} was left as it is" in result.stderr
