"""The queue's state machine and its claims: the only code that changes an email's status.

Status: `transition(conn, email_id, to, agent, reason)` checks that `status -> to` is allowed
(`ALLOWED`), that no other agent holds a live claim (unless `force`, for crash recovery),
and writes the new status and its audit row (action = `reason`, detail has `from`/`to`) in
the caller's transaction. The row is locked first (`SELECT ... FOR UPDATE` on PostgreSQL;
SQLite writers are serialized by BEGIN IMMEDIATE), so two agents never both move it.

Claims: `claimed_by` (agent), `claimed_at` (since), `claim_expires_at` (the lease),
`claim_kind` and `claim_owner` (the holding process, agent@host:pid:random). Two kinds:
- 'review': an agent has the email open. It belongs to the agent: any of their processes may
  renew, work under or release it; another agent is refused (ClaimedError).
- 'drafting': a desk, `inbox draft` run or worker generates the draft (the drafting lease,
  DRAFTER_DRAFT_LEASE_SECONDS, renewed while the engine runs). It belongs to one process:
  every other process is refused, even one of the same agent, so no email is drafted twice;
  a killed drafter's email is free once the lease has passed. Drafting inside the agent's own
  review claim keeps the review claim (the agent's desk is the one drafting).
A claim whose lease has passed (or has none) is free. Handing out the next email in queue
order is `drafter.store.queue_next`.

Lapsed reviews: a desk that crashed (or was killed) never releases its review claim, so the
email stays `in_review` after the lease ran out. When that review changed nothing (the same
test as `left_unchanged`), `lapse` puts it back to `ready` (audit `review_lapsed`, actor
`drafter`, detail `agent`); an email that was edited (or redrafted, acknowledged, approved)
keeps its status and its versions. It happens where the queue is used, not in a worker (a
desk on SQLite has none): `claim` lapses the row it takes, `claim_next` sweeps first, and the
desk's queue, counts, stats and live-queue wait sweep (`lapsed_unchanged` reads, `sweep`
writes only when it found one).
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import uuid
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import Connection, and_, or_, select, update

from drafter.errors import StoreError
from drafter.store import audit
from drafter.store.clock import as_utc, utcnow
from drafter.store.schema import emails

ClaimKind = Literal["review", "drafting"]

ALLOWED: dict[str, frozenset[str]] = {
    "new": frozenset({"drafting", "in_review", "needs_attention", "rejected"}),
    "drafting": frozenset({"new", "ready", "in_review", "needs_attention", "rejected"}),
    "ready": frozenset({"drafting", "in_review", "needs_attention", "rejected", "sent"}),
    # in_review -> ready: an email opened and left without a change (`review_left`)
    "in_review": frozenset({"drafting", "ready", "needs_attention", "rejected", "sent"}),
    "needs_attention": frozenset({"new", "drafting", "ready", "in_review", "rejected", "sent"}),
    "sent": frozenset(),
    "rejected": frozenset({"new", "in_review"}),  # reopen (with a reason)
}
FINAL = frozenset({"sent", "rejected"})  # closed: no claims, no drafting, no sending
# "next email" hands out emails an agent can work on (not ones being drafted or closed)
WORKABLE = ("ready", "in_review", "needs_attention", "new")


class Claim(BaseModel):
    agent: str
    kind: str
    since: dt.datetime
    expires: dt.datetime
    owner: str = ""  # the holding process (agent@host:pid:random)


class ClaimedError(StoreError):
    """Another agent (or, for drafting, another process) holds a live claim on the email."""

    def __init__(self, email_id: int, claim: Claim) -> None:
        since = claim.since.astimezone().strftime("%Y-%m-%d %H:%M")
        doing = "drafted" if claim.kind == "drafting" else "handled"
        super().__init__(
            f"email {email_id} is being {doing} by {claim.agent} since {since}",
            hint="pick another email, or wait until they release it (claims expire when "
            "their desk or drafter stops)",
        )
        self.claim = claim
        self.email_id = email_id


def new_owner(agent: str) -> str:
    """A claim-owner id unique to this process and object: agent@host:pid:random."""
    return f"{agent}@{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:200]


def unclaimed(now: dt.datetime) -> Any:
    """SQL condition: nobody holds a live claim on the row."""
    return or_(
        emails.c.claimed_by == "",
        emails.c.claim_expires_at.is_(None),
        emails.c.claim_expires_at <= now,
    )


def _free_for(agent: str, owner: str, now: dt.datetime) -> Any:
    """SQL condition: the claim may be taken (free, expired, this process's, or a review
    claim of `agent`'s)."""
    mine = or_(emails.c.claim_kind != "drafting", emails.c.claim_owner == owner)
    return or_(and_(emails.c.claimed_by == agent, mine), unclaimed(now))


def _locked_row(conn: Connection, email_id: int) -> Any:
    cols = (emails.c.claimed_by, emails.c.claimed_at, emails.c.claim_expires_at)
    query = select(emails.c.id, emails.c.status, *cols, emails.c.claim_kind, emails.c.claim_owner)
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
        agent=row.claimed_by,
        kind=row.claim_kind or "review",
        since=since,
        expires=expires,
        owner=getattr(row, "claim_owner", "") or "",
    )


