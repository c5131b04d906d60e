"""The queue marks emergencies: the gas-smell email is listed first with a red "‼ " marker."""

from __future__ import annotations

from rich.style import Style
from textual.widgets import OptionList

from drafter.config import Settings
from drafter.desk import Desk
from drafter.tui.screens.queue import QueueScreen
from tests.tui.helpers import wait_for
from tests.tui.real_service import SAMPLES, SIZE, build, import_samples, open_first


async def test_urgent_email_is_first_and_marked(settings: Settings, desk: Desk) -> None:
    (gas,) = import_samples(desk, ("27-gasgeruch.eml",))
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await wait_for(pilot, lambda: queue.loaded)
        assert queue.table.row_ids[0] == gas
        assert len(queue.table.row_ids) == len(SAMPLES) + 1
        cell = queue.table.get_cell(gas, "subject")
        assert cell.plain == "‼ Es riecht nach Gas im Treppenhaus"
        marker = cell.get_style_at_offset(app.console, 0)
        assert marker.bold and marker.color is not None and marker.color.name == "red"
        for other in queue.table.row_ids[1:]:
            plain = queue.table.get_cell(other, "subject")
            assert not plain.plain.startswith("‼")
            assert plain.get_style_at_offset(app.console, 0) == Style()
        assert queue.table.selected_id == gas


async def test_emergency_email_opens_with_its_hotline_draft(settings: Settings, desk: Desk) -> None:
    (gas,) = import_samples(desk, ("27-gasgeruch.eml",))
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        assert screen.email_id == gas
        assert "0431 5577-112" in screen.editor.text
        sources = screen.query_one("#citations", OptionList)
        ids = [sources.get_option_at_index(i).id for i in range(sources.option_count)]
        assert ids and len(ids) == len(set(ids)) and "de-gasgeruch-notfall" in ids
        assert "emergency" in str(screen.query_one("#warnings").render())
