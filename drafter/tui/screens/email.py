"""The email screen: the customer's newest message (quotes and signature folded), what the
model saw, and the draft editor with warnings and citations. Saves, autosaves, regenerates,
rewrites, restores versions, approves and sends, rejects, claims."""

from __future__ import annotations

import asyncio
from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Collapsible, Header, Label, OptionList, Static, TextArea

from drafter.errors import DrafterError
from drafter.models import Draft, EmailRecord
from drafter.tui.i18n import t
from drafter.tui.keys import bindings_for, translate_bindings
from drafter.tui.screens import draft_pane, email_pane, panels
from drafter.tui.screens.email_actions import EmailActions
from drafter.tui.widgets.footer import HelpFirstFooter
from drafter.tui.widgets.reply_editor import ReplyEditor

if TYPE_CHECKING:
    from drafter.store.conversation import Turn

FINAL = ("sent", "rejected")
# what a sent or rejected email does not offer (its reply can no longer change)
CHANGES = frozenset(
    {"save", "regenerate", "rewrite", "versions", "claim", "reject", "approve_send"}
)


AUTOSAVE_DELAY = 1.0
LOCKED_NOTE_EVERY = 5.0  # seconds: typing into a read-only reply says why once in this time
NARROW = 110  # columns: below this the email pane sits above the draft
SHORT = 30  # rows: below this the email and the sources shrink so the editor keeps room


def _findings(draft: Draft) -> list[tuple[str, str, str]]:
    return [(w.code, w.span, w.message) for w in draft.warnings]


