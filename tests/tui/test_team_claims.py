"""A team's desks when a claim goes away under an open email, on the REAL Desk (SQLite or
PostgreSQL, a real app): the claim ran out and another agent took the email, the email was
erased on request, or the database did not answer a renewal. The desk must neither keep
offering edits it cannot save, nor lie about the claim, nor die and take the unsaved text
with it."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import psycopg
import pytest
from sqlalchemy import update
from sqlalchemy.engine import make_url

from drafter.config import Settings
from drafter.desk import Desk
from drafter.tui.app import DeskApp
from drafter.tui.screens.email import EmailScreen
from tests.integration.desk_helpers import queue_emails
from tests.tui.helpers import wait_for
from tests.tui.real_service import build, open_first

LEASE = 3.0  # seconds: the desk renews every second


def notes(app: DeskApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


def team(db_settings: Settings, retriever: Any) -> tuple[Desk, Desk, int]:
    settings = db_settings.model_copy(update={"claim_lease_seconds": LEASE})
    anna = Desk(settings.model_copy(update={"agent_id": "anna"}), retriever=retriever)
    ben = Desk(settings.model_copy(update={"agent_id": "ben"}), retriever=retriever)
    (email_id,) = queue_emails(anna, 1)
    anna.save_edit(email_id, "Guten Tag,\n\nhier ist die Antwort.\n")  # no drafting needed
    return anna, ben, email_id


def run_out(desk: Desk, email_id: int) -> None:
    """Anna's claim ran out (her laptop slept longer than the lease)."""
    from drafter.store.schema import emails

    past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    with desk.db.write() as conn:
        conn.execute(update(emails).where(emails.c.id == email_id).values(claim_expires_at=past))


async def test_a_claim_taken_over_turns_the_email_read_only_and_names_who_has_it(
    db_settings: Settings, retriever: Any
) -> None:
    """Before: the header still said "claimed by anna", the editor took edits whose saves
    failed, and ctrl+l said "released" while ben went on holding the email."""
    anna, ben, email_id = team(db_settings, retriever)
    app = build(anna.settings, anna)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_first(app, pilot)
        assert isinstance(screen, EmailScreen) and not screen.editor.read_only
        screen.editor.insert(" unsaved")  # typed, not saved yet
        run_out(anna, email_id)
        ben.claim(email_id)
        ben.renew(email_id, lease=60)  # ben's desk would renew it; on a busy machine the
        # rest of the test takes longer than the 3 s lease
        await wait_for(pilot, lambda: bool(screen.held_by), timeout=LEASE + 2)
        assert screen.editor.read_only, "edits that cannot be saved are not offered"
        assert "ben" in screen.held_by
        assert "ben" in str(screen.query_one("#email-meta").render())
        # Textual posts the notification after the state change: wait for it, do not race it
        await wait_for(pilot, lambda: "ran out" in notes(app))
        assert "ben" in notes(app)
        assert "unsaved" in screen.editor.text, "the agent's unsaved text stays to copy"
        await pilot.press("ctrl+l")
        await pilot.pause(0.3)
        assert "released" not in notes(app)
        assert anna.email(email_id).claimed_by == "ben"


async def test_a_renewal_answered_after_ctrl_l_does_not_take_the_email_again(
    db_settings: Settings, retriever: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A renewal on its way when the agent releases: it finds no claim (kept=False). That is
    no lost claim, and the free email must not be claimed again behind the agent's back (the
    full suite once saw claimed_by 'anna' 1.5 s after ctrl+l)."""
    anna, _ben, email_id = team(db_settings, retriever)
    app = build(anna.settings, anna)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_first(app, pilot)
        assert screen._claimed

        def renew_after_release(_id: int) -> bool:
            screen._claimed = False  # ctrl+l stops renewing before it releases ...
            anna.release(email_id)  # ... and the release lands first
            return False

        monkeypatch.setattr(anna, "renew", renew_after_release)
        await screen._renew_claim()
        await pilot.pause(0.2)
        assert anna.email(email_id).claimed_by == ""
        assert "ran out" not in notes(app)


async def test_a_renewal_answered_while_ctrl_l_releases_does_not_take_the_email_again(
    db_settings: Settings, retriever: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk's own ctrl+l with a renewal tick answered between the release and the desk
    noting it. Before: the renewal found no claim, the desk still thought it held one, took
    it for lost and claimed the free email again (CI saw claimed_by 'anna' after ctrl+l)."""
    anna, _ben, email_id = team(db_settings, retriever)
    app = build(anna.settings, anna)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_first(app, pilot)
        assert screen._claimed
        loop = asyncio.get_running_loop()
        real_release = anna.release

        def release_then_tick(_id: int) -> bool:
            released = real_release(email_id)
            # a renewal tick runs on the desk while this thread has not returned yet
            asyncio.run_coroutine_threadsafe(screen._renew_claim(), loop).result(timeout=20)
            return released

        monkeypatch.setattr(anna, "release", release_then_tick)
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: "released" in notes(app))
        assert anna.email(email_id).claimed_by == ""
        assert "ran out" not in notes(app)
        assert not screen._claimed


