"""Broken state: every damaged file gives a one-line error with a hint and exit 2 (never a
traceback), a damaged database is never written to, and the documented repair works."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from drafter.cli.main import main
from drafter.config import Settings
from drafter.desk import Desk
from tests.conftest import ROOT

INBOX = ROOT / "examples" / "inbox"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main(list(args))
    out, err = capsys.readouterr()
    return int(stop.value.code or 0), out, err


def _one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err
    assert len(lines) == 2 and lines[0].startswith("error: ") and lines[1].startswith("hint: ")
    return err


@pytest.fixture
def data(tmp_path: Path) -> Path:
    data = tmp_path / "drafter-data"
    with Desk(Settings(data_dir=data)) as desk:
        desk.import_messages((p.name, p.read_bytes()) for p in sorted(INBOX.glob("*.eml"))[:10])
    return data


def _header(db: Path) -> None:
    with db.open("r+b") as fh:
        fh.write(b"garbage!garbage!")


def _empty(db: Path) -> None:
    db.write_bytes(b"")


def _inner(db: Path) -> None:
    with db.open("r+b") as fh:  # page 3: a b-tree page of the schema
        fh.seek(2 * 4096)
        fh.write(os.urandom(64))


def _unread(db: Path) -> None:
    """A page that listing the queue never reads: only quick_check on open notices it."""
    with sqlite3.connect(db) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        page = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'ix_audit_email' AND pagetype = 'leaf'"
        ).fetchone()[0]
    with db.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\xff" * 16)


@pytest.mark.parametrize(
    "damage", [_header, _empty, _inner, _unread], ids=["header", "empty", "inner", "unread"]
)
def test_a_damaged_database_is_refused_untouched_and_restored_from_backup(
    data: Path, damage: Callable[[Path], None], capsys: pytest.CaptureFixture[str]
) -> None:
    db = data / "drafter.db"
    code, out, _ = _run(capsys, "backup")
    assert code == 0 and "backup written" in out
    backup = Path(out.split("backup written: ")[1].split(" (")[0])
    damage(db)
    before = db.read_bytes()
    for args in (["inbox", "list"], ["inbox", "import", str(INBOX)], ["inbox", "draft"]):
        code, _, err = _run(capsys, *args)
        assert code == 2, args
        _one_line_error(err)
        assert "damaged" in err and str(backup) in err  # the hint names the last backup
    assert db.read_bytes() == before  # never written to
    code, out, _ = _run(capsys, "doctor")
    assert code == 1 and "PROBLEM database" in out
    # the documented repair: move the damaged file away, copy the backup in its place
    db.rename(db.with_suffix(".damaged"))
    for leftover in (data / "drafter.db-wal", data / "drafter.db-shm"):
        leftover.unlink(missing_ok=True)
    shutil.copy(backup, db)
    code, out, _ = _run(capsys, "inbox", "list", "--json")
    assert code == 0 and out.count('"email_id"') == 10


def test_backup_is_a_consistent_checked_copy(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = data.parent / "copy.db"
    code, out, _ = _run(capsys, "backup", "--out", str(target))
    assert code == 0 and str(target) in out
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM emails").fetchone() == (10,)
    code, _, err = _run(capsys, "backup", "--out", str(target))
    assert code == 2 and "already exists" in _one_line_error(err)


def test_a_backup_is_one_file(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every backup left copy.db-wal and copy.db-shm beside it (the copy kept the database's
    WAL mode and its read-only check could not remove them): three files to carry away, two of
    them looking like a database in use. The copy is now a plain one-file database."""
    target = data.parent / "copy.db"
    code, _, _ = _run(capsys, "backup", "--out", str(target))
    assert code == 0
    assert sorted(p.name for p in target.parent.glob("copy.db*")) == ["copy.db"]
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM emails").fetchone() == (10,)


# The knowledge-base index's damage cases: tests/integration/test_kb_damage.py
