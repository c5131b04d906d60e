"""Review decisions: save edits (one version per editing session), approve, acknowledge risky
warnings, reject and reopen; and the review claims (claim, renew, claim next, release).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from drafter.acknowledge import key as ack_key
from drafter.acknowledge import needs_ack
from drafter.desk.base import DeskBase
from drafter.drafting.agent_text import with_agent_checks
from drafter.errors import StoreError
from drafter.models import Approval, DraftVersion, DraftWarning
from drafter.store import acks, audit, drafts, emails, queue_next, queue_state
from drafter.store.queue_state import Claim
from drafter.store.schema import emails as email_rows


class Review(DeskBase):
    """The agent's decisions on one email, and review claims."""

    def save_edit(self, email_id: int, body: str, *, amend: int | None = None) -> DraftVersion:
        """Save the agent's text. `amend`: the id of the version this editing session saved
        before; while it is still the latest unapproved edit it is updated in place, so one
        session makes one version. A session whose text is back to the version before it
        (its edits undone) leaves no version: it is deleted (audit `edit_undone`) and the
        version before it is returned."""
        with self.db.write() as conn:
            return self._save_edit(conn, email_id, body, amend)

    def _save_edit(
        self, conn: Any, email_id: int, body: str, amend: int | None = None
    ) -> DraftVersion:
        queue_state.check_claim(conn, email_id, self.agent)
        record = emails.get(conn, email_id)
        latest = drafts.latest(conn, email_id)
        if latest is not None and latest.body == body:
            return latest
        queue_state.check_open(record.status, email_id, "edit")
        amend_latest = (
            latest is not None
            and drafts.may_amend(latest, amend, self.agent)
            and not drafts.is_approved(conn, latest.version_id)
        )
        if amend_latest and latest is not None:
            before = drafts.undoes(conn, latest, body)
            if before is not None:  # the session's edits were all undone: no version left
                drafts.drop_version(conn, latest)
                audit.record(conn, self.agent, "edit_undone", email_id, version=latest.number)
                return before
        base = latest.draft if latest is not None else None
        checked = with_agent_checks(self.settings, record.email, body, base)
        if amend_latest and latest is not None:
            version = drafts.amend_version(conn, latest, body, checked)
            audit.record(conn, self.agent, "edited", email_id, version=version.number, amended=True)
            return version
        version = drafts.add_version(
            conn, email_id, body, checked, source="edit", author=self.agent
        )
        if record.status in ("new", "ready", "needs_attention"):
            queue_state.transition(
                conn, email_id, "in_review", self.agent, "edited", version=version.number
            )
        else:
            audit.record(conn, self.agent, "edited", email_id, version=version.number)
        return version

    def approve(self, email_id: int, body: str) -> Approval:
        if not body.strip():
            raise StoreError(
                f"the reply to email {email_id} is empty", hint="write a reply before approving"
            )
        with self.db.write() as conn:
            version = self._save_edit(conn, email_id, body)
            queue_state.check_open(emails.status_of(conn, email_id), email_id, "approve")
            _, approval = drafts.add_approval(conn, version, self.agent)
            audit.record(
                conn, self.agent, "approved", email_id, version=version.number,
                sha256=approval.sha256,
            )  # fmt: skip
            return approval

    def checked(self, email_id: int, body: str) -> list[DraftWarning]:
        """The warnings approving `body` would give the reply (see DeskService.checked)."""
        with self.db.read() as conn:
            record = emails.get(conn, email_id)
            latest = drafts.latest(conn, email_id)
        if latest is not None and latest.body == body:
            return latest.draft.warnings
        base = latest.draft if latest is not None else None
        return with_agent_checks(self.settings, record.email, body, base).warnings

    def unacknowledged(self, email_id: int) -> list[DraftWarning]:
        """Risky warnings of the latest version nobody has acknowledged (send refuses them)."""
        with self.db.read() as conn:
            latest = drafts.latest(conn, email_id)
            return [] if latest is None else acks.missing(conn, self.settings, latest)

    def acknowledge(self, email_id: int, warning: DraftWarning) -> None:
        """Record that this agent read and accepts one risky warning (audit `acknowledged`)."""
        with self.db.write() as conn:
            queue_state.check_claim(conn, email_id, self.agent)
            latest = drafts.latest(conn, email_id)
            required = self.settings.ack_required_warnings
            risky = needs_ack(required, latest.draft.warnings, latest.body) if latest else []
            if latest is None or ack_key(warning) not in {ack_key(w) for w in risky}:
                raise StoreError(
                    f"email {email_id} has no such warning to acknowledge "
                    f"({warning.code}: {warning.message})",
                    hint="reload the email; the draft may have changed",
                )
            acks.record(conn, self.agent, latest, warning)

    def reject(self, email_id: int, reason: str) -> None:
        with self.db.write() as conn:
            queue_state.check_claim(conn, email_id, self.agent)
            queue_state.check_open(emails.status_of(conn, email_id), email_id, "reject")
            drafts.add_rejection(conn, email_id, reason, self.agent)
            queue_state.transition(
                conn, email_id, "rejected", self.agent, "rejected", reason=reason
            )

    def reopen(self, email_id: int, reason: str) -> None:
        """Put a rejected email back into review; the reason is audited. Sent stays sent."""
        if not reason.strip():
            raise StoreError(
                f"reopening email {email_id} needs a reason", hint="say why it is reopened"
            )
        with self.db.write() as conn:
            queue_state.check_claim(conn, email_id, self.agent)
            record = emails.get(conn, email_id)
            erased = conn.execute(
                select(email_rows.c.erased_at).where(email_rows.c.id == email_id)
            ).scalar()
            if erased is not None:
                raise StoreError(
                    f"email {email_id}'s personal data was erased: it cannot be reopened",
                    hint="its text and sender are gone (Art. 17 request or the retention); "
                    "a new email from the customer comes in as a new email",
                )
            if record.status != "rejected":
                raise StoreError(
                    f"email {email_id} is {record.status}; only a rejected email can be reopened",
                    hint=(
                        "a sent reply cannot be taken back; answer again from a new email"
                        if record.status == "sent"
                        else "it is still open: open it in the desk or `drafter inbox show`"
                    ),
                )
            latest = drafts.latest(conn, email_id)
            queue_state.transition(
                conn, email_id, "new" if latest is None else "in_review", self.agent,
                "reopened", reason=reason.strip(),
            )  # fmt: skip

    # --- claims (drafter.store.queue_state) ----------------------------------------------

    def claim(self, email_id: int) -> Claim:
        """Claim the email for this agent for `claim_lease_seconds` (renews an own claim);
        ClaimedError (a StoreError) names the agent holding it and since when."""
        with self.db.write() as conn:
            return queue_state.claim(conn, email_id, self.agent, self.lease, owner=self.owner)

    def renew(self, email_id: int, lease: float | None = None) -> bool:
        """Extend this agent's claim; False when it was lost (expired and taken over)."""
        with self.db.write() as conn:
            return queue_state.renew(conn, email_id, self.agent, lease or self.lease)

    def claim_next(self, *, drafting: bool = False) -> int | None:
        """Claim the oldest unclaimed workable email, urgent first; None when there is none.
        `drafting`: the oldest unclaimed `new` email, with a drafting claim (for workers)."""
        with self.db.write() as conn:
            if drafting:
                return queue_next.claim_next(
                    conn, self.agent, self.draft_lease, ("new",), "drafting", owner=self.owner
                )
            return queue_next.claim_next(conn, self.agent, self.lease, owner=self.owner)

    def worker_running(self) -> bool:
        """Whether a `drafter worker` pre-drafts for the team (then desks do not)."""
        from drafter.store import presence

        with self.db.read() as conn:
            return presence.alive(conn) > 0

    def release(self, email_id: int) -> bool:
        """Drop this agent's claim; False when it held none (nothing changed)."""
        with self.db.write() as conn:
            return queue_state.release(conn, email_id, self.agent)
