"""Holding the review claim of the email screen's email: taken when the email opens (held by
another agent: read-only), renewed while it is open, and what happens when it goes away.

`Claiming` is the email screen's base for this (between it and `DraftStreaming`). A renewal
the database does not answer (a PostgreSQL restart, the network) is said once and retried at
the next tick: the desk and the text in the editor stay. A claim that is gone -- it ran out
and another agent took the email (this desk slept or was cut off longer than the lease), or
the email was closed meanwhile (e.g. erased on request) -- turns the email read-only and says
who has it now, like an email opened while held; text not saved yet stays in the editor to
copy. A claim that is free again is simply taken again.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from textual.css.query import NoMatches
from textual.widgets import Label

from drafter.errors import DrafterError
from drafter.store.queue_state import ClaimedError
from drafter.tui import error_text
from drafter.tui.i18n import short_time, t
from drafter.tui.messages import QueueChanged
from drafter.tui.screens.streaming import DraftStreaming

if TYPE_CHECKING:
    from datetime import datetime

    from textual.timer import Timer


def held_text(error: DrafterError, now: datetime) -> str:
    """Who holds the email and since when (the time alone when it is today)."""
    if not isinstance(error, ClaimedError):
        return error_text.message(error)
    claim = error.claim
    doing = "drafted" if claim.kind == "drafting" else "handled"
    return t("email.held." + doing, agent=claim.agent, since=short_time(claim.since, now))


class Claiming(DraftStreaming):
    """The email screen's claim on its email."""

    _claimed: bool  # this desk holds the review claim (renewed while open)
    _renewal: Timer | None
    _renew_failed: bool  # the last renewal could not reach the database
    _autosave: Timer | None

    @property
    def final(self) -> bool:
        raise NotImplementedError

    def _show_final(self) -> None:
        raise NotImplementedError

    async def _take_claim(self) -> None:
        """Opening an email claims it (renewed while open); held by another: read-only."""
        desk = self.desk
        if self._claimed or self.record is None or self.record.status in ("sent", "rejected"):
            self.held_by = "" if self.record is not None and self.final else self.held_by
            return
        try:
            await desk.call(desk.service.claim, self.email_id)
        except DrafterError as error:
            self.held_by = held_text(error, desk.now())
            return
        self.held_by = ""
        self._claimed = True
        self.record = await desk.call(desk.service.email, self.email_id)
        if self._renewal is None:
            every = max(1.0, desk.settings.claim_lease_seconds / 3)
            self._renewal = self.set_interval(every, self._renew_claim)

    async def reload(self) -> None:
        raise NotImplementedError

    async def on_queue_changed(self, _message: QueueChanged) -> None:
        """An email open read-only because another agent held it: when that agent let it go
        (sent, rejected, released, or their claim ran out), show it as it is now -- a free
        email is claimed, as on opening. Before, the header said "being handled by anna"
        until the agent left the email, after anna had long rejected it."""
        if not self.held_by or self._claimed or self.record is None:
            return
        before = (self.record.status, self.record.claimed_by)
        try:
            record = await self.desk.call(self.desk.service.email, self.email_id)
        except DrafterError:
            return  # the next change tries again
        if (record.status, record.claimed_by) == before:
            return
        holder = self.record.claimed_by
        await self.reload()
        if self._claimed:
            self.notify(t("notify.free_now", agent=holder))

    async def _let_go(self) -> None:
        """Free the email when the agent leaves it. Done before the queue is shown again:
        released later (when the screen unmounts), the agent's own queue went on showing
        "@anna" on it, since the live queue ignores the agent's own changes."""
        if not self._claimed:
            return
        self._claimed = False
        with suppress(DrafterError):
            await self.desk.call(self.desk.service.release, self.email_id)

    async def _renew_claim(self) -> None:
        """Keep the claim while the email is open (see the module docstring)."""
        if not self._claimed:
            return
        try:
            kept = await self.desk.call(self.desk.service.renew, self.email_id)
        except DrafterError as error:
            if not self._renew_failed:
                self._renew_failed = True
                self.desk.notify_error(error)
            return
        self._renew_failed = False
        # released by this desk (ctrl+l) while the renewal was on its way: that is no lost
        # claim, and taking the free email again would undo the release
        if not kept and self._claimed:
            await self._claim_lost()

    async def _claim_lost(self) -> None:
        """The claim is gone: read-only, saying who has the email now (module docstring)."""
        self._claimed = False
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        try:
            self.record = await self.desk.call(self.desk.service.email, self.email_id)
            versions = await self.desk.call(self.desk.service.versions, self.email_id)
        except DrafterError as error:
            self.desk.notify_error(error)
            return
        await self._take_claim()
        if self._claimed or self.record is None:
            return
        self.editor.read_only = True
        with suppress(NoMatches):  # the agent may have left the screen meanwhile
            self.show_email(self.record)
            self.refresh_bindings()
            self._show_final()
            if self.held_by and versions:  # the header of an email opened while held
                latest = versions[-1]
                self._show_draft(latest.draft, f"v{latest.number} · {t('email.held.short')}")
            elif self.held_by:
                self.query_one("#draft-status", Label).update(t("email.held.short"))
        now = self.held_by or t("draft.read_only", status=t("status." + self.record.status))
        self.notify(t("notify.claim_expired", message=now), severity="warning", timeout=15)
