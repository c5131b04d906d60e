"""Streaming a draft into the email screen's editor: the earlier text stays in view until the
first streamed piece, the streamed text is shown at most 30 times a second, and the earlier
text and header come back when the (re)draft fails. `DraftStreaming` is the email screen's
base for this."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from textual.widgets import Label

from drafter.errors import DrafterError
from drafter.tui.i18n import t
from drafter.tui.messages import DraftFailed, DraftFinished, DraftMessage, DraftStarted
from drafter.tui.screens.email_view import EmailView

if TYPE_CHECKING:
    from textual.timer import Timer

STREAM_FRAME = 1 / 30  # seconds: streamed pieces are shown together, at most 30 times a second


class DraftStreaming(EmailView):
    """The editor follows the desk's drafting progress of this email."""

    streaming: bool
    _before_stream: str
    _status_before_stream: str  # the header of the draft a (re)draft may replace
    _shown: int  # characters of the streamed text already in the editor
    _stream_timer: Timer | None
    _checks_warmed: bool

    def _warm_checks(self, text: str) -> None:
        """Run the reply checks once in the background: their first run in a desk loads the
        first-name table and the drafting modules (seconds under load; a desk whose drafts a
        worker wrote never loaded them), which f9's send dialog would otherwise wait for. The
        result is not kept: f9 checks the editor's text again."""
        if self._checks_warmed or not text.strip():
            return
        self._checks_warmed = True

        async def run() -> None:
            with suppress(DrafterError):  # f9 reports an error itself
                await self.desk.call(self.desk.service.checked, self.email_id, text)

        self.run_worker(run(), group="warm-checks")

    def _begin_stream(self, keep: str, loading: bool = False) -> None:
        """The earlier text stays in view (read-only) until the first streamed piece replaces
        it: a slow or dead model endpoint no longer leaves the agent an empty editor."""
        self.streaming = True
        self._before_stream = keep
        self._shown = 0
        self.editor.read_only = True
        status = self.query_one("#draft-status", Label)
        self._status_before_stream = str(status.content) if keep.strip() else ""
        status.update(t("draft.loading" if loading else "draft.drafting"))

    def _end_stream(self) -> bool:
        """Stop a stream that brought no new draft: the earlier text and header come back.

        True when there was an earlier draft to go back to."""
        self.streaming = False
        self.editor.load_text(self._before_stream)
        self.editor.read_only = False
        if self.saved_text is None:
            self.saved_text = self._before_stream
        if not self._status_before_stream:
            return False
        self.query_one("#draft-status", Label).update(self._status_before_stream)
        return True

    def _sync_stream(self) -> None:
        progress = self.desk.progress.get(self.email_id)
        if progress is None or not self.streaming:
            return
        missing = progress.text[self._shown :]
        if missing:
            if self._shown == 0:  # the first piece: the earlier text goes now
                self.editor.load_text("")
            self.editor.insert(missing, self.editor.document.end)
            self._shown = len(progress.text)

    def on_draft_progress(self, message: DraftMessage) -> None:
        if message.email_id != self.email_id or self.record is None:
            return
        if isinstance(message, DraftStarted):
            if not self.streaming:
                self._begin_stream(keep=self.editor.text, loading=message.loading)
            elif not message.loading:  # the engine has loaded: drafting now
                self.query_one("#draft-status", Label).update(t("draft.drafting"))
            self._sync_stream()
        elif isinstance(message, DraftFinished):
            self.streaming = False
            self._set_text(message.draft.body)
            self._session_version = None
            self._show_draft(message.draft, t("draft.generated"))
            self._warm_checks(message.draft.body)
            self.run_worker(self._refresh_record(versions=True), group="email-load")
        elif isinstance(message, DraftFailed):
            # the app has notified the message and hint; an earlier draft keeps its header
            if not (self.streaming and self._end_stream()):
                status = t("draft.failed", message=message.message)
                self.query_one("#draft-status", Label).update(status)
        elif self._stream_timer is None:  # coalesce pieces: at most one editor update a frame
            self._stream_timer = self.set_timer(STREAM_FRAME, self._flush_stream)

    def _flush_stream(self) -> None:
        self._stream_timer = None
        self._sync_stream()
