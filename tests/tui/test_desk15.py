"""Desk points found in round 15 (desk15): drafter tried as a new user would, in German and
English at 80 and 160 columns, on the demo data."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Button, Input, OptionList, Static

from drafter.config import Settings
from drafter.desk import Desk
from drafter.models import DraftWarning
from drafter.tui.screens.modals import ConfirmSendScreen
from drafter.tui.screens.queue import QueueScreen
from tests.tui.helpers import wait_for
from tests.tui.real_service import INBOX, build, open_first
from tests.tui.test_snapshots import desk_app, email_ready, queue_ready
from tests.tui.test_team_claims import notes

# square brackets are everyday mail text: a subject tag, an attachment note, an error message
BRACKETS = (
    "From: Karl Test <karl@example.org>\r\n"
    "To: service@stadtwerke-nordlicht.de\r\n"
    "Subject: [EXTERN] Frage zum Abschlag\r\n"
    "Date: Mon, 05 Oct 2026 08:00:00 +0200\r\n"
    "Message-ID: <brackets-1@example.org>\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
    "Hallo,\r\n\r\n"
    "[Anhang: Rechnung.pdf] ich habe eine Frage zu meinem Abschlag [siehe Anhang].\r\n"
    'Das Portal meldet: "x [/i] y". [@click=app.quit]Hier[/] klicken.\r\n\r\n'
    "Gruss\r\nKarl Test [Kunde seit 2019]\r\n"
)


def _shown(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_square_brackets_in_a_customer_mail_are_shown_as_written(
    settings: Settings, retriever: Any
) -> None:
    """A mail saying `"x [/i] y"` closed the desk with a MarkupError traceback when opened,
    and `[Anhang: Rechnung.pdf]` or `[siehe Anhang]` vanished from the mail (parsed as
    Textual markup; `[@click=app.quit]` became a link that quits). The customer's text is
    now shown as written, and a reason with brackets does not break the notifications."""
    desk = Desk(settings, retriever=retriever, no_llm=True)
    report = desk.import_messages([("brackets.eml", BRACKETS.encode())])
    assert report.imported == 1
    app = build(settings, desk)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(app, pilot, timeout=120)  # the first draft under load
        body = _shown(screen, "#email-body")
        assert "[Anhang: Rechnung.pdf]" in body and "[siehe Anhang]" in body
        assert '"x [/i] y"' in body and "[@click=app.quit]Hier[/]" in body
        assert "[Kunde seit 2019]" in _shown(screen, "#signature-text")
        await pilot.press("f8")
        await pilot.pause(0.2)
        app.screen.query_one(Input).value = "doppelt [/b]"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "doppelt [/b]" in notes(app))
        # a toast renders its message as markup unless told not to: "[/b]" raised there
        assert not any(note.markup for note in app._notifications)
    desk.close()


async def test_a_warning_with_square_brackets_is_listed_as_written_in_the_send_dialog() -> None:
    """The send dialog's checklist and the line below it parsed a warning's text as markup:
    the offending text `[/b]` of a draft raised a MarkupError there."""
    app = desk_app()
    risky = [
        DraftWarning(code="link", message="a link in no source", span="https://x.example/[/b]")
    ]
    async with app.run_test(size=(80, 24)) as pilot:
        await queue_ready(pilot)
        app.push_screen(
            ConfirmSendScreen("Anna <a@example.org>", "[EXTERN] Frage", 12, risky=risky)
        )
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmSendScreen))
        await pilot.pause(0.2)
        detail = app.screen.query_one("#ack-detail", Static)
        assert "https://x.example/[/b]" in str(detail.render())
        assert "[EXTERN] Frage" in str(app.screen.query_one("#confirm-details", Static).render())


async def test_a_mail_wrapped_by_the_writers_mailer_fills_the_pane_without_stubs(
    settings: Settings, retriever: Any
) -> None:
    """The sample mails (and many real ones) are wrapped at 80-90 characters; the 76-column
    pane (80 columns; 62 at 160) broke every line again and left a stub: "…nach Gas, vor /
    allem unten / beim Keller". The mail's own line breaks inside a paragraph are joined."""
    desk = Desk(settings, retriever=retriever, no_llm=True)
    name = "27-gasgeruch.eml"
    assert desk.import_messages([(name, (INBOX / name).read_bytes())]).imported == 1
    app = build(settings, desk)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(app, pilot, timeout=120)  # the first draft under load
        body = _shown(screen, "#email-body")
        assert "vor allem unten beim Keller" in body
        assert "unten\nbeim Keller" in desk.email(screen.email_id).email.body  # as sent
    desk.close()


async def test_the_version_list_shows_an_edit_at_the_end_of_a_long_line() -> None:
    """A draft's paragraphs are long lines; an edit near the end of one was listed as two
    identical beginnings ("- Handeln Sie sofort und rufen Sie von draußen unseren Gas- …" and
    "+ Handeln Sie sofort …"), so every version looked the same. Both sides now start a few
    words before the change."""
    app = desk_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await email_ready(pilot)
        screen = app.screen
        long_line = (
            "Handeln Sie sofort und rufen Sie von draußen unseren Gas-Notdienst an, "
            "rund um die Uhr und kostenlos: 0431 5577-112."
        )
        screen.editor.load_text(f"Sehr geehrte Frau Martens,\n\n{long_line}\n")  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        screen.editor.move_cursor((2, len(long_line) - 1))  # type: ignore[attr-defined]
        await pilot.press(*" Bitte")
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "VersionsScreen")
        await pilot.pause(0.05)
        listed = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        minus = next(line for line in listed.splitlines() if line.startswith("  - "))
        plus = next(line for line in listed.splitlines() if line.startswith("  + "))
        assert "112." in minus and "112 Bitte." in plus, listed
        await pilot.press("escape")


async def test_the_german_send_dialog_sends_with_j() -> None:
    """The German dialog said "Senden (y)": a German agent answers "j" (ja), which did
    nothing. It now says "Senden (j)" and sends with j (y still works)."""
    app = desk_app(ui_language="de")
    async with app.run_test(size=(80, 24)) as pilot:
        await email_ready(pilot)
        email_id = app.screen.email_id  # type: ignore[attr-defined]
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmSendScreen))
        assert "Senden (j)" in str(app.screen.query_one("#send", Button).label)
        await pilot.press("space", "j")  # tick the risky warning, then "ja"
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        await wait_for(pilot, lambda: app.service.email(email_id).status == "sent")


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_the_wide_header_keeps_the_reason_with_its_label(ui: str) -> None:
    """At 160 columns the mail pane is 61 characters wide: "Received: 2026-10-14 07:55
    Language: de   Reason:" ended a line and "zaehlerstand" wrapped alone to the next. The
    reason now opens the status line when the received line has no room for it."""
    app = desk_app(ui_language=ui)
    for record in app.service.records.values():  # type: ignore[attr-defined]
        record.contact_reason = "zaehlerstand"
        record.status = "in_review"
    async with app.run_test(size=(160, 40)) as pilot:
        await email_ready(pilot)
        await pilot.pause(0.2)
        meta = app.screen.query_one("#email-meta")
        shown = str(meta.render())
        label = "Reason" if ui == "en" else "Anliegen"
        value = "meter reading" if ui == "en" else "Zählerstand"  # the label (desk16)
        assert f"{label}: {value}" in shown and meta.size.height == 4, shown
