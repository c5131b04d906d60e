"""The queue's state machine and its claims: the only code that changes an email's status.

Status: `transition(conn, email_id, to, agent, reason)` checks that `status -> to` is allowed
(`ALLOWED`), that no other agent holds a live claim (unless `force`, for crash recovery),
and writes the new status and its audit row (action = `reason`, detail has `from`/`to`) in
the caller's transaction. The row is locked first (`SELECT ... FOR UPDATE` on PostgreSQL;
SQLite writers are serialized by BEGIN IMMEDIATE), so two agents never both move it.

Claims: `claimed_by`, `claimed_at` (since), `claim_expires_at` (the lease) and `claim_kind`:
'review' (an agent has the email open) or 'drafting' (a desk or worker generates its draft:
the drafting lease). A claim whose lease has passed (or has none) is free; holders renew it
while they work. `claim_next` takes the oldest unclaimed email, urgent first, with
`FOR UPDATE SKIP LOCKED` on PostgreSQL and a conditional UPDATE on SQLite.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import Connection, false, or_, select, update

from drafter.errors import StoreError
from drafter.store import audit
from drafter.store.db import as_utc, utcnow
from drafter.store.schema import emails

ClaimKind = Literal["review", "drafting"]

ALLOWED: dict[str, frozenset[str]] = {
    "new": frozenset({"drafting", "in_review", "needs_attention", "rejected"}),
    "drafting": frozenset({"new", "ready", "in_review", "needs_attention"}),
    "ready": frozenset({"drafting", "in_review", "needs_attention", "rejected", "sent"}),
    "in_review": frozenset({"drafting", "needs_attention", "rejected", "sent"}),
    "needs_attention": frozenset({"new", "drafting", "ready", "in_review", "rejected", "sent"}),
    "sent": frozenset(),
    "rejected": frozenset(),
}
FINAL = frozenset(s for s, targets in ALLOWED.items() if not targets)
# "next email" hands out emails an agent can work on (not ones being drafted or closed)
WORKABLE = ("ready", "in_review", "needs_attention", "new")


class Claim(BaseModel):
    agent: str
    kind: str
    since: dt.datetime
    expires: dt.datetime


class ClaimedError(StoreError):
    """Another agent holds a live claim on the email."""

    def __init__(self, email_id: int, claim: Claim) -> None:
        since = claim.since.astimezone().strftime("%Y-%m-%d %H:%M")
        super().__init__(
            f"email {email_id} is being handled by {claim.agent} since {since}",
            hint="pick another email, or wait until they release it (claims expire when "
            "their desk stops)",
        )
        self.claim = claim


def unclaimed(now: dt.datetime) -> Any:
    """SQL condition: nobody holds a live claim on the row."""
    return or_(
        emails.c.claimed_by == "",
        emails.c.claim_expires_at.is_(None),
        emails.c.claim_expires_at <= now,
    )


def _free_for(agent: str, now: dt.datetime) -> Any:
    """SQL condition: `agent` may take the claim (free, expired, or already theirs)."""
    return or_(emails.c.claimed_by == agent, unclaimed(now))


def _locked_row(conn: Connection, email_id: int) -> Any:
    cols = (emails.c.claimed_by, emails.c.claimed_at, emails.c.claim_expires_at)
    query = select(emails.c.id, emails.c.status, *cols, emails.c.claim_kind)
    query = query.where(emails.c.id == email_id)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        raise StoreError(
            f"no email with id {email_id} in the queue",
            hint="run `drafter inbox list` to see the ids",
        )
    return row


def live_claim(row: Any, now: dt.datetime | None = None) -> Claim | None:
    """The live claim of an `emails` row, or None when it is free or its lease has passed."""
    now = now or utcnow()
    if not row.claimed_by or row.claim_expires_at is None:
        return None
    expires = as_utc(row.claim_expires_at)
    if expires <= now:
        return None
    since = as_utc(row.claimed_at) if row.claimed_at is not None else expires
    return Claim(
        agent=row.claimed_by, kind=row.claim_kind or "review", since=since, expires=expires
    )


def lock(conn: Connection, email_id: int) -> Claim | None:
    """Lock the email's row for this transaction; returns its live claim."""
    return live_claim(_locked_row(conn, email_id))


def check_claim(conn: Connection, email_id: int, agent: str) -> None:
    """Raise ClaimedError if another agent holds a live claim on the email."""
    claim = lock(conn, email_id)
    if claim is not None and claim.agent != agent:
        raise ClaimedError(email_id, claim)


