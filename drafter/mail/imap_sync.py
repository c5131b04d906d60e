"""Importing from IMAP by UID: one pass (`drafter inbox import imap`) and the watcher.

Per folder the store keeps UIDVALIDITY and the last imported UID (drafter.store.imap). A pass
fetches the sizes of the UIDs above it, then the messages in small batches (a large message
alone, so it never holds up the rest) with `BODY.PEEK[]` (the mailbox's \\Seen flags stay as
they are), hands them to `Desk.import_messages` (the same parse, quarantine and duplicate
check as every other source) and only then advances the position: a crash or a dropped
connection re-fetches at most one batch, and the import key makes that a no-op. A changed
UIDVALIDITY starts over from UID 1 without duplicates. A message above
DRAFTER_IMAP_MAX_MESSAGE_MB, or one that breaks the import, is recorded in `imap_skipped`
with its UID and never fetched again. drafter's own replies (Message-ID in the outbox) and
the `\\Sent` folder are never imported.

`watch()` loops: sync, file pending Sent copies, wait with IDLE (or poll), and reconnect
with exponential backoff when the server goes away.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from drafter.config import Settings
from drafter.desk import Desk
from drafter.errors import DrafterError
from drafter.i18n import t
from drafter.mail import imap
from drafter.mail.imap import source_of
from drafter.store import audit
from drafter.store import imap as imap_store

log = logging.getLogger(__name__)

BATCH_MESSAGES = 50
BATCH_BYTES = 8 * 1024 * 1024


class SyncReport(BaseModel):
    imported: int = 0
    duplicates: int = 0
    quarantined: int = 0
    skipped: int = 0
    own_replies: int = 0
    email_ids: list[int] = []

    def add(self, other: SyncReport) -> None:
        self.imported += other.imported
        self.duplicates += other.duplicates
        self.quarantined += other.quarantined
        self.skipped += other.skipped
        self.own_replies += other.own_replies
        self.email_ids.extend(other.email_ids)

    def line(self) -> str:
        """The counts as the command line prints them, in the interface language."""
        return t(
            "imap.imported",
            imported=self.imported,
            duplicates=self.duplicates,
            quarantined=self.quarantined,
            skipped=self.skipped,
        )


def _batches(uids: list[int], sizes: dict[int, int]) -> list[list[int]]:
    out: list[list[int]] = []
    current: list[int] = []
    total = 0
    for uid in uids:
        size = sizes.get(uid, 0)
        if current and (len(current) >= BATCH_MESSAGES or total + size > BATCH_BYTES):
            out.append(current)
            current, total = [], 0
        current.append(uid)
        total += size
    if current:
        out.append(current)
    return out


def _message_ids(raws: list[bytes]) -> list[str]:
    from email.parser import BytesHeaderParser

    parser = BytesHeaderParser()
    ids = []
    for raw in raws:
        head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
        ids.append(str(parser.parsebytes(head).get("Message-ID", "") or "").strip())
    return ids


def sync_folder(client: Any, desk: Desk, settings: Settings, folder: str) -> SyncReport:
    """Import every message in `folder` above the remembered UID."""
    report = SyncReport()
    key = imap.mailbox_key(settings, folder)
    info = client.select_folder(folder, readonly=True)
    validity = int(info[b"UIDVALIDITY"])
    with desk.db.read() as conn:
        known = imap_store.folder_state(conn, key)
    last = known.last_uid if known is not None and known.uidvalidity == validity else 0
    if known is not None and known.uidvalidity != validity:
        log.warning("UIDVALIDITY of %s changed: re-syncing (duplicates are skipped)", folder)
        with desk.db.write() as conn:
            imap_store.save_folder_state(conn, key, validity, 0)
            audit.record(conn, "drafter", "imap_resync", None, folder=folder)
    # every UID below UIDNEXT (read before the SEARCH) that the SEARCH does not return is gone
    seen_all = int(info.get(b"UIDNEXT", 0) or 0) - 1
    uids = sorted(int(u) for u in client.search(["UID", f"{last + 1}:*"]) if int(u) > last)
    if not uids:
        if seen_all > last:
            with desk.db.write() as conn:
                imap_store.save_folder_state(conn, key, validity, seen_all)
        return report
    sizes: dict[int, int] = {}
    for start in range(0, len(uids), 500):
        found = client.fetch(uids[start : start + 500], ["RFC822.SIZE"])
        sizes.update({int(uid): int(data.get(b"RFC822.SIZE", 0)) for uid, data in found.items()})
    limit = int(settings.imap_max_message_mb * 1024 * 1024)
    for batch in _batches(uids, sizes):
        wanted = [u for u in batch if sizes.get(u, 0) <= limit and u in sizes]
        for uid in batch:
            if uid not in wanted:
                reason = (
                    "gone before it was fetched"
                    if uid not in sizes
                    else f"too large ({sizes[uid] / 1048576:.1f} MB > "
                    f"DRAFTER_IMAP_MAX_MESSAGE_MB={settings.imap_max_message_mb:g})"
                )
                report.skipped += _skip(desk, key, validity, uid, reason, folder)
        fetched = client.fetch(wanted, ["BODY.PEEK[]"]) if wanted else {}
        found_uids = [u for u in wanted if u in fetched]
        raws = [bytes(fetched[u][b"BODY[]"]) for u in found_uids]
        ids = _message_ids(raws)
        with desk.db.read() as conn:
            own = imap_store.known_message_ids(conn, [i for i in ids if i])
        messages = []
        for uid, raw, message_id in zip(found_uids, raws, ids, strict=True):
            if message_id and message_id in own:
                report.own_replies += 1
                continue
            messages.append((source_of(settings, folder, validity, uid), raw, uid))
        report.add(_import(desk, key, validity, folder, messages))
        with desk.db.write() as conn:  # only after the batch is safely in the queue
            imap_store.save_folder_state(conn, key, validity, max(batch))
    if seen_all > uids[-1]:
        with desk.db.write() as conn:
            imap_store.save_folder_state(conn, key, validity, seen_all)
    return report


def _skip(desk: Desk, key: str, validity: int, uid: int, reason: str, folder: str) -> int:
    with desk.db.write() as conn:
        new = imap_store.skip(conn, key, validity, uid, reason)
        if new:
            audit.record(conn, "drafter", "imap_skipped", None, folder=folder, uid=uid, why=reason)
    if new:
        log.warning("skipped UID %s in %s: %s", uid, folder, reason)
    return int(new)


def _import(
    desk: Desk, key: str, validity: int, folder: str, messages: list[tuple[str, bytes, int]]
) -> SyncReport:
    report = SyncReport()
    try:
        done = desk.import_messages([(s, r) for s, r, _ in messages])
        report.imported, report.duplicates = done.imported, done.duplicates
        report.quarantined, report.email_ids = done.quarantined, list(done.email_ids)
        return report
    except DrafterError:
        raise
    except Exception:  # one bad message must not block the batch: retry one by one
        pass
    for source, raw, uid in messages:
        try:
            done = desk.import_messages([(source, raw)])
        except DrafterError:
            raise
        except Exception as exc:
            report.skipped += _skip(desk, key, validity, uid, f"cannot be imported: {exc}", folder)
            continue
        report.imported += done.imported
        report.duplicates += done.duplicates
        report.quarantined += done.quarantined
        report.email_ids.extend(done.email_ids)
    return report


def _folders(client: Any, settings: Settings) -> list[str]:
    sent = imap.sent_folder(client)
    folders = [f for f in settings.imap_folders if f != sent]
    if len(folders) < len(settings.imap_folders):
        log.warning("not importing the Sent folder %s (drafter's replies live there)", sent)
    return folders


def sync_all(client: Any, desk: Desk, settings: Settings) -> SyncReport:
    report = SyncReport()
    folders = _folders(client, settings)
    if not folders:
        raise imap.ImapError(
            "DRAFTER_IMAP_FOLDERS names no folder to import from (the Sent folder is never "
            "imported)",
            hint="set DRAFTER_IMAP_FOLDERS=INBOX (or the folders customers write to)",
        )
    for folder in folders:
        if not client.folder_exists(folder):
            raise imap.ImapError(
                f"the folder {folder!r} does not exist on {settings.imap_host}",
                hint="fix DRAFTER_IMAP_FOLDERS (run `drafter inbox check`)",
            )
        report.add(sync_folder(client, desk, settings, folder))
    return report


def import_once(desk: Desk, settings: Settings) -> SyncReport:
    """One pass over every configured folder (`drafter inbox import imap`)."""
    from drafter.mail.imap_sent import file_pending

    with imap.session(settings) as client:
        report = sync_all(client, desk, settings)
        file_pending(desk, settings, client)
    return report


def _arrived_meanwhile(desk: Desk, settings: Settings, folder: str, info: Any) -> bool:
    """Did mail arrive between the last sync and now (it would not be announced in IDLE)?"""
    with desk.db.read() as conn:
        known = imap_store.folder_state(conn, imap.mailbox_key(settings, folder))
    if known is None:
        return True
    uidnext = int(info.get(b"UIDNEXT", 0) or 0)
    return int(info[b"UIDVALIDITY"]) != known.uidvalidity or uidnext - 1 > known.last_uid


def _wait(client: Any, desk: Desk, settings: Settings, stop: threading.Event, idle: bool) -> None:
    """Block until the server reports a change, the IDLE period ends, or `stop` is set."""
    period = settings.imap_idle_seconds if idle else settings.imap_poll_seconds
    if len(settings.imap_folders) > 1:  # IDLE watches one folder; poll the others too
        period = min(period, settings.imap_poll_seconds)
    deadline = time.monotonic() + period
    if not idle:
        while not stop.is_set() and time.monotonic() < deadline:
            stop.wait(min(1.0, deadline - time.monotonic()))
        return
    folder = _folders(client, settings)[0]
    info = client.select_folder(folder, readonly=True)
    if _arrived_meanwhile(desk, settings, folder, info):
        return
    client.idle()
    try:
        while not stop.is_set() and time.monotonic() < deadline:
            responses = client.idle_check(timeout=min(1.0, deadline - time.monotonic()))
            if any(isinstance(r, tuple) and b"EXISTS" in r for r in responses):
                return
    finally:
        client.idle_done()


def watch(
    desk: Desk,
    settings: Settings,
    *,
    stop: threading.Event | None = None,
    on_report: Callable[[SyncReport], None] | None = None,
    max_backoff: float = 60.0,
) -> None:
    """Import new mail until `stop` is set; reconnect with backoff when the server drops."""
    from drafter.mail.imap_sent import file_pending

    stop = stop or threading.Event()
    backoff = 1.0
    while not stop.is_set():
        client = None
        try:
            client = imap.connect(settings)
            backoff = 1.0
            idle = bool(client.has_capability("IDLE"))
            while not stop.is_set():
                report = sync_all(client, desk, settings)
                file_pending(desk, settings, client)
                if on_report is not None:
                    on_report(report)
                _wait(client, desk, settings, stop, idle)
        except imap.ImapUnavailable as exc:
            log.warning("%s; retrying in %.0f s", exc.message, backoff)
        except DrafterError:
            raise  # wrong password, missing folder...: retrying does not help
        except imap.CONNECTION_LOST as exc:
            log.warning("the IMAP connection dropped (%s); reconnecting in %.0f s", exc, backoff)
        finally:
            if client is not None:
                imap.close(client)
        stop.wait(backoff)
        backoff = min(backoff * 2, max_backoff)
