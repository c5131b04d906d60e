"""Database access: the engine (SQLite in WAL mode by default), transactions and time.

SQLite connections run with `secure_delete` on, so deleted content is overwritten with
zeros (drafter.privacy_ops erases personal data physically, not just logically).

`open_database(settings)` builds the engine from `settings.db_url`, applies pending
migrations and returns a `Database`. Writes go through `Database.write()` (on SQLite a
`BEGIN IMMEDIATE` transaction, so two processes never deadlock upgrading a read lock);
reads through `Database.read()`. Every commit is durable before the call returns.
A SQLite file is checked before use (drafter.store.health: header, empty file, quick_check
after an unclean close) and an error that says the file is damaged stops every write.
"""

from __future__ import annotations

import atexit
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    IntegrityError,
    OperationalError,
    SQLAlchemyError,
)

from drafter.config import Settings
from drafter.errors import StoreError
from drafter.store import disk, health


def sqlite_path(url: str) -> Path | None:
    """The file of a sqlite:/// URL (None for other databases and :memory:)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url in (prefix, prefix + ":memory:"):
        return None
    return Path(url[len(prefix) :].split("?", 1)[0])


def safe_url(url: str) -> str:
    """The database URL as drafter shows it: the password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1] if "@" in url else url


def unreachable(url: str, exc: DatabaseError) -> StoreError:
    """A database server (PostgreSQL) that cannot be reached or refuses the login: what is
    wrong and what to do about it, never the password."""
    text = " ".join(str(exc.orig).split())
    low = text.lower()
    if "password authentication failed" in low:
        role = _role(url)
        hint = (
            f"the password in DRAFTER_DATABASE_URL is not the role {role}'s: correct it, or "
            f"give the role that password (as postgres: ALTER ROLE {role} PASSWORD '...'); "
            "docs/deploy.md"
        )
    elif "password" in low:
        hint = (
            "put the role's password into DRAFTER_DATABASE_URL "
            "(postgresql+psycopg://drafter:PASSWORD@host/drafter) or into ~/.pgpass: Debian's "
            "PostgreSQL asks for one on TCP connections (docs/deploy.md)"
        )
    elif "does not exist" in low:
        hint = "create the role and the database (docs/deploy.md) or fix DRAFTER_DATABASE_URL"
    else:
        hint = (
            "start PostgreSQL, or fix the host and port in DRAFTER_DATABASE_URL; nothing was "
            "changed, so try again once it answers"
        )
    return StoreError(f"cannot reach the database {safe_url(url)}: {text}", hint=hint)


def _role(url: str) -> str:
    """The database role a URL logs in as ("drafter" when it names none)."""
    try:
        return make_url(url).username or "drafter"
    except ArgumentError:
        return "drafter"


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets WAL, full fsync, foreign keys and a busy timeout.
    `postgres://` (libpq's and Docker's spelling) is PostgreSQL through psycopg."""
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://") :]
    if not url.startswith("sqlite"):
        try:
            return create_engine(url, pool_pre_ping=True)
        except (SQLAlchemyError, ImportError) as exc:
            raise StoreError(
                f"cannot use database URL {safe_url(url)!r}: {exc}",
                hint="fix DRAFTER_DATABASE_URL (e.g. postgresql+psycopg://user@host/db) and "
                "install its driver",
            ) from exc
    path = sqlite_path(url)
    if path is not None:
        health.check_on_open(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the database folder {path.parent}: {exc.strerror}",
                hint="set DRAFTER_DATA_DIR or DRAFTER_DATABASE_URL to a writable place",
            ) from exc
        health.create_whole(path)
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA secure_delete=ON")  # deleted content is zeroed (issue 15)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """The state database: an engine plus read and write transactions."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        self.path = sqlite_path(str(engine.url)) if self.is_sqlite else None
        self.closed = False

    def _damaged(self, exc: DatabaseError) -> StoreError | None:
        text = str(exc.orig).lower()
        if self.path is not None and ("malformed" in text or "not a database" in text):
            return health.damaged(self.path, str(exc.orig))
        return None

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction, committed (durably) when the block ends without error."""
        try:
            with self.engine.connect() as conn:
                if self.is_sqlite:
                    conn.execution_options(sqlite_begin="IMMEDIATE")
                with conn.begin():
                    yield conn
        except IntegrityError:
            raise  # a constraint violation is a bug in the caller, not a database problem
        except DatabaseError as exc:
            raise (
                self._damaged(exc) or self._storage(exc) or self._server(exc)
                or _refused(exc, self.path)
            ) from exc  # fmt: skip

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except DatabaseError as exc:
            damaged = self._damaged(exc) or self._storage(exc) or self._server(exc)
            if damaged is None:
                raise
            raise damaged from exc

    def _server(self, exc: DatabaseError) -> StoreError | None:
        """A database server that does not answer (PostgreSQL stopped, restarting, refusing
        the login): a StoreError with a hint, so desks and commands say so instead of
        ending with a traceback."""
        if self.is_sqlite or not isinstance(exc, OperationalError):
            return None
        text = str(exc.orig).lower()
        lost = "connection" in text or "not currently accepting" in text
        if not (lost or exc.connection_invalidated):
            return None  # e.g. a deadlock: the server answered
        return unreachable(str(self.engine.url), exc)

    def _storage(self, exc: DatabaseError) -> StoreError | None:
        """A full or read-only disk behind an I/O error (SQLite cannot even read then)."""
        if self.path is None or not isinstance(exc, OperationalError):
            return None
        return disk.storage_problem(self.path)

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close every connection; a SQLite file is then stamped as cleanly closed."""
        if self.closed:
            return
        self.closed = True
        self.engine.dispose()
        if self.path is not None:
            health.stamp_clean(self.path)


def _refused(exc: DatabaseError, path: Path | None) -> StoreError:
    text = str(exc.orig)
    if "readonly" in text.replace(" ", "").lower() or "read-only" in text.lower():
        return StoreError(
            f"the database {path or ''} is read-only: {text}".replace("  ", " "),
            hint="make the data folder writable (DRAFTER_DATA_DIR), or point "
            "DRAFTER_DATA_DIR at a writable copy",
        )
    if "disk is full" in text.lower() or "database or disk is full" in text.lower():
        return StoreError(
            f"the disk holding the database {path or ''} is full: {text}",
            hint="free some space, then try again (nothing was half-written)",
        )
    return StoreError(
        f"the database refused a write: {text}",
        hint="another drafter process may hold a lock; try again, or check that "
        "the database file is writable",
    )


def open_database(settings: Settings, *, url: str | None = None, migrate: bool = True) -> Database:
    """Open (and create or upgrade) the state database named by `settings.db_url`."""
    from drafter.store.migrations import upgrade

    db = Database(make_engine(url or settings.db_url))
    atexit.register(db.close)  # a clean close is stamped, so the next open skips quick_check
    if migrate:
        try:
            upgrade(db)
        except DatabaseError as exc:
            damaged = db._damaged(exc)
            if damaged is not None:
                raise damaged from exc
            if not isinstance(exc, OperationalError):
                raise
            storage = db._storage(exc) or db._server(exc)
            if storage is not None:
                raise storage from exc
            raise StoreError(
                f"cannot open the database {safe_url(url or settings.db_url)}: {exc.orig}",
                hint="check DRAFTER_DATA_DIR / DRAFTER_DATABASE_URL and file permissions",
            ) from exc
        from drafter.store.crypto import prepare

        prepare(db, settings)  # the vault key: checked, plain vaults encrypted, attached
    return db
