"""Physical erasure: compacting the database, deleting and finding files.

On SQLite `secure_delete` (set for every connection in drafter.store.db) zeroes freed
content; `compact` pushes the zeroed pages into the database file and empties the WAL
(`wal_checkpoint(TRUNCATE)`), and VACUUMs when asked (once per database, see
`ever_compacted`). Files are overwritten with zeros, then unlinked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from drafter.store.db import Database
from drafter.store.schema import audit_log


def delete_files(paths: Iterable[Path]) -> int:
    """Overwrite (best effort) and unlink files; returns how many were removed."""
    removed = 0
    for path in paths:
        try:
            size = path.stat().st_size
            with path.open("r+b") as handle:
                handle.write(b"\0" * size)
                handle.flush()
            path.unlink()
            removed += 1
        except FileNotFoundError:
            continue
    return removed


def compact(db: Database, *, vacuum: bool = True) -> dict[str, Any]:
    """Make erasure physical on SQLite: VACUUM (rebuilds the file, drops free pages) when
    asked, then `wal_checkpoint(TRUNCATE)` (the erased pages reach the database file and the
    WAL is emptied). PostgreSQL: a plain VACUUM (see docs/privacy.md for what it does not do).
    """
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if db.is_sqlite:
            cursor.execute("PRAGMA secure_delete=ON")
            if vacuum:
                cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            busy = (cursor.fetchone() or (1,))[0]
            return {"vacuum": vacuum, "wal_truncated": busy == 0}
        if vacuum:  # VACUUM cannot run inside a transaction
            dbapi: Any = raw.dbapi_connection
            dbapi.autocommit = True
            try:
                cursor.execute("VACUUM")
            finally:
                dbapi.autocommit = False
        return {"vacuum": vacuum, "wal_truncated": None}  # no WAL file to empty
    finally:
        raw.close()


def ever_compacted(conn: Connection) -> bool:
    """Whether this database was VACUUMed by drafter since secure_delete is on (issue 15).

    Content deleted before secure_delete was on may sit in free pages; one VACUUM removes
    it. After that, secure_delete zeroes what every erasure frees, so later erasures need
    only the WAL checkpoint."""
    rows = conn.execute(
        select(audit_log.c.detail).where(
            audit_log.c.action.in_(("privacy_forget", "privacy_purge", "privacy_compact"))
        )
    ).scalars()
    return any('"vacuumed": true' in str(d) for d in rows)


def scan_files(root: Path, needles: list[str], *, skip: Iterable[Path] = ()) -> list[Path]:
    """Files under `root` whose bytes contain any needle (UTF-8, case-insensitive); `skip`
    names files and folders not to read."""
    if not root.is_dir() or not needles:
        return []
    patterns = [
        re.compile(rb"(?<![A-Za-z0-9])" + re.escape(n.encode("utf-8")) + rb"(?![A-Za-z0-9])", re.I)
        for n in needles
    ]
    skipped = {p.resolve() for p in skip}
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        resolved = path.resolve()
        if resolved in skipped or any(parent in skipped for parent in resolved.parents):
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if any(p.search(data) for p in patterns):
            found.append(path)
    return found
