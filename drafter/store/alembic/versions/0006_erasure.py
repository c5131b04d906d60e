"""Former step v6: when an email's personal data was erased (DSGVO forget / retention
purge; NULL = not), and an index on the thread key (a thread's emails decide whether its
vault can go). Frozen.

Revision ID: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("emails", sa.Column("erased_at", sa.DateTime(timezone=True)))
    op.create_index("ix_emails_thread", "emails", ["thread_key"])
