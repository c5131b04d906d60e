"""The review-desk App: owns the service, the keymap, and all drafting workers.

`make_app(settings, service=...)` is the only way to build it (CLI and tests share it).
Drafting runs in async Textual workers that turn engine events into messages
(`drafter.tui.messages`); the app keeps per-email progress so a screen opened mid-stream
shows the text so far, and pre-drafts the queue in the background, bounded by
`settings.predraft_concurrency`. Synchronous service calls run off the event loop.
"""

from __future__ import annotations

import asyncio
import gc
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widget import Widget

from drafter.config import Settings
from drafter.errors import DrafterError
from drafter.models import Delta, Done, DraftEvent, Retrieved
from drafter.service import DeskService
from drafter.tui import error_text
from drafter.tui.commands import KeysProvider
from drafter.tui.drafting import DraftThread, pump_draft
from drafter.tui.host import DraftListener, DraftProgress, ModelsListener, Saving
from drafter.tui.i18n import language, set_language, t
from drafter.tui.keys import bindings_for, display_key, load_keymap, translate_bindings
from drafter.tui.messages import (
    DraftDelta,
    DraftFailed,
    DraftFinished,
    DraftMessage,
    DraftRetrieved,
    DraftStarted,
)

T = TypeVar("T")
PREDRAFT_DELAY = 0.5  # seconds after the queue is first shown
GIL_SWITCH_INTERVAL = 0.001  # seconds (Python's default: 0.005)


