"""`drafter worker`: one process that imports and pre-drafts for the whole team.

Each round: heartbeat (drafter.store.presence, so desks stop pre-drafting themselves), import
the configured source (duplicates are no-ops), then draft every `new` email: each lane takes
the oldest unclaimed one with a drafting claim (`Desk.claim_next(drafting=True)`: FOR UPDATE
SKIP LOCKED on PostgreSQL), so any number of workers and desks never draft one email twice.
With DRAFTER_RETENTION_DAYS set, the first round and then one round an hour also apply the
retention (`drafter.privacy_ops.requests.purge`, what `drafter privacy purge` runs).
"""

from __future__ import annotations

import asyncio
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path

from drafter.desk import Desk
from drafter.error_text import german_message
from drafter.errors import DrafterError
from drafter.i18n import language, t
from drafter.models import Done, Failed
from drafter.store import presence

HEARTBEAT_S = 10.0
PURGE_EVERY_S = 3600.0


def _said(message: str) -> str:
    """A core message (English) in the interface language where drafter.error_text knows it."""
    return german_message(message) if language() == "de" else message


class Worker:
    def __init__(
        self,
        desk: Desk,
        *,
        source: Path | None = None,
        concurrency: int = 2,
        say: Callable[[str], None] = print,
    ) -> None:
        self.desk = desk
        self.source = source
        self.concurrency = max(1, concurrency)
        self.say = say
        self.name = f"{desk.agent}@{socket.gethostname()}:{os.getpid()}"
        self._beat_at = 0.0
        self._purged_at: float | None = None
        self.purged = 0  # closed emails erased by the retention
        self.drafted = 0
        self.failed = 0

    def beat(self, force: bool = False) -> None:
        if force or time.monotonic() - self._beat_at > HEARTBEAT_S:
            with self.desk.db.write() as conn:
                presence.beat(conn, self.name)
            self._beat_at = time.monotonic()

    def purge_due(self) -> int:
        """Apply DRAFTER_RETENTION_DAYS (at most once an hour); how many emails it erased."""
        if self.desk.settings.retention_days <= 0:
            return 0
        now = time.monotonic()
        if self._purged_at is not None and now - self._purged_at < PURGE_EVERY_S:
            return 0
        from drafter.privacy_ops.requests import purge

        self._purged_at = now
        erased = len(purge(self.desk.db, self.desk.settings).candidates)
        if erased:
            self.purged += erased
            self.say(t("worker.retention", n=erased, days=self.desk.settings.retention_days))
        return erased

    def import_source(self) -> int:
        if self.source is None:
            return 0
        from drafter.mail.sources import iter_source

        report = self.desk.import_messages(iter_source(self.source))
        if report.imported:
            self.say(t("worker.imported", n=report.imported, source=self.source))
        return report.imported

    async def draft_pending(self) -> int:
        """Draft `new` emails until none is left unclaimed; returns how many were drafted."""
        before = self.drafted
        await self.desk.ready_engine()  # before any claim; off the loop (seconds, the first time)

        async def lane() -> None:
            while True:
                self.beat()
                email_id = await asyncio.to_thread(self.desk.claim_next, drafting=True)
                if email_id is None:
                    return
                try:
                    async for event in self.desk.draft(email_id):
                        if isinstance(event, Done):
                            self.drafted += 1
                            self.say(t("inbox.ready", id=email_id))
                        elif isinstance(event, Failed) and event.skipped:
                            self.say(f"#{email_id} {_said(event.message)}")  # another has it
                        elif isinstance(event, Failed):
                            self.failed += 1
                            self.say(t("inbox.failed", id=email_id, message=_said(event.message)))
                except DrafterError as error:  # e.g. an agent claimed it meanwhile
                    self.say(t("worker.skipped", id=email_id, message=_said(error.message)))

        await asyncio.gather(*(lane() for _ in range(self.concurrency)))
        return self.drafted - before

    def run(self, *, once: bool = False, interval: float = 5.0) -> None:
        self.beat(force=True)
        self.desk.engine()  # fails once, with a hint, when the knowledge base is missing
        try:
            while True:
                self.beat()
                self.purge_due()
                self.import_source()
                asyncio.run(self.draft_pending())
                if once:
                    return
                time.sleep(interval)
        finally:
            with self.desk.db.write() as conn:
                presence.gone(conn, self.name)
