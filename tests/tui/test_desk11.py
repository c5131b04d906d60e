"""desk11: what a new team noticed in the desk (FakeDesk service, real Textual app).

- At 80 columns the queue's status column cut off who holds an email ("in Prüfung ⚠2 @an…"
  showed "in Prüfung ⚠2"), so an agent opened emails a colleague was already answering.
- Down in the search box did nothing: after typing a name, the arrow key that should reach
  the hits was swallowed (only Enter moved to them).
"""

from __future__ import annotations

import pytest

from drafter.tui import i18n
from drafter.tui.screens.queue import QueueScreen, columns
from tests.tui.test_snapshots import desk_app, queue_ready


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
