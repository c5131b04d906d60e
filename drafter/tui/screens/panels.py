"""Two panels of the email screen: the version list (restore an earlier version as a new
edit) and "what the model saw" (the pseudonymized text, loaded once)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.containers import VerticalScroll
from textual.widgets import Static

from drafter.errors import DrafterError
from drafter.tui.i18n import t
from drafter.tui.screens.modals import VersionsScreen

if TYPE_CHECKING:
    from drafter.tui.screens.email_view import EmailView


async def choose_version(screen: EmailView) -> None:
    """List the saved versions (with what each changed); the chosen one becomes a new edit.
    The editor's text is saved first (waiting for an autosave under way): read before it,
    the list missed the last edit, or showed a version as it was before its last autosave."""
    await screen.flush()
    try:
        versions = await screen.desk.call(screen.desk.service.versions, screen.email_id)
    except DrafterError as error:
        screen.desk.notify_error(error)
        return
    if not versions:
        screen.notify(t("notify.no_versions"))
        return
    chosen = await screen.app.push_screen_wait(VersionsScreen(versions))
    if chosen is None:
        return
    screen._session_version = None
    screen.editor.load_text(chosen.body)
    saved = await screen.flush()
    if saved:
        screen._session_version = None
        screen.notify(t("notify.restored", n=chosen.number))


def prefetch_redacted(screen: EmailView) -> None:
    """Start loading the pseudonymized text when the email opens: the first one of a desk
    loads the privacy modules (about 3 s under load), which ctrl+t then no longer waits for.
    An error is reported only when the agent presses ctrl+t."""
    if screen._redacted is None:
        call = screen.desk.call(screen.desk.service.redacted, screen.email_id)
        screen._redacted = asyncio.get_running_loop().create_task(call)
        screen._redacted.add_done_callback(lambda task: task.cancelled() or task.exception())


async def toggle_redacted(screen: EmailView) -> None:
    """Show (loading once) or hide the pseudonymized text the model saw."""
    panel = screen.query_one("#redacted", Static)
    if not screen._redacted_loaded:
        prefetch_redacted(screen)  # no-op when the email's opening started it
        assert screen._redacted is not None
        try:
            text = await asyncio.shield(screen._redacted)
        except DrafterError as error:
            screen._redacted = None  # the next ctrl+t tries again
            screen.desk.notify_error(error)
            return
        panel.update(f"[b]{t('email.model_saw')}[/b]\n\n" + text.replace("[", r"\["))
        screen._redacted_loaded = True
    showing = panel.has_class("hidden")
    panel.set_class(not showing, "hidden")
    for widget_id in ("#email-body", "#quoted", "#signature", "#conversation"):
        screen.query_one(widget_id).set_class(showing, "hidden")
    # from the top: at 80 x 24 the pane shows three lines, and a pane left scrolled to the
    # signature showed the middle of the model's text, its title out of sight
    scroll = screen.query_one("#email-scroll", VerticalScroll)
    scroll.scroll_home(animate=False)
    if screen.focused is not None and screen.focused is not screen.editor:
        scroll.focus()  # a folded section that just hid kept the keys (pgup did nothing)