def _refuses(held: Claim | None, agent: str, owner: str, kind: str) -> bool:
    """Whether `held` keeps (agent, owner) from taking a claim of `kind`."""
    if held is None:
        return False
    if held.agent != agent:
        return True
    # the agent's own claim: a drafting claim of another of their processes refuses drafting
    return kind == "drafting" and held.kind == "drafting" and held.owner != owner


def lock(conn: Connection, email_id: int) -> Claim | None:
    """Lock the email's row for this transaction; returns its live claim."""
    return live_claim(_locked_row(conn, email_id))


def check_claim(conn: Connection, email_id: int, agent: str) -> None:
    """Raise ClaimedError if another agent holds a live claim on the email."""
    claim = lock(conn, email_id)
    if claim is not None and claim.agent != agent:
        raise ClaimedError(email_id, claim)


def check_open(status: str, email_id: int, action: str) -> None:
    """Raise StoreError when the email is closed (sent or rejected): nothing about it changes."""
    if status in FINAL:
        raise StoreError(
            f"email {email_id} is already {status}; cannot {action} it",
            hint="pick another email from the queue",
        )


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
    locked: str | None = None,
    **detail: Any,
) -> str:
    """Move the email to status `to`, with its audit row (action `reason`); returns the old
    status. `values` sets further columns in the same UPDATE. Same status: only the audit row
    and `values` are written. Raises StoreError for a disallowed move, ClaimedError when
    another agent holds the claim (`force` skips that check: crash recovery only).
    `locked`: the status the caller read while locking the row and claiming it for `agent`
    in this same transaction (saves the second look)."""
    if locked is not None:
        previous = locked
    else:
        row = _locked_row(conn, email_id)
        previous = str(row.status)
        claim = None if force else live_claim(row)
        if claim is not None and claim.agent != agent:
            raise ClaimedError(email_id, claim)
    if previous != to and to not in ALLOWED.get(previous, frozenset()):
        check_open(previous, email_id, _verb(reason))
        raise StoreError(
            f"email {email_id} cannot go from {previous} to {to} ({reason})",
            hint="reload the queue: another desk may have changed it",
        )
    changes: dict[str, Any] = {"status": to, "updated_at": utcnow(), **(values or {})}
    if to in FINAL:  # a closed email holds no claim
        changes.update(
            claimed_by="", claimed_at=None, claim_expires_at=None, claim_kind="", claim_owner=""
        )
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
    *,
    owner: str = "",
) -> Claim:
    """Claim the email for `agent` (process `owner`) for `lease_seconds`; renews an own claim.
    A review claim moves a `ready` email to `in_review`; it also takes over a drafting claim
    of the same agent (their draft is still saved). A drafting claim inside the agent's own
    review claim leaves that claim as it is. Raises ClaimedError if another agent holds the
    email, or (for drafting) another process is drafting it."""
    row = _locked_row(conn, email_id)
    now = utcnow()
    held = live_claim(row, now)
    if _refuses(held, agent, owner, kind):
        assert held is not None
        raise ClaimedError(email_id, held)
    if row.status in FINAL:
        raise StoreError(
            f"email {email_id} is already {row.status}; it cannot be claimed",
            hint="pick another email from the queue",
        )
    if kind == "drafting" and held is not None and held.kind == "review":
        return held  # drafting inside the agent's own review claim
    if kind == "review" and _lapse(conn, row, now):
        row = _locked_row(conn, email_id)  # `ready` again, its claim free
    expires = now + dt.timedelta(seconds=lease_seconds)
    since = held.since if held is not None and held.kind == kind else now
    result = conn.execute(
        update(emails)
        .where(emails.c.id == email_id, _free_for(agent, owner, now))
        .values(
            claimed_by=agent,
            claimed_at=since,
            claim_expires_at=expires,
            claim_kind=kind,
            claim_owner=owner,
        )
    )
    if result.rowcount != 1:  # lost a race on SQLite without row locks (cannot happen in
        fresh = live_claim(_locked_row(conn, email_id))  # BEGIN IMMEDIATE, kept as a guard)
        raise ClaimedError(email_id, fresh or Claim(agent="?", kind=kind, since=now, expires=now))
    if kind == "review" and (held is None or held.kind != "review"):
        audit.record(conn, agent, "claimed", email_id, lease_s=lease_seconds)
        if row.status == "ready":
            transition(conn, email_id, "in_review", agent, "review_started")
    # a drafting claim is audited by the draft_started transition that follows it
    return Claim(agent=agent, kind=kind, since=since, expires=expires, owner=owner)


