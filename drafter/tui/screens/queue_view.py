"""The queue screen's rows: loading them page by page (keyset paging), following other
desks' changes (live queue), reloading when another agent's claim runs out, keeping the
cursor on its email across reloads, and the drafting progress in the status cells.
`QueueView` is the queue screen's base; the keys and actions are in drafter.tui.screens.queue,
the look of each cell in drafter.tui.screens.queue_cells."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Label

from drafter.errors import DrafterError
from drafter.models import QueueFilter, QueueItem
from drafter.tui.i18n import reason_label, t
from drafter.tui.messages import (
    DraftFailed,
    DraftFinished,
    DraftMessage,
    DraftStarted,
    QueueChanged,
)
from drafter.tui.screens.queue_cells import aware, columns, row_cells, status_text
from drafter.tui.widgets.footer import HelpFirstFooter
from drafter.tui.widgets.queue_table import QueueTable

if TYPE_CHECKING:
    from drafter.tui.host import DeskHost

# the desk opens on the emails still to do (a team's sent and rejected ones would otherwise
# fill the top of an oldest-first queue); `f` cycles to all, to the sent and the rejected
# ones (what an agent looks up: two and three presses), then to each open status
STATUS_FILTERS: tuple[QueueFilter | None, ...] = (
    "open",
    None,
    "sent",
    "rejected",
    "new",
    "drafting",
    "ready",
    "in_review",
    "needs_attention",
)
STATUS_REFRESH = 0.25  # seconds between coalesced status-cell updates (one line each)
LIVE_WAIT = 1.0  # seconds one wait for other desks' changes may block (then it waits again)
PAGE = 500  # rows per page: the next page loads when the cursor or scrolling nears the end


class QueueView(Screen[None]):
    """The queue's table, filled from the desk service and kept current."""

    def __init__(self) -> None:
        super().__init__()
        self.status_index = 0
        self.items: dict[int, QueueItem] = {}
        self.loaded = False
        self._status_updates: dict[int, str] = {}
        self._decided: int | None = None
        self._limit = PAGE  # rows the next reload asks for (grows as pages are loaded)
        self._more = False  # the last load filled its page: more rows may follow
        self._expiry: Timer | None = None  # reload when the next claim of another agent ends

    @property
    def desk(self) -> DeskHost:
        return self.app  # type: ignore[return-value]  # the DeskApp (a DeskHost)

    @property
    def status_filter(self) -> QueueFilter | None:
        return STATUS_FILTERS[self.status_index]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="queue-bar"):
            yield Label(self._filter_text(), id="filter-label")
            yield Label("", id="count-label")
            yield Label(t("queue.loading_models"), id="models-label")
            yield Input(placeholder=t("queue.search"), id="search")
        reasons = self.desk.settings.contact_reasons
        yield QueueTable(columns(self.app.size.width, reasons), id="queue-table")
        yield HelpFirstFooter()  # f1 Help stays on screen at any width

    def _filter_text(self) -> str:
        return t("queue.filter", status=t("status." + (self.status_filter or "all")))

    @property
    def table(self) -> QueueTable:
        return self.query_one(QueueTable)

    def on_mount(self) -> None:
        self.show_models_loading(self.desk.models_loading)
        self.desk.tune_cursors(self)
        self.table.focus()
        self.set_interval(STATUS_REFRESH, self._apply_status_updates)
        self.run_worker(self._follow_changes(), group="live-queue")
        self.reload()

    async def _follow_changes(self) -> None:
        """Live queue: reload as soon as another agent or process changed the queue
        (PostgreSQL LISTEN/NOTIFY; SQLite polls). A hidden queue reloads when shown again."""
        while True:
            try:
                changed = await self.desk.call(self.desk.service.wait_changes, LIVE_WAIT)
            except DrafterError:
                await asyncio.sleep(LIVE_WAIT)  # reconnects on the next wait
                continue
            if changed:
                self.desk.queue_changed()
            if changed and self.loaded and self.is_current:
                self.reload()
            if changed:
                for screen in self.app.screen_stack:  # an email held by another agent
                    if screen is not self:
                        screen.post_message(QueueChanged())

    def on_resize(self) -> None:
        self.table.set_columns(columns(self.size.width, self.desk.settings.contact_reasons))

    def show_models_loading(self, loading: bool) -> None:
        """Say in the bar while the drafting engine loads (the first drafts wait for it):
        before, the queue said nothing while its status cells read "drafting" for a minute."""
        self.query_one("#models-label", Label).set_class(loading, "-loading")

    def on_screen_resume(self) -> None:
        self.show_models_loading(self.desk.models_loading)
        if self.loaded:
            self.reload()

    # --- loading -----------------------------------------------------------------------
    def restart_paging(self) -> None:
        """The next reload asks for one page again (a new filter or search)."""
        self._limit = PAGE

    def reload(self) -> None:
        self.run_worker(self._load(), group="queue-load", exclusive=True)

    def _search(self) -> str | None:
        """The search box's text; None once the screen's widgets are gone (the desk quits)."""
        try:
            return self.query_one("#search", Input).value.strip()
        except NoMatches:
            return None

    async def _load(self) -> None:
        search = self._search()
        if search is None:
            return
        limit = self._limit
        try:
            items = await self.desk.call(
                self.desk.service.queue, status=self.status_filter, search=search, limit=limit
            )
        except DrafterError as error:
            self.desk.notify_error(error)
            return
        self._more = len(items) >= limit
        self._fill(items)

    def on_queue_table_near_end(self, event: QueueTable.NearEnd) -> None:
        event.stop()
        if self._more and self.loaded:
            self.run_worker(self._load_more(), group="queue-load", exclusive=True)

    async def _load_more(self) -> None:
        """The next page (keyset: after the last loaded row), appended."""
        loaded = list(self.items.values())
        search = self._search()
        if search is None:
            return
        try:
            page = await self.desk.call(
                self.desk.service.queue, status=self.status_filter, search=search,
                after=loaded[-1], limit=PAGE,
            )  # fmt: skip
        except DrafterError as error:
            self.desk.notify_error(error)
            return
        self._more = len(page) >= PAGE
        self._limit = len(loaded) + len(page)
        self._fill(loaded + page)

    def _fill(self, items: list[QueueItem]) -> None:
        """Replace the rows (cheap: a line is rendered only when it scrolls into view).
        A load that returns after the widgets were removed (the desk quit while it waited for
        the database) shows nothing: before, it failed on the missing table and the quitting
        desk raised (CI stop 41)."""
        if self._search() is None or not self.query(QueueTable):
            return
        now = aware(self.desk.now())
        goal = self.desk.settings.response_time_goal_hours
        width = self.size.width
        self.items = {item.email_id: item for item in items}
        self._status_updates = {}
        rows = [(item.email_id, row_cells(item, now, goal, width)) for item in items]
        self.table.set_rows(rows, keep=self._keep(rows))
        many = "queue.count.one" if len(items) == 1 and not self._more else "queue.count.many"
        shown = f"{len(items)}+" if self._more else len(items)
        self.query_one("#count-label", Label).update(t(many, n=shown))
        self.loaded = True
        self._watch_expiry(items)
        self.desk.queue_shown()

    def _watch_expiry(self, items: list[QueueItem]) -> None:
        """Reload when the first claim of another agent runs out, so the email shows as free
        without waiting for a change (a renewed claim just sets the next timer)."""
        if self._expiry is not None:
            self._expiry.stop()
            self._expiry = None
        me = self.desk.settings.agent_id
        ends = [i.claim_expires for i in items if i.claim_expires and i.claimed_by != me]
        if ends:
            wait = (min(aware(e) for e in ends) - aware(self.desk.now())).total_seconds()
            self._expiry = self.set_timer(max(0.1, wait + 0.1), self.reload)

    def decided(self, email_id: int) -> None:
        """The agent sent or rejected `email_id`: the next reload moves on to the next email."""
        self._decided = email_id

    def _keep(self, rows: Sequence[tuple[int, Mapping[str, Text]]]) -> int | None:
        """The email the cursor should stay on after a reload."""
        selected, decided, self._decided = self.selected_id(), self._decided, None
        if selected is None or selected != decided:
            return selected
        before = self.table.row_ids
        present = {email_id for email_id, _ in rows}
        after = before[before.index(selected) + 1 :] if selected in before else []
        return next((i for i in after if i in present and i != decided), selected)

    def selected_id(self) -> int | None:
        return self.table.selected_id

    # --- drafting progress ---------------------------------------------------------------
    def on_draft_progress(self, message: DraftMessage) -> None:
        """Note status changes; they are applied together, a few times a second."""
        status = {DraftStarted: "drafting", DraftFinished: "ready", DraftFailed: "failed"}
        new = status.get(type(message))
        item = self.items.get(message.email_id)
        if new is None or item is None:
            return
        if isinstance(message, DraftFinished):
            item.warnings = len(message.draft.warnings)
            item.contact_reason = message.draft.contact_reason or item.contact_reason
        self._status_updates[message.email_id] = new

    def _apply_status_updates(self) -> None:
        if not self._status_updates or not self.is_current:
            return  # a hidden queue is reloaded when it is shown again
        updates, self._status_updates = self._status_updates, {}
        width = self.size.width
        for email_id, new in updates.items():
            item = self.items.get(email_id)
            if item is not None:
                self.table.update_cell(email_id, "status", status_text(item, width, new))
                self.table.update_cell(email_id, "reason", Text(reason_label(item.contact_reason)))
