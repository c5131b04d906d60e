"""A new SQLite state database is never an empty file (a run killed while creating it left a
0-byte drafter.db that every later start refused as damaged; seen in the IMAP kill test)."""

import sqlite3
from pathlib import Path

from drafter.store import health
from drafter.store.db import make_engine


def test_a_new_database_file_has_its_header_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "data" / "drafter.db"
    make_engine(f"sqlite:///{path}")
    assert path.stat().st_size > 0
    health.check_header(path)  # a valid SQLite file already, not an empty one
    assert sorted(p.name for p in path.parent.iterdir()) == ["drafter.db"]  # no temp left


def test_an_existing_database_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "drafter.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kept (x)")
    conn.commit()
    conn.close()
    health.create_whole(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("kept",)]
    conn.close()
