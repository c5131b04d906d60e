"""The email screen's actions on its reply: regenerate, rewrite, restore a version, open a
source, show the model's view, step through the warnings, and the decisions (approve and
send, reject, claim, reopen). `EmailActions` is the email screen's base for these (between
it and `Claiming`); the work itself is done by the helper modules it calls."""

from __future__ import annotations

from textual.widgets import OptionList

from drafter.tui.i18n import t
from drafter.tui.screens import decisions, draft_pane, panels, reopen
from drafter.tui.screens.claiming import Claiming
from drafter.tui.screens.modals import ArticleScreen, RewriteScreen


class EmailActions(Claiming):
    """What the agent can do to the email's reply, key by key."""

    # --- drafting actions ------------------------------------------------------------------
    async def action_regenerate(self) -> None:
        await self._redraft("")

    def action_rewrite(self) -> None:
        if self.busy():
            return
        why_not = self.desk.service.can_rewrite()
        if why_not:  # say so at once, in the desk's language: no dialog, no blank editor
            note = f"{t('notify.no_model')}\n{t('hint')}: {t('notify.no_model.hint')}"
            self.notify(note, severity="warning")
            return

        def chosen(instruction: str | None) -> None:
            if instruction:
                self.run_worker(self._redraft(instruction), group="draft-start")

        self.app.push_screen(RewriteScreen(), chosen)

    async def _redraft(self, instruction: str) -> None:
        if self.busy() or not await self.flush():
            return
        keep = self.editor.text
        self._session_version = None
        self._begin_stream(keep=keep)
        if not self.desk.start_draft(self.email_id, instruction=instruction):
            self._end_stream()
            self.notify(t("notify.already_drafting"))

    def busy(self) -> bool:
        if self.streaming or self.record is None:
            self.notify(t("notify.wait"), severity="warning")
            return True
        if self.final:
            status = t("status." + self.record.status)
            self.notify(t("notify.final", status=status), severity="warning")
            return True
        return False

    def action_versions(self) -> None:
        if not self.busy():
            self.run_worker(panels.choose_version(self), group="versions")

    def action_open_source(self) -> None:
        draft_pane.open_source(self)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.app.push_screen(ArticleScreen(event.option.id, str(event.option.prompt)))

    def action_toggle_redacted(self) -> None:
        self.run_worker(panels.toggle_redacted(self), group="redacted")

    def action_next_warning(self) -> None:
        draft_pane.next_warning(self)

    # --- decisions (drafter.tui.screens.decisions) -------------------------------------------
    def action_approve_send(self) -> None:
        decisions.approve_send(self)

    def action_reject(self) -> None:
        decisions.reject(self)

    def action_claim(self) -> None:
        self.run_worker(decisions.toggle_claim(self), group="claim")

    def action_reopen(self) -> None:
        if self.record is not None and self.record.status == "rejected":
            reopen.reopen(self)
