"""The append-only audit log: every state change with who, when, what and which email."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, func, insert, select

from drafter.store.clock import as_utc, utcnow
from drafter.store.schema import audit_log


class AuditEntry(BaseModel):
    id: int
    at: dt.datetime
    actor: str
    action: str
    email_id: int | None
    detail: dict[str, Any]


def record(
    conn: Connection, actor: str, action: str, email_id: int | None = None, **detail: Any
) -> None:
    """Append one row; call inside the transaction that makes the change it describes."""
    conn.execute(
        insert(audit_log).values(
            at=utcnow(),
            actor=actor,
            action=action,
            email_id=email_id,
            detail=json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
        )
    )


def last_change(conn: Connection, not_by: str = "") -> int:
    """The id of the newest audit row (not written by `not_by`): every status change, claim,
    release and import writes one, so a new value means the queue changed."""
    query = select(func.max(audit_log.c.id))
    if not_by:
        query = query.where(audit_log.c.actor != not_by)
    return int(conn.execute(query).scalar() or 0)


def entries(conn: Connection, email_id: int | None = None, *, from_id: int = 0) -> list[AuditEntry]:
    """The rows (of one email), oldest first; `from_id`: only rows with that id or later."""
    query = select(audit_log).where(audit_log.c.id >= from_id).order_by(audit_log.c.id)
    if email_id is not None:
        query = query.where(audit_log.c.email_id == email_id)
    return [
        AuditEntry(
            id=row.id,
            at=as_utc(row.at),
            actor=row.actor,
            action=row.action,
            email_id=row.email_id,
            detail=json.loads(row.detail or "{}"),
        )
        for row in conn.execute(query)
    ]


def since_last(conn: Connection, email_id: int, action: str) -> list[AuditEntry]:
    """The email's rows from its newest `action` row on (oldest first); [] when it has none."""
    start = select(func.max(audit_log.c.id)).where(
        audit_log.c.email_id == email_id, audit_log.c.action == action
    )
    first = conn.execute(start).scalar()
    if first is None:
        return []
    return entries(conn, email_id, from_id=int(first))