class EmailScreen(EmailActions):
    """One email and its reply draft (its actions: drafter.tui.screens.email_actions)."""

    SCOPE = "email"
    BINDINGS: ClassVar[list[BindingType]] = list(bindings_for("email"))

    def __init__(self, email_id: int) -> None:
        super().__init__()
        translate_bindings(self)
        self.email_id = email_id
        self.record: EmailRecord | None = None
        self.draft: Draft | None = None
        self._no_model = ""  # why rewriting is off (no language model), else ""
        self.saved_text: str | None = None  # what the service holds; None: nothing loaded yet
        self.streaming = False
        self._before_stream = ""
        self._status_before_stream = ""  # the header of the draft a (re)draft may replace
        self._shown = 0  # characters of the streamed text already in the editor
        self._autosave: Timer | None = None
        self._stream_timer: Timer | None = None
        self._redacted_loaded = False
        self._redacted: asyncio.Task[str] | None = None  # the model's view, loaded on opening
        self.held_by = ""  # "being handled by …" when another agent holds the claim
        self._locked_told_at = float("-inf")  # when typing into the read-only reply said why
        self._checks_warmed = False  # the reply checks ran once in the background
        self._claimed = False  # this desk holds the review claim (renewed while open)
        self._renewal: Timer | None = None
        self._renew_failed = False  # the last renewal could not reach the database
        self._session_version: int | None = None  # the version this editing session saves to
        self._session_number = 0  # that version's number (0: none yet)
        self._saving = asyncio.Lock()  # one save at a time: the next one amends its version
        self._warning_at = -1  # the warning f6 selected last
        self._editor = ReplyEditor("", id="editor", soft_wrap=True, show_line_numbers=False)

    @property
    def final(self) -> bool:
        """Sent or rejected: the reply is read only."""
        return self.record is not None and self.record.status in FINAL

    @property
    def editor(self) -> TextArea:
        return self._editor

    @property
    def dirty(self) -> bool:
        return (
            self.saved_text is not None
            and not self.streaming
            and not self.final
            and self.editor.text != self.saved_text
        )

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="email-main"):
            with Vertical(id="email-pane"):
                yield Static(t("loading"), id="email-meta")
                with VerticalScroll(id="email-scroll"):
                    conversation = t("email.conversation.none")
                    with Collapsible(title=conversation, id="conversation", collapsed=True):
                        yield Static("", id="conversation-text")
                    yield Static("", id="email-body")
                    with Collapsible(title=t("email.quoted"), id="quoted", collapsed=True):
                        yield Static("", id="quoted-text")
                    with Collapsible(title=t("email.signature"), id="signature", collapsed=True):
                        yield Static("", id="signature-text")
                    yield Static("", id="redacted", classes="hidden")
            with Vertical(id="draft-pane"):
                yield Label("", id="draft-status")
                yield Static("", id="warnings", classes="hidden")
                yield self._editor
                with Vertical(id="sources-pane"):
                    yield Label(t("email.sources"), id="sources-title")
                    yield OptionList(id="citations")
        yield HelpFirstFooter()  # f1 Help stays on screen at any width

    def on_mount(self) -> None:
        self.desk.tune_cursors(self)
        self._no_model = self.desk.service.can_rewrite()
        if self._no_model:  # greyed in the footer, labelled with the reason
            table = self._bindings.key_to_bindings
            off = t("key.rewrite.off")
            for key, bindings in list(table.items()):
                table[key] = [
                    replace(b, description=off, tooltip=t("notify.no_model"))
                    if b.id == "rewrite"
                    else b
                    for b in bindings
                ]
        scroll = self.query_one("#email-scroll", VerticalScroll)
        self.watch(scroll, "scroll_y", lambda: email_pane.show_more(self), init=False)
        self.editor.read_only = True
        self.editor.focus()
        self.run_worker(self._load(), group="email-load")

    def on_resize(self) -> None:
        """Below 110 columns the email sits above the draft (the editor keeps the width);
        below 30 rows (80 x 24 is where most terminals start) the email pane and the sources
        list give up rows to the editor, and each warning takes one line."""
        self.set_class(self.size.width < NARROW, "narrow")
        short = self.size.height < SHORT
        changed = short != self.has_class("short")
        self.set_class(short, "short")
        if self.record is not None:  # the header lines follow the layout
            self.show_email(self.record)
        if changed and self.draft is not None:  # one line each below 30 rows
            draft_pane.show_warnings(self)

    def on_key(self, event: events.Key) -> None:
        """The greyed rewrite key still says why: at 80 columns the footer has no room for
        'Rewrite: no model', and a key that does nothing looks broken."""
        if not self._editor.has_focus and self._editor.hold(event):
            return  # typed before the editor had the focus: the loading reply takes it
        bound = self._bindings.key_to_bindings.get(event.key, ())
        if (self.final or self.held_by) and any(b.action in CHANGES for b in bound):
            event.stop()  # f9 on an email another agent holds did nothing, without a word
            self.notify(self._locked_note(), severity="warning")
            return
        if (self.final or self.held_by) and self._typed_in_read_only(event):
            self.notify(self._locked_note(), severity="warning")
            return
        if not self._no_model or self.final or self.held_by:
            return
        if any(b.id == "rewrite" for b in bound):
            event.stop()
            self.action_rewrite()

    def _typed_in_read_only(self, event: events.Key) -> bool:
        """Text typed into the read-only editor of a sent, rejected or held email: the keys
        vanished without a word (the agent who reopened the wrong email typed a whole
        sentence before looking up). Says why at most every LOCKED_NOTE_EVERY seconds."""
        if not (event.is_printable or event.key in ("enter", "backspace", "delete")):
            return False
        if self.focused is not self.editor:
            return False
        now = asyncio.get_running_loop().time()
        if now - self._locked_told_at < LOCKED_NOTE_EVERY:
            return False
        self._locked_told_at = now
        return True

    def _locked_note(self) -> str:
        """Why this email's reply cannot change: who holds it, or that it is sent/rejected."""
        if self.held_by:
            return t("email.held", message=self.held_by)
        assert self.record is not None
        return draft_pane.final_note(self.record, self.desk.now())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A sent or rejected email offers no change to its reply; reopen only when rejected."""
        if action == "reopen":
            return self.record is not None and self.record.status == "rejected"
        locked = self.final or bool(self.held_by)
        if action == "rewrite" and self._no_model and not locked:
            return None  # shown greyed: no language model
        return not (action in CHANGES and locked)

    async def reload(self) -> None:
        """Read the email and its latest version again (after reopening)."""
        await self._load(draft=False)

    # --- loading -----------------------------------------------------------------------
    async def _load(self, draft: bool = True) -> None:
        try:
            await self._read(draft)
        finally:  # what the agent typed meanwhile goes into the loaded reply
            await self._editor.ready()

    async def _read(self, draft: bool) -> None:
        desk = self.desk
        try:
            self.record = await desk.call(desk.service.email, self.email_id)
            versions = await desk.call(desk.service.versions, self.email_id)
            turns = await desk.call(desk.service.conversation, self.email_id)
        except DrafterError as error:
            desk.notify_error(error)
            return
        await self._take_claim()
        self.show_email(self.record)
        self.show_conversation(turns)
        panels.prefetch_redacted(self)
        self.refresh_bindings()
        if self.held_by:  # read-only: show the latest version, never draft
            if versions:
                self._set_text(versions[-1].body)
                self._show_draft(
                    versions[-1].draft, f"v{versions[-1].number} · {t('email.held.short')}"
                )
            return
        progress = desk.progress.get(self.email_id)
        if progress and progress.running:
            self._begin_stream(keep=self.editor.text)
            self._sync_stream()
        elif versions:
            latest = versions[-1]
            self._set_text(latest.body)
            self._show_draft(latest.draft, f"v{latest.number} · {t('source.' + latest.source)}")
        elif draft and not self.final:
            self._before_stream = ""
            desk.start_draft(self.email_id)
        self._show_final()
        if versions and not self.final:
            self._warm_checks(versions[-1].body)

    def _show_final(self) -> None:
        """A sent or rejected email: the editor is read only and the header says why."""
        if self.record is None or not self.final:
            return
        self.editor.read_only = True
        note = draft_pane.final_note(self.record, self.desk.now())
        self.query_one("#draft-status", Label).update(Text(note))

    def show_email(self, record: EmailRecord) -> None:
        email_pane.show_email(self, record)

    def show_conversation(self, turns: list[Turn]) -> None:
        email_pane.show_conversation(self, turns)

    def action_conversation(self) -> None:
        email_pane.toggle_conversation(self)

    async def _refresh_record(self, versions: bool = False) -> None:
        """Re-read the email's status (and, after drafting, the new version's number)."""
        service = self.desk.service
        try:
            self.record = await self.desk.call(service.email, self.email_id)
            found = await self.desk.call(service.versions, self.email_id) if versions else []
        except DrafterError as error:
            self.desk.notify_error(error)
            return
        try:
            self.show_email(self.record)
            if found and self.draft is not None and not self.streaming:
                latest = found[-1]
                status = f"v{latest.number} · {t('source.' + latest.source)}"
                self._show_draft(self.draft, status)
            self.refresh_bindings()
            self._show_final()
        except NoMatches:  # the agent left or quit while the email was read: nothing to show
            return

    def _set_text(self, text: str) -> None:
        self.saved_text = text
        self.editor.load_text(text)
        self.editor.read_only = self.final or bool(self.held_by)

    def _show_draft(self, draft: Draft, status: str) -> None:
        draft_pane.show_draft(self, draft, status)

    # --- saving --------------------------------------------------------------------------
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if not self.dirty:
            return
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(AUTOSAVE_DELAY, self._autosave_now)

    def _autosave_now(self) -> None:
        self.run_worker(self.flush(), group="save")

    async def flush(self, announce: bool = False) -> bool:
        """Save the editor text if it changed; True when nothing is left unsaved."""
        async with self._saving:
            return await self._flush(announce)

    async def _flush(self, announce: bool) -> bool:
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if not self.dirty:
            return True
        text = self.editor.text
        service = self.desk.service
        try:  # autosaves of one editing session amend the version it saved first
            version = await self.desk.call(
                service.save_edit, self.email_id, text, amend=self._session_version
            )
        except DrafterError as error:
            self.desk.notify_error(error)
            return False
        self.saved_text = text
        # the session's edits were all undone: the service dropped its version and returned
        # the one before it, and the next edit starts a new session
        undone = self._session_version is not None and version.number < self._session_number
        # an explicit save (ctrl+s) closes the session: the next edit is a new version
        self._session_version = None if announce or undone else version.version_id
        self._session_number = 0 if announce or undone else version.number
        with suppress(NoMatches):  # the screen may have closed while the edit was saved
            if self.draft is None or _findings(version.draft) != _findings(self.draft):
                # the agent's text was checked (a pasted link or IBAN warns, a removed one
                # no longer does): the list and f6 show what the send dialog will ask
                self._show_draft(version.draft, f"v{version.number}")
            saved = "draft.undone" if undone else "draft.saved"
            self.query_one("#draft-status", Label).update(t(saved, n=version.number))
        await self._refresh_record()  # the email is now in review
        if announce:
            self.notify(t("draft.undone" if undone else "notify.saved", n=version.number))
        return True

    def on_unmount(self) -> None:
        if self.saved_text is not None and not self.streaming and self.dirty:
            with suppress(DrafterError):  # last resort (app closing): save synchronously
                self.desk.service.save_edit(
                    self.email_id, self.editor.text, amend=self._session_version
                )
        if self._claimed:  # leaving the email frees it for the team
            with suppress(DrafterError):
                self.desk.service.release(self.email_id)

    async def action_save(self) -> None:
        if not self.dirty:  # still: the next edit starts a new version
            self._session_version = None
            self._session_number = 0
            self.notify(t("notify.nothing_to_save"))
            return
        await self.flush(announce=True)

    async def action_back(self) -> None:
        if self.final or await self.flush():
            await self._let_go()  # before the queue shows again, so it shows the email free
            self.app.pop_screen()
