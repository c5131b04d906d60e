"""Behaviour of the review desk's own mechanics on the in-memory desk (which can count and
script what the real service cannot): pre-drafting is bounded, the queue filters, searches,
claims and renders its columns, keys can be remapped, the palette lists every action. The
review flow itself (drafts, edits, decisions, errors) is tested on the real Desk in
test_behaviour_real.py and test_behaviour_llm.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text

from drafter.config import Settings
from drafter.errors import ConfigError, LLMError
from drafter.tui.app import DeskApp, make_app
from drafter.tui.i18n import reason_label
from drafter.tui.screens.email import EmailScreen
from drafter.tui.screens.modals import HelpScreen
from drafter.tui.screens.queue import QueueScreen, due_style, format_age
from tests.tui.fake_desk import NOW, FakeDesk
from tests.tui.helpers import wait_for

SIZE = (120, 36)


def build(settings: Settings, desk: FakeDesk, **kw: object) -> DeskApp:
    return make_app(settings, service=desk, now=lambda: NOW, **kw)  # type: ignore[arg-type]


async def open_first(app: DeskApp, pilot) -> EmailScreen:  # type: ignore[no-untyped-def]
    await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
    screen = app.screen
    assert isinstance(screen, EmailScreen)
    await wait_for(pilot, lambda: screen.saved_text is not None and not screen.streaming)
    return screen


async def test_predrafting_is_bounded_and_fills_the_queue(settings: Settings) -> None:
    desk = FakeDesk(7, delay=0.01)
    running = {"now": 0, "max": 0}
    original = desk.draft

    async def counting(email_id: int, *, instruction: str = ""):  # type: ignore[no-untyped-def]
        running["now"] += 1
        running["max"] = max(running["max"], running["now"])
        try:
            async for event in original(email_id, instruction=instruction):
                yield event
        finally:
            running["now"] -= 1

    desk.draft = counting  # type: ignore[method-assign]
    settings = settings.model_copy(update={"predraft_concurrency": 2})
    app = build(settings, desk)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: all(len(desk.drafts.get(i, [])) == 1 for i in range(1, 8)))
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        table = queue.table
        await wait_for(pilot, lambda: str(table.get_cell(1, "status")).startswith("ready"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
        screen = app.screen
        assert isinstance(screen, EmailScreen)
        await wait_for(pilot, lambda: screen.saved_text is not None)
        assert not screen.streaming, "an opened email shows the finished draft"
    assert running["max"] == 2


async def test_queue_filter_search_and_claim(settings: Settings) -> None:
    desk = FakeDesk(6)
    desk.items[2].status = "sent"
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await wait_for(pilot, lambda: queue.loaded)
        assert len(queue.items) == 5  # open: all but the sent one
        await pilot.press("f")  # status: all
        await wait_for(pilot, lambda: len(queue.items) == 6)
        await pilot.press("f")  # status: sent
        await wait_for(pilot, lambda: list(queue.items) == [2])
        await pilot.press("f", "f")  # rejected, then new
        await wait_for(pilot, lambda: len(queue.items) == 5)
        await pilot.press("f", "f", "f", "f", "f", "f")  # ... open, then all again
        await wait_for(pilot, lambda: len(queue.items) == 6)
        await pilot.press("slash", *"ben")
        await wait_for(pilot, lambda: {i.sender for i in queue.items.values()} == {
            "Ben Miller <ben@example.com>"})  # fmt: skip
        await pilot.press("escape")
        await wait_for(pilot, lambda: len(queue.items) == 6)
        selected = queue.selected_id()
        await pilot.press("c")
        await wait_for(pilot, lambda: desk.items[selected].claimed_by == "agent")  # type: ignore[index]


async def test_every_column_fits_and_updates_touch_one_line(settings: Settings) -> None:
    desk = FakeDesk(40)
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await wait_for(pilot, lambda: queue.loaded)
        table = queue.table
        first = table.render_line(1).text
        assert first.rstrip().endswith("new"), "the status column is on screen"
        item = queue.items[table.row_ids[0]]
        label = reason_label(item.contact_reason)  # "bill" for "rechnung" (desk16)
        assert item.sender.split("<")[0].strip() in first and label in first
        assert table.render_line(0).text.split() == [
            "Age", "Sender", "Subject", "Lang", "Reason", "Status"]  # fmt: skip
        await pilot.press("end")
        last = table.row_ids[-1]
        assert table.selected_id == last
        await pilot.pause()
        rendered = set(table._lines)
        assert (last, table.scrollable_content_region.width) in rendered
        table.update_cell(last, "status", Text("ready"))
        assert rendered - set(table._lines) == {(last, table.scrollable_content_region.width)}
        assert any(table.render_line(y).text.rstrip().endswith("ready") for y in range(1, 36))


def test_key_names_for_people() -> None:
    from drafter.tui.keys import display_key

    assert display_key("f1,question_mark") == "f1, ?"
    assert display_key("slash") == "/"
    assert display_key("ctrl+s") == "ctrl+s"


def test_age_and_due_colours() -> None:
    from datetime import timedelta

    assert format_age(timedelta(minutes=5)) == "5m"
    assert format_age(timedelta(hours=3, minutes=7)) == "3h 07m"
    assert format_age(timedelta(days=2, hours=1)) == "2d 01h"
    assert due_style(timedelta(hours=2), 24) == "green"
    assert due_style(timedelta(hours=13), 24) == "yellow"
    assert due_style(timedelta(hours=25), 24) == "bold red"


async def test_keybindings_file_overrides_keys(settings: Settings, tmp_path: Path) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text('[bindings]\nsave = "f2"\nhelp = "f12"\n')
    desk = FakeDesk(1)
    app = build(settings.model_copy(update={"keybindings_file": keys}), desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press(*"zz")
        await pilot.press("ctrl+s")  # no longer bound: nothing saved yet
        assert len(desk.drafts[1]) == 1
        await pilot.press("f2")
        await wait_for(pilot, lambda: len(desk.drafts[1]) == 2)
        assert desk.drafts[1][-1].body == screen.editor.text
        await pilot.press("f12")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert ("f12", "Help: list every key", "help") in help_screen.rows
        assert ("f2", "Save the draft", "save") in help_screen.rows


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[bindings]\nfly = "f3"\n', "unknown action 'fly'"),
        ("[bindings]\nsave = 3\n", "save must be a key string"),
        ("[bindings\n", "invalid TOML"),
        ('[keys]\nsave = "f2"\n', "unknown table [keys]"),
    ],
)
def test_bad_keybindings_file_is_a_config_error(
    settings: Settings, tmp_path: Path, content: str, expected: str
) -> None:
    keys = tmp_path / "keys.toml"
    keys.write_text(content)
    with pytest.raises(ConfigError) as info:
        build(settings.model_copy(update={"keybindings_file": keys}), FakeDesk(1))
    assert expected in info.value.message and str(keys) in info.value.message
    assert info.value.hint


async def test_command_palette_lists_every_action(settings: Settings) -> None:
    from drafter.tui.commands import KeysProvider
    from drafter.tui.keys import KEYS

    desk = FakeDesk(1)
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        provider = KeysProvider(screen)
        found = [hit.text async for hit in provider.discover()]
        for spec in KEYS:
            if spec.scope in ("app", "email") and spec.action != "command_palette":
                assert any(spec.description in (text or "") for text in found), spec.action
        hits = [hit async for hit in provider.search("save the draft")]
        assert hits
        screen.editor.insert("Nachtrag")
        await hits[0].command()  # type: ignore[misc]
        await wait_for(pilot, lambda: ("save_edit", 1) in desk.calls)
        assert desk.drafts[1][-1].body == screen.editor.text


async def test_refused_rewrite_keeps_the_draft_and_its_header(settings: Settings) -> None:
    desk = FakeDesk(1)
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        status = screen.query_one("#draft-status")
        header = str(status.render())
        assert header.startswith("Draft v1")
        before = screen.editor.text
        desk.fail_draft = LLMError(
            "rewriting needs a language model", hint="set DRAFTER_LLM_BASE_URL"
        )
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RewriteScreen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        await wait_for(pilot, lambda: not screen.streaming)
        error = next(n for n in app._notifications if n.severity == "error")
        assert "rewriting needs a language model" in error.message
        assert "DRAFTER_LLM_BASE_URL" in error.message  # the hint is shown too
        assert str(status.render()) == header  # not "Drafting failed", the draft is unchanged
        assert screen.editor.text == before and not screen.editor.read_only
        assert [v.body for v in desk.drafts[1]] == [before]


async def test_failed_first_draft_says_so_in_the_header(settings: Settings) -> None:
    desk = FakeDesk(1)
    desk.fail_draft = LLMError("the model endpoint refused", hint="check DRAFTER_LLM_BASE_URL")
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen) and app.screen.loaded)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
        screen = app.screen
        assert isinstance(screen, EmailScreen)
        status = screen.query_one("#draft-status")
        await wait_for(pilot, lambda: "Drafting failed" in str(status.render()))
        assert "the model endpoint refused" in str(status.render())


async def test_the_queue_loads_the_next_page_near_its_end(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafter.tui.screens import queue_view as queue_screen

    monkeypatch.setattr(queue_screen, "PAGE", 40)  # more than a screenful (36 lines)
    desk = FakeDesk(100)
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await wait_for(pilot, lambda: queue.loaded)
        await pilot.pause(0.2)
        assert queue.table.row_count == 40  # one page
        assert "40+" in str(queue.query_one("#count-label").render())
        await pilot.press("end")  # the end comes into view: the next page is appended
        await wait_for(pilot, lambda: queue.table.row_count == 80)
        await pilot.press("end")
        await wait_for(pilot, lambda: queue.table.row_count == 100)
        assert queue.table.row_ids == [i.email_id for i in desk.queue()]
        queue.reload()  # a reload keeps every loaded row
        await pilot.pause(0.2)
        assert queue.table.row_count == 100
