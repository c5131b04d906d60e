"""Reopening a rejected email: ask for the reason (required, audited by the service), then put
the email back into review and make the draft editable again."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from drafter.tui.host import attempt
from drafter.tui.i18n import t

if TYPE_CHECKING:
    from drafter.tui.screens.email_view import EmailView


class ReopenScreen(ModalScreen[str | None]):
    """Ask why a rejected email is reopened; returns the reason, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", t("close"), id="modal_close")
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="reopen-dialog", classes="dialog"):
            yield Static(t("reopen.title"))  # wraps at 80 columns (a Label was cut)
            yield Input(placeholder=t("reopen.placeholder"), id="reopen-reason")
            yield Label("", id="reopen-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.query_one("#reopen-error", Label).update(t("reason.required"))
            return
        self.dismiss(event.value.strip())

    def action_close(self) -> None:
        self.dismiss(None)


def reopen(screen: EmailView) -> None:
    """Ask for a reason, then reopen the (rejected) email shown on `screen`."""

    def chosen(reason: str | None) -> None:
        if reason:
            screen.run_worker(_reopen(screen, reason), group="reopen")

    screen.app.push_screen(ReopenScreen(), chosen)


async def _reopen(screen: EmailView, reason: str) -> None:
    desk = screen.desk
    if not await attempt(desk, desk.service.reopen, screen.email_id, reason):
        return
    await screen.reload()
    screen.notify(t("reopen.done", reason=reason))
