"""The queue screen: a table of emails with age (coloured by the response-time goal), sender,
subject, language, contact reason and status; a status filter and a search box. This module
holds the keys and what they do; the rows and their loading are QueueView's
(drafter.tui.screens.queue_view), the look of each cell drafter.tui.screens.queue_cells'."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import BindingType
from textual.timer import Timer
from textual.widgets import Input, Label

from drafter.tui.host import attempt
from drafter.tui.i18n import t
from drafter.tui.keys import bindings_for, translate_bindings
from drafter.tui.screens.queue_cells import columns as columns
from drafter.tui.screens.queue_cells import due_style as due_style
from drafter.tui.screens.queue_cells import format_age as format_age
from drafter.tui.screens.queue_view import STATUS_FILTERS, QueueView
from drafter.tui.widgets.queue_table import QueueTable


class QueueScreen(QueueView):
    """The agent's queue."""

    SCOPE = "queue"
    BINDINGS: ClassVar[list[BindingType]] = list(bindings_for("queue"))

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self._search_timer: Timer | None = None

    def on_queue_table_selected(self, event: QueueTable.Selected) -> None:
        event.stop()
        self.open_email(event.email_id)

    def action_open(self) -> None:
        email_id = self.selected_id()
        if email_id is not None:
            self.open_email(email_id)

    def open_email(self, email_id: int) -> None:
        from drafter.tui.screens.email import EmailScreen

        self.app.push_screen(EmailScreen(email_id))

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
        self.table.focus()

    def action_filter(self) -> None:
        self.status_index = (self.status_index + 1) % len(STATUS_FILTERS)
        self.restart_paging()
        self.query_one("#filter-label", Label).update(self._filter_text())
        self.reload()

    def action_refresh(self) -> None:
        self.reload()

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self.restart_paging()
        self._search_timer = self.set_timer(0.2, self.reload)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.table.focus()

    def on_key(self, event: events.Key) -> None:
        """Down in the search box goes to the hits (the cursor stays on the first)."""
        if event.key == "down" and isinstance(self.focused, Input):
            event.stop()
            self.table.focus()

    def action_claim_selected(self) -> None:
        email_id = self.selected_id()
        if email_id is not None:
            self.run_worker(self._toggle_claim(email_id), group="claim")

    async def _toggle_claim(self, email_id: int) -> None:
        item = self.items.get(email_id)
        mine = item is not None and item.claimed_by == self.desk.settings.agent_id
        service = self.desk.service
        if not await attempt(self.desk, service.release if mine else service.claim, email_id):
            return
        self.notify(t("queue.released" if mine else "queue.claimed", id=email_id))
        await self._load()
