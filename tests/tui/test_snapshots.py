"""Snapshot tests: one class per screen, on the deterministic in-memory desk (fixed dates,
fixed clock, fixed terminal size, no background drafting), and the queue and email screens in
both interface languages at 80 and 160 columns. Update with --snapshot-update (only for an
intended change, and look at the result)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Collapsible

from drafter.config import Settings
from drafter.tui.app import DeskApp, make_app
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.queue import QueueScreen
from tests.tui.fake_desk import NOW, FakeDesk
from tests.tui.helpers import wait_for

SIZE = (120, 34)
Compare = Callable[..., bool]


def desk_app(n: int = 6, **settings: Any) -> DeskApp:
    desk = FakeDesk(n)
    desk.items[2].status = "ready"
    desk.items[2].warnings = 1
    desk.items[3].claimed_by = "maria"
    desk.items[4].status = "needs_attention"
    settings.setdefault("ui_language", "en")
    settings.setdefault("timezone", "Europe/Berlin")
    return make_app(
        Settings(**{"agent_id": "agent", **settings}),
        service=desk,
        now=lambda: NOW,
        predraft=False,
        cursor_blink=False,
    )


async def queue_ready(pilot: Pilot[None]) -> None:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, QueueScreen))
    await wait_for(pilot, lambda: pilot.app.screen.loaded)  # type: ignore[attr-defined]


async def email_ready(pilot: Pilot[None]) -> None:
    await queue_ready(pilot)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, EmailScreen))
    screen = pilot.app.screen
    assert isinstance(screen, EmailScreen)
    await wait_for(pilot, lambda: screen.saved_text is not None and not screen.streaming)
    await pilot.pause()


class TestQueueScreen:
    def test_queue(self, snap_compare: Compare) -> None:
        assert snap_compare(desk_app(), terminal_size=SIZE, run_before=queue_ready)

    def test_queue_search(self, snap_compare: Compare) -> None:
        async def search(pilot: Pilot[None]) -> None:
            await queue_ready(pilot)
            await pilot.press("slash", *"anna")
            screen = pilot.app.screen
            await wait_for(pilot, lambda: len(screen.items) == 2)  # type: ignore[attr-defined]

        assert snap_compare(desk_app(), terminal_size=SIZE, run_before=search)


class TestEmailScreen:
    def test_email_with_draft(self, snap_compare: Compare) -> None:
        assert snap_compare(desk_app(), terminal_size=SIZE, run_before=email_ready)

    def test_quoted_history_unfolded(self, snap_compare: Compare) -> None:
        async def unfold(pilot: Pilot[None]) -> None:
            await email_ready(pilot)
            pilot.app.screen.query_one("#quoted", Collapsible).collapsed = False
            await pilot.pause()

        assert snap_compare(desk_app(), terminal_size=SIZE, run_before=unfold)

    def test_what_the_model_saw(self, snap_compare: Compare) -> None:
        async def unfold(pilot: Pilot[None]) -> None:
            await email_ready(pilot)
            await pilot.press("ctrl+t")
            screen = pilot.app.screen
            await wait_for(pilot, lambda: screen._redacted_loaded)  # type: ignore[attr-defined]
            await pilot.pause()

        assert snap_compare(desk_app(), terminal_size=SIZE, run_before=unfold)


class TestHelpScreen:
    def test_help(self, snap_compare: Compare) -> None:
        async def open_help(pilot: Pilot[None]) -> None:
            await queue_ready(pilot)
            await pilot.press("f1")
            await pilot.pause()

        assert snap_compare(desk_app(), terminal_size=(120, 40), run_before=open_help)


class TestModals:
    def _after_email(self, *keys: str) -> Callable[[Pilot[None]], Any]:
        async def run(pilot: Pilot[None]) -> None:
            await email_ready(pilot)
            await pilot.press(*keys)
            await wait_for(pilot, lambda: len(pilot.app.screen_stack) > 2)
            await pilot.pause(0.1)

        return run

    def test_confirm_send(self, snap_compare: Compare) -> None:
        assert snap_compare(desk_app(), terminal_size=SIZE, run_before=self._after_email("f9"))

    def test_rewrite(self, snap_compare: Compare) -> None:
        run = self._after_email("ctrl+r")
        assert snap_compare(desk_app(), terminal_size=SIZE, run_before=run)

    def test_versions(self, snap_compare: Compare) -> None:
        run = self._after_email("ctrl+b")
        assert snap_compare(desk_app(), terminal_size=SIZE, run_before=run)

    def test_reject(self, snap_compare: Compare) -> None:
        assert snap_compare(desk_app(), terminal_size=SIZE, run_before=self._after_email("f8"))

    def test_article(self, snap_compare: Compare) -> None:
        async def run(pilot: Pilot[None]) -> None:
            await self._after_email("ctrl+o")(pilot)
            await pilot.pause(0.2)

        assert snap_compare(desk_app(), terminal_size=SIZE, run_before=run)


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("language", ["en", "de"])
class TestLanguagesAndWidths:
    """The desk in German and English, from 80 columns (the editor keeps the full width)."""

    def test_queue(self, snap_compare: Compare, language: str, width: int) -> None:
        app = desk_app(ui_language=language)
        assert snap_compare(app, terminal_size=(width, 30), run_before=queue_ready)

    def test_email(self, snap_compare: Compare, language: str, width: int) -> None:
        app = desk_app(ui_language=language)
        assert snap_compare(app, terminal_size=(width, 36), run_before=email_ready)
