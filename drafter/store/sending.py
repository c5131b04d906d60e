"""Sending an approved reply exactly once: the two-phase send protocol and its recovery.

1. In one transaction: check that the latest version's SHA-256 equals the latest approval's,
   derive the stable Message-ID (sender domain + email import key + approved hash), and
   record the intent (`outbox` row in state `sending`).
2. Hand the reply to the transport (outbox file or SMTP) outside any transaction.
3. In one transaction: mark the row `sent` and the email `sent` (or `failed` /
   `needs_attention`).

After a crash between 1 and 3 the row says `sending`. For the outbox transport the file
named by the Message-ID is the proof (present: it was sent; absent: nothing went out, send
again). For SMTP we cannot know, so the email goes to `needs_attention` and is never resent
automatically -- unless the attempt started so recently (DRAFTER_SMTP_TIMEOUT plus a margin)
that another process is still sending it: then the caller is told "being sent by <agent>"
and nothing changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from drafter.config import Settings
from drafter.errors import DrafterError, MailError, StorageError, StoreError
from drafter.mail import send as mailsend
from drafter.models import SendResult
from drafter.store import acks, audit, disk, drafts, emails, outbox, queue_state
from drafter.store.clock import as_utc, utcnow
from drafter.store.db import Database
from drafter.store.schema import audit_log

IN_FLIGHT_MARGIN_S = 30.0  # beyond the SMTP timeout: an attempt this old is not running


def send_reply(db: Database, settings: Settings, agent: str, email_id: int) -> SendResult:
    """Send the approved reply to `email_id`; idempotent; refuses without a valid approval."""
    transport = mailsend.transport_of(settings)
    what = f"sending the reply to email {email_id}"
    if db.path is not None:  # a disk that fills up mid-send would leave the row `sending`
        disk.ensure_room(db.path, what)
    if transport == "outbox":
        disk.ensure_room(settings.outbox_path, what)
    mailsend.clean_outbox_temp(settings)
    with db.write() as conn:
        # locks the row (PostgreSQL): concurrent sends of one email run one after the other
        queue_state.check_claim(conn, email_id, agent)
        record = emails.get(conn, email_id)
        if record.status == "rejected":
            raise StoreError(
                f"email {email_id} was rejected; it cannot be answered",
                hint="pick another email from the queue",
            )
        latest = drafts.latest(conn, email_id)
        approved = drafts.latest_approval(conn, email_id)
        if latest is None or approved is None:
            raise StoreError(
                f"the reply to email {email_id} has not been approved",
                hint="approve the reply before sending it",
            )
        approval_id, approval = approved
        if approval.sha256 != drafts.sha256_text(latest.body):
            raise StoreError(
                f"the reply to email {email_id} changed after it was approved",
                hint="approve the current text again before sending",
            )
        unconfirmed = acks.missing(conn, settings, latest)
        if unconfirmed and record.status != "sent":
            kinds = ", ".join(w.code for w in unconfirmed)
            raise StoreError(
                f"the reply to email {email_id} has {len(unconfirmed)} risky warning(s) "
                f"nobody acknowledged ({kinds})",
                hint="acknowledge each warning in the send dialog before sending: the "
                f"command line cannot, so open email {email_id} in the desk (`drafter tui`) "
                "and send it there (f9 by default; DRAFTER_ACK_REQUIRED_WARNINGS lists the kinds)",
            )
        key = emails.import_key_of(conn, email_id)
        message_id = mailsend.reply_message_id(settings, f"{key}\n{approval.sha256}")
        existing = outbox.by_message_id(conn, message_id)
        done = _resolve(conn, settings, agent, email_id, existing)
        if done is None and record.status == "sent":
            raise StoreError(
                f"email {email_id} was already answered with a different text",
                hint="answer a follow-up as a new email",
            )
        if done is None:
            outbox.begin_send(conn, email_id, approval_id, message_id, transport)
            audit.record(conn, agent, "send_started", email_id, message_id=message_id)
    if isinstance(done, SendResult):
        return done
    if isinstance(done, DrafterError):
        raise done
    message = mailsend.build_reply(
        record.email,
        latest.body,
        settings,
        message_id=message_id,
        citations=latest.draft.citations,
        language=latest.draft.language,
    )
    if transport == "smtp":  # the Sent copy is owed from here on (drafter.mail.imap_sent)
        from drafter.mail.imap_sent import remember

        remember(db, settings, email_id, message_id, message.as_bytes())
    try:
        if transport == "outbox":
            path, created = mailsend.write_outbox(settings, message, message_id)
            location, already = str(path), not created
        else:
            location, already = mailsend.send_smtp(settings, message), False
    except mailsend.SendUncertain as exc:
        error = exc.message

        def uncertain(conn: Any) -> None:
            outbox.finish(conn, message_id, "needs_attention", error=error)
            queue_state.transition(
                conn, email_id, "needs_attention", agent, "send_uncertain", force=True,
                error=error,
            )  # fmt: skip

        _settle(db, uncertain)
        raise
    except MailError as exc:
        error = exc.message

        def failed(conn: Any) -> None:
            outbox.finish(conn, message_id, "failed", error=error)
            audit.record(conn, agent, "send_failed", email_id, error=error)

        _settle(db, failed)
        raise

    def sent(conn: Any) -> None:
        outbox.finish(conn, message_id, "sent", location=location)
        _mark_sent(conn, agent, email_id, message_id=message_id, transport=transport,
                   location=location)  # fmt: skip

    _settle(db, sent)
    return SendResult(
        email_id=email_id,
        message_id=message_id,
        transport="smtp" if transport == "smtp" else "outbox",
        location=location,
        already_sent=already,
    )


def _settle(db: Database, write: Callable[[Any], None]) -> None:
    """Record how a send ended; on a full disk the desk's reserve file makes the room, so
    the outbox row does not stay `sending` (drafter.store.disk)."""
    try:
        with db.write() as conn:
            write(conn)
    except StorageError:
        if db.path is None or not disk.release_reserve(db.path.parent):
            raise
        with db.write() as conn:
            write(conn)


def _resolve(
    conn: Any, settings: Settings, agent: str, email_id: int, row: outbox.OutboxRow | None
) -> SendResult | DrafterError | None:
    """What an earlier attempt with the same Message-ID means; None: go ahead and send."""
    if row is None or row.state == "failed":
        return None
    result = SendResult(
        email_id=email_id,
        message_id=row.message_id,
        transport=row.transport,
        location=row.location,
        already_sent=True,
    )
    if row.state == "sent":
        return result
    if row.state == "sending" and row.transport == "outbox":
        path = mailsend.outbox_file(settings, row.message_id)
        if not path.exists():
            return None  # the file is the proof; without it nothing went out
        outbox.finish(conn, row.message_id, "sent", location=str(path))
        _mark_sent(conn, agent, email_id, message_id=row.message_id, transport="outbox",
                   location=str(path), recovered=True)  # fmt: skip
        return result.model_copy(update={"location": str(path)})
    if row.state == "sending":  # SMTP
        busy = _in_flight(conn, settings, email_id)
        if busy is not None:  # another process is sending it right now: not a lost attempt
            agent_busy, since = busy
            zone = ZoneInfo(settings.timezone) if settings.timezone else None  # as the desk
            return StoreError(
                f"email {email_id} is being sent by {agent_busy} right now (since "
                f"{since.astimezone(zone).strftime('%H:%M:%S')})",
                hint="wait a moment: the queue shows it as sent once the server has taken it",
            )
        # an attempt that did not finish in time: the server may or may not have the message
        outbox.finish(
            conn, row.message_id, "needs_attention", error="an SMTP attempt did not finish"
        )
        queue_state.transition(
            conn, email_id, "needs_attention", agent, "send_uncertain", force=True,
            message_id=row.message_id,
        )  # fmt: skip
    return StoreError(
        f"an earlier attempt to send the reply to email {email_id} over SMTP did not finish; "
        "it may have been delivered",
        hint=f"look for Message-ID {row.message_id} in the sent mail or the server log; "
        "reject the email if it arrived",
    )


def _in_flight(conn: Any, settings: Settings, email_id: int) -> tuple[str, dt.datetime] | None:
    """Who started the latest send of `email_id` and when, if that was so recently that the
    SMTP attempt may still be running (within DRAFTER_SMTP_TIMEOUT plus a margin)."""
    row = conn.execute(
        select(audit_log.c.actor, audit_log.c.at)
        .where(audit_log.c.email_id == email_id, audit_log.c.action == "send_started")
        .order_by(audit_log.c.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    since = as_utc(row.at)
    if utcnow() - since > dt.timedelta(seconds=settings.smtp_timeout + IN_FLIGHT_MARGIN_S):
        return None
    return str(row.actor), since


def _mark_sent(conn: Any, agent: str, email_id: int, **detail: Any) -> None:
    """The email is answered: status `sent` (a no-op move when an earlier attempt or another
    process already recorded it: the audit row still says who saw it go out)."""
    queue_state.transition(conn, email_id, "sent", agent, "sent", force=True, **detail)


def recover_sends(db: Database, settings: Settings, stale: dt.datetime) -> int:
    """Settle `sending` rows a crash left: outbox by its file, old SMTP ones to a human."""
    settled = 0
    mailsend.clean_outbox_temp(settings)
    with db.write() as conn:
        for row in outbox.with_state(conn, "sending"):
            if row.transport == "outbox" or row.created_at < stale:
                outcome = _resolve(conn, settings, "drafter", row.email_id, row)
                if outcome is None:  # outbox file absent: nothing went out, may be sent again
                    outbox.finish(
                        conn, row.message_id, "failed",
                        error="interrupted before the outbox file was written; nothing went out",
                    )  # fmt: skip
                    audit.record(conn, "drafter", "send_failed", row.email_id, recovered=True)
                settled += 1
    return settled
