"""desk12: what a new team met in the desk at 80 x 24, in German and English (FakeDesk
service, real Textual app).

- A rejected email's header said only "rejected: read only (f4 reopens)": not who rejected
  it, when, or why (the reason an agent typed was in the audit log only); a sent one only
  "sent: read only".
- The German desk showed the emergency reason in English ("möglicher Notfall (gas smell)").
- Who holds an email was "seit 2026-11-30 11:53" even for today.
- The German age column said "18d 03h".
- At 80 columns the sender column spent its 18 characters on "Name <addr…"; and the
  subject's minimum width pushed the table past the screen, so the status column lost its
  last characters ("in review ⚠" for "in review ⚠2", "needs atten" for "needs attention";
  the German "braucht Aufmerksamkeit" never fitted: now "Klärung nötig").
- At 80 x 24 the customer's mail got two lines and nothing said the pane scrolls.
"""

from __future__ import annotations

import datetime as dt
from datetime import timedelta
from typing import Any

import pytest
from textual.widgets import Label

from drafter import triage
from drafter.models import DraftWarning
from drafter.store.queue_state import Claim, ClaimedError
from drafter.tui import i18n, warning_text
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.queue import QueueScreen, format_age
from tests.tui.fake_desk import NOW, FakeDesk
from tests.tui.helpers import wait_for
from tests.tui.test_snapshots import desk_app, email_ready, queue_ready

EMERGENCY = "possible emergency ({}): check that the reply points to the emergency hotline first"


@pytest.fixture(autouse=True)
def _english_afterwards() -> object:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("ui", "expected"),
    [
        ("en", "rejected by agent, 13:00: duplicate of #2 · read only (f4 reopens)"),
        ("de", "abgelehnt von agent, 13:00: duplicate of #2 · nur lesen (F4 öffnet wieder)"),
    ],
)
async def test_a_rejected_email_says_who_rejected_it_when_and_why(ui: str, expected: str) -> None:
    app = desk_app(ui_language=ui)
    async with app.run_test(size=(80, 24)) as pilot:
        await email_ready(pilot)
        screen = app.screen
        assert isinstance(screen, EmailScreen)
        app.service.reject(screen.email_id, "duplicate\nof #2")  # type: ignore[attr-defined]
        await screen.reload()
        await pilot.pause()
        header = str(screen.query_one("#draft-status", Label).render())
        assert header == expected  # NOW (12:00 UTC, 13:00 in Berlin) is today: the time alone


@pytest.mark.parametrize(
    ("ui", "expected"),
    [
        ("en", "sent: 13:00, approved by agent · read only"),
        ("de", "gesendet: 13:00, freigegeben von agent · nur lesen"),
    ],
)
async def test_a_sent_email_says_when_it_went_and_who_approved_it(ui: str, expected: str) -> None:
    app = desk_app(ui_language=ui)
    async with app.run_test(size=(80, 24)) as pilot:
        await email_ready(pilot)
        screen = app.screen
        assert isinstance(screen, EmailScreen)
        desk = app.service
        desk.approve(screen.email_id, screen.editor.text)  # type: ignore[attr-defined]
        for warning in desk.unacknowledged(screen.email_id):  # type: ignore[attr-defined]
            desk.acknowledge(screen.email_id, warning)  # type: ignore[attr-defined]
        desk.send(screen.email_id)  # type: ignore[attr-defined]
        await screen.reload()
        await pilot.pause()
        assert str(screen.query_one("#draft-status", Label).render()) == expected


def test_a_rejection_of_another_day_shows_the_date() -> None:
    from drafter.tui.screens.draft_pane import final_note

    i18n.set_language("en", "Europe/Berlin")
    record = FakeDesk(1).email(1)
    record.status, record.rejected_by = "rejected", "bob"
    record.rejected_at, record.rejection_reason = NOW - timedelta(days=2), "spam"
    assert final_note(record, NOW) == (
        "rejected by bob, 2025-03-12 13:00: spam · read only (f4 reopens)"
    )


def test_the_german_desk_names_every_emergency_in_german() -> None:
    i18n.set_language("de")
    assert triage.REASONS, "drafter.triage lists the reasons it can give"
    for reason in triage.REASONS:
        shown = warning_text.message(
            DraftWarning(code="emergency", message=EMERGENCY.format(reason))
        )
        assert shown.startswith("möglicher Notfall (") and reason not in shown, shown
    gas = DraftWarning(code="emergency", message=EMERGENCY.format("gas smell"))
    assert warning_text.message(gas).startswith("möglicher Notfall (Gasgeruch)")


