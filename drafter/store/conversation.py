"""The conversation of a thread (drafter.store.threads): the other emails of the same thread
and drafter's sent replies to them, oldest first, for the desk's conversation view. The reply
to the email itself is not among them: the desk shows it in the read-only editor."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import Connection, select

from drafter.models import InboundEmail
from drafter.store.clock import as_utc
from drafter.store.schema import approvals, draft_versions, emails, outbox


class Turn(BaseModel):
    """One message of a conversation: the customer's email or the reply that was sent."""

    email_id: int
    kind: Literal["customer", "reply"]
    at: dt.datetime
    sender: str
    subject: str
    body: str


def of_thread(conn: Connection, email_id: int) -> list[Turn]:
    """Every other email of `email_id`'s thread and the replies sent to them, oldest first."""
    # a sent email listed its own reply as "1 earlier message in this thread" (desk16)
    key = conn.execute(select(emails.c.thread_key).where(emails.c.id == email_id)).scalar()
    if not key:
        return []
    turns: list[Turn] = []
    rows = conn.execute(
        select(emails.c.id, emails.c.email_json, emails.c.received_at).where(
            emails.c.thread_key == key, emails.c.id != email_id
        )
    )
    for row in rows:
        mail = InboundEmail.model_validate_json(row.email_json)
        turns.append(
            Turn(
                email_id=row.id,
                kind="customer",
                at=as_utc(row.received_at),
                sender=mail.from_.formatted(),
                subject=mail.subject,
                body=mail.body,
            )
        )
    sent = conn.execute(
        select(outbox.c.email_id, outbox.c.sent_at, draft_versions.c.body, emails.c.subject)
        .join(approvals, approvals.c.id == outbox.c.approval_id)
        .join(draft_versions, draft_versions.c.id == approvals.c.version_id)
        .join(emails, emails.c.id == outbox.c.email_id)
        .where(emails.c.thread_key == key, outbox.c.state == "sent", outbox.c.email_id != email_id)
    )
    for sent_row in sent:
        turns.append(
            Turn(
                email_id=sent_row.email_id,
                kind="reply",
                at=as_utc(sent_row.sent_at),
                sender="",
                subject=f"Re: {sent_row.subject}",
                body=sent_row.body,
            )
        )
    return sorted(turns, key=lambda turn: turn.at)
