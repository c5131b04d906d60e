"""Outbox repository: one row per reply Message-ID recording the send intent and result.

States: `sending` (written and committed BEFORE the transport is touched), then `sent`,
`failed` (the transport refused; nothing went out, a retry is safe) or `needs_attention`
(the message may have gone out; a human must check before anything is sent again).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import Connection, insert, select, update

from drafter.store.clock import as_utc, utcnow
from drafter.store.schema import outbox

OutboxState = Literal["sending", "sent", "failed", "needs_attention"]


class OutboxRow(BaseModel):
    id: int
    email_id: int
    approval_id: int
    message_id: str
    transport: Literal["outbox", "smtp"]
    location: str
    state: OutboxState
    attempts: int
    created_at: dt.datetime
    sent_at: dt.datetime | None
    error: str


def _row(row: Any) -> OutboxRow:
    return OutboxRow(
        id=row.id,
        email_id=row.email_id,
        approval_id=row.approval_id,
        message_id=row.message_id,
        transport=row.transport,
        location=row.location,
        state=row.state,
        attempts=row.attempts,
        created_at=as_utc(row.created_at),
        sent_at=as_utc(row.sent_at) if row.sent_at else None,
        error=row.error,
    )


def by_message_id(conn: Connection, message_id: str) -> OutboxRow | None:
    row = conn.execute(select(outbox).where(outbox.c.message_id == message_id)).first()
    return None if row is None else _row(row)


def of_email(conn: Connection, email_id: int) -> list[OutboxRow]:
    query = select(outbox).where(outbox.c.email_id == email_id).order_by(outbox.c.id)
    return [_row(r) for r in conn.execute(query)]


def with_state(conn: Connection, state: OutboxState) -> list[OutboxRow]:
    return [_row(r) for r in conn.execute(select(outbox).where(outbox.c.state == state))]


def begin_send(
    conn: Connection, email_id: int, approval_id: int, message_id: str, transport: str
) -> OutboxRow:
    """Record the intent to send (new row, or a retry of a failed one)."""
    now = utcnow()
    existing = by_message_id(conn, message_id)
    if existing is None:
        conn.execute(
            insert(outbox).values(
                email_id=email_id,
                approval_id=approval_id,
                message_id=message_id,
                transport=transport,
                location="",
                state="sending",
                attempts=1,
                created_at=now,
                updated_at=now,
                error="",
            )
        )
    else:
        conn.execute(
            update(outbox)
            .where(outbox.c.id == existing.id)
            .values(
                state="sending",
                transport=transport,
                attempts=existing.attempts + 1,
                updated_at=now,
                error="",
            )
        )
    found = by_message_id(conn, message_id)
    assert found is not None
    return found


def finish(
    conn: Connection, message_id: str, state: OutboxState, *, location: str = "", error: str = ""
) -> None:
    now = utcnow()
    values: dict[str, Any] = {"state": state, "updated_at": now, "error": error}
    if location:
        values["location"] = location
    if state == "sent":
        values["sent_at"] = now
    conn.execute(update(outbox).where(outbox.c.message_id == message_id).values(**values))