def test_every_triage_reason_is_one_the_function_can_return() -> None:
    from drafter.models import InboundEmail

    mail = InboundEmail.model_validate(
        {"subject": "Hausnotruf", "body": "Der Hausnotruf meiner Mutter geht nicht, Telefon tot."}
    )
    assert triage.urgency(mail) in triage.REASONS


@pytest.mark.parametrize(
    ("ui", "expected"),
    [("en", "being handled by bob since 12:50"), ("de", "wird seit 12:50 von bob bearbeitet")],
)
async def test_held_by_today_shows_the_time_alone(ui: str, expected: str) -> None:
    app = desk_app(ui_language=ui)
    held_by_bob(app)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_held(pilot)
        assert app.screen.held_by == expected  # type: ignore[attr-defined]


def held_by_bob(app: Any) -> None:
    """The fake desk's emails are held by bob since 10 minutes (11:50 UTC, 12:50 in Berlin)."""
    since = NOW - timedelta(minutes=10)
    claim = Claim(agent="bob", kind="review", since=since, expires=NOW + timedelta(minutes=5))
    app.service.fail_calls["claim"] = ClaimedError(1, claim)


async def open_held(pilot: Any) -> None:
    """Open the first email of the queue; it opens read-only (held by another agent)."""
    app = pilot.app
    await queue_ready(pilot)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
    await wait_for(pilot, lambda: bool(app.screen.held_by))


def test_short_time_gives_the_date_for_another_day() -> None:
    i18n.set_language("en", "Europe/Berlin")
    late = dt.datetime(2025, 3, 13, 23, 30, tzinfo=dt.UTC)  # 00:30 on the 14th in Berlin
    assert i18n.short_time(late, NOW) == "00:30"
    assert i18n.short_time(late - timedelta(hours=2), NOW) == "2025-03-13 22:30"


def test_the_german_age_column_speaks_german() -> None:
    i18n.set_language("de")
    assert format_age(timedelta(days=2, hours=1)) == "2 T 01h"
    assert format_age(timedelta(days=18, hours=3)) == "18 T"  # fits the 7-character column
    assert format_age(timedelta(hours=3, minutes=7)) == "3h 07m"
    i18n.set_language("en")
    assert format_age(timedelta(days=18, hours=3)) == "18d 03h"


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_at_80_columns_every_cell_is_whole_and_the_sender_is_the_name(ui: str) -> None:
    app = desk_app(n=30, ui_language=ui)  # 30 rows: the table scrolls (a scrollbar)
    async with app.run_test(size=(80, 24)) as pilot:
        await queue_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QueueScreen)
        item = screen.items[3]
        item.status, item.warnings, item.claimed_by = "in_review", 2, ""
        screen.items[5].status = "needs_attention"
        screen._fill(list(screen.items.values()))
        await pilot.pause()
        table = screen.table
        width = table.scrollable_content_region.width
        assert width < 80, "the scrollbar takes columns"
        for email_id in (3, 5):
            line = table._row_strip(email_id, width).text
            status = table.get_cell(email_id, "status").plain
            assert line.rstrip().endswith(status), (line, status)
            sender = screen.items[email_id].sender  # "Name <address>", longer than the column
            assert table.get_cell(email_id, "sender").plain == sender.split(" <")[0]
    wide = desk_app(ui_language=ui)
    async with wide.run_test(size=(160, 30)) as pilot:
        await queue_ready(pilot)
        screen = wide.screen
        assert isinstance(screen, QueueScreen)
        assert screen.table.get_cell(2, "sender").plain == "Ben Miller <ben@example.com>"


