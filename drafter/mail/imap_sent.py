"""After a reply went out over SMTP: its copy in `\\Sent`, `\\Answered` on the original, and
the optional move to DRAFTER_IMAP_MOVE_TO.

`remember(db, ...)` is called by drafter.store.sending *before* the SMTP transport with the
exact bytes; the row stays `pending` until `file_pending` has done every step. Each step is
idempotent, so a crash anywhere (even between SMTP and APPEND) is repaired by the next run
(the next send, `drafter inbox import imap`, or the watcher) without a second copy:
- APPEND only when a `SEARCH HEADER Message-ID` in the Sent folder finds nothing (Gmail
  files its own copy; then none is added);
- `\\Answered` by UID when the original's folder still has the UIDVALIDITY it was imported
  with, else found by its Message-ID; setting a flag twice changes nothing;
- MOVE only when the original is still in its folder.
"""

from __future__ import annotations

import logging
from typing import Any

from drafter.config import Settings
from drafter.errors import DrafterError
from drafter.mail import imap
from drafter.store import audit
from drafter.store import imap as imap_store
from drafter.store.db import Database

log = logging.getLogger(__name__)

_RETRY_LATER: tuple[type[BaseException], ...] = (
    DrafterError,
    imap.IMAPClientError,
    *imap.CONNECTION_LOST,
)
_UNREACHABLE: tuple[type[BaseException], ...] = (DrafterError, *imap.CONNECTION_LOST)


def enabled(settings: Settings) -> bool:
    return bool(settings.imap_host and settings.smtp_host)


def remember(db: Database, settings: Settings, email_id: int, message_id: str, raw: bytes) -> None:
    """Durably note that this reply needs a Sent copy (no-op without an IMAP mailbox)."""
    if not enabled(settings):
        return
    with db.write() as conn:
        imap_store.remember_sent(conn, message_id, email_id, raw)


def _find(client: Any, message_id: str) -> list[int]:
    return [int(u) for u in client.search(["HEADER", "Message-ID", message_id])]


def _append_sent(client: Any, message_id: str, raw: bytes) -> bool:
    """Put the reply into `\\Sent` unless it is there; True when it was appended now."""
    sent = imap.sent_folder(client)
    if sent is None:
        raise imap.ImapError(
            "the mailbox has no \\Sent folder, so the reply cannot be filed",
            hint="create a Sent folder (or mark one with the \\Sent special use); drafter "
            "retries on the next send or watcher cycle",
        )
    client.select_folder(sent)
    if _find(client, message_id):
        return False
    client.append(sent, raw, flags=[b"\\Seen"])
    return True


def _original_uids(client: Any, source: str, original_id: str) -> tuple[str, list[int]]:
    """The original's folder and UID(s) now: by UID if still valid, else by Message-ID."""
    where = imap.parse_source(source)
    if where is None:
        return "", []
    folder, validity, uid = where
    if not client.folder_exists(folder):
        return folder, []
    info = client.select_folder(folder)
    if int(info[b"UIDVALIDITY"]) == validity:
        present = client.search(["UID", str(uid)])
        return folder, [int(u) for u in present if int(u) == uid]
    return folder, _find(client, original_id) if original_id else []


def _file_one(client: Any, db: Database, settings: Settings, row: imap_store.PendingSent) -> None:
    appended = _append_sent(client, row.message_id, row.raw)
    with db.read() as conn:
        source, original_id = imap_store.origin(conn, row.email_id)
    folder, uids = _original_uids(client, source, original_id)
    if uids:
        client.add_flags(uids, [b"\\Answered"])
        if settings.imap_move_to and settings.imap_move_to != folder:
            client.move(uids, settings.imap_move_to)
    with db.write() as conn:
        imap_store.finish_sent(conn, row.message_id)
        audit.record(
            conn, "drafter", "imap_filed", row.email_id, message_id=row.message_id,
            appended=appended, answered=bool(uids),
            moved_to=settings.imap_move_to if uids else "",
        )  # fmt: skip


def file_pending(desk_or_db: Any, settings: Settings, client: Any = None) -> int:
    """Do the post-send IMAP work of every sent reply still pending; returns how many.

    A failure is recorded on the row (it is retried next time) and never raised: the reply
    itself has gone out, and the agent's send must not look failed.
    """
    db: Database = getattr(desk_or_db, "db", desk_or_db)
    if not settings.imap_host:
        return 0
    with db.read() as conn:
        pending = imap_store.pending_sent(conn)
    if not pending:
        return 0
    own = client is None
    done = 0
    try:
        if own:
            client = imap.connect(settings)
        for row in pending:
            try:
                _file_one(client, db, settings, row)
                done += 1
            except _RETRY_LATER as exc:
                message = getattr(exc, "message", "") or str(exc)
                log.warning("filing the reply %s in Sent failed: %s", row.message_id, message)
                with db.write() as conn:
                    imap_store.finish_sent(conn, row.message_id, error=message or "failed")
                if isinstance(exc, imap.CONNECTION_LOST):
                    break
    except _UNREACHABLE as exc:
        log.warning("cannot reach the mailbox to file sent replies: %s", exc)
    finally:
        if own and client is not None:
            imap.close(client)
    return done
