"""`EmailView`: what the email screen's helper modules (decisions, draft_pane, email_pane,
panels, reopen, streaming) use of it.

The helpers take an `EmailView`, not `EmailScreen`, so they need not import
drafter.tui.screens.email (which imports them): no import circle, not even one for the type
checker. EmailScreen subclasses this class (through streaming.DraftStreaming) and overrides
every method below.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from drafter.models import Draft, EmailRecord
    from drafter.tui.host import DeskHost


class EmailView(Screen[None]):
    """One email and its reply draft, as the helpers see it."""

    email_id: int
    record: EmailRecord | None
    draft: Draft | None
    saved_text: str | None  # what the service holds; None: nothing loaded yet
    _session_version: int | None  # the version the current editing session saves to
    _redacted_loaded: bool
    _redacted: asyncio.Task[str] | None  # the pseudonymized text, loading since the email opened
    _warning_at: int  # the warning f6 selected last
    held_by: str  # "being handled by …" when another agent holds the claim
    _claimed: bool  # this desk holds the email's review claim (renewed while open)

    @property
    def desk(self) -> DeskHost:
        return self.app  # type: ignore[return-value]  # the DeskApp (a DeskHost)

    @property
    def editor(self) -> TextArea:
        raise NotImplementedError

    @property
    def final(self) -> bool:
        """Sent or rejected: the reply is read only."""
        raise NotImplementedError

    def busy(self) -> bool:
        """Notify and return True when the reply cannot change now."""
        raise NotImplementedError

    async def flush(self, announce: bool = False) -> bool:
        """Save the editor's text if it changed; False when saving failed."""
        raise NotImplementedError

    async def reload(self) -> None:
        raise NotImplementedError

    def show_email(self, record: EmailRecord) -> None:
        raise NotImplementedError

    def _set_text(self, text: str) -> None:
        """Load the reply's saved text into the editor."""
        raise NotImplementedError

    def _show_draft(self, draft: Draft, status: str) -> None:
        raise NotImplementedError

    async def _refresh_record(self, versions: bool = False) -> None:
        """Re-read the email's status (and, after drafting, the new version's number)."""
        raise NotImplementedError
