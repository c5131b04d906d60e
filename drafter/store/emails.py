"""Queue repository: imported emails, the queue listing and the per-thread vault.

Status changes and claims are drafter.store.queue_state's (the one state machine); rows read
here show a claim only while its lease is live.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row, func, insert, literal, select, true, tuple_, update

from drafter.errors import StoreError
from drafter.models import EmailRecord, InboundEmail, QueueFilter, QueueItem, QueueStatus
from drafter.store import crypto, queue_state, threads
from drafter.store.clock import as_utc, utcnow
from drafter.store.schema import NOT_URGENT, approvals, emails, outbox, rejections, vaults

QUEUE_STATUSES: tuple[QueueStatus, ...] = (  # transitions: drafter.store.queue_state
    "new",
    "drafting",
    "ready",
    "in_review",
    "sent",
    "rejected",
    "needs_attention",
)
FINAL = queue_state.FINAL


def thread_key(email: InboundEmail, fallback: str = "") -> str:
    """The thread an email belongs to: its root Message-ID when known."""
    if email.references:
        return email.references[0]
    if email.in_reply_to or email.message_id:
        return email.in_reply_to or email.message_id
    return f"sha256:{email.content_hash}" if email.content_hash else fallback


def add(
    conn: Connection,
    email: InboundEmail,
    raw: bytes,
    import_key: str,
    source: str = "",
    *,
    urgency: str = "",
) -> int | None:
    """Insert a parsed email into the queue; None when its import key is already there.

    `urgency` is the caller's triage verdict (why the email is an emergency, "" if not)."""
    found = conn.execute(select(emails.c.id).where(emails.c.import_key == import_key)).first()
    if found is not None:
        return None
    now = utcnow()
    sender = email.from_.formatted()
    # no usable sender: nobody to reply to, so an agent decides (it is never drafted blindly)
    answerable = email.status == "ok" and "@" in email.from_.email
    status = "new" if answerable else "needs_attention"
    result = conn.execute(
        insert(emails).values(
            import_key=import_key,
            message_id=email.message_id,
            thread_key=threads.resolve(conn, email, thread_key(email, import_key)),
            sender=sender,
            subject=email.subject,
            language=email.language,
            contact_reason="",
            parse_status=email.status,
            status=status,
            claimed_by="",
            warnings=0,
            received_at=email.date.astimezone(dt.UTC) if email.date else now,
            imported_at=now,
            updated_at=now,
            source=source,
            raw=raw,
            email_json=email.model_dump_json(by_alias=True),
            search_text=f"{sender} {email.subject}".lower(),
            urgency=urgency,
        )
    )
    pk = result.inserted_primary_key
    assert pk is not None
    return int(pk[0])


def _row(conn: Connection, email_id: int) -> Row[Any]:
    row = conn.execute(select(emails).where(emails.c.id == email_id)).first()
    if row is None:
        raise StoreError(
            f"no email with id {email_id} in the queue",
            hint="run `drafter inbox list` to see the ids",
        )
    return row


def get(conn: Connection, email_id: int) -> EmailRecord:
    row = _row(conn, email_id)
    claim = queue_state.live_claim(row)
    rejected = None
    if row.status == "rejected":  # who rejected it, when and why (the desk's header says so)
        rejected = conn.execute(
            select(rejections)
            .where(rejections.c.email_id == email_id)
            .order_by(rejections.c.id.desc())
            .limit(1)
        ).first()
    sent = None
    if row.status == "sent":  # who approved the reply that went out, and when it went
        sent = conn.execute(
            select(approvals.c.approved_by, outbox.c.sent_at)
            .join(approvals, approvals.c.id == outbox.c.approval_id)
            .where(outbox.c.email_id == email_id, outbox.c.state == "sent")
            .order_by(outbox.c.id.desc())
            .limit(1)
        ).first()
    return EmailRecord(
        email_id=row.id,
        email=InboundEmail.model_validate_json(row.email_json),
        status=row.status,
        received_at=as_utc(row.received_at),
        claimed_by=claim.agent if claim else "",
        contact_reason=row.contact_reason,
        claimed_at=claim.since if claim else None,
        claim_kind=claim.kind if claim else "",
        claim_expires_at=claim.expires if claim else None,
        rejected_by=rejected.rejected_by if rejected else "",
        rejected_at=as_utc(rejected.rejected_at) if rejected else None,
        rejection_reason=rejected.reason if rejected else "",
        approved_by=sent.approved_by if sent else "",
        sent_at=as_utc(sent.sent_at) if sent and sent.sent_at else None,
    )


