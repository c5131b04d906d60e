"""Session-8 polish of the figures screen: numbers in the desk's language (the German desk
showed "1.1 min", German writes "1,1 min"), and the figures fit 80 columns."""

from __future__ import annotations

import dataclasses

import pytest
from textual.widgets import DataTable

from drafter.config import Settings
from drafter.tui import i18n
from drafter.tui.app import make_app
from tests.tui.fake_desk import NOW, FakeDesk, sample_stats
from tests.tui.test_stats import cells, open_stats

SIZE = (160, 40)


async def test_the_german_figures_write_durations_with_a_decimal_comma() -> None:
    try:
        app = make_app(
            Settings(agent_id="agent", ui_language="de"), service=FakeDesk(6), now=lambda: NOW,
            predraft=False, cursor_blink=False,
        )  # fmt: skip
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_stats(app, pilot)
            # umzug: 61 s to the first draft, 2400 s in review
            row = cells(screen, "reasons-review", "reasons:umzug")
            assert "1,0 min" in row and "40,0 min" in row, row
            assert not any("." in cell and "min" in cell for cell in row), row
            summary = str(screen.query_one("#stats-summary").render())
            assert "30,0 min" in summary and "30.0" not in summary, summary
    finally:
        i18n.set_language("en")


async def test_the_english_figures_keep_the_decimal_point() -> None:
    app = make_app(
        Settings(agent_id="agent", ui_language="en"), service=FakeDesk(6), now=lambda: NOW,
        predraft=False, cursor_blink=False,
    )  # fmt: skip
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(app, pilot)
        assert "40.0 min" in cells(screen, "reasons-review", "reasons:umzug")


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_the_figures_fit_an_80_column_terminal(ui: str) -> None:
    """At 80 columns the figures table scrolled sideways: "in goal" was off screen. The
    per-agent table (shown only when the audit log has agents) must fit too."""
    desk = FakeDesk(6)
    actions = {"claimed": 12, "drafted": 9, "edited": 7, "approved": 6, "sent": 6, "rejected": 1}
    desk.stats_result = dataclasses.replace(
        sample_stats(), by_agent={"anna.schmidt-lorenzen": actions, "bob": actions}
    )
    try:
        app = make_app(
            Settings(agent_id="agent", ui_language=ui), service=desk, now=lambda: NOW,
            predraft=False, cursor_blink=False,
        )  # fmt: skip
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_stats(app, pilot)
            await pilot.pause(0.1)
            for table in screen.query(DataTable):
                if table.id in ("stats-gaps", "stats-rejections"):
                    continue  # free text (topics, words), not the figures
                assert table.display, f"{table.id} is hidden"
                wide, room = table.virtual_size.width, table.scrollable_content_region.width
                assert wide <= room, f"{table.id}: {wide} columns in {room}"
            shown = " ".join(str(c) for t in screen.query(DataTable) for c in t.columns.values())
            assert i18n.t("stats.col.within_goal") in shown
    finally:
        i18n.set_language("en")
