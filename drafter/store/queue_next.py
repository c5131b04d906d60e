"""Handing out the next email: the queue order and the claim that takes it.

`claim_next` claims the oldest unclaimed email in the given statuses, urgent first, for an
agent (a review claim) or a worker (a drafting claim). On PostgreSQL one statement picks the
row with `FOR UPDATE SKIP LOCKED`, claims it and writes its audit row, so concurrent agents
never wait for or take the same row. On SQLite the write transaction (BEGIN IMMEDIATE)
serializes claims and `queue_state.claim` is conditional on the claim still being free. The
claims themselves and the status changes are `drafter.store.queue_state`.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Connection, bindparam, false, select, text

from drafter.store.clock import utcnow
from drafter.store.queue_state import (
    WORKABLE,
    ClaimedError,
    ClaimKind,
    claim,
    sweep,
    transition,
    unclaimed,
)
from drafter.store.schema import NOT_URGENT, emails


def claim_next(
    conn: Connection,
    agent: str,
    lease_seconds: float,
    statuses: tuple[str, ...] = WORKABLE,
    kind: ClaimKind = "review",
    *,
    owner: str = "",
) -> int | None:
    """Claim the oldest unclaimed email (urgent first) in `statuses`; None when there is none.

    PostgreSQL: `SELECT ... FOR UPDATE SKIP LOCKED`, so concurrent agents never wait for or
    take the same row. SQLite: the write transaction (BEGIN IMMEDIATE) serializes claims and
    the UPDATE is conditional on the claim still being free."""
    if kind == "review":  # a review a crashed desk left unchanged is `ready` again first
        sweep(conn)
    now = utcnow()
    query = (
        select(emails.c.id)
        .where(emails.c.status.in_(statuses) if statuses else false(), unclaimed(now))
        .order_by(NOT_URGENT, emails.c.received_at, emails.c.id)
        .limit(1)
    )
    if conn.dialect.name == "postgresql":
        return _claim_next_pg(conn, agent, lease_seconds, statuses, kind, owner)
    for _ in range(5):
        email_id = conn.execute(query).scalar()
        if email_id is None:
            return None
        try:
            claim(conn, int(email_id), agent, lease_seconds, kind, owner=owner)
        except ClaimedError:
            continue
        return int(email_id)
    return None


# PostgreSQL: pick the next free email (SKIP LOCKED), claim it and write its `claimed` audit
# row in one statement; the order is the queue order (index ix_emails_order).
_CLAIM_NEXT_PG = text(
    "WITH picked AS (SELECT id FROM emails WHERE status IN :statuses AND (claimed_by = '' "
    "OR claim_expires_at IS NULL OR claim_expires_at <= :now) "
    "ORDER BY (urgency = ''), received_at, id LIMIT 1 FOR UPDATE SKIP LOCKED), "
    "claimed AS (UPDATE emails SET claimed_by = :agent, claimed_at = :now, "
    "claim_expires_at = :expires, claim_kind = :kind, claim_owner = :owner "
    "FROM picked WHERE emails.id = picked.id RETURNING emails.id, emails.status), "
    "logged AS (INSERT INTO audit_log (at, actor, action, email_id, detail) "
    "SELECT :now, :agent, 'claimed', id, :detail FROM claimed WHERE :audited) "
    "SELECT id, status FROM claimed"
).bindparams(bindparam("statuses", expanding=True))


def _claim_next_pg(
    conn: Connection,
    agent: str,
    lease_seconds: float,
    statuses: tuple[str, ...],
    kind: ClaimKind,
    owner: str,
) -> int | None:
    """claim_next on PostgreSQL: one round trip (plus the `review_started` transition when a
    review claim takes a `ready` email)."""
    if not statuses:
        return None
    now = utcnow()
    found = conn.execute(
        _CLAIM_NEXT_PG,
        {
            "statuses": list(statuses),
            "now": now,
            "expires": now + dt.timedelta(seconds=lease_seconds),
            "agent": agent,
            "kind": kind,
            "owner": owner,
            "audited": kind == "review",  # a drafting claim is audited by draft_started
            "detail": json.dumps({"lease_s": lease_seconds}, sort_keys=True),
        },
    ).first()
    if found is None:
        return None
    if kind == "review" and found.status == "ready":
        transition(conn, found.id, "in_review", agent, "review_started", locked="ready")
    return int(found.id)
