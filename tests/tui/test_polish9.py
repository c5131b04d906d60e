"""Session-9 polish: the desk from 80 columns in both interface languages (issue 12).

Seen at 80x24 on the demo data: the figures screen cut the "rejection reasons" header
("Ablehnungsgrü") once thirteen contact reasons made the page scroll, and the knowledge-gap
table ran off the right edge (a long first subject hid words, signals, languages and ids).
These tests drive the real Textual app (the in-memory desk's figures replaced by figures
shaped like the demo's) and read what the terminal shows.
"""

from __future__ import annotations

import contextlib
from typing import Literal, overload

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, DataTable, Footer, SelectionList, Static

from drafter.config import Settings
from drafter.evaluation.analytics import Analytics, GapTopic, Group
from drafter.tui import i18n
from drafter.tui.app import DeskApp, make_app
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.modals import ConfirmSendScreen
from tests.tui.fake_desk import NOW, FakeDesk
from tests.tui.helpers import wait_for
from tests.tui.test_snapshots import desk_app as snapshot_app
from tests.tui.test_snapshots import email_ready, queue_ready
from tests.tui.test_stats import open_stats
from tests.tui.test_warning_text import BAD, _warnings

# the demo's contact reasons (13 of them, so the page scrolls and the scroll bar takes room)
REASONS = [
    *("kuendigung", "zahlung", "abschlag", "zaehlerstand", "stoerung", "umzug", "datenschutz"),
    *("rechnung", "beschwerde", "kundenportal", "sonstiges", "termin", "tarifwechsel"),
]
GAPS = [
    GapTopic(
        "WG: Ihre Jahresabrechnung 2025 - Kundennummer und Nachzahlung für die Wärmepumpe",
        4,
        [12, 17, 23, 31],
        ["jahresabrechnung", "nachzahlung", "wärmepumpe", "leitungsnetz"],
        {"de": 3, "en": 1},
        signals={"retrieval": 3, "model": 2},
    ),
    GapTopic(
        "EV charging card for the public charging stations in the city",
        1,
        [44],
        ["charging", "card", "stations"],
        {"en": 1},
        signals={"model": 1},
    ),
]


def demo_like() -> Analytics:
    reasons = [
        Group(key, 6, 6, 3, 2, 0.5, 0.12, 40.0, 1300.0, {"doppelt": 1, "telefonisch erledigt": 1},
              within_goal=0.75)
        for key in REASONS
    ]  # fmt: skip
    overall = Group("all", 60, 60, 39, 26, 0.5, 0.1, 40.0, 1300.0, {"doppelt": 13}, within_goal=0.7)
    prompts = [Group("extractive@1", 60, 60, 39, 26, 0.5, 0.1, 40.0, 1300.0, {"doppelt": 13})]
    agents = {  # desk17: the per-agent table must fit too
        name: dict(claimed=140, drafted=0, edited=31, approved=120, sent=118, rejected=13)
        for name in ("anna", "ben", "watcher")
    }
    return Analytics(60, overall, reasons, prompts, GAPS, by_agent=agents)


