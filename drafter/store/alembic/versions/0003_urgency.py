"""Former step v3: an urgency reason per email (emergencies first); existing rows stay ''.
Frozen.

Revision ID: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "emails", sa.Column("urgency", sa.Text, nullable=False, server_default=sa.text("''"))
    )
