"""Desk points found in round 13 (desk13): what a new team met in a shift at 80 and 120
columns, German and English."""

from __future__ import annotations

import threading

from tests.tui.helpers import wait_for
from tests.tui.test_snapshots import desk_app, email_ready


async def test_the_model_view_is_loaded_when_the_email_opens_not_on_ctrl_t() -> None:
    """The first ctrl+t of a desk took ~3 s under load (the privacy modules load then); the
    pseudonymized text is now loaded in the background as the email opens, once."""
    app = desk_app()
    service = app.service
    release = threading.Event()
    plain = service.redacted  # type: ignore[attr-defined]
    asked: list[int] = []

    def slow_redacted(email_id: int) -> str:
        asked.append(email_id)
        release.wait(5)  # the first load of the privacy modules
        return plain(email_id)

    service.redacted = slow_redacted  # type: ignore[attr-defined]
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
