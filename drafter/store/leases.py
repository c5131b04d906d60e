"""Leases: a process's short, exclusive, renewable claim on one email while it works on it.

A lease is two columns on `emails` (`lease_owner`, `lease_until`). `acquire` is one
`UPDATE ... WHERE` whose condition says "nobody holds a live lease" (plus optional status
conditions) and succeeds only when it changed the row, so on SQLite (BEGIN IMMEDIATE) and
PostgreSQL (row lock, condition re-checked) two processes can never both win. A holder
renews while it works and releases when it is done; a crashed holder's lease simply
expires, after which anyone may take the email. Drafting uses it (drafter.desk); team
claims for agents can build on the same calls.

The agent claim (`claimed_by`, drafter.store.emails.claim) is a different thing: it says
which person reviews an email and does not expire.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from collections.abc import Sequence

from sqlalchemy import Connection, or_, select, update

from drafter.store.db import as_utc, utcnow
from drafter.store.schema import emails

FINAL = ("sent", "rejected")


def new_owner(agent: str) -> str:
    """A lease-owner id unique to this process and call site: agent@host:pid:random."""
    return f"{agent}@{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _free(now: dt.datetime, owner: str) -> object:
    return or_(
        emails.c.lease_owner == "",
        emails.c.lease_owner == owner,
        emails.c.lease_until.is_(None),
        emails.c.lease_until < now,
    )


def acquire(
    conn: Connection,
    email_id: int,
    owner: str,
    seconds: float,
    *,
    statuses: Sequence[str] | None = None,
) -> bool:
    """Take the lease on `email_id` for `seconds`; False when someone else holds a live one,
    the email is sent/rejected, or (with `statuses`) its status is not one of them."""
    now = utcnow()
    query = (
        update(emails)
        .where(emails.c.id == email_id)
        .where(_free(now, owner))  # type: ignore[arg-type]
        .where(emails.c.status.not_in(FINAL))
    )
    if statuses is not None:
        query = query.where(emails.c.status.in_(list(statuses)))
    until = now + dt.timedelta(seconds=seconds)
    return conn.execute(query.values(lease_owner=owner, lease_until=until)).rowcount == 1


def renew(conn: Connection, email_id: int, owner: str, seconds: float) -> bool:
    """Extend a lease `owner` still holds; False when it was lost (expired and taken)."""
    until = utcnow() + dt.timedelta(seconds=seconds)
    result = conn.execute(
        update(emails)
        .where(emails.c.id == email_id, emails.c.lease_owner == owner)
        .values(lease_until=until)
    )
    return result.rowcount == 1


def release(conn: Connection, email_id: int, owner: str) -> bool:
    """Give the lease back; True when `owner` still held it (only then may it write)."""
    result = conn.execute(
        update(emails)
        .where(emails.c.id == email_id, emails.c.lease_owner == owner)
        .values(lease_owner="", lease_until=None)
    )
    return result.rowcount == 1


def holder(conn: Connection, email_id: int) -> tuple[str, dt.datetime | None]:
    """Who holds the lease on `email_id` and until when (("", None) when free)."""
    row = conn.execute(
        select(emails.c.lease_owner, emails.c.lease_until).where(emails.c.id == email_id)
    ).first()
    if row is None or not row.lease_owner:
        return "", None
    return str(row.lease_owner), as_utc(row.lease_until) if row.lease_until else None


def unleased(conn: Connection, status: str) -> list[int]:
    """Emails in `status` that nobody holds a live lease on (e.g. left by a crash)."""
    now = utcnow()
    query = (
        select(emails.c.id)
        .where(emails.c.status == status)
        .where(or_(emails.c.lease_until.is_(None), emails.c.lease_until < now))
        .order_by(emails.c.id)
    )
    return [int(i) for i in conn.execute(query).scalars()]


def clear(conn: Connection, email_id: int) -> None:
    """Drop whatever lease the email has (recovery after the holder's lease expired)."""
    conn.execute(
        update(emails).where(emails.c.id == email_id).values(lease_owner="", lease_until=None)
    )
