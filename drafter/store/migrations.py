"""Schema migrations: Alembic revisions (drafter/store/alembic), run programmatically.

`upgrade(db)` brings a database to `schema.SCHEMA_REVISION` inside one write transaction (on
PostgreSQL after an advisory lock, on SQLite under BEGIN IMMEDIATE), so concurrent processes
never migrate twice and a failed upgrade leaves the previous revision intact. Opening an
up-to-date database only reads `alembic_version` (Alembic itself is imported only to
migrate). A pre-Alembic database (a `schema_version` table, versions 1-6, written by the
hand-written steps drafter shipped before) is stamped with the matching revision first and
upgraded in place. A new SQLite database is marked "born secure" (see `_born_secure`). See
drafter/store/alembic/README.md.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, inspect, text

from drafter.errors import StoreError
from drafter.store import schema

SCRIPTS = Path(__file__).parent / "alembic"
LEGACY = {n: f"{n:04d}" for n in range(1, 7)}  # former schema_version -> revision
_LOCK_KEY = 0x64726166  # pg_advisory_xact_lock key for migrations ("draf")


class Transactions(Protocol):
    """What migrating needs of drafter.store.db.Database (which calls `upgrade` when it opens,
    so this module does not import db: no import circle)."""

    def read(self) -> AbstractContextManager[Connection]: ...

    def write(self) -> AbstractContextManager[Connection]: ...


def current_revision(conn: Connection) -> str | None:
    """The database's revision: Alembic's, else the legacy version's; None when empty."""
    tables = inspect(conn)
    if tables.has_table("alembic_version"):
        found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if found is not None:
            return str(found)
    if tables.has_table("schema_version"):
        version = int(conn.execute(text("SELECT max(version) FROM schema_version")).scalar() or 0)
        if version == 0:
            return None
        return LEGACY.get(version, f"legacy-{version}")
    return None


def _config(conn: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.attributes["connection"] = conn
    return config


def revisions() -> list[str]:
    """Every known revision, oldest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory(str(SCRIPTS))
    return [s.revision for s in reversed(list(scripts.walk_revisions()))]


def upgrade(db: Transactions, target: str = "head") -> str:
    """Apply pending revisions up to `target` (default: the head); return the new revision."""
    if target == "head":
        with db.read() as conn:
            if current_revision(conn) == schema.SCHEMA_REVISION:
                return schema.SCHEMA_REVISION
    from alembic import command

    with db.write() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text(f"SELECT pg_advisory_xact_lock({_LOCK_KEY})"))
        found = current_revision(conn)
        known = revisions()
        if found is not None and found not in known:
            raise StoreError(
                f"the database has schema revision {found}, newer than this drafter "
                f"({schema.SCHEMA_REVISION})",
                hint="upgrade drafter, or point DRAFTER_DATABASE_URL at another database",
            )
        config = _config(conn)
        if found is not None and not inspect(conn).has_table("alembic_version"):
            command.stamp(config, found)  # a pre-Alembic database: start from its version
        command.upgrade(config, target)
        if found is None and conn.dialect.name == "sqlite":
            _born_secure(conn)
        return current_revision(conn) or ""


def _born_secure(conn: Connection) -> None:
    """A database created by this version had `secure_delete` on from its first write, so
    no freed content was ever left unzeroed: erasure never needs the one-time VACUUM that
    older databases get (drafter.privacy_ops.physical.ever_compacted reads this row)."""
    from drafter.store import audit

    audit.record(
        conn, "drafter", "privacy_compact", vacuumed=True, reason="created with secure_delete on"
    )