def screen_text(app: DeskApp) -> str:
    """What the terminal shows now, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def desk_app(ui: str, desk: FakeDesk) -> DeskApp:
    return make_app(
        Settings(agent_id="agent", ui_language=ui), service=desk, now=lambda: NOW,
        predraft=False, cursor_blink=False,
    )  # fmt: skip


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_every_figures_column_is_readable_at_80_columns(ui: str) -> None:
    desk = FakeDesk(6)
    desk.stats_result = demo_like()
    try:
        app = desk_app(ui, desk)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_stats(app, pilot)
            await pilot.pause(0.1)
            for table in screen.query(DataTable):
                wide, room = table.virtual_size.width, table.scrollable_content_region.width
                assert wide <= room, f"{ui} {table.id}: {wide} columns in {room}"
                table.scroll_visible(animate=False, top=True)
                await pilot.pause(0.1)
                shown = screen_text(app)
                for column in table.columns.values():
                    for line in column.label.plain.splitlines():
                        assert line in shown, f"{ui} {table.id}: header {line!r} cut:\n{shown}"
            # every field of each gap is on screen, whole (wrapped, not cut)
            gaps = screen.table("gaps")
            gaps.scroll_visible(animate=False, top=True)
            await pilot.pause(0.1)
            shown = " ".join(screen_text(app).split())
            for topic in GAPS:
                for word in [*topic.label.split(), *topic.terms, *map(str, topic.email_ids)]:
                    assert word.strip(",") in shown, f"{ui}: {word!r} not shown:\n{shown}"
                for signal, n in topic.signals.items():
                    assert f"{i18n.t('stats.signal.' + signal)} {n}" in shown, shown
                for lang, n in topic.languages.items():
                    assert f"{lang} {n}" in shown, shown
            assert cell_len(max(screen_text(app).splitlines(), key=cell_len)) <= 80
    finally:
        i18n.set_language("en")


async def test_the_gap_topics_take_the_room_a_wider_terminal_gives() -> None:
    desk = FakeDesk(6)
    desk.stats_result = demo_like()
    app = desk_app("en", desk)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_stats(app, pilot)
        await pilot.resize_terminal(160, 40)
        await pilot.pause(0.2)
        gaps = screen.table("gaps")
        gaps.scroll_visible(animate=False, top=True)
        await pilot.pause(0.1)
        lines = screen_text(app).splitlines()
        assert any(GAPS[0].label in line for line in lines), "\n".join(lines)  # on one line
        wide, room = gaps.virtual_size.width, gaps.scrollable_content_region.width
        assert wide <= room, f"{wide} columns in {room}"


def _flat(text: str) -> str:
    return " ".join(text.split())


@overload
def region_text(app: DeskApp, widget: Widget) -> str: ...
@overload
def region_text(app: DeskApp, widget: Widget, *, flat: Literal[False]) -> list[str]: ...
def region_text(app: DeskApp, widget: Widget, *, flat: bool = True) -> str | list[str]:
    """The text the terminal shows inside `widget` (on the screen it is on): as one line with
    single spaces, or (`flat=False`) row by row."""
    region = widget.content_region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    rows = [strip.crop(region.x, region.right).text for strip in strips]
    return _flat("\n".join(rows)) if flat else rows


async def _email(ui: str, pilot: Pilot[None], app: DeskApp) -> EmailScreen:
    await email_ready(pilot)
    screen = app.screen
    assert isinstance(screen, EmailScreen) and screen.draft is not None
    return screen


@pytest.mark.parametrize("ui", ["en", "de"])
@pytest.mark.parametrize("key", ["f1", "ctrl+b", "f8", "f9"])
async def test_every_dialog_title_is_whole_at_80_by_24(ui: str, key: str) -> None:
    """Help ("Keys (change them in …"), versions ("… als neue Bearbeitun") and the German
    checklist title were one-line Labels cut at the dialog's edge."""
    try:
        app = snapshot_app(ui_language=ui)
        async with app.run_test(size=(80, 24)) as pilot:
            await _email(ui, pilot, app)
            await pilot.press(key)
            await wait_for(pilot, lambda: len(app.screen_stack) > 2)
            await pilot.pause(0.2)
            dialog = app.screen.query_one(".dialog")
            title = dialog.children[0]
            assert isinstance(title, Static)
            text = region_text(app, dialog)
            assert _flat(str(title.render())) in text, text
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_the_send_checklist_is_readable_and_its_buttons_visible_at_80_by_24(
    ui: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each risky warning was one line cut with "…" (the agent ticked what it could not read),
    and with four of them the Send/Cancel buttons fell below the dialog's edge."""
    try:
        app = snapshot_app(ui_language=ui)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _email(ui, pilot, app)
            risky = [w for w in _warnings() if w.code in ("link", "payment", "credentials")]
            assert len(risky) >= 4
            monkeypatch.setattr(app.service, "checked", lambda email_id, body: risky)
            screen.editor.text = BAD
            await pilot.press("f9")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmSendScreen))
            await pilot.pause(0.2)
            dialog = app.screen
            ticks = dialog.query_one("#ack-list", SelectionList)
            title = dialog.query_one("#ack-title")
            assert _flat(i18n.t("confirm.ack_title")) in region_text(app, title)
            for index in range(ticks.option_count):  # each whole, as the agent moves to it
                if index:
                    await pilot.press("down")
                await pilot.pause(0.05)
                prompt = _flat(str(ticks.get_option_at_index(index).prompt))
                shown = region_text(app, dialog.query_one(".dialog"))
                assert prompt in shown, f"{prompt!r} cut: {shown}"
            for button in dialog.query(Button):
                label = _flat(str(button.label))
                screen_region = app.screen.region
                assert screen_region.contains_region(button.region), f"{label} off screen"
                assert label in region_text(app, button), f"{label} not shown"
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_the_queue_footer_shows_the_help_key_at_80_columns(ui: str) -> None:
    """The footer's "^p Command palette" covered the last keys ("f1 ▏", German "^q B▏")."""
    try:
        app = snapshot_app(ui_language=ui)
        async with app.run_test(size=(80, 24)) as pilot:
            await queue_ready(pilot)
            bar = app.screen.query_one(Footer)
            help_key, quit_key = ("F1", "Strg+Q") if ui == "de" else ("f1", "^q")  # desk17
            keys = (
                f"{help_key} {i18n.t('key.help.short')}",
                f"{quit_key} {i18n.t('key.quit.short')}",
            )
            # the footer is composed again right after the first rows arrive (it is blank
            # for a frame): wait until it shows both keys, rather than reading it once
            with contextlib.suppress(AssertionError):
                await wait_for(pilot, lambda: all(k in region_text(app, bar) for k in keys), 10)
            footer = region_text(app, bar)
            assert all(key in footer for key in keys), footer
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_the_queue_shows_every_default_contact_reason_whole_at_80_columns(ui: str) -> None:
    """At 80 columns the reason column was 10 wide: "zaehlerst…", "kundenpor…", "tarifwech…"."""
    desk = FakeDesk(6)
    long_reasons = ("zaehlerstand", "kundenportal", "tarifwechsel")
    for item, reason in zip(list(desk.items.values())[:3], long_reasons, strict=True):
        item.contact_reason = reason
    try:
        app = desk_app(ui, desk)
        async with app.run_test(size=(80, 24)) as pilot:
            await queue_ready(pilot)
            await pilot.pause(0.2)
            shown = screen_text(app)
            for reason in long_reasons:  # as labels since desk16 ("Zählerstand")
                assert i18n.reason_label(reason) in shown, shown
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("ui", ["en", "de"])
async def test_a_long_changed_line_in_the_versions_list_ends_at_a_word(ui: str) -> None:
    """The preview cut a changed line at 70 characters mid-word ("die Brei"), and at 80
    columns the rest wrapped to the list's left edge, looking like another version's line."""
    desk = FakeDesk(6)
    try:
        app = desk_app(ui, desk)
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await _email(ui, pilot, app)
            long = "Zusatz mit einem sehr langen Satz, der über die Breite der Liste hinausgeht"
            desk.save_edit(screen.email_id, f"{long} und umgebrochen wird.\n{screen.editor.text}")
            await pilot.press("ctrl+b")
            await wait_for(pilot, lambda: len(app.screen_stack) > 2)
            await pilot.pause(0.2)
            versions = app.screen.query_one("#versions-list")
            rows = [row.strip(" ▊▎") for row in region_text(app, versions, flat=False)]
            added = [row for row in rows if row.startswith("+ ")]
            assert added and added[0].endswith(" …"), rows
            assert added[0][2:-2] in long, rows  # whole words of the line, on one row
    finally:
        i18n.set_language("en")