def renew(
    conn: Connection,
    email_id: int,
    agent: str,
    lease_seconds: float,
    kind: ClaimKind = "review",
    *,
    owner: str = "",
) -> bool:
    """Extend a claim; False when it was lost (expired and taken by someone else).

    Review: `agent`'s claim, whatever process took it. Drafting: only `owner`'s drafting
    claim on an email still `drafting` (one a recovery put back is not revived); True as well
    when the agent's review claim covers the draft."""
    until = utcnow() + dt.timedelta(seconds=lease_seconds)
    query = update(emails).where(emails.c.id == email_id, emails.c.claimed_by == agent)
    if kind == "drafting":
        query = query.where(
            emails.c.claim_kind == "drafting",
            emails.c.claim_owner == owner,
            emails.c.status == "drafting",
        )
        if conn.execute(query.values(claim_expires_at=until)).rowcount == 1:
            return True
        held = live_claim(_locked_row(conn, email_id))
        return held is not None and held.kind == "review" and held.agent == agent
    result = conn.execute(query.values(claim_expires_at=until, claim_kind="review"))
    return result.rowcount == 1


def drafting_held(conn: Connection, email_id: int, agent: str, owner: str) -> bool:
    """Whether the process `owner` may still save the draft it is generating: the email is
    still `drafting` and nobody else claimed it. Its lease may have run out meanwhile (a
    slow draft): what counts is who claimed it, not the clock."""
    row = _locked_row(conn, email_id)
    if row.status != "drafting":
        return False  # another process finished (or a recovery moved it) meanwhile
    return _nobody_else(row, agent, owner)


def claimed_by_another(conn: Connection, email_id: int, agent: str, owner: str) -> bool:
    """Whether another process or agent claimed the email (see `_nobody_else`)."""
    return not _nobody_else(_locked_row(conn, email_id), agent, owner)


def _nobody_else(row: Any, agent: str, owner: str) -> bool:
    """No other process or agent claimed the row: its claim is `owner`'s drafting claim (live
    or run out), `agent`'s live review claim, or nobody's (a run-out review claim is nobody's;
    another process's drafting claim, even run out, means that process is drafting it)."""
    if row.claim_kind == "drafting" and row.claimed_by:
        return str(row.claim_owner) == owner
    held = live_claim(row)
    return held is None or held.agent == agent


def resume_drafting(
    conn: Connection, email_id: int, agent: str, lease_seconds: float, *, owner: str
) -> bool:
    """Take the drafting claim again for a draft that outlived it, when a recovery put the
    email back (`new`, or `ready` when it had a draft) and nobody claimed it since: its claim
    is still `owner`'s (run out) or nobody's. The email goes back to `drafting` (audit
    `draft_resumed`); False, with nothing written, when another process or agent has it.
    The caller checks that no draft was saved meanwhile."""
    row = _locked_row(conn, email_id)
    if row.status not in ("new", "ready") or not _nobody_else(row, agent, owner):
        return False
    if live_claim(row) is not None:
        return False  # the agent has it open for review: theirs now
    claim(conn, email_id, agent, lease_seconds, "drafting", owner=owner)
    transition(conn, email_id, "drafting", agent, "draft_resumed", locked=str(row.status))
    return True


