"""Behaviour of the review desk against the in-memory desk: drafting streams, edits persist,
decisions reach the service, errors never wipe the editor, pre-drafting is bounded."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from rich.text import Text
from textual.message import Message

from drafter.config import Settings
from drafter.errors import ConfigError, LLMError, StoreError
from drafter.tui.app import DeskApp, make_app
from drafter.tui.messages import DraftDelta, DraftFinished
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


async def test_draft_streams_in_then_edit_approve_send(settings: Settings) -> None:
    desk = FakeDesk(3, delay=0.005, chunk=8)
    seen: list[Message] = []
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = await open_first(app, pilot)
        deltas = [m for m in seen if isinstance(m, DraftDelta) and m.email_id == screen.email_id]
        assert len(deltas) > 5, "the draft arrives in pieces"
        finished = [m for m in seen if isinstance(m, DraftFinished)]
        assert screen.editor.text == finished[-1].draft.body == "".join(d.text for d in deltas)
        assert "⚠ kb_gap" in str(screen.query_one("#warnings").render())

        screen.editor.move_cursor(screen.editor.document.end)
        await pilot.press("P", "S", "!")
        edited = screen.editor.text
        assert edited.endswith("PS!")
        await pilot.press("f9")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmSendScreen")
        await pilot.press("y")
        await wait_for(pilot, lambda: bool(desk.sent))
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
    approval = desk.approvals[screen.email_id]
    assert approval.sha256 == hashlib.sha256(edited.encode()).hexdigest()
    assert desk.items[screen.email_id].status == "sent"


async def test_cancelled_confirmation_sends_nothing(settings: Settings) -> None:
    desk = FakeDesk(1)
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(app, pilot)
        await pilot.press("f9")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmSendScreen")
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
    assert desk.sent == [] and desk.approvals == {}


async def test_reject_with_reason(settings: Settings) -> None:
    desk = FakeDesk(2)
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press("f8")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RejectScreen")
        await pilot.press("enter")  # empty reason is refused
        assert type(app.screen).__name__ == "RejectScreen"
        await pilot.press(*"spam")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
    assert desk.rejections == {screen.email_id: "spam"}


async def test_rewrite_with_a_choice_and_free_text(settings: Settings) -> None:
    desk = FakeDesk(1)
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RewriteScreen")
        await pilot.press("enter")  # first choice: shorter
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
        await wait_for(pilot, lambda: screen.editor.text.startswith("[Make the reply shorter.]"))
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RewriteScreen")
        await pilot.press("tab", *"mention the portal", "enter")
        await wait_for(pilot, lambda: screen.editor.text.startswith("[mention the portal]"))
    drafts = [c for c in desk.calls if c[0] == "draft"]
    assert drafts[-1] == ("draft", (1, "mention the portal"))
    assert [v.source for v in desk.drafts[1]] == ["generated", "rewrite", "rewrite"]


async def test_undo_to_an_earlier_version(settings: Settings) -> None:
    desk = FakeDesk(1)
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        original = screen.editor.text
        screen.editor.load_text("completely different text")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(desk.drafts[1]) == 2)
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "VersionsScreen")
        await pilot.press("down", "enter")  # newest first: v2, then v1
        await wait_for(pilot, lambda: len(desk.drafts[1]) == 3)
        assert screen.editor.text == original
    assert desk.drafts[1][-1].body == original and desk.drafts[1][-1].source == "edit"


async def test_autosave_persists_after_typing_stops(settings: Settings) -> None:
    desk = FakeDesk(1)
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press(*"Hallo")
        assert len(desk.drafts[1]) == 1, "no save while typing"
        await wait_for(pilot, lambda: len(desk.drafts[1]) == 2, timeout=3)
        assert desk.drafts[1][-1].body == screen.editor.text
        assert "Hallo" in desk.drafts[1][-1].body


async def test_leaving_and_quitting_save_the_edit(settings: Settings) -> None:
    desk = FakeDesk(2)
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press(*"AB", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, QueueScreen))
        assert desk.drafts[screen.email_id][-1].body == screen.editor.text
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EmailScreen))
        second = app.screen
        assert isinstance(second, EmailScreen) and second.email_id != screen.email_id
        await wait_for(pilot, lambda: second.saved_text is not None and not second.streaming)
        await pilot.press(*"XY", "ctrl+q")
    assert "XY" in desk.drafts[second.email_id][-1].body


async def test_draft_error_notifies_and_keeps_the_editor(settings: Settings) -> None:
    desk = FakeDesk(1)
    app = build(settings, desk, predraft=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_first(app, pilot)
        await pilot.press(*"meine Notiz")
        kept = screen.editor.text
        desk.fail_draft = LLMError("the model timed out", hint="check DRAFTER_LLM_BASE_URL")
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: not app.is_drafting(1) and not screen.streaming)
        assert screen.editor.text == kept
        assert not screen.editor.read_only
        texts = [n.message for n in app._notifications]
        assert any("timed out" in t and "DRAFTER_LLM_BASE_URL" in t for t in texts)

        desk.fail_calls["approve"] = StoreError("database is locked", hint="try again")
        await pilot.press("f9")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmSendScreen")
        await pilot.press("y")
        await wait_for(pilot, lambda: any("locked" in n.message for n in app._notifications))
        assert isinstance(app.screen, EmailScreen) and screen.editor.text == kept
    assert desk.sent == []


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
        assert len(queue.items) == 6
        await pilot.press("f")  # status: new
        await wait_for(pilot, lambda: len(queue.items) == 5)
        await pilot.press("f", "f", "f", "f", "f")  # ... sent
        await wait_for(pilot, lambda: list(queue.items) == [2])
        await pilot.press("f", "f")  # rejected, then all again
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
        assert item.sender.split("<")[0].strip() in first and item.contact_reason in first
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