async def test_releasing_with_ctrl_l_is_not_reported_as_a_lost_claim(
    db_settings: Settings, retriever: Any
) -> None:
    anna, _ben, email_id = team(db_settings, retriever)
    app = build(anna.settings, anna)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: "released" in notes(app))
        await pilot.pause(1.5)  # a renewal tick passes
        assert anna.email(email_id).claimed_by == ""
        assert "ran out" not in notes(app)
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: anna.email(email_id).claimed_by == "anna")
        await pilot.pause(LEASE + 0.5)  # longer than the lease: the claim is renewed
        assert anna.email(email_id).claimed_by == "anna"
        assert not screen.editor.read_only


async def test_an_email_erased_while_open_turns_read_only(
    settings: Settings, retriever: Any
) -> None:
    """`drafter privacy forget` closes the person's open emails: the desk that had one open
    kept offering edits and sends of the erased email."""
    from drafter.privacy_ops.requests import forget

    anna, _ben, email_id = team(settings, retriever)
    app = build(anna.settings, anna)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_first(app, pilot)
        forget(anna.db, anna.settings, anna.email(email_id).email.from_.email)
        await wait_for(pilot, lambda: screen.editor.read_only, timeout=LEASE + 2)
        await wait_for(pilot, lambda: screen.final)
        await wait_for(pilot, lambda: "rejected" in notes(app))  # the note follows the state
        assert not screen.check_action("approve_send", ())


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
async def test_a_database_that_does_not_answer_a_renewal_does_not_end_the_desk(
    db_settings: Settings, retriever: Any
) -> None:
    """PostgreSQL restarted while an email was open: the renewal's error ended the desk with
    a traceback, and the text in the editor was gone."""
    anna, _ben, email_id = team(db_settings, retriever)
    url = make_url(db_settings.database_url)
    admin = f"host={url.host} port={url.port} user={url.username} dbname=postgres"
    app = build(anna.settings, anna)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_first(app, pilot)
        screen.editor.insert(" unsaved")
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{url.database}" ALLOW_CONNECTIONS false')
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (url.database,),
            )
        try:
            await wait_for(pilot, lambda: "database" in notes(app), timeout=LEASE + 2)
            await pilot.pause(1.5)  # more renewals fail
            assert app.is_running and app.screen is screen
            assert "unsaved" in screen.editor.text
        finally:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'ALTER DATABASE "{url.database}" ALLOW_CONNECTIONS true')
        await pilot.pause(LEASE)
        assert anna.email(email_id).claimed_by == "anna", "renewed again once it answers"
        assert not screen.editor.read_only


async def test_the_draft_header_after_a_lost_claim_names_the_version(
    settings: Settings, retriever: Any
) -> None:
    """Before: the header of an email whose claim ran out under it said only "read-only",
    while the same email opened while held said "Draft v2 · read-only · ..." (which version
    is in the editor, and that ben may have saved a newer one, was not to be seen)."""
    anna, ben, email_id = team(settings, retriever)
    app = build(anna.settings, anna)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = await open_first(app, pilot)
        run_out(anna, email_id)
        ben.claim(email_id)
        ben.save_edit(email_id, "Guten Tag,\n\nbens Antwort.\n")  # ben's v2
        await wait_for(pilot, lambda: bool(screen.held_by), timeout=LEASE + 2)
        header = str(screen.query_one("#draft-status").render())
        assert "v2" in header and "read-only" in header, header
        assert "Draft" in header, header
