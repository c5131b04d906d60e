"""The data dir beyond the live database: SQLite backups and files drafter does not manage.

`drafter backup` writes full copies of drafter.db to `<data dir>/backups/`; a restore of one
would bring an erased person back. `forget` and `purge` therefore apply the same erasure to
every SQLite backup there (`each_backup`), then VACUUM it. PostgreSQL backups (pg_dump) are
the administrator's: drafter cannot see them (docs/privacy.md).

Files in the data dir drafter never deletes on its own (an Art. 15 export, an HTML report
saved there, a hand-made copy) are listed by `mentions` when they still name the person or
hold a rejection reason typed for their mail, so whoever answers the request can delete them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from drafter.config import Settings
from drafter.errors import DrafterError
from drafter.store import health
from drafter.store.db import Database, open_database
from drafter.store.schema import rejections

from .physical import scan_files

MIN_REASON = 12  # shorter reasons ("Spam", "doppelt") are no trace of one person
# files next to a SQLite database that belong to it
_SIDECARS = ("-wal", "-shm", "-journal", ".clean")


@dataclass
class BackupProblem:
    path: Path
    message: str


def backups_of(db: Database) -> list[Path]:
    """The SQLite backups of this database in its backups folder (none for PostgreSQL)."""
    if db.path is None:
        return []
    folder = health.backup_dir(db.path)
    return sorted(p for p in folder.glob("*.db") if p.is_file()) if folder.is_dir() else []


def each_backup(
    db: Database, settings: Settings, work: Callable[[Database], object]
) -> Iterator[tuple[Path, object | BackupProblem]]:
    """Open every backup of `db` as a drafter database (upgraded in place like drafter.db),
    run `work` on it and close it; a backup that cannot be opened or erased is reported, the
    others are still done. A backup that is a SQLite file but not a whole drafter database
    (a table missing) is such a problem too, not a traceback after the live erasure."""
    for path in backups_of(db):
        try:
            copy = open_database(settings, url=f"sqlite:///{path}")
        except _FAILURES as exc:
            yield path, BackupProblem(path, _message(exc))
            continue
        try:
            yield path, work(copy)
        except _FAILURES as exc:
            yield path, BackupProblem(path, _message(exc))
        finally:
            copy.close()


# what opening or erasing one backup may raise besides drafter's own errors: SQLite's and
# SQLAlchemy's (a table missing: "no such table: vaults"), the file system's
_FAILURES = (DrafterError, SQLAlchemyError, sqlite3.Error, OSError)


def _message(exc: BaseException) -> str:
    if isinstance(exc, DrafterError):
        return exc.message
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig)
    return str(exc) or type(exc).__name__


def _managed(settings: Settings, db: Database) -> list[Path]:
    """What drafter keeps in the data dir itself (erased by other means, or holding no text
    about a person: the search index is built from the knowledge base only)."""
    paths: list[Path] = [settings.index_dir]
    for database in [db.path, *backups_of(db)]:
        if database is not None:
            paths += [database, *(database.with_name(database.name + s) for s in _SIDECARS)]
    return paths


def mentions(settings: Settings, db: Database, needles: list[str]) -> list[Path]:
    """Files under the data dir (and the outbox) that still contain one of `needles`."""
    skip = _managed(settings, db)
    roots = [settings.data_dir]
    if not settings.outbox_path.resolve().is_relative_to(settings.data_dir.resolve()):
        roots.append(settings.outbox_path)
    return [path for root in roots for path in scan_files(root, needles, skip=skip)]


def typed_reasons(conn: Connection, ids: list[int]) -> list[str]:
    """The rejection reasons agents typed for these emails: `drafter report` shows them, so a
    report saved as a file carries them (a phone number no vault knows, a relative's name)."""
    if not ids:
        return []
    query = select(rejections.c.reason).where(rejections.c.email_id.in_(ids))
    found = {str(r).strip() for r in conn.execute(query).scalars()}
    return sorted(r for r in found if len(r) >= MIN_REASON)
