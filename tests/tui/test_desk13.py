"""Desk points found in round 13 (desk13): what a new team met in a shift at 80 and 120
columns, German and English."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from textual.widgets import Label, OptionList

from drafter.config import Settings
from drafter.desk import Desk
from tests.integration.desk_helpers import queue_emails
from tests.tui.helpers import wait_for
from tests.tui.real_service import build, open_first
from tests.tui.test_snapshots import desk_app, email_ready
from tests.tui.test_team_claims import notes


async def test_the_model_view_is_loaded_when_the_email_opens_not_on_ctrl_t() -> None:
    """The first ctrl+t of a desk took ~3 s under load (the privacy modules load then); the
    pseudonymized text is now loaded in the background as the email opens, once."""
    app = desk_app()
    service: Any = app.service  # the fake desk, whose redacted() is slowed down here
    release = threading.Event()
    plain = service.redacted
    asked: list[int] = []

    def slow_redacted(email_id: int) -> str:
        asked.append(email_id)
        release.wait(5)  # the first load of the privacy modules
        return str(plain(email_id))

    service.redacted = slow_redacted
    async with app.run_test(size=(80, 24)) as pilot:
        await email_ready(pilot)
        screen = app.screen
        await wait_for(pilot, lambda: bool(asked), timeout=3)  # before any ctrl+t
        release.set()  # loaded while the agent reads the mail
        await pilot.pause(0.2)
        await pilot.press("ctrl+t")
        redacted = screen.query_one("#redacted")
        await wait_for(pilot, lambda: not redacted.has_class("hidden"))
        assert "What the model saw" in str(redacted.render())
        await pilot.press("ctrl+t", "ctrl+t")  # hide, show again: no second load
        await pilot.pause(0.2)
        assert len(asked) == 1


@pytest.mark.parametrize("what", ["reject", "release"])
async def test_an_email_open_read_only_follows_when_its_holder_lets_it_go(
    db_settings: Settings, retriever: Any, what: str
) -> None:
    """Ben opened an email anna held (read-only, "being handled by anna"); anna rejected it,
    or left it, and ben's screen still said "being handled by anna" until he went back to
    the queue. It now shows the rejection, or claims the free email as opening it does."""
    anna = Desk(db_settings.model_copy(update={"agent_id": "anna"}), retriever=retriever)
    ben = Desk(db_settings.model_copy(update={"agent_id": "ben"}), retriever=retriever)
    (email_id,) = queue_emails(anna, 1)
    anna.save_edit(email_id, "Guten Tag,\n\nhier ist die Antwort.\n")
    anna.claim(email_id)
    app = build(ben.settings, ben)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await open_first(app, pilot)
        assert "anna" in screen.held_by and screen.editor.read_only
        if what == "reject":
            anna.reject(email_id, "telefonisch geklärt")
            header = screen.query_one("#draft-status", Label)
            await wait_for(pilot, lambda: "rejected by anna" in str(header.render()))
            assert "telefonisch geklärt" in str(header.render())
            assert screen.editor.read_only and not screen.held_by
        else:
            anna.release(email_id)
            await wait_for(pilot, lambda: not screen.editor.read_only)
            assert ben.email(email_id).claimed_by == "ben"
            await wait_for(pilot, lambda: "anna let this email go" in notes(app))


async def test_the_version_list_shows_the_edit_typed_just_before_ctrl_b() -> None:
    """ctrl+b read the versions before saving the editor's text: an edit typed within the
    autosave pause (or being autosaved) was missing from the list, or shown as it was
    before its last autosave ("+ XSehr geehrte" after the X was deleted again)."""
    app = desk_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await email_ready(pilot)
        screen = app.screen
        screen.editor.move_cursor(screen.editor.document.end)  # type: ignore[attr-defined]
        await pilot.press(*"PS 9")
        await pilot.press("ctrl+b")  # before the autosave pause is over
        await wait_for(pilot, lambda: type(app.screen).__name__ == "VersionsScreen")
        await pilot.pause(0.05)
        listed = str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert listed.startswith("v2") and "PS 9" in listed, listed
        await pilot.press("escape")


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_the_80_column_header_keeps_its_lines_with_a_long_reason_and_address(
    ui: str,
) -> None:
    """At 80 columns (subject, From, Status) the German status line ("Status: in Prüfung
    Sprache: de   Anliegen: kundenportal   übernommen von anna") wrapped to a fourth line
    and left one line of the mail ("hey,"); a long address wrapped the From line too."""
    app = desk_app(ui_language=ui)
    for record in app.service.records.values():  # type: ignore[attr-defined]
        record.contact_reason = "kundenportal"
        record.status = "in_review"  # "in Prüfung": opened by this desk
        record.email.from_.email = "finn.jessen.privat-und-dienstlich@gmail.com"
    async with app.run_test(size=(80, 24)) as pilot:
        await email_ready(pilot)
        await pilot.pause(0.2)
        meta = app.screen.query_one("#email-meta")
        assert meta.size.height == 3, str(meta.render())  # subject, From, Status
        shown = "portal" if ui == "en" else "Kundenportal"  # the reason's label (desk16)
        assert shown in str(meta.render()), str(meta.render())


async def test_f9_on_an_email_another_agent_holds_says_who_holds_it() -> None:
    """f9 (and ctrl+s, f8 …) on an email held by another agent did nothing, without a word:
    the footer hides the keys, and an agent pressing f9 out of habit saw no reaction."""
    from drafter.tui.screens.email import EmailScreen
    from tests.tui.test_desk12 import held_by_bob, open_held

    app = desk_app()
    held_by_bob(app)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_held(pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: "being handled by bob" in notes(app))  # type: ignore[arg-type]
        assert isinstance(app.screen, EmailScreen), "no send dialog"
