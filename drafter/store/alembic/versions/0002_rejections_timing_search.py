"""Former step v2: rejections table, rewrite instruction and timing per version, first-ready
time and a search column (backfilled), and an append-only audit log (enforced on SQLite here;
PostgreSQL gets its trigger in 0007). Frozen.

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    empty = sa.text("''")
    op.add_column("emails", sa.Column("first_ready_at", sa.DateTime(timezone=True)))
    op.add_column("emails", sa.Column("search_text", sa.Text, nullable=False, server_default=empty))
    op.add_column(
        "draft_versions", sa.Column("instruction", sa.Text, nullable=False, server_default=empty)
    )
    op.add_column(
        "draft_versions",
        sa.Column("duration_s", sa.Integer, nullable=False, server_default=sa.text("0")),
    )
    op.create_table(
        "rejections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email_id", sa.Integer, sa.ForeignKey("emails.id"), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("rejected_by", sa.String(128), nullable=False),
        sa.Column("rejected_at", sa.DateTime(timezone=True), nullable=False),
    )
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, sender, subject FROM emails")).all()
    for row in rows:  # Python's lower(): SQLite's only folds ASCII
        conn.execute(
            sa.text("UPDATE emails SET search_text = :s WHERE id = :i"),
            {"s": f"{row.sender} {row.subject}".lower(), "i": row.id},
        )
    conn.execute(
        sa.text(
            "UPDATE emails SET first_ready_at = (SELECT min(created_at) FROM draft_versions "
            "WHERE draft_versions.email_id = emails.id AND source = 'generated')"
        )
    )
    if conn.dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
            )
