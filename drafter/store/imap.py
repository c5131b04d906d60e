"""Live-mailbox repository: IMAP sync positions, skipped UIDs and the post-send IMAP work.

- `imap_folders`: per account folder (`user@host:port/folder`) the UIDVALIDITY seen and the
  highest UID already imported; a changed UIDVALIDITY means "start over from UID 1" (the
  import key drops what is already in the queue).
- `imap_skipped`: a UID that will never be retried (too large, unreadable), with the reason.
- `imap_sent`: one row per reply sent over SMTP, written *before* the SMTP transport runs,
  holding the exact bytes; `pending` until the copy is in `\\Sent` and the original carries
  `\\Answered` (drafter.mail.imap_sent), then `done`.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlalchemy import Connection, insert, select, update

from drafter.store.clock import utcnow
from drafter.store.schema import emails, imap_folders, imap_sent, imap_skipped, outbox


class FolderState(NamedTuple):
    uidvalidity: int
    last_uid: int


class PendingSent(NamedTuple):
    message_id: str
    email_id: int
    raw: bytes
    attempts: int


def folder_state(conn: Connection, mailbox: str) -> FolderState | None:
    row = conn.execute(select(imap_folders).where(imap_folders.c.mailbox == mailbox)).first()
    return None if row is None else FolderState(int(row.uidvalidity), int(row.last_uid))


def save_folder_state(conn: Connection, mailbox: str, uidvalidity: int, last_uid: int) -> None:
    """Remember the position; never moves `last_uid` backwards within one UIDVALIDITY."""
    now = utcnow()
    known = folder_state(conn, mailbox)
    if known is None:
        conn.execute(
            insert(imap_folders).values(
                mailbox=mailbox, uidvalidity=uidvalidity, last_uid=last_uid, updated_at=now
            )
        )
        return
    if known.uidvalidity == uidvalidity:
        last_uid = max(last_uid, known.last_uid)
    conn.execute(
        update(imap_folders)
        .where(imap_folders.c.mailbox == mailbox)
        .values(uidvalidity=uidvalidity, last_uid=last_uid, updated_at=now)
    )


def skip(conn: Connection, mailbox: str, uidvalidity: int, uid: int, reason: str) -> bool:
    """Record a UID that is never fetched again; False if it was already recorded."""
    found = conn.execute(
        select(imap_skipped.c.id).where(
            imap_skipped.c.mailbox == mailbox,
            imap_skipped.c.uidvalidity == uidvalidity,
            imap_skipped.c.uid == uid,
        )
    ).first()
    if found is not None:
        return False
    conn.execute(
        insert(imap_skipped).values(
            mailbox=mailbox, uidvalidity=uidvalidity, uid=uid, reason=reason, at=utcnow()
        )
    )
    return True


def skipped(conn: Connection) -> list[tuple[str, int, int, str]]:
    rows = conn.execute(select(imap_skipped).order_by(imap_skipped.c.id))
    return [(r.mailbox, int(r.uidvalidity), int(r.uid), str(r.reason)) for r in rows]


def known_message_ids(conn: Connection, message_ids: list[str]) -> set[str]:
    """Which of these Message-IDs are drafter's own replies (in the outbox)."""
    if not message_ids:
        return set()
    query = select(outbox.c.message_id).where(outbox.c.message_id.in_(message_ids))
    return {str(m) for m in conn.execute(query).scalars()}


def remember_sent(conn: Connection, message_id: str, email_id: int, raw: bytes) -> None:
    """Record (before SMTP) that this reply needs a Sent copy once it is sent."""
    now = utcnow()
    found = conn.execute(
        select(imap_sent.c.state).where(imap_sent.c.message_id == message_id)
    ).first()
    if found is not None:
        return  # same Message-ID = same approved text; keep the first bytes
    conn.execute(
        insert(imap_sent).values(
            message_id=message_id,
            email_id=email_id,
            raw=raw,
            state="pending",
            attempts=0,
            error="",
            created_at=now,
            updated_at=now,
        )
    )


def pending_sent(conn: Connection) -> list[PendingSent]:
    """Pending rows whose reply the outbox records as sent (never a reply that did not go)."""
    query = (
        select(imap_sent)
        .join(outbox, outbox.c.message_id == imap_sent.c.message_id)
        .where(imap_sent.c.state == "pending", outbox.c.state == "sent")
        .order_by(imap_sent.c.created_at)
    )
    return [
        PendingSent(str(r.message_id), int(r.email_id), bytes(r.raw), int(r.attempts))
        for r in conn.execute(query)
    ]


def sent_state(conn: Connection, message_id: str) -> str | None:
    found = conn.execute(select(imap_sent.c.state).where(imap_sent.c.message_id == message_id))
    value = found.scalar()
    return None if value is None else str(value)


def finish_sent(conn: Connection, message_id: str, *, error: str = "") -> None:
    """`done` without an error; otherwise count the attempt and keep it pending."""
    row = conn.execute(select(imap_sent).where(imap_sent.c.message_id == message_id)).first()
    if row is None:
        return
    values: dict[str, object] = {"updated_at": utcnow(), "error": error}
    if error:
        values["attempts"] = int(row.attempts) + 1
    else:
        values["state"] = "done"
    conn.execute(update(imap_sent).where(imap_sent.c.message_id == message_id).values(**values))


def origin(conn: Connection, email_id: int) -> tuple[str, str]:
    """(source, Message-ID) of an imported email: where \\Answered has to go."""
    row = conn.execute(
        select(emails.c.source, emails.c.message_id).where(emails.c.id == email_id)
    ).first()
    return ("", "") if row is None else (str(row.source), str(row.message_id))


def age(value: dt.datetime) -> float:
    return (utcnow() - value).total_seconds()
