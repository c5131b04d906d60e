"""Textual messages that carry drafting-engine events from workers to the screens.

A worker consumes `DeskService.draft()` and posts one message per engine event to the app
(toolong's run_scan pattern); the app keeps per-email progress and forwards to the screens.
"""

from __future__ import annotations

from textual.message import Message

from drafter.models import Draft, Passage


class DraftMessage(Message):
    """Base: something happened to the draft of one email."""

    def __init__(self, email_id: int) -> None:
        super().__init__()
        self.email_id = email_id


class DraftStarted(DraftMessage):
    """A (re)generation or rewrite started. `loading`: the drafting engine is still loading
    (the first draft of a session: the index and the models); another DraftStarted without it
    follows once it has loaded."""

    def __init__(
        self, email_id: int, instruction: str = "", background: bool = False, loading: bool = False
    ) -> None:
        super().__init__(email_id)
        self.instruction = instruction
        self.background = background
        self.loading = loading


class DraftRetrieved(DraftMessage):
    """Passages were retrieved for the draft."""

    def __init__(self, email_id: int, passages: list[Passage]) -> None:
        super().__init__(email_id)
        self.passages = passages


class DraftDelta(DraftMessage):
    """A piece of streamed draft text."""

    def __init__(self, email_id: int, text: str) -> None:
        super().__init__(email_id)
        self.text = text


class DraftFinished(DraftMessage):
    """The draft is complete and saved as a new version."""

    def __init__(self, email_id: int, draft: Draft) -> None:
        super().__init__(email_id)
        self.draft = draft


class DraftFailed(DraftMessage):
    """Drafting failed; `message` and `hint` are shown to the agent."""

    def __init__(self, email_id: int, message: str, hint: str = "") -> None:
        super().__init__(email_id)
        self.message = message
        self.hint = hint


class QueueChanged(Message, bubble=False):
    """Another desk or process changed the queue (the queue screen's live wait saw it while
    another screen is on top): an email open read-only re-reads who holds it."""