@pytest.mark.parametrize(("ui", "note"), [("en", "↓ more"), ("de", "↓ mehr")])
async def test_at_80x24_the_mail_pane_says_it_scrolls(ui: str, note: str) -> None:
    app = desk_app(ui_language=ui)
    body = "\n".join(f"Zeile {n} der Nachricht." for n in range(1, 15))
    for record in app.service.records.values():  # type: ignore[attr-defined]
        record.email.body = body  # whichever email the first row is
    async with app.run_test(size=(80, 24)) as pilot:
        await email_ready(pilot)
        pane = app.screen.query_one("#email-pane")
        await wait_for(pilot, lambda: (pane.border_subtitle or "").startswith(note))
        scroll = app.screen.query_one("#email-scroll")
        scroll.scroll_end(animate=False)
        await wait_for(pilot, lambda: not pane.border_subtitle)
    roomy = desk_app(ui_language=ui)
    async with roomy.run_test(size=(80, 60)) as pilot:
        await email_ready(pilot)
        await pilot.pause(0.2)
        assert not roomy.screen.query_one("#email-pane").border_subtitle


async def test_at_80x24_the_mail_pane_shows_three_lines_of_the_mail() -> None:
    app = desk_app()
    body = "\n".join(f"Zeile {n}" for n in range(1, 15))
    for record in app.service.records.values():  # type: ignore[attr-defined]
        record.email.body = body  # whichever email the first row is
    async with app.run_test(size=(80, 24)) as pilot:
        await email_ready(pilot)
        scroll = app.screen.query_one("#email-scroll")
        assert scroll.scrollable_content_region.height >= 3


async def test_the_model_view_opens_at_its_top_at_80x24() -> None:
    """ctrl+t with the pane scrolled to the signature showed the middle of the model's text
    (its title out of sight), and the keys stayed with the hidden signature section."""
    app = desk_app()
    body = "\n".join(f"Zeile {n} von Anna Schmidt." for n in range(1, 30))
    for record in app.service.records.values():  # type: ignore[attr-defined]
        record.email.body = body  # whichever email the first row is
    async with app.run_test(size=(80, 24)) as pilot:
        await email_ready(pilot)
        screen = app.screen
        scroll = screen.query_one("#email-scroll")
        await pilot.press("shift+tab", "end")  # the signature section, the end of the mail
        await pilot.pause(0.2)
        assert scroll.scroll_y > 0
        await pilot.press("ctrl+t")
        redacted = screen.query_one("#redacted")
        await wait_for(pilot, lambda: not redacted.has_class("hidden"))
        await pilot.pause(0.2)
        assert scroll.scroll_y == 0
        assert screen.focused is scroll or screen.focused is screen.editor  # type: ignore[attr-defined]


async def test_the_german_figures_name_an_email_without_contact_reason_in_german() -> None:
    """The German figures screen listed an email without a contact reason as "(none)", and a
    contact reason by its code ("abschlag"; desk16); a custom reason keeps its code."""
    from drafter.evaluation.analytics import Analytics, Group
    from drafter.tui.screens.stats import StatsScreen

    app = desk_app(ui_language="de")
    overall = Group("all", 3, 1, 0, 0)
    by_reason = [Group("abschlag", 1, 1), Group("garantie", 1, 0), Group("(none)", 1, 0)]
    app.service.stats_result = Analytics(3, overall, by_reason, [], [])  # type: ignore[attr-defined]
    async with app.run_test(size=(120, 40)) as pilot:
        await queue_ready(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen))
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        await wait_for(pilot, lambda: screen.loads >= 1)
        labels = [str(cell) for cell in screen.table("reasons").get_column_at(0)]
        assert labels == ["Abschlag", "garantie", "(ohne)", "gesamt"], labels


async def test_at_80x24_the_mail_shows_below_a_folded_conversation() -> None:
    """With earlier mail in the thread, the folded conversation took the pane's three rows
    (frame line, title, padding) and not one line of the customer's mail showed."""
    from drafter.store.conversation import Turn

    app = desk_app()
    desk = app.service
    earlier = Turn(
        email_id=9, kind="customer", at=NOW - timedelta(days=3), sender="Anna Schmidt",
        subject="Abschlag", body="Erste Nachricht.",
    )  # fmt: skip
    for email_id in desk.records:  # type: ignore[attr-defined]
        desk.turns[email_id] = [earlier]  # type: ignore[attr-defined]
    async with app.run_test(size=(80, 24)) as pilot:
        await email_ready(pilot)
        screen = app.screen
        scroll = screen.query_one("#email-scroll")
        body = screen.query_one("#email-body")
        await wait_for(pilot, lambda: not screen.query_one("#conversation").has_class("empty"))
        await pilot.pause(0.1)
        assert body.region.y < scroll.region.bottom, (body.region, scroll.region)
