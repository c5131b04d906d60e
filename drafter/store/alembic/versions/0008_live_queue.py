"""The live queue at scale: an index in queue order (urgent first, then oldest; the desk
loads the queue page by page along it) and, on PostgreSQL, a NOTIFY on every audit row so
other desks learn of a change at once (drafter.store.notify).

Revision ID: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_emails_order", "emails", [sa.text("(urgency = '')"), "received_at", "id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION drafter_queue_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN PERFORM pg_notify('drafter_queue', NEW.actor); RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_notify AFTER INSERT ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION drafter_queue_notify()"
        )
