"""The email screen's decisions: approve and send (after a confirmation), reject with a
reason, claim or release. Each one persists through the service off the event loop; an error
notifies and leaves the editor as it is. The EmailScreen's actions call these functions."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.acknowledge import needs_ack
from drafter.errors import DrafterError
from drafter.models import DraftWarning, SendResult
from drafter.tui import warning_text
from drafter.tui.host import Decided, attempt
from drafter.tui.i18n import t
from drafter.tui.screens.modals import ConfirmSendScreen, RejectScreen

if TYPE_CHECKING:
    from drafter.tui.screens.email_view import EmailView


def approve_send(screen: EmailView) -> None:
    """Ask for confirmation (recipient, subject, length, warnings) with a tick per risky
    warning, then record each acknowledgement, approve and send. The warnings are those the
    text in the editor would be approved with: text the agent typed or pasted is checked too."""
    if screen.busy() or screen.record is None:
        return
    text = screen.editor.text
    if not text.strip():
        screen.notify(t("notify.empty"), severity="warning")
        return
    screen.run_worker(_confirm(screen, text), group="send")


async def _confirm(screen: EmailView, text: str) -> None:
    if screen.record is None:
        return
    desk = screen.desk
    try:
        checked = await desk.call(desk.service.checked, screen.email_id, text)
    except DrafterError as error:
        desk.notify_error(error)
        return
    mail = screen.record.email
    subject = mail.subject if mail.subject.lower().startswith("re:") else f"Re: {mail.subject}"
    kinds = Counter(warning_text.label(w.code) for w in checked)
    warnings = [f"{kind} ({n})" if n > 1 else kind for kind, n in kinds.items()]
    risky = needs_ack(desk.settings.ack_required_warnings, checked, text)
    dialog = ConfirmSendScreen(mail.from_.formatted(), subject, len(text.split()), warnings, risky)

    def confirmed(ok: bool | None) -> None:
        if ok:
            acked = dialog.acknowledged()
            to = mail.from_.formatted()
            work = _approve_and_send(screen, screen.editor.text, acked, to)
            screen.run_worker(work, group="send")

    screen.app.push_screen(dialog, confirmed)


async def _approve_and_send(
    screen: EmailView, text: str, acknowledged: list[DraftWarning], to: str
) -> None:
    desk = screen.desk
    try:
        await desk.call(desk.service.approve, screen.email_id, text)  # saves `text` first
        for warning in acknowledged:
            await desk.call(desk.service.acknowledge, screen.email_id, warning)
        screen.saved_text = text
        result = await desk.call(desk.service.send, screen.email_id)
    except DrafterError as error:
        desk.notify_error(error)
        return
    screen.notify(sent_note(result, to), title=t(sent_title(result)))
    _leave_decided(screen)


def sent_title(result: SendResult) -> str:
    return "notify.already_sent.title" if result.already_sent else "notify.sent.title"


def sent_note(result: SendResult, to: str) -> str:
    """Whom the reply went to and where, in the desk's language: "an Sabine Krüger <…>,
    abgelegt in /srv/outbox" (the folder: the file is named after the Message-ID). Before, the
    German notice read "Antwort gesendet / gesendet (outbox: /srv/outbox/b800….eml)"."""
    location = result.location
    if result.transport == "outbox":
        location = str(Path(location).parent)
    return t("notify.sent", to=to, where=t(f"send.via.{result.transport}", location=location))


def reject(screen: EmailView) -> None:
    """Ask for a reason, then close the email without a reply."""
    if screen.busy():
        return

    def chosen(reason: str | None) -> None:
        if reason:
            screen.run_worker(_reject(screen, reason), group="reject")

    screen.app.push_screen(RejectScreen(), chosen)


async def _reject(screen: EmailView, reason: str) -> None:
    await screen.flush()
    desk = screen.desk
    if not await attempt(desk, desk.service.reject, screen.email_id, reason):
        return
    screen.notify(t("notify.rejected", reason=reason))
    _leave_decided(screen)


def _leave_decided(screen: EmailView) -> None:
    """Back to the queue, whose cursor moves on to the next email."""
    for other in screen.app.screen_stack:
        if isinstance(other, Decided):
            other.decided(screen.email_id)
    screen.app.pop_screen()


async def toggle_claim(screen: EmailView) -> None:
    """Claim the email for this agent, or release this agent's claim."""
    if screen.record is None:
        return
    desk = screen.desk
    mine = screen._claimed  # what this desk holds, not the record read when it opened
    # a claim being released is no longer renewed, nor mourned as lost: said before the release
    # runs, so a renewal answered meanwhile (it finds no claim) does not take the email again
    screen._claimed = False
    try:
        await desk.call(desk.service.release if mine else desk.service.claim, screen.email_id)
    except DrafterError as error:
        screen._claimed = mine
        desk.notify_error(error)
        return
    screen._claimed = not mine
    try:
        screen.record = await desk.call(desk.service.email, screen.email_id)
    except DrafterError as error:
        desk.notify_error(error)
        return
    screen.show_email(screen.record)
    screen.notify(t("notify.released" if mine else "notify.claimed"))
