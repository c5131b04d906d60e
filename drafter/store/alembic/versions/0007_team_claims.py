"""Team mode: claims with a lease (who, what kind, which process, until when), a queue
index, a `presence` table (running workers' heartbeats), the audit log append-only on
PostgreSQL too, and the legacy `schema_version` table retired (Alembic's `alembic_version`
replaces it).

Claims: `claimed_by` + `claimed_at` (since when) + `claim_expires_at` (the lease; a claim
whose lease has passed is free) + `claim_kind` ('review': an agent works the email;
'drafting': a desk or worker generates its draft) + `claim_owner` (the holding process).
Existing claims never had a lease: their expiry stays NULL, which counts as expired, so they
are free after the upgrade. The drafting leases of 0005 (`lease_owner`, `lease_until`) become
claims of kind 'drafting' (a live one stays live until its old expiry) and the two columns
are dropped: one lease mechanism.

Revision ID: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("emails", sa.Column("claim_expires_at", sa.DateTime(timezone=True)))
    op.add_column(
        "emails",
        sa.Column("claim_kind", sa.String(16), nullable=False, server_default=sa.text("''")),
    )
    op.add_column(
        "emails",
        sa.Column("claim_owner", sa.String(200), nullable=False, server_default=sa.text("''")),
    )
    conn = op.get_bind()
    leased = conn.execute(
        sa.text(
            "SELECT id, lease_owner FROM emails WHERE lease_owner <> '' AND lease_until IS NOT NULL"
        )
    ).all()
    for row in leased:  # owner = agent@host:pid:random (the agent may contain '@' itself)
        agent = str(row.lease_owner).rpartition("@")[0] or str(row.lease_owner)
        conn.execute(
            sa.text(
                "UPDATE emails SET claimed_by = :agent, claim_owner = :owner, "
                "claim_kind = 'drafting', claimed_at = updated_at, "
                "claim_expires_at = lease_until WHERE id = :id"
            ),
            {"agent": agent[:128], "owner": row.lease_owner, "id": row.id},
        )
    op.drop_column("emails", "lease_owner")
    op.drop_column("emails", "lease_until")
    op.create_index("ix_emails_queue", "emails", ["status", "received_at"])
    op.create_index("ix_audit_actor", "audit_log", ["actor"])
    op.create_table(  # who is running: a `drafter worker` heartbeat per process
        "presence",
        sa.Column("name", sa.String(256), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    if sa.inspect(conn).has_table("schema_version"):
        op.drop_table("schema_version")
    if conn.dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'audit_log is append-only' "
            "USING ERRCODE = 'restrict_violation'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()"
        )
