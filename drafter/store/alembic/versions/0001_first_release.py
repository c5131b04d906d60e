"""The first release (former step v1): emails, vaults, draft versions, approvals, outbox,
audit log. Frozen: never edit a released revision, add a new one.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "emails",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("import_key", sa.String(512), nullable=False, unique=True),
        sa.Column("message_id", sa.String(998), nullable=False),
        sa.Column("thread_key", sa.String(998), nullable=False),
        sa.Column("sender", sa.String(998), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("contact_reason", sa.String(64), nullable=False),
        sa.Column("parse_status", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("claimed_by", sa.String(128), nullable=False),
        sa.Column("claimed_at", TZ, nullable=True),
        sa.Column("warnings", sa.Integer, nullable=False),
        sa.Column("received_at", TZ, nullable=False),
        sa.Column("imported_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("email_json", sa.Text, nullable=False),
    )
    op.create_index("ix_emails_status", "emails", ["status"])
    op.create_index("ix_emails_received", "emails", ["received_at"])
    op.create_table(
        "vaults",
        sa.Column("thread_key", sa.String(998), primary_key=True),
        sa.Column("vault_json", sa.Text, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "draft_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email_id", sa.Integer, sa.ForeignKey("emails.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("body_sha256", sa.String(64), nullable=False),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("prompt_name", sa.String(128), nullable=False),
        sa.Column("prompt_version", sa.String(64), nullable=False),
        sa.Column("model", sa.String(256), nullable=False),
        sa.Column("warnings", sa.Integer, nullable=False),
        sa.Column("draft_json", sa.Text, nullable=False),
        sa.UniqueConstraint("email_id", "number", name="uq_draft_versions_email_number"),
    )
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email_id", sa.Integer, sa.ForeignKey("emails.id"), nullable=False),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("draft_versions.id"), nullable=False),
        sa.Column("approved_by", sa.String(128), nullable=False),
        sa.Column("approved_at", TZ, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    op.create_index("ix_approvals_email", "approvals", ["email_id"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email_id", sa.Integer, sa.ForeignKey("emails.id"), nullable=False),
        sa.Column("approval_id", sa.Integer, sa.ForeignKey("approvals.id"), nullable=False),
        sa.Column("message_id", sa.String(998), nullable=False, unique=True),
        sa.Column("transport", sa.String(16), nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.Column("sent_at", TZ, nullable=True),
        sa.Column("error", sa.Text, nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", TZ, nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("email_id", sa.Integer, nullable=True),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_email", "audit_log", ["email_id"])
