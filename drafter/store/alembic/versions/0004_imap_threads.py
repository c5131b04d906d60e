"""Former step v4: the live mailbox (IMAP sync position per folder, skipped UIDs, post-send
IMAP work) and thread lookup by Message-ID (index) and by sender + subject
(`thread_subjects`, backfilled from the emails already imported). Frozen: the subject
folding below is a copy of drafter.store.threads.base_subject as released with v4.

Revision ID: 0004
"""

from __future__ import annotations

import re
from email.utils import parseaddr

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_PREFIX = re.compile(
    r"^\s*(?:re|aw|antw|antwort|wg|fw|fwd|sv|vs|tr|rv|wtr)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*",
    re.IGNORECASE,
)


def _base_subject(subject: str) -> str:
    text = subject.strip()
    for _ in range(20):
        stripped = _PREFIX.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return " ".join(text.casefold().split())


def upgrade() -> None:
    op.create_table(
        "imap_folders",
        sa.Column("mailbox", sa.String(998), primary_key=True),
        sa.Column("uidvalidity", sa.BigInteger, nullable=False),
        sa.Column("last_uid", sa.BigInteger, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "imap_skipped",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("mailbox", sa.String(998), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger, nullable=False),
        sa.Column("uid", sa.BigInteger, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("mailbox", "uidvalidity", "uid", name="uq_imap_skipped_uid"),
    )
    op.create_table(
        "imap_sent",
        sa.Column("message_id", sa.String(998), primary_key=True),
        sa.Column("email_id", sa.Integer, sa.ForeignKey("emails.id"), nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("error", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "thread_subjects",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("address", sa.String(320), nullable=False),
        sa.Column("subject", sa.String(998), nullable=False),
        sa.Column("thread_key", sa.String(998), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_thread_subjects_lookup", "thread_subjects", ["address", "subject"])
    op.create_index("ix_emails_message_id", "emails", ["message_id"])
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT sender, subject, thread_key, received_at FROM emails"))
    for row in rows.all():
        address, subject = parseaddr(row.sender)[1].lower(), _base_subject(row.subject)
        if subject and "@" in address:
            conn.execute(
                sa.text(
                    "INSERT INTO thread_subjects (address, subject, thread_key, received_at) "
                    "VALUES (:a, :s, :t, :r)"
                ),
                {"a": address[:320], "s": subject[:998], "t": row.thread_key,
                 "r": row.received_at},
            )  # fmt: skip
