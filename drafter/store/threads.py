"""Which conversation an imported email belongs to (the `emails.thread_key` column).

A follow-up joins its thread by, in order:
1. its References / In-Reply-To naming an email already in the queue, or one of drafter's
   own replies (outbox Message-ID): it takes that email's thread;
2. otherwise, with threading headers, the root of its References chain (drafter.store.emails.
   thread_key), so later mail of the same chain still meets it;
3. without threading headers: an email from the same sender address with the same subject
   (reply/forward prefixes like Re:, AW:, WG: removed) within THREAD_DAYS;
4. else it starts a thread of its own.
The privacy vault is kept per thread (drafter.store.vaults uses `stored_thread`).
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import Connection, insert, select

from drafter.models import InboundEmail
from drafter.store.clock import as_utc, utcnow
from drafter.store.schema import emails, outbox, thread_subjects

THREAD_DAYS = 30
_PREFIX = re.compile(
    r"^\s*(?:re|aw|antw|antwort|wg|fw|fwd|sv|vs|tr|rv|wtr)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*",
    re.IGNORECASE,
)


def base_subject(subject: str) -> str:
    """The subject without stacked reply/forward prefixes, folded for comparison."""
    text = subject.strip()
    for _ in range(20):
        stripped = _PREFIX.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return " ".join(text.casefold().split())


def resolve(conn: Connection, email: InboundEmail, default: str) -> str:
    """The thread key for a new email (`default`: drafter.store.emails.thread_key's answer)."""
    mentioned = [m for m in dict.fromkeys([email.in_reply_to, *reversed(email.references)]) if m]
    if mentioned:
        known = conn.execute(
            select(emails.c.thread_key).where(emails.c.message_id.in_(mentioned)).limit(1)
        ).scalar()
        if known is None:
            known = conn.execute(
                select(emails.c.thread_key)
                .join(outbox, outbox.c.email_id == emails.c.id)
                .where(outbox.c.message_id.in_(mentioned))
                .limit(1)
            ).scalar()
        return str(known) if known else default
    subject, address = base_subject(email.subject), email.from_.email.strip().lower()
    if not subject or "@" not in address:
        return default
    received = email.date.astimezone(dt.UTC) if email.date else utcnow()
    since = received - dt.timedelta(days=THREAD_DAYS)
    found = conn.execute(
        select(thread_subjects.c.thread_key, thread_subjects.c.received_at)
        .where(thread_subjects.c.address == address[:320])
        .where(thread_subjects.c.subject == subject[:998])
        .order_by(thread_subjects.c.received_at.desc())
        .limit(1)
    ).first()
    key = str(found.thread_key) if found and as_utc(found.received_at) >= since else default
    remember(conn, address, subject, key, received)
    return key


def remember(conn: Connection, address: str, subject: str, key: str, received: dt.datetime) -> None:
    """Index an imported email by sender address and base subject (for later follow-ups)."""
    if subject and "@" in address:
        conn.execute(
            insert(thread_subjects).values(
                address=address[:320],
                subject=subject[:998],
                thread_key=key,
                received_at=received,
            )
        )


def stored_thread(conn: Connection, email: InboundEmail, default: str) -> str:
    """The thread recorded for an imported email (by Message-ID), else `default`."""
    if email.message_id:
        found = conn.execute(
            select(emails.c.thread_key).where(emails.c.message_id == email.message_id).limit(1)
        ).scalar()
        if found:
            return str(found)
    return default
