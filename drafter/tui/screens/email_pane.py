"""The email pane of the email screen: the customer's message and the earlier conversation.

Owns what the pane shows of an `EmailRecord` (subject, sender, received, language, reason,
status and who holds the claim; body, quoted text and signature folded; a note on the pane's
edge when the mail scrolls) and the conversation section's box (its text is
drafter.tui.screens.conversation). Takes an `EmailView` like the other helpers, so it never
imports drafter.tui.screens.email.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.css.query import NoMatches
from textual.widgets import Collapsible, Static

from drafter.mail.unwrap import unwrap
from drafter.tui.i18n import local_time, reason_label, t
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
    sender = mail.from_.formatted().replace("[", r"\[")
    received = f"{t('email.received')}: {when}"
    language = f"{t('email.language')}: {mail.language}"
    reason = f"{t('email.reason')}: {reason_label(record.contact_reason)}"
    about = f"{language}   {reason}"
    status = f"{t('email.status')}: {t('status.' + record.status)}"
    if screen.has_class("narrow"):  # full width: three lines, so the mail keeps a row more
        room = screen.size.width - 2  # the pane's padding
        if len(f"{t('email.from')}: {sender}   {received}") > room and mail.from_.name:
            sender = mail.from_.name.replace("[", r"\[")  # the address wrapped to a 4th line
        if not screen.held_by and len(f"{status}   {about}{claimed}") > room:
            claimed = ""  # this desk's own claim (the title names the agent) made it wrap
        meta = f"{t('email.from')}: {sender}   {received}\n{status}   {about}{claimed}"
    else:
        room = screen.size.width * 2 // 5 - 3  # the pane's share (2fr of 5), border, padding
        line = f"{received}   {about}"
        if len(line) > room:  # "Reason:" ended the line and its value wrapped to the next
            line, status = f"{received}   {language}", f"{reason}   {status}"
            if not screen.held_by and len(f"{status}{claimed}") > room:
                claimed = ""  # this desk's own claim: the title names the agent
        meta = f"{t('email.from')}: {sender}\n{line}\n{status}{claimed}"
    screen.query_one("#email-meta", Static).update(f"[b]{subject}[/b]\n{meta}")
    # the customer's text as written (the mailer's line breaks in a paragraph joined, so the
    # pane wraps it at its width): never parsed as markup ("[/i]" raised a MarkupError,
    # "[Anhang: …]" vanished)
    screen.query_one("#email-body", Static).update(Text(unwrap(mail.body) or t("email.no_body")))
    screen.query_one("#quoted-text", Static).update(Text(mail.quoted))
    screen.query_one("#signature-text", Static).update(Text(mail.signature))
    screen.query_one("#quoted", Collapsible).set_class(not mail.quoted.strip(), "empty")
    screen.query_one("#signature", Collapsible).set_class(not mail.signature.strip(), "empty")
    screen.call_after_refresh(show_more, screen)


def show_more(screen: EmailView) -> None:
    """When the customer's mail does not fit its pane (80 x 24: three lines), the pane's
    bottom edge says so and how to scroll it; gone once scrolled to the end."""
    with suppress(NoMatches):
        scroll = screen.query_one("#email-scroll", VerticalScroll)
        more = scroll.max_scroll_y > 0 and scroll.scroll_y < scroll.max_scroll_y
        screen.query_one("#email-pane").border_subtitle = t("email.more") if more else ""


def show_conversation(screen: EmailView, turns: list[Turn]) -> None:
    """The earlier emails and sent replies of this thread, oldest first."""
    box = screen.query_one("#conversation", Collapsible)
    box.title = conversation.title(turns, screen.record.received_at if screen.record else None)
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
