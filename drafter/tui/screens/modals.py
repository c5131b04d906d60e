"""Modal screens: help, cited article, rewrite instruction, version list, send confirmation,
reject reason."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Markdown, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from drafter.acknowledge import describe
from drafter.errors import DrafterError
from drafter.models import DraftVersion, DraftWarning
from drafter.tui.keys import display_key, effective_keys

CLOSE: list[BindingType] = [Binding("escape", "close", "Close", id="modal_close")]

EDITOR_KEYS = (
    ("ctrl+z, ctrl+y", "Undo, redo a single edit"),
    ("ctrl+x, ctrl+c, ctrl+v", "Cut, copy, paste"),
    ("f7", "Select all"),
    ("↑ ↓ pgup pgdn home end", "Move in the queue or the editor"),
)

SCOPE_TITLES = {"app": "Everywhere", "queue": "Queue", "email": "Email and draft"}


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by screen, with the user's overrides applied."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *CLOSE,
        Binding("f1,q", "close", "Close", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str, str]] = []  # (key, description, action)

    def compose(self) -> ComposeResult:
        keymap: dict[str, str] = getattr(self.app, "user_keymap", {})
        table = Table(expand=True, box=None, padding=(0, 1))
        table.add_column("Key", style="bold cyan", no_wrap=True)
        table.add_column("Action")
        table.add_column("Name in keybindings file", style="dim")
        for scope, title in SCOPE_TITLES.items():
            table.add_row(f"[b]{title}[/b]", "", "")
            for spec, key in effective_keys(keymap):
                if spec.scope == scope:
                    self.rows.append((key, spec.description, spec.action))
                    table.add_row(display_key(key), spec.description, spec.action)
        table.add_row("", "", "")
        table.add_row("[b]In the editor[/b]", "", "")
        for keys, what in EDITOR_KEYS:
            table.add_row(keys, what, "")
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label("Keys  (change them in DRAFTER_KEYBINDINGS_FILE, see docs/tui.md)")
            with VerticalScroll():
                yield Static(table, id="help-table")

    def action_close(self) -> None:
        self.dismiss(None)


class ArticleScreen(ModalScreen[None]):
    """A cited knowledge-base article, loaded off the event loop."""

    BINDINGS: ClassVar[list[BindingType]] = CLOSE

    def __init__(self, kb_id: str, title: str) -> None:
        super().__init__()
        self.kb_id = kb_id
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="article-dialog", classes="dialog"):
            yield Label(f"{self.title_text}  ({self.kb_id})", id="article-title")
            with VerticalScroll(id="article-scroll"):
                yield Markdown("loading …", id="article-body")

    def on_mount(self) -> None:
        self.run_worker(self._load())

    async def _load(self) -> None:
        from drafter.tui.app import DeskApp

        app = self.app
        assert isinstance(app, DeskApp)
        try:
            text = await app.call(app.service.article, self.kb_id)
        except DrafterError as error:
            app.notify_error(error)
            self.dismiss(None)
            return
        await self.query_one(Markdown).update(text)

    def action_close(self) -> None:
        self.dismiss(None)


REWRITES: tuple[tuple[str, str], ...] = (
    ("shorter", "Make the reply shorter."),
    ("friendlier", "Make the reply friendlier."),
    ("formal", "Make the reply more formal."),
    ("sie", "Address the customer formally with 'Sie'."),
    ("du", "Address the customer informally with 'Du'."),
    ("translate_en", "Translate the reply into English."),
    ("translate_de", "Translate the reply into German."),
)


class RewriteScreen(ModalScreen[str | None]):
    """Choose a rewrite instruction, or type one; returns the instruction or None."""

    BINDINGS: ClassVar[list[BindingType]] = CLOSE

    def on_mount(self) -> None:
        from drafter.tui.app import DeskApp

        if isinstance(self.app, DeskApp):
            self.app.tune_cursors(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="rewrite-dialog", classes="dialog"):
            yield Label("Rewrite the draft")
            yield OptionList(
                *[Option(text, id=key) for key, text in REWRITES], id="rewrite-choices"
            )
            yield Input(placeholder="or type an instruction and press enter", id="rewrite-free")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(str(event.option.prompt))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss(event.value.strip())

    def action_close(self) -> None:
        self.dismiss(None)


class VersionsScreen(ModalScreen[DraftVersion | None]):
    """Every saved version, newest first; choosing one returns it."""

    BINDINGS: ClassVar[list[BindingType]] = CLOSE

    def __init__(self, versions: list[DraftVersion]) -> None:
        super().__init__()
        self.versions = {str(v.version_id): v for v in versions}
        self.ordered = sorted(versions, key=lambda v: v.number, reverse=True)

    def compose(self) -> ComposeResult:
        options = []
        for v in self.ordered:
            first = next((line for line in v.body.splitlines() if line.strip()), "")[:60]
            stamp = v.created_at.strftime("%Y-%m-%d %H:%M")
            who = f" {v.author}" if v.author else ""
            options.append(
                Option(f"v{v.number}  {v.source:<9} {stamp}{who}  {first}", id=str(v.version_id))
            )
        with Vertical(id="versions-dialog", classes="dialog"):
            yield Label("Go back to an earlier version (it is saved as a new edit)")
            yield OptionList(*options, id="versions-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.versions[event.option.id])

    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmSendScreen(ModalScreen[bool]):
    """Last check before a reply leaves: recipient, subject, and a checklist of the risky
    warnings, each of which the agent ticks (space) before `y` sends."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *CLOSE,
        Binding("y", "confirm", "Send", id="modal_confirm"),
        Binding("n", "close", "Cancel", show=False),
    ]

    def __init__(
        self,
        recipient: str,
        subject: str,
        words: int,
        warnings: list[str] | None = None,
        risky: list[DraftWarning] | None = None,
    ) -> None:
        super().__init__()
        self.recipient = recipient
        self.subject = subject
        self.words = words
        self.warnings = warnings or []
        self.risky = risky or []

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Label("Approve and send this reply?", id="confirm-title")
            details = Text(f"To:       {self.recipient}\nSubject:  {self.subject}\n"
                           f"Length:   {self.words} words")  # fmt: skip
            if self.warnings:
                details.append("\nWarnings: " + ", ".join(self.warnings), style="yellow")
            yield Static(details, id="confirm-details")
            if self.risky:
                yield Label(
                    "Tick each risky warning with space to send:",
                    id="ack-title",
                )
                yield SelectionList[int](
                    *[Selection(describe(w), n) for n, w in enumerate(self.risky)],
                    id="ack-list",
                )
            with Horizontal(classes="buttons"):
                yield Button("Send (y)", variant="success", id="send")
                yield Button("Cancel (n)", id="cancel")

    def on_mount(self) -> None:
        if self.risky:
            self.query_one("#ack-list", SelectionList).focus()
        else:
            self.query_one("#cancel", Button).focus()

    def acknowledged(self) -> list[DraftWarning]:
        """The warnings the agent ticked, in the draft's order."""
        if not self.risky:
            return []
        ticked = set(self.query_one("#ack-list", SelectionList).selected)
        return [w for n, w in enumerate(self.risky) if n in ticked]

    def _send(self) -> None:
        left = len(self.risky) - len(self.acknowledged())
        if left:
            self.notify(
                f"tick each risky warning before sending ({left} of {len(self.risky)} left)",
                severity="warning",
            )
            return
        self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "send":
            self._send()
        else:
            self.dismiss(False)

    def action_confirm(self) -> None:
        self._send()

    def action_close(self) -> None:
        self.dismiss(False)


class RejectScreen(ModalScreen[str | None]):
    """Ask for the reason of a rejection; returns it, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = CLOSE

    def on_mount(self) -> None:
        from drafter.tui.app import DeskApp

        if isinstance(self.app, DeskApp):
            self.app.tune_cursors(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="reject-dialog", classes="dialog"):
            yield Label("Reject this email: why? (enter to confirm, escape to cancel)")
            yield Input(placeholder="e.g. spam, duplicate, handled by phone", id="reject-reason")
            yield Label("", id="reject-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.query_one("#reject-error", Label).update("a reason is required")
            return
        self.dismiss(event.value.strip())

    def action_close(self) -> None:
        self.dismiss(None)
