"""The queue screen: a table of emails with age (coloured by the response-time goal), sender,
subject, language, contact reason and status; a status filter and a search box."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Label

from drafter.errors import DrafterError
from drafter.models import QueueFilter, QueueItem
from drafter.tui.host import attempt
from drafter.tui.i18n import reason_label, t
from drafter.tui.keys import bindings_for, translate_bindings
from drafter.tui.messages import (
    DraftFailed,
    DraftFinished,
    DraftMessage,
    DraftStarted,
    QueueChanged,
)
from drafter.tui.widgets.footer import HelpFirstFooter
from drafter.tui.widgets.queue_table import Column, QueueTable

if TYPE_CHECKING:
    from drafter.tui.host import DeskHost

# the desk opens on the emails still to do (a team's sent and rejected ones would otherwise
# fill the top of an oldest-first queue); `f` cycles to all and to each status
STATUS_FILTERS: tuple[QueueFilter | None, ...] = (
    "open",
    None,
    "new",
    "drafting",
    "ready",
    "in_review",
    "needs_attention",
    "sent",
    "rejected",
)
# Fixed widths (measuring every cell of a long queue would stall the first render);
# the subject takes the rest of the terminal width. Below WIDE columns the sender and
# status columns are narrower, so the subject keeps room at 80 columns.
WIDE = 120
AGE_WIDTH = 7


def columns(width: int, reasons: Sequence[str] = ()) -> tuple[Column, ...]:
    """The queue's columns in a terminal `width` wide; the contact-reason column fits the
    longest label of `reasons` (the configured ones) up to 14 ("zaehlerstand" was cut at 80)."""
    wide = width >= WIDE
    reason = min(14, max([10, *(len(reason_label(r)) for r in reasons)]))
    return (
        Column("age", t("col.age"), AGE_WIDTH),
        Column("sender", t("col.sender"), 30 if wide else 18),
        Column("subject", t("col.subject"), 20, flex=True),
        Column("lang", t("col.lang"), 4),
        Column("reason", t("col.reason"), 14 if wide else reason),
        Column("status", t("col.status"), 22 if wide else 15),
    )


STATUS_REFRESH = 0.25  # seconds between coalesced status-cell updates (one line each)
LIVE_WAIT = 1.0  # seconds one wait for other desks' changes may block (then it waits again)
PAGE = 500  # rows per page: the next page loads when the cursor or scrolling nears the end


def format_age(age: timedelta) -> str:
    """ "5m", "3h 07m", "2d 01h"; in German days are "T" (Tage): "2 T 01h", and from 10 days
    on the hours are left out so it fits the column ("18 T")."""
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 60:
        return f"{minutes}m"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}h {minutes:02d}m"
    days, hours = divmod(hours, 24)
    full = t("age.days", d=days, h=f"{hours:02d}")
    return full if len(full) <= AGE_WIDTH else t("age.days.short", d=days)


def due_style(age: timedelta, goal_hours: float) -> str:
    """green while under half the goal, yellow until the goal, red when overdue."""
    fraction = age.total_seconds() / 3600 / max(goal_hours, 1e-9)
    if fraction < 0.5:
        return "green"
    if fraction < 1.0:
        return "yellow"
    return "bold red"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _subject(item: QueueItem) -> Text:
    """The subject cell; an emergency (drafter.triage) gets a red "‼ " marker and bold text."""
    subject = item.subject or t("queue.no_subject")
    if not item.urgency:
        return Text(subject)
    return Text.assemble(("‼ ", "bold red"), (subject, "bold"))


class QueueScreen(Screen[None]):
    """The agent's queue."""

    SCOPE = "queue"
    BINDINGS: ClassVar[list[BindingType]] = list(bindings_for("queue"))

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.status_index = 0
        self.items: dict[int, QueueItem] = {}
        self.loaded = False
        self._search_timer: Timer | None = None
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
            yield Input(placeholder=t("queue.search"), id="search")
        reasons = self.desk.settings.contact_reasons
        yield QueueTable(columns(self.app.size.width, reasons), id="queue-table")
        yield HelpFirstFooter()  # f1 Help stays on screen at any width

    @property
    def table(self) -> QueueTable:
        return self.query_one(QueueTable)

    def on_mount(self) -> None:
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
            if changed and self.loaded and self.is_current:
                self.reload()
            if changed:
                for screen in self.app.screen_stack:  # an email held by another agent
                    if screen is not self:
                        screen.post_message(QueueChanged())

    def on_resize(self) -> None:
        self.table.set_columns(columns(self.size.width, self.desk.settings.contact_reasons))

    def on_screen_resume(self) -> None:
        if self.loaded:
            self.reload()

    # --- loading -----------------------------------------------------------------------
    def reload(self) -> None:
        self.run_worker(self._load(), group="queue-load", exclusive=True)

    async def _load(self) -> None:
        search = self.query_one("#search", Input).value.strip()
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
        search = self.query_one("#search", Input).value.strip()
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
        """Replace the rows (cheap: a line is rendered only when it scrolls into view)."""
        now = _aware(self.desk.now())
        goal = self.desk.settings.response_time_goal_hours
        self.items = {item.email_id: item for item in items}
        self._status_updates = {}
        rows = []
        for item in items:
            age = now - _aware(item.received_at)
            rows.append(
                (
                    item.email_id,
                    (  # Text cells: customer text is never parsed as markup
                        Text(format_age(age), style=due_style(age, goal)),
                        Text(self._sender_text(item.sender)),
                        _subject(item),
                        Text(item.language),
                        Text(reason_label(item.contact_reason)),
                        self._status_text(item),
                    ),
                )
            )
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
            wait = (min(_aware(e) for e in ends) - _aware(self.desk.now())).total_seconds()
            self._expiry = self.set_timer(max(0.1, wait + 0.1), self.reload)

    def decided(self, email_id: int) -> None:
        """The agent sent or rejected `email_id`: the next reload moves on to the next email."""
        self._decided = email_id

    def _keep(self, rows: Sequence[tuple[int, Sequence[Text]]]) -> int | None:
        """The email the cursor should stay on after a reload."""
        selected, decided, self._decided = self.selected_id(), self._decided, None
        if selected is None or selected != decided:
            return selected
        before = self.table.row_ids
        present = {email_id for email_id, _ in rows}
        after = before[before.index(selected) + 1 :] if selected in before else []
        return next((i for i in after if i in present and i != decided), selected)

    def _status_text(self, item: QueueItem, status: str | None = None) -> Text:
        """Status, warnings and who holds the email; when that does not fit the column (80
        columns, German), an email in review shows who reviews it instead of the word (for
        the width of the last load: a resized desk catches up at the next reload)."""
        status = status or item.status
        warned = item.warnings and status in ("ready", "in_review")
        text = Text(t("status." + status))
        if warned:
            text.append(f" ⚠{item.warnings}", style="yellow")
        if item.claimed_by:
            text.append(f" @{item.claimed_by}", style="cyan")
        if item.claimed_by and status == "in_review" and len(text) > self._status_width():
            text = Text(f"@{item.claimed_by}", style="cyan")
            if warned:
                text.append(f" ⚠{item.warnings}", style="yellow")
        return text

    def _status_width(self) -> int:
        return self._width_of("status")

    def _width_of(self, key: str) -> int:
        found = [c.width for c in columns(self.size.width) if c.key == key]
        return found[0] if found else 0

    def _sender_text(self, sender: str) -> str:
        """The sender as "Name <address>" when that fits the column, else the name alone
        (80 columns: "Anna Schmidt" reads better than "Anna Schmidt <anna@…"); for the
        width of the last load, like the status."""
        name, _, address = sender.rpartition(" <")
        if len(sender) <= self._width_of("sender") or not name or not address.endswith(">"):
            return sender
        return name  # as models.Address.formatted wrote it: "Name <address>"

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
        for email_id, new in updates.items():
            item = self.items.get(email_id)
            if item is not None:
                self.table.update_cell(email_id, "status", self._status_text(item, new))
                self.table.update_cell(email_id, "reason", Text(reason_label(item.contact_reason)))

    # --- actions ---------------------------------------------------------------------------
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
        self._limit = PAGE
        self.query_one("#filter-label", Label).update(self._filter_text())
        self.reload()

    def _filter_text(self) -> str:
        return t("queue.filter", status=t("status." + (self.status_filter or "all")))

    def action_refresh(self) -> None:
        self.reload()

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._limit = PAGE
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