def transition(
    conn: Connection,
    email_id: int,
    to: str,
    agent: str,
    reason: str,
    /,
    *,
    values: dict[str, Any] | None = None,
    force: bool = False,
    **detail: Any,
) -> str:
    """Move the email to status `to`, with its audit row (action `reason`); returns the old
    status. `values` sets further columns in the same UPDATE. Same status: only the audit row
    and `values` are written. Raises StoreError for a disallowed move, ClaimedError when
    another agent holds the claim (`force` skips that check: crash recovery only)."""
    row = _locked_row(conn, email_id)
    previous = str(row.status)
    if not force:
        claim = live_claim(row)
        if claim is not None and claim.agent != agent:
            raise ClaimedError(email_id, claim)
    if previous != to and to not in ALLOWED.get(previous, frozenset()):
        if previous in FINAL:
            raise StoreError(
                f"email {email_id} is already {previous}; cannot {_verb(reason)} it",
                hint="pick another email from the queue",
            )
        raise StoreError(
            f"email {email_id} cannot go from {previous} to {to} ({reason})",
            hint="reload the queue: another desk may have changed it",
        )
    changes: dict[str, Any] = {"status": to, "updated_at": utcnow(), **(values or {})}
    if to in FINAL:  # a closed email holds no claim
        changes.update(claimed_by="", claimed_at=None, claim_expires_at=None, claim_kind="")
    conn.execute(update(emails).where(emails.c.id == email_id).values(**changes))
    audit.record(conn, agent, reason, email_id, **{"from": previous, "to": to, **detail})
    return previous


def _verb(reason: str) -> str:
    return {"rejected": "reject", "sent": "send", "drafted": "draft"}.get(
        reason, reason.replace("_", " ")
    )


def claim(
    conn: Connection,
    email_id: int,
    agent: str,
    lease_seconds: float,
    kind: ClaimKind = "review",
) -> Claim:
    """Claim the email for `agent` for `lease_seconds` (renews an own claim). A review claim
    moves a `ready` email to `in_review`. Raises ClaimedError if another agent holds it."""
    row = _locked_row(conn, email_id)
    now = utcnow()
    held = live_claim(row, now)
    if held is not None and held.agent != agent:
        raise ClaimedError(email_id, held)
    if row.status in FINAL:
        raise StoreError(
            f"email {email_id} is already {row.status}; it cannot be claimed",
            hint="pick another email from the queue",
        )
    expires = now + dt.timedelta(seconds=lease_seconds)
    if held is not None and held.kind == "review":
        kind = "review"  # drafting inside an agent's own review claim keeps it a review claim
    since = held.since if held is not None else now
    result = conn.execute(
        update(emails)
        .where(emails.c.id == email_id, _free_for(agent, now))
        .values(claimed_by=agent, claimed_at=since, claim_expires_at=expires, claim_kind=kind)
    )
    if result.rowcount != 1:  # lost a race on SQLite without row locks (cannot happen in
        fresh = live_claim(_locked_row(conn, email_id))  # BEGIN IMMEDIATE, kept as a guard)
        raise ClaimedError(email_id, fresh or Claim(agent="?", kind=kind, since=now, expires=now))
    if held is None and kind == "review":  # a drafting lease is audited as draft_started
        audit.record(conn, agent, "claimed", email_id, lease_s=lease_seconds)
        if row.status == "ready":
            transition(conn, email_id, "in_review", agent, "review_started")
    return Claim(agent=agent, kind=kind, since=since, expires=expires)


def renew(conn: Connection, email_id: int, agent: str, lease_seconds: float) -> bool:
    """Extend `agent`'s claim; False when they no longer hold it (someone took it over)."""
    now = utcnow()
    result = conn.execute(
        update(emails)
        .where(emails.c.id == email_id, emails.c.claimed_by == agent)
        .values(claim_expires_at=now + dt.timedelta(seconds=lease_seconds))
    )
    return result.rowcount == 1


def release(conn: Connection, email_id: int, agent: str, kind: ClaimKind | None = None) -> bool:
    """Drop `agent`'s claim (only of `kind` when given); True when there was one."""
    _locked_row(conn, email_id)
    query = update(emails).where(emails.c.id == email_id, emails.c.claimed_by == agent)
    if kind is not None:
        query = query.where(emails.c.claim_kind == kind)
    result = conn.execute(
        query.values(claimed_by="", claimed_at=None, claim_expires_at=None, claim_kind="")
    )
    if result.rowcount == 1 and kind != "drafting":
        audit.record(conn, agent, "released", email_id)
    return result.rowcount == 1


def claim_next(
    conn: Connection,
    agent: str,
    lease_seconds: float,
    statuses: tuple[str, ...] = WORKABLE,
    kind: ClaimKind = "review",
) -> int | None:
    """Claim the oldest unclaimed email (urgent first) in `statuses`; None when there is none.

    PostgreSQL: `SELECT ... FOR UPDATE SKIP LOCKED`, so concurrent agents never wait for or
    take the same row. SQLite: the write transaction (BEGIN IMMEDIATE) serializes claims and
    the UPDATE is conditional on the claim still being free."""
    now = utcnow()
    query = (
        select(emails.c.id)
        .where(emails.c.status.in_(statuses) if statuses else false(), unclaimed(now))
        .order_by(emails.c.urgency == "", emails.c.received_at, emails.c.id)
        .limit(1)
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    for _ in range(5):
        email_id = conn.execute(query).scalar()
        if email_id is None:
            return None
        try:
            claim(conn, int(email_id), agent, lease_seconds, kind)
        except ClaimedError:
            continue
        return int(email_id)
    return None
