"""The review-desk service: the one interface the TUI and CLI use to work the queue.

`DeskService` combines the store (queue, drafts, approvals, audit), the drafting engine and
sending. The TUI receives an implementation through `make_app(settings, service=...)` and
never touches SQLAlchemy, openai or chromadb itself.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Protocol

from drafter.models import (
    Approval,
    DraftEvent,
    DraftVersion,
    DraftWarning,
    EmailRecord,
    QueueFilter,
    QueueItem,
    SendResult,
)

if TYPE_CHECKING:  # the analytics module (and SQLAlchemy) load only when used
    from drafter.evaluation.analytics import Analytics
    from drafter.store.conversation import Turn


class DeskService(Protocol):
    """What an agent can do. Every method that changes state persists before it returns."""

    def queue(
        self,
        *,
        status: QueueFilter | None = None,
        search: str = "",
        after: QueueItem | None = None,
        limit: int | None = None,
    ) -> list[QueueItem]:
        """Queue rows, urgent first, then oldest; `search` matches sender and subject. One
        page: at most `limit` rows following the row `after` (None: from the start)."""
        ...

    def email(self, email_id: int) -> EmailRecord: ...

    def redacted(self, email_id: int) -> str:
        """The pseudonymized text exactly as the model sees it."""
        ...

    def versions(self, email_id: int) -> list[DraftVersion]:
        """Every saved version of the reply, oldest first."""
        ...

    def draft(self, email_id: int, *, instruction: str = "") -> AsyncIterator[DraftEvent]:
        """(Re)generate the draft, or rewrite the latest version when `instruction` is given.

        Yields engine events; the finished draft is saved as a new version before `Done`.
        """
        ...

    def save_edit(self, email_id: int, body: str, *, amend: int | None = None) -> DraftVersion:
        """Save the agent's edited text as a new version (no-op if unchanged).

        `amend`: the version id this editing session saved before; while that is still the
        latest, unapproved edit it is updated in place (one session, one version); when
        `body` is the text of the version before it again (the edits undone), that edit is
        dropped (audit `edit_undone`) and the version before it is returned.
        StoreError when the email is sent or rejected.
        """
        ...

    def approve(self, email_id: int, body: str) -> Approval:
        """Record approval of exactly `body` (its SHA-256); saves it as a version if needed."""
        ...

    def checked(self, email_id: int, body: str) -> list[DraftWarning]:
        """The warnings approving `body` would give the reply: the latest draft's, brought
        up to date for text the agent typed or pasted (drafter.drafting.agent_text)."""
        ...

    def unacknowledged(self, email_id: int) -> list[DraftWarning]:
        """Risky warnings of the latest version (DRAFTER_ACK_REQUIRED_WARNINGS) that nobody
        has acknowledged since it was generated; send refuses while any is left."""
        ...

    def acknowledge(self, email_id: int, warning: DraftWarning) -> None:
        """Record (audit `acknowledged`: agent, kind, text) that the agent accepts one risky
        warning of the latest version; StoreError if the draft has no such warning."""
        ...

    def send(self, email_id: int) -> SendResult:
        """Send the approved reply; refuses without a matching approval or with risky
        warnings left unacknowledged; idempotent.

        StoreError: not approved, or changed since approval, or an earlier SMTP attempt may
        have gone out (the email is then `needs_attention`). MailError: the transport refused
        (nothing was sent; retrying is safe). Sending again returns `already_sent=True`.
        """
        ...

    def reject(self, email_id: int, reason: str) -> None:
        """Close the email without a reply (final); StoreError if already sent/rejected."""
        ...

    def reopen(self, email_id: int, reason: str) -> None:
        """Put a rejected email back into review (the reason is audited); StoreError otherwise."""
        ...

    def can_rewrite(self) -> str:
        """Empty when rewriting with a model works; otherwise the reason it cannot."""
        ...

    def conversation(self, email_id: int) -> list[Turn]:
        """The other emails of this email's thread and the replies sent, oldest first."""
        ...

    def claim(self, email_id: int) -> object:
        """Claim the email for settings.agent_id for DRAFTER_CLAIM_LEASE_SECONDS (renews an
        own claim); StoreError naming the holder and since when if another agent has it."""
        ...

    def renew(self, email_id: int) -> bool:
        """Extend this agent's claim while the email is open; False when it was lost."""
        ...

    def release(self, email_id: int) -> bool:
        """Drop this agent's claim; False (and nothing changed) when it held none."""
        ...

    def article(self, kb_id: str) -> str:
        """The full text of a knowledge-base article (Markdown), for the sources pane."""
        ...

    def changes(self) -> int:
        """A token that changes whenever another agent or process changes the queue."""
        ...

    def wait_changes(self, timeout: float) -> bool:
        """Block up to `timeout` seconds; True once another agent or process changed the
        queue (the live queue calls it in a loop: PostgreSQL NOTIFY, SQLite polling)."""
        ...

    def worker_running(self) -> bool:
        """Whether a `drafter worker` pre-drafts for the team (the desk then does not)."""
        ...

    def pending_drafts(self) -> list[int]:
        """Emails waiting for a first draft (for background pre-drafting)."""
        ...

    def stats(self) -> Analytics:
        """The desk analytics `drafter report` shows (per contact reason, per prompt version,
        rejection reasons, knowledge gaps), read in one transaction."""
        ...
