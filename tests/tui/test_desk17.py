"""Desk points found in round 17 (desk17): what desk16 left, then a new team in team mode
(PostgreSQL queue, live mailbox) in German and English at 80 and 160 columns."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets._footer import FooterKey

from drafter.config import Settings
from drafter.tui import i18n
from drafter.tui.screens.queue import QueueScreen
from tests.tui.helpers import wait_for
from tests.tui.real_service import build, open_first
from tests.tui.test_snapshots import desk_app, email_ready, queue_ready
from tests.tui.test_team_claims import team

FOOTER = {
    # ui: (keys the footer shows on the queue, on the email screen; spellings it must not use)
    "de": (["Enter", "Strg+Q", "F1", "/"], ["Strg+S", "Esc", "F9", "F8"], ["^", "esc", "⏎"]),
    "en": (["⏎", "^q", "f1", "/"], ["^s", "esc", "f9", "f8"], ["Strg", "Esc"]),
}


def _footer_keys(app: object) -> list[str]:
    return [key.key_display for key in app.screen.query(FooterKey)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("ui", ["de", "en"])
async def test_the_footer_spells_the_keys_as_the_desk_language_does(ui: str) -> None:
    """The German footer read "^s Speichern", "esc Zurück", "⏎ Öffnen" (Textual's spelling)
    while the rest of the German desk (help, palette, messages) says "Strg+S", "Esc", "Enter".
    English keeps Textual's spelling."""
    queue_keys, email_keys, never = FOOTER[ui]
    app = desk_app(ui_language=ui)
    try:
        async with app.run_test(size=(160, 36)) as pilot:
            await queue_ready(pilot)
            await wait_for(pilot, lambda: len(_footer_keys(app)) > 5)
            shown = _footer_keys(app)
            assert all(key in shown for key in queue_keys), shown
            assert not any(bad in key for key in shown for bad in never), shown
            await email_ready(pilot)
            await wait_for(pilot, lambda: "f9" in str(_footer_keys(app)).lower())
            shown = _footer_keys(app)
            assert all(key in shown for key in email_keys), shown
            assert not any(bad in key for key in shown for bad in never), shown
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("ui", ["de", "en"])
async def test_help_is_the_first_key_of_the_queue_footer(ui: str) -> None:
    """Spelt "Enter", "Strg+Q", the German queue's footer pushed "F1 Hilfe" past the right
    edge at 80 columns; help comes first there as on the email screen."""
    app = desk_app(ui_language=ui)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await queue_ready(pilot)
            await wait_for(pilot, lambda: len(_footer_keys(app)) > 5)
            first = app.screen.query(FooterKey).first()
            assert first.key_display.lower() == "f1", _footer_keys(app)
    finally:
        i18n.set_language("en")


async def test_an_email_left_shows_as_free_in_the_agents_own_queue(
    db_settings: Settings, retriever: Any
) -> None:
    """Leaving an email (esc) frees it, but the agent's own queue went on showing "@anna" on
    it: the queue reloaded when shown, before the email screen let go, and the live queue
    ignores the agent's own changes. The other desks saw it free; she did not."""
    anna, ben, email_id = team(db_settings, retriever)
    app = build(anna.settings, anna)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_first(app, pilot)
            assert anna.email(email_id).claimed_by == "anna"
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
            queue = app.screen
            assert isinstance(queue, QueueScreen)
            await pilot.pause(1.5)  # SQLite's live queue looks every 0.5 s
            assert not anna.email(email_id).claimed_by
            assert not queue.items[email_id].claimed_by, queue.items[email_id]
    finally:
        anna.close()
        ben.close()


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_the_queue_opens_on_the_emails_still_to_do(ui: str) -> None:
    """The queue opened on every email, oldest first: after a day of a live mailbox its top
    rows were the emails the team had already sent or rejected. It opens on the open ones
    (new, drafting, ready, in review, needs attention); `f` still reaches all and each status."""
    app = desk_app(ui_language=ui)
    desk = app.service
    desk.items[1].status = "sent"  # type: ignore[attr-defined]
    desk.items[5].status = "rejected"  # type: ignore[attr-defined]
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await queue_ready(pilot)
            queue = app.screen
            assert isinstance(queue, QueueScreen)
            assert set(queue.items) == {2, 3, 4, 6}, queue.items
            label = str(queue.query_one("#filter-label").render())
            assert ("open" if ui == "en" else "offen") in label, label
            await pilot.press("f")
            await wait_for(pilot, lambda: len(queue.items) == 6)
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_the_stats_screen_shows_what_each_agent_did(
    ui: str, db_settings: Settings, retriever: Any
) -> None:
    """`drafter report` (and its HTML) have "by agent"; the desk's stats screen, the team
    lead's view in the desk ("the figures of drafter report"), had no per-agent figures."""
    from drafter.tui.screens.stats import StatsScreen
    from tests.integration.desk_helpers import queue_emails

    anna, ben, email_id = team(db_settings, retriever)
    (other,) = queue_emails(ben, 1, start=1)
    anna.reject(email_id, "spam")
    ben.claim(other)
    app = build(anna.settings.model_copy(update={"ui_language": ui}), anna)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
            await wait_for(pilot, lambda: app.screen.loaded)  # type: ignore[attr-defined]
            await pilot.press("s")
            await wait_for(pilot, lambda: isinstance(app.screen, StatsScreen))
            screen = app.screen
            assert isinstance(screen, StatsScreen)
            await wait_for(pilot, lambda: screen.loads >= 1)
            table = screen.table("agents")
            rows = {str(row[0]): row for row in map(table.get_row_at, range(table.row_count))}
            assert set(rows) >= {"anna", "ben"}, rows
            assert str(rows["anna"][-1]) == "1" and str(rows["ben"][1]) == "1", rows
            assert table.virtual_size.width <= 80 - 4, table.virtual_size  # margins, scroll bar
    finally:
        anna.close()
        ben.close()
        i18n.set_language("en")
