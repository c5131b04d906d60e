"""Desk 22, on the REAL Desk (SQLite in tmp_path, a real app): an email whose desk was
killed while it was open shows `ready` again in another agent's open queue once the claim
ran out, without anyone pressing a key."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import update

from drafter.config import Settings
from drafter.desk import Desk, reading
from drafter.store.schema import emails
from drafter.tui import i18n
from drafter.tui.screens.queue import QueueScreen
from tests.integration.desk_helpers import ScriptedEngine, queue_emails
from tests.tui.helpers import wait_for
from tests.tui.real_service import SIZE, build, import_samples, make_desk, open_first


async def test_an_open_queue_shows_a_lapsed_unchanged_review_as_ready(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: ben's queue said "in review" about the email for good, and `n`ext/enter
    handed out an email nobody was working on as if someone were."""
    monkeypatch.setattr(reading, "SWEEP_EVERY", 0.2)
    engine: Any = ScriptedEngine(warnings=[])
    anna = Desk(settings.model_copy(update={"agent_id": "anna"}), engine=engine)
    ben_settings = settings.model_copy(update={"agent_id": "ben"})
    ben = Desk(ben_settings, engine=engine)
    (email_id,) = queue_emails(anna, 1)
    async for _ in anna.draft(email_id):
        pass
    anna.claim(email_id)  # anna opened it; then her desk was killed
    app = build(ben_settings, ben)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        queue = app.screen
        assert isinstance(queue, QueueScreen)

        def status() -> str:
            return queue.table.get_cell(email_id, "status").plain

        await wait_for(pilot, lambda: "review" in status())
        past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        with anna.db.write() as conn:  # her lease ran out
            conn.execute(
                update(emails).where(emails.c.id == email_id).values(claim_expires_at=past)
            )
        await wait_for(pilot, lambda: "ready" in status(), timeout=10)
        assert "anna" not in queue.table.get_cell(email_id, "status").plain
    assert ben.email(email_id).status == "ready"
    anna.close()
    ben.close()


# --- the subject at 80 columns --------------------------------------------------------------


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_the_subject_gets_the_room_at_80_columns(
    settings: Settings, retriever: Any, ui: str
) -> None:
    """Before, an 80-column queue gave the subject 16 or 17 characters ("Installationster…")
    next to sender, language, reason and status; now it shows 24 (English) or 26 (German),
    and the reason and status still read whole."""
    desk = make_desk(settings, retriever)
    (email_id,) = import_samples(desk, ("16-glasfaser-termin-verschieben.eml",))
    try:
        app = build(settings.model_copy(update={"ui_language": ui}), desk)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
            queue = app.screen
            assert isinstance(queue, QueueScreen)
            await wait_for(pilot, lambda: email_id in queue.table.row_ids)
            width = queue.table.scrollable_content_region.width
            line = queue.table._row_strip(email_id, width).text
            assert "Installationstermin Glas" in line, line  # 24 characters
            status = i18n.t("status." + desk.email(email_id).status)
            assert status in line, line
            header = queue.table.render_line(0).text
            assert i18n.t("col.subject") in header and i18n.t("col.reason") in header, header
    finally:
        i18n.set_language("en")
        desk.close()


# --- the sender's surname at 80 columns ------------------------------------------------------


@pytest.mark.parametrize("ui", ["en", "de"])
@pytest.mark.parametrize(
    ("size", "shown"),
    [
        ((80, 24), ("Cornelia Haack", "R. Stoltenberg")),
        ((160, 30), ("Dr. Cornelia Haack", "Rainer Stoltenberg")),
    ],
)
async def test_a_long_sender_name_keeps_its_surname_at_80_columns(
    settings: Settings, retriever: Any, ui: str, size: tuple[int, int], shown: tuple[str, str]
) -> None:
    """Tried in an 80 x 24 terminal: the sender column showed "Dr. Cornelia H…" (and main's
    "Rainer Stoltenberg" fit only by one character), the surname an agent knows the customer
    by cut off. Titles go first, then first names shrink to initials; at 160 columns the name
    stays whole."""
    desk = make_desk(settings, retriever)
    ids = import_samples(desk, ("18-dsgvo-auskunft.eml", "30-ablesung-karte.eml"))
    try:
        app = build(settings.model_copy(update={"ui_language": ui}), desk)
        async with app.run_test(size=size) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
            queue = app.screen
            assert isinstance(queue, QueueScreen)
            await wait_for(pilot, lambda: set(ids) <= set(queue.table.row_ids))
            width = queue.table.scrollable_content_region.width
            lines = [queue.table._row_strip(i, width).text for i in ids]
            for name, line in zip(shown, lines, strict=True):
                assert f" {name} " in line, line
                assert "…" not in line.split(name)[0], line
    finally:
        i18n.set_language("en")
        desk.close()


async def test_a_desk_that_wakes_after_its_review_lapsed_takes_the_email_again(
    settings: Settings, retriever: Any
) -> None:
    """Anna's laptop slept past the lease and a sweep put her untouched email back to
    `ready`: when her desk wakes, its renewal finds the claim gone and takes the free email
    again (in review, hers, still editable), her unsaved text still in the editor."""
    lease = 3.0
    team_settings = settings.model_copy(update={"claim_lease_seconds": lease})
    engine: Any = ScriptedEngine(warnings=[])
    anna_settings = team_settings.model_copy(update={"agent_id": "anna"})
    anna = Desk(anna_settings, engine=engine, retriever=retriever)
    ben = Desk(team_settings.model_copy(update={"agent_id": "ben"}), engine=engine)
    (email_id,) = queue_emails(anna, 1)
    async for _ in anna.draft(email_id):
        pass
    app = build(anna_settings, anna)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        assert anna.email(email_id).status == "in_review"
        screen.editor.insert("unsaved ")
        for _ in range(20):  # a renewal already on its way may extend the lease once more
            past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
            with ben.db.write() as conn:
                conn.execute(
                    update(emails).where(emails.c.id == email_id).values(claim_expires_at=past)
                )
            if ben.sweep_lapsed() == [email_id]:
                break
            await pilot.pause(0.2)
        else:
            raise AssertionError("the sweep never found the lapsed review")
        await wait_for(pilot, lambda: anna.email(email_id).claimed_by == "anna", timeout=10)
        assert anna.email(email_id).status == "in_review"
        assert not screen.editor.read_only
        assert "unsaved" in screen.editor.text
    anna.close()
    ben.close()


# --- a load that returns while the desk is quitting -------------------------------------------


async def test_a_queue_load_that_returns_after_the_widgets_are_gone_shows_nothing(
    settings: Settings,
) -> None:
    """CI stop 41: the desk quit while a queue load was waiting for the database; the load
    came back after the queue's widgets were removed, failed on the missing table and made
    the quitting desk raise. A late load now does nothing (nothing is left to show it in)."""
    desk = Desk(settings, engine=ScriptedEngine(warnings=[]))
    queue_emails(desk, 2)
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await queue.table.remove()  # what shutting down does first, while the load waits
        queue.reload()
        loads = [w for w in app.workers if w.group == "queue-load"]
        assert loads
        await wait_for(pilot, lambda: all(w.is_finished for w in loads))
    assert app.return_code in (None, 0)
    desk.close()
