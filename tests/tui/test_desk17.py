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