def raw(conn: Connection, email_id: int) -> bytes:
    return bytes(_row(conn, email_id).raw)


def import_key_of(conn: Connection, email_id: int) -> str:
    return str(_row(conn, email_id).import_key)


def status_of(conn: Connection, email_id: int) -> str:
    return str(_row(conn, email_id).status)


def listing(
    conn: Connection,
    *,
    status: QueueFilter | None = None,
    search: str = "",
    after: QueueItem | None = None,
    limit: int | None = None,
) -> list[QueueItem]:
    """Queue rows, urgent ones first, then oldest first; `status` "open" is every status but
    sent and rejected; `search` matches sender and subject (case-insensitive). Paged along
    the queue-order index: at most `limit` rows, starting after the row `after` (keyset
    paging: a page costs the same anywhere in the queue)."""
    cols = (
        emails.c.id,
        emails.c.received_at,
        emails.c.sender,
        emails.c.subject,
        emails.c.language,
        emails.c.contact_reason,
        emails.c.status,
        emails.c.claimed_by,
        emails.c.warnings,
        emails.c.urgency,
        emails.c.claimed_at,
        emails.c.claim_expires_at,
        emails.c.claim_kind,
    )
    now = utcnow()
    query = select(*cols).order_by(NOT_URGENT, emails.c.received_at, emails.c.id)
    if after is not None:
        key = (not after.urgency, after.received_at.astimezone(dt.UTC), after.email_id)
        query = query.where(
            tuple_(NOT_URGENT, emails.c.received_at, emails.c.id)
            > tuple_(*(literal(v) for v in key))
        )
    if limit is not None:
        query = query.limit(limit)
    if status == "open":
        query = query.where(emails.c.status.not_in(FINAL))
    elif status is not None:
        query = query.where(emails.c.status == status)
    for word in search.lower().split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(emails.c.search_text.like(f"%{escaped}%", escape="\\"))
    return [
        QueueItem.model_construct(  # rows from our own table: no validation per row
            email_id=r.id,
            received_at=as_utc(r.received_at),
            sender=r.sender,
            subject=r.subject,
            language=r.language if r.language in ("de", "en") else "de",
            contact_reason=r.contact_reason,
            status=r.status,
            claimed_by=claim.agent if claim else "",
            warnings=r.warnings,
            urgency=r.urgency,
            claimed_at=claim.since if claim else None,
            claim_expires=claim.expires if claim else None,
        )
        for r in conn.execute(query)
        for claim in (queue_state.live_claim(r, now),)
    ]


def newest_id(conn: Connection) -> int:
    """The id of the newest email (0: none); a new value means mail was imported."""
    return int(conn.execute(select(func.max(emails.c.id))).scalar() or 0)


def counts(conn: Connection) -> dict[str, int]:
    query = select(emails.c.status, func.count()).group_by(emails.c.status)
    return {str(status): int(n) for status, n in conn.execute(query)}


def ids_with_status(conn: Connection, *statuses: str, unclaimed: bool = False) -> list[int]:
    query = (
        select(emails.c.id)
        .where(emails.c.status.in_(statuses))
        .where(queue_state.unclaimed(utcnow()) if unclaimed else true())
        .order_by(emails.c.urgency == "", emails.c.received_at, emails.c.id)
    )
    return [int(i) for i in conn.execute(query).scalars()]


def thread_of(conn: Connection, email_id: int) -> str:
    return str(_row(conn, email_id).thread_key)


def load_vault(conn: Connection, thread: str) -> str | None:
    """The vault JSON stored for a thread (decrypted, drafter.store.crypto), or None."""
    found = conn.execute(select(vaults.c.vault_json).where(vaults.c.thread_key == thread))
    value = found.scalar()
    return None if value is None else crypto.unseal(conn, str(value), thread)


def save_vault(conn: Connection, thread: str, vault_json: str) -> None:
    """Store a thread's vault JSON, encrypted with the vault key (drafter.store.crypto)."""
    now = utcnow()
    exists = conn.execute(select(vaults.c.thread_key).where(vaults.c.thread_key == thread))
    vault_json = crypto.seal(conn, vault_json)
    if exists.first() is None:
        conn.execute(
            insert(vaults).values(thread_key=thread, vault_json=vault_json, updated_at=now)
        )
    else:
        conn.execute(
            update(vaults)
            .where(vaults.c.thread_key == thread)
            .values(vault_json=vault_json, updated_at=now)
        )


def updated_at(conn: Connection, email_id: int) -> dt.datetime:
    return as_utc(_row(conn, email_id).updated_at)
