"""Former step v5: a drafting process's lease per email (owner, expiry) so concurrent
drafters never draft one email twice. Revision 0007 moves live leases into claims of kind
'drafting' and drops these columns. Frozen.

Revision ID: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "emails",
        sa.Column("lease_owner", sa.String(200), nullable=False, server_default=sa.text("''")),
    )
    op.add_column("emails", sa.Column("lease_until", sa.DateTime(timezone=True)))
