"""The current database schema (SQLAlchemy Core tables) of the review desk's state.

Tables: `emails` (queue state, parsed email JSON, raw bytes), `vaults` (privacy vault per
thread), `draft_versions` (every generated, rewritten or edited reply with its Draft JSON),
`approvals` (who approved which text, by SHA-256), `outbox` (send intents and results, one
row per stable Message-ID), `rejections`, the append-only `audit_log`, and the live mailbox's
`imap_folders` (UIDVALIDITY + last UID), `imap_skipped` and `imap_sent` (drafter.store.imap).

Alembic revisions (drafter/store/alembic/versions, run by drafter.store.migrations) bring any
older database to exactly this shape; a test compares a migrated database (SQLite and
PostgreSQL) against these definitions. Every timestamp is `timestamp with time zone` (UTC).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
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
    literal_column,
)

SCHEMA_REVISION = "0008"  # the Alembic head this schema describes

metadata = MetaData()

emails = Table(
    "emails",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("import_key", String(512), nullable=False, unique=True),
    Column("message_id", String(998), nullable=False, default=""),
    Column("thread_key", String(998), nullable=False, default=""),
    Column("sender", String(998), nullable=False, default=""),
    Column("subject", Text, nullable=False, default=""),
    Column("language", String(8), nullable=False, default="de"),
    Column("contact_reason", String(64), nullable=False, default=""),
    Column("parse_status", String(32), nullable=False, default="ok"),
    Column("status", String(32), nullable=False, default="new"),
    Column("claimed_by", String(128), nullable=False, default=""),
    Column("claimed_at", DateTime(timezone=True), nullable=True),
    Column("warnings", Integer, nullable=False, default=0),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("source", Text, nullable=False, default=""),
    Column("raw", LargeBinary, nullable=False),
    Column("email_json", Text, nullable=False),
    # 0002: first time a draft became ready (response-time analytics) and the search text
    Column("first_ready_at", DateTime(timezone=True), nullable=True),
    Column("search_text", Text, nullable=False, default=""),
    # 0003: why the email is an emergency ("" when it is not), set at import by drafter.triage
    Column("urgency", Text, nullable=False, default=""),
    # 0006: when its personal data was erased (forget or retention purge; drafter.privacy_ops)
    Column("erased_at", DateTime(timezone=True), nullable=True),
    # 0007: the claim's lease (NULL or past: free), kind ('review' | 'drafting') and the
    # holding process (agent@host:pid:random; a drafting claim is exclusive to it)
    Column("claim_expires_at", DateTime(timezone=True), nullable=True),
    Column("claim_kind", String(16), nullable=False, default=""),
    Column("claim_owner", String(200), nullable=False, default=""),
)
Index("ix_emails_status", emails.c.status)
Index("ix_emails_received", emails.c.received_at)
Index("ix_emails_thread", emails.c.thread_key)  # 0006
Index("ix_emails_queue", emails.c.status, emails.c.received_at)  # 0007
# 0008: queue order (urgent first, then oldest), as drafter.store.emails.listing sorts
NOT_URGENT = emails.c.urgency == literal_column("''")  # a literal: the index matches it
Index("ix_emails_order", NOT_URGENT, emails.c.received_at, emails.c.id)

vaults = Table(
    "vaults",
    metadata,
    Column("thread_key", String(998), primary_key=True),
    Column("vault_json", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

draft_versions = Table(
    "draft_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email_id", Integer, ForeignKey("emails.id"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("source", String(16), nullable=False),  # generated | rewrite | edit
    Column("body", Text, nullable=False),
    Column("body_sha256", String(64), nullable=False),
    Column("author", String(128), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("mode", String(16), nullable=False, default=""),
    Column("prompt_name", String(128), nullable=False, default=""),
    Column("prompt_version", String(64), nullable=False, default=""),
    Column("model", String(256), nullable=False, default=""),
    Column("warnings", Integer, nullable=False, default=0),
    Column("draft_json", Text, nullable=False),
    # 0002: the agent's rewrite instruction and the seconds the generation took
    Column("instruction", Text, nullable=False, default=""),
    Column("duration_s", Integer, nullable=False, default=0),
    UniqueConstraint("email_id", "number", name="uq_draft_versions_email_number"),
)

approvals = Table(
    "approvals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email_id", Integer, ForeignKey("emails.id"), nullable=False),
    Column("version_id", Integer, ForeignKey("draft_versions.id"), nullable=False),
    Column("approved_by", String(128), nullable=False),
    Column("approved_at", DateTime(timezone=True), nullable=False),
    Column("sha256", String(64), nullable=False),
)
Index("ix_approvals_email", approvals.c.email_id)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email_id", Integer, ForeignKey("emails.id"), nullable=False),
    Column("approval_id", Integer, ForeignKey("approvals.id"), nullable=False),
    Column("message_id", String(998), nullable=False, unique=True),
    Column("transport", String(16), nullable=False),  # outbox | smtp
    Column("location", Text, nullable=False, default=""),
    # sending -> sent | failed | needs_attention
    Column("state", String(32), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True), nullable=True),
    Column("error", Text, nullable=False, default=""),
)

rejections = Table(  # v2
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("email_id", Integer, ForeignKey("emails.id"), nullable=False),
    Column("reason", Text, nullable=False),
    Column("rejected_by", String(128), nullable=False),
    Column("rejected_at", DateTime(timezone=True), nullable=False),
)

presence = Table(  # 0007: heartbeats of running `drafter worker` processes
    "presence",
    metadata,
    Column("name", String(256), primary_key=True),  # agent@host:pid
    Column("kind", String(16), nullable=False),  # 'worker'
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(128), nullable=False),
    Column("action", String(64), nullable=False),
    Column("email_id", Integer, nullable=True),
    Column("detail", Text, nullable=False, default=""),
)
Index("ix_audit_email", audit_log.c.email_id)
Index("ix_audit_actor", audit_log.c.actor)  # 0007

# 0004: follow-ups find their thread fast (drafter.store.threads): emails by Message-ID, and
# (sender address, subject without Re:/AW:) -> thread for mail without threading headers
Index("ix_emails_message_id", emails.c.message_id)

thread_subjects = Table(
    "thread_subjects",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("address", String(320), nullable=False),
    Column("subject", String(998), nullable=False),
    Column("thread_key", String(998), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)
Index("ix_thread_subjects_lookup", thread_subjects.c.address, thread_subjects.c.subject)

# 0004: the live mailbox (drafter.store.imap): sync position per account folder, messages that
# were skipped for good (too large, unreadable), and the post-send IMAP work per reply
imap_folders = Table(
    "imap_folders",
    metadata,
    Column("mailbox", String(998), primary_key=True),  # user@host:port/folder
    Column("uidvalidity", BigInteger, nullable=False),
    Column("last_uid", BigInteger, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

imap_skipped = Table(
    "imap_skipped",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mailbox", String(998), nullable=False),
    Column("uidvalidity", BigInteger, nullable=False),
    Column("uid", BigInteger, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_imap_skipped_uid"),
)

imap_sent = Table(
    "imap_sent",
    metadata,
    Column("message_id", String(998), primary_key=True),
    Column("email_id", Integer, ForeignKey("emails.id"), nullable=False),
    Column("raw", LargeBinary, nullable=False),
    Column("state", String(16), nullable=False),  # pending | done
    Column("attempts", Integer, nullable=False, default=0),
    Column("error", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
