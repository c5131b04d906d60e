"""The email pane of the email screen: the customer's message and the earlier conversation.

Owns what the pane shows of an `EmailRecord` (subject, sender, received, language, reason,
status and who holds the claim; body, quoted text and signature folded) and the conversation
section's box (its text is drafter.tui.screens.conversation). Takes an `EmailView` like the
other helpers, so it never imports drafter.tui.screens.email.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import VerticalScroll
from textual.widgets import Collapsible, Static

from drafter.tui.i18n import local_time, t
from drafter.tui.screens import conversation

if TYPE_CHECKING:
    from drafter.models import EmailRecord
    from drafter.store.conversation import Turn
    from drafter.tui.screens.email_view import EmailView


def show_email(screen: EmailView, record: EmailRecord) -> None:
    """The email's header lines, body, quotes and signature (the held-by note when another
    agent holds the claim)."""
    mail = record.email
    when = local_time(record.received_at)
    claimed = "   " + t("email.claimed_by", agent=record.claimed_by) if record.claimed_by else ""
    subject = (mail.subject or t("queue.no_subject")).replace("[", r"\[")
    if screen.held_by:
        claimed = "\n[b]" + t("email.held", message=screen.held_by).replace("[", r"\[") + "[/b]"
    meta = (
        f"[b]{subject}[/b]\n"
        f"{t('email.from')}: {mail.from_.formatted()}\n{t('email.received')}: {when}   "
        f"{t('email.language')}: {mail.language}   "
        f"{t('email.reason')}: {record.contact_reason or '-'}\n"
        f"{t('email.status')}: {t('status.' + record.status)}{claimed}"
    )
    screen.query_one("#email-meta", Static).update(meta)
    screen.query_one("#email-body", Static).update(mail.body or t("email.no_body"))
    screen.query_one("#quoted-text", Static).update(mail.quoted)
    screen.query_one("#signature-text", Static).update(mail.signature)
    screen.query_one("#quoted", Collapsible).set_class(not mail.quoted.strip(), "empty")
    screen.query_one("#signature", Collapsible).set_class(not mail.signature.strip(), "empty")


def show_conversation(screen: EmailView, turns: list[Turn]) -> None:
    """The earlier emails and sent replies of this thread, oldest first."""
    box = screen.query_one("#conversation", Collapsible)
    box.title = conversation.title(turns)
    box.set_class(not turns, "empty")
    screen.query_one("#conversation-text", Static).update(conversation.text(turns))


def toggle_conversation(screen: EmailView) -> None:
    """Open or close the conversation section (a note when the thread has no earlier mail)."""
    box = screen.query_one("#conversation", Collapsible)
    if box.has_class("empty"):
        screen.notify(t("email.conversation.none"))
        return
    box.collapsed = not box.collapsed
    if not box.collapsed:
        screen.query_one("#email-scroll", VerticalScroll).scroll_home(animate=False)
