"""desk11: what a new team noticed in the desk (FakeDesk service, real Textual app).

- At 80 columns the queue's status column cut off who holds an email ("in Prüfung ⚠2 @an…"
  showed "in Prüfung ⚠2"), so an agent opened emails a colleague was already answering.
- Down in the search box did nothing: after typing a name, the arrow key that should reach
  the hits was swallowed (only Enter moved to them).
- The first f9 of a desk session waited for the reply checks to load (the first-name table
  and the drafting modules: about 2 s on an idle machine, more under load, where a worker
  drafts and the desk itself never loaded them) before the send dialog appeared. An open
  email now runs the checks once in the background, so f9 finds them loaded
  (benchmarks/bench_tui.py measures the dialog's latency; no timed test here).
"""

from __future__ import annotations

import pytest

from drafter.tui import i18n
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.queue import QueueScreen, columns
from tests.tui.helpers import wait_for
from tests.tui.test_snapshots import desk_app, email_ready, queue_ready


@pytest.mark.parametrize("ui", ["en", "de"])
@pytest.mark.parametrize("width", [80, 100])
async def test_the_claimer_fits_the_status_column_at_narrow_widths(ui: str, width: int) -> None:
    app = desk_app(ui_language=ui)
    try:
        async with app.run_test(size=(width, 24)) as pilot:
            await queue_ready(pilot)
            screen = app.screen
            assert isinstance(screen, QueueScreen)
            item = screen.items[3]
            item.claimed_by, item.status, item.warnings = "maria-lena", "in_review", 2
            screen._fill(list(screen.items.values()))
            await pilot.pause()
            cell = screen.table.get_cell(3, "status").plain
            limit = next(c.width for c in columns(width) if c.key == "status")
            assert "@maria-lena" in cell and len(cell) <= limit, cell
            assert "⚠2" in cell, cell
    finally:
        i18n.set_language("en")


async def test_down_in_the_search_box_moves_to_the_hits() -> None:
    app = desk_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await queue_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QueueScreen)
        await pilot.press("slash", *"anna")
        await pilot.pause(0.5)
        assert app.focused is not None and app.focused.id == "search"
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is screen.table
        first = screen.table.row_ids[0]
        assert screen.selected_id() == first, "the first hit, not the second"


async def test_an_open_email_loads_the_reply_checks_before_f9() -> None:
    app = desk_app()
    async with app.run_test(size=(120, 34)) as pilot:
        await email_ready(pilot)
        desk = app.service
        await wait_for(pilot, lambda: any(name == "checked" for name, _ in desk.calls))
        assert [a for n, a in desk.calls if n == "checked"] == [app.screen.email_id]


async def test_a_sent_email_runs_no_checks_in_the_background() -> None:
    app = desk_app()
    desk = app.service
    async with app.run_test(size=(120, 34)) as pilot:
        await queue_ready(pilot)
        screen = app.screen
        assert isinstance(screen, QueueScreen)
        first = screen.selected_id()
        assert first is not None
        desk.records[first].status = desk.items[first].status = "sent"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
        email = app.screen
        assert isinstance(email, EmailScreen)
        await wait_for(pilot, lambda: email.record is not None and email.final)
        await pilot.pause(0.3)
        assert not any(name == "checked" for name, _ in desk.calls)
