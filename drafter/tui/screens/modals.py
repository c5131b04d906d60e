"""Modal screens: help, cited article, rewrite instruction, version list, send confirmation,
reject reason."""

from __future__ import annotations

import difflib
import textwrap
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Markdown, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from drafter.errors import DrafterError
from drafter.models import DraftVersion, DraftWarning
from drafter.tui import warning_text
from drafter.tui.host import DeskHost
from drafter.tui.i18n import EN, local_time, t
from drafter.tui.keys import description, display_key, effective_keys, translate_bindings
from drafter.tui.warning_codes import EN_LABELS as WARNING_KINDS

CLOSE: list[BindingType] = [Binding("escape", "close", "Close", id="modal_close")]

EDITOR_KEYS = (  # Textual's key names, shown through keys.display_key
    ("ctrl+z,ctrl+y", "help.undo", ", "),
    ("ctrl+x,ctrl+c,ctrl+v", "help.clipboard", ", "),
    ("f7", "help.select_all", ", "),
    ("up,down,pageup,pagedown,home,end", "help.move", " "),
)

SCOPES = ("app", "queue", "email")


def _host(screen: ModalScreen[Any]) -> DeskHost | None:
    """The app as a DeskHost (None in a bare test app without one)."""
    app = screen.app
    return app if hasattr(app, "service") else None  # type: ignore[return-value]


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by screen, with the user's overrides applied."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *CLOSE,
        Binding("f1,q", "close", "Close", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self.rows: list[tuple[str, str, str]] = []  # (key, description, action)

    def compose(self) -> ComposeResult:
        keymap: dict[str, str] = getattr(self.app, "user_keymap", {})
        table = Table(expand=True, box=None, padding=(0, 1))
        # at most 16 wide: a long key list wraps rather than squeezing the actions
        table.add_column(t("help.key"), style="bold cyan", max_width=16)
        table.add_column(t("help.action"))
        table.add_column(t("help.name"), style="dim")
        for scope in SCOPES:
            table.add_row(f"[b]{t('help.scope.' + scope)}[/b]", "", "")
            for spec, key in effective_keys(keymap):
                if spec.scope == scope:
                    self.rows.append((key, description(spec), spec.action))
                    table.add_row(display_key(key), description(spec), spec.action)
        table.add_row("", "", "")
        table.add_row(f"[b]{t('help.editor')}[/b]", "", "")
        for keys, what, sep in EDITOR_KEYS:
            table.add_row(display_key(keys, sep), t(what), "")
        table.add_row("", "", "")
        table.add_row(f"[b]{t('help.warnings')}[/b]", t("help.warnings.note"), "")
        for code in WARNING_KINDS:  # the code is what DRAFTER_ACK_REQUIRED_WARNINGS takes
            table.add_row("", warning_text.label(code), code)
        with Vertical(id="help-dialog", classes="dialog"):
            yield Static(t("help.title"))  # titles wrap: a Label was cut at 80 columns
            with VerticalScroll():
                yield Static(table, id="help-table")

    def action_close(self) -> None:
        self.dismiss(None)


class ArticleScreen(ModalScreen[None]):
    """A cited knowledge-base article, loaded off the event loop."""

    BINDINGS: ClassVar[list[BindingType]] = CLOSE

    def __init__(self, kb_id: str, title: str) -> None:
        super().__init__()
        translate_bindings(self)
        self.kb_id = kb_id
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="article-dialog", classes="dialog"):
            yield Static(Text(f"{self.title_text}  ({self.kb_id})"), id="article-title")
            with VerticalScroll(id="article-scroll"):
                yield Markdown(t("loading"), id="article-body")

    def on_mount(self) -> None:
        self.run_worker(self._load())

    async def _load(self) -> None:
        app = _host(self)
        if app is None:
            return
        try:
            text = await app.call(app.service.article, self.kb_id)
        except DrafterError as error:
            app.notify_error(error)
            self.dismiss(None)
            return
        await self.query_one(Markdown).update(text)

    def action_close(self) -> None:
        self.dismiss(None)


