"""Sending the approved reply once (two-phase, drafter.store.sending) and `recover()`, which
reconciles what a crash left: unfinished sends and emails stuck in `drafting`.
"""

from __future__ import annotations

import datetime as dt

from drafter.desk.base import DeskBase
from drafter.models import SendResult
from drafter.store import drafts, outbox, queue_state
from drafter.store.clock import utcnow


class Sending(DeskBase):
    """Send approved replies; reconcile after a crash."""

    def send(self, email_id: int) -> SendResult:
        """Send the approved reply once (see drafter.store.sending)."""
        from drafter.store.sending import send_reply

        result = send_reply(self.db, self.settings, self.agent, email_id)
        if self.settings.imap_host:  # copy to Sent, \Answered; retried later if it fails
            from drafter.mail.imap_sent import file_pending

            quick = min(self.settings.imap_timeout, 10.0)  # the reply is out; do not hang
            file_pending(self.db, self.settings.model_copy(update={"imap_timeout": quick}))
        return result

    def recover(self) -> dict[str, int]:
        """Reconcile what a crash left: unfinished sends, emails stuck in `drafting`.

        An email is stuck in `drafting` once its drafting claim has expired (at most
        DRAFTER_DRAFT_LEASE_SECONDS after a crash); a live claim means someone is drafting.
        """
        fixed = {"sends": 0, "drafting": 0}
        stale = utcnow() - dt.timedelta(seconds=self.settings.llm_total_timeout + 60)
        with self.db.read() as conn:
            unfinished = outbox.with_state(conn, "sending")
            drafting = queue_state.unclaimed_ids(conn, "drafting")
        if drafting:
            fixed["drafting"] = self._recover_drafting()
        if unfinished:
            from drafter.store.sending import recover_sends

            fixed["sends"] = recover_sends(self.db, self.settings, stale)
        return fixed

    def _recover_drafting(self) -> int:
        fixed = 0
        with self.db.write() as conn:
            for email_id in queue_state.unclaimed_ids(conn, "drafting"):
                if queue_state.lock(conn, email_id) is not None:
                    continue  # claimed meanwhile: someone is drafting it
                latest = drafts.latest(conn, email_id)
                queue_state.transition(
                    conn, email_id, "new" if latest is None else "ready", "drafter", "recovered",
                    force=True, was="drafting",
                )  # fmt: skip
                fixed += 1
        return fixed