def release(
    conn: Connection,
    email_id: int,
    agent: str,
    kind: ClaimKind | None = None,
    *,
    owner: str = "",
) -> bool:
    """Drop `agent`'s claim (only of `kind` when given; a drafting claim only for its
    `owner`); True when there was one. A review the agent leaves without a change puts the
    email back to `ready` (audit `review_left`, see `left_unchanged`)."""
    row = _locked_row(conn, email_id)
    query = update(emails).where(emails.c.id == email_id, emails.c.claimed_by == agent)
    if kind is not None:
        query = query.where(emails.c.claim_kind == kind)
    if kind == "drafting":
        query = query.where(emails.c.claim_owner == owner)
    result = conn.execute(
        query.values(
            claimed_by="", claimed_at=None, claim_expires_at=None, claim_kind="", claim_owner=""
        )
    )
    if result.rowcount == 1 and kind != "drafting":
        audit.record(conn, agent, "released", email_id)
        if row.status == "in_review" and left_unchanged(conn, email_id, agent):
            transition(conn, email_id, "ready", agent, "review_left", locked="in_review")
    return result.rowcount == 1


# what an agent may do in an email's review and still leave it unchanged: claim and
# release it, and save edits they undo again (`edit_undone`)
_NO_CHANGE = frozenset({"review_started", "claimed", "released", "edited", "edit_undone"})


def left_unchanged(conn: Connection, email_id: int, agent: str) -> bool:
    """Whether `agent` started reviewing the email from `ready` (opening it) and changed
    nothing since: no version kept, no warning acknowledged, no approval, no redraft. Such
    an email goes back to `ready` when they release it, so the queue does not say "in
    review" about an email nobody touched."""
    rows = audit.since_last(conn, email_id, "review_started")
    if not rows or rows[0].actor != agent or rows[0].detail.get("from") != "ready":
        return False
    kept: set[object] = set()  # the versions edited and not undone again
    for entry in rows[1:]:
        if entry.action not in _NO_CHANGE:
            return False
        if entry.action == "edited":
            kept.add(entry.detail.get("version"))
        elif entry.action == "edit_undone":
            kept.discard(entry.detail.get("version"))
    return not kept


def _lapsed(row: Any, now: dt.datetime) -> bool:
    """An `in_review` row whose review claim ran out without being released."""
    return (
        row.status == "in_review"
        and bool(row.claimed_by)
        and row.claim_kind != "drafting"
        and live_claim(row, now) is None
    )


def _lapse(conn: Connection, row: Any, now: dt.datetime) -> bool:
    """Put a lapsed review that changed nothing back to `ready` (audit `review_lapsed`);
    False (nothing written) for any other row. `row` is locked by the caller."""
    if not _lapsed(row, now) or not left_unchanged(conn, int(row.id), str(row.claimed_by)):
        return False
    conn.execute(
        update(emails)
        .where(emails.c.id == row.id)
        .values(
            claimed_by="", claimed_at=None, claim_expires_at=None, claim_kind="", claim_owner=""
        )
    )
    transition(
        conn, int(row.id), "ready", "drafter", "review_lapsed", locked="in_review",
        agent=str(row.claimed_by),
    )  # fmt: skip
    return True


def lapsed_unchanged(conn: Connection) -> list[int]:
    """Emails `in_review` whose review claim ran out and whose review changed nothing (a
    read: `sweep` moves them). One indexed query when there are none."""
    now = utcnow()
    cols = (emails.c.id, emails.c.status, emails.c.claimed_by, emails.c.claimed_at)
    query = select(*cols, emails.c.claim_expires_at, emails.c.claim_kind, emails.c.claim_owner)
    query = query.where(
        emails.c.status == "in_review",
        emails.c.claimed_by != "",
        emails.c.claim_expires_at <= now,
    ).order_by(emails.c.id)
    return [
        int(row.id)
        for row in conn.execute(query).all()
        if _lapsed(row, now) and left_unchanged(conn, int(row.id), str(row.claimed_by))
    ]


def sweep(conn: Connection, ids: list[int] | None = None) -> list[int]:
    """Put the lapsed unchanged reviews among `ids` (default: all of them) back to `ready`,
    each checked again under its row lock; returns the ids moved."""
    moved = []
    now = utcnow()
    for email_id in lapsed_unchanged(conn) if ids is None else sorted(ids):
        if _lapse(conn, _locked_row(conn, email_id), now):
            moved.append(email_id)
    return moved


def unclaimed_ids(conn: Connection, status: str) -> list[int]:
    """Emails in `status` nobody holds a live claim on (e.g. `drafting` left by a crash)."""
    query = (
        select(emails.c.id)
        .where(emails.c.status == status, unclaimed(utcnow()))
        .order_by(emails.c.id)
    )
    return [int(i) for i in conn.execute(query).scalars()]
