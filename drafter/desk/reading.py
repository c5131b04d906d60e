"""Reading the queue: rows, counts, one email, its versions, approvals, sends, audit, thread,
live-change tokens, the redacted text the model sees and knowledge-base articles.
"""

from __future__ import annotations

import time
from contextlib import suppress
from typing import TYPE_CHECKING

from drafter.desk.base import DeskBase
from drafter.errors import DrafterError
from drafter.models import Approval, DraftVersion, EmailRecord, QueueFilter, QueueItem
from drafter.store import audit, conversation, drafts, emails, outbox, queue_state

if TYPE_CHECKING:
    from drafter.evaluation.analytics import Analytics

SWEEP_EVERY = 5.0  # seconds: how often the live-queue wait looks for lapsed reviews


class Reading(DeskBase):
    """Read the queue and one email (no writes)."""

    def queue(
        self,
        *,
        status: QueueFilter | None = None,
        search: str = "",
        after: QueueItem | None = None,
        limit: int | None = None,
    ) -> list[QueueItem]:
        """Queue rows in queue order; `limit` rows after `after` for one page (the desk)."""
        if after is None:
            self.sweep_lapsed()
        with self.db.read() as conn:
            return emails.listing(conn, status=status, search=search, after=after, limit=limit)

    def sweep_lapsed(self) -> list[int]:
        """Put reviews a crashed desk left unchanged, whose claim ran out, back to `ready`
        (audit `review_lapsed`; see drafter.store.queue_state). A read first: the write
        transaction is only opened when there is one. A failing write is left to the next
        read (the queue still shows); returns the ids moved."""
        self._swept_at = time.monotonic()
        with self.db.read() as conn:
            ids = queue_state.lapsed_unchanged(conn)
        if not ids:
            return []
        with suppress(DrafterError), self.db.write() as conn:
            return queue_state.sweep(conn, ids)
        return []

    def counts(self) -> dict[str, int]:
        self.sweep_lapsed()
        with self.db.read() as conn:
            return emails.counts(conn)

    def email(self, email_id: int) -> EmailRecord:
        with self.db.read() as conn:
            return emails.get(conn, email_id)

    def raw(self, email_id: int) -> bytes:
        """The original bytes as imported (re-parse with drafter.mail.parse)."""
        with self.db.read() as conn:
            return emails.raw(conn, email_id)

    def versions(self, email_id: int) -> list[DraftVersion]:
        with self.db.read() as conn:
            emails.get(conn, email_id)
            return drafts.versions(conn, email_id)

    def approvals(self, email_id: int) -> list[Approval]:
        with self.db.read() as conn:
            return drafts.approvals_of(conn, email_id)

    def sends(self, email_id: int) -> list[outbox.OutboxRow]:
        with self.db.read() as conn:
            return outbox.of_email(conn, email_id)

    def audit(self, email_id: int | None = None) -> list[audit.AuditEntry]:
        with self.db.read() as conn:
            return audit.entries(conn, email_id)

    def changes(self) -> int:
        """A token that changes when another agent or process changes the queue (the live
        queue polls it; one indexed lookup)."""
        with self.db.read() as conn:
            return audit.last_change(conn, not_by=self.agent)

    def wait_changes(self, timeout: float) -> bool:
        """Block up to `timeout` seconds; True as soon as another agent or process changed
        the queue (PostgreSQL: LISTEN/NOTIFY, at once; SQLite: polled every 0.5 s). Every
        SWEEP_EVERY seconds it first puts lapsed unchanged reviews back to `ready` (True when
        it moved one), so an open queue shows them `ready` without anyone acting."""
        if time.monotonic() - self._swept_at >= SWEEP_EVERY and self.sweep_lapsed():
            return True
        if self._listener is None:
            from drafter.store.notify import Listener

            self._listener = Listener(self.db, self.agent)
        return bool(self._listener.wait(timeout))

    def pending_drafts(self) -> list[int]:
        """Emails waiting for their first draft (also those a crashed drafter left).

        Drafting one of these ids without an instruction drafts it only if it still has no
        draft when its drafting claim is taken, so two processes never draft one email twice.
        """
        with self.db.read() as conn:
            ids = emails.ids_with_status(conn, "new", unclaimed=True)
            ids += queue_state.unclaimed_ids(conn, "drafting")
        self._first_drafts.update(ids)
        return ids

    def conversation(self, email_id: int) -> list[conversation.Turn]:
        """The other emails of this email's thread and the replies sent, oldest first."""
        with self.db.read() as conn:
            emails.get(conn, email_id)
            return conversation.of_thread(conn, email_id)

    def stats(self) -> Analytics:
        """The figures of `drafter report` (drafter.evaluation.analytics), for the stats screen."""
        from drafter.evaluation.analytics import collect

        self.sweep_lapsed()
        return collect(
            self.db, goal_hours=self.settings.response_time_goal_hours, settings=self.settings
        )

    def redacted(self, email_id: int) -> str:
        """Subject and newest message pseudonymized with the thread's stored vault (a read:
        the vault is not written)."""
        record = self.email(email_id)
        red, _ = self._privacy().redact_email(record.email, save=False)
        return f"Subject: {red.subject}\n\n{red.body}"

    def article(self, kb_id: str) -> str:
        found = self._get_retriever().article(kb_id)
        if isinstance(found, str):
            return found
        title, url, body = found.get("title", kb_id), found.get("url", ""), found.get("text", "")
        return f"# {title}\n\n{url}\n\n{body}".replace("\n\n\n\n", "\n\n")