REWRITES: tuple[str, ...] = (
    "shorter", "friendlier", "formal", "sie", "du", "translate_en", "translate_de",
)  # fmt: skip


class _TextDialog(ModalScreen[str | None]):
    """A dialog that returns a typed text, or None when closed: translated keys, the
    desk's cursor settings."""

    BINDINGS: ClassVar[list[BindingType]] = CLOSE

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def on_mount(self) -> None:
        host = _host(self)
        if host is not None:
            host.tune_cursors(self)

    def action_close(self) -> None:
        self.dismiss(None)


class RewriteScreen(_TextDialog):
    """Choose a rewrite instruction, or type one; returns the instruction or None."""

    def compose(self) -> ComposeResult:
        with Vertical(id="rewrite-dialog", classes="dialog"):
            yield Static(t("rewrite.title"))
            yield OptionList(
                *[Option(t("rewrite." + key), id=key) for key in REWRITES], id="rewrite-choices"
            )
            yield Input(placeholder=t("rewrite.free"), id="rewrite-free")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        # the model gets the instruction in English whatever the interface language
        self.dismiss(EN.get(f"rewrite.{event.option.id}", str(event.option.prompt)))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss(event.value.strip())


class VersionsScreen(ModalScreen[DraftVersion | None]):
    """Every saved version, newest first; choosing one returns it."""

    BINDINGS: ClassVar[list[BindingType]] = CLOSE

    def __init__(self, versions: list[DraftVersion]) -> None:
        super().__init__()
        translate_bindings(self)
        self.versions = {str(v.version_id): v for v in versions}
        self.ordered = sorted(versions, key=lambda v: v.number, reverse=True)
        by_number = {v.number: v for v in versions}
        self.previous = {v.number: by_number.get(v.number - 1) for v in versions}

    def compose(self) -> ComposeResult:
        options = []
        for v in self.ordered:
            stamp = local_time(v.created_at)
            who = f" {v.author}" if v.author else ""
            head = Text(f"v{v.number}  {t('source.' + v.source):<13} {stamp}{who}", style="bold")
            options.append(Option(Text("\n").join([head, changes(self.previous[v.number], v)]),
                                  id=str(v.version_id)))  # fmt: skip
        with Vertical(id="versions-dialog", classes="dialog"):
            yield Static(t("versions.title"))
            yield OptionList(*options, id="versions-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.versions[event.option.id])

    def action_close(self) -> None:
        self.dismiss(None)


MAX_CHANGED_LINES = 4
CHANGED_WIDTH = 64  # a changed line is shortened to this (at a word, with " …"): one row at 80


def _clip(line: str, start: int = 0) -> str:
    """`line` shortened to one row; from the word before `start` (where it differs from the
    line it replaced) when that is further in, so "- …" and "+ …" do not show the same words."""
    if start > CHANGED_WIDTH // 2:
        cut = line.rfind(" ", 0, start - 12) + 1
        line = "… " + line[cut:] if cut else line
    return textwrap.shorten(line, CHANGED_WIDTH, placeholder=" …") or line[:CHANGED_WIDTH]


def _differs_at(old: str, new: str) -> int:
    """Where a changed line first differs from the line it replaced."""
    return next((n for n, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                min(len(old), len(new)))  # fmt: skip


def changes(before: DraftVersion | None, after: DraftVersion) -> Text:
    """What `after` changed against the version before it: the changed lines, - and +."""
    if before is None:
        return Text("  " + t("versions.first"), style="dim")
    old, new = before.body.splitlines(), after.body.splitlines()
    lines: list[Text] = []
    changed = 0
    for group in difflib.SequenceMatcher(None, old, new, autojunk=False).get_grouped_opcodes(0):
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                continue
            changed += max(i2 - i1, j2 - j1)
            # a line edited in place: both sides from where they differ
            at = _differs_at(old[i1], new[j1]) if i2 - i1 == j2 - j1 == 1 else 0
            lines += [Text(f"  - {_clip(s, at)}", style="red") for s in old[i1:i2] if s.strip()]
            lines += [Text(f"  + {_clip(s, at)}", style="green") for s in new[j1:j2] if s.strip()]
    if not changed:
        return Text("  " + t("versions.same"), style="dim")
    shown = lines[:MAX_CHANGED_LINES]
    if len(lines) > MAX_CHANGED_LINES:
        shown.append(Text("  … " + t("versions.changed", n=changed), style="dim"))
    return Text("\n").join(shown)


class ConfirmSendScreen(ModalScreen[bool]):
    """Last check before a reply leaves: recipient, subject, and a checklist of the risky
    warnings, each of which the agent ticks (space) before `y` sends."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *CLOSE,
        Binding("y", "confirm", "Send", id="modal_confirm"),
        Binding("j", "confirm", "Send", show=False),  # "ja": the German dialog says (j)
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
        translate_bindings(self)

    def compose(self) -> ComposeResult:
        labels = [t("confirm.to"), t("confirm.subject"), t("confirm.length")]
        width = max(len(label) for label in [*labels, t("confirm.warnings")]) + 2
        to, subject, length = (f"{label}:".ljust(width) for label in labels)
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Static(t("confirm.title"), id="confirm-title")
            details = Text(f"{to}{self.recipient}\n{subject}{self.subject}\n"
                           f"{length}{t('confirm.words', n=self.words)}")  # fmt: skip
            if self.warnings:
                warned = f"\n{t('confirm.warnings')}:".ljust(width + 1)
                details.append(warned + ", ".join(self.warnings), style="yellow")
            yield Static(details, id="confirm-details")
            if self.risky:
                yield Static(t("confirm.ack_title"), id="ack-title")
                yield SelectionList[int](
                    *[
                        Selection(Text(warning_text.describe(w)), n)
                        for n, w in enumerate(self.risky)
                    ],
                    id="ack-list",
                )
                # a checklist line is cut at the dialog's edge (and cannot wrap: Textual's
                # SelectionList draws one tick per line), so the highlighted warning, the one
                # space ticks, is shown whole below it
                yield Static(Text(warning_text.describe(self.risky[0])), id="ack-detail")
            with Horizontal(classes="buttons"):
                yield Button(t("confirm.send"), variant="success", id="send")
                yield Button(t("confirm.cancel"), id="cancel")

    def on_mount(self) -> None:
        if self.risky:
            ticks = self.query_one("#ack-list", SelectionList)
            ticks.focus()
            self.call_after_refresh(lambda: self._detail(ticks.highlighted or 0))
        else:
            self.query_one("#cancel", Button).focus()

    def on_selection_list_selection_highlighted(
        self, event: SelectionList.SelectionHighlighted[int]
    ) -> None:
        event.stop()
        self._detail(event.selection_index)

    def _detail(self, index: int) -> None:
        """Show the highlighted warning whole below the list when its line is cut."""
        ticks = self.query_one("#ack-list", SelectionList)
        text = warning_text.describe(self.risky[index])
        room = ticks.scrollable_content_region.width - ticks._get_left_gutter_width()
        detail = self.query_one("#ack-detail", Static)
        detail.update(Text(text))
        detail.display = room <= 0 or cell_len(text) > room

    def acknowledged(self) -> list[DraftWarning]:
        """The warnings the agent ticked, in the draft's order."""
        if not self.risky:
            return []
        ticked = set(self.query_one("#ack-list", SelectionList).selected)
        return [w for n, w in enumerate(self.risky) if n in ticked]

    def _send(self) -> None:
        left = len(self.risky) - len(self.acknowledged())
        if left:
            self.notify(t("confirm.ack_left", left=left, total=len(self.risky)), severity="warning")
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


class RejectScreen(_TextDialog):
    """Ask for the reason of a rejection; returns it, or None when cancelled."""

    def compose(self) -> ComposeResult:
        with Vertical(id="reject-dialog", classes="dialog"):
            yield Static(t("reject.title"))  # wraps at 80 columns (a Label was cut)
            yield Input(placeholder=t("reject.placeholder"), id="reject-reason")
            yield Label("", id="reject-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.query_one("#reject-error", Label).update(t("reason.required"))
            return
        self.dismiss(event.value.strip())