def freeze_heap() -> None:
    """Exclude every object alive now from future garbage collections; re-enable collection.

    A full collection walks every tracked object while holding the GIL: with Textual, the
    queue and the engine's libraries loaded, that is 50-300 ms in which no key is handled.
    What is alive once the queue (or the engine) is loaded lives for the session, so it is
    frozen; objects made later are still collected (refcounting frees most of them anyway).
    `drafter tui` pauses collection while it starts; the first queue paint ends the pause.
    """
    gc.freeze()
    gc.enable()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No automatic collection while libraries load (imports trigger full collections)."""
    gc.disable()
    try:
        yield
    finally:
        freeze_heap()


#: Textual's system commands the desk keeps, by their English title -> catalogue key
_SYSTEM_COMMANDS = {
    "Theme": "palette.theme",
    "Maximize": "palette.maximize",
    "Minimize": "palette.minimize",
    "Screenshot": "palette.screenshot",
}


class DeskApp(App[None]):
    """The review desk."""

    CSS_PATH = "drafter.tcss"
    TITLE = "drafter review desk"
    # classes on every screen for small terminals (80 x 24): dialogs take the whole width
    # and height there, the footer drops its command-palette entry (drafter.tcss)
    HORIZONTAL_BREAKPOINTS = [(0, "-cramped"), (100, "-roomy")]  # noqa: RUF012 (Textual: a list)
    VERTICAL_BREAKPOINTS = [(0, "-low"), (30, "-high")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = list(bindings_for("app"))
    COMMANDS = App.COMMANDS | {KeysProvider}

    def __init__(
        self,
        settings: Settings,
        service: DeskService,
        *,
        keymap: dict[str, str] | None = None,
        now: Callable[[], datetime] | None = None,
        predraft: bool = True,
        cursor_blink: bool = True,
    ) -> None:
        set_language(settings.ui_language, settings.timezone)
        super().__init__()
        translate_bindings(self)
        self.title = t("title")
        self.cursor_blink = cursor_blink
        self.settings = settings
        self.service = service
        self.user_keymap = dict(keymap or {})
        self.now = now or (lambda: datetime.now(UTC))
        self.predraft = predraft
        self.progress: dict[int, DraftProgress] = {}
        self._warm_lock = asyncio.Lock()
        self._warmed = False
        self.models_loading = False  # the engine is loading in a thread (_warm_up)
        self._predraft_started = False
        self._predrafting = False  # a pass over the pending emails is running
        self._predraft_again = False  # mail arrived during that pass: look once more
        self.drafting = DraftThread()
        self._heap_frozen = False
        self._switch_interval = sys.getswitchinterval()

    # --- lifecycle -----------------------------------------------------------------
    def on_mount(self) -> None:
        from drafter.tui.screens.queue import QueueScreen

        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        # whose name goes in the audit log
        self.sub_title = t("subtitle.agent", agent=self.settings.agent_id)
        # The drafting thread is CPU-bound; the UI thread waits for the GIL after every
        # select(). A shorter switch interval hands it back within ~1 ms instead of ~5 ms.
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(GIL_SWITCH_INTERVAL)
        self.push_screen(QueueScreen())

    async def on_unmount(self) -> None:
        """Stop drafting (an unfinished draft puts its email back) before the app ends."""
        await asyncio.to_thread(self.drafting.stop)
        sys.setswitchinterval(self._switch_interval)

    def queue_shown(self) -> None:
        """Called when the queue is first on screen: only then start pre-drafting."""
        if not self._heap_frozen:
            self._heap_frozen = True
            freeze_heap()
        if self.predraft and not self._predraft_started:
            self._predraft_started = True
            # let the first frames paint before the engine loads (its imports hold the GIL)
            self.set_timer(PREDRAFT_DELAY, self._start_predraft)

    def _start_predraft(self) -> None:
        self._predrafting = True
        self.run_worker(self._predraft_queue(), group="predraft", name="predraft-queue")

    def queue_changed(self) -> None:
        """Another process changed the queue: mail imported while the desk is open (`inbox
        import`, the IMAP watcher) is pre-drafted as well, by another pass over the pending
        emails once the running one ends. Before, only the emails pending when the desk
        started were pre-drafted; a later one waited empty until an agent opened it."""
        if not (self.predraft and self._predraft_started):
            return
        self._predraft_again = True
        if not self._predrafting:
            self._start_predraft()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette entries in the desk's language; quit and keys are left out
        because the desk's own entries (KeysProvider) cover them."""
        for command in super().get_system_commands(screen):
            key = _SYSTEM_COMMANDS.get(command.title)
            if key:
                yield command._replace(title=t(key), help=t(f"{key}.help"))

    def get_key_display(self, binding: Binding) -> str:
        """The footer's key names: in German as the rest of the German desk writes them
        ("Strg+S", "Esc", "Enter"); in English Textual's own ("^s", "esc", "⏎")."""
        if language() == "de" and not binding.key_display:
            return display_key(binding.key)
        return super().get_key_display(binding)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not any(
            isinstance(s, CommandPalette) for s in self.screen_stack
        ):
            self.push_screen(
                CommandPalette(placeholder=t("palette.placeholder"), id="--command-palette")
            )

    async def action_quit(self) -> None:
        """Save the open draft, then leave."""
        for screen in self.screen_stack:
            if isinstance(screen, Saving):
                await screen.flush()
        self.exit()

    def action_help(self) -> None:
        from drafter.tui.screens.modals import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_stats(self) -> None:
        from drafter.tui.screens.stats import StatsScreen

        if not isinstance(self.screen, StatsScreen):
            self.push_screen(StatsScreen())

    def tune_cursors(self, root: Widget) -> None:
        """Apply the app's cursor-blink choice to every text input under `root`."""
        if not self.cursor_blink:
            for widget in root.query("Input, TextArea"):
                widget.cursor_blink = False  # type: ignore[attr-defined]

    # --- service calls off the event loop --------------------------------------------
    async def call(self, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
        """Run a synchronous (possibly slow) service call in a thread."""
        return await asyncio.to_thread(fn, *args, **kw)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: it carries reasons, names and error messages
        that may hold square brackets ("doppelt [/b]" closed the desk with a MarkupError)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def notify_error(self, error: DrafterError) -> None:
        text = error_text.text(error)  # German in the German desk
        self.notify(text, title=t("error"), severity="error", timeout=8)

    # --- drafting ----------------------------------------------------------------------
    def is_drafting(self, email_id: int) -> bool:
        progress = self.progress.get(email_id)
        return bool(progress and progress.running)

    def _claim_progress(self, email_id: int, background: bool) -> DraftProgress | None:
        if self.is_drafting(email_id):
            return None
        progress = self.progress.setdefault(email_id, DraftProgress())
        progress.running = True
        progress.background = background
        progress.text = ""
        progress.passages = []
        return progress

    def start_draft(self, email_id: int, instruction: str = "") -> bool:
        """Start (re)generating or rewriting a draft now; False if one is already running."""
        if self._claim_progress(email_id, background=False) is None:
            return False
        self.run_worker(
            self._consume(email_id, instruction, background=False),
            group="draft",
            name=f"draft-{email_id}",
        )
        return True

    async def _predraft_queue(self) -> None:
        """Draft every pending email, `predraft_concurrency` at a time, oldest first; again
        while mail arrives meanwhile (`queue_changed`)."""
        try:
            self._predraft_again = True
            while self._predraft_again:
                self._predraft_again = False
                await self._predraft_pass()
        finally:
            self._predrafting = False

    async def _predraft_pass(self) -> None:
        try:
            if await self.call(self.service.worker_running):
                return  # a `drafter worker` pre-drafts for the team
            pending = deque(await self.call(self.service.pending_drafts))
        except DrafterError as error:
            self.notify_error(error)
            return

        async def lane() -> None:
            while pending:
                email_id = pending.popleft()
                if self.progress.get(email_id) is not None:
                    continue  # opened (and drafted) by the agent meanwhile
                if self._claim_progress(email_id, background=True) is not None:
                    await self._consume(email_id, "", background=True)

        lanes = max(1, self.settings.predraft_concurrency)
        await asyncio.gather(*(lane() for _ in range(lanes)))

    async def _warm_up(self) -> None:
        """Build the service's drafting engine in a thread before the first draft.

        A service may expose `engine()` (the real Desk does) to load its retriever and models;
        calling it here keeps those heavy imports off the event loop.
        """
        if self._warmed:
            return
        async with self._warm_lock:
            prepare = getattr(self.service, "engine", None)
            if not self._warmed and callable(prepare):
                self._models_loading(True)
                try:
                    with collection_paused():  # the engine's modules live as long as the app
                        await self.call(prepare)
                finally:
                    self._models_loading(False)
            self._warmed = True

    def _models_loading(self, loading: bool) -> None:
        self.models_loading = loading
        for screen in self.screen_stack:
            if isinstance(screen, ModelsListener):
                screen.show_models_loading(loading)

    async def _consume(self, email_id: int, instruction: str, background: bool) -> None:
        """Run one draft on the drafting thread; its events come back as messages."""
        progress = self.progress[email_id]
        ended = False
        try:
            loading = not self._warmed and callable(getattr(self.service, "engine", None))
            self.post_message(DraftStarted(email_id, instruction, background, loading=loading))
            try:
                await self._warm_up()  # in a thread: keys keep working while it loads
                if loading:
                    self.post_message(DraftStarted(email_id, instruction, background))
                ended = await self.drafting.run(
                    pump_draft(self.service, email_id, instruction, partial(self._emit, email_id))
                )
            except DrafterError as error:
                ended = True
                self.post_message(DraftFailed(email_id, error.message, error.hint))
            if not ended:
                ended = True
                self.post_message(
                    DraftFailed(email_id, "drafting ended without a result", "regenerate")
                )
        finally:
            if not ended:  # cancelled: no message will end it
                progress.running = False

    def _emit(self, email_id: int, event: DraftEvent) -> None:
        """Called on the drafting thread: turn an engine event into a message (thread-safe)."""
        message: DraftMessage
        if isinstance(event, Delta):
            message = DraftDelta(email_id, event.text)
        elif isinstance(event, Retrieved):
            message = DraftRetrieved(email_id, list(event.passages))
        elif isinstance(event, Done):
            message = DraftFinished(email_id, event.draft)
        else:
            message = DraftFailed(email_id, event.message, event.hint)
        self.post_message(message)

    def _track(self, message: DraftMessage) -> None:
        """Keep per-email progress (on the UI thread, in message order)."""
        progress = self.progress.get(message.email_id)
        if progress is None:
            return
        if isinstance(message, DraftDelta):
            progress.text += message.text
        elif isinstance(message, DraftRetrieved):
            progress.passages = message.passages
        elif isinstance(message, DraftFinished):
            progress.draft = message.draft
            progress.running = False
        elif isinstance(message, DraftFailed):
            progress.running = False

    @on(DraftMessage)
    def forward_draft_message(self, message: DraftMessage) -> None:
        """Forward drafting progress to every screen that shows it."""
        self._track(message)
        if isinstance(message, DraftFailed):
            shown = any(getattr(s, "email_id", None) == message.email_id for s in self.screen_stack)
            progress = self.progress.get(message.email_id)
            if shown or not (progress and progress.background):
                self.notify_error(DrafterError(message.message, message.hint))
        for screen in self.screen_stack:
            if isinstance(screen, DraftListener):
                screen.on_draft_progress(message)


def make_app(
    settings: Settings,
    service: DeskService | None = None,
    *,
    now: Callable[[], datetime] | None = None,
    predraft: bool = True,
    cursor_blink: bool = True,
) -> DeskApp:
    """Build the review desk. Without `service`, the real Desk is built from `settings`.

    Raises ConfigError when the keybindings file is missing or invalid.
    """
    keymap = load_keymap(Path(settings.keybindings_file) if settings.keybindings_file else None)
    if service is None:
        from drafter.desk import Desk

        service = Desk(settings)
    return DeskApp(
        settings, service, keymap=keymap, now=now, predraft=predraft, cursor_blink=cursor_blink
    )


__all__ = ["DeskApp", "DraftProgress", "make_app"]
