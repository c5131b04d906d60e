"""The pre-Alembic migration code (steps v1-v6, as released before Alembic), kept verbatim as
a test fixture: it builds a legacy database exactly as released code did, to test the
in-place upgrade. The only changes: `schema_version` is defined here, and v5's two columns,
which the current schema no longer has (revision 0007 folded them into the claims), are
defined here too (`_V5_LEASE_OWNER`, `_V5_LEASE_UNTIL`), exactly as the released schema had them.

Original docstring: Schema migrations: a `schema_version` table and ordered, frozen steps.

Each step is a function taking a Connection and brings the schema from version n-1 to n.
Steps are never edited after a release; a change to drafter.store.schema needs a new step.
`upgrade(db)` applies every pending step, each in its own transaction together with its
`schema_version` row, so a crash mid-upgrade leaves the previous version intact.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    insert,
    inspect,
    select,
    text,
)

from drafter.errors import StoreError
from drafter.store import schema
from drafter.store.clock import utcnow
from drafter.store.db import Database

SCHEMA_VERSION = 6
schema_version = Table(
    "schema_version",
    MetaData(),
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


def _v1(conn: Connection) -> None:
    """The first release: emails, vaults, draft versions, approvals, outbox, audit log."""
    md = MetaData()
    Table(
        "schema_version",
        md,
        Column("version", Integer, primary_key=True),
        Column("applied_at", DateTime(timezone=True), nullable=False),
    )
    emails = Table(
        "emails",
        md,
        Column("id", Integer, primary_key=True),
        Column("import_key", String(512), nullable=False, unique=True),
        Column("message_id", String(998), nullable=False),
        Column("thread_key", String(998), nullable=False),
        Column("sender", String(998), nullable=False),
        Column("subject", Text, nullable=False),
        Column("language", String(8), nullable=False),
        Column("contact_reason", String(64), nullable=False),
        Column("parse_status", String(32), nullable=False),
        Column("status", String(32), nullable=False),
        Column("claimed_by", String(128), nullable=False),
        Column("claimed_at", DateTime(timezone=True), nullable=True),
        Column("warnings", Integer, nullable=False),
        Column("received_at", DateTime(timezone=True), nullable=False),
        Column("imported_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        Column("source", Text, nullable=False),
        Column("raw", LargeBinary, nullable=False),
        Column("email_json", Text, nullable=False),
    )
    Index("ix_emails_status", emails.c.status)
    Index("ix_emails_received", emails.c.received_at)
    Table(
        "vaults",
        md,
        Column("thread_key", String(998), primary_key=True),
        Column("vault_json", Text, nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    )
    Table(
        "draft_versions",
        md,
        Column("id", Integer, primary_key=True),
        Column("email_id", Integer, ForeignKey("emails.id"), nullable=False),
        Column("number", Integer, nullable=False),
        Column("source", String(16), nullable=False),
        Column("body", Text, nullable=False),
        Column("body_sha256", String(64), nullable=False),
        Column("author", String(128), nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("mode", String(16), nullable=False),
        Column("prompt_name", String(128), nullable=False),
        Column("prompt_version", String(64), nullable=False),
        Column("model", String(256), nullable=False),
        Column("warnings", Integer, nullable=False),
        Column("draft_json", Text, nullable=False),
        UniqueConstraint("email_id", "number", name="uq_draft_versions_email_number"),
    )
    approvals = Table(
        "approvals",
        md,
        Column("id", Integer, primary_key=True),
        Column("email_id", Integer, ForeignKey("emails.id"), nullable=False),
        Column("version_id", Integer, ForeignKey("draft_versions.id"), nullable=False),
        Column("approved_by", String(128), nullable=False),
        Column("approved_at", DateTime(timezone=True), nullable=False),
        Column("sha256", String(64), nullable=False),
    )
    Index("ix_approvals_email", approvals.c.email_id)
    Table(
        "outbox",
        md,
        Column("id", Integer, primary_key=True),
        Column("email_id", Integer, ForeignKey("emails.id"), nullable=False),
        Column("approval_id", Integer, ForeignKey("approvals.id"), nullable=False),
        Column("message_id", String(998), nullable=False, unique=True),
        Column("transport", String(16), nullable=False),
        Column("location", Text, nullable=False),
        Column("state", String(32), nullable=False),
        Column("attempts", Integer, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
        Column("sent_at", DateTime(timezone=True), nullable=True),
        Column("error", Text, nullable=False),
    )
    audit = Table(
        "audit_log",
        md,
        Column("id", Integer, primary_key=True),
        Column("at", DateTime(timezone=True), nullable=False),
        Column("actor", String(128), nullable=False),
        Column("action", String(64), nullable=False),
        Column("email_id", Integer, nullable=True),
        Column("detail", Text, nullable=False),
    )
    Index("ix_audit_email", audit.c.email_id)
    md.create_all(conn)


def _add_column(conn: Connection, table: str, column: Column[object], default: str) -> None:
    kind = column.type.compile(dialect=conn.dialect)
    null = "NULL" if column.nullable else f"NOT NULL DEFAULT {default}"
    conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column.name} {kind} {null}"))


def _v2(conn: Connection) -> None:
    """Rejections table, rewrite instruction and timing per version, first-ready time and a
    search column (backfilled), and an append-only audit log (enforced on SQLite)."""
    _add_column(conn, "emails", schema.emails.c.first_ready_at, "NULL")
    _add_column(conn, "emails", schema.emails.c.search_text, "''")
    _add_column(conn, "draft_versions", schema.draft_versions.c.instruction, "''")
    _add_column(conn, "draft_versions", schema.draft_versions.c.duration_s, "0")
    schema.rejections.create(conn)
    rows = conn.execute(text("SELECT id, sender, subject FROM emails")).all()
    for row in rows:  # Python's lower(): SQLite's only folds ASCII
        conn.execute(
            text("UPDATE emails SET search_text = :s WHERE id = :i"),
            {"s": f"{row.sender} {row.subject}".lower(), "i": row.id},
        )
    conn.execute(
        text(
            "UPDATE emails SET first_ready_at = (SELECT min(created_at) FROM draft_versions "
            "WHERE draft_versions.email_id = emails.id AND source = 'generated')"
        )
    )
    if conn.dialect.name == "sqlite":
        for op in ("UPDATE", "DELETE"):
            conn.execute(
                text(
                    f"CREATE TRIGGER audit_log_no_{op.lower()} BEFORE {op} ON audit_log "
                    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
                )
            )


def _v3(conn: Connection) -> None:
    """An urgency reason per email (emergencies first in the queue); existing rows stay ''."""
    _add_column(conn, "emails", schema.emails.c.urgency, "''")


_V5_LEASE_OWNER: Column[str] = Column("lease_owner", String(200), nullable=False, default="")
_V5_LEASE_UNTIL: Column[object] = Column("lease_until", DateTime(timezone=True), nullable=True)


def _v4(conn: Connection) -> None:
    """The live mailbox: IMAP sync position per folder, skipped UIDs, post-send IMAP work;
    thread lookup by Message-ID (index) and by sender + subject (`thread_subjects`,
    backfilled from the emails already imported)."""
    md = MetaData()
    Table(
        "imap_folders",
        md,
        Column("mailbox", String(998), primary_key=True),
        Column("uidvalidity", BigInteger, nullable=False),
        Column("last_uid", BigInteger, nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    )
    Table(
        "imap_skipped",
        md,
        Column("id", Integer, primary_key=True),
        Column("mailbox", String(998), nullable=False),
        Column("uidvalidity", BigInteger, nullable=False),
        Column("uid", BigInteger, nullable=False),
        Column("reason", Text, nullable=False),
        Column("at", DateTime(timezone=True), nullable=False),
        UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_imap_skipped_uid"),
    )
    Table("emails", md, Column("id", Integer, primary_key=True))
    Table(
        "imap_sent",
        md,
        Column("message_id", String(998), primary_key=True),
        Column("email_id", Integer, ForeignKey("emails.id"), nullable=False),
        Column("raw", LargeBinary, nullable=False),
        Column("state", String(16), nullable=False),
        Column("attempts", Integer, nullable=False),
        Column("error", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    )
    subjects = Table(
        "thread_subjects",
        md,
        Column("id", Integer, primary_key=True),
        Column("address", String(320), nullable=False),
        Column("subject", String(998), nullable=False),
        Column("thread_key", String(998), nullable=False),
        Column("received_at", DateTime(timezone=True), nullable=False),
    )
    Index("ix_thread_subjects_lookup", subjects.c.address, subjects.c.subject)
    for name in ("imap_folders", "imap_skipped", "imap_sent", "thread_subjects"):
        md.tables[name].create(conn)  # with its indexes
    conn.execute(text("CREATE INDEX ix_emails_message_id ON emails (message_id)"))
    from email.utils import parseaddr

    from drafter.store.threads import base_subject

    rows = conn.execute(text("SELECT sender, subject, thread_key, received_at FROM emails"))
    for row in rows.all():
        address, subject = parseaddr(row.sender)[1].lower(), base_subject(row.subject)
        if subject and "@" in address:
            conn.execute(
                text(
                    "INSERT INTO thread_subjects (address, subject, thread_key, received_at) "
                    "VALUES (:a, :s, :t, :r)"
                ),
                {"a": address[:320], "s": subject[:998], "t": row.thread_key,
                 "r": row.received_at},
            )  # fmt: skip


def _v5(conn: Connection) -> None:
    """A lease per email (owner, expiry) so concurrent drafters never draft one email twice."""
    _add_column(conn, "emails", _V5_LEASE_OWNER, "''")
    _add_column(conn, "emails", _V5_LEASE_UNTIL, "NULL")


def _v6(conn: Connection) -> None:
    """When an email's personal data was erased (DSGVO forget / retention purge); NULL = not.
    An index on the thread key (a thread's emails decide whether its vault can go)."""
    _add_column(conn, "emails", schema.emails.c.erased_at, "NULL")
    conn.execute(text("CREATE INDEX ix_emails_thread ON emails (thread_key)"))


STEPS: list[Callable[[Connection], None]] = [_v1, _v2, _v3, _v4, _v5, _v6]
assert len(STEPS) == SCHEMA_VERSION


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    found = conn.execute(select(schema_version.c.version).order_by(text("version DESC")))
    return int(found.scalar() or 0)


def upgrade(db: Database, target: int | None = None) -> int:
    """Apply pending steps up to `target` (default: latest); return the resulting version."""
    target = SCHEMA_VERSION if target is None else target
    with db.read() as conn:
        version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}, newer than this drafter "
            f"({SCHEMA_VERSION})",
            hint="upgrade drafter, or point DRAFTER_DATABASE_URL at another database",
        )
    fresh = version == 0
    while version < target:
        step = STEPS[version]
        with db.write() as conn:
            if current_version(conn) != version:  # another process migrated meanwhile
                version = current_version(conn)
                continue
            step(conn)
            version += 1
            conn.execute(insert(schema_version).values(version=version, applied_at=utcnow()))
            if fresh and version == SCHEMA_VERSION and db.is_sqlite:
                _born_secure(conn)
    return version


def _born_secure(conn: Connection) -> None:
    """A database created by this version had `secure_delete` on from its first write, so
    no freed content was ever left unzeroed: erasure never needs the one-time VACUUM that
    older databases get (drafter.privacy_ops.physical.ever_compacted reads this row)."""
    from drafter.store import audit

    audit.record(
        conn, "drafter", "privacy_compact", vacuumed=True, reason="created with secure_delete on"
    )
